//! Test support of the staff exchange: topics and materials to route to, the matrix rows of
//! its routes (admins, IHK and AHK staff; never the DPO or super admins) and the fixture of
//! its form flow.

use hih_db::UnitOfWork;
use hih_kernel::{Actor, Role};
use hih_testkit::TestApp;
use hih_testkit::flows::{CaseFuture, FlowCase, FlowFixture};
use hih_testkit::matrix::{Expect::*, Row, flow, row, staff};
use hih_users::testing::agent_for;

use crate::forum::service::{self, Upload};

/// Opens a topic with one post (written by a job actor); returns its id.
pub async fn topic(app: &TestApp, title: &str, body: &str) -> i64 {
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .expect("uow");
    let t = service::open_topic(&mut uow, title, body)
        .await
        .expect("topic");
    uow.commit().await.expect("commit");
    t.id
}

/// A minimal PDF (what the library's type sniffing accepts) holding `text`.
pub fn pdf(text: &str) -> Vec<u8> {
    format!("%PDF-1.7\n1 0 obj << /Title ({text}) >> endobj\n%%EOF\n").into_bytes()
}

/// Adds a material (a small PDF) to the library; returns its id.
pub async fn material(app: &TestApp, title: &str, description: &str) -> i64 {
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .expect("uow");
    let m = service::add_material(
        &mut uow,
        Upload {
            title: title.into(),
            description: description.into(),
            file_name: format!("{title}.pdf"),
            bytes: pdf(title),
            too_large: false,
        },
    )
    .await
    .expect("material");
    uow.commit().await.expect("commit");
    m.id
}

/// The exchange's rows.
pub async fn rows(app: &TestApp) -> Vec<Row> {
    let t = topic(app, "Matrix-Thema", "Erster Beitrag").await;
    let m = material(app, "Matrix-Material", "").await;
    hih_testkit::rows![
        row(
            "/beratung/austausch",
            "/beratung/austausch",
            Login,
            staff(Ok)
        ),
        row(
            "/beratung/austausch?q=matrix&sort=title&dir=asc&per=40&page=2",
            "/beratung/austausch",
            Login,
            staff(Ok)
        ),
        flow(
            "/beratung/austausch/neu",
            "/beratung/austausch/neu",
            Login,
            staff(Ok)
        ),
        row(
            &format!("/beratung/austausch/{t}"),
            "/beratung/austausch/:id",
            Login,
            staff(Ok)
        ),
        row(
            "/beratung/austausch/999999",
            "/beratung/austausch/:id",
            Login,
            staff(NotFound)
        ),
        // Writing is POST only.
        row(
            &format!("/beratung/austausch/{t}/beitrag"),
            "/beratung/austausch/:id/beitrag",
            Login,
            staff(NotFound)
        ),
        row(
            "/beratung/austausch/material?q=matrix",
            "/beratung/austausch/material",
            Login,
            staff(Ok)
        ),
        row(
            "/beratung/austausch/material/neu",
            "/beratung/austausch/material/neu",
            Login,
            staff(Ok)
        ),
        row(
            &format!("/beratung/austausch/material/{m}/datei"),
            "/beratung/austausch/material/:id/datei",
            Login,
            staff(Ok)
        ),
        row(
            "/beratung/austausch/material/999999/datei",
            "/beratung/austausch/material/:id/datei",
            Login,
            staff(NotFound)
        ),
    ]
}

/// The flow fixtures of the exchange.
pub fn fixtures() -> Vec<FlowFixture> {
    vec![FlowFixture {
        name: "forum-topic-new",
        case: new_topic,
    }]
}

fn pairs(title: &str, body: &str) -> Vec<(String, String)> {
    vec![
        ("title".to_string(), title.to_string()),
        ("body".to_string(), body.to_string()),
    ]
}

/// An IHK staff member opens a topic.
fn new_topic(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let (agent, _) = agent_for(app, Role::IhkStaff, "flow-forum-topic").await;
        FlowCase {
            agent,
            path: "/beratung/austausch/neu".into(),
            valid: pairs("Sprachkurse Ablauf", "Wie läuft die Anmeldung?"),
            marker: "Sprachkurse Ablauf".into(),
            invalid: pairs("", ""),
            foreign: None,
        }
    })
}
