//! Fixtures of the shared flow tests (`hih_testkit::flows`) for the applicant form and the
//! process fields.

use hih_kernel::Role;
use hih_testkit::TestApp;
use hih_testkit::flows::{CaseFuture, FlowCase, FlowFixture};
use hih_users::testing::agent_for;

use super::{applicant_in, applicant_pairs, submitted_registration};

/// This feature's flow fixtures.
pub fn fixtures() -> Vec<FlowFixture> {
    vec![
        FlowFixture {
            name: "applicant-new",
            case: new_applicant,
        },
        FlowFixture {
            name: "applicant-edit",
            case: edit_applicant,
        },
        FlowFixture {
            name: "applicant-process",
            case: process_fields,
        },
        FlowFixture {
            name: "invitation-new",
            case: new_invitation,
        },
        FlowFixture {
            name: "registration-correct",
            case: correct_registration,
        },
    ]
}

fn with(mut pairs: Vec<(String, String)>, name: &str, value: &str) -> Vec<(String, String)> {
    pairs.retain(|(k, _)| k != name);
    pairs.push((name.into(), value.into()));
    pairs
}

/// AHK staff of Vietnam register a Vietnamese applicant.
fn new_applicant(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let (agent, _) = agent_for(app, Role::AhkStaff, "flow-applicant-new").await;
        FlowCase {
            agent,
            path: "/bewerber/neu".into(),
            valid: applicant_pairs("Lan", "Flussname", "VN"),
            marker: "Flussname".into(),
            invalid: applicant_pairs("Lan", "", "VN"),
            foreign: None,
        }
    })
}

/// AHK staff of Vietnam edit a Vietnamese applicant; an Indian one is outside.
fn edit_applicant(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let own = applicant_in(app, "VN", "Trần").await;
        let foreign = applicant_in(app, "IN", "Reddy").await;
        let (agent, _) = agent_for(app, Role::AhkStaff, "flow-applicant-edit").await;
        FlowCase {
            agent,
            path: format!("/bewerber/{}/bearbeiten", own.id),
            valid: applicant_pairs("Lan", "Wasserturmname", "VN"),
            marker: "Wasserturmname".into(),
            invalid: with(
                applicant_pairs("Lan", "Trần", "VN"),
                "birth_date",
                "kein Datum",
            ),
            foreign: Some(format!("/bewerber/{}/bearbeiten", foreign.id)),
        }
    })
}

/// AHK staff of Vietnam record the process fields of a Vietnamese applicant; an Indian one is
/// outside.
fn process_fields(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let own = applicant_in(app, "VN", "Phạm").await;
        let foreign = applicant_in(app, "IN", "Sharma").await;
        let (agent, _) = agent_for(app, Role::AhkStaff, "flow-applicant-process").await;
        let pairs = |measures: &str, entry: &str| -> Vec<(String, String)> {
            [
                ("entry_date", entry),
                ("integration_measures", measures),
                ("employed_6m", "ja"),
            ]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
        };
        FlowCase {
            agent,
            path: format!("/bewerber/{}/prozess", own.id),
            valid: pairs("Patenschaft Flussbegleitung", "2026-09-01"),
            marker: "Flussbegleitung".into(),
            invalid: pairs("Patenschaft", "kein Datum"),
            foreign: Some(format!("/bewerber/{}/prozess", foreign.id)),
        }
    })
}

/// Pairs from literal fields.
fn owned(fields: &[(&str, &str)]) -> Vec<(String, String)> {
    fields
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// AHK staff of Vietnam invite a person (the country is their own).
fn new_invitation(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let (agent, _) = agent_for(app, Role::AhkStaff, "flow-invitation").await;
        FlowCase {
            agent,
            path: "/bewerber/einladungen/neu".into(),
            valid: owned(&[("name", "Lan Flussgast"), ("locale", "de")]),
            marker: "Flussgast".into(),
            // A mail asked for without an address.
            invalid: owned(&[("name", "Lan"), ("locale", "de"), ("send_mail", "on")]),
            foreign: None,
        }
    })
}

/// AHK staff of Vietnam correct a Vietnamese self-registration; an Indian one is outside.
fn correct_registration(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let own = submitted_registration(app, "VN", "Phạm").await;
        let foreign = submitted_registration(app, "IN", "Rao").await;
        let (agent, _) = agent_for(app, Role::AhkStaff, "flow-registration").await;
        let person = |residence: &str, birth: &str| {
            owned(&[
                ("salutation", "frau"),
                ("first_names", "Thị"),
                ("last_name", "Phạm"),
                ("birth_date", birth),
                ("residence", residence),
                ("german_level", "B1"),
            ])
        };
        FlowCase {
            agent,
            path: format!("/bewerber/registrierungen/{own}"),
            valid: person("Flussdorf", "1996-02-03"),
            marker: "Flussdorf".into(),
            invalid: person("Flussdorf", "kein Datum"),
            foreign: Some(format!("/bewerber/registrierungen/{foreign}")),
        }
    })
}
