//! Permissions of the contact history.

use hih_kernel::{Permission, Role};

/// Read and write contact-history entries (R-CH): everybody who works with companies or
/// applicants. Which entries is decided by [`crate::scope::visible_entries`]; changing and
/// deleting one additionally needs authorship or the admin role ([`crate::scope::may_change`]).
pub const CONTACTS: Permission = Permission::new(
    "contacts.edit",
    &[Role::Admin, Role::IhkStaff, Role::AhkStaff],
);
