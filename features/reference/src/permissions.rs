//! Permissions of the reference data feature.

use hih_kernel::{Permission, Role};

/// Maintain reference data: postcodes, IHK districts, selection lists (R-REF). The key keeps
/// the name it had while the data lived in the companies feature: it is stable, and refused
/// requests record it in the access log.
pub const MANAGE_REFERENCE: Permission = Permission::new("companies.reference", &[Role::Admin]);
