//! Matches in the REST API (R-API-1, R-MAT): the list is the `/vermittlungen` list's query
//! ([`MatchList`]: the caller's matches by [`visible_placements`], free text, status, sort,
//! paging, access log), the detail the same scoped load as the pages (404 outside, logged;
//! AHK staff get the company's name only, R-MAT-2), and entering or changing a match goes
//! through the match form's checks ([`service::validate`]) and [`service::create`] /
//! [`service::update`] in one unit of work — so a new match opens the applicant to the
//! company's district and notifies the AHK staff exactly as the form does.

use chrono::{DateTime, NaiveDate, Utc};
use hih_applicants::entities::applicant;
use hih_companies::entities::company;
use hih_db::UnitOfWork;
use hih_kernel::{AppError, FieldErrors};
use hih_web::Ctx;
use hih_web::api::{ApiResult, ExportFile, ListQuery, OrProblem, Paged, export, list, require};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object, OpenApi, Tags};
use sea_orm::{EntityTrait, QueryFilter};

use crate::entities::placement;
use crate::permissions::{MATCH, SEE_MATCHES};
use crate::routes::company_in_scope;
use crate::routes::list::MatchList;
use crate::scope::{company_fields_visible, visible_placements};
use crate::service::{self, MatchForm};

/// Bereiche der Schnittstelle dieses Moduls.
#[derive(Tags)]
enum Tag {
    /// Vermittlungen von Bewerberinnen und Bewerbern an Unternehmen.
    Vermittlungen,
}

/// Eine Vermittlung.
#[derive(Debug, Object)]
#[oai(skip_serializing_if_is_none)]
struct Match {
    /// Kennung.
    id: i64,
    /// Das Unternehmen (Kennung; nur für Rollen, die Unternehmen sehen).
    #[oai(skip_serializing_if_is_none)]
    company_id: Option<i64>,
    /// Name des Unternehmens.
    company_name: String,
    /// Die Person (Kennung des Datensatzes).
    applicant_id: i64,
    /// Bewerber-ID (`HIH-XX-NNNN`).
    applicant_code: String,
    /// Name der Person.
    applicant_name: String,
    /// Datum der Vermittlung.
    placed_on: NaiveDate,
    /// Position (Code der Auswahlliste `occupation`).
    position: String,
    /// Status: `vermittelt`, `vertrag`, `arbeitsaufnahme` oder `beendet`.
    status: String,
    /// Bemerkungen.
    remarks: String,
    /// Angelegt.
    created_at: DateTime<Utc>,
    /// Zuletzt geändert.
    updated_at: DateTime<Utc>,
}

/// Eine Seite der Vermittlungen.
#[derive(Debug, Object)]
struct MatchPage {
    /// Seitenangaben.
    #[oai(flatten)]
    paging: Paged,
    /// Die Vermittlungen dieser Seite in der Sortierung der Liste.
    items: Vec<Match>,
}

/// Eine neue Vermittlung: dieselben Felder und Prüfungen wie im Formular des Unternehmens.
/// Unbekannte Felder werden abgelehnt.
#[derive(Debug, Object)]
#[oai(deny_unknown_fields)]
struct MatchInput {
    /// Das Unternehmen (Pflicht; im eigenen Zuständigkeitsbereich, sonst 404).
    #[oai(default)]
    company_id: Option<i64>,
    /// Bewerber-ID der Person (`HIH-XX-NNNN`).
    #[oai(default)]
    applicant_code: String,
    /// Datum der Vermittlung (`JJJJ-MM-TT`).
    #[oai(default)]
    placed_on: String,
    /// Position (Code der Auswahlliste `occupation`; leer: der Zielberuf der Person).
    #[oai(default)]
    position: String,
    /// Status: `vermittelt`, `vertrag`, `arbeitsaufnahme` oder `beendet`.
    #[oai(default)]
    status: String,
    /// Bemerkungen.
    #[oai(default)]
    remarks: String,
}

/// Änderungen einer Vermittlung (Unternehmen und Person bleiben), wie im Formular.
#[derive(Debug, Object)]
#[oai(deny_unknown_fields)]
struct MatchChange {
    /// Datum der Vermittlung (`JJJJ-MM-TT`).
    #[oai(default)]
    placed_on: String,
    /// Position (Code der Auswahlliste `occupation`; leer: der Zielberuf der Person).
    #[oai(default)]
    position: String,
    /// Status: `vermittelt`, `vertrag`, `arbeitsaufnahme` oder `beendet`.
    #[oai(default)]
    status: String,
    /// Bemerkungen.
    #[oai(default)]
    remarks: String,
}

