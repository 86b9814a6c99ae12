//! Monthly counts (category 1A, R-COM-4) in the REST API: the list is the `/monatszahlen`
//! list's computed calendar ([`MonthlyList`]: the caller's districts, months nobody entered as
//! `fehlt`, the same filters, order and count), the detail is the month page's scoped load (404
//! for another district, access-logged), and entering a month goes through the entry form's
//! checks ([`monthly::validate`], the same German messages per field) and [`monthly::save`] in
//! one unit of work; a closed month refuses IHK staff (409) as the form does.

use chrono::{DateTime, Utc};
use hih_db::UnitOfWork;
use hih_db::access::AccessAction;
use hih_kernel::{AppError, FieldErrors};
use hih_web::Ctx;
use hih_web::api::{
    ApiResult, ExportFile, ListQuery, OrProblem, Paged, export_computed, list_computed, require,
};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{Object, OpenApi, Tags};

use crate::monthly::overview::{MonthRow, Status};
use crate::monthly::{self, MonthlyForm, Period};
use crate::permissions::MONTHLY_COUNTS;
use crate::routes::monthly::{Month, load, month_formats};
use crate::routes::monthly_list::MonthlyList;
use crate::scope::may_change_month;

/// Bereiche der Schnittstelle dieses Moduls.
#[derive(Tags)]
enum Tag {
    /// Monatszahlen (Kategorie 1A) je IHK-Bezirk und Monat.
    Monatszahlen,
}

/// Ein Monat eines IHK-Bezirks in der Liste (die Spalten der Monatszahlen-Liste).
#[derive(Debug, Object)]
#[oai(skip_serializing_if_is_none)]
struct MonthlyCountSummary {
    /// IHK-Bezirk (Kennung der IHK).
    district_id: i64,
    /// Name der IHK.
    district: String,
    /// Jahr.
    year: i32,
    /// Monat (1–12).
    month: u32,
    /// Monat als `JJJJ-MM` (Pfad der Einzelansicht).
    period: String,
    /// Stand: `fehlt` (fällig, nicht erfasst), `offen` (erfasst) oder `abgeschlossen`.
    status: String,
    /// Angesprochene Unternehmen insgesamt (nur erfasste Monate).
    addressed: Option<i64>,
    /// Davon KMU (nur erfasste Monate).
    kmu: Option<i64>,
}

/// Eine Seite der Monatszahlen-Liste.
#[derive(Debug, Object)]
struct MonthlyCountPage {
    /// Seitenangaben.
    #[oai(flatten)]
    paging: Paged,
    /// Die Monate dieser Seite in der Sortierung der Liste.
    items: Vec<MonthlyCountSummary>,
}

/// Die Zahlen eines Ansprache-Formats in einem Monat.
#[derive(Debug, Object)]
#[oai(deny_unknown_fields)]
struct MonthlyLine {
    /// Ansprache-Format (Code der Auswahlliste `outreach`).
    outreach: String,
    /// Angesprochene Unternehmen (ganze Zahl ab 0).
    addressed: i64,
    /// Davon KMU (höchstens so viele wie angesprochen).
    kmu: i64,
}

/// Ein Monat eines IHK-Bezirks mit den Zahlen je Ansprache-Format.
#[derive(Debug, Object)]
#[oai(skip_serializing_if_is_none)]
struct MonthlyCountDetail {
    /// IHK-Bezirk (Kennung der IHK).
    district_id: i64,
    /// Name der IHK.
    district: String,
    /// Monat als `JJJJ-MM`.
    period: String,
    /// Stand: `fehlt`, `offen` oder `abgeschlossen`.
    status: String,
    /// Die Zahlen je Ansprache-Format (leer, solange der Monat nicht erfasst ist).
    lines: Vec<MonthlyLine>,
    /// Angesprochene Unternehmen insgesamt.
    addressed: i64,
    /// Davon KMU insgesamt.
    kmu: i64,
    /// Abgeschlossen am.
    closed_at: Option<DateTime<Utc>>,
    /// Zuletzt geändert.
    updated_at: Option<DateTime<Utc>>,
}

