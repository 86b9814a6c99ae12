//! Editing one UI text (R-TXT-1) as a [`FormFlow`]: the form, the preview as the review page
//! ("save this text now?"), the cancel confirmation. The text is addressed by its language and
//! key in the path (`/admin/texte/de/home-title`); the old address with query parameters leads
//! here ([`super::texts::edit_form`]). Reverting to the default stays its own confirmation.

use async_trait::async_trait;
use hih_db::UnitOfWork;
use hih_db::entities::text_override;
use hih_kernel::{Access, FieldErrors};
use hih_web::flow::{Checked, FlowArgs, FlowSpec, FormFlow, PageState, Saved, read_fields};
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebResult};
use sea_orm::{IntoActiveModel, NotSet, Set};
use serde::{Deserialize, Serialize};

use crate::EDIT_TEXTS;
use crate::texts::{Target, facts, step_url, target};

/// The text editor's flow.
pub struct TextFlow;

/// The text as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TextForm {
    #[serde(default)]
    value: String,
}

#[async_trait]
impl FormFlow for TextFlow {
    type Record = Target;
    type Form = TextForm;
    type Valid = String;

    fn spec(&self) -> FlowSpec {
        FlowSpec {
            name: "text",
            path: "/admin/texte/:locale/:key",
            access: Access::Permission(EDIT_TEXTS),
            templates: ("admin/text_edit.html", "admin/text_review.html"),
        }
    }

    async fn load(&self, ctx: &Ctx, args: &FlowArgs) -> WebResult<Target> {
        // Every text is every editor's: no scope narrower than the permission.
        target(ctx, args.text("locale")?, args.text("key")?).await
    }

    async fn initial(&self, _ctx: &Ctx, t: &Target) -> WebResult<TextForm> {
        Ok(TextForm {
            value: t
                .current
                .as_ref()
                .map(|c| c.value.clone())
                .unwrap_or(t.default.clone()),
        })
    }

    fn read(&self, _t: &Target, pairs: &[(String, String)]) -> TextForm {
        read_fields(pairs)
    }

    async fn check(&self, ctx: &Ctx, t: &Target, form: &TextForm) -> WebResult<Checked<String>> {
        let limits = hih_kernel::text_problem(&form.value, true);
        let valid_fluent = ctx
            .services()
            .texts
            .validate_override(t.locale, &t.key, &form.value)
            .is_ok();
        if limits.is_none() && valid_fluent {
            return Ok(Ok(form.value.clone()));
        }
        let mut e = FieldErrors::new();
        match limits {
            Some((key, max)) => e.add_with("value", key, &[("max", max.to_string())]),
            None => e.add("value", "admin-text-invalid"),
        }
        Ok(Err(e.into()))
    }

    async fn save(
        &self,
        ctx: &Ctx,
        uow: &mut UnitOfWork,
        t: &Target,
        value: String,
    ) -> WebResult<Saved> {
        match &t.current {
            Some(row) => {
                let mut am = row.clone().into_active_model();
                am.value = Set(value);
                am.updated_at = Set(uow.now());
                am.updated_by = Set(ctx.actor.audit_label());
                uow.update(row, am).await?;
            }
            None => {
                let am = text_override::ActiveModel {
                    id: NotSet,
                    locale: Set(t.locale.code().to_string()),
                    key: Set(t.key.clone()),
                    value: Set(value),
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
        Ok(Saved {
            to: format!("/admin/texte?q={}", t.key),
            flash: "admin-text-saved",
        })
    }

    async fn after_save(&self, ctx: &Ctx) -> WebResult<()> {
        // Effective at once: the next page already shows the new text.
        ctx.state.refresh_texts(true).await?;
        Ok(())
    }

    fn cancel_target(&self, _args: &FlowArgs, _t: &Target) -> String {
        "/admin/texte".into()
    }

    async fn page(&self, ctx: &Ctx, state: PageState<'_, Self>) -> WebResult<Value> {
        let t = state.record;
        // The review shows the text as users will read it (checked, so it formats).
        let preview = ctx
            .services()
            .texts
            .preview(t.locale, &t.key, &state.form.value)
            .ok();
        Ok(context! {
            preview => preview,
            current => t.current.as_ref().map(|c| c.value.clone()),
            revert_href => step_url(t, "zuruecksetzen"),
            ..facts(ctx, t)
        })
    }
}
