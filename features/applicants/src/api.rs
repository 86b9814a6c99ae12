//! Applicants in the REST API (R-API-1): the list is the applicant list
//! page's query (its [`ListSpec`](hih_web::list::ListSpec) `ApplicantList`: scope by country
//! for AHK staff, by matches for IHK staff; filters, free text, sort, paging, access log), the
//! detail is the detail page's scoped load (404 outside the caller's scope, access-logged, a
//! view logged like the page's) with the fields the page shows; create and update go through
//! the form's checks (`routes::edit::check`: country binding, fields, duplicate warning) and
//! the service in one unit of work. The doc comments are the German descriptions of the
//! OpenAPI document.

use chrono::{DateTime, NaiveDate, Utc};
use hih_db::UnitOfWork;
use hih_kernel::AppError;
use hih_web::Ctx;
use hih_web::api::{ApiResult, ListQuery, OrProblem, Paged, list, require};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object, OpenApi, Tags};

mod registrations;

pub use registrations::RegistrationsApi;

use crate::entities::applicant;
use crate::form::ApplicantForm;
use crate::permissions::{APPLICANTS, APPLICANTS_READ};
use crate::routes::edit::check;
use crate::routes::list::ApplicantList;
use crate::service;

/// Bereiche der Schnittstelle dieses Moduls.
#[derive(Tags)]
enum Tag {
    /// Bewerberinnen und Bewerber (Kategorie 2) im eigenen Zuständigkeitsbereich.
    Bewerber,
}

/// Eine Person in der Liste (die Spalten der Bewerberliste).
#[derive(Debug, Object)]
#[oai(skip_serializing_if_is_none)]
struct ApplicantSummary {
    /// Kennung des Datensatzes.
    id: i64,
    /// Bewerber-ID (`HIH-XX-NNNN`), sobald vergeben.
    applicant_id: Option<String>,
    /// Vornamen.
    first_names: String,
    /// Nachname.
    last_name: String,
    /// Herkunftsland (Code der Auswahlliste `country`).
    country: String,
    /// Status.
    status: String,
    /// Zielberuf (Code der Auswahlliste `occupation`).
    target_occupation: String,
    /// Deutschniveau (GER).
    german_level: String,
    /// Aktiv (deaktivierte sehen nur Administratoren, bis zur Löschung).
    active: bool,
    /// Zuletzt geändert.
    updated_at: DateTime<Utc>,
}

/// Eine Seite der Bewerberliste.
#[derive(Debug, Object)]
struct ApplicantPage {
    /// Seitenangaben.
    #[oai(flatten)]
    paging: Paged,
    /// Die Personen dieser Seite in der Sortierung der Liste.
    items: Vec<ApplicantSummary>,
}

