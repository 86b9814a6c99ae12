//! Everything stored about one person, by section (R-RET-2, GDPR Art. 15): the record, its
//! status history, contact-history entries, matches (with the other side's name), district
//! access, self-registration data, notifications naming it, and the audit- and access-log
//! entries about it and its dependent rows. Fields are shown as stored, except internal
//! derived columns (search and sort keys) and secrets (invitation token hashes).

use std::collections::{BTreeMap, BTreeSet};

use hih_applicants::entities::{
    applicant, applicant_access, applicant_status_change, pending_registration,
};
use hih_companies::entities::{company, company_status_change};
use hih_contact_history::entities::contact_entry;
use hih_db::entities::{access_log, audit_log};
use hih_db::fold::like_escape;
use hih_kernel::AppError;
use hih_matching::entities::placement;
use hih_notify::entity as notification;
use hih_users::entities::institution;
use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use serde_json::{Map, Value};

use super::person::{self, Person, Record};

/// Columns that are derived for search and sorting, or secret, and never part of a report.
const HIDDEN: [&str; 4] = ["search_text", "sort_name", "address_key", "token_hash"];

/// Section keys of the rows an erasure removes (the logs stay, see `ops/security.md`).
pub const ERASABLE: [&str; 8] = [
    "record",
    "status_history",
    "contact_entries",
    "matches",
    "access",
    "invitations",
    "registrations",
    "notifications",
];

/// One section: a key (text `reports-subject-section-<key>`) and its rows.
#[derive(Debug, Clone)]
pub struct Section {
    /// Stable key, also the JSON member name.
    pub key: &'static str,
    /// One object per stored row.
    pub rows: Vec<Map<String, Value>>,
}

/// The whole report about one person.
#[derive(Debug, Clone)]
pub struct Report {
    /// Who it is about.
    pub person: Person,
    /// The sections in display order.
    pub sections: Vec<Section>,
}

impl Report {
    /// The section `key`, if the report has it.
    pub fn section(&self, key: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.key == key)
    }

    /// Number of rows of section `key` (0 when absent).
    pub fn count(&self, key: &str) -> usize {
        self.section(key).map_or(0, |s| s.rows.len())
    }
}

/// A stored row as an object without hidden columns.
pub fn row<T: Serialize>(model: &T) -> Map<String, Value> {
    let mut m = match serde_json::to_value(model) {
        Ok(Value::Object(o)) => o,
        _ => Map::new(),
    };
    for h in HIDDEN {
        m.remove(h);
    }
    m
}

fn rows<T: Serialize>(models: &[T]) -> Vec<Map<String, Value>> {
    models.iter().map(row).collect()
}

/// The rows with the name of what each refers to (`field`: the name of `names[id_of(row)]`).
fn named_rows<T: Serialize>(
    models: &[T],
    names: &BTreeMap<i64, String>,
    id_of: impl Fn(&T) -> i64,
    field: &str,
) -> Vec<Map<String, Value>> {
    models
        .iter()
        .map(|m| {
            let mut r = row(m);
            let name = names.get(&id_of(m)).cloned().unwrap_or_default();
            r.insert(field.into(), Value::from(name));
            r
        })
        .collect()
}

/// Entity ids of dependent rows that once pointed at the person (created or changed with
/// `field` = `id`), from the audit log: finds entries of rows deleted since.
async fn ids_from_audit<C: ConnectionTrait>(
    db: &C,
    entities: &[&str],
    field: &str,
    id: i64,
) -> Result<Vec<(String, String)>, AppError> {
    let mut any = Condition::any();
    for pattern in [
        format!("\"{field}\":[null,{id}]"),
        format!("\"{field}\":[{id},null]"),
    ] {
        let like = LikeExpr::new(format!("%{}%", like_escape(&pattern))).escape('\\');
        any = any.add(Expr::col(audit_log::Column::Changes).like(like));
    }
    let found = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.is_in(entities.iter().copied()))
        .filter(any)
        .all(db)
        .await?;
    Ok(found.into_iter().map(|e| (e.entity, e.entity_id)).collect())
}

/// `(entity, ids)` pairs, merged per entity.
#[derive(Default)]
struct Refs(BTreeMap<String, BTreeSet<String>>);

