//! Health facts of the job system for the status page and metrics (R-OPS-1): worker
//! heartbeats, queue depth, failed runs.
