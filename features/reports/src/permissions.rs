//! Permissions of the reports feature. Which figures and records a permitted user sees is
//! decided by the scoping functions (statistics: [`crate::scope`]).

use hih_kernel::{Permission, Role};

/// The statistics page, charts and cross-tabulation (R-STA-1..3): everybody who works with the
/// programme's data, each within their scope (R-STA-5). Not the data-protection officer:
/// R-ACT gives the dpo logs, retention status and data-subject reports, and least privilege
/// keeps programme figures (anonymous as they are) out of that role.
pub const STATISTICS: Permission = Permission::new(
    "reports.statistics",
    &[Role::Admin, Role::IhkStaff, Role::AhkStaff],
);

/// The monthly and annual reports (R-STA-4): list, download, request for any period. They hold
/// the programme-wide figures, so only the project team (not the dpo, see [`STATISTICS`]).
pub const REPORTS: Permission = Permission::new("reports.reports", &[Role::Admin]);

/// Partner export profiles and their files (R-EXP-3): the project team.
pub const PARTNER_EXPORTS: Permission = Permission::new("reports.partner-exports", &[Role::Admin]);

/// Data-subject reports (R-RET-2, GDPR Art. 15/20): admins and the dpo.
pub const DATA_SUBJECT: Permission =
    Permission::new("reports.data-subject", &[Role::Admin, Role::Dpo]);

/// Immediate physical erasure of a person (R-RET-2, GDPR Art. 17): admins only.
pub const ERASE: Permission = Permission::new("reports.erase", &[Role::Admin]);