impl Refs {
    fn add(&mut self, entity: &str, ids: impl IntoIterator<Item = String>) {
        self.0.entry(entity.to_string()).or_default().extend(ids);
    }

    fn ids(&self, entity: &str) -> Vec<String> {
        self.0
            .get(entity)
            .map(|s| s.iter().cloned().collect())
            .unwrap_or_default()
    }

    fn condition(
        &self,
        entity: impl ColumnTrait,
        entity_id: impl ColumnTrait,
        extra: Option<Condition>,
    ) -> Condition {
        let mut c = Condition::any();
        if let Some(extra) = extra {
            c = c.add(extra);
        }
        for (e, ids) in &self.0 {
            if !ids.is_empty() {
                c = c.add(
                    Condition::all()
                        .add(entity.eq(e.as_str()))
                        .add(entity_id.is_in(ids.iter().cloned())),
                );
            }
        }
        c
    }
}

/// Adds the person's contact entries (oldest first) as a section and to `refs`, and returns
/// their matches (also added to `refs`); `columns` name the person's id column in both tables.
async fn entries_and_matches<C: ConnectionTrait>(
    db: &C,
    (entry_column, match_column): (contact_entry::Column, placement::Column),
    id: i64,
    refs: &mut Refs,
    sections: &mut Vec<Section>,
) -> Result<Vec<placement::Model>, AppError> {
    let entries = contact_entry::Entity::find()
        .filter(entry_column.eq(id))
        .order_by_asc(contact_entry::Column::ContactDate)
        .order_by_asc(contact_entry::Column::Id)
        .all(db)
        .await?;
    refs.add("contact_entry", entries.iter().map(|e| e.id.to_string()));
    sections.push(Section {
        key: "contact_entries",
        rows: rows(&entries),
    });
    let matches = placement::Entity::find()
        .filter(match_column.eq(id))
        .order_by_asc(placement::Column::Id)
        .all(db)
        .await?;
    refs.add("placement", matches.iter().map(|p| p.id.to_string()));
    Ok(matches)
}

