//! The text editor: list with search, edit with preview → confirm → save, revert.

use hih_db::UnitOfWork;
use hih_db::entities::text_override;
use hih_db::fold::fold;
use hih_i18n::Locale;
use hih_kernel::{AppError, FieldErrors};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebError, WebResult, draft};
use poem::handler;
use poem::web::{Form, Query};
use sea_orm::{ColumnTrait, EntityTrait, IntoActiveModel, NotSet, QueryFilter, Set};
use serde::{Deserialize, Serialize};

#[derive(Deserialize, Default)]
pub(crate) struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    locale: String,
    #[serde(default)]
    changed: Option<String>,
}

#[derive(Serialize)]
struct Row {
    key: String,
    locale: String,
    feature: String,
    current: String,
    overridden: bool,
}

/// Text list, searchable by key or content (folded: case and accents ignored).
#[handler]
pub async fn list(ctx: Ctx, Query(q): Query<ListQuery>) -> WebResult {
    ctx.state.refresh_texts(false).await?;
    let needle = fold(&q.q);
    let only = Locale::parse(&q.locale);
    let only_changed = q.changed.is_some();
    let rows: Vec<Row> = ctx
        .services()
        .texts
        .entries()
        .into_iter()
        .filter(|e| only.is_none_or(|l| l == e.locale))
        .filter(|e| !only_changed || e.current_override.is_some())
        .filter(|e| {
            needle.is_empty()
                || fold(&e.key).contains(&needle)
                || fold(&e.default).contains(&needle)
                || e.current_override
                    .as_deref()
                    .is_some_and(|o| fold(o).contains(&needle))
        })
        .map(|e| Row {
            overridden: e.current_override.is_some(),
            current: e.current_override.clone().unwrap_or(e.default.clone()),
            key: e.key,
            locale: e.locale.code().to_string(),
            feature: e.feature,
        })
        .collect();
    let count = rows.len();
    ctx.render(
        "admin/texts.html",
        context! {
            rows => Serde(rows),
            count => count,
            q => q.q,
            locale => q.locale,
            changed => only_changed,
        },
    )
    .await
}

#[derive(Deserialize, Default)]
pub(crate) struct EditQuery {
    #[serde(default)]
    key: String,
    #[serde(default)]
    locale: String,
    /// `vorschau` (preview = confirmation) or `zuruecksetzen` (revert confirmation).
    #[serde(default)]
    schritt: String,
}

fn draft_key(t: &Target) -> String {
    format!("text:{}:{}", t.locale.code(), t.key)
}

