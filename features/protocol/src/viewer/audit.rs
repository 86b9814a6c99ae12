//! `/protokoll/aenderungen`: the audit log (R-AUD-1, R-AUD-3, R-AUD-4) — list with filters,
//! detail of one entry with its place in the hash chain, CSV/XLSX export.

use hih_db::access::AccessAction;
use hih_db::audit::entry_hash;
use hih_db::entities::{audit_head, audit_log};
use hih_kernel::{AppError, FieldErrors};
use hih_web::export::Cell;
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, ListParams, WebError, WebResult, fetch_page};
use poem::handler;
use poem::web::{Path, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    Select, Statement,
};
use serde::Serialize;
use serde_json::Value;

use super::AUDIT_LOG;
use super::export::LogExport;
use super::filter::{
    LogColumns, Period, audit_stamp, direction, german_stamp, list_params, log_search, readable,
};

/// The filter fields (all AND-combined).
const FILTERS: [&str; 7] = ["actor", "entity", "record", "action", "from", "to", "q"];
/// Sortable columns; `at` (the default) sorts by sequence number, i.e. by time.
const COLUMNS: [&str; 4] = ["at", "actor", "entity", "action"];
/// Actions with a label of their own; others are shown as stored.
const LABELLED_ACTIONS: [(&str, &str); 3] = [
    ("create", "protocol-viewer-action-create"),
    ("update", "protocol-viewer-action-update"),
    ("delete", "protocol-viewer-action-delete"),
];
/// How many changed field names a list row names before it abbreviates.
const FIELDS_SHOWN: usize = 6;

/// The filtered, sorted query of the audit log and the filter's errors (with errors the query
/// finds nothing). List, count and export all come from it.
fn filtered(params: &ListParams) -> (Select<audit_log::Entity>, FieldErrors) {
    use audit_log::Column;
    const COLUMNS: LogColumns<Column, 3> = LogColumns {
        actor: [Column::Actor, Column::ActorName],
        exact: [
            ("entity", Column::Entity),
            ("record", Column::EntityId),
            ("action", Column::Action),
        ],
        text: &[Column::Changes],
    };
    let mut errors = FieldErrors::new();
    let period = Period::parse(params, &mut errors);
    let mut at = Condition::all();
    if let Some(from) = period.from {
        at = at.add(Column::At.gte(audit_stamp(from)));
    }
    if let Some(until) = period.until {
        at = at.add(Column::At.lt(audit_stamp(until)));
    }
    let order = direction(params);
    let select = audit_log::Entity::find().filter(COLUMNS.condition(params, &errors, at));
    let select = match params.sort.as_str() {
        "actor" => select.order_by(Column::ActorName, order.clone()),
        "entity" => select.order_by(Column::Entity, order.clone()),
        "action" => select.order_by(Column::Action, order.clone()),
        _ => select,
    };
    (select.order_by(Column::Seq, order), errors)
}

/// The label of an action: its text where there is one, else the stored code.
fn action_label(ctx: &Ctx, action: &str) -> String {
    LABELLED_ACTIONS
        .iter()
        .find(|(code, _)| *code == action)
        .map(|(_, key)| ctx.t(key))
        .unwrap_or_else(|| action.to_string())
}

/// Every entity the audit log holds, sorted: a loose index scan over `ix_audit_entity` (one
/// index probe per distinct value, however long the log), the same SQL on both backends.
const ENTITIES_SQL: &str = "WITH RECURSIVE e(v) AS (\
     SELECT MIN(entity) FROM audit_log \
     UNION ALL SELECT (SELECT MIN(entity) FROM audit_log WHERE entity > e.v) FROM e \
     WHERE e.v IS NOT NULL) \
     SELECT v FROM e WHERE v IS NOT NULL";

/// How many of the newest entries the action choice is read from (the column has no index;
/// older actions can still be filtered, they are only not offered).
const RECENT_ACTIONS_FROM: u64 = 2_000;

async fn entity_values(ctx: &Ctx) -> WebResult<Vec<String>> {
    let db = &ctx.services().db;
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            ENTITIES_SQL,
        ))
        .await?;
    let mut values = Vec::with_capacity(rows.len());
    for row in rows {
        values.push(row.try_get::<String>("", "v")?);
    }
    Ok(values)
}

