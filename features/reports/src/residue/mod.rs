//! The anonymous counters (R-RET-3): before a company or applicant is deleted physically, the
//! [`hih_kernel::DeletionFold`]s here add its contribution — and that of its matches, which the
//! database deletes with it — to the counter tables. Only the dimensions the statistics use are
//! kept; rows with the same dimensions are merged (`n = n + k`). Everything runs in the
//! deleting transaction. A match removed on purpose is not folded: it was undone.

mod applicant;
mod company;
mod merge;
mod placement;

pub use applicant::ApplicantFold;
pub use company::CompanyFold;

/// Registers the folds for companies and applicants with the unit of work's deletion hook.
pub fn register(r: &mut hih_kernel::Registry) {
    r.deletion_fold(std::sync::Arc::new(CompanyFold));
    r.deletion_fold(std::sync::Arc::new(ApplicantFold));
}
