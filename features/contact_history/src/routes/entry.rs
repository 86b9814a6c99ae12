//! One entry: new (on a company or an applicant) and edit as [`FormFlow`]s (review before
//! saving, cancel confirmation), view, delete with a confirmation page (R-CH-2/3). Entries
//! outside the caller's scope answer 404; visible entries of someone else answer 403 to edit
//! and delete (author and admins only).

use async_trait::async_trait;
use hih_applicants::entities::applicant;
use hih_applicants::scope::visible_applicants;
use hih_companies::entities::company;
use hih_companies::scope::visible_companies;
use hih_db::UnitOfWork;
use hih_kernel::{Access, AppError};
use hih_reference::lists::{self, label_of};
use hih_web::flow::{
    Checked, FlowArgs, FlowSpec, FormFlow, PageState, Rejected, Saved, select_options,
};
use hih_web::minijinja::value::Serde;
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebError, WebResult};
use poem::handler;
use poem::web::Path;
use sea_orm::{EntityTrait, QueryFilter};

use crate::entities::contact_entry;
use crate::permissions::CONTACTS;
use crate::routes::{Record, applicant_record, company_record};
use crate::scope::{may_change, visible_entries};
use crate::service::{self, EntryForm, ValidEntry};

// ---- new ------------------------------------------------------------------------------------

/// The record's page contact entries are added to.
#[derive(Debug, Clone, Copy)]
pub enum On {
    /// A company: `/unternehmen/:id/kontakte/neu`.
    Company,
    /// An applicant: `/bewerber/:id/kontakte/neu`.
    Applicant,
}

/// A new entry on a company or an applicant: form, review, cancel confirmation; saved, the
/// history list shows it first.
pub struct NewEntryFlow {
    /// The record the entry is written on.
    pub on: On,
}

#[async_trait]
impl FormFlow for NewEntryFlow {
    type Record = Record;
    type Form = EntryForm;
    type Valid = ValidEntry;

    fn spec(&self) -> FlowSpec {
        FlowSpec {
            name: match self.on {
                On::Company => "contact-new-company",
                On::Applicant => "contact-new-applicant",
            },
            path: match self.on {
                On::Company => "/unternehmen/:id/kontakte/neu",
                On::Applicant => "/bewerber/:id/kontakte/neu",
            },
            access: Access::Permission(CONTACTS),
            templates: ("contact_history/form.html", "contact_history/review.html"),
        }
    }

    async fn load(&self, ctx: &Ctx, args: &FlowArgs) -> WebResult<Record> {
        let id = args.id("id")?;
        match self.on {
            On::Company => company_record(ctx, id).await,
            On::Applicant => applicant_record(ctx, id).await,
        }
    }

    async fn initial(&self, ctx: &Ctx, _r: &Record) -> WebResult<EntryForm> {
        Ok(EntryForm {
            contact_date: ctx.services().clock.now().date_naive().to_string(),
            ..Default::default()
        })
    }

    /// Only entries on a company name a further applicant.
    fn read(&self, r: &Record, pairs: &[(String, String)]) -> EntryForm {
        let mut f = EntryForm::from_pairs(pairs);
        if r.kind != "company" {
            f.applicant_code.clear();
        }
        f
    }

    async fn check(&self, ctx: &Ctx, _r: &Record, f: &EntryForm) -> WebResult<Checked<ValidEntry>> {
        Ok(service::validate(ctx.services(), &ctx.actor, f)
            .await
            .map_err(Rejected::from))
    }

    async fn save(
        &self,
        _ctx: &Ctx,
        uow: &mut UnitOfWork,
        r: &Record,
        valid: ValidEntry,
    ) -> WebResult<Saved> {
        let (company, applicant) = match self.on {
            On::Company => (Some(r.id), None),
            On::Applicant => (None, Some(r.id)),
        };
        service::create(uow, company, applicant, valid).await?;
        // Back to the list, newest first: the new entry leads it.
        Ok(Saved {
            to: r.contacts_href(),
            flash: "contacts-saved",
        })
    }

    fn cancel_target(&self, _args: &FlowArgs, r: &Record) -> String {
        r.contacts_href()
    }

    async fn page(&self, ctx: &Ctx, state: PageState<'_, Self>) -> WebResult<Value> {
        let r = state.record;
        entry_page(
            ctx,
            state.form,
            context! {
                may_attach_applicant => r.kind == "company",
                author => ctx.actor.display_name(),
                is_new => true,
                record => Serde(r),
            },
        )
        .await
    }
}

/// The context both entry forms share: the choices in the form macros' `(code, "", label)`
/// shape and the chosen labels, plus `own`.
async fn entry_page(ctx: &Ctx, f: &EntryForm, own: Value) -> WebResult<Value> {
    let types = lists::options(ctx.services(), "contact_type", ctx.locale).await?;
    let topics = lists::options(ctx.services(), "contact_topic", ctx.locale).await?;
    Ok(context! {
        types => Serde(select_options(&types)),
        topics => Serde(select_options(&topics)),
        type_label => label_of(&types, &f.contact_type),
        topic_label => label_of(&topics, &f.topic),
        ..own
    })
}

// ---- one entry --------------------------------------------------------------------------------

/// An entry in the caller's scope, else 404 (logged).
pub(crate) async fn load(ctx: &Ctx, id: i64) -> WebResult<contact_entry::Model> {
    match contact_entry::Entity::find_by_id(id)
        .filter(visible_entries(&ctx.actor))
        .one(&ctx.services().db)
        .await?
    {
        Some(e) => Ok(e),
        None => Err(ctx
            .not_found_in_scope("contact_entry", &id.to_string())
            .await),
    }
}

