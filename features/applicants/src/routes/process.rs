//! The process fields of an applicant (R-MAT-3): entry to Germany, work start, integration
//! measures, employment after 6 and 12 months. The page IHK staff get once a match opened the
//! record to their district; the rest of the record stays read-only for them. Validation is the
//! record's own (dates in order), errors follow POST-redirect-GET next to the field.

use hih_db::UnitOfWork;
use hih_kernel::FieldErrors;
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebError, WebResult, draft};
use poem::handler;
use poem::web::{Form, Path};

use crate::form::ApplicantForm;
use crate::routes::record::load;
use crate::service::{self, YES_NO, key_of};

/// The fields this page changes.
pub const PROCESS_FIELDS: [&str; 5] = [
    "entry_date",
    "work_start",
    "integration_measures",
    "employed_6m",
    "employed_12m",
];

fn key(id: i64) -> String {
    format!("applicant-process:{id}")
}

async fn page(ctx: &Ctx, id: i64, confirming: bool) -> WebResult {
    let a = load(ctx, id).await?;
    if !a.active {
        return Err(WebError(hih_kernel::AppError::NotFound));
    }
    let stored = draft::load::<ApplicantForm>(ctx, &key(id));
    if confirming && stored.is_none() {
        return ctx.redirect(&format!("/bewerber/{id}/prozess"));
    }
    let f = stored.unwrap_or_else(|| ApplicantForm::from_model(&a));
    let errors = if confirming {
        FieldErrors::new()
    } else {
        draft::take_errors(ctx, &key(id))
    };
    ctx.render_form(
        if confirming {
            "applicants/process_review.html"
        } else {
            "applicants/process.html"
        },
        &errors,
        context! {
            a => Serde(&a),
            f => Serde(&f),
            yes_no => Serde(YES_NO.to_vec()),
            employed_6m => key_of(&YES_NO, &f.employed_6m),
            employed_12m => key_of(&YES_NO, &f.employed_12m),
        },
    )
    .await
}

/// The process-fields form (prefilled from the record or the last rejected input).
#[handler]
pub async fn form(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    page(&ctx, id, false).await
}

/// The confirmation page before saving.
#[handler]
pub async fn review(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    page(&ctx, id, true).await
}

/// `review` checks and asks for confirmation, `save` (from the confirmation) checks again and
/// saves, `edit` goes back to the form. The record's other fields stay as they are; the whole
/// record is validated as on every edit, so dates stay in order. Nothing is saved on an error.
#[handler]
pub async fn submit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let before = load(&ctx, id).await?;
    if !before.active {
        return Err(WebError(hih_kernel::AppError::NotFound));
    }
    let action = pairs
        .iter()
        .find(|(k, _)| k == "action")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let mut f = ApplicantForm::from_model(&before);
    let given = ApplicantForm::from_pairs(&pairs);
    f.entry_date = given.entry_date;
    f.work_start = given.work_start;
    f.integration_measures = given.integration_measures;
    f.employed_6m = given.employed_6m;
    f.employed_12m = given.employed_12m;
    let form_href = format!("/bewerber/{id}/prozess");
    if action != "review" && action != "save" {
        draft::store(&ctx, &key(id), &f);
        return ctx.redirect(&form_href);
    }
    let valid = match service::validate(ctx.services(), &f, None).await {
        Ok(v) => v,
        Err(errors) => {
            // Only the process fields can be wrong here; anything else was valid before.
            let mut shown = FieldErrors::new();
            for e in errors.0 {
                let field = if PROCESS_FIELDS.contains(&e.field.as_str()) {
                    e.field.clone()
                } else {
                    PROCESS_FIELDS[0].to_string()
                };
                shown.0.push(hih_kernel::FieldError { field, ..e });
            }
            draft::store(&ctx, &key(id), &f);
            draft::store_errors(&ctx, &key(id), &shown);
            return ctx.redirect(&form_href);
        }
    };
    if action == "review" {
        draft::store(&ctx, &key(id), &f);
        return ctx.redirect(&format!("{form_href}/pruefen"));
    }
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    service::update(&mut uow, &before, valid).await?;
    uow.commit().await?;
    draft::discard(&ctx, &key(id));
    ctx.session.flash("applicants-process-saved");
    ctx.redirect(&format!("/bewerber/{id}"))
}
