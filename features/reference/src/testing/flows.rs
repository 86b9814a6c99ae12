//! Fixtures of the shared flow tests (`hih_testkit::flows`) for the list-entry and district
//! forms. Reference data has no scope narrower than the admin permission, so these flows have
//! no foreign record.

use hih_db::UnitOfWork;
use hih_kernel::{Actor, Role};
use hih_testkit::TestApp;
use hih_testkit::flows::{CaseFuture, FlowCase, FlowFixture};
use hih_users::entities::institution;
use hih_users::testing::agent_for;
use sea_orm::{NotSet, Set};

use crate::lists::{self, ItemForm};

/// This feature's flow fixtures.
pub fn fixtures() -> Vec<FlowFixture> {
    vec![
        FlowFixture {
            name: "reference-item-new",
            case: new_item,
        },
        FlowFixture {
            name: "reference-item-edit",
            case: edit_item,
        },
        FlowFixture {
            name: "district",
            case: edit_district,
        },
    ]
}

fn item_pairs(code: &str, label_de: &str) -> Vec<(String, String)> {
    [
        ("code", code),
        ("label_de", label_de),
        ("label_en", "Hydraulic engineering"),
        ("sort", "500"),
        ("active", "on"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// An admin adds an industry.
fn new_item(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let (agent, _) = agent_for(app, Role::Admin, "flow-item-new").await;
        FlowCase {
            agent,
            path: "/referenzdaten/listen/industry/neu".into(),
            valid: item_pairs("flussbau", "Flussbau"),
            marker: "Flussbau".into(),
            invalid: item_pairs("Groß Buchstaben", "Flussbau"),
            foreign: None,
        }
    })
}

/// An admin renames an industry.
fn edit_item(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let (agent, _) = agent_for(app, Role::Admin, "flow-item-edit").await;
        let actor = Actor::system("test");
        let mut uow = UnitOfWork::begin(app.services(), &actor)
            .await
            .expect("uow");
        let form = ItemForm {
            code: "schleusenbau".into(),
            label_de: "Schleusenbau".into(),
            label_en: "Lock building".into(),
            sort: "600".into(),
            active: Some("on".into()),
        };
        let item = lists::save_item(&mut uow, "industry", &form, None)
            .await
            .expect("item");
        uow.commit().await.expect("commit");
        FlowCase {
            agent,
            path: format!("/referenzdaten/listen/industry/{}", item.id),
            valid: item_pairs("schleusenbau", "Wehrbau und Schleusen"),
            marker: "Wehrbau".into(),
            invalid: item_pairs("schleusenbau", ""),
            foreign: None,
        }
    })
}

/// An admin sets the district of a new IHK.
fn edit_district(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let (agent, _) = agent_for(app, Role::Admin, "flow-district").await;
        let actor = Actor::system("test");
        let mut uow = UnitOfWork::begin(app.services(), &actor)
            .await
            .expect("uow");
        let ihk = uow
            .insert(institution::ActiveModel {
                id: NotSet,
                name: Set("IHK Flusstal".into()),
                sort_name: Set("ihk flusstal".into()),
                kind: Set("ihk".into()),
                country_code: Set(None),
                active: Set(true),
            })
            .await
            .expect("insert IHK");
        uow.commit().await.expect("commit");
        let areas = |text: &str| vec![("areas".to_string(), text.to_string())];
        FlowCase {
            agent,
            path: format!("/referenzdaten/bezirke/{}", ihk.id),
            valid: areas("Landkreis Wasserau\nMühlstadt"),
            marker: "Wasserau".into(),
            invalid: areas("Kreis Mettmann"),
            foreign: None,
        }
    })
}