/// Eine Person mit den Angaben der Detailseite.
#[derive(Debug, Object)]
#[oai(skip_serializing_if_is_none)]
struct ApplicantDetail {
    /// Kennung des Datensatzes.
    id: i64,
    /// Bewerber-ID (`HIH-XX-NNNN`), sobald vergeben.
    applicant_id: Option<String>,
    /// Status.
    status: String,
    /// Datum der letzten Statusänderung.
    status_since: NaiveDate,
    /// Abbruchgrund.
    dropout_reason: String,
    /// Anrede.
    salutation: String,
    /// Vornamen.
    first_names: String,
    /// Nachname.
    last_name: String,
    /// Geburtsdatum.
    birth_date: NaiveDate,
    /// Staatsangehörigkeit.
    nationality: String,
    /// Herkunftsland (Code der Auswahlliste `country`).
    country: String,
    /// Wohnort.
    residence: String,
    /// E-Mail.
    email: String,
    /// Telefon.
    phone: String,
    /// Zielberuf (Code der Auswahlliste `occupation`).
    target_occupation: String,
    /// Qualifikation.
    qualification: String,
    /// Berufserfahrung in Jahren.
    experience_years: Option<i32>,
    /// Deutschniveau (GER).
    german_level: String,
    /// Sprachkurs: Beginn.
    course_start: Option<NaiveDate>,
    /// Sprachkurs: Ende.
    course_end: Option<NaiveDate>,
    /// Sprachkurs: Abbruch.
    course_dropout: Option<NaiveDate>,
    /// Sprachzertifikat: Niveau.
    certificate_level: String,
    /// Sprachzertifikat: Datum.
    certificate_date: Option<NaiveDate>,
    /// Kursträger.
    course_provider: String,
    /// Anerkennung: beantragt.
    recognition_applied: Option<NaiveDate>,
    /// Anerkennung: entschieden.
    recognition_decided: Option<NaiveDate>,
    /// Anerkennung: Ergebnis.
    recognition_result: String,
    /// Anpassungsmaßnahme: Beginn.
    adaptation_start: Option<NaiveDate>,
    /// Anpassungsmaßnahme: Ende.
    adaptation_end: Option<NaiveDate>,
    /// Visum: beantragt.
    visa_applied: Option<NaiveDate>,
    /// Visum: erteilt.
    visa_granted: Option<NaiveDate>,
    /// Visum: Ergebnis.
    visa_result: String,
    /// Einreise.
    entry_date: Option<NaiveDate>,
    /// Arbeitsbeginn.
    work_start: Option<NaiveDate>,
    /// Integrationsmaßnahmen.
    integration_measures: String,
    /// Nach 6 Monaten beschäftigt.
    employed_6m: String,
    /// Nach 12 Monaten beschäftigt.
    employed_12m: String,
    /// Einwilligung zur Speicherung: Datum.
    consent_storage_date: Option<NaiveDate>,
    /// Einwilligung zur Speicherung: Fassung des Textes.
    consent_storage_version: String,
    /// Einwilligung zur Weitergabe je Partnerkategorie (Codes der Auswahlliste `partner`).
    consent_partners: Vec<String>,
    /// Bemerkungen.
    remarks: String,
    /// Aktiv.
    active: bool,
    /// Deaktiviert am.
    deactivated_at: Option<DateTime<Utc>>,
    /// Angelegt.
    created_at: DateTime<Utc>,
    /// Zuletzt geändert.
    updated_at: DateTime<Utc>,
}

