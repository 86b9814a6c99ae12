//! The scan job `protocol.misuse-scan` (every minute): reads what each rule counts over its
//! period, groups it by subject, and raises an alert once per episode.
//!
//! For each rule and subject, the entries newer than the subject's latest alert (its log
//! cursor) are the new ones:
//! - if the latest alert is open (not acknowledged) and the new entries continue its episode
//!   (no gap of a whole window; the export volume: the same day), the alert is extended
//!   (count, last seen, evidence) — no second notification;
//! - otherwise a new alert is raised when the new entries reach the rule's threshold within the
//!   period, and admins and data-protection officers get a notification and a mail.
//!
//! Rules that group by client address pass the entries of addresses that raised nothing on
//! their own, and entries without a recorded address, to the subject `*` (several
//! addresses), so a burst spread over many addresses is caught as well. Everything is written
//! in one unit of work (audited as `system:protocol.misuse-scan`); a scan that raises or
//! extends nothing writes nothing. Alerts leave with the logs they are made of
//! (`logs.retention_years`, R-RET-1).

use chrono::{DateTime, Utc};
use hih_db::UnitOfWork;
use hih_kernel::{Actor, AppError, JobContext, JobError, JobHandler, Role, Services, Settings};
use hih_notify::Notice;
use hih_users::recipients::{Filter, active_with_roles};
use sea_orm::{
    ColumnTrait, EntityTrait, IntoActiveModel, NotSet, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::{Map, Value};

use super::entity as misuse_alert;
use super::rules::{self, ALL_ADDRESSES, Event, Evidence, LogLink, Rule};

/// Name of the scan job.
pub const SCAN_JOB: &str = "protocol.misuse-scan";

/// Kind of the notifications about misuse alerts.
pub const NOTICE_KIND: &str = "security.misuse";

/// The job handler.
pub struct MisuseScan;

#[async_trait::async_trait]
impl JobHandler for MisuseScan {
    async fn run(&self, ctx: &JobContext, _payload: Value) -> Result<(), JobError> {
        let report = scan(&ctx.services, &ctx.actor()).await?;
        if !report.raised.is_empty() {
            tracing::warn!(alerts = ?report.raised, "misuse alerts raised");
        }
        Ok(())
    }
}

/// What one scan did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScanReport {
    /// Ids of the alerts raised.
    pub raised: Vec<i64>,
    /// Ids of the open alerts extended.
    pub extended: Vec<i64>,
    /// Alerts deleted with the logs they are made of.
    pub purged: u64,
}

/// Deletes the alerts whose last entry is as old as the log entries the log purge deletes
/// (R-RET-1: `logs.retention_years` whole calendar years after the year of the entry): an
/// alert repeats personal data of the logs and must not outlive them. One audit event
/// (`misuse_alert`, `purge`) with the count and the cutoff.
async fn purge_expired(services: &Services, actor: &Actor) -> Result<u64, AppError> {
    let cutoff = crate::retention::purge::cutoff(
        services.clock.now(),
        services.settings.logs.retention_years,
    )?;
    let expired = misuse_alert::Column::LastSeen.lt(cutoff);
    let due = misuse_alert::Entity::find()
        .filter(expired.clone())
        .count(&services.db)
        .await?;
    if due == 0 {
        return Ok(0);
    }
    let mut uow = UnitOfWork::begin(services, actor).await?;
    let deleted = misuse_alert::Entity::delete_many()
        .filter(expired)
        .exec(uow.txn())
        .await?
        .rows_affected;
    uow.event(
        "misuse_alert",
        "*",
        "purge",
        serde_json::json!({ "deleted": deleted, "before": cutoff.to_rfc3339() }),
    );
    uow.commit().await?;
    Ok(deleted)
}

/// What the scan decided for one rule and subject.
enum Decision {
    /// A new alert from these new entries.
    Raise(Vec<Event>),
    /// The open alert gets these new entries.
    Extend(misuse_alert::Model, Vec<Event>),
    /// Nothing; these new entries were not used.
    Quiet(Vec<Event>),
}

/// One write the scan makes.
struct Action {
    rule: Rule,
    subject: String,
    decision: Decision,
}

