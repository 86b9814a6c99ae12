//! Creating and editing a company (R-COM-1/2, R-GEN-1/2): one [`FormFlow`] for both — the
//! form, the review before saving, the cancel confirmation. IHK staff may only enter addresses
//! of their own district; a duplicate address is refused with a link to the existing company,
//! or, where the caller may not open it (a deactivated company, for IHK staff), with a note
//! saying so and whom to ask.

use async_trait::async_trait;
use hih_db::UnitOfWork;
use hih_kernel::Access;
use hih_reference::lists::label_of;
use hih_web::flow::{
    Checked, FlowArgs, FlowSpec, FormFlow, PageState, Rejected, Saved, edited, new_or_edit,
    record_or_area, select_options,
};
use hih_web::minijinja::value::Serde;
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebResult};

use super::record::{labels, load, status_key};
use crate::entities::company;
use crate::permissions::COMPANIES;
use crate::scope::{required_district, visible_companies};
use crate::service::{self, CompanyForm, SALUTATIONS, STATUSES, ValidCompany};

/// What the form says about the company `id` already at the address: a link for those who
/// may open it (`{"duplicate": id}`); for others (IHK staff, whose district's deactivated
/// companies only admins see) no link, but the text key saying why and whom to ask
/// (`{"hidden": key}`).
async fn duplicate_notice(ctx: &Ctx, id: i64) -> WebResult<serde_json::Value> {
    use sea_orm::{EntityTrait, QueryFilter};
    let visible = company::Entity::find_by_id(id)
        .filter(visible_companies(&ctx.actor))
        .one(&ctx.services().db)
        .await
        .map_err(hih_kernel::AppError::from)?
        .is_some();
    if visible {
        return Ok(serde_json::json!({ "duplicate": id }));
    }
    let deactivated = company::Entity::find_by_id(id)
        .one(&ctx.services().db)
        .await
        .map_err(hih_kernel::AppError::from)?
        .is_some_and(|c| !c.active);
    let key = if deactivated {
        "companies-duplicate-deactivated"
    } else {
        "companies-duplicate-hidden"
    };
    Ok(serde_json::json!({ "hidden": key }))
}

/// The company form: `/unternehmen/neu` creates, `/unternehmen/:id/bearbeiten` edits.
pub struct CompanyFlow {
    /// Edits an existing company (else creates one).
    pub edit: bool,
}

#[async_trait]
impl FormFlow for CompanyFlow {
    type Record = Option<company::Model>;
    type Form = CompanyForm;
    type Valid = ValidCompany;

    fn spec(&self) -> FlowSpec {
        FlowSpec {
            name: new_or_edit(self.edit, "company-new", "company-edit"),
            path: new_or_edit(self.edit, "/unternehmen/neu", "/unternehmen/:id/bearbeiten"),
            access: Access::Permission(COMPANIES),
            templates: ("companies/form.html", "companies/review.html"),
        }
    }

    async fn load(&self, ctx: &Ctx, args: &FlowArgs) -> WebResult<Self::Record> {
        edited(self.edit, async { load(ctx, args.id("id")?).await }).await
    }

    async fn initial(&self, _ctx: &Ctx, record: &Self::Record) -> WebResult<CompanyForm> {
        Ok(match record {
            Some(c) => CompanyForm::from_model(c),
            None => CompanyForm {
                status: "interessiert".into(),
                ..Default::default()
            },
        })
    }

    fn read(&self, _record: &Self::Record, pairs: &[(String, String)]) -> CompanyForm {
        CompanyForm::from_pairs(pairs)
    }

    async fn check(
        &self,
        ctx: &Ctx,
        record: &Self::Record,
        form: &CompanyForm,
    ) -> WebResult<Checked<ValidCompany>> {
        // IHK staff may only enter addresses of their own district (R-COM-2).
        let district = required_district(&ctx.actor);
        match service::validate(ctx.services(), form, district, record.as_ref()).await {
            Ok(valid) => Ok(Ok(valid)),
            Err((errors, duplicate)) => {
                let notice = match duplicate {
                    Some(id) => Some(duplicate_notice(ctx, id).await?),
                    None => None,
                };
                Ok(Err(Rejected { errors, notice }))
            }
        }
    }

    async fn save(
        &self,
        _ctx: &Ctx,
        uow: &mut UnitOfWork,
        record: &Self::Record,
        valid: ValidCompany,
    ) -> WebResult<Saved> {
        let (saved, flash) = match record {
            None => (service::create(uow, valid).await?, "companies-created"),
            Some(before) => (
                service::update(uow, before, valid).await?,
                "companies-saved",
            ),
        };
        Ok(Saved {
            to: record_or_area("/unternehmen", Some(saved.id)),
            flash,
        })
    }

    fn cancel_target(&self, _args: &FlowArgs, record: &Self::Record) -> String {
        record_or_area("/unternehmen", record.as_ref().map(|r| r.id))
    }

    async fn page(&self, ctx: &Ctx, state: PageState<'_, Self>) -> WebResult<Value> {
        let f = state.form;
        let industries = labels(ctx, "industry").await?;
        let outreach = labels(ctx, "outreach").await?;
        let occupations = labels(ctx, "occupation").await?;
        let partners = labels(ctx, "partner").await?;
        let duplicate = state.notice_id("duplicate");
        let duplicate_hidden = state
            .notice
            .and_then(|n| n.get("hidden"))
            .and_then(serde_json::Value::as_str)
            .map(str::to_string);
        Ok(context! {
            is_new => state.record.is_none(),
            industries => Serde(select_options(&industries)),
            outreach => Serde(select_options(&outreach)),
            occupations => Serde(&occupations),
            partners => Serde(&partners),
            statuses => Serde(STATUSES.to_vec()),
            salutations => Serde(SALUTATIONS.to_vec()),
            duplicate => duplicate,
            duplicate_hidden => duplicate_hidden,
            industry_label => label_of(&industries, &f.industry),
            outreach_label => label_of(&outreach, &f.outreach_format),
            occupation_labels => f.target_occupations.iter().map(|c| label_of(&occupations, c)).collect::<Vec<_>>(),
            partner_labels => f.consent_partners.iter().map(|c| label_of(&partners, c)).collect::<Vec<_>>(),
            status_key => status_key(&f.status),
        })
    }
}
