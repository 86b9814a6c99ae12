//! Monthly counts, category 1A (R-COM-4): for each IHK district and calendar month the number
//! of companies addressed, of which KMU (fewer than 250 employees), by outreach format. Entered
//! by IHK staff for their district until an admin closes the month; reminders when a month is
//! missing (R-NOT-2, [`tiles`]). Every write goes through the audited unit of work.

pub mod overview;
pub mod period;
pub mod tiles;

use std::collections::BTreeMap;

use hih_db::UnitOfWork;
use hih_i18n::Locale;
use hih_kernel::{AppError, FieldErrors, Services};
use sea_orm::{ColumnTrait, EntityTrait, IntoActiveModel, NotSet, QueryFilter, QueryOrder, Set};
use serde::{Deserialize, Serialize};

use crate::entities::{monthly_count, monthly_count_line};
use hih_reference::entities::reference_item;
pub use period::Period;

/// Highest figure accepted per field (a typo guard, far above any IHK's monthly outreach).
pub const MAX_FIGURE: i32 = 1_000_000;

/// One outreach format as the form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Format {
    /// Code (reference list kind `outreach`).
    pub code: String,
    /// Label in the UI language.
    pub label: String,
}

/// The outreach formats of a month's form: the active ones in display order, then inactive
/// ones among `stored` codes that already hold figures (so nothing stored becomes invisible).
pub async fn formats(
    services: &Services,
    locale: Locale,
    stored: &[String],
) -> Result<Vec<Format>, AppError> {
    let items = reference_item::Entity::find()
        .filter(reference_item::Column::Kind.eq("outreach"))
        .order_by_asc(reference_item::Column::Sort)
        .all(&services.db)
        .await?;
    let label = |i: &reference_item::Model| {
        if locale == Locale::En {
            i.label_en.clone()
        } else {
            i.label_de.clone()
        }
    };
    let mut out: Vec<Format> = items
        .iter()
        .filter(|i| i.active)
        .map(|i| Format {
            code: i.code.clone(),
            label: label(i),
        })
        .collect();
    for code in stored {
        if !out.iter().any(|f| &f.code == code) {
            let label = items
                .iter()
                .find(|i| &i.code == code)
                .map(label)
                .unwrap_or_else(|| code.clone());
            out.push(Format {
                code: code.clone(),
                label,
            });
        }
    }
    Ok(out)
}

/// The entry form as submitted: per outreach code the two figures as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthlyForm {
    /// `code → (addressed, of which KMU)`.
    pub lines: BTreeMap<String, (String, String)>,
}

/// Form field name of the "addressed" figure of a format.
pub fn addressed_field(code: &str) -> String {
    format!("addressed_{code}")
}

/// Form field name of the "of which KMU" figure of a format.
pub fn kmu_field(code: &str) -> String {
    format!("kmu_{code}")
}

impl MonthlyForm {
    /// Reads the figures of `formats` from submitted pairs (missing fields stay empty).
    pub fn from_pairs(formats: &[Format], pairs: &[(String, String)]) -> Self {
        let get = |name: String| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.trim().to_string())
                .unwrap_or_default()
        };
        MonthlyForm {
            lines: formats
                .iter()
                .map(|f| {
                    (
                        f.code.clone(),
                        (get(addressed_field(&f.code)), get(kmu_field(&f.code))),
                    )
                })
                .collect(),
        }
    }

    /// The form of stored figures.
    pub fn from_lines(lines: &[monthly_count_line::Model]) -> Self {
        MonthlyForm {
            lines: lines
                .iter()
                .map(|l| {
                    (
                        l.outreach.clone(),
                        (l.addressed.to_string(), l.addressed_kmu.to_string()),
                    )
                })
                .collect(),
        }
    }
}

/// One checked line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figures {
    /// Companies addressed.
    pub addressed: i32,
    /// Of which KMU.
    pub kmu: i32,
}

/// A checked form: `code → figures`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMonth(pub BTreeMap<String, Figures>);

fn figure(value: &str) -> Result<i32, &'static str> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(0);
    }
    match v.parse::<i64>() {
        Ok(n) if n < 0 => Err("companies-monthly-error-negative"),
        Ok(n) if n > i64::from(MAX_FIGURE) => Err("companies-monthly-error-too-large"),
        Ok(n) => i32::try_from(n).map_err(|_| "companies-monthly-error-too-large"),
        Err(_) => Err("companies-monthly-error-number"),
    }
}

/// Checks the form (R-COM-4): whole numbers from 0 (empty counts as 0), of which KMU at most
/// the number addressed, and the month not in the future (`today` is the current month).
pub fn validate(
    form: &MonthlyForm,
    period: Period,
    today: Period,
) -> Result<ValidMonth, FieldErrors> {
    let mut e = FieldErrors::new();
    if period > today {
        e.add("period", "companies-monthly-error-future");
    }
    let mut out = BTreeMap::new();
    for (code, (addressed, kmu)) in &form.lines {
        let a = figure(addressed).map_err(|k| e.add(&addressed_field(code), k));
        let k = figure(kmu).map_err(|k| e.add(&kmu_field(code), k));
        if let (Ok(a), Ok(k)) = (a, k) {
            if k > a {
                e.add(&kmu_field(code), "companies-monthly-error-kmu-exceeds");
            }
            out.insert(
                code.clone(),
                Figures {
                    addressed: a,
                    kmu: k,
                },
            );
        }
    }
    if e.is_empty() {
        Ok(ValidMonth(out))
    } else {
        Err(e)
    }
}

