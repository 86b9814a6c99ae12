//! Fixtures of the shared flow tests (`hih_testkit::flows`) for entering and changing a match.

use hih_applicants::entities::applicant;
use hih_kernel::Role;
use hih_testkit::flows::{CaseFuture, FlowCase, FlowFixture};
use hih_testkit::{Agent, TestApp};
use hih_users::testing::agent_for;
use sea_orm::{EntityTrait, QueryOrder};

use super::{applicant_in, company_in};
use crate::entities::placement;

/// This feature's flow fixtures.
pub fn fixtures() -> Vec<FlowFixture> {
    vec![
        FlowFixture {
            name: "match-new",
            case: new_match,
        },
        FlowFixture {
            name: "match-edit",
            case: edit_match,
        },
    ]
}

/// The Bewerberkennung of a new applicant of `country`.
async fn code_of_new(app: &TestApp, country: &str, last: &str) -> String {
    let id = applicant_in(app, country, last).await;
    applicant::Entity::find_by_id(id)
        .one(app.db())
        .await
        .expect("query applicant")
        .and_then(|a| a.applicant_id)
        .expect("applicant with an ID")
}

/// A complete match form for the applicant `code` with `remarks`.
fn fields(code: &str, remarks: &str) -> Vec<(String, String)> {
    [
        ("applicant_code", code),
        ("placed_on", "2025-06-02"),
        ("status", "vermittelt"),
        ("remarks", remarks),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// Enters a match on `company` as `agent` through review and save; returns its id.
async fn entered(app: &TestApp, agent: &Agent, company: i64, code: &str) -> i64 {
    let path = format!("/unternehmen/{company}/vermittlungen/neu");
    let all = fields(code, "Erste Vermittlung");
    let mut pairs: Vec<(&str, &str)> = all.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    agent.get(&path).await;
    pairs.push(("action", "review"));
    agent.post(&path, &pairs).await;
    pairs.pop();
    pairs.push(("action", "save"));
    agent.post(&path, &pairs).await;
    placement::Entity::find()
        .order_by_desc(placement::Column::Id)
        .one(app.db())
        .await
        .expect("query matches")
        .expect("a match")
        .id
}

/// IHK staff of Erfurt match a Vietnamese applicant with a company of their district; a
/// company of Düsseldorf is outside.
fn new_match(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let own = company_in(app, "IHK Erfurt", "Passform").await;
        let foreign = company_in(app, "IHK Düsseldorf", "Rheinform").await;
        let code = code_of_new(app, "VN", "Lưu").await;
        let (agent, _) = agent_for(app, Role::IhkStaff, "flow-match-new").await;
        FlowCase {
            agent,
            path: format!("/unternehmen/{own}/vermittlungen/neu"),
            valid: fields(&code, "Probearbeit Flusshafen"),
            marker: "Flusshafen".into(),
            invalid: fields("", "Probearbeit"),
            foreign: Some(format!("/unternehmen/{foreign}/vermittlungen/neu")),
        }
    })
}

/// IHK staff of Erfurt change a match of their district; a match of a Düsseldorf company is
/// outside.
fn edit_match(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let foreign_company = company_in(app, "IHK Düsseldorf", "Rheinwechsel").await;
        let foreign_code = code_of_new(app, "VN", "Hồ").await;
        let (admin, _) = agent_for(app, Role::Admin, "flow-match-admin").await;
        let foreign = entered(app, &admin, foreign_company, &foreign_code).await;
        let own_company = company_in(app, "IHK Erfurt", "Wechselform").await;
        let code = code_of_new(app, "VN", "Mai").await;
        let (agent, _) = agent_for(app, Role::IhkStaff, "flow-match-edit").await;
        let own = entered(app, &agent, own_company, &code).await;
        let mut invalid = fields("", "Geändert");
        invalid.retain(|(k, _)| k != "placed_on");
        invalid.push(("placed_on".into(), "kein Datum".into()));
        FlowCase {
            agent,
            path: format!("/unternehmen/{own_company}/vermittlungen/{own}/bearbeiten"),
            valid: fields("", "Vertrag Flussmündung"),
            marker: "Flussmündung".into(),
            invalid,
            foreign: Some(format!(
                "/unternehmen/{foreign_company}/vermittlungen/{foreign}/bearbeiten"
            )),
        }
    })
}
