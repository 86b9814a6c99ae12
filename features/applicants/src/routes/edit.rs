//! Create and edit (R-APP-1/2/4, R-GEN-1/2): one [`FormFlow`] for both — a form in sections,
//! the review before saving, the cancel confirmation. A possible duplicate (same folded name,
//! birth date and country) is refused with a link to it and a "trotzdem anlegen" checkbox next
//! to the form; ticked, the record passes to the review page.

use async_trait::async_trait;
use hih_db::UnitOfWork;
use hih_kernel::{Access, AppError, FieldErrors, Role};
use hih_web::flow::{
    Checked, FlowArgs, FlowSpec, FormFlow, PageState, Rejected, Saved, edited, new_or_edit,
    record_or_area, select_options,
};
use hih_web::minijinja::value::Serde;
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebError, WebResult};

use crate::entities::applicant;
use crate::form::SCALAR_FIELDS;
use crate::permissions::APPLICANTS;
use crate::routes::record::{label_of, labels, load, value_keys};
use crate::scope::required_country;
use crate::service::{
    self, ApplicantForm, LEVELS, RECOGNITION_RESULTS, SALUTATIONS, STATUSES, VISA_RESULTS,
    ValidApplicant, YES_NO,
};

/// The registration country the actor is bound to: AHK staff their own (none known: no
/// access), admins none.
pub(crate) fn bound_country(ctx: &Ctx) -> WebResult<Option<String>> {
    match (ctx.actor.role(), required_country(&ctx.actor)) {
        (Some(Role::AhkStaff), None) => Err(WebError(AppError::Forbidden)),
        (_, c) => Ok(c),
    }
}

/// The form's checks for a new (`record` `None`) or an existing applicant, shared by the form
/// and the REST API: the country the caller is bound to, the field checks, the fixed country
/// once an applicant ID exists, and the duplicate warning (R-APP-4) unless confirmed.
pub(crate) async fn check(
    ctx: &Ctx,
    record: Option<&applicant::Model>,
    form: &ApplicantForm,
) -> WebResult<Checked<ValidApplicant>> {
    let bound = bound_country(ctx)?;
    let valid = match service::validate(ctx.services(), form, bound.as_deref()).await {
        Ok(v) => v,
        Err(errors) => return Ok(Err(errors.into())),
    };
    if let Some(before) = record
        && service::changes_fixed_country(before, form)
    {
        return Ok(Err(service::country_fixed_error().into()));
    }
    // R-APP-4: warn before a second record of the same person is created.
    if record.is_none()
        && form.confirm_duplicate != "on"
        && let Some(d) = service::find_duplicate(ctx.services(), &valid, None).await?
    {
        let mut errors = FieldErrors::new();
        errors.add("confirm_duplicate", "applicants-error-duplicate-confirm");
        return Ok(Err(Rejected {
            errors,
            notice: Some(serde_json::json!({ "duplicate": d.id })),
        }));
    }
    Ok(Ok(valid))
}

/// The applicant form: `/bewerber/neu` creates, `/bewerber/:id/bearbeiten` edits.
pub struct ApplicantFlow {
    /// Edits an existing applicant (else creates one).
    pub edit: bool,
}

#[async_trait]
impl FormFlow for ApplicantFlow {
    type Record = Option<applicant::Model>;
    type Form = ApplicantForm;
    type Valid = ValidApplicant;

    fn spec(&self) -> FlowSpec {
        FlowSpec {
            name: new_or_edit(self.edit, "applicant-new", "applicant-edit"),
            path: new_or_edit(self.edit, "/bewerber/neu", "/bewerber/:id/bearbeiten"),
            access: Access::Permission(APPLICANTS),
            templates: ("applicants/form.html", "applicants/review.html"),
        }
    }

    async fn load(&self, ctx: &Ctx, args: &FlowArgs) -> WebResult<Self::Record> {
        let record = edited(self.edit, async { load(ctx, args.id("id")?).await }).await?;
        bound_country(ctx)?;
        Ok(record)
    }

    async fn initial(&self, ctx: &Ctx, record: &Self::Record) -> WebResult<ApplicantForm> {
        Ok(match record {
            Some(a) => ApplicantForm::from_model(a),
            None => ApplicantForm {
                status: "interessent".into(),
                country: bound_country(ctx)?.unwrap_or_default(),
                ..Default::default()
            },
        })
    }

    fn read(&self, _record: &Self::Record, pairs: &[(String, String)]) -> ApplicantForm {
        ApplicantForm::from_pairs(pairs)
    }

    async fn check(
        &self,
        ctx: &Ctx,
        record: &Self::Record,
        form: &ApplicantForm,
    ) -> WebResult<Checked<ValidApplicant>> {
        check(ctx, record.as_ref(), form).await
    }

    async fn save(
        &self,
        _ctx: &Ctx,
        uow: &mut UnitOfWork,
        record: &Self::Record,
        valid: ValidApplicant,
    ) -> WebResult<Saved> {
        let (saved, flash) = match record {
            None => (service::create(uow, valid).await?, "applicants-created"),
            Some(before) => (
                service::update(uow, before, valid).await?,
                "applicants-saved",
            ),
        };
        Ok(Saved {
            to: record_or_area("/bewerber", Some(saved.id)),
            flash,
        })
    }

    fn cancel_target(&self, _args: &FlowArgs, record: &Self::Record) -> String {
        record_or_area("/bewerber", record.as_ref().map(|r| r.id))
    }

    async fn page(&self, ctx: &Ctx, state: PageState<'_, Self>) -> WebResult<Value> {
        let f = state.form;
        let countries = labels(ctx, "country").await?;
        let occupations = labels(ctx, "occupation").await?;
        let partners = labels(ctx, "partner").await?;
        let bound = bound_country(ctx)?;
        // Once the applicant ID exists, its country is the only choice (for admins too).
        let fixed = state
            .record
            .as_ref()
            .filter(|a| a.applicant_id.is_some())
            .map(|a| a.country.clone());
        let country_options: Vec<(String, String)> = countries
            .iter()
            .filter(|(c, _)| bound.as_deref().is_none_or(|b| b == c))
            .filter(|(c, _)| fixed.as_deref().is_none_or(|f| f == c))
            .cloned()
            .collect();
        let duplicate = state.notice_id("duplicate");
        Ok(context! {
            is_new => state.record.is_none(),
            country_fixed => fixed.is_some(),
            hidden_fields => SCALAR_FIELDS.to_vec(),
            countries => Serde(select_options(&country_options)),
            occupations => Serde(select_options(&occupations)),
            partners => Serde(partners.clone()),
            statuses => Serde(STATUSES.to_vec()),
            salutations => Serde(SALUTATIONS.to_vec()),
            levels => Serde(LEVELS.to_vec()),
            recognition_results => Serde(RECOGNITION_RESULTS.to_vec()),
            visa_results => Serde(VISA_RESULTS.to_vec()),
            yes_no => Serde(YES_NO.to_vec()),
            duplicate => duplicate,
            keys => value_keys(f),
            country_label => label_of(&countries, &f.country),
            occupation_label => if f.target_occupation.is_empty() { String::new() } else { label_of(&occupations, &f.target_occupation) },
            partner_labels => f.consent_partners.iter().map(|c| label_of(&partners, c)).collect::<Vec<_>>(),
        })
    }
}
