//! `/protokoll/zugriffe`: the access log (R-AUD-2, R-AUD-3) — who searched, viewed, exported,
//! was denied or hit an error: list with filters, detail, CSV/XLSX export.

use hih_db::access::AccessAction;
use hih_db::entities::access_log;
use hih_kernel::{AppError, FieldErrors};
use hih_web::export::Cell;
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, ListParams, WebError, WebResult, fetch_page};
use poem::handler;
use poem::web::{Path, Query};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, Select};
use serde::Serialize;
use serde_json::Value;

use super::export::LogExport;
use super::filter::{
    LogColumns, Period, code_options, detail_pairs, direction, german_time, list_params, log_search,
};
use super::{ACCESS_LOG, ERROR_ACTION};

/// The filter fields (all AND-combined).
const FILTERS: [&str; 7] = ["actor", "action", "entity", "record", "from", "to", "q"];
/// Sortable columns; `at` is the default.
const COLUMNS: [&str; 4] = ["at", "actor", "action", "entity"];
/// The actions of the access log with their labels.
pub(super) const ACTIONS: [(&str, &str); 5] = [
    ("search", "protocol-viewer-access-search"),
    ("view", "protocol-viewer-access-view"),
    ("export", "protocol-viewer-access-export"),
    ("denied", "protocol-viewer-access-denied"),
    (ERROR_ACTION, "protocol-viewer-access-error"),
];

/// The label of an access action (the stored code if unknown).
pub(super) fn action_label(ctx: &Ctx, action: &str) -> String {
    ACTIONS
        .iter()
        .find(|(code, _)| *code == action)
        .map(|(_, key)| ctx.t(key))
        .unwrap_or_else(|| action.to_string())
}

/// The filtered, sorted query of the access log and the filter's errors (with errors the
/// query finds nothing). List, count and export all come from it.
fn filtered(params: &ListParams) -> (Select<access_log::Entity>, FieldErrors) {
    use access_log::Column;
    const COLUMNS: LogColumns<Column, 3> = LogColumns {
        actor: [Column::Actor, Column::ActorName],
        exact: [
            ("action", Column::Action),
            ("entity", Column::Entity),
            ("record", Column::EntityId),
        ],
        text: &[Column::Detail, Column::Path],
    };
    let mut errors = FieldErrors::new();
    let period = Period::parse(params, &mut errors);
    let mut at = Condition::all();
    if let Some(from) = period.from {
        at = at.add(Column::At.gte(from));
    }
    if let Some(until) = period.until {
        at = at.add(Column::At.lt(until));
    }
    let order = direction(params);
    let select = access_log::Entity::find().filter(COLUMNS.condition(params, &errors, at));
    let select = match params.sort.as_str() {
        "actor" => select.order_by(Column::ActorName, order.clone()),
        "action" => select.order_by(Column::Action, order.clone()),
        "entity" => select.order_by(Column::Entity, order.clone()),
        _ => select.order_by(Column::At, order.clone()),
    };
    (select.order_by(Column::Id, order), errors)
}

#[derive(Serialize)]
struct Row {
    id: i64,
    at: String,
    actor: String,
    actor_name: String,
    action: String,
    entity: String,
    entity_id: String,
    result_count: Option<i64>,
    path: String,
}

/// The access log: filters, sort, paging, count; the search is itself access-logged.
#[handler]
pub(super) async fn list(ctx: Ctx, Query(query): Query<Vec<(String, String)>>) -> WebResult {
    let params = list_params(&ctx, "protocol_access", &query, &FILTERS, &COLUMNS);
    let (select, errors) = filtered(&params);
    let (total, found) = fetch_page(select, &params, &ctx.services().db).await?;
    let rows: Vec<Row> = found
        .into_iter()
        .map(|e| Row {
            id: e.id,
            at: german_time(e.at),
            action: action_label(&ctx, &e.action),
            actor: e.actor,
            actor_name: e.actor_name,
            entity: e.entity,
            entity_id: e.entity_id.unwrap_or_default(),
            result_count: e.result_count,
            path: e.path,
        })
        .collect();
    log_search(&ctx, ACCESS_LOG, &params, total).await;
    let action_options = code_options(&ACTIONS);
    let value = |name: &str| params.filter(name).unwrap_or("").to_string();
    ctx.render_form(
        "protocol/viewer/access_list.html",
        &errors,
        context! {
            current => "access",
            rows => Serde(rows),
            list => params.view(total, &COLUMNS),
            actor => value("actor"),
            action => value("action"),
            entity => value("entity"),
            record => value("record"),
            from => value("from"),
            to => value("to"),
            q => value("q"),
            action_options => Serde(action_options),
        },
    )
    .await
}

/// The export: column headers (text keys), sheet, file and access-log entity.
const EXPORT: LogExport = LogExport {
    headers: &[
        "protocol-viewer-col-id",
        "protocol-viewer-col-at",
        "protocol-viewer-col-actor-id",
        "protocol-viewer-col-actor",
        "protocol-viewer-col-action",
        "protocol-viewer-col-entity",
        "protocol-viewer-col-record",
        "protocol-viewer-col-count",
        "protocol-viewer-col-path",
        "protocol-viewer-col-detail",
    ],
    sheet_key: "protocol-viewer-access-sheet",
    stem: "zugriffsprotokoll",
    entity: ACCESS_LOG,
};

/// Export of exactly the filtered entries (`export.csv`, `export.xlsx`).
#[handler]
pub(super) async fn export(
    ctx: Ctx,
    Path(file): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
) -> WebResult {
    let params = list_params(&ctx, "protocol_access_export", &query, &FILTERS, &COLUMNS);
    let (select, _) = filtered(&params);
    EXPORT
        .respond(&ctx, &file, &params, select, |e| {
            vec![
                Cell::Number(e.id as f64),
                Cell::Text(german_time(e.at)),
                Cell::Text(e.actor),
                Cell::Text(e.actor_name),
                Cell::Text(action_label(&ctx, &e.action)),
                Cell::Text(e.entity),
                Cell::Text(e.entity_id.unwrap_or_default()),
                e.result_count
                    .map(|n| Cell::Number(n as f64))
                    .unwrap_or(Cell::Text(String::new())),
                Cell::Text(e.path),
                Cell::Text(e.detail),
            ]
        })
        .await
}

#[derive(Serialize)]
struct DetailRow {
    name: String,
    value: String,
}

/// One access-log entry with its detail (the search filter, the file, the request id …).
#[handler]
pub(super) async fn show(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let Some(e) = access_log::Entity::find_by_id(id)
        .one(&ctx.services().db)
        .await?
    else {
        return Err(WebError(AppError::NotFound));
    };
    ctx.log_access(
        AccessAction::View,
        ACCESS_LOG,
        Some(id.to_string()),
        Value::Null,
        None,
    )
    .await;
    let details: Vec<DetailRow> = detail_pairs(&ctx, &e.detail)
        .into_iter()
        .map(|(name, value)| DetailRow { name, value })
        .collect();
    ctx.render(
        "protocol/viewer/access_detail.html",
        context! {
            current => "access",
            id => e.id,
            at => german_time(e.at),
            actor => e.actor,
            actor_name => e.actor_name,
            action => action_label(&ctx, &e.action),
            entity => e.entity,
            entity_id => e.entity_id.unwrap_or_default(),
            result_count => e.result_count,
            path => e.path,
            details => Serde(details),
        },
    )
    .await
}
