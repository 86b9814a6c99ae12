//! Editor of the reference lists (R-REF-3, admins): entries of one list, new entry and edit
//! with a review page before saving and a confirmation before cancelling (R-GEN-2). Codes are
//! stored on records, so an entry is never deleted or recoded: it is switched off instead.

use hih_db::UnitOfWork;
use hih_kernel::{AppError, FieldErrors};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebError, WebResult, draft};
use poem::handler;
use poem::web::{Form, Path};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;

use crate::entities::reference_item;
use crate::lists::{self, ItemForm, KINDS};

/// Text key of a list's name.
fn kind_key(kind: &str) -> String {
    format!("reference-list-kind-{}", kind.replace('_', "-"))
}

fn known_kind(kind: &str) -> WebResult<&'static str> {
    KINDS
        .iter()
        .copied()
        .find(|k| *k == kind)
        .ok_or(WebError(AppError::NotFound))
}

fn base(kind: &str, id: Option<i64>) -> String {
    match id {
        Some(i) => format!("/referenzdaten/listen/{kind}/{i}"),
        None => format!("/referenzdaten/listen/{kind}/neu"),
    }
}

fn draft_key(kind: &str, id: Option<i64>) -> String {
    format!(
        "refitem:{kind}:{}",
        id.map_or("new".to_string(), |i| i.to_string())
    )
}

async fn load(ctx: &Ctx, kind: &str, id: Option<i64>) -> WebResult<Option<reference_item::Model>> {
    let Some(id) = id else { return Ok(None) };
    reference_item::Entity::find_by_id(id)
        .filter(reference_item::Column::Kind.eq(kind))
        .one(&ctx.services().db)
        .await?
        .map(Some)
        .ok_or(WebError(AppError::NotFound))
}

/// The entries of one list.
#[handler]
pub async fn entries(ctx: Ctx, Path(kind): Path<String>) -> WebResult {
    let kind = known_kind(&kind)?;
    let items = lists::all_items(ctx.services(), kind).await?;
    ctx.render(
        "reference/list_items.html",
        context! { kind => kind, kind_key => kind_key(kind), items => Serde(items) },
    )
    .await
}

async fn page(ctx: &Ctx, kind: &str, id: Option<i64>, review: bool) -> WebResult {
    let existing = load(ctx, kind, id).await?;
    let k = draft_key(kind, id);
    let stored = draft::load::<ItemForm>(ctx, &k);
    if review && stored.is_none() {
        return ctx.redirect(&base(kind, id));
    }
    let f = stored
        .or_else(|| existing.as_ref().map(ItemForm::from_model))
        .unwrap_or_else(|| ItemForm {
            active: Some("on".into()),
            sort: "100".into(),
            ..Default::default()
        });
    let errors = if review {
        FieldErrors::new()
    } else {
        draft::take_errors(ctx, &k)
    };
    ctx.render_form(
        if review {
            "reference/list_item_review.html"
        } else {
            "reference/list_item_form.html"
        },
        &errors,
        context! {
            kind => kind,
            kind_key => kind_key(kind),
            is_new => existing.is_none(),
            f => Serde(f),
            action => base(kind, id),
        },
    )
    .await
}

/// What the form's buttons send besides the fields.
#[derive(Deserialize)]
pub(crate) struct Submitted {
    #[serde(flatten)]
    form: ItemForm,
    #[serde(default)]
    action: String,
}

