//! Invitations (R-REG-1) under `/bewerber/einladungen`: the list (open, used, expired; newest
//! first), the create form and the page that shows the new link once.

use hih_db::UnitOfWork;
use hih_i18n::{Locale, TextArg};
use hih_kernel::{AppError, Role};
use hih_mail::Mail;
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebError, WebResult, draft};
use poem::handler;
use poem::web::Form;
use sea_orm::{EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;

use crate::entities::invitation;
use crate::registration::scope::visible_invitations;
use crate::registration::service::{self as reg, FORM_LOCALES, InvitationForm};
use crate::routes::record::labels;
use crate::scope::required_country;

const DRAFT: &str = "invitation:new";
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
            country: i.country,
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

async fn form_page(ctx: &Ctx, f: &InvitationForm, errors: &hih_kernel::FieldErrors) -> WebResult {
    let bound = bound_country(ctx)?;
    let countries: Vec<(String, String, String)> = labels(ctx, "country")
        .await?
        .into_iter()
        .map(|(c, l)| (c, String::new(), l))
        .collect();
    ctx.render_form(
        "applicants/invitation_form.html",
        errors,
        context! {
            f => Serde(f),
            countries => Serde(countries),
            choose_country => bound.is_none(),
            locales => Serde(FORM_LOCALES.to_vec()),
            days => ctx.services().settings.invitation_days,
        },
    )
    .await
}

/// The create form.
#[handler]
pub async fn new_form(ctx: Ctx) -> WebResult {
    let f = draft::load::<InvitationForm>(&ctx, DRAFT).unwrap_or_else(|| InvitationForm {
        locale: "de".into(),
        ..Default::default()
    });
    let errors = draft::take_errors(&ctx, DRAFT);
    form_page(&ctx, &f, &errors).await
}

/// Creates the invitation (and queues the mail if asked), then shows the link once.
#[handler]
pub async fn new_submit(ctx: Ctx, Form(f): Form<InvitationForm>) -> WebResult {
    let bound = bound_country(&ctx)?;
    let valid = match reg::validate_invitation(ctx.services(), &f, bound.as_deref()).await {
        Ok(v) => v,
        Err(errors) => {
            draft::store(&ctx, DRAFT, &f);
            draft::store_errors(&ctx, DRAFT, &errors);
            return ctx.redirect("/bewerber/einladungen/neu");
        }
    };
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    let (inv, token) = reg::create_invitation(&mut uow, &valid, ctx.actor.user_id()).await?;
    let url = reg::link(ctx.services(), &token);
    if valid.send_mail == "on" {
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
        hih_mail::queue(&mut uow, mail).await?;
    }
    uow.commit().await?;
    draft::discard(&ctx, DRAFT);
    draft::stash(&ctx, LINK, &(url, valid.send_mail == "on"));
    ctx.redirect("/bewerber/einladungen/erstellt")
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
