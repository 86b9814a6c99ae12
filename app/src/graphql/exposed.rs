//! What the GraphQL endpoint exposes: each entity's object name, root field, the permission of
//! its root field, its scoping function and whether reads of it go to the access log — one
//! table ([`EXPOSED`]), read by the lifecycle hooks ([`super::hooks`]) and the schema
//! ([`super::schema`]).

use async_graphql::dynamic::FieldValue;
use hih_applicants::entities::applicant;
use hih_companies::entities::{company, monthly_count, monthly_count_line};
use hih_contact_history::entities::contact_entry;
use hih_kernel::{Actor, Permission, Role};
use hih_matching::entities::placement;
use hih_reference::entities::reference_item;
use hih_users::entities::institution;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, Condition};

/// Who may read the selection lists through the root field `referenceItems`: every
/// logged-in role, as the REST API's `/reference-lists`.
pub const READ_REFERENCE: Permission = Permission::new("api.graphql.reference", &Role::ALL);

/// One exposed entity.
pub struct Exposed {
    /// The GraphQL object name (seaography's: the table name in UpperCamelCase).
    pub object: &'static str,
    /// The root query field.
    pub root: &'static str,
    /// Who may use the root field (the permission of the entity's list page). Records reached
    /// through a relation are limited by [`Exposed::scope`] alone, as the pages' tabs are.
    pub permission: Permission,
    /// The access log's entity name for reads (the list page's), `None` for reference data.
    pub logged_as: Option<&'static str>,
    /// The records `actor` may see: the entity's scoping function.
    pub scope: fn(&Actor) -> Condition,
    /// The record id of a resolved object of this entity.
    pub id_of: fn(&FieldValue<'_>) -> Option<i64>,
}

/// A condition no row meets (for a caller without a user, or an unknown entity).
pub fn nothing() -> Condition {
    Condition::all().add(Expr::val(1).eq(0))
}

/// Companies: the companies' scoping function for those who see companies. AHK staff see the
/// companies of the matches they see, and of those only the name ([`company_fields_visible`],
/// enforced by the field guard) — as the match pages show them.
fn companies(actor: &Actor) -> Condition {
    if company_fields_visible(actor) {
        return hih_companies::scope::visible_companies(actor);
    }
    Condition::all().add(
        company::Column::Id.in_subquery(
            Query::select()
                .column(placement::Column::CompanyId)
                .from(placement::Entity)
                .cond_where(hih_matching::scope::visible_placements(actor))
                .to_owned(),
        ),
    )
}

/// Whether `actor` may see more of a company than its name (the matching feature's rule).
pub fn company_fields_visible(actor: &Actor) -> bool {
    hih_matching::scope::company_fields_visible(actor)
}

/// The fields of a company everybody who reaches it may read.
pub const COMPANY_NAME_FIELDS: &[&str] = &["id", "name"];

/// Columns kept for searching and sorting, never part of a record's content.
pub const INTERNAL_FIELDS: &[&str] = &["searchText", "sortName", "addressKey"];

/// The districts whose monthly counts `actor` sees, as a subquery on institutions.
fn visible_district_ids(actor: &Actor) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(institution::Column::Id)
        .from(institution::Entity)
        .cond_where(hih_companies::scope::visible_districts(actor))
        .to_owned()
}

fn monthly_counts(actor: &Actor) -> Condition {
    Condition::all().add(monthly_count::Column::DistrictId.in_subquery(visible_district_ids(actor)))
}

fn monthly_count_lines(actor: &Actor) -> Condition {
    Condition::all().add(
        monthly_count_line::Column::MonthlyCountId.in_subquery(
            Query::select()
                .column(monthly_count::Column::Id)
                .from(monthly_count::Entity)
                .cond_where(monthly_counts(actor))
                .to_owned(),
        ),
    )
}

fn everything(_actor: &Actor) -> Condition {
    Condition::all()
}

/// Every exposed entity. A new entity is added here and in [`super::schema`]'s list.
pub const EXPOSED: &[Exposed] = &[
    Exposed {
        object: "Company",
        root: "companies",
        permission: hih_companies::permissions::COMPANIES,
        logged_as: Some("company"),
        scope: companies,
        id_of: |v| v.downcast_ref::<company::Model>().map(|m| m.id),
    },
    Exposed {
        object: "MonthlyCount",
        root: "monthlyCounts",
        permission: hih_companies::permissions::MONTHLY_COUNTS,
        logged_as: Some("monthly_count"),
        scope: monthly_counts,
        id_of: |v| v.downcast_ref::<monthly_count::Model>().map(|m| m.id),
    },
    Exposed {
        object: "MonthlyCountLine",
        root: "monthlyCountLines",
        permission: hih_companies::permissions::MONTHLY_COUNTS,
        logged_as: None,
        scope: monthly_count_lines,
        id_of: |v| v.downcast_ref::<monthly_count_line::Model>().map(|m| m.id),
    },
    Exposed {
        object: "Applicant",
        root: "applicants",
        permission: hih_applicants::permissions::APPLICANTS_READ,
        logged_as: Some("applicant"),
        scope: hih_applicants::scope::visible_applicants,
        id_of: |v| v.downcast_ref::<applicant::Model>().map(|m| m.id),
    },
    Exposed {
        object: "ContactEntry",
        root: "contacts",
        permission: hih_contact_history::permissions::CONTACTS,
        logged_as: Some("contact_entry"),
        scope: hih_contact_history::scope::visible_entries,
        id_of: |v| v.downcast_ref::<contact_entry::Model>().map(|m| m.id),
    },
    Exposed {
        object: "Placement",
        root: "matches",
        permission: hih_matching::permissions::SEE_MATCHES,
        logged_as: Some("placement"),
        scope: hih_matching::scope::visible_placements,
        id_of: |v| v.downcast_ref::<placement::Model>().map(|m| m.id),
    },
    Exposed {
        object: "ReferenceItem",
        root: "referenceItems",
        permission: READ_REFERENCE,
        logged_as: None,
        scope: everything,
        id_of: |v| v.downcast_ref::<reference_item::Model>().map(|m| m.id),
    },
];

/// The exposed entity of a GraphQL object name.
pub fn by_object(object: &str) -> Option<&'static Exposed> {
    EXPOSED.iter().find(|e| e.object == object)
}
