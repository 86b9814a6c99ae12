//! The alerts pages (permission `protocol.alerts`: admins and the dpo): the list
//! `/protokoll/auffaelligkeiten` with filters, the alert with its evidence and links into the
//! log viewer, and the acknowledgement (confirmation page, POST-redirect-GET, audited).

use hih_db::UnitOfWork;
use hih_db::access::AccessAction;
use hih_i18n::TextArg;
use hih_kernel::{AppError, Role, Settings};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, ListParams, WebError, WebResult, fetch_page, iso};
use poem::handler;
use poem::web::{Path, Query};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Select, Set,
};
use serde::Serialize;

use super::entity as misuse_alert;
use super::rules::{ALL_ADDRESSES, Evidence, Rule};
use super::scan::{summary_args, summary_key};

/// Base path of the pages.
pub const BASE: &str = "/protokoll/auffaelligkeiten";

/// Sort keys; the first (the default, "latest first") has no header of its own.
const COLUMNS: [&str; 5] = ["newest", "last_seen", "rule", "subject", "count"];
const FILTERS: [&str; 2] = ["rule", "status"];

/// The summary of an alert in the request's language.
fn summary(ctx: &Ctx, settings: &Settings, alert: &misuse_alert::Model, ev: &Evidence) -> String {
    let Some(rule) = Rule::from_code(&alert.rule) else {
        return alert.rule.clone();
    };
    let mut args = hih_notify::text_args(&summary_args(settings, alert, ev));
    if rule == Rule::RoleChange
        && let Some(change) = ev.changes.last()
    {
        for (name, code) in [("before", &change.before), ("after", &change.after)] {
            let label =
                Role::from_code(code).map_or_else(|| code.clone(), |r| ctx.t(&r.label_key()));
            args.push((name.to_string(), TextArg::Str(label)));
        }
    }
    let args: Vec<(&str, TextArg)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    ctx.services()
        .texts
        .t(ctx.locale, &summary_key(rule, &alert.subject, ev), &args)
}

/// Who or where, as the pages show it.
fn subject_text(ctx: &Ctx, alert: &misuse_alert::Model, ev: &Evidence) -> String {
    if alert.subject == ALL_ADDRESSES {
        ctx.t("protocol-alerts-subject-all")
    } else if alert.subject.starts_with("user:") && !ev.name.is_empty() {
        ev.name.clone()
    } else {
        alert.subject.clone()
    }
}

fn rule_key(code: &str) -> String {
    Rule::from_code(code).map_or_else(|| "protocol-alerts-rule-unknown".into(), Rule::label_key)
}

#[derive(Serialize)]
struct Row {
    id: i64,
    rule_key: String,
    subject: String,
    summary: String,
    first_seen: String,
    last_seen: String,
    count: i64,
    acknowledged: bool,
}

fn filtered(params: &ListParams) -> Select<misuse_alert::Entity> {
    let mut cond = Condition::all();
    if let Some(rule) = params.filter("rule") {
        cond = cond.add(misuse_alert::Column::Rule.eq(rule));
    }
    match params.filter("status") {
        Some("open") => cond = cond.add(misuse_alert::Column::AcknowledgedAt.is_null()),
        Some("acknowledged") => cond = cond.add(misuse_alert::Column::AcknowledgedAt.is_not_null()),
        _ => {}
    }
    let order = if params.desc {
        sea_orm::Order::Desc
    } else {
        sea_orm::Order::Asc
    };
    let select = misuse_alert::Entity::find().filter(cond);
    let select = match params.sort.as_str() {
        "last_seen" => select.order_by(misuse_alert::Column::LastSeen, order.clone()),
        "rule" => select.order_by(misuse_alert::Column::Rule, order.clone()),
        "subject" => select.order_by(misuse_alert::Column::Subject, order.clone()),
        "count" => select.order_by(misuse_alert::Column::Count, order.clone()),
        _ => select.order_by_desc(misuse_alert::Column::LastSeen),
    };
    select.order_by_desc(misuse_alert::Column::Id)
}

