//! Pages of the counselling channel: the staff side under `/beratung` ([`staff`]) and the
//! guest side under `/beratung/gast/<token>` ([`guest`]), and the applicant's tab
//! `/bewerber/<id>/beratung` ([`applicant_tab`]).

pub mod applicant_tab;
pub mod guest;
pub mod staff;
pub mod start;

use hih_web::flow::select_options;

/// The topic choices in the form macros' `(code, text key)` shape.
pub(crate) fn topic_options() -> Vec<(String, String)> {
    crate::service::TOPICS
        .iter()
        .map(|t| (t.to_string(), format!("counselling-topic-{t}")))
        .collect()
}

/// Reference-list choices (`(code, "", label)`).
pub(crate) fn labelled(options: &[(String, String)]) -> Vec<(String, String, String)> {
    select_options(options)
}