/// A stored month with its lines.
#[derive(Debug, Clone)]
pub struct StoredMonth {
    /// The month.
    pub count: monthly_count::Model,
    /// Its lines, by outreach code.
    pub lines: Vec<monthly_count_line::Model>,
}

/// Loads the month of a district, if entered.
pub async fn find(
    services: &Services,
    district_id: i64,
    period: Period,
) -> Result<Option<StoredMonth>, AppError> {
    let Some(count) = monthly_count::Entity::find()
        .filter(monthly_count::Column::DistrictId.eq(district_id))
        .filter(monthly_count::Column::Year.eq(period.year))
        .filter(monthly_count::Column::Month.eq(period.month_i32()))
        .one(&services.db)
        .await?
    else {
        return Ok(None);
    };
    let lines = monthly_count_line::Entity::find()
        .filter(monthly_count_line::Column::MonthlyCountId.eq(count.id))
        .order_by_asc(monthly_count_line::Column::Id)
        .all(&services.db)
        .await?;
    Ok(Some(StoredMonth { count, lines }))
}

/// Saves the figures of a month: creates the month on first entry, updates changed lines,
/// adds new ones (every change audited).
pub async fn save(
    uow: &mut UnitOfWork,
    district_id: i64,
    period: Period,
    valid: &ValidMonth,
) -> Result<monthly_count::Model, AppError> {
    let now = uow.now();
    let existing = monthly_count::Entity::find()
        .filter(monthly_count::Column::DistrictId.eq(district_id))
        .filter(monthly_count::Column::Year.eq(period.year))
        .filter(monthly_count::Column::Month.eq(period.month_i32()))
        .one(uow.txn())
        .await?;
    let (count, lines) = match existing {
        Some(c) => {
            let lines = monthly_count_line::Entity::find()
                .filter(monthly_count_line::Column::MonthlyCountId.eq(c.id))
                .all(uow.txn())
                .await?;
            (c, lines)
        }
        None => {
            let c = uow
                .insert(monthly_count::ActiveModel {
                    id: NotSet,
                    district_id: Set(district_id),
                    year: Set(period.year),
                    month: Set(period.month_i32()),
                    closed_at: Set(None),
                    closed_by: Set(None),
                    created_at: Set(now),
                    updated_at: Set(now),
                })
                .await?;
            (c, Vec::new())
        }
    };
    let mut changed = false;
    for (code, f) in &valid.0 {
        match lines.iter().find(|l| &l.outreach == code) {
            Some(l) if l.addressed == f.addressed && l.addressed_kmu == f.kmu => {}
            Some(l) => {
                let mut am = l.clone().into_active_model();
                am.addressed = Set(f.addressed);
                am.addressed_kmu = Set(f.kmu);
                uow.update(l, am).await?;
                changed = true;
            }
            None => {
                uow.insert(monthly_count_line::ActiveModel {
                    id: NotSet,
                    monthly_count_id: Set(count.id),
                    outreach: Set(code.clone()),
                    addressed: Set(f.addressed),
                    addressed_kmu: Set(f.kmu),
                })
                .await?;
                changed = true;
            }
        }
    }
    if changed && !lines.is_empty() {
        let mut am = count.clone().into_active_model();
        am.updated_at = Set(now);
        return uow.update(&count, am).await;
    }
    Ok(count)
}

/// Closes a month (admins): from now on IHK staff can no longer change it.
pub async fn close(
    uow: &mut UnitOfWork,
    count: &monthly_count::Model,
    by: Option<i64>,
) -> Result<monthly_count::Model, AppError> {
    let mut am = count.clone().into_active_model();
    am.closed_at = Set(Some(uow.now()));
    am.closed_by = Set(by);
    am.updated_at = Set(uow.now());
    uow.update(count, am).await
}

/// Reopens a closed month (admins).
pub async fn reopen(
    uow: &mut UnitOfWork,
    count: &monthly_count::Model,
) -> Result<monthly_count::Model, AppError> {
    let mut am = count.clone().into_active_model();
    am.closed_at = Set(None);
    am.closed_by = Set(None);
    am.updated_at = Set(uow.now());
    uow.update(count, am).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(lines: &[(&str, &str, &str)]) -> MonthlyForm {
        MonthlyForm {
            lines: lines
                .iter()
                .map(|(c, a, k)| (c.to_string(), (a.to_string(), k.to_string())))
                .collect(),
        }
    }

    #[test]
    fn figures_are_checked_per_field() {
        let oct = Period::new(2026, 10).unwrap();
        let nov = Period::new(2026, 11).unwrap();
        let ok = validate(
            &form(&[("telefon", "12", "7"), ("mailing", "", "")]),
            oct,
            nov,
        )
        .unwrap();
        assert_eq!(
            ok.0["telefon"],
            Figures {
                addressed: 12,
                kmu: 7
            }
        );
        assert_eq!(
            ok.0["mailing"],
            Figures {
                addressed: 0,
                kmu: 0
            }
        );
        let e = validate(
            &form(&[
                ("telefon", "3", "4"),
                ("mailing", "-1", "x"),
                ("online", "2,5", "0"),
            ]),
            oct,
            nov,
        )
        .unwrap_err();
        assert!(e.has("kmu_telefon") && e.has("addressed_mailing") && e.has("kmu_mailing"));
        assert!(e.has("addressed_online") && !e.has("addressed_telefon"));
        let future = validate(&form(&[]), Period::new(2026, 12).unwrap(), nov).unwrap_err();
        assert!(future.has("period"));
        assert!(
            validate(&form(&[]), nov, nov).is_ok(),
            "the current month may be entered"
        );
    }
}
