//! The list of monthly counts (R-COM-4, R-LST, R-EXP-1/2/5): the months of the caller's
//! districts with state and totals, filters, sorting, paging and exports.

use hih_db::access::AccessAction;
use hih_kernel::AppError;
use hih_users::entities::institution;
use hih_web::export::{CSV, Cell, XLSX, csv_bytes, download, xlsx_bytes};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, ListParams, WebError, WebResult};
use poem::handler;
use poem::web::{Path, Query};
use serde::Serialize;

use super::monthly::base;
use crate::monthly::overview::{self, MonthRow, Status};
use crate::monthly::{self};

const COLUMNS: [&str; 5] = ["period", "district", "status", "addressed", "kmu"];
const FILTERS: [&str; 3] = ["district", "year", "status"];
pub(super) const LIST: &str = "/monatszahlen";

/// The months of the list after filters and sorting, plus the districts and years offered.
struct Listing {
    rows: Vec<MonthRow>,
    districts: Vec<institution::Model>,
    years: Vec<i32>,
}

async fn listing(ctx: &Ctx, params: &ListParams) -> WebResult<Listing> {
    let districts = overview::districts(ctx.services(), &ctx.actor).await?;
    let all = overview::rows(ctx.services(), &districts).await?;
    let mut years: Vec<i32> = all.iter().map(|r| r.period.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let district = params
        .filter("district")
        .and_then(|d| d.parse::<i64>().ok());
    let year = params.filter("year").and_then(|y| y.parse::<i32>().ok());
    let status = params.filter("status");
    let mut rows: Vec<MonthRow> = all
        .into_iter()
        .filter(|r| district.is_none_or(|d| r.district_id == d))
        .filter(|r| year.is_none_or(|y| r.period.year == y))
        .filter(|r| status.is_none_or(|s| r.status.code() == s))
        .collect();
    let rank = |s: Status| Status::ALL.iter().position(|x| *x == s).unwrap_or(0);
    rows.sort_by(|a, b| {
        let primary = match params.sort.as_str() {
            "district" => hih_db::fold::fold(&a.district).cmp(&hih_db::fold::fold(&b.district)),
            "status" => rank(a.status).cmp(&rank(b.status)),
            "addressed" => a.addressed().cmp(&b.addressed()),
            "kmu" => a.kmu().cmp(&b.kmu()),
            _ => a.period.cmp(&b.period),
        };
        let primary = if params.desc {
            primary.reverse()
        } else {
            primary
        };
        primary
            .then_with(|| a.period.cmp(&b.period))
            .then_with(|| a.district.cmp(&b.district))
    });
    Ok(Listing {
        rows,
        districts,
        years,
    })
}

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

/// The list of months.
#[handler]
pub async fn list(ctx: Ctx, Query(query): Query<Vec<(String, String)>>) -> WebResult {
    // Newest month first: the months people look for are the recent ones.
    let params = ListParams::parse_sorted(&ctx, "monthly", &query, &FILTERS, &COLUMNS, true);
    let l = listing(&ctx, &params).await?;
    let total = l.rows.len() as u64;
    let (offset, limit) = params.window(total);
    let rows: Vec<RowView> = l
        .rows
        .iter()
        .skip(usize::try_from(offset).unwrap_or(usize::MAX))
        .take(limit.map_or(usize::MAX, |n| usize::try_from(n).unwrap_or(usize::MAX)))
        .map(row_view)
        .collect();
    ctx.log_access(
        AccessAction::Search,
        "monthly_count",
        None,
        serde_json::json!(params.filters),
        Some(total as i64),
    )
    .await;
    let districts: Vec<(String, String, String)> = l
        .districts
        .iter()
        .map(|d| (d.id.to_string(), String::new(), d.name.clone()))
        .collect();
    let years: Vec<(String, String, String)> = l
        .years
        .iter()
        .map(|y| (y.to_string(), String::new(), y.to_string()))
        .collect();
    ctx.render(
        "companies/monthly_list.html",
        context! {
            rows => Serde(rows),
            list => params.view(total, &COLUMNS),
            district => params.filter("district").unwrap_or(""),
            year => params.filter("year").unwrap_or(""),
            status => params.filter("status").unwrap_or(""),
            districts => Serde(districts),
            many_districts => l.districts.len() > 1,
            years => Serde(years),
            statuses => Serde(status_options()),
        },
    )
    .await
}

/// Export of the current list (`export.csv`, `export.xlsx`): exactly the rows the list shows
/// (all pages), totals and the figures per outreach format, access logged.
#[handler]
pub async fn export(
    ctx: Ctx,
    Path(file): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
) -> WebResult {
    let params = ListParams::parse_sorted(&ctx, "monthly-export", &query, &FILTERS, &COLUMNS, true);
    let l = listing(&ctx, &params).await?;
    let stored: Vec<String> = l
        .rows
        .iter()
        .flat_map(|r| r.figures.keys().cloned())
        .collect();
    let formats = monthly::formats(ctx.services(), ctx.locale, &stored).await?;
    let mut header: Vec<String> = [
        "companies-monthly-col-district",
        "companies-monthly-col-year",
        "companies-monthly-col-month",
        "companies-monthly-col-status",
        "companies-monthly-col-addressed",
        "companies-monthly-col-kmu",
    ]
    .iter()
    .map(|k| ctx.t(k))
    .collect();
    for f in &formats {
        header.push(format!(
            "{}: {}",
            f.label,
            ctx.t("companies-monthly-col-addressed")
        ));
        header.push(format!(
            "{}: {}",
            f.label,
            ctx.t("companies-monthly-col-kmu")
        ));
    }
    let number = |n: Option<i64>| n.map_or(Cell::Text(String::new()), |n| Cell::Number(n as f64));
    let data: Vec<Vec<Cell>> = l
        .rows
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
        .collect();
    let resp = match file.as_str() {
        "export.csv" => download(
            csv_bytes(&header, &data, ctx.services().settings.export.csv_bom)?,
            "monatszahlen.csv",
            CSV,
        ),
        "export.xlsx" => download(
            xlsx_bytes(&ctx.t("companies-monthly-sheet"), &header, &data)?,
            "monatszahlen.xlsx",
            XLSX,
        ),
        _ => return Err(WebError(AppError::NotFound)),
    };
    ctx.log_access(
        AccessAction::Export,
        "monthly_count",
        None,
        serde_json::json!({ "file": file, "filter": params.filters }),
        Some(data.len() as i64),
    )
    .await;
    Ok(resp)
}
