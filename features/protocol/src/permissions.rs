//! Permissions of the protocol feature: the data-protection officer's and the project team's
//! read-only view of what happened (R-ACT: the dpo reads logs, retention status and alerts).

use hih_kernel::{Permission, Role};

/// Read the audit log, the access log and the error view (R-AUD-1..3).
pub const READ_LOGS: Permission = Permission::new("protocol.logs", &[Role::Admin, Role::Dpo]);

/// See misuse alerts and acknowledge them (R-SEC-1).
pub const ALERTS: Permission = Permission::new("protocol.alerts", &[Role::Admin, Role::Dpo]);

/// See the retention status: what is deleted when (R-RET-1, R-GEN-3).
pub const RETENTION_STATUS: Permission =
    Permission::new("protocol.retention", &[Role::Admin, Role::Dpo]);

/// All permissions of this feature.
pub const ALL: [Permission; 3] = [READ_LOGS, ALERTS, RETENTION_STATUS];
