//! Fixture of the shared flow tests (`hih_testkit::flows`) for the text editor. Every text is
//! every editor's, so the flow has no foreign record.

use hih_kernel::Role;
use hih_testkit::TestApp;
use hih_testkit::flows::{CaseFuture, FlowCase, FlowFixture};
use hih_users::testing::agent_for;

/// This feature's flow fixtures.
pub fn fixtures() -> Vec<FlowFixture> {
    vec![FlowFixture {
        name: "text",
        case: edit_text,
    }]
}

/// An admin changes the intro of the text list.
fn edit_text(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let (agent, _) = agent_for(app, Role::Admin, "flow-text").await;
        let value = |text: &str| vec![("value".to_string(), text.to_string())];
        FlowCase {
            agent,
            path: "/admin/texte/de/admin-texts-intro".into(),
            valid: value("Alle Texte am Flussufer."),
            marker: "Flussufer".into(),
            invalid: value("Kaputt { $x"),
            foreign: None,
        }
    })
}
