//! The reference data in the REST API (R-API-1, R-REF-3): the selection lists, read-only, for
//! every logged-in caller (codes and labels only, no personal data). The doc comments are the
//! German descriptions of the OpenAPI document.

use hih_web::Ctx;
use hih_web::api::{ApiResult, OrProblem};
use poem_openapi::param::Path;
use poem_openapi::payload::Json;
use poem_openapi::{Object, OpenApi, Tags};

use crate::lists::{KINDS, all_items};

/// Bereiche der Schnittstelle dieses Moduls.
#[derive(Tags)]
enum Tag {
    /// Auswahllisten (Branchen, Berufe, Länder, Kontaktarten …), nur lesend.
    Referenzdaten,
}

/// Eine Auswahlliste.
#[derive(Debug, Object)]
struct ListKind {
    /// Schlüssel der Liste (`industry`, `occupation`, `outreach`, `partner`, `country`,
    /// `contact_type`, `contact_topic`).
    kind: String,
}

/// Ein Eintrag einer Auswahlliste.
#[derive(Debug, Object)]
struct ListEntry {
    /// Stabiler Code, wie er in den Datensätzen steht.
    code: String,
    /// Bezeichnung (Deutsch).
    label_de: String,
    /// Bezeichnung (Englisch).
    label_en: String,
    /// Aktiv: nur aktive Einträge werden für neue Eingaben angenommen.
    active: bool,
    /// Position in der Anzeige.
    sort: i32,
}

/// Die Auswahllisten in der Schnittstelle.
pub struct ReferenceApi;

#[OpenApi(tag = "Tag::Referenzdaten")]
impl ReferenceApi {
    /// Alle Auswahllisten.
    #[oai(
        path = "/reference-lists",
        method = "get",
        operation_id = "listReferenceLists"
    )]
    async fn kinds(&self) -> ApiResult<Json<Vec<ListKind>>> {
        Ok(Json(
            KINDS
                .iter()
                .map(|k| ListKind {
                    kind: (*k).to_string(),
                })
                .collect(),
        ))
    }

    /// Die Einträge einer Auswahlliste in Anzeigereihenfolge (aktive und deaktivierte).
    #[oai(
        path = "/reference-lists/:kind",
        method = "get",
        operation_id = "getReferenceList"
    )]
    async fn entries(
        &self,
        ctx: Ctx,
        /// Schlüssel der Liste.
        kind: Path<String>,
    ) -> ApiResult<Json<Vec<ListEntry>>> {
        if !KINDS.contains(&kind.0.as_str()) {
            return Err(ctx.problem(&hih_kernel::AppError::NotFound));
        }
        let items = all_items(ctx.services(), &kind.0).await.or_problem(&ctx)?;
        Ok(Json(
            items
                .into_iter()
                .map(|i| ListEntry {
                    code: i.code,
                    label_de: i.label_de,
                    label_en: i.label_en,
                    active: i.active,
                    sort: i.sort,
                })
                .collect(),
        ))
    }
}
