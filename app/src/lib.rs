//! `hih_app`: the product's features in start order: the one list the binary (`main.rs`) and
//! every test setup use. A feature crate's integration tests take it as a dev-dependency and
//! pick the features they need with [`hih_kernel::FeatureSet::only`]. Next to it, the REST
//! API: every feature's `Api` type in one tuple ([`ApiV1`]), mounted by the last entry of the
//! list ([`RestApi`]); after it the read-only GraphQL endpoint ([`graphql::GraphQlApi`]).

pub mod graphql;

use hih_kernel::{Feature, FeatureSet, FeatureSetError, Registry};

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
        &hih_counselling::CounsellingFeature,
        &hih_reports::ReportsFeature,
        &hih_protocol::ProtocolFeature,
        &hih_admin::AdminFeature,
        &hih_operations::OperationsFeature,
        &RestApi,
        &graphql::GraphQlApi,
    ])
}

/// The REST API `/api/v1` (R-API-1): each feature's operations, assembled once here (poem-
/// openapi's `OpenApi` types are static, so the tuple is built in the leaf crate). A feature
/// that brings an API adds its type to this tuple and to [`api_v1`].
pub type ApiV1 = (
    hih_reference::api::ReferenceApi,
    hih_companies::api::CompaniesApi,
    hih_companies::api::MonthlyCountsApi,
    hih_applicants::api::ApplicantsApi,
    hih_applicants::api::RegistrationsApi,
    hih_contact_history::api::ContactsApi,
    hih_matching::api::MatchesApi,
    hih_counselling::api::CounsellingApi,
    hih_reports::api::StatisticsApi,
);

/// The API's value.
pub fn api_v1() -> ApiV1 {
    (
        hih_reference::api::ReferenceApi,
        hih_companies::api::CompaniesApi,
        hih_companies::api::MonthlyCountsApi,
        hih_applicants::api::ApplicantsApi,
        hih_applicants::api::RegistrationsApi,
        hih_contact_history::api::ContactsApi,
        hih_matching::api::MatchesApi,
        hih_counselling::api::CounsellingApi,
        hih_reports::api::StatisticsApi,
    )
}

/// Mounts [`ApiV1`] under `/api/v1` with its OpenAPI document and Swagger UI
/// (`hih_web::api::mount`). Listed last: the API uses every feature, no feature uses it.
pub struct RestApi;

impl Feature for RestApi {
    fn name(&self) -> &'static str {
        "api"
    }

    fn register(&self, r: &mut Registry) {
        hih_web::api::mount(r, api_v1());
    }
}
