//! The process fields of an applicant (R-MAT-3): entry to Germany, work start, integration
//! measures, employment after 6 and 12 months — a [`FormFlow`] with review and cancel
//! confirmation. The page IHK staff get once a match opened the record to their district; the
//! rest of the record stays read-only for them. Validation is the record's own (dates in order).

use async_trait::async_trait;
use hih_db::UnitOfWork;
use hih_kernel::{Access, AppError, FieldError, FieldErrors};
use hih_web::flow::{Checked, FlowArgs, FlowSpec, FormFlow, PageState, Saved};
use hih_web::minijinja::value::Serde;
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebError, WebResult};

use crate::entities::applicant;
use crate::form::ApplicantForm;
use crate::permissions::APPLICANTS_READ;
use crate::routes::record::load;
use crate::service::{self, ValidApplicant, YES_NO, key_of};

/// The fields this page changes.
pub const PROCESS_FIELDS: [&str; 5] = [
    "entry_date",
    "work_start",
    "integration_measures",
    "employed_6m",
    "employed_12m",
];

/// The process-fields form of an active applicant, `/bewerber/:id/prozess`.
pub struct ProcessFlow;

#[async_trait]
impl FormFlow for ProcessFlow {
    type Record = applicant::Model;
    type Form = ApplicantForm;
    type Valid = ValidApplicant;

    fn spec(&self) -> FlowSpec {
        FlowSpec {
            name: "applicant-process",
            path: "/bewerber/:id/prozess",
            access: Access::Permission(APPLICANTS_READ),
            templates: ("applicants/process.html", "applicants/process_review.html"),
        }
    }

    async fn load(&self, ctx: &Ctx, args: &FlowArgs) -> WebResult<applicant::Model> {
        let a = load(ctx, args.id("id")?).await?;
        if !a.active {
            return Err(WebError(AppError::NotFound));
        }
        Ok(a)
    }

    async fn initial(&self, _ctx: &Ctx, a: &applicant::Model) -> WebResult<ApplicantForm> {
        Ok(ApplicantForm::from_model(a))
    }

    /// The record's values with the process fields as submitted.
    fn read(&self, a: &applicant::Model, pairs: &[(String, String)]) -> ApplicantForm {
        let given = ApplicantForm::from_pairs(pairs);
        ApplicantForm {
            entry_date: given.entry_date,
            work_start: given.work_start,
            integration_measures: given.integration_measures,
            employed_6m: given.employed_6m,
            employed_12m: given.employed_12m,
            ..ApplicantForm::from_model(a)
        }
    }

    /// The whole record is validated as on every edit, so dates stay in order; only the
    /// process fields can be wrong here (anything else was valid before), so every message is
    /// shown next to one of them.
    async fn check(
        &self,
        ctx: &Ctx,
        _a: &applicant::Model,
        f: &ApplicantForm,
    ) -> WebResult<Checked<ValidApplicant>> {
        Ok(service::validate(ctx.services(), f, None)
            .await
            .map_err(|errors| {
                let mut shown = FieldErrors::new();
                for e in errors.0 {
                    let field = if PROCESS_FIELDS.contains(&e.field.as_str()) {
                        e.field.clone()
                    } else {
                        PROCESS_FIELDS[0].to_string()
                    };
                    shown.0.push(FieldError { field, ..e });
                }
                shown.into()
            }))
    }

    async fn save(
        &self,
        _ctx: &Ctx,
        uow: &mut UnitOfWork,
        before: &applicant::Model,
        valid: ValidApplicant,
    ) -> WebResult<Saved> {
        service::update(uow, before, valid).await?;
        Ok(Saved {
            to: format!("/bewerber/{}", before.id),
            flash: "applicants-process-saved",
        })
    }

    fn cancel_target(&self, _args: &FlowArgs, a: &applicant::Model) -> String {
        format!("/bewerber/{}", a.id)
    }

    async fn page(&self, _ctx: &Ctx, state: PageState<'_, Self>) -> WebResult<Value> {
        let f = state.form;
        Ok(context! {
            a => Serde(state.record),
            yes_no => Serde(YES_NO.to_vec()),
            employed_6m => key_of(&YES_NO, &f.employed_6m),
            employed_12m => key_of(&YES_NO, &f.employed_12m),
        })
    }
}
