//! Permissions of the users feature.

use hih_kernel::{Permission, Role};

/// Manage accounts: create, edit, activate, deactivate, delete, reset (R-USR-1/2).
pub const MANAGE_USERS: Permission =
    Permission::new("users.manage", &[Role::Admin, Role::SuperAdmin]);

/// The anonymised overview of all users (super_admin, R-ACT).
pub const USER_OVERVIEW: Permission =
    Permission::new("users.overview", &[Role::SuperAdmin, Role::Admin]);

/// The e-mail distribution list of active users (R-USR-7).
pub const DISTRIBUTION_LIST: Permission =
    Permission::new("users.distribution-list", &[Role::Admin, Role::SuperAdmin]);

/// Edit institutions (reference data, R-ACT-1).
pub const MANAGE_INSTITUTIONS: Permission = Permission::new("users.institutions", &[Role::Admin]);

/// All permissions of this feature.
pub const ALL: [Permission; 4] = [
    MANAGE_USERS,
    USER_OVERVIEW,
    DISTRIBUTION_LIST,
    MANAGE_INSTITUTIONS,
];
