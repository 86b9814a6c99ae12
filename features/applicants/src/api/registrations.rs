//! The self-registration intake in the REST API (R-REG-4): an external web platform that holds
//! a person's invitation token posts the consent (its version) and the person's data; the
//! operation does exactly what the public wizard does — [`reg::accept_consent`], the steps'
//! fields merged into the stored form ([`steps::merge`]), the full check
//! ([`reg::validate_pending`]) and [`reg::submit`] (uses up the invitation, notifies the AHK
//! staff of the country) in one unit of work acting as the guest — so the pending entry is the
//! one the web form creates. Single use; unknown, expired and used tokens answer 410 and are
//! access-logged like the wizard's neutral page (without the token); rate-limited per client
//! address in the wizard's bucket. No personal token or session: the gate lets these two
//! operations through as anonymous callers.

use chrono::{DateTime, Utc};
use hih_db::UnitOfWork;
use hih_db::access::AccessAction;
use hih_i18n::Locale;
use hih_kernel::{Actor, AppError, FieldErrors};
use hih_web::Ctx;
use hih_web::api::{ApiError, ApiResult, Kind, OrProblem};
use poem_openapi::param::Query;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object, OpenApi, Tags};

use crate::registration::service::{self as reg, CONSENT_KEY};
use crate::registration::steps;
use crate::routes::wizard::GUEST_ACTOR;

/// Bereiche der Schnittstelle dieses Moduls.
#[derive(Tags)]
enum Tag {
    /// Selbstregistrierung über eine externe Plattform mit einem Einladungslink.
    Selbstregistrierung,
}

/// Der Einwilligungstext, dem die Person zustimmt, und seine Fassung.
#[derive(Debug, Object)]
#[oai(skip_serializing_if_is_none)]
struct Consent {
    /// Sprache des Textes (`de` oder `en`).
    locale: String,
    /// Der Text, wie ihn das Formular der Selbstregistrierung zeigt.
    text: String,
    /// Fassung des Textes (ändert sich mit jeder Änderung des Textes); beim Einreichen als
    /// `consent_version` mitzusenden.
    version: String,
}

/// Eine Selbstregistrierung: der Einladungslink, die Einwilligung und die Angaben, die die
/// Person auch im Formular der Selbstregistrierung macht (als Text wie dort eingegeben,
/// Datumsangaben `JJJJ-MM-TT`). Land und Status bestimmt die Einladung. Unbekannte Felder
/// werden abgelehnt.
#[derive(Debug, Object)]
#[oai(deny_unknown_fields)]
struct RegistrationInput {
    /// Das Token des Einladungslinks (der letzte Teil von `/registrierung/<Token>`).
    invitation_token: String,
    /// Die Person hat dem Einwilligungstext zugestimmt (Pflicht: `true`).
    #[oai(default)]
    consent: bool,
    /// Die Fassung des Einwilligungstextes, dem sie zugestimmt hat (siehe
    /// `GET /registrations/consent`).
    #[oai(default)]
    consent_version: String,
    /// Sprache, in der die Person den Text gelesen hat (`de` oder `en`; Standard: die
    /// Sprache der Einladung).
    #[oai(default)]
    locale: Option<String>,
    /// Anrede (`frau`, `herr`, `divers`, `keine`).
    #[oai(default)]
    salutation: String,
    /// Vornamen.
    #[oai(default)]
    first_names: String,
    /// Nachname (Pflicht).
    #[oai(default)]
    last_name: String,
    /// Geburtsdatum.
    #[oai(default)]
    birth_date: String,
    /// Staatsangehörigkeit.
    #[oai(default)]
    nationality: String,
    /// Wohnort.
    #[oai(default)]
    residence: String,
    /// E-Mail.
    #[oai(default)]
    email: String,
    /// Telefon.
    #[oai(default)]
    phone: String,
    /// Zielberuf (Code der Auswahlliste `occupation`).
    #[oai(default)]
    target_occupation: String,
    /// Berufliche Qualifikation.
    #[oai(default)]
    qualification: String,
    /// Berufserfahrung in Jahren.
    #[oai(default)]
    experience_years: String,
    /// Deutschniveau (GER).
    #[oai(default)]
    german_level: String,
    /// Niveau des Sprachzertifikats.
    #[oai(default)]
    certificate_level: String,
    /// Datum des Sprachzertifikats.
    #[oai(default)]
    certificate_date: String,
}

impl RegistrationInput {
    /// The fields as the wizard's steps post them.
    fn pairs(&self) -> Vec<(String, String)> {
        [
            ("salutation", &self.salutation),
            ("first_names", &self.first_names),
            ("last_name", &self.last_name),
            ("birth_date", &self.birth_date),
            ("nationality", &self.nationality),
            ("residence", &self.residence),
            ("email", &self.email),
            ("phone", &self.phone),
            ("target_occupation", &self.target_occupation),
            ("qualification", &self.qualification),
            ("experience_years", &self.experience_years),
            ("german_level", &self.german_level),
            ("certificate_level", &self.certificate_level),
            ("certificate_date", &self.certificate_date),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.trim().to_string()))
        .collect()
    }
}