/// Die Angaben einer Person zum Anlegen oder Ändern: dieselben Felder und Prüfungen wie im
/// Formular, als Text wie dort eingegeben (Datumsangaben `JJJJ-MM-TT`; fehlende Felder gelten
/// als leer; abgelehnte Eingaben kommen mit den Meldungen des Formulars je Feld zurück).
/// Unbekannte Felder werden abgelehnt.
#[derive(Debug, Object)]
#[oai(deny_unknown_fields)]
struct ApplicantInput {
    /// Anrede.
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
    /// Herkunftsland (Code der Auswahlliste `country`).
    #[oai(default)]
    country: String,
    /// Wohnort.
    #[oai(default)]
    residence: String,
    /// E-Mail.
    #[oai(default)]
    email: String,
    /// Telefon.
    #[oai(default)]
    phone: String,
    /// Status.
    #[oai(default)]
    status: String,
    /// Abbruchgrund.
    #[oai(default)]
    dropout_reason: String,
    /// Zielberuf (Code der Auswahlliste `occupation`).
    #[oai(default)]
    target_occupation: String,
    /// Qualifikation.
    #[oai(default)]
    qualification: String,
    /// Berufserfahrung in Jahren.
    #[oai(default)]
    experience_years: String,
    /// Deutschniveau (GER).
    #[oai(default)]
    german_level: String,
    /// Sprachkurs: Beginn.
    #[oai(default)]
    course_start: String,
    /// Sprachkurs: Ende.
    #[oai(default)]
    course_end: String,
    /// Sprachkurs: Abbruch.
    #[oai(default)]
    course_dropout: String,
    /// Sprachzertifikat: Niveau.
    #[oai(default)]
    certificate_level: String,
    /// Sprachzertifikat: Datum.
    #[oai(default)]
    certificate_date: String,
    /// Kursträger.
    #[oai(default)]
    course_provider: String,
    /// Anerkennung: beantragt.
    #[oai(default)]
    recognition_applied: String,
    /// Anerkennung: entschieden.
    #[oai(default)]
    recognition_decided: String,
    /// Anerkennung: Ergebnis.
    #[oai(default)]
    recognition_result: String,
    /// Anpassungsmaßnahme: Beginn.
    #[oai(default)]
    adaptation_start: String,
    /// Anpassungsmaßnahme: Ende.
    #[oai(default)]
    adaptation_end: String,
    /// Visum: beantragt.
    #[oai(default)]
    visa_applied: String,
    /// Visum: erteilt.
    #[oai(default)]
    visa_granted: String,
    /// Visum: Ergebnis.
    #[oai(default)]
    visa_result: String,
    /// Einreise.
    #[oai(default)]
    entry_date: String,
    /// Arbeitsbeginn.
    #[oai(default)]
    work_start: String,
    /// Integrationsmaßnahmen.
    #[oai(default)]
    integration_measures: String,
    /// Nach 6 Monaten beschäftigt.
    #[oai(default)]
    employed_6m: String,
    /// Nach 12 Monaten beschäftigt.
    #[oai(default)]
    employed_12m: String,
    /// Einwilligung zur Speicherung: Datum.
    #[oai(default)]
    consent_storage_date: String,
    /// Einwilligung zur Speicherung: Fassung des Textes.
    #[oai(default)]
    consent_storage_version: String,
    /// Bemerkungen.
    #[oai(default)]
    remarks: String,
    /// Einwilligung zur Weitergabe je Partnerkategorie (Codes der Auswahlliste `partner`).
    #[oai(default)]
    consent_partners: Vec<String>,
    /// Trotz möglicher Dublette anlegen (wie das Kästchen „trotzdem anlegen“ im Formular).
    #[oai(default)]
    confirm_duplicate: bool,
}

impl ApplicantInput {
    /// The form the pages submit, so the form's checks apply unchanged.
    fn into_form(self) -> ApplicantForm {
        ApplicantForm {
            salutation: self.salutation,
            first_names: self.first_names,
            last_name: self.last_name,
            birth_date: self.birth_date,
            nationality: self.nationality,
            country: self.country,
            residence: self.residence,
            email: self.email,
            phone: self.phone,
            status: self.status,
            dropout_reason: self.dropout_reason,
            target_occupation: self.target_occupation,
            qualification: self.qualification,
            experience_years: self.experience_years,
            german_level: self.german_level,
            course_start: self.course_start,
            course_end: self.course_end,
            course_dropout: self.course_dropout,
            certificate_level: self.certificate_level,
            certificate_date: self.certificate_date,
            course_provider: self.course_provider,
            recognition_applied: self.recognition_applied,
            recognition_decided: self.recognition_decided,
            recognition_result: self.recognition_result,
            adaptation_start: self.adaptation_start,
            adaptation_end: self.adaptation_end,
            visa_applied: self.visa_applied,
            visa_granted: self.visa_granted,
            visa_result: self.visa_result,
            entry_date: self.entry_date,
            work_start: self.work_start,
            integration_measures: self.integration_measures,
            employed_6m: self.employed_6m,
            employed_12m: self.employed_12m,
            consent_storage_date: self.consent_storage_date,
            consent_storage_version: self.consent_storage_version,
            remarks: self.remarks,
            consent_partners: self.consent_partners,
            confirm_duplicate: if self.confirm_duplicate {
                "on".into()
            } else {
                String::new()
            },
        }
    }
}

/// Antwort auf das Anlegen.
#[derive(ApiResponse)]
enum Created {
    /// Die Person wurde angelegt (mit neuer Bewerber-ID).
    #[oai(status = 201)]
    Created(
        Json<ApplicantDetail>,
        /// Pfad des neuen Datensatzes.
        #[oai(header = "Location")]
        String,
    ),
}