/// Antwort auf das Anlegen.
#[derive(ApiResponse)]
enum Created {
    /// Die Vermittlung wurde angelegt.
    #[oai(status = 201)]
    Created(
        Json<Match>,
        /// Pfad der neuen Vermittlung.
        #[oai(header = "Location")]
        String,
    ),
}

/// The match as the caller may see it: the company's id only for roles that see companies.
async fn view(ctx: &Ctx, p: placement::Model) -> ApiResult<Match> {
    let db = &ctx.services().db;
    let company_name = company::Entity::find_by_id(p.company_id)
        .one(db)
        .await
        .or_problem(ctx)?
        .map(|c| c.name)
        .unwrap_or_default();
    let (code, name) = applicant::Entity::find_by_id(p.applicant_id)
        .one(db)
        .await
        .or_problem(ctx)?
        .map(|a| {
            (
                a.applicant_id.unwrap_or_default(),
                format!("{} {}", a.first_names, a.last_name),
            )
        })
        .unwrap_or_default();
    Ok(Match {
        company_id: company_fields_visible(&ctx.actor).then_some(p.company_id),
        company_name,
        applicant_id: p.applicant_id,
        applicant_code: code,
        applicant_name: name,
        id: p.id,
        placed_on: p.placed_on,
        position: p.position,
        status: p.status,
        remarks: p.remarks,
        created_at: p.created_at,
        updated_at: p.updated_at,
    })
}

/// A match in the caller's scope, else 404 (logged).
async fn load(ctx: &Ctx, id: i64) -> ApiResult<placement::Model> {
    match placement::Entity::find_by_id(id)
        .filter(visible_placements(&ctx.actor))
        .one(&ctx.services().db)
        .await
        .or_problem(ctx)?
    {
        Some(p) => Ok(p),
        None => Err(ctx.problem(&ctx.not_found_in_scope("placement", &id.to_string()).await.0)),
    }
}

/// Checks `form` as the match form does and saves it in one unit of work (audited).
async fn save(
    ctx: &Ctx,
    company: &company::Model,
    form: &MatchForm,
    before: Option<&placement::Model>,
) -> ApiResult<placement::Model> {
    let valid = service::validate(ctx.services(), &ctx.actor, company.id, form, before)
        .await
        .map_err(|e| ctx.problem(&AppError::Validation(e)))?;
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor)
        .await
        .or_problem(ctx)?;
    let saved = match before {
        None => service::create(&mut uow, company, valid).await,
        Some(p) => service::update(&mut uow, company, p, valid).await,
    }
    .or_problem(ctx)?;
    uow.commit().await.or_problem(ctx)?;
    Ok(saved)
}

/// Die Vermittlungen in der Schnittstelle.
pub struct MatchesApi;

#[OpenApi(tag = "Tag::Vermittlungen")]
impl MatchesApi {
    /// Vermittlungen suchen: dieselbe Abfrage wie die Liste „Vermittlungen“ der Oberfläche
    /// (IHK: die Unternehmen des eigenen Bezirks; AHK: die Personen des eigenen Landes),
    /// daher dieselbe Trefferzahl.
    #[oai(path = "/matches", method = "get", operation_id = "listMatches")]
    #[allow(clippy::too_many_arguments)]
    async fn list(
        &self,
        ctx: Ctx,
        /// Freitext (Unternehmen, Bewerber-ID, Name, Bemerkungen; Umlaute gleichwertig).
        q: Query<Option<String>>,
        /// Status: `vermittelt`, `vertrag`, `arbeitsaufnahme` oder `beendet`.
        status: Query<Option<String>>,
        /// Sortierung: `date`, `company`, `applicant`, `name`, `position`, `status`.
        sort: Query<Option<String>>,
        /// Richtung: `asc` oder `desc` (Standard: neueste zuerst).
        dir: Query<Option<String>>,
        /// Seite (ab 1).
        page: Query<Option<u64>>,
        /// Einträge je Seite (Standard 20, höchstens die eingestellte Höchstgröße).
        per_page: Query<Option<u64>>,
    ) -> ApiResult<Json<MatchPage>> {
        let query = ListQuery::new(sort.0, dir.0, page.0, per_page.0)
            .filter("q", q.0)
            .filter("status", status.0);
        let (paging, rows) = list(&MatchList, &ctx, query).await?;
        let mut items = Vec::with_capacity(rows.len());
        for p in rows {
            items.push(view(&ctx, p).await?);
        }
        Ok(Json(MatchPage { paging, items }))
    }

