//! Monthly counts pages (R-COM-4, R-LST, R-EXP-1/2/5, R-GEN-1/2): the list of months of the
//! caller's districts with state and totals, filters, sorting, paging and exports; choosing a
//! month; the entry form per district and month (review before saving, cancel with
//! confirmation); the detail page; closing and reopening (admins, confirmation pages).

use hih_db::UnitOfWork;
use hih_db::access::AccessAction;
use hih_kernel::{AppError, FieldErrors};
use hih_users::entities::{institution, user_account};
use hih_web::export::{CSV, Cell, XLSX, csv_bytes, download, xlsx_bytes};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, ListParams, WebError, WebResult, draft, iso};
use poem::handler;
use poem::web::{Form, Path, Query};
use sea_orm::{EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};

use crate::monthly::overview::{self, MonthRow, Status};
use crate::monthly::{self, Format, MonthlyForm, Period, StoredMonth};
use crate::permissions::CLOSE_MONTHS;
use crate::scope::{may_change_month, visible_districts};

const COLUMNS: [&str; 5] = ["period", "district", "status", "addressed", "kmu"];
const FILTERS: [&str; 3] = ["district", "year", "status"];
const LIST: &str = "/monatszahlen";

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

fn base(district_id: i64, period: Period) -> String {
    format!("/monatszahlen/{district_id}/{}", period.key())
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
    let params = ListParams::parse(&ctx, "monthly", &query, &FILTERS, &COLUMNS);
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
    let params = ListParams::parse(&ctx, "monthly-export", &query, &FILTERS, &COLUMNS);
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
        "export.csv" => download(csv_bytes(&header, &data)?, "monatszahlen.csv", CSV),
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

// ---- choosing a month ------------------------------------------------------------------------

/// The month chooser as submitted.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PickForm {
    /// District (institution id); ignored for IHK staff (their own).
    #[serde(default)]
    district: String,
    /// Year.
    #[serde(default)]
    year: String,
    /// Month 1–12.
    #[serde(default)]
    month: String,
}

const PICK: &str = "monthly:pick";

/// Form to choose a district and month to enter.
#[handler]
pub async fn pick_form(ctx: Ctx) -> WebResult {
    let districts = overview::districts(ctx.services(), &ctx.actor).await?;
    let last = Period::current(ctx.services()).prev();
    let f = draft::load::<PickForm>(&ctx, PICK).unwrap_or_else(|| PickForm {
        district: String::new(),
        year: last.year.to_string(),
        month: last.month.to_string(),
    });
    let errors = draft::take_errors(&ctx, PICK);
    let options: Vec<(String, String, String)> = districts
        .iter()
        .map(|d| (d.id.to_string(), String::new(), d.name.clone()))
        .collect();
    let months: Vec<(String, String)> = (1..=12)
        .map(|m| (m.to_string(), format!("companies-monthly-month-{m}")))
        .collect();
    ctx.render_form(
        "companies/monthly_pick.html",
        &errors,
        context! {
            f => Serde(&f),
            districts => Serde(options),
            many_districts => districts.len() > 1,
            own_district => districts.first().map(|d| d.name.clone()).unwrap_or_default(),
            months => Serde(months),
        },
    )
    .await
}

/// Checks the chosen month and opens its entry form.
#[handler]
pub async fn pick_submit(ctx: Ctx, Form(f): Form<PickForm>) -> WebResult {
    let districts = overview::districts(ctx.services(), &ctx.actor).await?;
    let mut e = FieldErrors::new();
    let district = if districts.len() == 1 {
        districts.first()
    } else {
        districts
            .iter()
            .find(|d| d.id.to_string() == f.district.trim())
    };
    if district.is_none() {
        e.add("district", "companies-monthly-error-district");
    }
    let year = f.year.trim().parse::<i32>().ok();
    let month = f.month.trim().parse::<u32>().ok();
    if year.is_none_or(|y| Period::new(y, 1).is_none()) {
        e.add("year", "companies-monthly-error-year");
    }
    if month.is_none_or(|m| !(1..=12).contains(&m)) {
        e.add("month", "companies-monthly-error-month");
    }
    let period = year.zip(month).and_then(|(y, m)| Period::new(y, m));
    if period.is_some_and(|p| p > Period::current(ctx.services())) {
        e.add("month", "companies-monthly-error-future");
    }
    match (district, period) {
        (Some(d), Some(p)) if e.is_empty() => {
            draft::discard(&ctx, PICK);
            ctx.redirect(&format!("{}/bearbeiten", base(d.id, p)))
        }
        _ => {
            draft::store(&ctx, PICK, &f);
            draft::store_errors(&ctx, PICK, &e);
            ctx.redirect("/monatszahlen/neu")
        }
    }
}

// ---- one month -------------------------------------------------------------------------------

/// A month of a district in the caller's scope.
struct Month {
    district: institution::Model,
    period: Period,
    stored: Option<StoredMonth>,
}

impl Month {
    fn closed(&self) -> bool {
        self.stored
            .as_ref()
            .is_some_and(|s| s.count.closed_at.is_some())
    }
    fn base(&self) -> String {
        base(self.district.id, self.period)
    }
    fn key(&self) -> String {
        format!("monthly:{}:{}", self.district.id, self.period.key())
    }
}

