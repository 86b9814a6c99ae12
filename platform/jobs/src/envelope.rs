use serde::{Deserialize, Serialize};

/// The single queue (`job_type` column) every envelope goes to.
pub const QUEUE: &str = "hih-jobs";

/// The only payload type stored in apalis' tables: renaming a Rust type never orphans jobs.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct JobEnvelope {
    /// Registered job name, e.g. `mail.deliver`.
    pub job: String,
    /// Handler input.
    pub payload: serde_json::Value,
}
