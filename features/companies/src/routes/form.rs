//! Creating and editing a company: form, review before saving, cancel with confirmation
//! (R-COM-1/2, R-GEN-1/2).

use hih_db::UnitOfWork;
use hih_kernel::FieldErrors;
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult, draft};
use poem::handler;
use poem::web::{Form, Path};

use super::record::{labels, load, status_key};
use crate::entities::company;
use crate::scope::required_district;
use crate::service::{self, CompanyForm, SALUTATIONS, STATUSES};
use hih_reference::lists::label_of;

fn base(id: Option<i64>) -> String {
    id.map(|i| format!("/unternehmen/{i}/bearbeiten"))
        .unwrap_or_else(|| "/unternehmen/neu".into())
}

fn key(id: Option<i64>) -> String {
    id.map(|i| format!("company:{i}"))
        .unwrap_or_else(|| "company:new".into())
}

async fn form_page(
    ctx: &Ctx,
    id: Option<i64>,
    f: &CompanyForm,
    errors: &FieldErrors,
    review: bool,
) -> WebResult {
    let triple = |l: Vec<(String, String)>| {
        l.into_iter()
            .map(|(c, t)| (c, String::new(), t))
            .collect::<Vec<_>>()
    };
    let industries = labels(ctx, "industry").await?;
    let outreach = labels(ctx, "outreach").await?;
    let occupations = labels(ctx, "occupation").await?;
    let partners = labels(ctx, "partner").await?;
    let duplicate: Option<i64> = draft::load(ctx, &format!("{}:duplicate", key(id)));
    let page = context! {
        f => Serde(f),
        action => base(id),
        is_new => id.is_none(),
        cancel_href => id.map(|i| format!("/unternehmen/{i}")).unwrap_or_else(|| "/unternehmen".into()),
        industries => Serde(triple(industries.clone())),
        outreach => Serde(triple(outreach.clone())),
        occupations => Serde(occupations.clone()),
        partners => Serde(partners.clone()),
        statuses => Serde(STATUSES.to_vec()),
        salutations => Serde(SALUTATIONS.to_vec()),
        duplicate => duplicate,
        industry_label => label_of(&industries, &f.industry),
        outreach_label => label_of(&outreach, &f.outreach_format),
        occupation_labels => f.target_occupations.iter().map(|c| label_of(&occupations, c)).collect::<Vec<_>>(),
        partner_labels => f.consent_partners.iter().map(|c| label_of(&partners, c)).collect::<Vec<_>>(),
        status_key => status_key(&f.status),
    };
    ctx.render_form(
        if review {
            "companies/review.html"
        } else {
            "companies/form.html"
        },
        errors,
        page,
    )
    .await
}

async fn current(ctx: &Ctx, id: Option<i64>) -> WebResult<Option<company::Model>> {
    match id {
        Some(i) => Ok(Some(load(ctx, i).await?)),
        None => Ok(None),
    }
}

async fn get_form(ctx: &Ctx, id: Option<i64>, review: bool) -> WebResult {
    let existing = current(ctx, id).await?;
    let stored = draft::load::<CompanyForm>(ctx, &key(id));
    if review && stored.is_none() {
        return ctx.redirect(&base(id));
    }
    let f = stored
        .or_else(|| existing.as_ref().map(CompanyForm::from_model))
        .unwrap_or_else(|| CompanyForm {
            status: "interessiert".into(),
            ..Default::default()
        });
    let errors = if review {
        FieldErrors::new()
    } else {
        draft::take_errors(ctx, &key(id))
    };
    form_page(ctx, id, &f, &errors, review).await
}

async fn post_form(ctx: &Ctx, id: Option<i64>, pairs: Vec<(String, String)>) -> WebResult {
    let existing = current(ctx, id).await?;
    let action = pairs
        .iter()
        .find(|(k, _)| k == "action")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let form = CompanyForm::from_pairs(&pairs);
    let k = key(id);
    match action.as_str() {
        "cancel" => {
            draft::store(ctx, &k, &form);
            ctx.redirect(&format!("{}/abbrechen", base(id)))
        }
        "review" | "save" => {
            // IHK staff may only enter addresses of their own district (R-COM-2).
            let district = required_district(&ctx.actor);
            let valid =
                match service::validate(ctx.services(), &form, district, existing.as_ref()).await {
                    Ok(v) => v,
                    Err((errors, duplicate)) => {
                        draft::store(ctx, &k, &form);
                        draft::store_errors(ctx, &k, &errors);
                        match duplicate {
                            Some(d) => draft::store(ctx, &format!("{k}:duplicate"), &d),
                            None => draft::discard(ctx, &format!("{k}:duplicate")),
                        }
                        return ctx.redirect(&base(id));
                    }
                };
            draft::discard(ctx, &format!("{k}:duplicate"));
            if action == "review" {
                draft::store(ctx, &k, &form);
                return ctx.redirect(&format!("{}/pruefen", base(id)));
            }
            let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
            let saved = match &existing {
                None => service::create(&mut uow, valid).await?,
                Some(before) => service::update(&mut uow, before, valid).await?,
            };
            uow.commit().await?;
            draft::discard(ctx, &k);
            ctx.session.flash(if existing.is_none() {
                "companies-created"
            } else {
                "companies-saved"
            });
            ctx.redirect(&format!("/unternehmen/{}", saved.id))
        }
        _ => {
            draft::store(ctx, &k, &form);
            ctx.redirect(&base(id))
        }
    }
}

async fn cancel_page(ctx: &Ctx, id: Option<i64>) -> WebResult {
    current(ctx, id).await?;
    ctx.render(
        "platform/cancel.html",
        context! { back => base(id), discard_action => format!("{}/abbrechen", base(id)) },
    )
    .await
}

async fn cancel_confirm(ctx: &Ctx, id: Option<i64>) -> WebResult {
    draft::discard(ctx, &key(id));
    ctx.redirect(
        &id.map(|i| format!("/unternehmen/{i}"))
            .unwrap_or_else(|| "/unternehmen".into()),
    )
}

/// New company form.
#[handler]
pub async fn new_form(ctx: Ctx) -> WebResult {
    get_form(&ctx, None, false).await
}
/// New company submit.
#[handler]
pub async fn new_submit(ctx: Ctx, Form(pairs): Form<Vec<(String, String)>>) -> WebResult {
    post_form(&ctx, None, pairs).await
}
/// New company review.
#[handler]
pub async fn new_review(ctx: Ctx) -> WebResult {
    get_form(&ctx, None, true).await
}
/// New company cancel confirmation.
#[handler]
pub async fn new_cancel(ctx: Ctx) -> WebResult {
    cancel_page(&ctx, None).await
}
/// New company cancel confirmed.
#[handler]
pub async fn new_cancel_confirm(ctx: Ctx) -> WebResult {
    cancel_confirm(&ctx, None).await
}
/// Edit form.
#[handler]
pub async fn edit_form(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    get_form(&ctx, Some(id), false).await
}
/// Edit submit.
#[handler]
pub async fn edit_submit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    post_form(&ctx, Some(id), pairs).await
}
/// Edit review.
#[handler]
pub async fn edit_review(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    get_form(&ctx, Some(id), true).await
}
/// Edit cancel confirmation.
#[handler]
pub async fn edit_cancel(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    cancel_page(&ctx, Some(id)).await
}
/// Edit cancel confirmed.
#[handler]
pub async fn edit_cancel_confirm(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    cancel_confirm(&ctx, Some(id)).await
}
