//! Jobs of the companies feature: the daily retention purge (R-COM-3, R-RET-1).

use hih_db::retention::{PurgeJob, register_purge};
use hih_kernel::Registry;

use crate::entities::company;

/// Name of the retention job.
pub const RETENTION_JOB: &str = "companies.retention";

/// Registers the retention job, daily at 02:30 UTC: physically deletes companies deactivated
/// longer ago than the retention period (setting, default 90 days); audited with counts only.
/// Idempotent: a second run finds nothing.
pub fn register(r: &mut Registry) {
    let job = PurgeJob::<company::Entity> {
        audit_entity: "company",
        id: company::Column::Id,
        active: company::Column::Active,
        deactivated_at: company::Column::DeactivatedAt,
    };
    register_purge(
        r,
        RETENTION_JOB,
        "job-companies-retention",
        "0 30 2 * * *",
        job,
    );
}
