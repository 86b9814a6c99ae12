//! The one scoping place of the statistics (R-STA-5): which figures an actor sees, and the
//! condition for every counted entity — live rows and the anonymous counters alike.
//! Statistics count records regardless of `active`: a deactivated record counts until it is
//! purged, then through the counters, so figures do not jump.

use hih_kernel::{Actor, Role};

use crate::statistics::query::{Dim, Subject};
use crate::statistics::sql::Sql;

/// Whose figures an actor sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatScope {
    /// The whole programme (admin).
    All,
    /// One IHK district (ihk_staff).
    District(i64),
    /// One country of registration (ahk_staff).
    Country(String),
    /// Nothing (everybody else, or staff without district/country).
    Nothing,
}

/// The statistics scope of `actor`: admins all; IHK staff their district; AHK staff
/// their country; everybody else nothing.
pub fn stat_scope(actor: &Actor) -> StatScope {
    let Some(user) = actor.as_user() else {
        return StatScope::Nothing;
    };
    match user.role {
        Role::Admin => StatScope::All,
        Role::IhkStaff => user
            .district_id
            .map_or(StatScope::Nothing, StatScope::District),
        Role::AhkStaff => user
            .country
            .clone()
            .map_or(StatScope::Nothing, StatScope::Country),
        Role::SuperAdmin | Role::Dpo => StatScope::Nothing,
    }
}

/// The company attributes (IHK district, industry, size class) the actor may not group or
/// filter a subject by: AHK staff know a company matched with one of their applicants by its
/// name only (R-MAT-2), so matches of their country are never broken down by company
/// attributes — with a month filter that would attribute single companies.
pub fn hidden_dims(scope: &StatScope, subject: Subject) -> &'static [Dim] {
    match (scope, subject) {
        (StatScope::Country(_), Subject::Placements) => {
            &[Dim::District, Dim::Industry, Dim::SizeClass, Dim::Kmu]
        }
        _ => &[],
    }
}

/// Live or folded rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The business tables (aliases `c` company, `a` applicant, `p` placement).
    Live,
    /// The anonymous counter tables (unaliased columns).
    Residue,
}

/// Appends ` AND <condition>` limiting companies to the scope: by IHK district; AHK staff
/// count no companies.
pub fn companies(sql: &mut Sql, scope: &StatScope, source: Source) {
    let col = match source {
        Source::Live => "c.district_id",
        Source::Residue => "district_id",
    };
    match scope {
        StatScope::All => {}
        StatScope::District(d) => {
            sql.push(&format!(" AND {col} = ")).bind(*d);
        }
        StatScope::Country(_) | StatScope::Nothing => {
            sql.push(" AND 1 = 0");
        }
    }
}

/// The counter table of applicants for a scope: IHK staff read the per-district counters
/// (an applicant counts for every district it was open to).
pub fn applicant_residue_table(scope: &StatScope) -> &'static str {
    match scope {
        StatScope::District(_) => "stat_applicant_district_residue",
        _ => "stat_applicant_residue",
    }
}

/// Appends ` AND <condition>` limiting applicants to the scope: AHK staff by country, IHK
/// staff those opened to their district (`applicant_access`, by matches).
pub fn applicants(sql: &mut Sql, scope: &StatScope, source: Source) {
    match (scope, source) {
        (StatScope::All, _) => {}
        (StatScope::Country(c), Source::Live) => {
            sql.push(" AND a.country = ").bind(c.clone());
        }
        (StatScope::Country(c), Source::Residue) => {
            sql.push(" AND country = ").bind(c.clone());
        }
        (StatScope::District(d), Source::Live) => {
            sql.push(" AND a.id IN (SELECT x.applicant_id FROM applicant_access x WHERE x.district_id = ")
                .bind(*d)
                .push(")");
        }
        (StatScope::District(d), Source::Residue) => {
            sql.push(" AND district_id = ").bind(*d);
        }
        (StatScope::Nothing, _) => {
            sql.push(" AND 1 = 0");
        }
    }
}

/// Appends ` AND <condition>` limiting matches to the scope: IHK staff by the company's
/// district, AHK staff by the applicant's country.
pub fn placements(sql: &mut Sql, scope: &StatScope, source: Source) {
    let (district, country) = match source {
        Source::Live => ("c.district_id", "a.country"),
        Source::Residue => ("district_id", "country"),
    };
    match scope {
        StatScope::All => {}
        StatScope::District(d) => {
            sql.push(&format!(" AND {district} = ")).bind(*d);
        }
        StatScope::Country(c) => {
            sql.push(&format!(" AND {country} = ")).bind(c.clone());
        }
        StatScope::Nothing => {
            sql.push(" AND 1 = 0");
        }
    }
}

/// Appends ` AND <condition>` limiting the 1A monthly counts (alias `m`) to the scope: by
/// IHK district; AHK staff see none.
pub fn monthly_counts(sql: &mut Sql, scope: &StatScope) {
    match scope {
        StatScope::All => {}
        StatScope::District(d) => {
            sql.push(" AND m.district_id = ").bind(*d);
        }
        StatScope::Country(_) | StatScope::Nothing => {
            sql.push(" AND 1 = 0");
        }
    }
}
