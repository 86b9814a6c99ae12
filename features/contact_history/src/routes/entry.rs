//! One entry: new (on a company or an applicant), view, edit with a confirmation page, delete
//! with a confirmation page (R-CH-2/3). Entries outside the caller's scope answer 404; visible
//! entries of someone else answer 403 to edit and delete (author and admins only).

use hih_applicants::entities::applicant;
use hih_applicants::scope::visible_applicants;
use hih_companies::entities::company;
use hih_companies::scope::visible_companies;
use hih_db::UnitOfWork;
use hih_db::access::AccessAction;
use hih_kernel::{AppError, FieldErrors};
use hih_reference::lists::{self, label_of};
use hih_web::minijinja::value::Serde;
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebError, WebResult, draft};
use poem::handler;
use poem::web::{Form, Path};
use sea_orm::{EntityTrait, QueryFilter};

use crate::entities::contact_entry;
use crate::routes::{Record, applicant_record, company_record};
use crate::scope::{may_change, visible_entries};
use crate::service::{self, EntryForm};

fn action_of(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == "action")
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// Reference options in the form macros' `(code, "", label)` shape.
type Options = Vec<(String, String, String)>;

async fn choices(ctx: &Ctx) -> WebResult<(Options, Options)> {
    let triple = |l: Vec<(String, String)>| {
        l.into_iter()
            .map(|(c, t)| (c, String::new(), t))
            .collect::<Vec<_>>()
    };
    let types = lists::options(ctx.services(), "contact_type", ctx.locale).await?;
    let topics = lists::options(ctx.services(), "contact_topic", ctx.locale).await?;
    Ok((triple(types), triple(topics)))
}

// ---- new ------------------------------------------------------------------------------------

fn new_key(r: &Record) -> String {
    format!("contact:new:{}:{}", r.kind, r.id)
}

async fn new_page(ctx: &Ctx, r: Record) -> WebResult {
    let f = draft::load::<EntryForm>(ctx, &new_key(&r)).unwrap_or_else(|| EntryForm {
        contact_date: ctx.services().clock.now().date_naive().to_string(),
        ..Default::default()
    });
    let errors = draft::take_errors(ctx, &new_key(&r));
    let (types, topics) = choices(ctx).await?;
    ctx.render_form(
        "contact_history/form.html",
        &errors,
        context! {
            f => Serde(&f),
            action => format!("{}/neu", r.contacts_href()),
            cancel_href => r.contacts_href(),
            may_attach_applicant => r.kind == "company",
            author => ctx.actor.display_name(),
            types => Serde(types),
            topics => Serde(topics),
            is_new => true,
            record => Serde(&r),
        },
    )
    .await
}

async fn new_save(ctx: &Ctx, r: Record, pairs: &[(String, String)]) -> WebResult {
    let mut f = EntryForm::from_pairs(pairs);
    if r.kind != "company" {
        f.applicant_code.clear();
    }
    let k = new_key(&r);
    if action_of(pairs) == "cancel" {
        draft::discard(ctx, &k);
        return ctx.redirect(&r.contacts_href());
    }
    let valid = match service::validate(ctx.services(), &ctx.actor, &f).await {
        Ok(v) => v,
        Err(errors) => {
            draft::store(ctx, &k, &f);
            draft::store_errors(ctx, &k, &errors);
            return ctx.redirect(&format!("{}/neu", r.contacts_href()));
        }
    };
    let (company, applicant) = if r.kind == "company" {
        (Some(r.id), None)
    } else {
        (None, Some(r.id))
    };
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    service::create(&mut uow, company, applicant, valid).await?;
    uow.commit().await?;
    draft::discard(ctx, &k);
    ctx.session.flash("contacts-saved");
    // Back to the list, newest first: the new entry leads it.
    ctx.redirect(&r.contacts_href())
}

/// New entry on a company.
#[handler]
pub async fn company_new(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let r = company_record(&ctx, id).await?;
    new_page(&ctx, r).await
}

