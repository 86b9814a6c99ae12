//! Invitations (R-REG-1) under `/bewerber/einladungen`: the list (open, used, expired; newest
//! first), the create form (a [`FormFlow`]: review before saving, cancel confirmation) and the
//! page that shows the new link once.

use async_trait::async_trait;
use hih_db::UnitOfWork;
use hih_i18n::{Locale, TextArg};
use hih_kernel::{Access, AppError, Role};
use hih_mail::Mail;
use hih_web::flow::{
    Checked, FlowArgs, FlowSpec, FormFlow, PageState, Rejected, Saved, select_options,
};
use hih_web::minijinja::value::Serde;
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebError, WebResult, draft};
use poem::handler;
use sea_orm::{EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;

use crate::entities::invitation;
use crate::permissions::REGISTRATIONS;
use crate::registration::scope::visible_invitations;
use crate::registration::service::{self as reg, FORM_LOCALES, InvitationForm};
use crate::routes::record::{label_of, labels};
use crate::scope::required_country;

const LINK: &str = "invitation:link";
/// Most invitations the list shows (newest first).
const LIST_MAX: u64 = 500;

#[derive(Serialize)]
struct Row {
    id: i64,
    name: String,
    email: String,
    country: String,
    locale_key: &'static str,
    created_at: chrono::DateTime<chrono::Utc>,
    expires_at: chrono::DateTime<chrono::Utc>,
    state: &'static str,
    applicant_id: Option<i64>,
}

/// The AHK staff member's country (none known: no access), or `None` for admins.
pub(crate) fn bound_country(ctx: &Ctx) -> WebResult<Option<String>> {
    match (ctx.actor.role(), required_country(&ctx.actor)) {
        (Some(Role::AhkStaff), None) => Err(WebError(AppError::Forbidden)),
        (_, c) => Ok(c),
    }
}

/// The list of invitations in scope.
#[handler]
pub async fn list(ctx: Ctx) -> WebResult {
    let now = ctx.services().clock.now();
    // Country names, not codes ("Vietnam", not "VN").
    let countries = labels(&ctx, "country").await?;
    let rows: Vec<Row> = invitation::Entity::find()
        .filter(visible_invitations(&ctx.actor))
        .order_by_desc(invitation::Column::CreatedAt)
        .order_by_desc(invitation::Column::Id)
        .limit(LIST_MAX)
        .all(&ctx.services().db)
        .await?
        .into_iter()
        .map(|i| Row {
            state: reg::state_of(&i, now),
            locale_key: crate::service::key_of(&FORM_LOCALES, &i.locale),
            id: i.id,
            name: i.name,
            email: i.email,
            country: label_of(&countries, &i.country),
            created_at: i.created_at,
            expires_at: i.expires_at,
            applicant_id: i.applicant_id,
        })
        .collect();
    ctx.render(
        "applicants/invitations.html",
        context! { rows => Serde(rows) },
    )
    .await
}

/// A new invitation, `/bewerber/einladungen/neu`: form, review, cancel confirmation; saved,
/// the link is shown once on `/bewerber/einladungen/erstellt` (and mailed if asked).
pub struct InvitationFlow;

#[async_trait]
impl FormFlow for InvitationFlow {
    /// The AHK staff member's country, or `None` for admins.
    type Record = Option<String>;
    type Form = InvitationForm;
    type Valid = InvitationForm;

    fn spec(&self) -> FlowSpec {
        FlowSpec {
            name: "invitation-new",
            path: "/bewerber/einladungen/neu",
            access: Access::Permission(REGISTRATIONS),
            templates: (
                "applicants/invitation_form.html",
                "applicants/invitation_review.html",
            ),
        }
    }

    async fn load(&self, ctx: &Ctx, _args: &FlowArgs) -> WebResult<Option<String>> {
        bound_country(ctx)
    }

    async fn initial(&self, _ctx: &Ctx, _bound: &Option<String>) -> WebResult<InvitationForm> {
        Ok(InvitationForm {
            locale: "de".into(),
            ..Default::default()
        })
    }

    fn read(&self, _bound: &Option<String>, pairs: &[(String, String)]) -> InvitationForm {
        hih_web::flow::read_fields(pairs)
    }

    async fn check(
        &self,
        ctx: &Ctx,
        bound: &Option<String>,
        f: &InvitationForm,
    ) -> WebResult<Checked<InvitationForm>> {
        Ok(
            reg::validate_invitation(ctx.services(), f, bound.as_deref())
                .await
                .map_err(Rejected::from),
        )
    }

    /// Creates the invitation (and queues the mail if asked); the link page shows it once.
    async fn save(
        &self,
        ctx: &Ctx,
        uow: &mut UnitOfWork,
        _bound: &Option<String>,
        valid: InvitationForm,
    ) -> WebResult<Saved> {
        let (inv, token) = reg::create_invitation(uow, &valid, ctx.actor.user_id()).await?;
        let url = reg::link(ctx.services(), &token);
        let mailed = valid.send_mail == "on";
        if mailed {
            let locale = Locale::parse(&inv.locale).unwrap_or_default();
            let texts = &ctx.services().texts;
            let args = [
                ("link", TextArg::Str(url.clone())),
                (
                    "days",
                    TextArg::Num(ctx.services().settings.invitation_days as f64),
                ),
            ];
            let mail = Mail {
                to: inv.email.clone(),
                subject: texts.t(locale, "applicants-inv-mail-subject", &args),
                body: texts.t(locale, "applicants-inv-mail-body", &args),
            };
            hih_mail::queue(uow, mail).await?;
        }
        draft::stash(ctx, LINK, &(url, mailed));
        Ok(Saved {
            to: "/bewerber/einladungen/erstellt".into(),
            flash: "applicants-inv-created",
        })
    }

    fn cancel_target(&self, _args: &FlowArgs, _bound: &Option<String>) -> String {
        "/bewerber/einladungen".into()
    }

    async fn page(&self, ctx: &Ctx, state: PageState<'_, Self>) -> WebResult<Value> {
        let f = state.form;
        let countries = labels(ctx, "country").await?;
        let country = state.record.as_deref().unwrap_or(&f.country);
        Ok(context! {
            countries => Serde(select_options(&countries)),
            choose_country => state.record.is_none(),
            country_label => label_of(&countries, country),
            locales => Serde(FORM_LOCALES.to_vec()),
            locale_key => crate::service::key_of(&FORM_LOCALES, &f.locale),
            days => ctx.services().settings.invitation_days,
        })
    }
}

/// The new link, shown exactly once (a reload shows the list instead).
#[handler]
pub async fn created(ctx: Ctx) -> WebResult {
    bound_country(&ctx)?;
    let Some((url, mailed)) = draft::take::<(String, bool)>(&ctx, LINK) else {
        return ctx.redirect("/bewerber/einladungen");
    };
    ctx.render(
        "applicants/invitation_link.html",
        context! { url => url, mailed => mailed },
    )
    .await
}
