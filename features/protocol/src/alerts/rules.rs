//! The misuse rules (R-SEC-1): which log entries each rule reads, how it groups them by
//! subject, and what an alert keeps as evidence.
//!
//! | rule | reads | subject | measure ≥ threshold |
//! |---|---|---|---|
//! | `denied-access` | access log `denied` of logged-in users | `user:<id>` | entries within `misuse.window_minutes` ≥ `misuse.denied_per_user` |
//! | `failed-logins` | audit `user`/`login-failed` + access log `denied`/`login` | client address, or `*` | entries within the window ≥ `misuse.failed_logins` |
//! | `invalid-links` | access log `denied` of setup/reset/registration/download links | client address, or `*` | entries within the window ≥ `misuse.invalid_links` |
//! | `export-volume` | access log `export` of logged-in users | `user:<id>` | rows exported on one day (Europe/Berlin) > `export_alert_rows` |
//! | `granted-role` | audit `user`/`update` that changes `role` | `user:<id>` of the account | every change |

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveTime, SecondsFormat, Utc};
use chrono_tz::Europe::Berlin;
use hih_db::entities::{access_log, audit_log};
use hih_kernel::{AppError, Settings};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Log entries one rule reads per scan at most (the newest); a flood beyond that still
/// alerts, its count is then a lower bound.
pub const MAX_EVENTS: u64 = 20_000;
/// Sample entries an alert keeps (the first of its episode).
pub const MAX_SAMPLES: usize = 10;
/// Distinct record ids, accounts or addresses an alert keeps.
pub const MAX_DISTINCT: usize = 200;

/// Access-log entities of single-use links that answer 410 when invalid or used.
pub const LINK_ENTITIES: [&str; 3] = ["user_token", "invitation", "download_link"];

/// The subject of events spread over several (or unknown) client addresses.
pub const ALL_ADDRESSES: &str = "*";

/// A misuse rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// Repeated denied accesses by one user (forbidden pages, foreign-scope id stepping).
    DeniedAccess,
    /// Failed-login bursts from one address, or across accounts and addresses.
    FailedLogins,
    /// Invalid or reused single-use links from one address.
    InvalidLinks,
    /// Export volume of one user and day above the setting.
    ExportVolume,
    /// A role given to an account.
    RoleChange,
}

impl Rule {
    /// All rules, in the order they are evaluated and listed.
    pub const ALL: [Rule; 5] = [
        Rule::DeniedAccess,
        Rule::FailedLogins,
        Rule::InvalidLinks,
        Rule::ExportVolume,
        Rule::RoleChange,
    ];

    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            Rule::DeniedAccess => "denied-access",
            Rule::FailedLogins => "failed-logins",
            Rule::InvalidLinks => "invalid-links",
            Rule::ExportVolume => "export-volume",
            Rule::RoleChange => "granted-role",
        }
    }

    /// The rule of a stored code.
    pub fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.code() == code)
    }

    /// Text key of the rule's name.
    pub fn label_key(self) -> String {
        format!("protocol-alerts-rule-{}", self.code())
    }

    /// The threshold the rule's measure must reach for a new alert.
    pub fn threshold(self, settings: &Settings) -> i64 {
        let m = &settings.misuse;
        match self {
            Rule::DeniedAccess => i64::from(m.denied_per_user.max(1)),
            Rule::FailedLogins => i64::from(m.failed_logins.max(1)),
            Rule::InvalidLinks => i64::from(m.invalid_links.max(1)),
            // "above" the setting: one row more.
            Rule::ExportVolume => {
                i64::try_from(settings.export_alert_rows).unwrap_or(i64::MAX - 1) + 1
            }
            Rule::RoleChange => 1,
        }
    }

    /// Whether the rule groups by client address (with [`ALL_ADDRESSES`] for the rest).
    pub fn by_address(self) -> bool {
        matches!(self, Rule::FailedLogins | Rule::InvalidLinks)
    }

    /// Whether a new alert is also sent as a notification and mail. Role changes are
    /// reported by the users feature itself at the moment they happen (kind
    /// `security.role-grant`); the rule only lists them.
    pub fn notifies(self) -> bool {
        self != Rule::RoleChange
    }

    /// Start of the period the rule reads at `now`: the sliding window, or for the export
    /// volume the start of the day in Europe/Berlin.
    pub fn period_start(self, settings: &Settings, now: DateTime<Utc>) -> DateTime<Utc> {
        match self {
            Rule::ExportVolume => day_start(now),
            _ => now - window(settings),
        }
    }

    /// Whether events from `first_new` on continue an open episode whose latest event was
    /// `last_seen`: no gap of a whole window (the export volume: the same day).
    pub fn continues(
        self,
        settings: &Settings,
        last_seen: DateTime<Utc>,
        first_new: DateTime<Utc>,
    ) -> bool {
        match self {
            Rule::ExportVolume => day_start(last_seen) == day_start(first_new),
            _ => first_new - last_seen <= window(settings),
        }
    }
}

