//! Appointment pages: staff propose a time for a conversation in their scope
//! (`/beratung/:id/termin`), the signed-in guest accepts or declines
//! (`/beratung/gast/:token/termin`). Without a configured Jitsi server both answer 404 and no
//! page offers them.

use hih_db::UnitOfWork;
use hih_kernel::{AppError, FieldErrors};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebError, WebResult};
use poem::Request;
use poem::handler;
use poem::web::{Form, Path};
use serde::{Deserialize, Serialize};

use super::{jitsi, service};
use crate::entities::conversation;

/// 404 unless a video server is configured.
fn offered(ctx: &Ctx) -> WebResult<()> {
    if jitsi::enabled(&ctx.services().settings.counselling) {
        Ok(())
    } else {
        Err(WebError(AppError::NotFound))
    }
}

/// The proposal form.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct ProposeForm {
    /// `JJJJ-MM-TT`.
    date: String,
    /// `HH:MM`, German time.
    time: String,
}

async fn form_page(
    ctx: &Ctx,
    c: &conversation::Model,
    f: &ProposeForm,
    errors: &FieldErrors,
) -> WebResult {
    ctx.render_form(
        "counselling/appointment_form.html",
        errors,
        context! { c => Serde(c), f => Serde(f) },
    )
    .await
}

/// The form to propose a time.
#[handler]
pub async fn propose_form(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    offered(&ctx)?;
    let c = crate::routes::staff::load(&ctx, id).await?;
    form_page(&ctx, &c, &ProposeForm::default(), &FieldErrors::new()).await
}

/// Saves a proposal, or shows the form again with the reasons next to the fields.
#[handler]
pub async fn propose(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<ProposeForm>) -> WebResult {
    offered(&ctx)?;
    let c = crate::routes::staff::load(&ctx, id).await?;
    let mut errors = FieldErrors::new();
    if c.status != conversation::OPEN {
        errors.add("date", "counselling-error-closed");
        return form_page(&ctx, &c, &f, &errors).await;
    }
    let starts_at = match service::check_start(&f.date, &f.time, ctx.services().clock.now()) {
        Ok(s) => s,
        Err(e) => return form_page(&ctx, &c, &f, &e).await,
    };
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    service::propose(&mut uow, &c, starts_at).await?;
    uow.commit().await?;
    ctx.session.flash("counselling-appointment-proposed");
    ctx.redirect(&format!("/beratung/{id}#termine"))
}

/// The guest's answer.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    /// The appointment's id.
    appointment: String,
    /// `accept` or `decline`.
    action: String,
}

/// Accepts or declines a proposal of the signed-in guest's conversation.
#[handler]
pub async fn answer(
    ctx: Ctx,
    req: &Request,
    Path(token): Path<String>,
    Form(f): Form<AnswerForm>,
) -> WebResult {
    let (_, c) = match crate::routes::guest::signed_in(&ctx, req, &token).await? {
        Ok(x) => x,
        Err(resp) => return Ok(resp),
    };
    offered(&ctx)?;
    let id = f
        .appointment
        .parse::<i64>()
        .map_err(|_| WebError(AppError::NotFound))?;
    let accept = f.action == "accept";
    let mut uow = UnitOfWork::begin(ctx.services(), &crate::service::guest_actor()).await?;
    service::answer(&mut uow, c.id, id, accept).await?;
    uow.commit().await?;
    ctx.session.flash(if accept {
        "counselling-appointment-accepted"
    } else {
        "counselling-appointment-declined"
    });
    ctx.redirect(&format!("/beratung/gast/{token}#termine"))
}
