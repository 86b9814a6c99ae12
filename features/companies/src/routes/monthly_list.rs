//! The list of monthly counts (R-COM-4, R-LST, R-EXP-1/2/5) as a [`MemoryList`]: the calendar
//! of (district, month) rows of the caller's districts — months nobody entered included, as
//! "missing" — computed in memory, then filtered, sorted, paged and exported by the shared list
//! machinery like every other list. No distribution list and no global-search section: monthly
//! counts name no people.

use std::cmp::Ordering;

use hih_kernel::Actor;
use hih_web::export::Cell;
use hih_web::list::{Export, ListInfo, ListParams, ListView, MemoryList};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use serde::Serialize;

use super::monthly::base;
use crate::entities::{monthly_count, monthly_count_line};
use crate::monthly::overview::{self, MonthRow, Status};
use crate::monthly::{self, Format};
use crate::permissions::MONTHLY_COUNTS;

const COLUMNS: [&str; 5] = ["period", "district", "status", "addressed", "kmu"];
pub(super) const LIST: &str = "/monatszahlen";

/// The list of months (`/monatszahlen`), newest first.
pub struct MonthlyList;

#[derive(Serialize)]
struct RowView {
    href: String,
    district: String,
    year: i32,
    month: u32,
    status: &'static str,
    status_key: &'static str,
    addressed: Option<i64>,
    kmu: Option<i64>,
}

fn row_view(r: &MonthRow) -> RowView {
    let entered = r.status != Status::Missing;
    RowView {
        href: if entered {
            base(r.district_id, r.period)
        } else {
            format!("{}/bearbeiten", base(r.district_id, r.period))
        },
        district: r.district.clone(),
        year: r.period.year,
        month: r.period.month,
        status: r.status.code(),
        status_key: r.status.text_key(),
        addressed: entered.then(|| r.addressed()),
        kmu: entered.then(|| r.kmu()),
    }
}

fn status_options() -> Vec<(&'static str, &'static str)> {
    Status::ALL
        .iter()
        .map(|s| (s.code(), s.text_key()))
        .collect()
}