/// The actions offered: create, update, delete and whatever the newest entries hold, sorted.
async fn action_values(ctx: &Ctx) -> WebResult<Vec<String>> {
    let recent: Vec<String> = audit_log::Entity::find()
        .select_only()
        .column(audit_log::Column::Action)
        .order_by_desc(audit_log::Column::Seq)
        .limit(RECENT_ACTIONS_FROM)
        .into_tuple::<String>()
        .all(&ctx.services().db)
        .await?;
    let mut values: Vec<String> = LABELLED_ACTIONS
        .iter()
        .map(|(code, _)| code.to_string())
        .chain(recent)
        .collect();
    values.sort();
    values.dedup();
    Ok(values)
}

/// Select options `(value, "", label)`, with the current filter value added if missing.
fn options(
    mut values: Vec<String>,
    current: Option<&str>,
    label: impl Fn(&str) -> String,
) -> Vec<(String, String, String)> {
    if let Some(c) = current
        && !values.iter().any(|v| v == c)
    {
        values.push(c.to_string());
    }
    values
        .into_iter()
        .map(|v| {
            let text = label(&v);
            (v, String::new(), text)
        })
        .collect()
}

/// The changed fields' names of an entry, abbreviated.
fn field_names(changes: &str) -> String {
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(changes) else {
        return String::new();
    };
    let mut names: Vec<&str> = map.keys().map(String::as_str).take(FIELDS_SHOWN).collect();
    if map.len() > FIELDS_SHOWN {
        names.push("…");
    }
    names.join(", ")
}

#[derive(Serialize)]
struct Row {
    seq: i64,
    at: String,
    actor: String,
    actor_name: String,
    entity: String,
    entity_id: String,
    action: String,
    fields: String,
}

/// The audit log: filters, sort, paging, count; the search is access-logged.
#[handler]
pub(super) async fn list(ctx: Ctx, Query(query): Query<Vec<(String, String)>>) -> WebResult {
    let params = list_params(&ctx, "protocol_audit", &query, &FILTERS, &COLUMNS);
    let (select, errors) = filtered(&params);
    let (total, found) = fetch_page(select, &params, &ctx.services().db).await?;
    let rows: Vec<Row> = found
        .into_iter()
        .map(|e| Row {
            seq: e.seq,
            at: german_stamp(&e.at),
            fields: field_names(&e.changes),
            action: action_label(&ctx, &e.action),
            actor: e.actor,
            actor_name: e.actor_name,
            entity: e.entity,
            entity_id: e.entity_id,
        })
        .collect();
    log_search(&ctx, AUDIT_LOG, &params, total).await;
    let entities = options(entity_values(&ctx).await?, params.filter("entity"), |v| {
        v.to_string()
    });
    let actions = options(action_values(&ctx).await?, params.filter("action"), |v| {
        action_label(&ctx, v)
    });
    let value = |name: &str| params.filter(name).unwrap_or("").to_string();
    ctx.render_form(
        "protocol/viewer/audit_list.html",
        &errors,
        context! {
            current => "audit",
            rows => Serde(rows),
            list => params.view(total, &COLUMNS),
            actor => value("actor"),
            entity => value("entity"),
            record => value("record"),
            action => value("action"),
            from => value("from"),
            to => value("to"),
            q => value("q"),
            entity_options => Serde(entities),
            action_options => Serde(actions),
        },
    )
    .await
}

/// The export: column headers (text keys), sheet, file and access-log entity.
const EXPORT: LogExport = LogExport {
    headers: &[
        "protocol-viewer-col-seq",
        "protocol-viewer-col-at",
        "protocol-viewer-col-actor-id",
        "protocol-viewer-col-actor",
        "protocol-viewer-col-entity",
        "protocol-viewer-col-record",
        "protocol-viewer-col-action",
        "protocol-viewer-col-changes",
        "protocol-viewer-col-prev-hash",
        "protocol-viewer-col-hash",
    ],
    sheet_key: "protocol-viewer-audit-sheet",
    stem: "aenderungsprotokoll",
    entity: AUDIT_LOG,
};