/// A visible entry the caller may change, else 404 / 403.
async fn load_changeable(ctx: &Ctx, id: i64) -> WebResult<contact_entry::Model> {
    let e = load(ctx, id).await?;
    if !may_change(&ctx.actor, &e) {
        return Err(WebError(AppError::Forbidden));
    }
    Ok(e)
}

/// The records an entry concerns, as far as the caller may open them: (company name and
/// page, applicant title and page, the history page to go back to).
async fn records_of(ctx: &Ctx, e: &contact_entry::Model) -> WebResult<Value> {
    let db = &ctx.services().db;
    let company = match e.company_id {
        Some(id) => company::Entity::find_by_id(id)
            .filter(visible_companies(&ctx.actor))
            .one(db)
            .await?
            .map(|c| (c.name, format!("/unternehmen/{id}"))),
        None => None,
    };
    let applicant = match e.applicant_id {
        Some(id) => applicant::Entity::find_by_id(id)
            .filter(visible_applicants(&ctx.actor))
            .one(db)
            .await?
            .map(|a| {
                (
                    format!(
                        "{} {} ({})",
                        a.first_names,
                        a.last_name,
                        a.applicant_id.unwrap_or_default()
                    ),
                    format!("/bewerber/{id}"),
                )
            }),
        None => None,
    };
    let back = company
        .as_ref()
        .or(applicant.as_ref())
        .map(|(_, href)| format!("{href}/kontakte"))
        .unwrap_or_else(|| "/kontakte".into());
    Ok(context! { company => company, applicant => applicant, back => back })
}

/// Shows an entry.
#[handler]
pub async fn show(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let e = load(&ctx, id).await?;
    ctx.log_view("contact_entry", id).await;
    let types = lists::options(ctx.services(), "contact_type", ctx.locale).await?;
    let topics = lists::options(ctx.services(), "contact_topic", ctx.locale).await?;
    ctx.render(
        "contact_history/detail.html",
        context! {
            e => Serde(&e),
            contact_type => label_of(&types, &e.contact_type),
            topic => label_of(&topics, &e.topic),
            records => records_of(&ctx, &e).await?,
            may_change => may_change(&ctx.actor, &e),
        },
    )
    .await
}

// ---- edit -------------------------------------------------------------------------------------

/// Changing an entry (author and admins): form, review, cancel confirmation.
pub struct EditEntryFlow;

#[async_trait]
impl FormFlow for EditEntryFlow {
    type Record = contact_entry::Model;
    type Form = EntryForm;
    type Valid = ValidEntry;

    fn spec(&self) -> FlowSpec {
        FlowSpec {
            name: "contact-edit",
            path: "/kontakte/:id/bearbeiten",
            access: Access::Permission(CONTACTS),
            templates: ("contact_history/form.html", "contact_history/review.html"),
        }
    }

    async fn load(&self, ctx: &Ctx, args: &FlowArgs) -> WebResult<contact_entry::Model> {
        load_changeable(ctx, args.id("id")?).await
    }

    async fn initial(&self, _ctx: &Ctx, e: &contact_entry::Model) -> WebResult<EntryForm> {
        Ok(EntryForm::from_model(e))
    }

    /// The records an entry concerns stay as they are.
    fn read(&self, _e: &contact_entry::Model, pairs: &[(String, String)]) -> EntryForm {
        let mut f = EntryForm::from_pairs(pairs);
        f.applicant_code.clear();
        f
    }

    async fn check(
        &self,
        ctx: &Ctx,
        _e: &contact_entry::Model,
        f: &EntryForm,
    ) -> WebResult<Checked<ValidEntry>> {
        Ok(service::validate(ctx.services(), &ctx.actor, f)
            .await
            .map_err(Rejected::from))
    }

    async fn save(
        &self,
        _ctx: &Ctx,
        uow: &mut UnitOfWork,
        before: &contact_entry::Model,
        valid: ValidEntry,
    ) -> WebResult<Saved> {
        service::update(uow, before, valid).await?;
        Ok(Saved {
            to: format!("/kontakte/{}", before.id),
            flash: "contacts-changed",
        })
    }

    fn cancel_target(&self, _args: &FlowArgs, e: &contact_entry::Model) -> String {
        format!("/kontakte/{}", e.id)
    }

    async fn page(&self, ctx: &Ctx, state: PageState<'_, Self>) -> WebResult<Value> {
        entry_page(
            ctx,
            state.form,
            context! {
                may_attach_applicant => false,
                author => state.record.author_name.clone(),
                is_new => false,
                record => (),
            },
        )
        .await
    }
}

// ---- delete -----------------------------------------------------------------------------------

/// Confirmation before deleting.
#[handler]
pub async fn delete_form(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let e = load_changeable(&ctx, id).await?;
    ctx.render("contact_history/delete.html", context! { e => Serde(&e) })
        .await
}

/// Deletes a confirmed entry and returns to the history it was in.
#[handler]
pub async fn delete_submit(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let e = load_changeable(&ctx, id).await?;
    let records = records_of(&ctx, &e).await?;
    let back = records
        .get_attr("back")
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "/kontakte".into());
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    service::delete(&mut uow, e).await?;
    uow.commit().await?;
    ctx.session.flash("contacts-deleted");
    ctx.redirect(&back)
}
