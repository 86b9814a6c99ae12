//! Permissions of the matching feature.

use hih_kernel::{Permission, Role};

/// Enter and remove matches on a company (R-MAT-1): admins, IHK staff of the company's
/// district (the companies' scoping function decides which companies).
pub const MATCH: Permission = Permission::new("matching.edit", &[Role::Admin, Role::IhkStaff]);

/// See matches (the list `/vermittlungen`, the tab on an applicant): admins, IHK staff (their
/// district's companies), AHK staff (their country's applicants, with the company's name only;
/// R-MAT-2). [`crate::scope::visible_placements`] decides which.
pub const SEE_MATCHES: Permission = Permission::new(
    "matching.read",
    &[Role::Admin, Role::IhkStaff, Role::AhkStaff],
);
