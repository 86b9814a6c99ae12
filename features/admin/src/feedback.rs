//! "Barriere melden" (BITV 2.0 § 7, feedback mechanism of the accessibility statement): a
//! public form, usable without an account and without JavaScript. A report goes to every
//! active administrator as a notification with an e-mail (inside one audited unit of work);
//! the form is rate-limited per address. Nothing else is stored: the administrators answer
//! from their mail, and the notification points to the statement.

use hih_db::UnitOfWork;
use hih_kernel::{Actor, AppError, FieldErrors, Role};
use hih_notify::Notice;
use hih_users::recipients::{Filter, active_with_role};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::poem::handler;
use hih_web::poem::web::Form;
use hih_web::{Ctx, WebError, WebResult};
use serde::{Deserialize, Serialize};

/// The form's address (public).
pub const PATH: &str = hih_web::legal::FEEDBACK_PATH;
/// The thank-you page after sending.
pub const DONE_PATH: &str = "/barrierefreiheit/rueckmeldung/danke";
/// The system actor the unit of work records for a report by a visitor.
const ACTOR: &str = "accessibility-feedback";
/// The limiter's bucket: reports per address and minute, like the other public forms.
const BUCKET: &str = "accessibility-feedback";

/// What a visitor reports.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct FeedbackForm {
    /// The barrier, in the visitor's words (required).
    #[serde(default)]
    pub message: String,
    /// Where it occurred (page, address), optional.
    #[serde(default)]
    pub place: String,
    /// An address for the answer, optional.
    #[serde(default)]
    pub email: String,
}

impl FeedbackForm {
    /// The German messages next to the fields, if anything is wrong.
    pub fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        errors.check_texts(self, &["message"]);
        if self.message.trim().is_empty() && !errors.has("message") {
            errors.add("message", "admin-feedback-error-message");
        }
        let email = self.email.trim();
        if !email.is_empty() && !hih_users::validate::is_email(email) && !errors.has("email") {
            errors.add("email", "admin-feedback-error-email");
        }
        errors
    }
}

/// The empty form.
#[handler]
pub async fn show(ctx: Ctx) -> WebResult {
    render(&ctx, &FeedbackForm::default(), &FieldErrors::new()).await
}

async fn render(ctx: &Ctx, form: &FeedbackForm, errors: &FieldErrors) -> WebResult {
    ctx.render_form(
        "admin/feedback.html",
        errors,
        context! { f => Serde(form), action => PATH, public_page => true },
    )
    .await
}

/// Sends the report to the administrators, then shows the thank-you page (PRG).
#[handler]
pub async fn submit(ctx: Ctx, Form(report): Form<FeedbackForm>) -> WebResult {
    if let Some(ip) = ctx.remote
        && !ctx.state.limiter.check(BUCKET, ip)
    {
        return Err(WebError(AppError::RateLimited));
    }
    let errors = report.check();
    if !errors.is_empty() {
        return render(&ctx, &report, &errors).await;
    }
    let services = ctx.services();
    let mut uow = UnitOfWork::begin(services, &Actor::system(ACTOR)).await?;
    let admins = active_with_role(uow.txn(), Role::Admin, Filter::All).await?;
    let notice = Notice::new("accessibility.feedback", "admin-feedback-notice")
        .arg("message", report.message.trim())
        .arg("place", report.place.trim())
        .arg("email", report.email.trim())
        .href(hih_web::legal::ACCESSIBILITY_PATH)
        .mail("admin-feedback-mail-subject", "admin-feedback-mail-body");
    hih_notify::notify(&mut uow, &admins, &notice).await?;
    uow.commit().await?;
    tracing::info!(recipients = admins.len(), "accessibility feedback sent");
    ctx.redirect(DONE_PATH)
}

/// The thank-you page.
#[handler]
pub async fn done(ctx: Ctx) -> WebResult {
    ctx.render("admin/feedback_done.html", context! { public_page => true })
        .await
}