/// Saves a new entry on a company.
#[handler]
pub async fn company_new_submit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let r = company_record(&ctx, id).await?;
    new_save(&ctx, r, &pairs).await
}

/// New entry on an applicant.
#[handler]
pub async fn applicant_new(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let r = applicant_record(&ctx, id).await?;
    new_page(&ctx, r).await
}

/// Saves a new entry on an applicant.
#[handler]
pub async fn applicant_new_submit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let r = applicant_record(&ctx, id).await?;
    new_save(&ctx, r, &pairs).await
}

// ---- one entry --------------------------------------------------------------------------------

/// An entry in the caller's scope, else 404 (logged).
async fn load(ctx: &Ctx, id: i64) -> WebResult<contact_entry::Model> {
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
    ctx.log_access(
        AccessAction::View,
        "contact_entry",
        Some(id.to_string()),
        serde_json::Value::Null,
        None,
    )
    .await;
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

fn edit_key(id: i64) -> String {
    format!("contact:{id}")
}

async fn edit_page(ctx: &Ctx, id: i64, review: bool) -> WebResult {
    let e = load_changeable(ctx, id).await?;
    let stored = draft::load::<EntryForm>(ctx, &edit_key(id));
    if review && stored.is_none() {
        return ctx.redirect(&format!("/kontakte/{id}/bearbeiten"));
    }
    let f = stored.unwrap_or_else(|| EntryForm::from_model(&e));
    let errors = if review {
        FieldErrors::new()
    } else {
        draft::take_errors(ctx, &edit_key(id))
    };
    let (types, topics) = choices(ctx).await?;
    let type_labels = lists::options(ctx.services(), "contact_type", ctx.locale).await?;
    let topic_labels = lists::options(ctx.services(), "contact_topic", ctx.locale).await?;
    ctx.render_form(
        if review {
            "contact_history/review.html"
        } else {
            "contact_history/form.html"
        },
        &errors,
        context! {
            f => Serde(&f),
            action => format!("/kontakte/{id}/bearbeiten"),
            cancel_href => format!("/kontakte/{id}"),
            may_attach_applicant => false,
            author => e.author_name.clone(),
            types => Serde(types),
            topics => Serde(topics),
            type_label => label_of(&type_labels, &f.contact_type),
            topic_label => label_of(&topic_labels, &f.topic),
            is_new => false,
            record => (),
        },
    )
    .await
}

/// The edit form.
#[handler]
pub async fn edit_form(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    edit_page(&ctx, id, false).await
}

/// The confirmation page before saving a change.
#[handler]
pub async fn edit_review(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    edit_page(&ctx, id, true).await
}

/// Edit submit: `review` checks and asks for confirmation, `save` saves, `edit` goes back to
/// the form, `cancel` back to the entry.
#[handler]
pub async fn edit_submit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let before = load_changeable(&ctx, id).await?;
    let mut f = EntryForm::from_pairs(&pairs);
    f.applicant_code.clear();
    let k = edit_key(id);
    let action = action_of(&pairs);
    match action.as_str() {
        "review" | "save" => {
            let valid = match service::validate(ctx.services(), &ctx.actor, &f).await {
                Ok(v) => v,
                Err(errors) => {
                    draft::store(&ctx, &k, &f);
                    draft::store_errors(&ctx, &k, &errors);
                    return ctx.redirect(&format!("/kontakte/{id}/bearbeiten"));
                }
            };
            if action == "review" {
                draft::store(&ctx, &k, &f);
                return ctx.redirect(&format!("/kontakte/{id}/bearbeiten/pruefen"));
            }
            let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
            service::update(&mut uow, &before, valid).await?;
            uow.commit().await?;
            draft::discard(&ctx, &k);
            ctx.session.flash("contacts-changed");
            ctx.redirect(&format!("/kontakte/{id}"))
        }
        "cancel" => {
            draft::discard(&ctx, &k);
            ctx.redirect(&format!("/kontakte/{id}"))
        }
        _ => {
            draft::store(&ctx, &k, &f);
            ctx.redirect(&format!("/kontakte/{id}/bearbeiten"))
        }
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