/// Checks `input` as the form does (country binding, fields, fixed country, duplicates) and
/// saves it in one unit of work (audited).
async fn save(
    ctx: &Ctx,
    input: ApplicantInput,
    before: Option<&applicant::Model>,
) -> ApiResult<applicant::Model> {
    let form = input.into_form();
    let valid = match check(ctx, before, &form).await.or_problem(ctx)? {
        Ok(v) => v,
        Err(rejected) => return Err(ctx.problem(&AppError::Validation(rejected.errors))),
    };
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor)
        .await
        .or_problem(ctx)?;
    let saved = match before {
        None => service::create(&mut uow, valid).await,
        Some(b) => service::update(&mut uow, b, valid).await,
    }
    .or_problem(ctx)?;
    uow.commit().await.or_problem(ctx)?;
    Ok(saved)
}

fn summary(a: applicant::Model) -> ApplicantSummary {
    ApplicantSummary {
        id: a.id,
        applicant_id: a.applicant_id,
        first_names: a.first_names,
        last_name: a.last_name,
        country: a.country,
        status: a.status,
        target_occupation: a.target_occupation,
        german_level: a.german_level,
        active: a.active,
        updated_at: a.updated_at,
    }
}

fn detail(a: applicant::Model) -> ApplicantDetail {
    ApplicantDetail {
        consent_partners: a
            .consent_partners
            .split(',')
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect(),
        id: a.id,
        applicant_id: a.applicant_id,
        status: a.status,
        status_since: a.status_since,
        dropout_reason: a.dropout_reason,
        salutation: a.salutation,
        first_names: a.first_names,
        last_name: a.last_name,
        birth_date: a.birth_date,
        nationality: a.nationality,
        country: a.country,
        residence: a.residence,
        email: a.email,
        phone: a.phone,
        target_occupation: a.target_occupation,
        qualification: a.qualification,
        experience_years: a.experience_years,
        german_level: a.german_level,
        course_start: a.course_start,
        course_end: a.course_end,
        course_dropout: a.course_dropout,
        certificate_level: a.certificate_level,
        certificate_date: a.certificate_date,
        course_provider: a.course_provider,
        recognition_applied: a.recognition_applied,
        recognition_decided: a.recognition_decided,
        recognition_result: a.recognition_result,
        adaptation_start: a.adaptation_start,
        adaptation_end: a.adaptation_end,
        visa_applied: a.visa_applied,
        visa_granted: a.visa_granted,
        visa_result: a.visa_result,
        entry_date: a.entry_date,
        work_start: a.work_start,
        integration_measures: a.integration_measures,
        employed_6m: a.employed_6m,
        employed_12m: a.employed_12m,
        consent_storage_date: a.consent_storage_date,
        consent_storage_version: a.consent_storage_version,
        remarks: a.remarks,
        active: a.active,
        deactivated_at: a.deactivated_at,
        created_at: a.created_at,
        updated_at: a.updated_at,
    }
}

/// Die Bewerberinnen und Bewerber in der Schnittstelle.
pub struct ApplicantsApi;

