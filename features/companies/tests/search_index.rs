//! The trigram index behind the free-text search (hih_db::search): it must find exactly what an
//! unindexed scan finds, and follow every insert, edit and delete.

use hih_companies::entities::company;
use hih_companies::service::{self, CompanyForm};
use hih_db::UnitOfWork;
use hih_db::fold::contains_all_words;
use hih_db::search::text_matches;
use hih_kernel::Actor;
use sea_orm::{EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::{app, fixture_subset};

async fn ids(app: &hih_testkit::TestApp, cond: sea_orm::Condition) -> Vec<i64> {
    company::Entity::find()
        .select_only()
        .column(company::Column::Id)
        .filter(cond)
        .order_by_asc(company::Column::Id)
        .into_tuple()
        .all(app.db())
        .await
        .unwrap()
}

async fn indexed(app: &hih_testkit::TestApp, q: &str) -> Vec<i64> {
    let backend = hih_db::backend(app.db());
    ids(
        app,
        text_matches(backend, "company", company::Column::SearchText, q),
    )
    .await
}

async fn scanned(app: &hih_testkit::TestApp, q: &str) -> Vec<i64> {
    ids(app, contains_all_words(company::Column::SearchText, q)).await
}

/// Postcodes starting with `prefixes`, then `count` demo companies (random `seed`) there.
async fn with_companies(app: &hih_testkit::TestApp, prefixes: &[&str], count: u64, seed: u64) {
    hih_reference::postcodes::import(
        app.services(),
        &Actor::system("test"),
        &fixture_subset(prefixes),
        false,
        |_, _| {},
    )
    .await
    .unwrap();
    hih_companies::demo::generate(app.services(), count, seed, |_, _| {})
        .await
        .unwrap();
}

/// Renames `model` through the service in its own unit of work.
async fn rename(app: &hih_testkit::TestApp, model: &company::Model, name: &str) -> company::Model {
    let mut form = CompanyForm::from_model(model);
    form.name = name.into();
    let valid = service::validate(app.services(), &form, None, Some(model))
        .await
        .map_err(|e| e.0)
        .unwrap();
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    let updated = service::update(&mut uow, model, valid).await.unwrap();
    uow.commit().await.unwrap();
    updated
}

#[tokio::test]
async fn indexed_search_equals_a_full_scan_and_follows_writes() {
    let app = app().await;
    with_companies(&app, &["0", "2", "4", "7", "9"], 600, 11).await;
    for q in [
        "müller",
        "MULLER gmbh",
        "strasse",
        "straße 1",
        "erfurt",
        "a",
        "ab",
        "lübeck bau",
        "\"quoted\" OR",
        "100%",
        "x_y",
        "gmbh & co",
        "zzzznotthere",
    ] {
        let scan = scanned(&app, q).await;
        assert_eq!(indexed(&app, q).await, scan, "query {q:?}");
    }
    assert!(!scanned(&app, "gmbh").await.is_empty(), "the data has hits");

    // An edit moves the company in the index; a delete takes it out.
    let first = company::Entity::find()
        .order_by_asc(company::Column::Id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    let updated = rename(&app, &first, "Quäkerwerk Übermorgen").await;
    assert_eq!(indexed(&app, "quakerwerk ubermorgen").await, vec![first.id]);
    index_matches_table(&app).await;

    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    uow.delete::<company::ActiveModel>(updated).await.unwrap();
    uow.commit().await.unwrap();
    assert!(indexed(&app, "quakerwerk").await.is_empty());
    index_matches_table(&app).await;
}

/// On SQLite, FTS5's own integrity check compares the index with the table it indexes (fails
/// if a trigger missed an insert, edit or delete). PostgreSQL's GIN index is maintained by the
/// database itself.
async fn index_matches_table(app: &hih_testkit::TestApp) {
    use sea_orm::ConnectionTrait;
    if hih_db::backend(app.db()) == hih_db::Backend::Sqlite {
        app.db()
            .execute_unprepared(
                "INSERT INTO company_fts(company_fts, rank) VALUES ('integrity-check', 1)",
            )
            .await
            .expect("the trigram index matches the company table");
    }
}

/// German users type umlauts three ways: "mueller", "muller" and "Müller" all find "Müller"
/// and "Mueller"; texts stored before the search knew this are rebuilt by a migration.
#[tokio::test]
async fn umlauts_are_found_typed_either_way_and_the_migration_rebuilds_old_texts() {
    use sea_orm::ConnectionTrait;
    let app = app().await;
    with_companies(&app, &["9"], 2, 5).await;
    let all: Vec<company::Model> = company::Entity::find()
        .order_by_asc(company::Column::Id)
        .all(app.db())
        .await
        .unwrap();
    rename(&app, &all[0], "Müller Weiß Straßenbau").await;
    rename(&app, &all[1], "Mueller Weiss Strassenbau").await;
    let both = vec![all[0].id, all[1].id];
    for q in [
        "mueller",
        "muller",
        "Müller",
        "MUELLER weiß",
        "weiss",
        "strasse",
        "straße",
        "strassenbau mueller",
    ] {
        assert_eq!(indexed(&app, q).await, both, "query {q:?}");
        assert_eq!(scanned(&app, q).await, both, "query {q:?}");
    }
    // A fragment of the spelled-out form still finds it.
    assert_eq!(indexed(&app, "eller").await, vec![all[1].id]);
    index_matches_table(&app).await;

    // A text as stored before: only "mueller …"; the migration adds the folded form.
    app.db()
        .execute_unprepared(&format!(
            "UPDATE company SET search_text = 'mueller altbau' WHERE id = {}",
            all[1].id
        ))
        .await
        .unwrap();
    assert!(indexed(&app, "müller altbau").await.is_empty());
    app.db()
        .execute_unprepared(
            "DELETE FROM seaql_migrations WHERE version = 'm20261204_000140_platform_search_umlauts'",
        )
        .await
        .unwrap();
    hih_migrations::apply(app.db()).await.unwrap();
    assert_eq!(indexed(&app, "müller altbau").await, vec![all[1].id]);
    assert_eq!(indexed(&app, "muller altbau").await, vec![all[1].id]);
    index_matches_table(&app).await;
}
