//! The contact history in the REST API (R-API-1, R-CH): the list is the `/kontakte` list's
//! query ([`ContactList`]: every entry about a company or an applicant the caller may see;
//! free text, type, topic, author, date range, company or applicant filter, sort, paging,
//! access log), the detail is the entry page's scoped load (404 outside the scope, logged, a
//! view logged), and a new entry is written on a company or an applicant in the caller's scope
//! through the entry form's checks ([`service::validate`]) and [`service::create`] in one
//! unit of work. The doc comments are the German descriptions of the OpenAPI document.

use chrono::{DateTime, NaiveDate, Utc};
use hih_applicants::entities::applicant;
use hih_applicants::scope::visible_applicants;
use hih_companies::entities::company;
use hih_companies::scope::visible_companies;
use hih_db::UnitOfWork;
use hih_kernel::{AppError, FieldErrors};
use hih_web::Ctx;
use hih_web::api::{ApiResult, ExportFile, ListQuery, OrProblem, Paged, export, list, require};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object, OpenApi, Tags};
use sea_orm::{EntityTrait, QueryFilter};

use crate::entities::contact_entry;
use crate::permissions::CONTACTS;
use crate::routes::entry::load;
use crate::routes::list::ContactList;
use crate::routes::{applicant_record, company_record};
use crate::service::{self, EntryForm};

/// Bereiche der Schnittstelle dieses Moduls.
#[derive(Tags)]
enum Tag {
    /// Kontakthistorie zu Unternehmen und Personen im eigenen Zuständigkeitsbereich.
    Kontakthistorie,
}

/// Ein Eintrag der Kontakthistorie.
#[derive(Debug, Object)]
#[oai(skip_serializing_if_is_none)]
struct ContactEntry {
    /// Kennung.
    id: i64,
    /// Das Unternehmen, um das es geht (nur wenn es im eigenen Zuständigkeitsbereich liegt).
    company_id: Option<i64>,
    /// Die Person, um die es geht (nur wenn sie im eigenen Zuständigkeitsbereich liegt).
    applicant_id: Option<i64>,
    /// Verfasst von.
    author_name: String,
    /// Datum des Kontakts.
    contact_date: NaiveDate,
    /// Kontaktart (Code der Auswahlliste `contact_type`).
    contact_type: String,
    /// Thema (Code der Auswahlliste `contact_topic`).
    topic: String,
    /// Der Eintrag.
    remarks: String,
    /// Angelegt.
    created_at: DateTime<Utc>,
    /// Zuletzt geändert.
    updated_at: DateTime<Utc>,
}

/// Eine Seite der Kontakthistorie.
#[derive(Debug, Object)]
struct ContactPage {
    /// Seitenangaben.
    #[oai(flatten)]
    paging: Paged,
    /// Die Einträge dieser Seite in der Sortierung der Liste.
    items: Vec<ContactEntry>,
}

/// Ein neuer Eintrag: zu genau einem Unternehmen oder genau einer Person im eigenen
/// Zuständigkeitsbereich; dieselben Prüfungen wie im Formular. Unbekannte Felder werden
/// abgelehnt.
#[derive(Debug, Object)]
#[oai(deny_unknown_fields)]
struct ContactInput {
    /// Das Unternehmen, zu dem der Eintrag geschrieben wird.
    #[oai(default)]
    company_id: Option<i64>,
    /// Die Person, zu der der Eintrag geschrieben wird.
    #[oai(default)]
    applicant_id: Option<i64>,
    /// Datum des Kontakts (`JJJJ-MM-TT`, nicht in der Zukunft).
    #[oai(default)]
    contact_date: String,
    /// Kontaktart (Code der Auswahlliste `contact_type`).
    #[oai(default)]
    contact_type: String,
    /// Thema (Code der Auswahlliste `contact_topic`).
    #[oai(default)]
    topic: String,
    /// Der Eintrag (Pflicht).
    #[oai(default)]
    remarks: String,
    /// Nur bei Einträgen zu einem Unternehmen: die Bewerberkennung einer Person, um die es
    /// auch geht (z. B. ein Vorstellungsgespräch).
    #[oai(default)]
    applicant_code: String,
}