#[OpenApi(tag = "Tag::Bewerber")]
impl ApplicantsApi {
    /// Personen suchen: dieselbe Abfrage wie die Bewerberliste der Oberfläche
    /// (Zuständigkeitsbereich, Filter, Freitext, Sortierung), daher dieselbe Trefferzahl.
    #[oai(path = "/applicants", method = "get", operation_id = "listApplicants")]
    #[allow(clippy::too_many_arguments)]
    async fn list(
        &self,
        ctx: Ctx,
        /// Freitext: jedes Wort muss vorkommen (Umlaute und Akzente gleichwertig).
        q: Query<Option<String>>,
        /// Status.
        status: Query<Option<String>>,
        /// Herkunftsland (Code; nur für Rollen, die alle Länder sehen).
        country: Query<Option<String>>,
        /// Zielberuf (Code der Auswahlliste `occupation`).
        occupation: Query<Option<String>>,
        /// Deutschniveau (GER, z. B. `B1`).
        level: Query<Option<String>>,
        /// Auch deaktivierte Personen (nur Administratoren).
        inactive: Query<Option<bool>>,
        /// Sortierung: `name`, `id`, `country`, `status`, `occupation`, `level`, `updated`.
        sort: Query<Option<String>>,
        /// Richtung: `asc` oder `desc`.
        dir: Query<Option<String>>,
        /// Seite (ab 1).
        page: Query<Option<u64>>,
        /// Einträge je Seite (Standard 20, höchstens die eingestellte Höchstgröße).
        per_page: Query<Option<u64>>,
    ) -> ApiResult<Json<ApplicantPage>> {
        let mut filters: Vec<(String, String)> = Vec::new();
        for (name, value) in [
            ("q", q.0),
            ("status", status.0),
            ("country", country.0),
            ("occupation", occupation.0),
            ("level", level.0),
            (
                "inactive",
                inactive.0.filter(|i| *i).map(|_| "on".to_string()),
            ),
        ] {
            if let Some(v) = value {
                filters.push((name.to_string(), v));
            }
        }
        let query = ListQuery {
            filters,
            sort: sort.0,
            dir: dir.0,
            page: page.0,
            per_page: per_page.0,
        };
        let (paging, rows) = list(&ApplicantList, &ctx, query).await?;
        let items = rows.into_iter().map(summary).collect();
        Ok(Json(ApplicantPage { paging, items }))
    }

    /// Eine Person mit den Angaben der Detailseite. Außerhalb des eigenen
    /// Zuständigkeitsbereichs: 404 (und ein Eintrag im Zugriffsprotokoll).
    #[oai(
        path = "/applicants/:id",
        method = "get",
        operation_id = "getApplicant"
    )]
    async fn get(
        &self,
        ctx: Ctx,
        /// Kennung des Datensatzes.
        id: Path<i64>,
    ) -> ApiResult<Json<ApplicantDetail>> {
        require(&ctx, APPLICANTS_READ).await?;
        let a = crate::load_applicant(&ctx, id.0)
            .await
            .map_err(|e| ctx.problem(&e.0))?;
        ctx.log_view("applicant", id.0).await;
        Ok(Json(detail(a)))
    }

    /// Eine Person anlegen (Administratoren; AHK-Mitarbeitende im eigenen Land): dieselben
    /// Prüfungen wie im Formular, auch die Warnung vor einer möglichen Dublette (dann
    /// `confirm_duplicate`); abgelehnte Eingaben: 422 mit den Meldungen je Feld.
    #[oai(
        path = "/applicants",
        method = "post",
        operation_id = "createApplicant"
    )]
    async fn create(&self, ctx: Ctx, input: Json<ApplicantInput>) -> ApiResult<Created> {
        require(&ctx, APPLICANTS).await?;
        let a = save(&ctx, input.0, None).await?;
        let location = format!("{}/applicants/{}", hih_web::api::PREFIX, a.id);
        Ok(Created::Created(Json(detail(a)), location))
    }

    /// Eine Person ändern (alle Angaben, wie im Formular). Außerhalb des eigenen
    /// Zuständigkeitsbereichs: 404.
    #[oai(
        path = "/applicants/:id",
        method = "put",
        operation_id = "updateApplicant"
    )]
    async fn update(
        &self,
        ctx: Ctx,
        /// Kennung des Datensatzes.
        id: Path<i64>,
        input: Json<ApplicantInput>,
    ) -> ApiResult<Json<ApplicantDetail>> {
        require(&ctx, APPLICANTS).await?;
        let before = crate::load_applicant(&ctx, id.0)
            .await
            .map_err(|e| ctx.problem(&e.0))?;
        let a = save(&ctx, input.0, Some(&before)).await?;
        Ok(Json(detail(a)))
    }
}
