//! One applicant: the detail page with sections, status history and tabs; deactivation and
//! physical deletion (admins) with confirmation pages.

use hih_db::UnitOfWork;
use hih_kernel::AppError;
use hih_reference::lists;
pub use hih_reference::lists::label_of;
use hih_web::minijinja::value::Serde;
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebError, WebResult, iso};
use poem::handler;
use poem::web::Path;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::entities::{applicant, applicant_status_change};
use crate::permissions::{APPLICANTS, DELETE_APPLICANTS};
use crate::scope::{sees_deactivated, visible_applicants};
use crate::service::{
    self, ApplicantForm, LEVELS, RECOGNITION_RESULTS, SALUTATIONS, STATUSES, VISA_RESULTS, YES_NO,
    key_of,
};

/// Loads an applicant in the caller's scope, else 404 and an access-log entry (R-ACT-2).
pub async fn load(ctx: &Ctx, id: i64) -> WebResult<applicant::Model> {
    match applicant::Entity::find_by_id(id)
        .filter(visible_applicants(&ctx.actor))
        .one(&ctx.services().db)
        .await?
    {
        Some(a) => Ok(a),
        None => Err(ctx.not_found_in_scope("applicant", &id.to_string()).await),
    }
}

/// `(code, label)` of a reference list in the page's language.
pub async fn labels(ctx: &Ctx, kind: &str) -> WebResult<Vec<(String, String)>> {
    Ok(lists::options(ctx.services(), kind, ctx.locale).await?)
}

#[derive(Serialize)]
struct StatusRow {
    status_key: &'static str,
    reason: String,
    on: chrono::NaiveDate,
}

/// Text keys of an applicant's coded values, for the detail and review pages.
pub fn value_keys(f: &ApplicantForm) -> Value {
    context! {
        status => key_of(&STATUSES, &f.status),
        salutation => key_of(&SALUTATIONS, &f.salutation),
        german_level => key_of(&LEVELS, &f.german_level),
        certificate_level => key_of(&LEVELS, &f.certificate_level),
        recognition => key_of(&RECOGNITION_RESULTS, &f.recognition_result),
        visa => key_of(&VISA_RESULTS, &f.visa_result),
        employed_6m => key_of(&YES_NO, &f.employed_6m),
        employed_12m => key_of(&YES_NO, &f.employed_12m),
    }
}

/// The detail page: sections, status history, tabs other features register.
#[handler]
pub async fn show(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let a = load(&ctx, id).await?;
    ctx.log_view("applicant", id).await;
    let countries = labels(&ctx, "country").await?;
    let occupations = labels(&ctx, "occupation").await?;
    let partners = labels(&ctx, "partner").await?;
    let history: Vec<StatusRow> = applicant_status_change::Entity::find()
        .filter(applicant_status_change::Column::ApplicantId.eq(id))
        .order_by_desc(applicant_status_change::Column::ChangedOn)
        .order_by_desc(applicant_status_change::Column::Id)
        .all(&ctx.services().db)
        .await?
        .into_iter()
        .map(|s| StatusRow {
            status_key: key_of(&STATUSES, &s.status),
            reason: s.dropout_reason,
            on: s.changed_on,
        })
        .collect();
    let tabs = hih_web::tabs::record_tabs(&ctx, "applicant", id);
    let partner_labels: Vec<String> = a
        .consent_partners
        .split(',')
        .filter(|x| !x.is_empty())
        .map(|x| label_of(&partners, x))
        .collect();
    ctx.render("applicants/detail.html", context! {
        a => Serde(&a),
        keys => value_keys(&ApplicantForm::from_model(&a)),
        country => label_of(&countries, &a.country),
        occupation => if a.target_occupation.is_empty() { String::new() } else { label_of(&occupations, &a.target_occupation) },
        partners => partner_labels,
        history => Serde(history),
        tabs => tabs,
        may_reactivate => !a.active && sees_deactivated(&ctx.actor),
        may_delete => DELETE_APPLICANTS.allows(&ctx.actor),
        may_edit => APPLICANTS.allows(&ctx.actor),
        may_edit_process => !APPLICANTS.allows(&ctx.actor),
        created => iso(a.created_at),
        deactivated => a.deactivated_at.map(iso),
    })
    .await
}

fn check_action(ctx: &Ctx, what: &str, a: &applicant::Model) -> WebResult<()> {
    match what {
        "deaktivieren" if a.active => Ok(()),
        // Admins reactivate during retention (others never load a deactivated record).
        "reaktivieren" if !a.active && sees_deactivated(&ctx.actor) => Ok(()),
        "loeschen" if DELETE_APPLICANTS.allows(&ctx.actor) => Ok(()),
        "loeschen" => Err(WebError(AppError::Forbidden)),
        _ => Err(WebError(AppError::NotFound)),
    }
}

fn action_value(what: &str, a: &applicant::Model) -> Value {
    context! {
        what => what,
        id => a.id,
        name => format!("{} {} ({})", a.first_names, a.last_name, a.applicant_id.clone().unwrap_or_default()),
    }
}

/// Confirmation page (`deaktivieren`; `loeschen` and `reaktivieren` for admins).
#[handler]
pub async fn action_form(ctx: Ctx, Path((id, what)): Path<(i64, String)>) -> WebResult {
    let a = load(&ctx, id).await?;
    check_action(&ctx, &what, &a)?;
    ctx.render("applicants/confirm.html", action_value(&what, &a))
        .await
}

/// Executes a confirmed action: deactivate (kept for the retention period) or delete
/// physically at once (admins, e.g. on a data subject's request; the history goes with it).
#[handler]
pub async fn action_submit(ctx: Ctx, Path((id, what)): Path<(i64, String)>) -> WebResult {
    let a = load(&ctx, id).await?;
    check_action(&ctx, &what, &a)?;
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    if what == "deaktivieren" {
        service::deactivate(&mut uow, &a).await?;
        uow.commit().await?;
        ctx.session.flash("applicants-deactivated");
    } else if what == "reaktivieren" {
        service::reactivate(&mut uow, &a).await?;
        uow.commit().await?;
        ctx.session.flash("applicants-reactivated");
        return ctx.redirect(&format!("/bewerber/{id}"));
    } else {
        uow.delete::<applicant::ActiveModel>(a).await?;
        uow.commit().await?;
        ctx.session.flash("applicants-deleted");
    }
    ctx.redirect("/bewerber")
}