fn step_url(t: &Target, step: &str) -> String {
    let mut pairs = vec![
        ("locale", t.locale.code().to_string()),
        ("key", t.key.clone()),
    ];
    if !step.is_empty() {
        pairs.push(("schritt", step.to_string()));
    }
    format!(
        "/admin/texte/bearbeiten?{}",
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}

#[derive(Deserialize, Default)]
pub(crate) struct EditForm {
    #[serde(default)]
    key: String,
    #[serde(default)]
    locale: String,
    #[serde(default)]
    value: String,
    /// `preview`, `save` (after preview), `revert`, `revert_confirm`.
    #[serde(default)]
    action: String,
}

struct Target {
    locale: Locale,
    key: String,
    default: String,
    current: Option<text_override::Model>,
}

async fn target(ctx: &Ctx, locale: &str, key: &str) -> WebResult<Target> {
    let locale = Locale::parse(locale).ok_or(WebError(AppError::NotFound))?;
    let default = ctx
        .services()
        .texts
        .default_text(locale, key)
        .ok_or(WebError(AppError::NotFound))?
        .to_string();
    let current = text_override::Entity::find()
        .filter(text_override::Column::Locale.eq(locale.code()))
        .filter(text_override::Column::Key.eq(key))
        .one(&ctx.services().db)
        .await?;
    Ok(Target {
        locale,
        key: key.to_string(),
        default,
        current,
    })
}

async fn edit_page(
    ctx: &Ctx,
    t: &Target,
    value: &str,
    stage: &str,
    errors: &FieldErrors,
) -> WebResult {
    let preview = if stage == "preview" {
        // Render the candidate with a throw-away catalogue check: valid Fluent only.
        Some(value.to_string())
    } else {
        None
    };
    ctx.render_form(
        "admin/text_edit.html",
        errors,
        context! {
            key => t.key.clone(),
            text_locale => t.locale.code(),
            default => t.default.clone(),
            current => t.current.as_ref().map(|c| c.value.clone()),
            value => value,
            stage => stage,
            preview => preview,
        },
    )
    .await
}

/// Edit form of one text.
#[handler]
pub async fn edit_form(ctx: Ctx, Query(q): Query<EditQuery>) -> WebResult {
    let t = target(&ctx, &q.locale, &q.key).await?;
    let draft: Option<String> = draft::load(&ctx, &draft_key(&t));
    let value = draft.clone().unwrap_or_else(|| {
        t.current
            .as_ref()
            .map(|c| c.value.clone())
            .unwrap_or(t.default.clone())
    });
    let errors = draft::take_errors(&ctx, &draft_key(&t));
    let stage = match q.schritt.as_str() {
        "vorschau" if draft.is_some() && errors.is_empty() => "preview",
        "zuruecksetzen" if t.current.is_some() => "revert",
        _ => "edit",
    };
    edit_page(&ctx, &t, &value, stage, &errors).await
}

/// Preview (the confirmation step), save, or revert to the default.
#[handler]
pub async fn edit_submit(ctx: Ctx, Form(form): Form<EditForm>) -> WebResult {
    let t = target(&ctx, &form.locale, &form.key).await?;
    let services = ctx.services();
    match form.action.as_str() {
        "preview" | "save" => {
            let limits = hih_kernel::text_problem(&form.value, true);
            if limits.is_some()
                || services
                    .texts
                    .validate_override(t.locale, &t.key, &form.value)
                    .is_err()
            {
                let mut e = FieldErrors::new();
                match limits {
                    Some((key, max)) => e.add_with("value", key, &[("max", max.to_string())]),
                    None => e.add("value", "admin-text-invalid"),
                }
                draft::store(&ctx, &draft_key(&t), &form.value);
                draft::store_errors(&ctx, &draft_key(&t), &e);
                return ctx.redirect(&step_url(&t, ""));
            }
            if form.action == "preview" {
                draft::store(&ctx, &draft_key(&t), &form.value);
                return ctx.redirect(&step_url(&t, "vorschau"));
            }
            let mut uow = UnitOfWork::begin(services, &ctx.actor).await?;
            match &t.current {
                Some(row) => {
                    let mut am = row.clone().into_active_model();
                    am.value = Set(form.value.clone());
                    am.updated_at = Set(uow.now());
                    am.updated_by = Set(ctx.actor.audit_label());
                    uow.update(row, am).await?;
                }
                None => {
                    let am = text_override::ActiveModel {
                        id: NotSet,
                        locale: Set(t.locale.code().to_string()),
                        key: Set(t.key.clone()),
                        value: Set(form.value.clone()),
                        updated_at: Set(uow.now()),
                        updated_by: Set(ctx.actor.audit_label()),
                    };
                    let created = uow.insert(am).await?;
                    // Record the default as the old value, so the audit shows old → new.
                    uow.event(
                        "text",
                        &format!("{}:{}", t.locale, t.key),
                        "override",
                        serde_json::json!({ "value": [t.default, created.value] }),
                    );
                }
            }
            uow.commit().await?;
            draft::discard(&ctx, &draft_key(&t));
            ctx.state.refresh_texts(true).await?;
            ctx.session.flash("admin-text-saved");
            ctx.redirect(&format!("/admin/texte?q={}", form.key))
        }
        "revert" => ctx.redirect(&step_url(&t, "zuruecksetzen")),
        "revert_confirm" => {
            if let Some(row) = t.current.clone() {
                let mut uow = UnitOfWork::begin(services, &ctx.actor).await?;
                uow.delete::<text_override::ActiveModel>(row).await?;
                uow.commit().await?;
                ctx.state.refresh_texts(true).await?;
            }
            draft::discard(&ctx, &draft_key(&t));
            ctx.session.flash("admin-text-reverted");
            ctx.redirect(&format!("/admin/texte?q={}", form.key))
        }
        _ => Err(WebError(AppError::Refused("error-bad-request".into()))),
    }
}