/// Loads a district's month in the caller's scope, else 404 (and an access-log entry for
/// another district). Months in the future do not exist yet.
async fn load(ctx: &Ctx, id: i64, period: &str) -> WebResult<Month> {
    let Some(district) = institution::Entity::find_by_id(id)
        .filter(visible_districts(&ctx.actor))
        .one(&ctx.services().db)
        .await?
    else {
        return Err(ctx
            .not_found_in_scope("monthly_count", &format!("{id}/{period}"))
            .await);
    };
    let period = Period::parse(period)
        .filter(|p| *p <= Period::current(ctx.services()))
        .ok_or(WebError(AppError::NotFound))?;
    let stored = monthly::find(ctx.services(), id, period).await?;
    Ok(Month {
        district,
        period,
        stored,
    })
}

#[derive(Serialize)]
struct LineView {
    code: String,
    label: String,
    addressed: String,
    kmu: String,
    addressed_field: String,
    kmu_field: String,
}

fn line_views(formats: &[Format], form: &MonthlyForm) -> Vec<LineView> {
    formats
        .iter()
        .map(|f| {
            let (a, k) = form.lines.get(&f.code).cloned().unwrap_or_default();
            LineView {
                code: f.code.clone(),
                label: f.label.clone(),
                addressed: a,
                kmu: k,
                addressed_field: monthly::addressed_field(&f.code),
                kmu_field: monthly::kmu_field(&f.code),
            }
        })
        .collect()
}

fn total(form: &MonthlyForm, kmu: bool) -> i64 {
    form.lines
        .values()
        .map(|(a, k)| {
            let v = if kmu { k } else { a };
            v.trim().parse::<i64>().unwrap_or(0)
        })
        .sum()
}

async fn month_formats(ctx: &Ctx, m: &Month) -> WebResult<Vec<Format>> {
    let stored: Vec<String> = m
        .stored
        .iter()
        .flat_map(|s| s.lines.iter().map(|l| l.outreach.clone()))
        .collect();
    Ok(monthly::formats(ctx.services(), ctx.locale, &stored).await?)
}

/// The detail page of a month.
#[handler]
pub async fn show(ctx: Ctx, Path((id, period)): Path<(i64, String)>) -> WebResult {
    let m = load(&ctx, id, &period).await?;
    ctx.log_access(
        AccessAction::View,
        "monthly_count",
        Some(format!("{id}/{}", m.period.key())),
        serde_json::Value::Null,
        None,
    )
    .await;
    let formats = month_formats(&ctx, &m).await?;
    let form = m
        .stored
        .as_ref()
        .map(|s| MonthlyForm::from_lines(&s.lines))
        .unwrap_or_default();
    let closed_by = match m.stored.as_ref().and_then(|s| s.count.closed_by) {
        Some(uid) => user_account::Entity::find_by_id(uid)
            .one(&ctx.services().db)
            .await?
            .map(|u| u.display_name()),
        None => None,
    };
    let status = match &m.stored {
        None => Status::Missing,
        Some(_) if m.closed() => Status::Closed,
        Some(_) => Status::Open,
    };
    let is_admin = CLOSE_MONTHS.allows(&ctx.actor);
    ctx.render(
        "companies/monthly_detail.html",
        context! {
            district => m.district.name.clone(),
            year => m.period.year,
            month => m.period.month,
            base => m.base(),
            entered => m.stored.is_some(),
            status_key => status.text_key(),
            lines => Serde(line_views(&formats, &form)),
            total_addressed => total(&form, false),
            total_kmu => total(&form, true),
            closed_at => m.stored.as_ref().and_then(|s| s.count.closed_at).map(iso),
            closed_by => closed_by,
            updated_at => m.stored.as_ref().map(|s| iso(s.count.updated_at)),
            may_edit => may_change_month(&ctx.actor, m.closed()),
            may_close => is_admin && status == Status::Open,
            may_reopen => is_admin && status == Status::Closed,
        },
    )
    .await
}

async fn form_page(ctx: &Ctx, id: i64, period: &str, review: bool) -> WebResult {
    let m = load(ctx, id, period).await?;
    if !may_change_month(&ctx.actor, m.closed()) {
        ctx.session.flash("companies-monthly-closed-note");
        return ctx.redirect(&m.base());
    }
    let stored_draft = draft::load::<MonthlyForm>(ctx, &m.key());
    if review && stored_draft.is_none() {
        return ctx.redirect(&format!("{}/bearbeiten", m.base()));
    }
    let form = stored_draft
        .or_else(|| m.stored.as_ref().map(|s| MonthlyForm::from_lines(&s.lines)))
        .unwrap_or_default();
    let errors = if review {
        FieldErrors::new()
    } else {
        draft::take_errors(ctx, &m.key())
    };
    let formats = month_formats(ctx, &m).await?;
    ctx.render_form(
        if review {
            "companies/monthly_review.html"
        } else {
            "companies/monthly_form.html"
        },
        &errors,
        context! {
            district => m.district.name.clone(),
            year => m.period.year,
            month => m.period.month,
            action => format!("{}/bearbeiten", m.base()),
            is_new => m.stored.is_none(),
            closed => m.closed(),
            lines => Serde(line_views(&formats, &form)),
            total_addressed => total(&form, false),
            total_kmu => total(&form, true),
        },
    )
    .await
}