fn rank(s: Status) -> usize {
    Status::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

/// Whether `row` passes a filter value: no value lets everything through, a malformed one
/// nothing.
fn passes<T: std::str::FromStr + PartialEq>(value: Option<&str>, of: T) -> bool {
    value.is_none_or(|v| v.parse::<T>().is_ok_and(|v| v == of))
}

/// The outreach formats the export has columns for: the active ones, then inactive ones that
/// hold figures in the caller's districts — the same for every batch of one export.
async fn export_formats(ctx: &Ctx) -> WebResult<Vec<Format>> {
    let districts = overview::districts(ctx.services(), &ctx.actor).await?;
    let ids: Vec<i64> = districts.iter().map(|d| d.id).collect();
    let stored: Vec<String> = monthly_count_line::Entity::find()
        .select_only()
        .column(monthly_count_line::Column::Outreach)
        .distinct()
        .filter(
            monthly_count_line::Column::MonthlyCountId.in_subquery(
                Query::select()
                    .column(monthly_count::Column::Id)
                    .from(monthly_count::Entity)
                    .and_where(monthly_count::Column::DistrictId.is_in(ids))
                    .to_owned(),
            ),
        )
        .into_tuple()
        .all(&ctx.services().db)
        .await?;
    Ok(monthly::formats(ctx.services(), ctx.locale, &stored).await?)
}

#[async_trait::async_trait]
impl ListView for MonthlyList {
    type Row = MonthRow;

    const INFO: ListInfo = ListInfo {
        key: "monthly",
        path: LIST,
        entity: "monthly_count",
        permission: MONTHLY_COUNTS,
        filters: &["district", "year", "status"],
        columns: &COLUMNS,
        // The months people look for are the recent ones.
        newest_first: true,
    };

    async fn render(
        &self,
        ctx: &Ctx,
        params: &ListParams,
        total: u64,
        page: Vec<MonthRow>,
    ) -> WebResult {
        let districts = overview::districts(ctx.services(), &ctx.actor).await?;
        // The years offered are those of every month in scope, not only the filtered ones.
        let mut years: Vec<i32> = overview::rows(ctx.services(), &districts)
            .await?
            .iter()
            .map(|r| r.period.year)
            .collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        let rows: Vec<RowView> = page.iter().map(row_view).collect();
        let district_options: Vec<(String, String, String)> = districts
            .iter()
            .map(|d| (d.id.to_string(), String::new(), d.name.clone()))
            .collect();
        let years: Vec<(String, String, String)> = years
            .iter()
            .map(|y| (y.to_string(), String::new(), y.to_string()))
            .collect();
        ctx.render(
            "companies/monthly_list.html",
            context! {
                rows => Serde(rows),
                list => params.view(total, &COLUMNS),
                districts => Serde(district_options),
                many_districts => districts.len() > 1,
                years => Serde(years),
                statuses => Serde(status_options()),
                ..params.filter_values(Self::INFO.filters)
            },
        )
        .await
    }

    fn export(&self) -> Option<Export> {
        Some(Export {
            file: "monatszahlen",
            sheet_key: "companies-monthly-sheet",
        })
    }

    fn export_headers(&self, _actor: &Actor) -> Vec<&'static str> {
        vec![
            "companies-monthly-col-district",
            "companies-monthly-col-year",
            "companies-monthly-col-month",
            "companies-monthly-col-status",
            "companies-monthly-col-addressed",
            "companies-monthly-col-kmu",
        ]
    }

    /// The fixed columns, then "addressed" and "of which KMU" per outreach format.
    async fn export_header(&self, ctx: &Ctx) -> WebResult<Vec<String>> {
        let mut header: Vec<String> = self
            .export_headers(&ctx.actor)
            .iter()
            .map(|k| ctx.t(k))
            .collect();
        for f in export_formats(ctx).await? {
            for key in [
                "companies-monthly-col-addressed",
                "companies-monthly-col-kmu",
            ] {
                header.push(format!("{}: {}", f.label, ctx.t(key)));
            }
        }
        Ok(header)
    }

    async fn export_rows(&self, ctx: &Ctx, batch: Vec<MonthRow>) -> WebResult<Vec<Vec<Cell>>> {
        let formats = export_formats(ctx).await?;
        let number =
            |n: Option<i64>| n.map_or(Cell::Text(String::new()), |n| Cell::Number(n as f64));
        Ok(batch
            .iter()
            .map(|r| {
                let entered = r.status != Status::Missing;
                let mut row = vec![
                    Cell::Text(r.district.clone()),
                    Cell::Number(f64::from(r.period.year)),
                    Cell::Number(f64::from(r.period.month)),
                    Cell::Text(ctx.t(r.status.text_key())),
                    number(entered.then(|| r.addressed())),
                    number(entered.then(|| r.kmu())),
                ];
                for f in &formats {
                    let fig = r.figures.get(&f.code);
                    row.push(number(fig.map(|x| i64::from(x.addressed))));
                    row.push(number(fig.map(|x| i64::from(x.kmu))));
                }
                row
            })
            .collect())
    }
}

#[async_trait::async_trait]
impl MemoryList for MonthlyList {
    /// The months of the caller's districts (due or entered), filtered by district, year and
    /// state.
    async fn rows(&self, ctx: &Ctx, params: &ListParams) -> WebResult<Vec<MonthRow>> {
        let districts = overview::districts(ctx.services(), &ctx.actor).await?;
        let all = overview::rows(ctx.services(), &districts).await?;
        let status = params.filter("status");
        Ok(all
            .into_iter()
            .filter(|r| passes(params.filter("district"), r.district_id))
            .filter(|r| passes(params.filter("year"), r.period.year))
            .filter(|r| status.is_none_or(|s| r.status.code() == s))
            .collect())
    }

    fn compare(&self, a: &MonthRow, b: &MonthRow, key: &str) -> Ordering {
        match key {
            "district" => hih_db::fold::fold(&a.district).cmp(&hih_db::fold::fold(&b.district)),
            "status" => rank(a.status).cmp(&rank(b.status)),
            "addressed" => a.addressed().cmp(&b.addressed()),
            "kmu" => a.kmu().cmp(&b.kmu()),
            _ => a.period.cmp(&b.period),
        }
    }

    fn tie_break(&self, a: &MonthRow, b: &MonthRow) -> Ordering {
        a.period
            .cmp(&b.period)
            .then_with(|| hih_db::fold::fold(&a.district).cmp(&hih_db::fold::fold(&b.district)))
            .then_with(|| a.district_id.cmp(&b.district_id))
    }
}