/// Runs every rule once at the clock's "now". Decides on a plain read first; only if an alert
/// is raised or extended does it open a unit of work (taking the audit lock), decide again
/// under the lock, and write.
pub async fn scan(services: &Services, actor: &Actor) -> Result<ScanReport, AppError> {
    let now = services.clock.now();
    let settings = services.settings.clone();
    let mut report = ScanReport {
        purged: purge_expired(services, actor).await?,
        ..ScanReport::default()
    };
    let mut per_rule = Vec::new();
    for rule in Rule::ALL {
        let since = rule.period_start(&settings, now);
        let events = rules::events(&services.db, rule, since).await?;
        if !events.is_empty() {
            per_rule.push((rule, events));
        }
    }
    if per_rule.is_empty() || plan(&services.db, &settings, &per_rule).await?.is_empty() {
        return Ok(report);
    }
    let mut uow = UnitOfWork::begin(services, actor).await?;
    let actions = plan(uow.txn(), &settings, &per_rule).await?;
    for action in actions {
        match action.decision {
            Decision::Raise(new) => {
                let alert = raise(&mut uow, action.rule, &action.subject, &new).await?;
                if action.rule.notifies() {
                    notify(&mut uow, &settings, action.rule, &alert).await?;
                }
                report.raised.push(alert.id);
            }
            Decision::Extend(open, new) => {
                let id = extend(&mut uow, action.rule, &action.subject, open, &new).await?;
                report.extended.push(id);
            }
            Decision::Quiet(_) => {}
        }
    }
    uow.commit().await?;
    Ok(report)
}

/// The alerts to raise and extend for these entries (read only).
async fn plan<C: sea_orm::ConnectionTrait>(
    db: &C,
    settings: &Settings,
    per_rule: &[(Rule, Vec<Event>)],
) -> Result<Vec<Action>, AppError> {
    let mut actions = Vec::new();
    for (rule, events) in per_rule {
        let rule = *rule;
        let mut rest: Vec<Event> = Vec::new();
        for (subject, group) in rules::by_subject(events.clone()) {
            if rule.by_address() && subject.is_empty() {
                rest.extend(group);
                continue;
            }
            match decide(db, settings, rule, &subject, group).await? {
                Decision::Quiet(unused) => {
                    if rule.by_address() {
                        rest.extend(unused);
                    }
                }
                decision => actions.push(Action {
                    rule,
                    subject,
                    decision,
                }),
            }
        }
        if !rest.is_empty() {
            rest.sort_by_key(|e| e.at);
            match decide(db, settings, rule, ALL_ADDRESSES, rest).await? {
                Decision::Quiet(_) => {}
                decision => actions.push(Action {
                    rule,
                    subject: ALL_ADDRESSES.to_string(),
                    decision,
                }),
            }
        }
    }
    Ok(actions)
}

fn to_json(evidence: &Evidence) -> Result<String, AppError> {
    serde_json::to_string(evidence).map_err(|e| AppError::Internal(format!("evidence: {e}")))
}

/// The latest alert of a rule and subject.
pub async fn latest<C: sea_orm::ConnectionTrait>(
    db: &C,
    rule: Rule,
    subject: &str,
) -> Result<Option<misuse_alert::Model>, AppError> {
    Ok(misuse_alert::Entity::find()
        .filter(misuse_alert::Column::Rule.eq(rule.code()))
        .filter(misuse_alert::Column::Subject.eq(subject))
        .order_by_desc(misuse_alert::Column::Id)
        .one(db)
        .await?)
}

/// The entries newer than the subject's latest alert either continue its open episode, reach
/// the threshold for a new alert, or are left unused.
async fn decide<C: sea_orm::ConnectionTrait>(
    db: &C,
    settings: &Settings,
    rule: Rule,
    subject: &str,
    events: Vec<Event>,
) -> Result<Decision, AppError> {
    let last = latest(db, rule, subject).await?;
    let cursor = last
        .as_ref()
        .map(|l| Evidence::parse(&l.evidence).cursor)
        .unwrap_or_default();
    let new: Vec<Event> = events.into_iter().filter(|e| cursor.is_new(e)).collect();
    let Some(first_at) = new.iter().map(|e| e.at).min() else {
        return Ok(Decision::Quiet(Vec::new()));
    };
    if let Some(open) = last
        && open.acknowledged_at.is_none()
        && rule.continues(settings, open.last_seen, first_at)
    {
        return Ok(Decision::Extend(open, new));
    }
    let measure: i64 = new.iter().map(|e| e.measure).sum();
    if measure < rule.threshold(settings) {
        return Ok(Decision::Quiet(new));
    }
    Ok(Decision::Raise(new))
}

