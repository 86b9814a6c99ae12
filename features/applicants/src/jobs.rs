//! Jobs of the applicants feature: the daily retention purge (R-APP-3 as R-COM-3, R-RET-1).

use hih_db::retention::{PurgeJob, register_purge};
use hih_kernel::Registry;

use crate::entities::applicant;

/// Name of the retention job.
pub const RETENTION_JOB: &str = "applicants.retention";

/// Registers the retention job, daily at 02:40 UTC: physically deletes applicants (their status history with them) deactivated
/// longer ago than the retention period (setting, default 90 days); audited with counts only.
/// Idempotent: a second run finds nothing.
pub fn register(r: &mut Registry) {
    let job = PurgeJob::<applicant::Entity> {
        audit_entity: "applicant",
        id: applicant::Column::Id,
        active: applicant::Column::Active,
        deactivated_at: applicant::Column::DeactivatedAt,
    };
    register_purge(
        r,
        RETENTION_JOB,
        "job-applicants-retention",
        "0 40 2 * * *",
        job,
    );
}
