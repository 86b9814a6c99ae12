//! Fixtures of the shared flow tests (`hih_testkit::flows`) for the company form.

use hih_kernel::Role;
use hih_testkit::TestApp;
use hih_testkit::flows::{CaseFuture, FlowCase, FlowFixture};
use hih_users::testing::agent_for;

use super::{company_in, company_pairs};

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
