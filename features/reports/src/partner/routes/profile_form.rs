//! Creating and editing partner export profiles (R-EXP): one [`FormFlow`] for both — the form,
//! the confirmation page with every value as it will be saved, the cancel confirmation. A new
//! profile's subject comes from `?art=applicant|company` (applicants by default); an existing
//! profile keeps its subject. A kept draft wins over `?art`, so typed input is never dropped
//! silently.

use async_trait::async_trait;
use hih_db::UnitOfWork;
use hih_kernel::Access;
use hih_reference::lists::{self, label_of};
use hih_web::flow::{
    Checked, FlowArgs, FlowSpec, FormFlow, PageState, Rejected, Saved, new_or_edit, select_options,
};
use hih_web::minijinja::value::Serde;
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebResult};
use serde::Serialize;

use super::load_profile;
use super::profiles::key_of;
use crate::entities::partner_profile;
use crate::partner::catalogue::Subject;
use crate::partner::service::{
    self, FORMATS, ProfileForm, ValidProfile, WITHOUT_CONSENT, districts, statuses,
};
use crate::permissions::PARTNER_EXPORTS;

/// The profile form: `/partnerexporte/neu` creates, `/partnerexporte/:id/bearbeiten` edits.
pub struct ProfileFlow {
    /// Edits an existing profile (else creates one).
    pub edit: bool,
}

/// The profile being edited (none for a new one) and the subject of a new one.
pub struct ProfileRecord {
    profile: Option<partner_profile::Model>,
    subject: Subject,
}

#[derive(Serialize)]
struct FieldOption {
    code: &'static str,
    label_key: &'static str,
    personal: bool,
    checked: bool,
}

#[async_trait]
impl FormFlow for ProfileFlow {
    type Record = ProfileRecord;
    type Form = ProfileForm;
    type Valid = ValidProfile;

    fn spec(&self) -> FlowSpec {
        FlowSpec {
            name: new_or_edit(self.edit, "partner-profile-new", "partner-profile-edit"),
            path: new_or_edit(
                self.edit,
                "/partnerexporte/neu",
                "/partnerexporte/:id/bearbeiten",
            ),
            access: Access::Permission(PARTNER_EXPORTS),
            templates: ("reports/partner/form.html", "reports/partner/review.html"),
        }
    }

    async fn load(&self, ctx: &Ctx, args: &FlowArgs) -> WebResult<ProfileRecord> {
        if self.edit {
            let profile = load_profile(ctx, args.id("id")?).await?;
            let subject = Subject::parse(&profile.subject).unwrap_or(Subject::Applicant);
            Ok(ProfileRecord {
                profile: Some(profile),
                subject,
            })
        } else {
            Ok(ProfileRecord {
                profile: None,
                subject: args
                    .query("art")
                    .and_then(Subject::parse)
                    .unwrap_or(Subject::Applicant),
            })
        }
    }

    async fn initial(&self, _ctx: &Ctx, record: &ProfileRecord) -> WebResult<ProfileForm> {
        Ok(match &record.profile {
            Some(p) => ProfileForm::from_model(p),
            None => ProfileForm::new_for(record.subject),
        })
    }

    fn read(&self, record: &ProfileRecord, pairs: &[(String, String)]) -> ProfileForm {
        let mut form = ProfileForm::from_pairs(pairs);
        if let Some(p) = &record.profile {
            // The subject stays the profile's.
            form.subject = p.subject.clone();
        }
        form
    }

    async fn check(
        &self,
        ctx: &Ctx,
        _record: &ProfileRecord,
        form: &ProfileForm,
    ) -> WebResult<Checked<ValidProfile>> {
        Ok(service::validate(ctx.services(), form)
            .await
            .map_err(Rejected::from))
    }

    async fn save(
        &self,
        _ctx: &Ctx,
        uow: &mut UnitOfWork,
        record: &ProfileRecord,
        valid: ValidProfile,
    ) -> WebResult<Saved> {
        let saved = match &record.profile {
            None => service::create(uow, valid).await?,
            Some(before) => service::update(uow, before, valid).await?,
        };
        Ok(Saved {
            to: format!("/partnerexporte/{}", saved.id),
            flash: "reports-partner-flash-saved",
        })
    }

    fn cancel_target(&self, _args: &FlowArgs, record: &ProfileRecord) -> String {
        match &record.profile {
            Some(p) => format!("/partnerexporte/{}", p.id),
            None => "/partnerexporte".into(),
        }
    }

    async fn page(&self, ctx: &Ctx, state: PageState<'_, Self>) -> WebResult<Value> {
        let f = state.form;
        let subject = Subject::parse(&f.subject).unwrap_or(Subject::Applicant);
        let categories = lists::options(ctx.services(), "partner", ctx.locale).await?;
        let countries = lists::options(ctx.services(), "country", ctx.locale).await?;
        let all_districts = districts(ctx.services()).await?;
        let fields: Vec<FieldOption> = subject
            .fields()
            .iter()
            .map(|d| FieldOption {
                code: d.code,
                label_key: d.label_key,
                personal: d.personal,
                checked: f.fields.iter().any(|c| c == d.code),
            })
            .collect();
        let field_keys: Vec<&'static str> = subject
            .fields()
            .iter()
            .filter(|d| f.fields.iter().any(|c| c == d.code))
            .map(|d| d.label_key)
            .collect();
        let district = all_districts
            .iter()
            .find(|(id, _)| id.to_string() == f.filter_district)
            .map(|(_, name)| name.clone())
            .unwrap_or_default();
        let district_options: Vec<(String, String, String)> = all_districts
            .into_iter()
            .map(|(id, name)| (id.to_string(), String::new(), name))
            .collect();
        Ok(context! {
            is_new => state.record.profile.is_none(),
            subject_key => subject.label_key(),
            is_applicant => subject == Subject::Applicant,
            fields => Serde(fields),
            field_keys => Serde(field_keys),
            categories => Serde(select_options(&categories)),
            countries => Serde(select_options(&countries)),
            districts => Serde(district_options),
            statuses => Serde(statuses(subject).to_vec()),
            without_consent => Serde(WITHOUT_CONSENT.to_vec()),
            formats => Serde(FORMATS.to_vec()),
            category => label_of(&categories, &f.partner_category),
            country => if f.filter_country.is_empty() { String::new() } else { label_of(&countries, &f.filter_country) },
            district => district,
            status_key => key_of(statuses(subject), &f.filter_status),
            without_consent_key => key_of(&WITHOUT_CONSENT, &f.without_consent),
            format_key => key_of(&FORMATS, &f.format),
        })
    }
}