async fn submit(ctx: &Ctx, kind: &str, id: Option<i64>, s: Submitted) -> WebResult {
    let existing = load(ctx, kind, id).await?;
    let k = draft_key(kind, id);
    let mut form = s.form;
    if let Some(e) = &existing {
        form.code = e.code.clone();
    }
    match s.action.as_str() {
        "cancel" => {
            draft::store(ctx, &k, &form);
            ctx.redirect(&format!("{}/abbrechen", base(kind, id)))
        }
        "review" | "save" => {
            if let Err(errors) =
                lists::validate_item(ctx.services(), kind, &form, existing.as_ref()).await
            {
                draft::store(ctx, &k, &form);
                draft::store_errors(ctx, &k, &errors);
                return ctx.redirect(&base(kind, id));
            }
            if s.action == "review" {
                draft::store(ctx, &k, &form);
                return ctx.redirect(&format!("{}/pruefen", base(kind, id)));
            }
            let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
            lists::save_item(&mut uow, kind, &form, existing.as_ref()).await?;
            uow.commit().await?;
            draft::discard(ctx, &k);
            ctx.session.flash("reference-item-saved");
            ctx.redirect(&format!("/referenzdaten/listen/{kind}"))
        }
        _ => {
            draft::store(ctx, &k, &form);
            ctx.redirect(&base(kind, id))
        }
    }
}

async fn cancel_page(ctx: &Ctx, kind: &str, id: Option<i64>) -> WebResult {
    load(ctx, kind, id).await?;
    ctx.render(
        "platform/cancel.html",
        context! {
            back => base(kind, id),
            discard_action => format!("{}/abbrechen", base(kind, id)),
        },
    )
    .await
}

async fn cancel_confirm(ctx: &Ctx, kind: &str, id: Option<i64>) -> WebResult {
    load(ctx, kind, id).await?;
    draft::discard(ctx, &draft_key(kind, id));
    ctx.redirect(&format!("/referenzdaten/listen/{kind}"))
}

/// New entry: form.
#[handler]
pub async fn new_form(ctx: Ctx, Path(kind): Path<String>) -> WebResult {
    page(&ctx, known_kind(&kind)?, None, false).await
}
/// New entry: submit (review, save, cancel).
#[handler]
pub async fn new_submit(ctx: Ctx, Path(kind): Path<String>, Form(s): Form<Submitted>) -> WebResult {
    submit(&ctx, known_kind(&kind)?, None, s).await
}
/// New entry: review before saving.
#[handler]
pub async fn new_review(ctx: Ctx, Path(kind): Path<String>) -> WebResult {
    page(&ctx, known_kind(&kind)?, None, true).await
}
/// New entry: cancel confirmation.
#[handler]
pub async fn new_cancel(ctx: Ctx, Path(kind): Path<String>) -> WebResult {
    cancel_page(&ctx, known_kind(&kind)?, None).await
}
/// New entry: cancel confirmed.
#[handler]
pub async fn new_cancel_confirm(ctx: Ctx, Path(kind): Path<String>) -> WebResult {
    cancel_confirm(&ctx, known_kind(&kind)?, None).await
}
/// Edit: form.
#[handler]
pub async fn edit_form(ctx: Ctx, Path((kind, id)): Path<(String, i64)>) -> WebResult {
    page(&ctx, known_kind(&kind)?, Some(id), false).await
}
/// Edit: submit (review, save, cancel).
#[handler]
pub async fn edit_submit(
    ctx: Ctx,
    Path((kind, id)): Path<(String, i64)>,
    Form(s): Form<Submitted>,
) -> WebResult {
    submit(&ctx, known_kind(&kind)?, Some(id), s).await
}
/// Edit: review before saving.
#[handler]
pub async fn edit_review(ctx: Ctx, Path((kind, id)): Path<(String, i64)>) -> WebResult {
    page(&ctx, known_kind(&kind)?, Some(id), true).await
}
/// Edit: cancel confirmation.
#[handler]
pub async fn edit_cancel(ctx: Ctx, Path((kind, id)): Path<(String, i64)>) -> WebResult {
    cancel_page(&ctx, known_kind(&kind)?, Some(id)).await
}
/// Edit: cancel confirmed.
#[handler]
pub async fn edit_cancel_confirm(ctx: Ctx, Path((kind, id)): Path<(String, i64)>) -> WebResult {
    cancel_confirm(&ctx, known_kind(&kind)?, Some(id)).await
}
