//! Companies in the REST API (R-API-1): the list is the company list page's query (its
//! [`ListSpec`](hih_web::list::ListSpec) `CompanyList`: scope, filters, free text, sort, paging,
//! access log), the detail is the detail page's scoped load (404 outside the caller's scope,
//! access-logged, a view logged like the page's), create and update go through the form's
//! service (`service::validate`, the same German messages per field in the problem body) and
//! one unit of work. The doc comments are the German descriptions of the OpenAPI document.

use chrono::{DateTime, NaiveDate, Utc};
use hih_db::UnitOfWork;
use hih_kernel::{Actor, AppError};
use hih_web::Ctx;
use hih_web::api::{ApiResult, ExportFile, ListQuery, OrProblem, Paged, export, list, require};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object, OpenApi, Tags};

mod monthly;

pub use monthly::MonthlyCountsApi;

use crate::entities::company;
use crate::permissions::COMPANIES;
use crate::routes::list::{CompanyList, sees_districts};
use crate::scope::required_district;
use crate::service::{self, CompanyForm};

/// Bereiche der Schnittstelle dieses Moduls.
#[derive(Tags)]
enum Tag {
    /// Unternehmen (Kategorie 1B) im eigenen Zuständigkeitsbereich.
    Unternehmen,
}

/// Ein Unternehmen in der Liste (die Spalten der Unternehmensliste).
#[derive(Debug, Object)]
#[oai(skip_serializing_if_is_none)]
struct CompanySummary {
    /// Kennung.
    id: i64,
    /// Firmenname.
    name: String,
    /// Straße.
    street: String,
    /// Hausnummer.
    house_number: String,
    /// Postleitzahl.
    plz: String,
    /// Ort.
    ort: String,
    /// Landkreis oder kreisfreie Stadt.
    kreis: Option<String>,
    /// IHK-Bezirk (Kennung der IHK); nur für Rollen, die alle Bezirke sehen.
    #[oai(skip_serializing_if_is_none)]
    district_id: Option<i64>,
    /// Status: `interessiert`, `teilnehmend` oder `abbrecher`.
    status: String,
    /// Anzahl der Beschäftigten.
    employees: Option<i32>,
    /// Aktiv (deaktivierte sehen nur Administratoren, bis zur Löschung).
    active: bool,
    /// Zuletzt geändert.
    updated_at: DateTime<Utc>,
}

/// Eine Seite der Unternehmensliste.
#[derive(Debug, Object)]
struct CompanyPage {
    /// Seitenangaben.
    #[oai(flatten)]
    paging: Paged,
    /// Die Unternehmen dieser Seite in der Sortierung der Liste.
    items: Vec<CompanySummary>,
}

