//! Backups and restore (R-OPS-3).

pub mod entity;
pub mod record;

use hih_kernel::Registry;

/// Path of the backup list.
pub const PATH: &str = "/system/backups";

/// Registers this part's routes, templates, texts and jobs.
pub fn register(r: &mut Registry) {
    r.audit_entity("backup_run");
}