/// Antwort auf das Anlegen.
#[derive(ApiResponse)]
enum Created {
    /// Der Eintrag wurde angelegt.
    #[oai(status = 201)]
    Created(
        Json<ContactEntry>,
        /// Pfad des neuen Eintrags.
        #[oai(header = "Location")]
        String,
    ),
}

/// The entry as the caller may see it: the records it concerns only where they are in scope
/// (as the entry page links them).
async fn entry(ctx: &Ctx, e: contact_entry::Model) -> ApiResult<ContactEntry> {
    let db = &ctx.services().db;
    let company_id = match e.company_id {
        Some(id) => company::Entity::find_by_id(id)
            .filter(visible_companies(&ctx.actor))
            .one(db)
            .await
            .or_problem(ctx)?
            .map(|c| c.id),
        None => None,
    };
    let applicant_id = match e.applicant_id {
        Some(id) => applicant::Entity::find_by_id(id)
            .filter(visible_applicants(&ctx.actor))
            .one(db)
            .await
            .or_problem(ctx)?
            .map(|a| a.id),
        None => None,
    };
    Ok(ContactEntry {
        id: e.id,
        company_id,
        applicant_id,
        author_name: e.author_name,
        contact_date: e.contact_date,
        contact_type: e.contact_type,
        topic: e.topic,
        remarks: e.remarks,
        created_at: e.created_at,
        updated_at: e.updated_at,
    })
}

/// Die Kontakthistorie in der Schnittstelle.
pub struct ContactsApi;

#[OpenApi(tag = "Tag::Kontakthistorie")]
impl ContactsApi {
    /// Einträge suchen: dieselbe Abfrage wie die Liste „Kontakthistorie“ der Oberfläche
    /// (Einträge zu allen Unternehmen und Personen, die man sehen darf), daher dieselbe
    /// Trefferzahl.
    #[oai(path = "/contacts", method = "get", operation_id = "listContacts")]
    #[allow(clippy::too_many_arguments)]
    async fn list(
        &self,
        ctx: Ctx,
        /// Freitext (Eintrag, Verfasser, Kontaktart, Thema; Umlaute gleichwertig).
        q: Query<Option<String>>,
        /// Kontaktart (Code der Auswahlliste `contact_type`).
        #[oai(name = "type")]
        contact_type: Query<Option<String>>,
        /// Thema (Code der Auswahlliste `contact_topic`).
        topic: Query<Option<String>>,
        /// Verfasst von (Name wie in der Liste).
        author: Query<Option<String>>,
        /// Kontakte ab diesem Tag (`JJJJ-MM-TT`).
        from: Query<Option<String>>,
        /// Kontakte bis zu diesem Tag (`JJJJ-MM-TT`).
        to: Query<Option<String>>,
        /// Unternehmen: Kennung oder Name.
        company: Query<Option<String>>,
        /// Person: Kennung, Bewerberkennung oder Name.
        applicant: Query<Option<String>>,
        /// Sortierung: `date`, `staff`, `entry`, `type`, `topic`.
        sort: Query<Option<String>>,
        /// Richtung: `asc` oder `desc` (Standard: neueste zuerst).
        dir: Query<Option<String>>,
        /// Seite (ab 1).
        page: Query<Option<u64>>,
        /// Einträge je Seite (Standard 20, höchstens die eingestellte Höchstgröße).
        per_page: Query<Option<u64>>,
    ) -> ApiResult<Json<ContactPage>> {
        let query = ListQuery::new(sort.0, dir.0, page.0, per_page.0)
            .filter("q", q.0)
            .filter("type", contact_type.0)
            .filter("topic", topic.0)
            .filter("author", author.0)
            .filter("from", from.0)
            .filter("to", to.0)
            .filter("company", company.0)
            .filter("applicant", applicant.0);
        let (paging, rows) = list(&ContactList, &ctx, query).await?;
        let mut items = Vec::with_capacity(rows.len());
        for e in rows {
            items.push(entry(&ctx, e).await?);
        }
        Ok(Json(ContactPage { paging, items }))
    }

