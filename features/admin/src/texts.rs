//! The text editor: list with search, the editor's old address, revert with confirmation (the
//! edit → preview → save path is [`crate::text_form`]).

use hih_db::UnitOfWork;
use hih_db::entities::text_override;
use hih_db::fold::fold;
use hih_i18n::Locale;
use hih_kernel::AppError;

use crate::EDIT_TEXTS;
use std::cmp::Ordering;

use hih_web::list::{ListInfo, ListParams, ListView, MemoryList};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebError, WebResult};
use poem::handler;
use poem::web::{Form, Query};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};

/// Sort keys of the text list, the default first.
const COLUMNS: [&str; 2] = ["key", "locale"];

/// The text list (R-TXT) as a [`MemoryList`]: the catalogue's entries with the admins'
/// overrides, searchable by key or content (folded: case and accents ignored), in both
/// languages or one, optionally only the changed ones; paged like every list (2,500 rows).
pub struct TextList;

/// One text of the list.
#[derive(Serialize)]
pub struct Row {
    key: String,
    locale: String,
    current: String,
    overridden: bool,
}

#[async_trait::async_trait]
impl ListView for TextList {
    type Row = Row;

    const INFO: ListInfo = ListInfo {
        key: "texts",
        path: "/admin/texte",
        entity: "text",
        permission: EDIT_TEXTS,
        filters: &["q", "locale", "changed"],
        columns: &COLUMNS,
        newest_first: false,
    };

    async fn render(
        &self,
        ctx: &Ctx,
        params: &ListParams,
        total: u64,
        rows: Vec<Row>,
    ) -> WebResult {
        ctx.render(
            "admin/texts.html",
            context! {
                rows => Serde(rows),
                list => params.view(total, &COLUMNS),
                ..params.filter_values(Self::INFO.filters)
            },
        )
        .await
    }
}

#[async_trait::async_trait]
impl MemoryList for TextList {
    async fn rows(&self, ctx: &Ctx, params: &ListParams) -> WebResult<Vec<Row>> {
        ctx.state.refresh_texts(false).await?;
        let needle = fold(params.filter("q").unwrap_or_default());
        // An unknown language finds nothing, never everything.
        let only = params.filter("locale").map(Locale::parse);
        let only_changed = params.filter("changed").is_some();
        Ok(ctx
            .services()
            .texts
            .entries()
            .into_iter()
            .filter(|e| only.is_none_or(|l| l == Some(e.locale)))
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
            })
            .collect())
    }

    fn compare(&self, a: &Row, b: &Row, key: &str) -> Ordering {
        match key {
            "locale" => a.locale.cmp(&b.locale),
            _ => a.key.cmp(&b.key),
        }
    }

    fn tie_break(&self, a: &Row, b: &Row) -> Ordering {
        a.key.cmp(&b.key).then_with(|| a.locale.cmp(&b.locale))
    }
}

#[derive(Deserialize, Default)]
pub(crate) struct EditQuery {
    #[serde(default)]
    key: String,
    #[serde(default)]
    locale: String,
    /// `zuruecksetzen`: the revert confirmation (anything else opens the editor).
    #[serde(default)]
    schritt: String,
}

/// The editor's old address with a step (`zuruecksetzen`: the revert confirmation).
pub(crate) fn step_url(t: &Target, step: &str) -> String {
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

/// What the revert confirmation sends.
#[derive(Deserialize, Default)]
pub(crate) struct EditForm {
    #[serde(default)]
    key: String,
    #[serde(default)]
    locale: String,
    /// `revert` (asks) or `revert_confirm`.
    #[serde(default)]
    action: String,
}

/// One text: its language and key, the default and the admins' override, if any.
pub struct Target {
    pub(crate) locale: Locale,
    pub(crate) key: String,
    pub(crate) default: String,
    pub(crate) current: Option<text_override::Model>,
}

/// Loads a text; an unknown language or key answers 404.
pub(crate) async fn target(ctx: &Ctx, locale: &str, key: &str) -> WebResult<Target> {
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

/// What `admin/text_facts.html` shows of a text: key, language, default and the templates
/// that show it.
pub(crate) fn facts(ctx: &Ctx, t: &Target) -> hih_web::minijinja::Value {
    context! {
        key => t.key.clone(),
        text_locale => t.locale.code(),
        default => t.default.clone(),
        used_in => ctx.state.templates.usages(&t.key),
    }
}

/// The editor's path (the [`crate::text_form::TextFlow`]).
fn editor_path(t: &Target) -> String {
    format!("/admin/texte/{}/{}", t.locale.code(), t.key)
}

/// The editor's old address (`?locale=…&key=…`, the list's links): the revert confirmation
/// with `schritt=zuruecksetzen`, else on to the editor.
#[handler]
pub async fn edit_form(ctx: Ctx, Query(q): Query<EditQuery>) -> WebResult {
    let t = target(&ctx, &q.locale, &q.key).await?;
    if q.schritt != "zuruecksetzen" || t.current.is_none() {
        return ctx.redirect(&editor_path(&t));
    }
    ctx.render(
        "admin/text_revert.html",
        context! {
            back => editor_path(&t),
            ..facts(&ctx, &t)
        },
    )
    .await
}

/// Revert to the default: `revert` asks, `revert_confirm` deletes the override.
#[handler]
pub async fn edit_submit(ctx: Ctx, Form(form): Form<EditForm>) -> WebResult {
    let t = target(&ctx, &form.locale, &form.key).await?;
    match form.action.as_str() {
        "revert" => ctx.redirect(&step_url(&t, "zuruecksetzen")),
        "revert_confirm" => {
            if let Some(row) = t.current.clone() {
                let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
                uow.delete::<text_override::ActiveModel>(row).await?;
                uow.commit().await?;
                ctx.state.refresh_texts(true).await?;
            }
            ctx.session.flash("admin-text-reverted");
            ctx.redirect(&format!("/admin/texte?q={}", form.key))
        }
        _ => Err(WebError(AppError::Refused("error-bad-request".into()))),
    }
}