/// The sliding window of the count rules.
pub fn window(settings: &Settings) -> Duration {
    Duration::minutes(settings.misuse.window_minutes.max(1))
}

/// Midnight (Europe/Berlin) of the day `at` falls on, as UTC.
pub fn day_start(at: DateTime<Utc>) -> DateTime<Utc> {
    let local = at
        .with_timezone(&Berlin)
        .date_naive()
        .and_time(NaiveTime::MIN);
    local
        .and_local_timezone(Berlin)
        .earliest()
        .map_or(at, |t| t.with_timezone(&Utc))
}

/// Where an event was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Access-log entry with this id.
    Access(i64),
    /// Audit-log entry with this sequence number.
    Audit(i64),
}

/// One log entry a rule counts.
#[derive(Debug, Clone)]
pub struct Event {
    /// Where it was read.
    pub source: Source,
    /// When.
    pub at: DateTime<Utc>,
    /// Grouping key: `user:<id>`, a client address, or empty (address unknown).
    pub subject: String,
    /// Display name of the subject (users), empty otherwise.
    pub name: String,
    /// The record kind the entry names.
    pub entity: String,
    /// The record id, if any.
    pub entity_id: Option<String>,
    /// 1, or the exported rows.
    pub measure: i64,
    /// The account concerned (failed logins, role changes): its id.
    pub account: Option<String>,
    /// The client address, if recorded.
    pub addr: Option<String>,
    /// The request path (access log) or the action (audit log).
    pub what: String,
    /// Role changes: old and new role code.
    pub change: Option<(String, String)>,
    /// The acting user's name (role changes).
    pub by: String,
}

/// How far an alert has consumed the logs: later entries are new for it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    /// Highest access-log id counted.
    pub access: i64,
    /// Highest audit sequence number counted.
    pub audit: i64,
}

impl Cursor {
    /// Whether `e` was written after this cursor.
    pub fn is_new(&self, e: &Event) -> bool {
        match e.source {
            Source::Access(id) => id > self.access,
            Source::Audit(seq) => seq > self.audit,
        }
    }

    /// Moves the cursor past `e`.
    pub fn advance(&mut self, e: &Event) {
        match e.source {
            Source::Access(id) => self.access = self.access.max(id),
            Source::Audit(seq) => self.audit = self.audit.max(seq),
        }
    }
}

/// One log entry kept as a sample.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sample {
    /// When (RFC 3339).
    pub at: String,
    /// `access` or `audit`.
    pub log: String,
    /// Access-log id or audit sequence number.
    pub log_id: i64,
    /// Record kind.
    pub entity: String,
    /// Record id.
    pub entity_id: String,
    /// Path (access log) or action (audit log).
    pub what: String,
    /// Client address, if recorded.
    pub addr: String,
}

/// A role change kept in the evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleChange {
    /// When (RFC 3339).
    pub at: String,
    /// Old role code.
    pub before: String,
    /// New role code.
    pub after: String,
    /// Who changed it.
    pub by: String,
}

/// A link into the log viewer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogLink {
    /// Text key of the link.
    pub label_key: String,
    /// Local URL.
    pub href: String,
}

/// What an alert keeps (stored as JSON in `misuse_alert.evidence`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Evidence {
    /// How far the episode consumed the logs.
    pub cursor: Cursor,
    /// Display name of the subject (users).
    pub name: String,
    /// `denied-access`: `id-stepping` (many different record ids) or `forbidden` (repeated
    /// denials of the same pages or records).
    pub variant: String,
    /// Log entries counted.
    pub events: i64,
    /// Entries per record kind.
    pub entities: BTreeMap<String, i64>,
    /// Distinct records named (`company 17`), at most [`MAX_DISTINCT`].
    pub ids: Vec<String>,
    /// Accounts concerned (ids), at most [`MAX_DISTINCT`].
    pub accounts: Vec<String>,
    /// Client addresses seen, at most [`MAX_DISTINCT`].
    pub addresses: Vec<String>,
    /// Entries without a recorded address.
    pub unknown_addresses: i64,
    /// The episode's first entries.
    pub samples: Vec<Sample>,
    /// Role changes.
    pub changes: Vec<RoleChange>,
    /// Links into the log viewer.
    pub links: Vec<LogLink>,
}

