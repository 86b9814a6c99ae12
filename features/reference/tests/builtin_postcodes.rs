//! The German postcode table built into the binary: a fresh database gets it once, through the
//! import's audited write path; an import replaces it, and it never comes back over an import.

use hih_db::entities::audit_log;
use hih_kernel::Actor;
use hih_reference::postcodes::{self, builtin};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{app, fixture, fixture_subset};

async fn postcode_events(app: &hih_testkit::TestApp) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("postcode"))
        .order_by_asc(audit_log::Column::Seq)
        .all(app.db())
        .await
        .unwrap()
}

#[test]
fn the_built_in_table_is_the_full_fixture_and_passes_the_import_checks() {
    assert_eq!(builtin::TABLE, fixture().as_slice());
    let (rows, report) = postcodes::parse(builtin::TABLE);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(rows.len(), 13108);
}

#[tokio::test]
async fn a_fresh_database_gets_the_built_in_table_once_and_an_import_replaces_it() {
    let app = app().await;
    let s = app.services();
    assert_eq!(postcodes::count(s).await.unwrap(), 0, "a fresh database");

    let report = builtin::load_if_empty(s).await.unwrap().expect("loaded");
    assert_eq!(report.imported, 13108);
    assert_eq!(postcodes::count(s).await.unwrap(), 13108);
    // Addresses are now checked against the table: companies can be created at once.
    let checked = postcodes::check_address(s, "06567", "Bad Frankenhausen", None)
        .await
        .unwrap();
    assert_eq!(checked.kreis.as_deref(), Some("Kyffhäuserkreis"));
    assert!(
        postcodes::check_address(s, "00000", "Nirgendwo", None)
            .await
            .is_err(),
        "an unknown postcode is refused, no longer only five digits"
    );
    // Audited like `hih import-plz`: one import event with the counts, by the loader.
    let events = postcode_events(&app).await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].action, "import");
    assert_eq!(events[0].actor, Actor::system(builtin::ACTOR).audit_label());
    assert!(
        events[0].changes.contains("\"imported\":13108"),
        "{}",
        events[0].changes
    );
    assert!(events[0].changes.contains("\"replaced\":0"));

    // A second start finds postcodes and writes nothing.
    assert_eq!(builtin::load_if_empty(s).await.unwrap(), None);
    assert_eq!(postcode_events(&app).await.len(), 1);

    // `import-plz` replaces the built-in table with the file's rows ...
    let small = fixture_subset(&["99"]);
    let imported = postcodes::import(s, &Actor::system("import-plz"), &small, false, |_, _| {})
        .await
        .unwrap();
    assert!(imported.imported > 10 && imported.imported < 1000);
    assert_eq!(postcodes::count(s).await.unwrap(), imported.imported);
    let events = postcode_events(&app).await;
    assert_eq!(events.len(), 2);
    assert!(events[1].changes.contains("\"replaced\":13108"));
    // ... and the next start keeps the imported table.
    assert_eq!(builtin::load_if_empty(s).await.unwrap(), None);
    assert_eq!(postcodes::count(s).await.unwrap(), imported.imported);
    assert!(
        postcodes::check_address(s, "06567", "Bad Frankenhausen", None)
            .await
            .is_err(),
        "only the imported rows count"
    );
}

#[tokio::test]
async fn two_instances_starting_together_load_the_table_once() {
    let app = app().await;
    let s = app.services();
    let (a, b) = tokio::join!(builtin::load_if_empty(s), builtin::load_if_empty(s));
    let loaded = [a.unwrap(), b.unwrap()]
        .iter()
        .filter(|r| r.is_some())
        .count();
    assert_eq!(loaded, 1, "one loader wins, the other finds the rows");
    assert_eq!(postcodes::count(s).await.unwrap(), 13108);
    assert_eq!(postcode_events(&app).await.len(), 1);
}