/// Die eingereichte Registrierung.
#[derive(Debug, Object)]
#[oai(skip_serializing_if_is_none)]
struct Submitted {
    /// Kennung des Eintrags, der auf die Prüfung durch die AHK wartet.
    registration_id: i64,
    /// Eingereicht am.
    submitted_at: DateTime<Utc>,
}

/// Antwort auf das Einreichen.
#[derive(ApiResponse)]
enum Created {
    /// Die Registrierung wurde eingereicht; sie wartet auf die Prüfung durch die AHK.
    #[oai(status = 201)]
    Created(Json<Submitted>),
}

/// The consent text in `locale` and its version, as the wizard computes them.
fn consent(ctx: &Ctx, locale: Locale) -> Consent {
    let text = ctx.services().texts.t(locale, CONSENT_KEY, &[]);
    Consent {
        locale: locale.code().to_string(),
        version: reg::consent_version(&text),
        text,
    }
}

fn refused(ctx: &Ctx, field: &str, key: &str) -> ApiError {
    let mut e = FieldErrors::new();
    e.add(field, key);
    ctx.problem(&AppError::Validation(e))
}

/// Die Selbstregistrierung in der Schnittstelle.
pub struct RegistrationsApi;

#[OpenApi(tag = "Tag::Selbstregistrierung")]
impl RegistrationsApi {
    /// Der aktuelle Einwilligungstext und seine Fassung (ohne Anmeldung).
    #[oai(
        path = "/registrations/consent",
        method = "get",
        operation_id = "getRegistrationConsent"
    )]
    async fn consent(
        &self,
        ctx: Ctx,
        /// Sprache: `de` (Standard) oder `en`.
        locale: Query<Option<String>>,
    ) -> ApiResult<Json<Consent>> {
        let locale = match locale.0 {
            None => Locale::De,
            Some(l) => Locale::parse(&l)
                .ok_or_else(|| refused(&ctx, "locale", "applicants-error-choice"))?,
        };
        Ok(Json(consent(&ctx, locale)))
    }

    /// Eine Selbstregistrierung einreichen (ohne Anmeldung, mit dem Token eines gültigen
    /// Einladungslinks): legt denselben wartenden Eintrag an wie das Formular der
    /// Selbstregistrierung und benachrichtigt die AHK des Landes. Jeder Link nimmt genau eine
    /// Registrierung an; unbekannte, abgelaufene und benutzte Links: 410. Abgelehnte
    /// Eingaben: 422 mit den Meldungen des Formulars je Feld; zu viele Versuche: 429.
    #[oai(
        path = "/registrations",
        method = "post",
        operation_id = "submitRegistration"
    )]
    async fn submit(&self, ctx: Ctx, input: Json<RegistrationInput>) -> ApiResult<Created> {
        let input = input.0;
        if let Some(ip) = ctx.remote
            && !ctx.state.limiter.check("registration", ip)
        {
            return Err(ctx.problem(&AppError::RateLimited));
        }
        let Some(inv) = reg::find_open(ctx.services(), &input.invitation_token)
            .await
            .or_problem(&ctx)?
        else {
            ctx.log_access(
                AccessAction::Denied,
                "invitation",
                None,
                serde_json::Value::Null,
                None,
            )
            .await;
            return Err(ApiError::new(
                ctx.services(),
                ctx.locale,
                Kind::Gone,
                "applicants-reg-api-gone",
            ));
        };
        let locale = match &input.locale {
            Some(l) => Locale::parse(l)
                .ok_or_else(|| refused(&ctx, "locale", "applicants-error-choice"))?,
            None => Locale::parse(&inv.locale).unwrap_or_default(),
        };
        if !input.consent {
            return Err(refused(&ctx, "consent", "applicants-reg-error-consent"));
        }
        let shown = consent(&ctx, locale);
        if input.consent_version != shown.version {
            return Err(refused(
                &ctx,
                "consent_version",
                "applicants-reg-api-error-consent-version",
            ));
        }
        let fields: Vec<&str> = steps::all_fields().collect();
        let mut uow = UnitOfWork::begin(ctx.services(), &Actor::system(GUEST_ACTOR))
            .await
            .or_problem(&ctx)?;
        let pending = reg::accept_consent(&mut uow, &inv, &shown.version, locale.code())
            .await
            .or_problem(&ctx)?;
        let form = steps::merge(&reg::form_of(&pending), &input.pairs(), &fields);
        let pending = reg::save_form(&mut uow, &pending, &form)
            .await
            .or_problem(&ctx)?;
        // Refused input leaves nothing behind: the unit of work is dropped uncommitted.
        reg::validate_pending(ctx.services(), &pending, &reg::form_of(&pending))
            .await
            .map_err(|e| ctx.problem(&AppError::Validation(e)))?;
        reg::submit(&mut uow, &inv, &pending)
            .await
            .or_problem(&ctx)?;
        let submitted_at = uow.now();
        uow.commit().await.or_problem(&ctx)?;
        Ok(Created::Created(Json(Submitted {
            registration_id: pending.id,
            submitted_at,
        })))
    }
}
