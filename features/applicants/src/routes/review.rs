//! The review of self-registrations (R-REG-3) under `/bewerber/registrierungen`: the submitted
//! entries of the caller's scope (AHK staff of the country, admins), the detail with a
//! correction form (a [`FormFlow`]: review before saving, cancel confirmation), approval (confirmation page; creates the applicant and its ID in one unit
//! of work) and rejection with a required reason (the pending data is deleted).

use async_trait::async_trait;
use hih_db::UnitOfWork;
use hih_kernel::{Access, FieldErrors};
use hih_web::flow::{Checked, FlowArgs, FlowSpec, FormFlow, PageState, Rejected, Saved};
use hih_web::minijinja::value::Serde;
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebResult, draft};
use poem::handler;
use poem::web::{Form, Path};
use sea_orm::{EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::entities::pending_registration;
use crate::form::ApplicantForm;
use crate::permissions::REGISTRATIONS;
use crate::registration::scope::visible_pending;
use crate::registration::service as reg;
use crate::registration::steps::{self, STEPS};
use crate::routes::invitations::bound_country;
use crate::routes::record::{label_of, labels, value_keys};
use crate::routes::wizard::{choices, occupation_label};
use crate::service;

const LIST: &str = "/bewerber/registrierungen";

fn approve_key(id: i64) -> String {
    format!("registration-approve:{id}")
}

fn reject_key(id: i64) -> String {
    format!("registration-reject:{id}")
}

/// Loads a submitted registration in the caller's scope, else 404 and an access-log entry.
async fn load(ctx: &Ctx, id: i64) -> WebResult<pending_registration::Model> {
    bound_country(ctx)?;
    match pending_registration::Entity::find_by_id(id)
        .filter(visible_pending(&ctx.actor))
        .one(&ctx.services().db)
        .await?
    {
        Some(p) => Ok(p),
        None => Err(ctx
            .not_found_in_scope("pending_registration", &id.to_string())
            .await),
    }
}

#[derive(Serialize)]
struct Row {
    id: i64,
    name: String,
    birth_date: String,
    country: String,
    submitted_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// The submitted registrations awaiting review, oldest first.
#[handler]
pub async fn list(ctx: Ctx) -> WebResult {
    bound_country(&ctx)?;
    // Country names, not codes ("Vietnam", not "VN").
    let countries = labels(&ctx, "country").await?;
    let rows: Vec<Row> = pending_registration::Entity::find()
        .filter(visible_pending(&ctx.actor))
        .order_by_asc(pending_registration::Column::SubmittedAt)
        .order_by_asc(pending_registration::Column::Id)
        .all(&ctx.services().db)
        .await?
        .into_iter()
        .map(|p| {
            let f = reg::form_of(&p);
            Row {
                id: p.id,
                name: format!("{}, {}", f.last_name, f.first_names),
                birth_date: f.birth_date,
                country: label_of(&countries, &p.country),
                submitted_at: p.submitted_at,
            }
        })
        .collect();
    ctx.render("applicants/reg_list.html", context! { rows => Serde(rows) })
        .await
}

/// The registration with its correction form, `/bewerber/registrierungen/:id` (the detail page
/// is the flow's form): corrections are reviewed before saving, cancelling asks and returns to
/// the list. The same plausibility checks as for applicants apply.
pub struct CorrectionFlow;

#[async_trait]
impl FormFlow for CorrectionFlow {
    type Record = pending_registration::Model;
    type Form = ApplicantForm;
    type Valid = ApplicantForm;

    fn spec(&self) -> FlowSpec {
        FlowSpec {
            name: "registration-correct",
            path: "/bewerber/registrierungen/:id",
            access: Access::Permission(REGISTRATIONS),
            templates: (
                "applicants/reg_detail.html",
                "applicants/reg_correct_review.html",
            ),
        }
    }

    async fn load(&self, ctx: &Ctx, args: &FlowArgs) -> WebResult<pending_registration::Model> {
        load(ctx, args.id("id")?).await
    }

    async fn initial(
        &self,
        _ctx: &Ctx,
        p: &pending_registration::Model,
    ) -> WebResult<ApplicantForm> {
        Ok(reg::form_of(p))
    }

    /// The stored entry with the submitted values of the steps' fields.
    fn read(&self, p: &pending_registration::Model, pairs: &[(String, String)]) -> ApplicantForm {
        let fields: Vec<&str> = steps::all_fields().collect();
        steps::merge(&reg::form_of(p), pairs, &fields)
    }

    async fn check(
        &self,
        ctx: &Ctx,
        p: &pending_registration::Model,
        form: &ApplicantForm,
    ) -> WebResult<Checked<ApplicantForm>> {
        Ok(reg::validate_pending(ctx.services(), p, form)
            .await
            .map(|_| form.clone())
            .map_err(Rejected::from))
    }

    async fn save(
        &self,
        _ctx: &Ctx,
        uow: &mut UnitOfWork,
        p: &pending_registration::Model,
        form: ApplicantForm,
    ) -> WebResult<Saved> {
        reg::save_form(uow, p, &form).await?;
        Ok(Saved {
            to: format!("{LIST}/{}", p.id),
            flash: "applicants-reg-corrected",
        })
    }

    fn cancel_target(&self, _args: &FlowArgs, _p: &pending_registration::Model) -> String {
        LIST.into()
    }

    async fn page(&self, ctx: &Ctx, state: PageState<'_, Self>) -> WebResult<Value> {
        let f = state.form;
        Ok(context! {
            id => state.record.id,
            p => Serde(state.record),
            steps => Serde(STEPS.iter().map(|s| (s.slug, s.title_key)).collect::<Vec<_>>()),
            fields => steps::all_fields().collect::<Vec<_>>(),
            keys => value_keys(f),
            occupation_label => occupation_label(ctx, f).await?,
            ..choices(ctx).await?
        })
    }
}

/// Approval confirmation; a possible duplicate (R-APP-4) is shown with a link and must be
/// confirmed explicitly.
#[handler]
pub async fn approve_form(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let p = load(&ctx, id).await?;
    let f = reg::form_of(&p);
    let (valid, duplicate) = match reg::validate_pending(ctx.services(), &p, &f).await {
        Ok(v) => (
            true,
            service::find_duplicate(ctx.services(), &v, None)
                .await?
                .map(|d| d.id),
        ),
        Err(_) => (false, None),
    };
    let errors = draft::take_errors(&ctx, &approve_key(id));
    ctx.render_form(
        "applicants/reg_approve.html",
        &errors,
        context! {
            id => id,
            f => Serde(&f),
            keys => value_keys(&f),
            occupation_label => occupation_label(&ctx, &f).await?,
            valid => valid,
            duplicate => duplicate,
        },
    )
    .await
}

/// Approves: the applicant with its ID (R-ID-2) and status Interessent/in, in one unit of work
/// with deleting the pending data and closing the invitation.
#[handler]
pub async fn approve_submit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let p = load(&ctx, id).await?;
    let f = reg::form_of(&p);
    let valid = match reg::validate_pending(ctx.services(), &p, &f).await {
        Ok(v) => v,
        Err(errors) => {
            draft::store_errors(&ctx, &approve_key(id), &errors);
            return ctx.redirect(&format!("{LIST}/{id}/freigeben"));
        }
    };
    let confirmed = pairs
        .iter()
        .any(|(k, v)| k == "confirm_duplicate" && v == "on");
    if !confirmed
        && service::find_duplicate(ctx.services(), &valid, None)
            .await?
            .is_some()
    {
        let mut errors = FieldErrors::new();
        errors.add("confirm_duplicate", "applicants-error-duplicate-confirm");
        draft::store_errors(&ctx, &approve_key(id), &errors);
        return ctx.redirect(&format!("{LIST}/{id}/freigeben"));
    }
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    let created = reg::approve(&mut uow, &p, valid).await?;
    uow.commit().await?;
    ctx.session.flash("applicants-reg-approved");
    ctx.redirect(&format!("/bewerber/{}", created.id))
}

/// Rejection with a required reason.
#[handler]
pub async fn reject_form(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let p = load(&ctx, id).await?;
    let f = reg::form_of(&p);
    let reason: String = draft::load(&ctx, &reject_key(id)).unwrap_or_default();
    let errors = draft::take_errors(&ctx, &reject_key(id));
    ctx.render_form(
        "applicants/reg_reject.html",
        &errors,
        context! { id => id, name => format!("{} {}", f.first_names, f.last_name), reason => reason },
    )
    .await
}

#[derive(serde::Deserialize)]
pub(crate) struct RejectForm {
    #[serde(default)]
    reason: String,
}

/// Rejects: the reason is kept on the invitation and in the audit log, the data is deleted.
#[handler]
pub async fn reject_submit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<RejectForm>,
) -> WebResult {
    let p = load(&ctx, id).await?;
    let reason = form.reason.trim();
    if reason.is_empty() || reason.chars().count() > 2000 {
        let mut e = FieldErrors::new();
        e.add("reason", "applicants-reg-error-reason");
        draft::store(&ctx, &reject_key(id), &form.reason);
        draft::store_errors(&ctx, &reject_key(id), &e);
        return ctx.redirect(&format!("{LIST}/{id}/ablehnen"));
    }
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    reg::reject(&mut uow, &p, reason).await?;
    uow.commit().await?;
    draft::discard(&ctx, &reject_key(id));
    ctx.session.flash("applicants-reg-rejected");
    ctx.redirect(LIST)
}
