//! Monthly counts pages (R-COM-4, R-LST, R-EXP-1/2/5, R-GEN-1/2): choosing a month (the list is in
//! [`super::monthly_list`]); the entry form per district and month (a [`FormFlow`]: review before
//! saving, cancel with confirmation); the detail page; closing and reopening (admins,
//! confirmation pages).

use async_trait::async_trait;
use hih_db::UnitOfWork;
use hih_db::access::AccessAction;
use hih_kernel::{Access, AppError, FieldErrors};
use hih_users::entities::{institution, user_account};
use hih_web::flow::{Checked, FlowArgs, FlowSpec, FormFlow, PageState, Rejected, Saved};
use hih_web::minijinja::value::Serde;
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebError, WebResult, draft, iso};
use poem::handler;
use poem::web::{Form, Path};
use sea_orm::{EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};

use super::monthly_list::LIST;
use crate::monthly::overview::{self, Status};
use crate::monthly::{self, Format, MonthlyForm, Period, StoredMonth, ValidMonth};
use crate::permissions::{CLOSE_MONTHS, MONTHLY_COUNTS};
use crate::scope::{may_change_month, visible_districts};

/// The page of one district's month.
pub(super) fn base(district_id: i64, period: Period) -> String {
    format!("/monatszahlen/{district_id}/{}", period.key())
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
pub(crate) struct Month {
    /// The IHK.
    pub(crate) district: institution::Model,
    /// The month.
    pub(crate) period: Period,
    /// Its figures, if entered.
    pub(crate) stored: Option<StoredMonth>,
}

impl Month {
    /// Whether an admin closed it.
    pub(crate) fn closed(&self) -> bool {
        self.stored
            .as_ref()
            .is_some_and(|s| s.count.closed_at.is_some())
    }
    fn base(&self) -> String {
        base(self.district.id, self.period)
    }
}

/// Loads a district's month in the caller's scope, else 404 (and an access-log entry for
/// another district). Months in the future do not exist yet.
pub(crate) async fn load(ctx: &Ctx, id: i64, period: &str) -> WebResult<Month> {
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

pub(crate) async fn month_formats(ctx: &Ctx, m: &Month) -> WebResult<Vec<Format>> {
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

/// Entering or changing the counts of a district's month, `/monatszahlen/:id/:period/bearbeiten`:
/// review before saving, cancel confirmation (back to the list, the area's start page). A
/// closed month refuses every route of the flow (409) for callers who may not change it.
pub struct MonthlyFlow;

/// An open month and the outreach formats its form shows.
pub struct MonthEntry {
    month: Month,
    formats: Vec<Format>,
}

#[async_trait]
impl FormFlow for MonthlyFlow {
    type Record = MonthEntry;
    type Form = MonthlyForm;
    type Valid = ValidMonth;

    fn spec(&self) -> FlowSpec {
        FlowSpec {
            name: "monthly-counts",
            path: "/monatszahlen/:id/:period/bearbeiten",
            access: Access::Permission(MONTHLY_COUNTS),
            templates: (
                "companies/monthly_form.html",
                "companies/monthly_review.html",
            ),
        }
    }

    async fn load(&self, ctx: &Ctx, args: &FlowArgs) -> WebResult<MonthEntry> {
        let month = load(ctx, args.id("id")?, args.text("period")?).await?;
        if !may_change_month(&ctx.actor, month.closed()) {
            return Err(WebError(AppError::Refused(
                "companies-monthly-error-closed".into(),
            )));
        }
        let formats = month_formats(ctx, &month).await?;
        Ok(MonthEntry { month, formats })
    }

    async fn initial(&self, _ctx: &Ctx, e: &MonthEntry) -> WebResult<MonthlyForm> {
        Ok(e.month
            .stored
            .as_ref()
            .map(|s| MonthlyForm::from_lines(&s.lines))
            .unwrap_or_default())
    }

    fn read(&self, e: &MonthEntry, pairs: &[(String, String)]) -> MonthlyForm {
        MonthlyForm::from_pairs(&e.formats, pairs)
    }

    async fn check(
        &self,
        ctx: &Ctx,
        e: &MonthEntry,
        form: &MonthlyForm,
    ) -> WebResult<Checked<ValidMonth>> {
        Ok(
            monthly::validate(form, e.month.period, Period::current(ctx.services()))
                .map_err(Rejected::from),
        )
    }

    async fn save(
        &self,
        _ctx: &Ctx,
        uow: &mut UnitOfWork,
        e: &MonthEntry,
        valid: ValidMonth,
    ) -> WebResult<Saved> {
        monthly::save(uow, e.month.district.id, e.month.period, &valid).await?;
        Ok(Saved {
            to: e.month.base(),
            flash: "companies-monthly-saved",
        })
    }

    fn cancel_target(&self, _args: &FlowArgs, _e: &MonthEntry) -> String {
        LIST.into()
    }

    async fn page(&self, _ctx: &Ctx, state: PageState<'_, Self>) -> WebResult<Value> {
        let m = &state.record.month;
        let form = state.form;
        Ok(context! {
            district => m.district.name.clone(),
            year => m.period.year,
            month => m.period.month,
            is_new => m.stored.is_none(),
            closed => m.closed(),
            lines => Serde(line_views(&state.record.formats, form)),
            total_addressed => total(form, false),
            total_kmu => total(form, true),
        })
    }
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
