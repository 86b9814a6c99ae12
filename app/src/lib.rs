//! `hih_app`: the product's features in start order: the one list the binary (`main.rs`) and
//! every test setup use. A feature crate's integration tests take it as a dev-dependency and
//! pick the features they need with [`hih_kernel::FeatureSet::only`].

use hih_kernel::{FeatureSet, FeatureSetError};

/// The features of this product, in start order (navigation is sorted by each entry's order).
/// A new feature is added here, and nowhere else.
pub fn features() -> Result<FeatureSet, FeatureSetError> {
    FeatureSet::new(vec![
        &hih_home::HomeFeature,
        &hih_users::UsersFeature,
        &hih_reference::ReferenceFeature,
        &hih_companies::CompaniesFeature,
        &hih_applicants::ApplicantsFeature,
        &hih_contact_history::ContactHistoryFeature,
        &hih_matching::MatchingFeature,
        &hih_reports::ReportsFeature,
        &hih_protocol::ProtocolFeature,
        &hih_admin::AdminFeature,
        &hih_operations::OperationsFeature,
    ])
}