fn push_distinct(list: &mut Vec<String>, value: String) {
    if list.len() < MAX_DISTINCT && !list.contains(&value) {
        list.push(value);
    }
}

fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl Evidence {
    /// Parses stored evidence (empty evidence if unreadable).
    pub fn parse(json: &str) -> Evidence {
        serde_json::from_str(json).unwrap_or_default()
    }

    /// Adds the entries of `events` (new for this alert).
    pub fn add(&mut self, rule: Rule, events: &[Event]) {
        for e in events {
            self.cursor.advance(e);
            self.events += 1;
            if self.name.is_empty() && !e.name.is_empty() {
                self.name = e.name.clone();
            }
            *self.entities.entry(e.entity.clone()).or_default() += 1;
            if let Some(id) = &e.entity_id
                && rule == Rule::DeniedAccess
            {
                push_distinct(&mut self.ids, format!("{} {id}", e.entity));
            }
            if let Some(account) = &e.account {
                push_distinct(&mut self.accounts, account.clone());
            }
            match &e.addr {
                Some(a) => push_distinct(&mut self.addresses, a.clone()),
                None => self.unknown_addresses += 1,
            }
            if let Some((before, after)) = &e.change {
                self.changes.push(RoleChange {
                    at: rfc3339(e.at),
                    before: before.clone(),
                    after: after.clone(),
                    by: e.by.clone(),
                });
            }
            if self.samples.len() < MAX_SAMPLES {
                let (log, log_id) = match e.source {
                    Source::Access(id) => ("access", id),
                    Source::Audit(seq) => ("audit", seq),
                };
                self.samples.push(Sample {
                    at: rfc3339(e.at),
                    log: log.into(),
                    log_id,
                    entity: e.entity.clone(),
                    entity_id: e.entity_id.clone().unwrap_or_default(),
                    what: e.what.clone(),
                    addr: e.addr.clone().unwrap_or_default(),
                });
            }
        }
        if rule == Rule::DeniedAccess {
            // Id stepping: at least half of the denials named a record of their own.
            let distinct = self.ids.len() as i64;
            self.variant = if distinct >= 3 && distinct * 2 >= self.events {
                "id-stepping".into()
            } else {
                "forbidden".into()
            };
        }
    }
}

/// A stored time as the audit log writes it (text comparison orders like time).
fn audit_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn parse_audit_time(at: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(at)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

fn addr_of(detail: &Value) -> Option<String> {
    detail
        .get("addr")
        .and_then(Value::as_str)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
}

fn from_access(e: access_log::Model, subject: String, addr: Option<String>) -> Event {
    Event {
        source: Source::Access(e.id),
        at: e.at,
        subject,
        name: if e.actor.starts_with("user:") {
            e.actor_name.clone()
        } else {
            String::new()
        },
        entity: e.entity,
        entity_id: e.entity_id,
        measure: 1,
        account: None,
        addr,
        what: e.path,
        change: None,
        by: String::new(),
    }
}

/// Access-log entries of `action` since `since`, newest first, at most [`MAX_EVENTS`].
async fn access_entries<C: ConnectionTrait>(
    db: &C,
    action: &str,
    since: DateTime<Utc>,
    filter: sea_orm::Condition,
) -> Result<Vec<access_log::Model>, AppError> {
    Ok(access_log::Entity::find()
        .filter(access_log::Column::Action.eq(action))
        .filter(access_log::Column::At.gt(since))
        .filter(filter)
        .order_by_desc(access_log::Column::Id)
        .limit(MAX_EVENTS)
        .all(db)
        .await?)
}

/// `user` audit entries of `action` since `since`, newest first, at most [`MAX_EVENTS`].
async fn user_audit_entries<C: ConnectionTrait>(
    db: &C,
    action: &str,
    since: DateTime<Utc>,
    changes_like: Option<&str>,
) -> Result<Vec<audit_log::Model>, AppError> {
    let mut select = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("user"))
        .filter(audit_log::Column::Action.eq(action))
        .filter(audit_log::Column::At.gt(audit_time(since)));
    if let Some(like) = changes_like {
        select = select.filter(audit_log::Column::Changes.like(like));
    }
    Ok(select
        .order_by_desc(audit_log::Column::Seq)
        .limit(MAX_EVENTS)
        .all(db)
        .await?)
}

