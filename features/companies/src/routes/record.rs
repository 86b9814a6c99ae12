//! One company (R-COM): the detail page with the tabs other features register, the scoped
//! load every company page uses, deactivation and physical deletion (admins).

use hih_db::UnitOfWork;
use hih_kernel::AppError;
use hih_web::minijinja::value::Serde;
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebError, WebResult, iso};
use poem::handler;
use poem::web::Path;
use sea_orm::{EntityTrait, QueryFilter};

use crate::entities::company;
use crate::permissions::DELETE_COMPANIES;
use crate::scope::{sees_deactivated, visible_companies};
use crate::service::{self, KMU_LIMIT, SALUTATIONS, STATUSES};
use hih_reference::lists::{self, label_of};

/// The text key of a company status.
pub(crate) fn status_key(s: &str) -> String {
    STATUSES
        .iter()
        .find(|(v, _)| *v == s)
        .map(|(_, k)| k.to_string())
        .unwrap_or_default()
}

/// Loads a company in the caller's scope, else 404 and an access-log entry.
pub async fn load(ctx: &Ctx, id: i64) -> WebResult<company::Model> {
    match company::Entity::find_by_id(id)
        .filter(visible_companies(&ctx.actor))
        .one(&ctx.services().db)
        .await?
    {
        Some(c) => Ok(c),
        None => Err(ctx.not_found_in_scope("company", &id.to_string()).await),
    }
}

pub(crate) async fn labels(ctx: &Ctx, kind: &str) -> WebResult<Vec<(String, String)>> {
    Ok(lists::options(ctx.services(), kind, ctx.locale).await?)
}

/// The detail page with the tabs other features register.
#[handler]
pub async fn show(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let c = load(&ctx, id).await?;
    ctx.log_view("company", id).await;
    let industries = labels(&ctx, "industry").await?;
    let occupations = labels(&ctx, "occupation").await?;
    let outreach = labels(&ctx, "outreach").await?;
    let partners = labels(&ctx, "partner").await?;
    let tabs = hih_web::tabs::record_tabs(&ctx, "company", id);
    let split = |s: &str, l: &[(String, String)]| {
        s.split(',')
            .filter(|x| !x.is_empty())
            .map(|x| label_of(l, x))
            .collect::<Vec<_>>()
    };
    ctx.render("companies/detail.html", context! {
        c => Serde(&c),
        industry => label_of(&industries, &c.industry),
        occupations => split(&c.target_occupations, &occupations),
        outreach => label_of(&outreach, &c.outreach_format),
        partners => split(&c.consent_partners, &partners),
        status_key => status_key(&c.status),
        salutation_key => SALUTATIONS.iter().find(|(v, _)| *v == c.contact_salutation).map(|(_, k)| *k).unwrap_or(""),
        kmu => c.employees.map(|e| e < KMU_LIMIT),
        tabs => tabs,
        may_reactivate => !c.active && sees_deactivated(&ctx.actor),
        may_delete => DELETE_COMPANIES.allows(&ctx.actor),
        created => iso(c.created_at),
        deactivated => c.deactivated_at.map(iso),
    })
    .await
}

// ---- deactivate / delete --------------------------------------------------------------------

fn action_value(what: &str, c: &company::Model) -> Value {
    context! { what => what, id => c.id, name => c.name.clone() }
}

/// Confirmation page (`deaktivieren`; `loeschen` and `reaktivieren` for admins).
#[handler]
pub async fn action_form(ctx: Ctx, Path((id, what)): Path<(i64, String)>) -> WebResult {
    let c = load(&ctx, id).await?;
    check_action(&ctx, &what, &c)?;
    ctx.render("companies/confirm.html", action_value(&what, &c))
        .await
}

fn check_action(ctx: &Ctx, what: &str, c: &company::Model) -> WebResult<()> {
    match what {
        "deaktivieren" if c.active => Ok(()),
        // Admins reactivate during retention (others never load a deactivated record).
        "reaktivieren" if !c.active && sees_deactivated(&ctx.actor) => Ok(()),
        "loeschen" if DELETE_COMPANIES.allows(&ctx.actor) => Ok(()),
        "loeschen" => Err(WebError(AppError::Forbidden)),
        _ => Err(WebError(AppError::NotFound)),
    }
}

/// Executes a confirmed action.
#[handler]
pub async fn action_submit(ctx: Ctx, Path((id, what)): Path<(i64, String)>) -> WebResult {
    let c = load(&ctx, id).await?;
    check_action(&ctx, &what, &c)?;
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    if what == "deaktivieren" {
        service::deactivate(&mut uow, &c).await?;
        uow.commit().await?;
        ctx.session.flash("companies-deactivated");
    } else if what == "reaktivieren" {
        service::reactivate(&mut uow, &c).await?;
        uow.commit().await?;
        ctx.session.flash("companies-reactivated");
        return ctx.redirect(&format!("/unternehmen/{id}"));
    } else {
        uow.delete::<company::ActiveModel>(c).await?;
        uow.commit().await?;
        ctx.session.flash("companies-deleted");
    }
    ctx.redirect("/unternehmen")
}
