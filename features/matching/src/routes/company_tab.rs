//! The matches of one company (R-MAT-1): the tab page, entering a match by its typed
//! Bewerberkennung with a confirmation page, removing one with confirmation.

use hih_applicants::entities::applicant;
use hih_db::UnitOfWork;
use hih_kernel::{AppError, FieldErrors};
use hih_reference::lists::{self, label_of};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebError, WebResult, draft};
use poem::handler;
use poem::web::{Form, Path};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::entities::placement;
use crate::routes::company_in_scope;
use crate::scope::visible_placements;
use crate::service::{self, MatchForm, STATUSES, status_key};

#[derive(Serialize)]
struct Row {
    id: i64,
    applicant: i64,
    code: String,
    name: String,
    placed_on: chrono::NaiveDate,
    position: String,
    status_key: &'static str,
}

/// The company's matches, newest first.
#[handler]
pub async fn list(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let c = company_in_scope(&ctx, id).await?;
    let occupations = lists::options(ctx.services(), "occupation", ctx.locale).await?;
    let found = placement::Entity::find()
        .filter(placement::Column::CompanyId.eq(id))
        .filter(visible_placements(&ctx.actor))
        .find_also_related(applicant::Entity)
        .order_by_desc(placement::Column::PlacedOn)
        .order_by_desc(placement::Column::Id)
        .all(&ctx.services().db)
        .await?;
    let rows: Vec<Row> = found
        .into_iter()
        .filter_map(|(p, a)| a.map(|a| (p, a)))
        .map(|(p, a)| Row {
            id: p.id,
            applicant: a.id,
            code: a.applicant_id.clone().unwrap_or_default(),
            name: format!("{} {}", a.first_names, a.last_name),
            placed_on: p.placed_on,
            position: label_of(&occupations, &p.position),
            status_key: status_key(&p.status),
        })
        .collect();
    ctx.render(
        "matching/company.html",
        context! { c => Serde(&c), rows => Serde(rows) },
    )
    .await
}

/// The form's address: a new match, or changes to match `mid`.
fn base(id: i64, mid: Option<i64>) -> String {
    match mid {
        Some(m) => format!("/unternehmen/{id}/vermittlungen/{m}/bearbeiten"),
        None => format!("/unternehmen/{id}/vermittlungen/neu"),
    }
}

fn key(id: i64, mid: Option<i64>) -> String {
    format!("match:{id}:{}", mid.unwrap_or(0))
}

/// The match being changed, if any (404 unless it belongs to the company).
async fn existing(ctx: &Ctx, id: i64, mid: Option<i64>) -> WebResult<Option<placement::Model>> {
    match mid {
        Some(m) => Ok(Some(placement_of(ctx, id, m).await?)),
        None => Ok(None),
    }
}

async fn form_page(ctx: &Ctx, id: i64, mid: Option<i64>, review: bool) -> WebResult {
    let c = company_in_scope(ctx, id).await?;
    let before = existing(ctx, id, mid).await?;
    let stored = draft::load::<MatchForm>(ctx, &key(id, mid));
    if review && stored.is_none() {
        return ctx.redirect(&base(id, mid));
    }
    let fallback = match &before {
        Some(p) => MatchForm {
            applicant_code: String::new(),
            placed_on: p.placed_on.to_string(),
            position: p.position.clone(),
            status: p.status.clone(),
            remarks: p.remarks.clone(),
        },
        None => MatchForm {
            placed_on: ctx.services().clock.now().date_naive().to_string(),
            status: "vermittelt".into(),
            ..Default::default()
        },
    };
    let f = stored.unwrap_or(fallback);
    let occupations = lists::options(ctx.services(), "occupation", ctx.locale).await?;
    // The applicant: fixed for a change; for a new match the one the typed ID names.
    let applicant = match &before {
        Some(p) => {
            applicant::Entity::find_by_id(p.applicant_id)
                .one(&ctx.services().db)
                .await?
        }
        None if review => {
            service::find_applicant(ctx.services(), &ctx.actor, id, &f.applicant_code)
                .await
                .ok()
        }
        None => None,
    };
    if review && applicant.is_none() {
        return ctx.redirect(&base(id, mid));
    }
    let errors = if review {
        FieldErrors::new()
    } else {
        draft::take_errors(ctx, &key(id, mid))
    };
    let page = context! {
        c => Serde(&c),
        f => Serde(&f),
        action => base(id, mid),
        is_new => mid.is_none(),
        statuses => Serde(STATUSES.to_vec()),
        occupations => Serde(occupations.iter().map(|(c, l)| (c.clone(), String::new(), l.clone())).collect::<Vec<_>>()),
        applicant_code => applicant.as_ref().and_then(|a| a.applicant_id.clone()).unwrap_or_default(),
        // Before the match exists the caller may not see the applicant: the confirmation
        // names the typed ID only; a change shows the (then visible) name.
        applicant_name => applicant.as_ref().filter(|_| before.is_some()).map(|a| format!("{} {}", a.first_names, a.last_name)).unwrap_or_default(),
        position_label => if f.position.is_empty() { String::new() } else { label_of(&occupations, &f.position) },
        status_label => status_key(&f.status),
    };
    ctx.render_form(
        if review {
            "matching/review.html"
        } else {
            "matching/form.html"
        },
        &errors,
        page,
    )
    .await
}

