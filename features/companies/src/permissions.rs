//! Permissions of the companies feature.

use hih_kernel::{Permission, Role};

/// Maintain reference data: postcodes, IHK districts (R-REF).
pub const MANAGE_REFERENCE: Permission = Permission {
    key: "companies.reference",
    roles: &[Role::Admin],
};