/// Adds new entries to an open alert.
async fn extend(
    uow: &mut UnitOfWork,
    rule: Rule,
    subject: &str,
    open: misuse_alert::Model,
    new: &[Event],
) -> Result<i64, AppError> {
    let mut evidence = Evidence::parse(&open.evidence);
    evidence.add(rule, new);
    let last_seen = new.iter().map(|e| e.at).fold(open.last_seen, DateTime::max);
    evidence.links = links(rule, subject, open.first_seen, last_seen);
    let measure: i64 = new.iter().map(|e| e.measure).sum();
    let mut am = open.clone().into_active_model();
    am.last_seen = Set(last_seen);
    am.count = Set(open.count.saturating_add(measure));
    am.evidence = Set(to_json(&evidence)?);
    Ok(uow.update(&open, am).await?.id)
}

/// Raises a new alert from new entries (their cursor continues the subject's previous one).
async fn raise(
    uow: &mut UnitOfWork,
    rule: Rule,
    subject: &str,
    new: &[Event],
) -> Result<misuse_alert::Model, AppError> {
    let cursor = latest(uow.txn(), rule, subject)
        .await?
        .map(|l| Evidence::parse(&l.evidence).cursor)
        .unwrap_or_default();
    let (Some(first_at), Some(last_at)) = (
        new.iter().map(|e| e.at).min(),
        new.iter().map(|e| e.at).max(),
    ) else {
        return Err(AppError::Internal("an alert without entries".into()));
    };
    let mut evidence = Evidence {
        cursor,
        ..Evidence::default()
    };
    evidence.add(rule, new);
    evidence.links = links(rule, subject, first_at, last_at);
    uow.insert(misuse_alert::ActiveModel {
        id: NotSet,
        rule: Set(rule.code().to_string()),
        subject: Set(subject.to_string()),
        first_seen: Set(first_at),
        last_seen: Set(last_at),
        count: Set(new.iter().map(|e| e.measure).sum()),
        evidence: Set(to_json(&evidence)?),
        acknowledged_at: Set(None),
        acknowledged_by: Set(None),
    })
    .await
}

/// The day (Europe/Berlin) of an instant as `JJJJ-MM-TT`, as the log viewer's period filter
/// takes it.
fn day(at: DateTime<Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::Berlin)
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

