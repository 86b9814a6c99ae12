//! Statistics and cross-tabs in the REST API (R-API-1, R-STA-1..3, R-STA-5): the figures of the
//! statistics page and the cross-tab of its form, computed by the same engine in the caller's
//! statistics scope ([`stat_scope`]), with the same checks (refused input: 422 with the form's
//! German messages per field), the same long-work slot, and the cross-tab's export as CSV/XLSX
//! through the page's own export path (access-logged like the page's download).

mod model;

use hih_kernel::{AppError, FigureProvider};
use hih_web::Ctx;
use hih_web::api::{ApiResult, ExportFile, OrProblem, require};
use hih_web::export::ExportFormat;
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{OpenApi, Tags};

use self::model::{CrossTabOut, StatisticsOut, TargetOut, TopicOut};
use crate::figures::TargetFigures;
use crate::periodic::period::PeriodForm;
use crate::permissions::STATISTICS;
use crate::routes::crosstab::{export_file, param_label};
use crate::routes::scope_text;
use crate::routes::statistics::period_of;
use crate::scope::stat_scope;
use crate::statistics::crosstab::{self, CrossQuery, validate};
use crate::statistics::labels::Labels;

/// Bereiche der Schnittstelle dieses Moduls.
#[derive(Tags)]
enum Tag {
    /// Statistik und Kreuztabellen im eigenen Zuständigkeitsbereich (anonyme Zahlen).
    Statistik,
}

/// The cross-tab form as its query string gives it (missing parameters are empty).
#[allow(clippy::too_many_arguments)]
fn cross_query(
    subject: Option<String>,
    row: Option<String>,
    col: Option<String>,
    from: Option<String>,
    to: Option<String>,
    district: Option<String>,
    country: Option<String>,
    status: Option<String>,
) -> CrossQuery {
    CrossQuery {
        subject: subject.unwrap_or_default(),
        row: row.unwrap_or_default(),
        col: col.unwrap_or_default(),
        from: from.unwrap_or_default(),
        to: to.unwrap_or_default(),
        district: district.unwrap_or_default(),
        country: country.unwrap_or_default(),
        status: status.unwrap_or_default(),
    }
}

/// Die Statistik in der Schnittstelle.
pub struct StatisticsApi;

#[OpenApi(tag = "Tag::Statistik")]
impl StatisticsApi {
    /// Die Zahlen der Seite „Statistik“: die Projektziele und alle Themen mit ihren Tabellen,
    /// im eigenen Zuständigkeitsbereich (Administration: das ganze Programm; IHK: der eigene
    /// Bezirk; AHK: das eigene Land), auf Wunsch für einen Zeitraum nach Eingangsmonat.
    /// Ungültige Monate: 422 mit den Meldungen der Seite.
    #[oai(path = "/statistics", method = "get", operation_id = "getStatistics")]
    async fn statistics(
        &self,
        ctx: Ctx,
        /// Erster Monat des Zeitraums (`JJJJ-MM` oder `MM.JJJJ`; nur zusammen mit `to`).
        from: Query<Option<String>>,
        /// Letzter Monat des Zeitraums (`JJJJ-MM` oder `MM.JJJJ`; höchstens der laufende Monat).
        to: Query<Option<String>>,
    ) -> ApiResult<Json<StatisticsOut>> {
        require(&ctx, STATISTICS).await?;
        let form = PeriodForm {
            from: from.0.unwrap_or_default(),
            to: to.0.unwrap_or_default(),
        };
        let period = period_of(&ctx, &form).map_err(|e| ctx.problem(&AppError::Validation(e)))?;
        let _slot = ctx.state.long_work().await.or_problem(&ctx)?;
        let scope = stat_scope(&ctx.actor);
        let stats = crate::statistics::current(ctx.services(), &scope, period, ctx.locale)
            .await
            .or_problem(&ctx)?;
        let labels = Labels::load(ctx.services(), ctx.locale)
            .await
            .or_problem(&ctx)?;
        let targets = TargetFigures
            .figures(ctx.services(), &ctx.actor)
            .await
            .or_problem(&ctx)?
            .into_iter()
            .map(|f| {
                let label = ctx.t(f.label_key);
                TargetOut::of(f, label)
            })
            .collect();
        Ok(Json(StatisticsOut {
            scope: scope_text(&ctx, &scope, &labels),
            as_of: stats.as_of,
            period: stats.period.map(Into::into),
            targets,
            topics: stats.topics.iter().map(TopicOut::from).collect(),
        }))
    }