    /// Eine Vermittlung. Außerhalb des eigenen Zuständigkeitsbereichs: 404 (und ein Eintrag
    /// im Zugriffsprotokoll).
    #[oai(path = "/matches/:id", method = "get", operation_id = "getMatch")]
    async fn get(
        &self,
        ctx: Ctx,
        /// Kennung der Vermittlung.
        id: Path<i64>,
    ) -> ApiResult<Json<Match>> {
        require(&ctx, SEE_MATCHES).await?;
        let p = load(&ctx, id.0).await?;
        ctx.log_view("placement", id.0).await;
        Ok(Json(view(&ctx, p).await?))
    }

    /// Eine Vermittlung anlegen (Administratoren; IHK-Mitarbeitende für Unternehmen des
    /// eigenen Bezirks): dieselben Prüfungen wie im Formular; die Person wird damit für den
    /// IHK-Bezirk des Unternehmens sichtbar, die AHK des Landes wird benachrichtigt.
    /// Abgelehnte Eingaben: 422 mit den Meldungen je Feld.
    #[oai(path = "/matches", method = "post", operation_id = "createMatch")]
    async fn create(&self, ctx: Ctx, input: Json<MatchInput>) -> ApiResult<Created> {
        require(&ctx, MATCH).await?;
        let input = input.0;
        let Some(company_id) = input.company_id else {
            let mut e = FieldErrors::new();
            e.add("company_id", "matching-error-company");
            return Err(ctx.problem(&AppError::Validation(e)));
        };
        let company = company_in_scope(&ctx, company_id).await.or_problem(&ctx)?;
        let form = MatchForm {
            applicant_code: input.applicant_code,
            placed_on: input.placed_on,
            position: input.position,
            status: input.status,
            remarks: input.remarks,
        };
        let saved = save(&ctx, &company, &form, None).await?;
        let location = format!("{}/matches/{}", hih_web::api::PREFIX, saved.id);
        Ok(Created::Created(Json(view(&ctx, saved).await?), location))
    }

    /// Eine Vermittlung ändern (Datum, Position, Status, Bemerkungen), z. B. den Status auf
    /// `vertrag` setzen: dieselben Prüfungen wie im Formular. Außerhalb des eigenen
    /// Zuständigkeitsbereichs: 404.
    #[oai(path = "/matches/:id", method = "put", operation_id = "updateMatch")]
    async fn update(
        &self,
        ctx: Ctx,
        /// Kennung der Vermittlung.
        id: Path<i64>,
        input: Json<MatchChange>,
    ) -> ApiResult<Json<Match>> {
        require(&ctx, MATCH).await?;
        let before = load(&ctx, id.0).await?;
        let company = company_in_scope(&ctx, before.company_id)
            .await
            .or_problem(&ctx)?;
        let input = input.0;
        let form = MatchForm {
            applicant_code: String::new(),
            placed_on: input.placed_on,
            position: input.position,
            status: input.status,
            remarks: input.remarks,
        };
        let saved = save(&ctx, &company, &form, Some(&before)).await?;
        Ok(Json(view(&ctx, saved).await?))
    }

    /// Die Vermittlungen als Datei (CSV oder XLSX), wie der Export der Oberfläche: alle
    /// Treffer des Filters (keine Seiten), die Spalten der Rolle; im Zugriffsprotokoll.
    #[oai(
        path = "/matches/export/:format",
        method = "get",
        operation_id = "exportMatches"
    )]
    async fn export(
        &self,
        ctx: Ctx,
        /// Dateiformat: `csv` oder `xlsx`.
        format: Path<String>,
        /// Freitext (Unternehmen, Bewerber-ID, Name, Bemerkungen).
        q: Query<Option<String>>,
        /// Status: `vermittelt`, `vertrag`, `arbeitsaufnahme` oder `beendet`.
        status: Query<Option<String>>,
        /// Sortierung: `date`, `company`, `applicant`, `name`, `position`, `status`.
        sort: Query<Option<String>>,
        /// Richtung: `asc` oder `desc`.
        dir: Query<Option<String>>,
    ) -> ApiResult<ExportFile> {
        let query = ListQuery::new(sort.0, dir.0, None, None)
            .filter("q", q.0)
            .filter("status", status.0);
        export(MatchList, &ctx, query, &format.0).await
    }
}