/// The events a rule reads from `since` on, oldest first.
pub async fn events<C: ConnectionTrait>(
    db: &C,
    rule: Rule,
    since: DateTime<Utc>,
) -> Result<Vec<Event>, AppError> {
    use sea_orm::Condition;
    let mut out = Vec::new();
    match rule {
        Rule::DeniedAccess => {
            let cond = Condition::all().add(access_log::Column::Actor.starts_with("user:"));
            for e in access_entries(db, "denied", since, cond).await? {
                let subject = e.actor.clone();
                out.push(from_access(e, subject, None));
            }
        }
        Rule::InvalidLinks => {
            let cond = Condition::all().add(access_log::Column::Entity.is_in(LINK_ENTITIES));
            for e in access_entries(db, "denied", since, cond).await? {
                let addr = addr_of(&serde_json::from_str(&e.detail).unwrap_or(Value::Null));
                out.push(from_access(e, addr.clone().unwrap_or_default(), addr));
            }
        }
        Rule::ExportVolume => {
            let cond = Condition::all().add(access_log::Column::Actor.starts_with("user:"));
            for e in access_entries(db, "export", since, cond).await? {
                let subject = e.actor.clone();
                let rows = e.result_count.unwrap_or(0).max(0);
                let mut ev = from_access(e, subject, None);
                ev.measure = rows;
                out.push(ev);
            }
        }
        Rule::FailedLogins => {
            let cond = Condition::all().add(access_log::Column::Entity.eq("login"));
            for e in access_entries(db, "denied", since, cond).await? {
                let addr = addr_of(&serde_json::from_str(&e.detail).unwrap_or(Value::Null));
                out.push(from_access(e, addr.clone().unwrap_or_default(), addr));
            }
            for e in user_audit_entries(db, "login-failed", since, None).await? {
                let Some(at) = parse_audit_time(&e.at) else {
                    continue;
                };
                let detail: Value = serde_json::from_str(&e.changes).unwrap_or(Value::Null);
                let addr = addr_of(&detail);
                out.push(Event {
                    source: Source::Audit(e.seq),
                    at,
                    subject: addr.clone().unwrap_or_default(),
                    name: String::new(),
                    entity: e.entity,
                    entity_id: Some(e.entity_id.clone()),
                    measure: 1,
                    account: Some(e.entity_id),
                    addr,
                    what: e.action,
                    change: None,
                    by: String::new(),
                });
            }
        }
        Rule::RoleChange => {
            for e in user_audit_entries(db, "update", since, Some("%\"role\"%")).await? {
                let Some(at) = parse_audit_time(&e.at) else {
                    continue;
                };
                let changes: Value = serde_json::from_str(&e.changes).unwrap_or(Value::Null);
                let Some(pair) = changes.get("role").and_then(Value::as_array) else {
                    continue;
                };
                let role = |i: usize| {
                    pair.get(i)
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string()
                };
                out.push(Event {
                    source: Source::Audit(e.seq),
                    at,
                    subject: format!("user:{}", e.entity_id),
                    name: String::new(),
                    entity: e.entity,
                    entity_id: Some(e.entity_id.clone()),
                    measure: 1,
                    account: Some(e.entity_id),
                    addr: None,
                    what: e.action,
                    change: Some((role(0), role(1))),
                    by: e.actor_name,
                });
            }
        }
    }
    name_accounts(db, &mut out).await?;
    out.sort_by_key(|e| {
        let key = match e.source {
            Source::Access(id) => (0, id),
            Source::Audit(seq) => (1, seq),
        };
        (e.at, key)
    });
    Ok(out)
}

/// Replaces account ids by user names (`#<id>` when the account is gone) and names the
/// subject of role changes, as snapshots for the evidence.
async fn name_accounts<C: ConnectionTrait>(db: &C, events: &mut [Event]) -> Result<(), AppError> {
    use hih_users::entities::user_account;
    let ids: Vec<i64> = events
        .iter()
        .filter_map(|e| e.account.as_deref()?.parse().ok())
        .collect::<std::collections::BTreeSet<i64>>()
        .into_iter()
        .collect();
    if ids.is_empty() {
        return Ok(());
    }
    let mut names = BTreeMap::new();
    for chunk in ids.chunks(500) {
        for u in user_account::Entity::find()
            .filter(user_account::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            names.insert(u.id.to_string(), (u.username.clone(), u.display_name()));
        }
    }
    for e in events.iter_mut() {
        let Some(id) = e.account.clone() else {
            continue;
        };
        match names.get(&id) {
            Some((username, display)) => {
                e.account = Some(username.clone());
                if e.change.is_some() {
                    e.name = display.clone();
                }
            }
            None => e.account = Some(format!("#{id}")),
        }
    }
    Ok(())
}

/// Events grouped by subject (sorted by subject; each group oldest first).
pub fn by_subject(events: Vec<Event>) -> BTreeMap<String, Vec<Event>> {
    let mut groups: BTreeMap<String, Vec<Event>> = BTreeMap::new();
    for e in events {
        groups.entry(e.subject.clone()).or_default().push(e);
    }
    groups
}