/// Die Zahlen eines Monats zum Erfassen oder Ändern: wie im Formular ersetzen sie alle Zahlen
/// des Monats (nicht genannte Ansprache-Formate gelten als 0).
#[derive(Debug, Object)]
#[oai(deny_unknown_fields)]
struct MonthlyInput {
    /// Die Zahlen je Ansprache-Format.
    #[oai(default)]
    lines: Vec<MonthlyLine>,
}

fn summary(r: MonthRow) -> MonthlyCountSummary {
    let entered = r.status != Status::Missing;
    MonthlyCountSummary {
        addressed: entered.then(|| r.addressed()),
        kmu: entered.then(|| r.kmu()),
        district_id: r.district_id,
        district: r.district,
        year: r.period.year,
        month: r.period.month,
        period: r.period.key(),
        status: r.status.code().to_string(),
    }
}

fn detail(m: &Month) -> MonthlyCountDetail {
    let status = match &m.stored {
        None => Status::Missing,
        Some(_) if m.closed() => Status::Closed,
        Some(_) => Status::Open,
    };
    let lines: Vec<MonthlyLine> = m
        .stored
        .iter()
        .flat_map(|s| s.lines.iter())
        .map(|l| MonthlyLine {
            outreach: l.outreach.clone(),
            addressed: i64::from(l.addressed),
            kmu: i64::from(l.addressed_kmu),
        })
        .collect();
    MonthlyCountDetail {
        district_id: m.district.id,
        district: m.district.name.clone(),
        period: m.period.key(),
        status: status.code().to_string(),
        addressed: lines.iter().map(|l| l.addressed).sum(),
        kmu: lines.iter().map(|l| l.kmu).sum(),
        lines,
        closed_at: m.stored.as_ref().and_then(|s| s.count.closed_at),
        updated_at: m.stored.as_ref().map(|s| s.count.updated_at),
    }
}

/// The form the entry page would submit for `input`: the figures of the month's outreach
/// formats (missing ones empty, i.e. 0), codes the form does not offer refused per line.
fn form_of(formats: &[monthly::Format], input: &MonthlyInput) -> Result<MonthlyForm, FieldErrors> {
    let mut e = FieldErrors::new();
    let mut pairs = Vec::new();
    for line in &input.lines {
        if !formats.iter().any(|f| f.code == line.outreach) {
            e.add(
                &monthly::addressed_field(&line.outreach),
                "companies-monthly-error-outreach",
            );
        }
        pairs.push((
            monthly::addressed_field(&line.outreach),
            line.addressed.to_string(),
        ));
        pairs.push((monthly::kmu_field(&line.outreach), line.kmu.to_string()));
    }
    if e.is_empty() {
        Ok(MonthlyForm::from_pairs(formats, &pairs))
    } else {
        Err(e)
    }
}

/// Die Monatszahlen in der Schnittstelle.
pub struct MonthlyCountsApi;

#[OpenApi(tag = "Tag::Monatszahlen")]
impl MonthlyCountsApi {
    /// Monatszahlen auflisten: derselbe Kalender wie die Liste der Oberfläche (die eigenen
    /// Bezirke, fällige, nicht erfasste Monate als `fehlt`), dieselben Filter und dieselbe
    /// Trefferzahl.
    #[oai(
        path = "/monthly-counts",
        method = "get",
        operation_id = "listMonthlyCounts"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn list(
        &self,
        ctx: Ctx,
        /// IHK-Bezirk (Kennung der IHK).
        district: Query<Option<i64>>,
        /// Jahr.
        year: Query<Option<i32>>,
        /// Stand: `fehlt`, `offen` oder `abgeschlossen`.
        status: Query<Option<String>>,
        /// Sortierung: `period`, `district`, `status`, `addressed`, `kmu`.
        sort: Query<Option<String>>,
        /// Richtung: `asc` oder `desc` (Standard: neueste zuerst).
        dir: Query<Option<String>>,
        /// Seite (ab 1).
        page: Query<Option<u64>>,
        /// Einträge je Seite (Standard 20, höchstens die eingestellte Höchstgröße).
        per_page: Query<Option<u64>>,
    ) -> ApiResult<Json<MonthlyCountPage>> {
        let query = ListQuery::new(sort.0, dir.0, page.0, per_page.0)
            .filter("district", district.0)
            .filter("year", year.0)
            .filter("status", status.0);
        let (paging, rows) = list_computed(&MonthlyList, &ctx, query).await?;
        let items = rows.into_iter().map(summary).collect();
        Ok(Json(MonthlyCountPage { paging, items }))
    }

