//! Permissions of the companies feature.

use hih_kernel::{Permission, Role};

/// Work with companies (R-COM-2): admins everywhere, IHK staff in their district (the scoping
/// function decides which records).
pub const COMPANIES: Permission = Permission::new("companies.edit", &[Role::Admin, Role::IhkStaff]);

/// Delete a company physically at once, e.g. on a data subject's request (R-COM-3).
pub const DELETE_COMPANIES: Permission = Permission::new("companies.delete", &[Role::Admin]);

/// Enter and edit monthly counts, category 1A (R-COM-4): admins for every district, IHK staff
/// for their own (the scoping function decides which districts).
pub const MONTHLY_COUNTS: Permission =
    Permission::new("companies.monthly", &[Role::Admin, Role::IhkStaff]);

/// Close and reopen a month of monthly counts (R-COM-4).
pub const CLOSE_MONTHS: Permission = Permission::new("companies.monthly.close", &[Role::Admin]);