    /// Ein Eintrag. Außerhalb des eigenen Zuständigkeitsbereichs: 404 (und ein Eintrag im
    /// Zugriffsprotokoll).
    #[oai(path = "/contacts/:id", method = "get", operation_id = "getContact")]
    async fn get(
        &self,
        ctx: Ctx,
        /// Kennung des Eintrags.
        id: Path<i64>,
    ) -> ApiResult<Json<ContactEntry>> {
        require(&ctx, CONTACTS).await?;
        let e = load(&ctx, id.0).await.or_problem(&ctx)?;
        ctx.log_view("contact_entry", id.0).await;
        Ok(Json(entry(&ctx, e).await?))
    }

    /// Einen Eintrag anlegen, zu einem Unternehmen oder einer Person im eigenen
    /// Zuständigkeitsbereich (sonst 404): dieselben Prüfungen wie im Formular; abgelehnte
    /// Eingaben: 422 mit den Meldungen je Feld.
    #[oai(path = "/contacts", method = "post", operation_id = "createContact")]
    async fn create(&self, ctx: Ctx, input: Json<ContactInput>) -> ApiResult<Created> {
        require(&ctx, CONTACTS).await?;
        let input = input.0;
        let (company, applicant) = match (input.company_id, input.applicant_id) {
            (Some(c), None) => (
                Some(company_record(&ctx, c).await.or_problem(&ctx)?.id),
                None,
            ),
            (None, Some(a)) => (
                None,
                Some(applicant_record(&ctx, a).await.or_problem(&ctx)?.id),
            ),
            _ => {
                let mut e = FieldErrors::new();
                e.add("company_id", "contacts-error-record");
                return Err(ctx.problem(&AppError::Validation(e)));
            }
        };
        let form = EntryForm {
            contact_date: input.contact_date,
            contact_type: input.contact_type,
            topic: input.topic,
            remarks: input.remarks,
            // As in the form: only entries on a company name a further applicant.
            applicant_code: if company.is_some() {
                input.applicant_code
            } else {
                String::new()
            },
        };
        let valid = service::validate(ctx.services(), &ctx.actor, &form)
            .await
            .map_err(|e| ctx.problem(&AppError::Validation(e)))?;
        let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor)
            .await
            .or_problem(&ctx)?;
        let saved = service::create(&mut uow, company, applicant, valid)
            .await
            .or_problem(&ctx)?;
        uow.commit().await.or_problem(&ctx)?;
        let location = format!("{}/contacts/{}", hih_web::api::PREFIX, saved.id);
        Ok(Created::Created(Json(entry(&ctx, saved).await?), location))
    }

    /// Die Kontakthistorie als Datei (CSV oder XLSX), wie der Export der Oberfläche: alle
    /// Treffer des Filters (keine Seiten); im Zugriffsprotokoll.
    #[oai(
        path = "/contacts/export/:format",
        method = "get",
        operation_id = "exportContacts"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn export(
        &self,
        ctx: Ctx,
        /// Dateiformat: `csv` oder `xlsx`.
        format: Path<String>,
        /// Freitext (Eintrag, Verfasser, Kontaktart, Thema).
        q: Query<Option<String>>,
        /// Kontaktart (Code der Auswahlliste `contact_type`).
        #[oai(name = "type")]
        contact_type: Query<Option<String>>,
        /// Thema (Code der Auswahlliste `contact_topic`).
        topic: Query<Option<String>>,
        /// Verfasst von.
        author: Query<Option<String>>,
        /// Kontakte ab diesem Tag (`JJJJ-MM-TT`).
        from: Query<Option<String>>,
        /// Kontakte bis zu diesem Tag (`JJJJ-MM-TT`).
        to: Query<Option<String>>,
        /// Unternehmen: Kennung oder Name.
        company: Query<Option<String>>,
        /// Person: Kennung, Bewerberkennung oder Name.
        applicant: Query<Option<String>>,
        /// Sortierung: `date`, `staff`, `entry`, `type`, `topic`.
        sort: Query<Option<String>>,
        /// Richtung: `asc` oder `desc`.
        dir: Query<Option<String>>,
    ) -> ApiResult<ExportFile> {
        let query = ListQuery::new(sort.0, dir.0, None, None)
            .filter("q", q.0)
            .filter("type", contact_type.0)
            .filter("topic", topic.0)
            .filter("author", author.0)
            .filter("from", from.0)
            .filter("to", to.0)
            .filter("company", company.0)
            .filter("applicant", applicant.0);
        export(ContactList, &ctx, query, &format.0).await
    }
}
