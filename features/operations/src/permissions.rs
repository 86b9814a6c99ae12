//! Permissions of the operations feature: the operator (super_admin) and the project team
//! (admin) watch the system; no business data is shown on these pages (R-ACT).

use hih_kernel::{Permission, Role};

/// See the status page (R-OPS-1).
pub const STATUS: Permission =
    Permission::new("operations.status", &[Role::SuperAdmin, Role::Admin]);

/// See the job dashboard, retry and cancel jobs (R-OPS-2).
pub const JOBS: Permission = Permission::new("operations.jobs", &[Role::SuperAdmin, Role::Admin]);

/// See the backup list and request a backup (R-OPS-3).
pub const BACKUPS: Permission =
    Permission::new("operations.backups", &[Role::SuperAdmin, Role::Admin]);

/// All permissions of this feature.
pub const ALL: [Permission; 3] = [STATUS, JOBS, BACKUPS];