/// The list of alerts: filter by rule and status, sortable, paged.
#[handler]
pub async fn list(ctx: Ctx, Query(query): Query<Vec<(String, String)>>) -> WebResult {
    let params = ListParams::parse(&ctx, "alerts", &query, &FILTERS, &COLUMNS);
    let (total, found) = fetch_page(filtered(&params), &params, &ctx.services().db).await?;
    let settings = ctx.services().settings.clone();
    let rows: Vec<Row> = found
        .into_iter()
        .map(|a| {
            let ev = Evidence::parse(&a.evidence);
            Row {
                id: a.id,
                rule_key: rule_key(&a.rule),
                subject: subject_text(&ctx, &a, &ev),
                summary: summary(&ctx, &settings, &a, &ev),
                first_seen: iso(a.first_seen),
                last_seen: iso(a.last_seen),
                count: a.count,
                acknowledged: a.acknowledged_at.is_some(),
            }
        })
        .collect();
    ctx.log_access(
        AccessAction::Search,
        "misuse_alert",
        None,
        serde_json::json!(params.filters),
        Some(i64::try_from(total).unwrap_or(i64::MAX)),
    )
    .await;
    let rule_options: Vec<(String, String)> = Rule::ALL
        .iter()
        .map(|r| (r.code().to_string(), r.label_key()))
        .collect();
    ctx.render(
        "protocol/alerts/list.html",
        context! {
            rows => Serde(rows),
            list => params.view(total, &COLUMNS),
            rule_options => Serde(rule_options),
            status_options => Serde(vec![
                ("open", "protocol-alerts-status-open"),
                ("acknowledged", "protocol-alerts-status-acknowledged"),
            ]),
            ..params.filter_values(&FILTERS)
        },
    )
    .await
}

/// Loads an alert, else 404 (with an access-log entry).
async fn load(ctx: &Ctx, id: i64) -> WebResult<misuse_alert::Model> {
    match misuse_alert::Entity::find_by_id(id)
        .one(&ctx.services().db)
        .await?
    {
        Some(a) => Ok(a),
        None => Err(ctx
            .not_found_in_scope("misuse_alert", &id.to_string())
            .await),
    }
}

#[derive(Serialize)]
struct Count {
    key: String,
    count: i64,
}

#[derive(Serialize)]
struct ChangeView {
    at: String,
    before: String,
    after: String,
    by: String,
}

/// A label key for a log entity name (unknown ones are shown as they are).
fn entity_label(ctx: &Ctx, entity: &str) -> String {
    let key = format!("protocol-alerts-entity-{}", entity.replace('_', "-"));
    if ctx.services().texts.has(ctx.locale, &key) {
        ctx.t(&key)
    } else {
        entity.to_string()
    }
}

fn role_label(ctx: &Ctx, code: &str) -> String {
    Role::from_code(code).map_or_else(|| code.to_string(), |r| ctx.t(&r.label_key()))
}

/// Who acknowledged an alert: the account's name, or its id if it is gone.
async fn acknowledged_by(ctx: &Ctx, alert: &misuse_alert::Model) -> WebResult<Option<String>> {
    use hih_users::entities::user_account;
    if alert.acknowledged_at.is_none() {
        return Ok(None);
    }
    let Some(id) = alert.acknowledged_by else {
        return Ok(Some("–".into()));
    };
    let name = user_account::Entity::find_by_id(id)
        .one(&ctx.services().db)
        .await?
        .map_or_else(|| format!("#{id}"), |u| u.display_name());
    Ok(Some(name))
}