/// Builds the report about `person`.
pub async fn report<C: ConnectionTrait>(db: &C, person: Person) -> Result<Report, AppError> {
    let mut sections = Vec::new();
    let mut refs = Refs::default();
    let id = person.id;
    refs.add(person.kind.entity(), [id.to_string()]);
    let mut extra_audit = None;
    let (record, dependent_field, dependents): (Map<String, Value>, &str, &[&str]) =
        match &person.record {
            Record::Applicant(a) => (
                row(a),
                "applicant_id",
                &[
                    "applicant_status_change",
                    "contact_entry",
                    "placement",
                    "invitation",
                ],
            ),
            Record::Company(c) => (
                row(c),
                "company_id",
                &["company_status", "contact_entry", "placement"],
            ),
        };
    sections.push(Section {
        key: "record",
        rows: vec![record],
    });
    let mut registration_ids = Vec::new();
    match &person.record {
        Record::Applicant(a) => {
            let history = applicant_status_change::Entity::find()
                .filter(applicant_status_change::Column::ApplicantId.eq(id))
                .order_by_asc(applicant_status_change::Column::Id)
                .all(db)
                .await?;
            refs.add(
                "applicant_status_change",
                history.iter().map(|h| h.id.to_string()),
            );
            sections.push(Section {
                key: "status_history",
                rows: rows(&history),
            });
            let column = (
                contact_entry::Column::ApplicantId,
                placement::Column::ApplicantId,
            );
            let matches = entries_and_matches(db, column, id, &mut refs, &mut sections).await?;
            let names: BTreeMap<i64, String> = company::Entity::find()
                .filter(company::Column::Id.is_in(matches.iter().map(|p| p.company_id)))
                .all(db)
                .await?
                .into_iter()
                .map(|c| (c.id, c.name))
                .collect();
            let match_rows = named_rows(&matches, &names, |p| p.company_id, "company_name");
            sections.push(Section {
                key: "matches",
                rows: match_rows,
            });
            let access = applicant_access::Entity::find()
                .filter(applicant_access::Column::ApplicantId.eq(id))
                .order_by_asc(applicant_access::Column::DistrictId)
                .all(db)
                .await?;
            let districts: BTreeMap<i64, String> = institution::Entity::find()
                .filter(institution::Column::Id.is_in(access.iter().map(|x| x.district_id)))
                .all(db)
                .await?
                .into_iter()
                .map(|i| (i.id, i.name))
                .collect();
            let access_rows = named_rows(&access, &districts, |x| x.district_id, "district_name");
            sections.push(Section {
                key: "access",
                rows: access_rows,
            });
            extra_audit = Some(
                Condition::all()
                    .add(audit_log::Column::Entity.eq("applicant_access"))
                    .add(audit_log::Column::EntityId.like(format!("{id}:%"))),
            );
            let invitations = person::invitations_of(db, a).await?;
            refs.add("invitation", invitations.iter().map(|i| i.id.to_string()));
            let registrations = pending_registration::Entity::find()
                .filter(
                    pending_registration::Column::InvitationId
                        .is_in(invitations.iter().map(|i| i.id)),
                )
                .order_by_asc(pending_registration::Column::Id)
                .all(db)
                .await?;
            registration_ids = registrations.iter().map(|p| p.id).collect();
            refs.add(
                "pending_registration",
                registrations.iter().map(|p| p.id.to_string()),
            );
            sections.push(Section {
                key: "invitations",
                rows: rows(&invitations),
            });
            sections.push(Section {
                key: "registrations",
                rows: rows(&registrations),
            });
        }
        Record::Company(_) => {
            let history = company_status_change::Entity::find()
                .filter(company_status_change::Column::CompanyId.eq(id))
                .order_by_asc(company_status_change::Column::Id)
                .all(db)
                .await?;
            refs.add("company_status", history.iter().map(|h| h.id.to_string()));
            sections.push(Section {
                key: "status_history",
                rows: rows(&history),
            });
            let column = (
                contact_entry::Column::CompanyId,
                placement::Column::CompanyId,
            );
            let matches = entries_and_matches(db, column, id, &mut refs, &mut sections).await?;
            let people: BTreeMap<i64, applicant::Model> = applicant::Entity::find()
                .filter(applicant::Column::Id.is_in(matches.iter().map(|p| p.applicant_id)))
                .all(db)
                .await?
                .into_iter()
                .map(|a| (a.id, a))
                .collect();
            let match_rows = matches
                .iter()
                .map(|p| {
                    let mut r = row(p);
                    let (code, name) = people
                        .get(&p.applicant_id)
                        .map(|a| {
                            (
                                a.applicant_id.clone().unwrap_or_default(),
                                format!("{} {}", a.first_names, a.last_name),
                            )
                        })
                        .unwrap_or_default();
                    r.insert("applicant_code".into(), Value::from(code));
                    r.insert("applicant_name".into(), Value::from(name));
                    r
                })
                .collect();
            sections.push(Section {
                key: "matches",
                rows: match_rows,
            });
        }
    }
    let notes = notification::Entity::find()
        .filter(person::notifications_about(
            person.kind,
            id,
            &registration_ids,
        ))
        .order_by_asc(notification::Column::Id)
        .all(db)
        .await?;
    sections.push(Section {
        key: "notifications",
        rows: rows(&notes),
    });
    for (entity, entity_id) in ids_from_audit(db, dependents, dependent_field, id).await? {
        refs.add(&entity, [entity_id]);
    }
    let audit = audit_log::Entity::find()
        .filter(refs.condition(
            audit_log::Column::Entity,
            audit_log::Column::EntityId,
            extra_audit,
        ))
        .order_by_asc(audit_log::Column::Seq)
        .all(db)
        .await?;
    sections.push(Section {
        key: "audit",
        rows: rows(&audit),
    });
    let mut logged = Refs::default();
    for entity in [person.kind.entity(), "contact_entry", "placement"] {
        logged.add(entity, refs.ids(entity));
    }
    logged.add(
        "pending_registration",
        registration_ids.iter().map(i64::to_string),
    );
    let accesses = access_log::Entity::find()
        .filter(logged.condition(
            access_log::Column::Entity,
            access_log::Column::EntityId,
            None,
        ))
        .order_by_asc(access_log::Column::Id)
        .all(db)
        .await?;
    sections.push(Section {
        key: "access_log",
        rows: rows(&accesses),
    });
    Ok(Report { person, sections })
}