    /// Ein Monat eines IHK-Bezirks mit den Zahlen je Ansprache-Format. Ein anderer Bezirk
    /// als der eigene: 404 (und ein Eintrag im Zugriffsprotokoll); künftige Monate: 404.
    #[oai(
        path = "/monthly-counts/:district/:period",
        method = "get",
        operation_id = "getMonthlyCount"
    )]
    async fn get(
        &self,
        ctx: Ctx,
        /// IHK-Bezirk (Kennung der IHK).
        district: Path<i64>,
        /// Monat als `JJJJ-MM`.
        period: Path<String>,
    ) -> ApiResult<Json<MonthlyCountDetail>> {
        require(&ctx, MONTHLY_COUNTS).await?;
        let m = load(&ctx, district.0, &period.0).await.or_problem(&ctx)?;
        ctx.log_access(
            AccessAction::View,
            "monthly_count",
            Some(format!("{}/{}", m.district.id, m.period.key())),
            serde_json::Value::Null,
            None,
        )
        .await;
        Ok(Json(detail(&m)))
    }

    /// Die Zahlen eines Monats erfassen oder ändern: dieselben Prüfungen wie im Formular
    /// (ganze Zahlen ab 0, davon KMU höchstens so viele wie angesprochen, kein künftiger
    /// Monat); abgelehnte Eingaben: 422 mit den Meldungen je Feld. Ein abgeschlossener Monat
    /// kann nur von Administratoren geändert werden (sonst 409).
    #[oai(
        path = "/monthly-counts/:district/:period",
        method = "put",
        operation_id = "putMonthlyCount"
    )]
    async fn put(
        &self,
        ctx: Ctx,
        /// IHK-Bezirk (Kennung der IHK).
        district: Path<i64>,
        /// Monat als `JJJJ-MM`.
        period: Path<String>,
        input: Json<MonthlyInput>,
    ) -> ApiResult<Json<MonthlyCountDetail>> {
        require(&ctx, MONTHLY_COUNTS).await?;
        let m = load(&ctx, district.0, &period.0).await.or_problem(&ctx)?;
        if !may_change_month(&ctx.actor, m.closed()) {
            return Err(ctx.problem(&AppError::Refused("companies-monthly-error-closed".into())));
        }
        let formats = month_formats(&ctx, &m).await.or_problem(&ctx)?;
        let valid = form_of(&formats, &input.0)
            .and_then(|form| monthly::validate(&form, m.period, Period::current(ctx.services())))
            .map_err(|e| ctx.problem(&AppError::Validation(e)))?;
        let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor)
            .await
            .or_problem(&ctx)?;
        monthly::save(&mut uow, m.district.id, m.period, &valid)
            .await
            .or_problem(&ctx)?;
        uow.commit().await.or_problem(&ctx)?;
        let saved = load(&ctx, district.0, &period.0).await.or_problem(&ctx)?;
        Ok(Json(detail(&saved)))
    }

    /// Die Monatszahlen als Datei (CSV oder XLSX), wie der Export der Oberfläche: alle Monate
    /// des Filters mit den Zahlen je Ansprache-Format; im Zugriffsprotokoll.
    #[oai(
        path = "/monthly-counts/export/:format",
        method = "get",
        operation_id = "exportMonthlyCounts"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn export(
        &self,
        ctx: Ctx,
        /// Dateiformat: `csv` oder `xlsx`.
        format: Path<String>,
        /// IHK-Bezirk (Kennung der IHK).
        district: Query<Option<i64>>,
        /// Jahr.
        year: Query<Option<i32>>,
        /// Stand: `fehlt`, `offen` oder `abgeschlossen`.
        status: Query<Option<String>>,
        /// Sortierung: `period`, `district`, `status`, `addressed`, `kmu`.
        sort: Query<Option<String>>,
        /// Richtung: `asc` oder `desc`.
        dir: Query<Option<String>>,
    ) -> ApiResult<ExportFile> {
        let query = ListQuery::new(sort.0, dir.0, None, None)
            .filter("district", district.0)
            .filter("year", year.0)
            .filter("status", status.0);
        export_computed(MonthlyList, &ctx, query, &format.0).await
    }
}
