//! Permissions of the applicants feature.

use hih_kernel::{Permission, Role};

/// Work with applicants (R-APP-3): admins everywhere, AHK staff in their country (the scoping
/// function [`crate::scope::visible_applicants`] decides which records).
///
/// IHK staff are not listed: they read applicants ([`APPLICANTS_READ`]) and change only the
/// process fields, and only after a match opened the record to their district.
pub const APPLICANTS: Permission =
    Permission::new("applicants.edit", &[Role::Admin, Role::AhkStaff]);

/// Delete an applicant physically at once, e.g. on a data subject's request (R-APP-3, R-RET-2).
pub const DELETE_APPLICANTS: Permission = Permission::new("applicants.delete", &[Role::Admin]);

/// Read applicants (list, detail, export, search) and change their process fields (entry,
/// work start, integration, employment after 6/12 months): admins, AHK staff and IHK staff
/// (R-APP-3, R-MAT-3). Which records is decided by [`crate::scope::visible_applicants`]: IHK
/// staff see only the applicants a match opened to their district.
pub const APPLICANTS_READ: Permission = Permission::new(
    "applicants.read",
    &[Role::Admin, Role::AhkStaff, Role::IhkStaff],
);

/// Invite people to register themselves and review their registrations (R-REG-1/3): admins
/// everywhere, AHK staff for their country (scoping in [`crate::registration::scope`]).
pub const REGISTRATIONS: Permission =
    Permission::new("applicants.registrations", &[Role::Admin, Role::AhkStaff]);