/// The entry form of a month.
#[handler]
pub async fn edit_form(ctx: Ctx, Path((id, period)): Path<(i64, String)>) -> WebResult {
    form_page(&ctx, id, &period, false).await
}

/// The review page before saving (R-GEN-2).
#[handler]
pub async fn edit_review(ctx: Ctx, Path((id, period)): Path<(i64, String)>) -> WebResult {
    form_page(&ctx, id, &period, true).await
}

/// Submit of the entry form: review, save, back to the form, or cancel.
#[handler]
pub async fn edit_submit(
    ctx: Ctx,
    Path((id, period)): Path<(i64, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let m = load(&ctx, id, &period).await?;
    if !may_change_month(&ctx.actor, m.closed()) {
        return Err(WebError(AppError::Refused(
            "companies-monthly-error-closed".into(),
        )));
    }
    let formats = month_formats(&ctx, &m).await?;
    let form = MonthlyForm::from_pairs(&formats, &pairs);
    let action = pairs
        .iter()
        .find(|(k, _)| k == "action")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    let k = m.key();
    let edit = format!("{}/bearbeiten", m.base());
    match action {
        "cancel" => {
            draft::store(&ctx, &k, &form);
            ctx.redirect(&format!("{edit}/abbrechen"))
        }
        "review" | "save" => {
            let valid = match monthly::validate(&form, m.period, Period::current(ctx.services())) {
                Ok(v) => v,
                Err(errors) => {
                    draft::store(&ctx, &k, &form);
                    draft::store_errors(&ctx, &k, &errors);
                    return ctx.redirect(&edit);
                }
            };
            if action == "review" {
                draft::store(&ctx, &k, &form);
                return ctx.redirect(&format!("{edit}/pruefen"));
            }
            let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
            monthly::save(&mut uow, m.district.id, m.period, &valid).await?;
            uow.commit().await?;
            draft::discard(&ctx, &k);
            ctx.session.flash("companies-monthly-saved");
            ctx.redirect(&m.base())
        }
        _ => {
            draft::store(&ctx, &k, &form);
            ctx.redirect(&edit)
        }
    }
}

/// Cancel confirmation (R-GEN-2).
#[handler]
pub async fn edit_cancel(ctx: Ctx, Path((id, period)): Path<(i64, String)>) -> WebResult {
    let m = load(&ctx, id, &period).await?;
    let edit = format!("{}/bearbeiten", m.base());
    ctx.render(
        "platform/cancel.html",
        context! { back => edit.clone(), discard_action => format!("{edit}/abbrechen") },
    )
    .await
}

/// Cancel confirmed: the draft is discarded, back to the list (the area's start page).
#[handler]
pub async fn edit_cancel_confirm(ctx: Ctx, Path((id, period)): Path<(i64, String)>) -> WebResult {
    let m = load(&ctx, id, &period).await?;
    draft::discard(&ctx, &m.key());
    ctx.redirect(LIST)
}

// ---- close / reopen --------------------------------------------------------------------------

/// The stored month an action applies to: `abschliessen` needs an open month,
/// `wieder-oeffnen` a closed one; anything else does not exist.
fn action_target<'a>(m: &'a Month, what: &str) -> WebResult<&'a StoredMonth> {
    match (what, &m.stored) {
        ("abschliessen", Some(s)) if s.count.closed_at.is_none() => Ok(s),
        ("wieder-oeffnen", Some(s)) if s.count.closed_at.is_some() => Ok(s),
        _ => Err(WebError(AppError::NotFound)),
    }
}

/// Confirmation page for closing or reopening a month (admins).
#[handler]
pub async fn action_form(
    ctx: Ctx,
    Path((id, period, what)): Path<(i64, String, String)>,
) -> WebResult {
    let m = load(&ctx, id, &period).await?;
    action_target(&m, &what)?;
    ctx.render(
        "companies/monthly_confirm.html",
        context! {
            what => what,
            base => m.base(),
            district => m.district.name.clone(),
            year => m.period.year,
            month => m.period.month,
        },
    )
    .await
}

/// Executes a confirmed close or reopen.
#[handler]
pub async fn action_submit(
    ctx: Ctx,
    Path((id, period, what)): Path<(i64, String, String)>,
) -> WebResult {
    let m = load(&ctx, id, &period).await?;
    let s = action_target(&m, &what)?;
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    if what == "abschliessen" {
        monthly::close(&mut uow, &s.count, ctx.actor.user_id()).await?;
        uow.commit().await?;
        ctx.session.flash("companies-monthly-closed");
    } else {
        monthly::reopen(&mut uow, &s.count).await?;
        uow.commit().await?;
        ctx.session.flash("companies-monthly-reopened");
    }
    ctx.redirect(&m.base())
}