/// Export of exactly the filtered entries (`export.csv`, `export.xlsx`).
#[handler]
pub(super) async fn export(
    ctx: Ctx,
    Path(file): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
) -> WebResult {
    let params = list_params(&ctx, "protocol_audit_export", &query, &FILTERS, &COLUMNS);
    let (select, _) = filtered(&params);
    EXPORT
        .respond(&ctx, &file, &params, select, |e| {
            vec![
                Cell::Number(e.seq as f64),
                Cell::Text(german_stamp(&e.at)),
                Cell::Text(e.actor),
                Cell::Text(e.actor_name),
                Cell::Text(e.entity),
                Cell::Text(e.entity_id),
                Cell::Text(e.action),
                Cell::Text(e.changes),
                Cell::Text(e.prev_hash),
                Cell::Text(e.hash),
            ]
        })
        .await
}

/// One field change: old → new, readable.
#[derive(Serialize)]
struct Change {
    field: String,
    old: String,
    new: String,
}

/// One detail of a named event (login, purge counts, …) that is not an old/new pair.
#[derive(Serialize)]
struct Detail {
    field: String,
    value: String,
}

/// Splits an entry's `changes` into field changes (`[old, new]` pairs) and other details.
fn changes_of(ctx: &Ctx, changes: &str) -> (Vec<Change>, Vec<Detail>) {
    let mut pairs = Vec::new();
    let mut details = Vec::new();
    match serde_json::from_str::<Value>(changes) {
        Ok(Value::Object(map)) => {
            for (field, v) in map {
                match v.as_array() {
                    Some(pair) if pair.len() == 2 => pairs.push(Change {
                        old: readable(ctx, &pair[0]),
                        new: readable(ctx, &pair[1]),
                        field,
                    }),
                    _ => details.push(Detail {
                        value: readable(ctx, &v),
                        field,
                    }),
                }
            }
        }
        Ok(Value::Null) => {}
        Ok(other) => details.push(Detail {
            field: String::new(),
            value: readable(ctx, &other),
        }),
        Err(_) => details.push(Detail {
            field: String::new(),
            value: changes.to_string(),
        }),
    }
    (pairs, details)
}

/// One audit entry: who, when, what, every field old → new, its place in the hash chain.
#[handler]
pub(super) async fn show(ctx: Ctx, Path(seq): Path<i64>) -> WebResult {
    let db = &ctx.services().db;
    let Some(e) = audit_log::Entity::find_by_id(seq).one(db).await? else {
        return Err(WebError(AppError::NotFound));
    };
    let head = audit_head::Entity::find_by_id(1)
        .one(db)
        .await?
        .ok_or_else(|| AppError::Internal("audit head missing".into()))?;
    ctx.log_access(
        AccessAction::View,
        AUDIT_LOG,
        Some(seq.to_string()),
        Value::Null,
        None,
    )
    .await;
    let (changes, details) = changes_of(&ctx, &e.changes);
    let hash_ok = entry_hash(&e) == e.hash;
    let has_prev = seq - 1 > head.anchor_seq
        && audit_log::Entity::find_by_id(seq - 1)
            .one(db)
            .await?
            .is_some();
    let has_next = seq < head.seq;
    ctx.render(
        "protocol/viewer/audit_detail.html",
        context! {
            current => "audit",
            seq => e.seq,
            at => german_stamp(&e.at),
            actor => e.actor.clone(),
            actor_name => e.actor_name.clone(),
            entity => e.entity.clone(),
            entity_id => e.entity_id.clone(),
            action => action_label(&ctx, &e.action),
            changes => Serde(changes),
            details => Serde(details),
            chain_length => head.seq,
            prev_hash => e.prev_hash.clone(),
            hash => e.hash.clone(),
            hash_ok => hash_ok,
            prev => has_prev.then(|| seq - 1),
            next => has_next.then(|| seq + 1),
            history => format!(
                "/protokoll/aenderungen?{}",
                serde_urlencoded::to_string([("entity", &e.entity), ("record", &e.entity_id)])
                    .unwrap_or_default()
            ),
        },
    )
    .await
}
