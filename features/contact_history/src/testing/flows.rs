//! Fixtures of the shared flow tests (`hih_testkit::flows`) for new and changed contact
//! entries.

use hih_applicants::testing::applicant_in;
use hih_companies::testing::company_in;
use hih_kernel::Role;
use hih_testkit::TestApp;
use hih_testkit::flows::{CaseFuture, FlowCase, FlowFixture};
use hih_users::testing::agent_for;
use sea_orm::{EntityTrait, QueryOrder};

use crate::entities::contact_entry;

/// This feature's flow fixtures.
pub fn fixtures() -> Vec<FlowFixture> {
    vec![
        FlowFixture {
            name: "contact-new-company",
            case: on_company,
        },
        FlowFixture {
            name: "contact-new-applicant",
            case: on_applicant,
        },
        FlowFixture {
            name: "contact-edit",
            case: edit_entry,
        },
    ]
}

/// A complete entry with `remarks`; an empty topic makes it incomplete.
fn entry(remarks: &str, topic: &str) -> Vec<(String, String)> {
    [
        ("contact_date", "2025-03-14"),
        ("contact_type", "telefon"),
        ("topic", topic),
        ("remarks", remarks),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// IHK staff of Erfurt write on a company of their district; one of Düsseldorf is outside.
fn on_company(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let own = company_in(app, "IHK Erfurt", "Kontaktfluss").await;
        let foreign = company_in(app, "IHK Düsseldorf", "Rheinkontakt").await;
        let (agent, _) = agent_for(app, Role::IhkStaff, "flow-contact-company").await;
        FlowCase {
            agent,
            path: format!("/unternehmen/{own}/kontakte/neu"),
            valid: entry("Telefonat Flussufer", "erstkontakt"),
            marker: "Flussufer".into(),
            invalid: entry("Telefonat", ""),
            foreign: Some(format!("/unternehmen/{foreign}/kontakte/neu")),
        }
    })
}

/// AHK staff of Vietnam write on a Vietnamese applicant; an Indian one is outside.
fn on_applicant(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let own = applicant_in(app, "VN", "Đặng").await.id;
        let foreign = applicant_in(app, "IN", "Iyer").await.id;
        let (agent, _) = agent_for(app, Role::AhkStaff, "flow-contact-applicant").await;
        FlowCase {
            agent,
            path: format!("/bewerber/{own}/kontakte/neu"),
            valid: entry("Beratung Flusslauf", "erstkontakt"),
            marker: "Flusslauf".into(),
            invalid: entry("Beratung", ""),
            foreign: Some(format!("/bewerber/{foreign}/kontakte/neu")),
        }
    })
}

/// The id of the newest entry.
async fn newest(app: &TestApp) -> i64 {
    contact_entry::Entity::find()
        .order_by_desc(contact_entry::Column::Id)
        .one(app.db())
        .await
        .expect("query entries")
        .expect("an entry")
        .id
}

/// Writes an entry on `path` (a new-entry form) as `agent`, through review and save.
async fn written(app: &TestApp, agent: &hih_testkit::Agent, path: &str, remarks: &str) -> i64 {
    let fields = entry(remarks, "erstkontakt");
    let mut pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    agent.get(path).await;
    pairs.push(("action", "review"));
    agent.post(path, &pairs).await;
    pairs.pop();
    pairs.push(("action", "save"));
    agent.post(path, &pairs).await;
    newest(app).await
}

/// IHK staff of Erfurt change their own entry; an entry on a company of Düsseldorf is outside.
fn edit_entry(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let foreign_company = company_in(app, "IHK Düsseldorf", "Rheinnotiz").await;
        let (admin, _) = agent_for(app, Role::Admin, "flow-contact-admin").await;
        let foreign = written(
            app,
            &admin,
            &format!("/unternehmen/{foreign_company}/kontakte/neu"),
            "Notiz am Rhein",
        )
        .await;
        let own_company = company_in(app, "IHK Erfurt", "Notizfluss").await;
        let (agent, _) = agent_for(app, Role::IhkStaff, "flow-contact-edit").await;
        let own = written(
            app,
            &agent,
            &format!("/unternehmen/{own_company}/kontakte/neu"),
            "Erste Notiz",
        )
        .await;
        FlowCase {
            agent,
            path: format!("/kontakte/{own}/bearbeiten"),
            valid: entry("Geänderte Notiz Flussbett", "erstkontakt"),
            marker: "Flussbett".into(),
            invalid: entry("Geänderte Notiz", ""),
            foreign: Some(format!("/kontakte/{foreign}/bearbeiten")),
        }
    })
}