    /// Eine Kreuztabelle wie auf der Seite „Kreuztabelle“: zwei verschiedene Merkmale eines
    /// Gegenstands, Anzahlen mit Zeilen- und Spaltensummen, im eigenen Zuständigkeitsbereich.
    /// Dieselben Prüfungen wie das Formular: abgelehnte Angaben ergeben 422 mit den Meldungen
    /// je Feld.
    #[oai(
        path = "/statistics/crosstab",
        method = "get",
        operation_id = "getCrossTab"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn crosstab(
        &self,
        ctx: Ctx,
        /// Gegenstand: `companies`, `applicants` oder `placements`.
        subject: Query<Option<String>>,
        /// Merkmal der Zeilen: `district`, `industry`, `size`, `status`, `outreach`, `country`,
        /// `occupation`, `level`, `month` oder `year` (passend zum Gegenstand).
        row: Query<Option<String>>,
        /// Merkmal der Spalten (wie `row`, aber ein anderes).
        col: Query<Option<String>>,
        /// Erster Eingangsmonat (`JJJJ-MM`, optional).
        from: Query<Option<String>>,
        /// Letzter Eingangsmonat (`JJJJ-MM`, optional).
        to: Query<Option<String>>,
        /// Filter: Kennung eines IHK-Bezirks (Unternehmen, Vermittlungen).
        district: Query<Option<String>>,
        /// Filter: Ländercode (Bewerbende, Vermittlungen).
        country: Query<Option<String>>,
        /// Filter: Status-Code des Gegenstands.
        status: Query<Option<String>>,
    ) -> ApiResult<Json<CrossTabOut>> {
        require(&ctx, STATISTICS).await?;
        let q = cross_query(
            subject.0, row.0, col.0, from.0, to.0, district.0, country.0, status.0,
        );
        let scope = stat_scope(&ctx.actor);
        let spec = validate(&q, &scope).map_err(|e| ctx.problem(&AppError::Validation(e)))?;
        let _slot = ctx.state.long_work().await.or_problem(&ctx)?;
        let labels = Labels::load(ctx.services(), ctx.locale)
            .await
            .or_problem(&ctx)?;
        let table = crosstab::current(ctx.services(), &spec, &labels, ctx.locale)
            .await
            .or_problem(&ctx)?;
        Ok(Json(CrossTabOut::of(
            table,
            scope_text(&ctx, &scope, &labels),
            param_label(&ctx, &q.row),
            param_label(&ctx, &q.col),
        )))
    }

    /// Die Kreuztabelle als Datei (CSV oder XLSX), wie der Export der Seite: Kopfzeile, die
    /// Zeilen, die Summenzeile; im Zugriffsprotokoll.
    #[oai(
        path = "/statistics/crosstab/export/:format",
        method = "get",
        operation_id = "exportCrossTab"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn export(
        &self,
        ctx: Ctx,
        /// Dateiformat: `csv` oder `xlsx`.
        format: Path<String>,
        /// Gegenstand: `companies`, `applicants` oder `placements`.
        subject: Query<Option<String>>,
        /// Merkmal der Zeilen (siehe Kreuztabelle).
        row: Query<Option<String>>,
        /// Merkmal der Spalten (ein anderes als `row`).
        col: Query<Option<String>>,
        /// Erster Eingangsmonat (`JJJJ-MM`, optional).
        from: Query<Option<String>>,
        /// Letzter Eingangsmonat (`JJJJ-MM`, optional).
        to: Query<Option<String>>,
        /// Filter: Kennung eines IHK-Bezirks (Unternehmen, Vermittlungen).
        district: Query<Option<String>>,
        /// Filter: Ländercode (Bewerbende, Vermittlungen).
        country: Query<Option<String>>,
        /// Filter: Status-Code des Gegenstands.
        status: Query<Option<String>>,
    ) -> ApiResult<ExportFile> {
        require(&ctx, STATISTICS).await?;
        let kind = match format.0.as_str() {
            "csv" => ExportFormat::Csv,
            "xlsx" => ExportFormat::Xlsx,
            _ => return Err(ctx.problem(&AppError::NotFound)),
        };
        let file = format!("kreuztabelle.{}", kind.extension());
        let q = cross_query(
            subject.0, row.0, col.0, from.0, to.0, district.0, country.0, status.0,
        );
        let detail = serde_json::json!({ "file": file, "query": q, "api": true });
        let bytes = export_file(&ctx, kind, &q, detail).await.or_problem(&ctx)?;
        let disposition = format!("attachment; filename=\"{file}\"");
        Ok(match kind {
            ExportFormat::Csv => {
                ExportFile::Csv(poem_openapi::payload::Binary(bytes.into()), disposition)
            }
            ExportFormat::Xlsx => {
                ExportFile::Xlsx(poem_openapi::payload::Binary(bytes.into()), disposition)
            }
        })
    }
}