/// One alert with its evidence and the links into the log viewer.
#[handler]
pub async fn detail(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let alert = load(&ctx, id).await?;
    let ev = Evidence::parse(&alert.evidence);
    let settings = ctx.services().settings.clone();
    let entities: Vec<Count> = ev
        .entities
        .iter()
        .map(|(e, n)| Count {
            key: entity_label(&ctx, e),
            count: *n,
        })
        .collect();
    let changes: Vec<ChangeView> = ev
        .changes
        .iter()
        .map(|c| ChangeView {
            at: c.at.clone(),
            before: role_label(&ctx, &c.before),
            after: role_label(&ctx, &c.after),
            by: c.by.clone(),
        })
        .collect();
    let samples: Vec<_> = ev
        .samples
        .iter()
        .map(|s| {
            context! {
                at => s.at.clone(),
                log_key => format!("protocol-alerts-log-{}", s.log),
                href => if s.log == "audit" {
                    format!("/protokoll/aenderungen/{}", s.log_id)
                } else {
                    format!("/protokoll/zugriffe/{}", s.log_id)
                },
                entity => entity_label(&ctx, &s.entity),
                entity_id => s.entity_id.clone(),
                what => s.what.clone(),
                addr => s.addr.clone(),
            }
        })
        .collect();
    let by = acknowledged_by(&ctx, &alert).await?;
    ctx.log_view("misuse_alert", id).await;
    ctx.render(
        "protocol/alerts/detail.html",
        context! {
            alert => context! {
                id => alert.id,
                rule_key => rule_key(&alert.rule),
                subject => subject_text(&ctx, &alert, &ev),
                summary => summary(&ctx, &settings, &alert, &ev),
                first_seen => iso(alert.first_seen),
                last_seen => iso(alert.last_seen),
                count => alert.count,
                acknowledged_at => alert.acknowledged_at.map(iso),
                acknowledged_by => by,
            },
            variant_key => (!ev.variant.is_empty())
                .then(|| format!("protocol-alerts-variant-{}", ev.variant)),
            events => ev.events,
            entities => Serde(entities),
            ids => Serde(&ev.ids),
            accounts => Serde(&ev.accounts),
            addresses => Serde(&ev.addresses),
            unknown_addresses => ev.unknown_addresses,
            samples => samples,
            changes => Serde(changes),
            links => Serde(&ev.links),
        },
    )
    .await
}

/// The confirmation page of the acknowledgement; an acknowledged alert goes back to its page.
#[handler]
pub async fn acknowledge_form(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let alert = load(&ctx, id).await?;
    if alert.acknowledged_at.is_some() {
        return ctx.redirect(&format!("{BASE}/{id}"));
    }
    let ev = Evidence::parse(&alert.evidence);
    let settings = ctx.services().settings.clone();
    ctx.render(
        "protocol/alerts/acknowledge.html",
        context! {
            id => alert.id,
            rule_key => rule_key(&alert.rule),
            summary => summary(&ctx, &settings, &alert, &ev),
        },
    )
    .await
}

/// Acknowledges an alert (audited) and goes back to its page. A second acknowledgement
/// changes nothing.
#[handler]
pub async fn acknowledge_submit(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let user_id = ctx.user_id()?;
    let alert = load(&ctx, id).await?;
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    // Re-read under the unit of work's lock: a parallel acknowledgement wins once.
    let fresh = misuse_alert::Entity::find_by_id(alert.id)
        .one(uow.txn())
        .await?
        .ok_or(WebError(AppError::NotFound))?;
    if fresh.acknowledged_at.is_some() {
        drop(uow);
        ctx.session.flash("protocol-alerts-already-acknowledged");
        return ctx.redirect(&format!("{BASE}/{id}"));
    }
    let mut am = fresh.clone().into_active_model();
    am.acknowledged_at = Set(Some(uow.now()));
    am.acknowledged_by = Set(Some(user_id));
    uow.update(&fresh, am).await?;
    uow.commit().await?;
    ctx.session.flash("protocol-alerts-acknowledged");
    ctx.redirect(&format!("{BASE}/{id}"))
}