/// Ein Unternehmen mit allen Angaben der Detailseite.
#[derive(Debug, Object)]
#[oai(skip_serializing_if_is_none)]
struct CompanyDetail {
    /// Kennung.
    id: i64,
    /// Firmenname.
    name: String,
    /// Rechtsform.
    legal_form: String,
    /// Straße.
    street: String,
    /// Hausnummer.
    house_number: String,
    /// Postleitzahl.
    plz: String,
    /// Ort.
    ort: String,
    /// Landkreis oder kreisfreie Stadt.
    kreis: Option<String>,
    /// IHK-Bezirk (Kennung der IHK).
    district_id: Option<i64>,
    /// Branche (Code der Auswahlliste `industry`).
    industry: String,
    /// Anzahl der Beschäftigten.
    employees: Option<i32>,
    /// Webseite.
    website: String,
    /// Telefon.
    phone: String,
    /// E-Mail.
    email: String,
    /// Ansprechperson: Anrede (`frau`, `herr`, `divers`, `keine`).
    contact_salutation: String,
    /// Ansprechperson: Vorname.
    contact_first_name: String,
    /// Ansprechperson: Nachname.
    contact_last_name: String,
    /// Ansprechperson: Funktion.
    contact_function: String,
    /// Ansprechperson: Telefon.
    contact_phone: String,
    /// Ansprechperson: E-Mail.
    contact_email: String,
    /// Status: `interessiert`, `teilnehmend` oder `abbrecher`.
    status: String,
    /// Datum der letzten Statusänderung.
    status_since: NaiveDate,
    /// Gesuchte Zielberufe (Codes der Auswahlliste `occupation`).
    target_occupations: Vec<String>,
    /// Offene Stellen.
    open_positions: Option<i32>,
    /// Ansprache-Format (Code der Auswahlliste `outreach`).
    outreach_format: String,
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

/// Die Angaben eines Unternehmens zum Anlegen oder Ändern: dieselben Felder und Prüfungen wie
/// im Formular (fehlende Felder gelten als leer; abgelehnte Eingaben kommen mit den Meldungen
/// des Formulars je Feld zurück). Unbekannte Felder werden abgelehnt.
#[derive(Debug, Object)]
#[oai(deny_unknown_fields)]
struct CompanyInput {
    /// Firmenname (Pflicht).
    #[oai(default)]
    name: String,
    /// Rechtsform.
    #[oai(default)]
    legal_form: String,
    /// Straße (Pflicht).
    #[oai(default)]
    street: String,
    /// Hausnummer (Pflicht).
    #[oai(default)]
    house_number: String,
    /// Postleitzahl (Pflicht; bestimmt Landkreis und IHK-Bezirk; IHK-Mitarbeitende nur im
    /// eigenen Bezirk).
    #[oai(default)]
    plz: String,
    /// Ort (Pflicht, passend zur Postleitzahl).
    #[oai(default)]
    ort: String,
    /// Branche (Code der Auswahlliste `industry`).
    #[oai(default)]
    industry: String,
    /// Anzahl der Beschäftigten.
    #[oai(default)]
    employees: Option<i32>,
    /// Webseite.
    #[oai(default)]
    website: String,
    /// Telefon.
    #[oai(default)]
    phone: String,
    /// E-Mail.
    #[oai(default)]
    email: String,
    /// Ansprechperson: Anrede (`frau`, `herr`, `divers`, `keine`).
    #[oai(default)]
    contact_salutation: String,
    /// Ansprechperson: Vorname.
    #[oai(default)]
    contact_first_name: String,
    /// Ansprechperson: Nachname.
    #[oai(default)]
    contact_last_name: String,
    /// Ansprechperson: Funktion.
    #[oai(default)]
    contact_function: String,
    /// Ansprechperson: Telefon.
    #[oai(default)]
    contact_phone: String,
    /// Ansprechperson: E-Mail.
    #[oai(default)]
    contact_email: String,
    /// Status: `interessiert`, `teilnehmend` oder `abbrecher`.
    #[oai(default)]
    status: String,
    /// Gesuchte Zielberufe (Codes der Auswahlliste `occupation`).
    #[oai(default)]
    target_occupations: Vec<String>,
    /// Offene Stellen.
    #[oai(default)]
    open_positions: Option<i32>,
    /// Ansprache-Format (Code der Auswahlliste `outreach`).
    #[oai(default)]
    outreach_format: String,
    /// Einwilligung zur Speicherung: Datum.
    #[oai(default)]
    consent_storage_date: Option<NaiveDate>,
    /// Einwilligung zur Speicherung: Fassung des Textes.
    #[oai(default)]
    consent_storage_version: String,
    /// Einwilligung zur Weitergabe je Partnerkategorie (Codes der Auswahlliste `partner`).
    #[oai(default)]
    consent_partners: Vec<String>,
    /// Bemerkungen.
    #[oai(default)]
    remarks: String,
}

impl CompanyInput {
    /// The form the pages submit, so the form's checks apply unchanged.
    fn into_form(self) -> CompanyForm {
        let number = |n: Option<i32>| n.map(|n| n.to_string()).unwrap_or_default();
        CompanyForm {
            name: self.name,
            legal_form: self.legal_form,
            street: self.street,
            house_number: self.house_number,
            plz: self.plz,
            ort: self.ort,
            industry: self.industry,
            employees: number(self.employees),
            website: self.website,
            phone: self.phone,
            email: self.email,
            contact_salutation: self.contact_salutation,
            contact_first_name: self.contact_first_name,
            contact_last_name: self.contact_last_name,
            contact_function: self.contact_function,
            contact_phone: self.contact_phone,
            contact_email: self.contact_email,
            status: self.status,
            target_occupations: self.target_occupations,
            open_positions: number(self.open_positions),
            outreach_format: self.outreach_format,
            consent_storage_date: self
                .consent_storage_date
                .map(|d| d.to_string())
                .unwrap_or_default(),
            consent_storage_version: self.consent_storage_version,
            consent_partners: self.consent_partners,
            remarks: self.remarks,
        }
    }
}

/// Antwort auf das Anlegen.
#[derive(ApiResponse)]
enum Created {
    /// Das Unternehmen wurde angelegt.
    #[oai(status = 201)]
    Created(
        Json<CompanyDetail>,
        /// Pfad des neuen Unternehmens.
        #[oai(header = "Location")]
        String,
    ),
}

/// Checks `input` as the form does and saves it in one unit of work (audited).
async fn save(
    ctx: &Ctx,
    input: CompanyInput,
    before: Option<&company::Model>,
) -> ApiResult<company::Model> {
    let form = input.into_form();
    let district = required_district(&ctx.actor);
    let valid = match service::validate(ctx.services(), &form, district, before).await {
        Ok(v) => v,
        Err((errors, _duplicate)) => return Err(ctx.problem(&AppError::Validation(errors))),
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

fn codes(list: &str) -> Vec<String> {
    list.split(',')
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

fn summary(actor: &Actor, c: company::Model) -> CompanySummary {
    CompanySummary {
        district_id: c.district_id.filter(|_| sees_districts(actor)),
        id: c.id,
        name: c.name,
        street: c.street,
        house_number: c.house_number,
        plz: c.plz,
        ort: c.ort,
        kreis: c.kreis,
        status: c.status,
        employees: c.employees,
        active: c.active,
        updated_at: c.updated_at,
    }
}

fn detail(c: company::Model) -> CompanyDetail {
    CompanyDetail {
        target_occupations: codes(&c.target_occupations),
        consent_partners: codes(&c.consent_partners),
        id: c.id,
        name: c.name,
        legal_form: c.legal_form,
        street: c.street,
        house_number: c.house_number,
        plz: c.plz,
        ort: c.ort,
        kreis: c.kreis,
        district_id: c.district_id,
        industry: c.industry,
        employees: c.employees,
        website: c.website,
        phone: c.phone,
        email: c.email,
        contact_salutation: c.contact_salutation,
        contact_first_name: c.contact_first_name,
        contact_last_name: c.contact_last_name,
        contact_function: c.contact_function,
        contact_phone: c.contact_phone,
        contact_email: c.contact_email,
        status: c.status,
        status_since: c.status_since,
        open_positions: c.open_positions,
        outreach_format: c.outreach_format,
        consent_storage_date: c.consent_storage_date,
        consent_storage_version: c.consent_storage_version,
        remarks: c.remarks,
        active: c.active,
        deactivated_at: c.deactivated_at,
        created_at: c.created_at,
        updated_at: c.updated_at,
    }
}

/// Die Unternehmen in der Schnittstelle.
pub struct CompaniesApi;

#[OpenApi(tag = "Tag::Unternehmen")]
impl CompaniesApi {
    /// Unternehmen suchen: dieselbe Abfrage wie die Unternehmensliste der Oberfläche
    /// (Zuständigkeitsbereich, Filter, Freitext, Sortierung), daher dieselbe Trefferzahl.
    #[oai(path = "/companies", method = "get", operation_id = "listCompanies")]
    #[allow(clippy::too_many_arguments)]
    async fn list(
        &self,
        ctx: Ctx,
        /// Freitext: jedes Wort muss vorkommen (Umlaute gleichwertig: „mueller“ findet „Müller“).
        q: Query<Option<String>>,
        /// Status: `interessiert`, `teilnehmend` oder `abbrecher`.
        status: Query<Option<String>>,
        /// Branche (Code der Auswahlliste `industry`).
        industry: Query<Option<String>>,
        /// Größe: `kmu` (unter 250 Beschäftigte) oder `gross`.
        size: Query<Option<String>>,
        /// IHK-Bezirk (Kennung; nur für Rollen, die alle Bezirke sehen).
        district: Query<Option<i64>>,
        /// Auch deaktivierte Unternehmen (nur Administratoren).
        inactive: Query<Option<bool>>,
        /// Sortierung: `name`, `plz`, `ort`, `kreis`, `status`, `employees`, `updated`, `district`.
        sort: Query<Option<String>>,
        /// Richtung: `asc` oder `desc`.
        dir: Query<Option<String>>,
        /// Seite (ab 1).
        page: Query<Option<u64>>,
        /// Einträge je Seite (Standard 20, höchstens die eingestellte Höchstgröße).
        per_page: Query<Option<u64>>,
    ) -> ApiResult<Json<CompanyPage>> {
        let query = ListQuery::new(sort.0, dir.0, page.0, per_page.0)
            .filter("q", q.0)
            .filter("status", status.0)
            .filter("industry", industry.0)
            .filter("size", size.0)
            .filter("district", district.0)
            .flag("inactive", inactive.0);
        let (paging, rows) = list(&CompanyList, &ctx, query).await?;
        let items = rows.into_iter().map(|c| summary(&ctx.actor, c)).collect();
        Ok(Json(CompanyPage { paging, items }))
    }

    /// Ein Unternehmen mit allen Angaben der Detailseite. Außerhalb des eigenen
    /// Zuständigkeitsbereichs: 404 (und ein Eintrag im Zugriffsprotokoll).
    #[oai(path = "/companies/:id", method = "get", operation_id = "getCompany")]
    async fn get(
        &self,
        ctx: Ctx,
        /// Kennung des Unternehmens.
        id: Path<i64>,
    ) -> ApiResult<Json<CompanyDetail>> {
        require(&ctx, COMPANIES).await?;
        let c = crate::load_company(&ctx, id.0)
            .await
            .map_err(|e| ctx.problem(&e.0))?;
        ctx.log_view("company", id.0).await;
        Ok(Json(detail(c)))
    }
    /// Ein Unternehmen anlegen: dieselben Prüfungen wie im Formular (IHK-Mitarbeitende nur mit
    /// einer Adresse im eigenen Bezirk); abgelehnte Eingaben: 422 mit den Meldungen je Feld.
    #[oai(path = "/companies", method = "post", operation_id = "createCompany")]
    async fn create(&self, ctx: Ctx, input: Json<CompanyInput>) -> ApiResult<Created> {
        require(&ctx, COMPANIES).await?;
        let c = save(&ctx, input.0, None).await?;
        let location = format!("{}/companies/{}", hih_web::api::PREFIX, c.id);
        Ok(Created::Created(Json(detail(c)), location))
    }

    /// Ein Unternehmen ändern (alle Angaben, wie im Formular). Außerhalb des eigenen
    /// Zuständigkeitsbereichs: 404.
    #[oai(
        path = "/companies/:id",
        method = "put",
        operation_id = "updateCompany"
    )]
    async fn update(
        &self,
        ctx: Ctx,
        /// Kennung des Unternehmens.
        id: Path<i64>,
        input: Json<CompanyInput>,
    ) -> ApiResult<Json<CompanyDetail>> {
        require(&ctx, COMPANIES).await?;
        let before = crate::load_company(&ctx, id.0)
            .await
            .map_err(|e| ctx.problem(&e.0))?;
        let c = save(&ctx, input.0, Some(&before)).await?;
        Ok(Json(detail(c)))
    }

    /// Ein Unternehmen deaktivieren, wie auf der Detailseite: danach sehen es nur noch
    /// Administratoren, bis zur Löschung nach der Aufbewahrungsfrist. Außerhalb des eigenen
    /// Zuständigkeitsbereichs: 404; bereits deaktiviert: 409.
    #[oai(
        path = "/companies/:id/deactivate",
        method = "post",
        operation_id = "deactivateCompany"
    )]
    async fn deactivate(
        &self,
        ctx: Ctx,
        /// Kennung des Unternehmens.
        id: Path<i64>,
    ) -> ApiResult<Json<CompanyDetail>> {
        require(&ctx, COMPANIES).await?;
        let before = crate::load_company(&ctx, id.0)
            .await
            .map_err(|e| ctx.problem(&e.0))?;
        if !before.active {
            return Err(ctx.problem(&AppError::Refused(
                "companies-error-already-inactive".into(),
            )));
        }
        let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor)
            .await
            .or_problem(&ctx)?;
        let c = service::deactivate(&mut uow, &before)
            .await
            .or_problem(&ctx)?;
        uow.commit().await.or_problem(&ctx)?;
        Ok(Json(detail(c)))
    }

    /// Die Unternehmensliste als Datei (CSV oder XLSX), wie der Export der Oberfläche: alle
    /// Treffer des Filters (keine Seiten), die Spalten der Rolle; im Zugriffsprotokoll.
    #[oai(
        path = "/companies/export/:format",
        method = "get",
        operation_id = "exportCompanies"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn export(
        &self,
        ctx: Ctx,
        /// Dateiformat: `csv` oder `xlsx`.
        format: Path<String>,
        /// Freitext: jedes Wort muss vorkommen.
        q: Query<Option<String>>,
        /// Status: `interessiert`, `teilnehmend` oder `abbrecher`.
        status: Query<Option<String>>,
        /// Branche (Code der Auswahlliste `industry`).
        industry: Query<Option<String>>,
        /// Größe: `kmu` (unter 250 Beschäftigte) oder `gross`.
        size: Query<Option<String>>,
        /// IHK-Bezirk (Kennung; nur für Rollen, die alle Bezirke sehen).
        district: Query<Option<i64>>,
        /// Auch deaktivierte Unternehmen (nur Administratoren).
        inactive: Query<Option<bool>>,
        /// Sortierung: `name`, `plz`, `ort`, `kreis`, `status`, `employees`, `updated`, `district`.
        sort: Query<Option<String>>,
        /// Richtung: `asc` oder `desc`.
        dir: Query<Option<String>>,
    ) -> ApiResult<ExportFile> {
        let query = ListQuery::new(sort.0, dir.0, None, None)
            .filter("q", q.0)
            .filter("status", status.0)
            .filter("industry", industry.0)
            .filter("size", size.0)
            .filter("district", district.0)
            .flag("inactive", inactive.0);
        export(CompanyList, &ctx, query, &format.0).await
    }
}