/// Percent-encodes a query value (everything but unreserved characters).
fn encode(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn viewer(path: &str, pairs: &[(&str, &str)]) -> String {
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    format!("{path}?{}", query.join("&"))
}

/// Links into the log viewer that show the entries behind an alert: its period (whole days,
/// Europe/Berlin), filtered by the rule's action and entity, and by the subject: the actor
/// (`actor=user:<id>`), the account (`record=<id>`), or the client address (free text `q`,
/// which searches the entries' details).
pub fn links(rule: Rule, subject: &str, first: DateTime<Utc>, last: DateTime<Utc>) -> Vec<LogLink> {
    const ACCESS: &str = "/protokoll/zugriffe";
    const AUDIT: &str = "/protokoll/aenderungen";
    let (from, to) = (day(first), day(last));
    let address = (rule.by_address() && subject != ALL_ADDRESSES).then_some(subject);
    let at = |path: &str, extra: &[(&str, &str)]| {
        let mut pairs: Vec<(&str, &str)> = extra.to_vec();
        if let Some(addr) = address {
            pairs.push(("q", addr));
        }
        pairs.push(("from", from.as_str()));
        pairs.push(("to", to.as_str()));
        viewer(path, &pairs)
    };
    let link = |key: &str, href: String| LogLink {
        label_key: key.to_string(),
        href,
    };
    match rule {
        Rule::DeniedAccess => vec![link(
            "protocol-alerts-link-access-denied",
            at(ACCESS, &[("actor", subject), ("action", "denied")]),
        )],
        Rule::ExportVolume => vec![link(
            "protocol-alerts-link-access-export",
            at(ACCESS, &[("actor", subject), ("action", "export")]),
        )],
        Rule::FailedLogins => vec![
            link(
                "protocol-alerts-link-audit-login-failed",
                at(AUDIT, &[("entity", "user"), ("action", "login-failed")]),
            ),
            link(
                "protocol-alerts-link-access-login",
                at(ACCESS, &[("entity", "login"), ("action", "denied")]),
            ),
        ],
        Rule::InvalidLinks => rules::LINK_ENTITIES
            .iter()
            .map(|entity| {
                link(
                    &format!("protocol-alerts-link-access-{}", entity.replace('_', "-")),
                    at(ACCESS, &[("entity", entity), ("action", "denied")]),
                )
            })
            .collect(),
        Rule::RoleChange => {
            let id = subject.trim_start_matches("user:");
            vec![link(
                "protocol-alerts-link-audit-account",
                at(AUDIT, &[("entity", "user"), ("record", id)]),
            )]
        }
    }
}

/// The text key of an alert's one-line summary (also the notification's text).
pub fn summary_key(rule: Rule, subject: &str, evidence: &Evidence) -> String {
    let base = format!("protocol-alerts-summary-{}", rule.code());
    match rule {
        Rule::DeniedAccess if evidence.variant == "id-stepping" => format!("{base}-id-stepping"),
        Rule::DeniedAccess => format!("{base}-forbidden"),
        Rule::FailedLogins | Rule::InvalidLinks if subject == ALL_ADDRESSES => {
            format!("{base}-all")
        }
        Rule::FailedLogins | Rule::InvalidLinks => format!("{base}-address"),
        Rule::ExportVolume | Rule::RoleChange => base,
    }
}

/// The arguments of the summary text (and the notification and mail): `name` (the user or
/// address), `count`, `minutes`, `ids`, `accounts`, `addresses`, `limit`.
pub fn summary_args(
    settings: &Settings,
    alert: &misuse_alert::Model,
    evidence: &Evidence,
) -> Map<String, Value> {
    let mut args = Map::new();
    let name = if evidence.name.is_empty() {
        alert.subject.clone()
    } else {
        evidence.name.clone()
    };
    args.insert("name".into(), name.into());
    args.insert("count".into(), alert.count.into());
    args.insert("events".into(), evidence.events.into());
    args.insert("minutes".into(), settings.misuse.window_minutes.into());
    args.insert("ids".into(), (evidence.ids.len() as i64).into());
    args.insert("accounts".into(), (evidence.accounts.len() as i64).into());
    let addresses = evidence.addresses.len() as i64 + i64::from(evidence.unknown_addresses > 0);
    args.insert("addresses".into(), addresses.into());
    args.insert("limit".into(), settings.export_alert_rows.into());
    args
}

/// Tells all active admins and data-protection officers (bell and mail) about a new alert;
/// both are led to the alert's page.
async fn notify(
    uow: &mut UnitOfWork,
    settings: &Settings,
    rule: Rule,
    alert: &misuse_alert::Model,
) -> Result<(), AppError> {
    let evidence = Evidence::parse(&alert.evidence);
    let key = summary_key(rule, &alert.subject, &evidence);
    let href = format!("/protokoll/auffaelligkeiten/{}", alert.id);
    let mut notice = Notice::new(NOTICE_KIND, &key).href(&href).mail(
        "protocol-alerts-mail-subject",
        &key.replace("-summary-", "-mail-"),
    );
    notice.args = summary_args(settings, alert, &evidence);
    notice
        .args
        .insert("link".into(), Value::String(settings.absolute_url(&href)));
    let to = active_with_roles(uow.txn(), &[Role::Admin, Role::Dpo], Filter::All).await?;
    hih_notify::notify(uow, &to, &notice).await?;
    Ok(())
}
