//! Permissions of the applicants feature.

use hih_kernel::{Permission, Role};

/// Work with applicants (R-APP-3): admins everywhere, AHK staff in their country (the scoping
/// function [`crate::scope::visible_applicants`] decides which records).
///
/// IHK staff are not listed yet: they see applicants only after a match with a company of
/// their district, and then may change only the process fields (entry, work start,
/// integration, R-MAT-3). The matching slice adds that as its own permission and fills
/// `applicant_access`; the scoping function already answers for them.
pub const APPLICANTS: Permission = Permission {
    key: "applicants.edit",
    roles: &[Role::Admin, Role::AhkStaff],
};

/// Delete an applicant physically at once, e.g. on a data subject's request (R-APP-3, R-RET-2).
pub const DELETE_APPLICANTS: Permission = Permission {
    key: "applicants.delete",
    roles: &[Role::Admin],
};

/// Invite people to register themselves and review their registrations (R-REG-1/3): admins
/// everywhere, AHK staff for their country (scoping in [`crate::registration::scope`]).
pub const REGISTRATIONS: Permission = Permission {
    key: "applicants.registrations",
    roles: &[Role::Admin, Role::AhkStaff],
};