/// The match form.
#[handler]
pub async fn new_form(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    form_page(&ctx, id, None, false).await
}

/// The confirmation page before saving.
#[handler]
pub async fn new_review(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    form_page(&ctx, id, None, true).await
}

/// Form submit for a new match.
#[handler]
pub async fn new_submit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    submit(&ctx, id, None, &pairs).await
}

/// The form to change a match (date, position, status, remarks).
#[handler]
pub async fn edit_form(ctx: Ctx, Path((id, mid)): Path<(i64, i64)>) -> WebResult {
    form_page(&ctx, id, Some(mid), false).await
}

/// The confirmation page before saving a change.
#[handler]
pub async fn edit_review(ctx: Ctx, Path((id, mid)): Path<(i64, i64)>) -> WebResult {
    form_page(&ctx, id, Some(mid), true).await
}

/// Form submit for a change.
#[handler]
pub async fn edit_submit(
    ctx: Ctx,
    Path((id, mid)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    submit(&ctx, id, Some(mid), &pairs).await
}

/// `review` checks and shows the confirmation, `save` (from the confirmation) checks again and
/// saves, `edit` goes back to the form, `cancel` to the company's matches.
async fn submit(ctx: &Ctx, id: i64, mid: Option<i64>, pairs: &[(String, String)]) -> WebResult {
    let c = company_in_scope(ctx, id).await?;
    let before = existing(ctx, id, mid).await?;
    let action = pairs
        .iter()
        .find(|(k, _)| k == "action")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let f = MatchForm::from_pairs(pairs);
    let k = key(id, mid);
    let matches = format!("/unternehmen/{id}/vermittlungen");
    match action.as_str() {
        "review" | "save" => {
            let valid = match service::validate(ctx.services(), &ctx.actor, id, &f, before.as_ref())
                .await
            {
                Ok(v) => v,
                Err(errors) => {
                    draft::store(ctx, &k, &f);
                    draft::store_errors(ctx, &k, &errors);
                    return ctx.redirect(&base(id, mid));
                }
            };
            if action == "review" {
                draft::store(ctx, &k, &f);
                return ctx.redirect(&format!("{}/pruefen", base(id, mid)));
            }
            let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
            match &before {
                None => {
                    service::create(&mut uow, &c, valid).await?;
                }
                Some(p) => {
                    service::update(&mut uow, &c, p, valid).await?;
                }
            }
            uow.commit().await?;
            draft::discard(ctx, &k);
            ctx.session.flash("matching-saved");
            ctx.redirect(&matches)
        }
        "cancel" => {
            draft::discard(ctx, &k);
            ctx.redirect(&matches)
        }
        _ => {
            draft::store(ctx, &k, &f);
            ctx.redirect(&base(id, mid))
        }
    }
}

async fn placement_of(ctx: &Ctx, company: i64, id: i64) -> WebResult<placement::Model> {
    placement::Entity::find_by_id(id)
        .filter(placement::Column::CompanyId.eq(company))
        .filter(visible_placements(&ctx.actor))
        .one(&ctx.services().db)
        .await?
        .ok_or(WebError(AppError::NotFound))
}

/// Confirmation before removing a match.
#[handler]
pub async fn remove_form(ctx: Ctx, Path((id, mid)): Path<(i64, i64)>) -> WebResult {
    let c = company_in_scope(&ctx, id).await?;
    let p = placement_of(&ctx, id, mid).await?;
    let a = applicant::Entity::find_by_id(p.applicant_id)
        .one(&ctx.services().db)
        .await?
        .ok_or(WebError(AppError::NotFound))?;
    ctx.render(
        "matching/remove.html",
        context! {
            c => Serde(&c),
            p => Serde(&p),
            code => a.applicant_id.unwrap_or_default(),
        },
    )
    .await
}

/// Removes a confirmed match and the access it opened.
#[handler]
pub async fn remove_submit(ctx: Ctx, Path((id, mid)): Path<(i64, i64)>) -> WebResult {
    let c = company_in_scope(&ctx, id).await?;
    let p = placement_of(&ctx, id, mid).await?;
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    service::remove(&mut uow, &c, p).await?;
    uow.commit().await?;
    ctx.session.flash("matching-removed");
    ctx.redirect(&format!("/unternehmen/{id}/vermittlungen"))
}
