//! Which months are due and what their state is (R-COM-4, R-NOT-2). A month is due from
//! the setting `monthly_counts_start` (`JJJJ-MM`) or, when unset, from the month of the
//! district's first monthly count or first company; the current month is never overdue.

use std::collections::{BTreeMap, HashMap};

use chrono_tz::Europe::Berlin;
use hih_kernel::{Actor, AppError, Services};
use hih_users::entities::institution;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;

use super::{Figures, Period};
use crate::entities::{company, monthly_count, monthly_count_line};
use crate::scope::visible_districts;

/// The state of a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Due, not entered.
    Missing,
    /// Entered, not closed.
    Open,
    /// Closed by an admin.
    Closed,
}

impl Status {
    /// The value in URLs (list filter).
    pub fn code(self) -> &'static str {
        match self {
            Status::Missing => "fehlt",
            Status::Open => "offen",
            Status::Closed => "abgeschlossen",
        }
    }

    /// The text key of the label.
    pub fn text_key(self) -> &'static str {
        match self {
            Status::Missing => "companies-monthly-status-fehlt",
            Status::Open => "companies-monthly-status-offen",
            Status::Closed => "companies-monthly-status-abgeschlossen",
        }
    }

    /// All states in display order.
    pub const ALL: [Status; 3] = [Status::Missing, Status::Open, Status::Closed];
}

/// One month of one district in the list.
#[derive(Debug, Clone)]
pub struct MonthRow {
    /// The IHK.
    pub district_id: i64,
    /// Its name.
    pub district: String,
    /// The month.
    pub period: Period,
    /// State.
    pub status: Status,
    /// The stored month, if entered.
    pub count: Option<monthly_count::Model>,
    /// Figures by outreach code (empty if missing).
    pub figures: BTreeMap<String, Figures>,
}

impl MonthRow {
    /// Companies addressed in total.
    pub fn addressed(&self) -> i64 {
        self.figures.values().map(|f| i64::from(f.addressed)).sum()
    }

    /// Of which KMU in total.
    pub fn kmu(&self) -> i64 {
        self.figures.values().map(|f| i64::from(f.kmu)).sum()
    }
}

/// The IHK districts in the actor's scope, by name.
pub async fn districts(
    services: &Services,
    actor: &Actor,
) -> Result<Vec<institution::Model>, AppError> {
    Ok(institution::Entity::find()
        .filter(visible_districts(actor))
        .order_by_asc(institution::Column::Name)
        .all(&services.db)
        .await?)
}

/// The first due month per district (see the module documentation).
async fn due_start(
    services: &Services,
    ids: &[i64],
    counts: &[monthly_count::Model],
) -> Result<HashMap<i64, Period>, AppError> {
    if let Some(start) = services
        .settings
        .monthly_counts_start
        .as_deref()
        .and_then(Period::parse)
    {
        return Ok(ids.iter().map(|id| (*id, start)).collect());
    }
    let mut out: HashMap<i64, Period> = HashMap::new();
    for c in counts {
        if let Some(p) = Period::new(c.year, u32::try_from(c.month).unwrap_or(0)) {
            out.entry(c.district_id)
                .and_modify(|e| *e = (*e).min(p))
                .or_insert(p);
        }
    }
    let firsts: Vec<(Option<i64>, Option<chrono::DateTime<chrono::Utc>>)> = company::Entity::find()
        .select_only()
        .column(company::Column::DistrictId)
        .column_as(company::Column::CreatedAt.min(), "first")
        .filter(company::Column::DistrictId.is_in(ids.to_vec()))
        .group_by(company::Column::DistrictId)
        .into_tuple()
        .all(&services.db)
        .await?;
    for (district, first) in firsts {
        if let (Some(d), Some(first)) = (district, first) {
            let p = Period::of(first.with_timezone(&Berlin).date_naive());
            out.entry(d).and_modify(|e| *e = (*e).min(p)).or_insert(p);
        }
    }
    Ok(out)
}

/// Every month of these districts that is due (up to the last completed month) or entered,
/// with its state and figures; sorted by district name, then month.
pub async fn rows(
    services: &Services,
    districts: &[institution::Model],
) -> Result<Vec<MonthRow>, AppError> {
    let ids: Vec<i64> = districts.iter().map(|d| d.id).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let counts = monthly_count::Entity::find()
        .filter(monthly_count::Column::DistrictId.is_in(ids.clone()))
        .all(&services.db)
        .await?;
    let mut lines: HashMap<i64, BTreeMap<String, Figures>> = HashMap::new();
    let count_ids: Vec<i64> = counts.iter().map(|c| c.id).collect();
    for chunk in count_ids.chunks(500) {
        for l in monthly_count_line::Entity::find()
            .filter(monthly_count_line::Column::MonthlyCountId.is_in(chunk.to_vec()))
            .all(&services.db)
            .await?
        {
            lines.entry(l.monthly_count_id).or_default().insert(
                l.outreach,
                Figures {
                    addressed: l.addressed,
                    kmu: l.addressed_kmu,
                },
            );
        }
    }
    let starts = due_start(services, &ids, &counts).await?;
    let last_due = Period::current(services).prev();
    let mut out = Vec::new();
    for d in districts {
        let mut months: BTreeMap<Period, Option<&monthly_count::Model>> = BTreeMap::new();
        if let Some(mut p) = starts.get(&d.id).copied() {
            while p <= last_due {
                months.insert(p, None);
                p = p.next();
            }
        }
        for c in counts.iter().filter(|c| c.district_id == d.id) {
            if let Some(p) = Period::new(c.year, u32::try_from(c.month).unwrap_or(0)) {
                months.insert(p, Some(c));
            }
        }
        for (period, count) in months {
            let status = match count {
                None => Status::Missing,
                Some(c) if c.closed_at.is_some() => Status::Closed,
                Some(_) => Status::Open,
            };
            out.push(MonthRow {
                district_id: d.id,
                district: d.name.clone(),
                period,
                status,
                figures: count
                    .and_then(|c| lines.get(&c.id).cloned())
                    .unwrap_or_default(),
                count: count.cloned(),
            });
        }
    }
    Ok(out)
}
