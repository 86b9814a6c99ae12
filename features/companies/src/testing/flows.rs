//! Fixtures of the shared flow tests (`hih_testkit::flows`) for the company form.

use hih_kernel::Role;
use hih_testkit::TestApp;
use hih_testkit::flows::{CaseFuture, FlowCase, FlowFixture};
use hih_users::testing::agent_for;

use super::{company_in, company_pairs, district_id};
use crate::monthly::Period;

/// This feature's flow fixtures.
pub fn fixtures() -> Vec<FlowFixture> {
    vec![
        FlowFixture {
            name: "company-new",
            case: new_company,
        },
        FlowFixture {
            name: "company-edit",
            case: edit_company,
        },
        FlowFixture {
            name: "monthly-counts",
            case: monthly_counts,
        },
    ]
}

/// IHK staff of Erfurt create a company in their district.
fn new_company(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let (agent, _) = agent_for(app, Role::IhkStaff, "flow-company-new").await;
        FlowCase {
            agent,
            path: "/unternehmen/neu".into(),
            valid: company_pairs("Flussmarke GmbH", "99084", "Erfurt"),
            marker: "Flussmarke".into(),
            invalid: company_pairs("", "99084", "Erfurt"),
            foreign: None,
        }
    })
}

/// IHK staff of Erfurt edit a company of their district; one of Düsseldorf is outside.
fn edit_company(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let own = company_in(app, "IHK Erfurt", "Eigenbau").await;
        let foreign = company_in(app, "IHK Düsseldorf", "Rheinwerk").await;
        let (agent, _) = agent_for(app, Role::IhkStaff, "flow-company-edit").await;
        FlowCase {
            agent,
            path: format!("/unternehmen/{own}/bearbeiten"),
            valid: company_pairs("Umbenannt Wasserturm", "99084", "Erfurt"),
            marker: "Wasserturm".into(),
            invalid: company_pairs("Umbenannt", "99084", ""),
            foreign: Some(format!("/unternehmen/{foreign}/bearbeiten")),
        }
    })
}

/// Telephone figures of a month's form.
fn figures(addressed: &str, kmu: &str) -> Vec<(String, String)> {
    vec![
        ("addressed_telefon".into(), addressed.into()),
        ("kmu_telefon".into(), kmu.into()),
    ]
}

/// IHK staff of Erfurt enter last month's counts of their district; Düsseldorf's are outside.
fn monthly_counts(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let period = Period::current(app.services()).prev().key();
        let erfurt = district_id(app, "IHK Erfurt").await;
        let duesseldorf = district_id(app, "IHK Düsseldorf").await;
        let (agent, _) = agent_for(app, Role::IhkStaff, "flow-monthly").await;
        FlowCase {
            agent,
            path: format!("/monatszahlen/{erfurt}/{period}/bearbeiten"),
            valid: figures("97531", "8642"),
            marker: "97531".into(),
            invalid: figures("3", "5"),
            foreign: Some(format!("/monatszahlen/{duesseldorf}/{period}/bearbeiten")),
        }
    })
}
