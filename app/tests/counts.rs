//! Kept counts (issue 16): after every kind of write — create, edit, status change, move to
//! another district or country, deactivate, reactivate, match, delete, erasure, retention
//! purge, programme-end deletion, bulk import, a match opening an applicant to a district,
//! its access put to sleep and woken, the match removed — the unfiltered lists' kept totals
//! (companies, applicants — per country and per IHK district they are opened to —, the admin's
//! contact history)
//! (`kept_count`) equal the count of their scope's query for every role that has one, and the
//! list pages show that total.

use hih_applicants::entities::applicant;
use hih_companies::entities::company;
use hih_kernel::{Actor, Role, UserActor};
use hih_testkit::TestApp;
use hih_users::entities::institution;
use sea_orm::{
    ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use crate::all_features;

const COUNTRIES: [&str; 3] = ["IN", "VN", "BR"];

fn user(role: Role, district: Option<i64>, country: Option<&str>) -> Actor {
    Actor::user(UserActor {
        id: 0,
        username: "counts".into(),
        display_name: "Counts".into(),
        role,
        institution_id: district,
        district_id: district,
        country: country.map(str::to_string),
    })
}

/// For the admin, every IHK district and every country: the kept count equals the active
/// records the scoping function shows. Returns (companies, applicants) the admin sees.
async fn check(app: &TestApp, step: &str) -> (u64, u64) {
    let db = app.db();
    let admin = user(Role::Admin, None, None);
    let companies = company::Entity::find()
        .filter(hih_companies::scope::visible_companies(&admin))
        .filter(company::Column::Active.eq(true))
        .count(db)
        .await
        .unwrap();
    let applicants = applicant::Entity::find()
        .filter(hih_applicants::scope::visible_applicants(&admin))
        .filter(applicant::Column::Active.eq(true))
        .count(db)
        .await
        .unwrap();
    assert_eq!(
        hih_companies::scope::kept_count(db, &admin).await.unwrap(),
        Some(companies),
        "{step}: companies, admin"
    );
    assert_eq!(
        hih_applicants::scope::kept_count(db, &admin).await.unwrap(),
        Some(applicants),
        "{step}: applicants, admin"
    );
    let districts = institution::Entity::find()
        .filter(institution::Column::Kind.eq("ihk"))
        .order_by_asc(institution::Column::Id)
        .all(db)
        .await
        .unwrap();
    for d in districts {
        let ihk = user(Role::IhkStaff, Some(d.id), None);
        let defined = company::Entity::find()
            .filter(hih_companies::scope::visible_companies(&ihk))
            .count(db)
            .await
            .unwrap();
        assert_eq!(
            hih_companies::scope::kept_count(db, &ihk).await.unwrap(),
            Some(defined),
            "{step}: companies of {}",
            d.name
        );
        let opened = applicant::Entity::find()
            .filter(hih_applicants::scope::visible_applicants(&ihk))
            .count(db)
            .await
            .unwrap();
        assert_eq!(
            hih_applicants::scope::kept_count(db, &ihk).await.unwrap(),
            Some(opened),
            "{step}: applicants opened to {}",
            d.name
        );
    }
    for c in COUNTRIES {
        let ahk = user(Role::AhkStaff, None, Some(c));
        let defined = applicant::Entity::find()
            .filter(hih_applicants::scope::visible_applicants(&ahk))
            .count(db)
            .await
            .unwrap();
        assert_eq!(
            hih_applicants::scope::kept_count(db, &ahk).await.unwrap(),
            Some(defined),
            "{step}: applicants of {c}"
        );
    }
    let entries = hih_contact_history::entities::contact_entry::Entity::find()
        .count(db)
        .await
        .unwrap();
    assert_eq!(
        hih_contact_history::scope::scope_count(db, &admin)
            .await
            .unwrap(),
        Some(entries),
        "{step}: contact entries, admin"
    );
    (companies, applicants)
}

/// A contact entry on a company and/or an applicant.
async fn entry(app: &TestApp, company: Option<i64>, applicant: Option<i64>) {
    let v = hih_contact_history::service::ValidEntry {
        contact_date: chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        contact_type: "telefon".into(),
        topic: "erstkontakt".into(),
        remarks: "Gespräch".into(),
        applicant_id: None,
    };
    app.as_system(async |u| {
        hih_contact_history::service::create(u, company, applicant, v)
            .await
            .unwrap();
    })
    .await;
}

/// Deactivates (`false`) or reactivates (`true`) a company through the service the pages use.
async fn set_company_active(app: &TestApp, id: i64, active: bool) {
    let c = app.record::<company::Entity>(id).await;
    app.as_system(async |u| {
        if active {
            hih_companies::service::reactivate(u, &c).await.unwrap();
        } else {
            hih_companies::service::deactivate(u, &c).await.unwrap();
        }
    })
    .await;
}

/// Deactivates (`false`) or reactivates (`true`) an applicant through the service the pages use.
async fn set_applicant_active(app: &TestApp, id: i64, active: bool) {
    let a = app.record::<applicant::Entity>(id).await;
    app.as_system(async |u| {
        if active {
            hih_applicants::service::reactivate(u, &a).await.unwrap();
        } else {
            hih_applicants::service::deactivate(u, &a).await.unwrap();
        }
    })
    .await;
}

/// Deletes the records of `E` matching `condition` the way the retention purge and the
/// programme end do (folded into the audit log first).
async fn delete_where<E: sea_orm::EntityTrait>(
    app: &TestApp,
    table: &str,
    id: E::Column,
    condition: sea_orm::Condition,
) {
    app.as_system(async |u| {
        hih_db::retention::fold_and_delete::<E>(u, table, id, condition)
            .await
            .unwrap();
    })
    .await;
}

#[tokio::test]
async fn kept_counts_equal_the_scopes_after_every_kind_of_write() {
    use hih_companies::testing::{company_in, district_id};
    let app = TestApp::new(&all_features()).await;
    assert_eq!(check(&app, "empty").await, (0, 0));

    // Create.
    let erfurt = company_in(&app, "IHK Erfurt", "Erfurt GmbH").await;
    let second = company_in(&app, "IHK Erfurt", "Zweite GmbH").await;
    let other = company_in(&app, "IHK Düsseldorf", "Rhein GmbH").await;
    let nguyen = hih_applicants::testing::applicant_in(&app, "VN", "Nguyễn")
        .await
        .id;
    let silva = hih_applicants::testing::applicant_in(&app, "BR", "Silva")
        .await
        .id;
    let kumar = hih_applicants::testing::applicant_in(&app, "IN", "Kumar")
        .await
        .id;
    assert_eq!(check(&app, "created").await, (3, 3));
    entry(&app, Some(erfurt), None).await;
    entry(&app, Some(other), Some(silva)).await;
    entry(&app, Some(second), None).await;
    entry(&app, None, Some(kumar)).await;
    check(&app, "contact entries created").await;

    // Edit and status change (no counted column), then a move to another district/country.
    let c = app.record::<company::Entity>(erfurt).await;
    let mut am = c.clone().into_active_model();
    am.name = Set("Erfurt Neu GmbH".into());
    am.status = Set("teilnehmend".into());
    app.as_system(async |u| {
        u.update(&c, am).await.unwrap();
    })
    .await;
    check(&app, "company edited").await;
    let duesseldorf = district_id(&app, "IHK Düsseldorf").await;
    let c = app.record::<company::Entity>(second).await;
    let mut am = c.clone().into_active_model();
    am.district_id = Set(Some(duesseldorf));
    app.as_system(async |u| {
        u.update(&c, am).await.unwrap();
    })
    .await;
    check(&app, "company moved").await;
    let a = app.record::<applicant::Entity>(nguyen).await;
    let mut am = a.clone().into_active_model();
    am.status = Set("bewerber".into());
    app.as_system(async |u| {
        u.update(&a, am).await.unwrap();
    })
    .await;
    check(&app, "applicant status changed").await;
    let a = app.record::<applicant::Entity>(silva).await;
    let mut am = a.clone().into_active_model();
    am.country = Set("IN".into());
    app.as_system(async |u| {
        u.update(&a, am).await.unwrap();
    })
    .await;
    check(&app, "applicant moved to another country").await;

    // Deactivate and reactivate (the services the pages use).
    set_company_active(&app, other, false).await;
    set_applicant_active(&app, kumar, false).await;
    assert_eq!(check(&app, "deactivated").await, (2, 2));
    set_company_active(&app, other, true).await;
    assert_eq!(check(&app, "company reactivated").await, (3, 2));

    // A match (opens the applicant to the district; counts per district/country unchanged).
    hih_matching::testing::match_of(&app, erfurt, nguyen).await;
    check(&app, "matched").await;
    let opened_to_erfurt = async || {
        let erfurt_district = district_id(&app, "IHK Erfurt").await;
        let ihk = user(Role::IhkStaff, Some(erfurt_district), None);
        hih_applicants::scope::kept_count(app.db(), &ihk)
            .await
            .unwrap()
    };
    assert_eq!(opened_to_erfurt().await, Some(1), "the match opens Nguyễn");
    // A second district through a second match; then the access sleeps while its company is
    // deactivated, and wakes with it.
    let luebeck = company_in(&app, "IHK zu Lübeck", "Lübeck GmbH").await;
    let luebeck_match = hih_matching::testing::match_of(&app, luebeck, nguyen).await;
    check(&app, "matched in a second district").await;
    set_company_active(&app, erfurt, false).await;
    check(&app, "access dormant").await;
    assert_eq!(opened_to_erfurt().await, Some(0), "a dormant access hides");
    set_company_active(&app, erfurt, true).await;
    check(&app, "access woken").await;
    // The opened applicant deactivated and reactivated.
    set_applicant_active(&app, nguyen, false).await;
    check(&app, "opened applicant deactivated").await;
    assert_eq!(opened_to_erfurt().await, Some(0));
    set_applicant_active(&app, nguyen, true).await;
    check(&app, "opened applicant reactivated").await;
    assert_eq!(opened_to_erfurt().await, Some(1));
    // The second match removed (its district's access closes), then its company deleted.
    let p = app
        .record::<hih_matching::entities::placement::Entity>(luebeck_match)
        .await;
    let c = app.record::<company::Entity>(luebeck).await;
    app.as_system(async |u| {
        hih_matching::service::remove(u, &c, p).await.unwrap();
    })
    .await;
    check(&app, "match removed").await;
    delete_where::<company::Entity>(
        &app,
        "company",
        company::Column::Id,
        sea_orm::Condition::all().add(company::Column::Id.eq(luebeck)),
    )
    .await;
    check(&app, "second district's company deleted").await;

    // The retention purge's deletion of deactivated records (folded first).
    delete_where::<applicant::Entity>(
        &app,
        "applicant",
        applicant::Column::Id,
        sea_orm::Condition::all().add(applicant::Column::Active.eq(false)),
    )
    .await;
    assert_eq!(check(&app, "retention purge").await, (3, 2));

    // Erasure of a data subject (Art. 17), an active company and an active applicant.
    use hih_reports::subject::{erase, person};
    for (kind, id) in [
        (person::Kind::Company, other),
        (person::Kind::Applicant, silva),
    ] {
        let p = person::load(app.db(), kind, id).await.unwrap().unwrap();
        app.as_system(async |u| {
            erase::erase(u, p, "Antrag").await.unwrap();
        })
        .await;
    }
    assert_eq!(check(&app, "erased").await, (2, 1));

    // A plain delete of an active record (the programme end deletes everything this way).
    delete_where::<company::Entity>(
        &app,
        "company",
        company::Column::Id,
        sea_orm::Condition::all().add(company::Column::Id.eq(second)),
    )
    .await;
    assert_eq!(check(&app, "deleted").await, (1, 1));

    // Bulk import (the demo data's batched inserts).
    hih_applicants::demo::generate(app.services(), 30, 7, |_, _| {})
        .await
        .unwrap();
    assert_eq!(check(&app, "imported").await, (1, 31));

    // An applicant deleted while opened to a district (the access rows go first).
    assert_eq!(opened_to_erfurt().await, Some(1));
    delete_where::<applicant::Entity>(
        &app,
        "applicant",
        applicant::Column::Id,
        sea_orm::Condition::all().add(applicant::Column::Id.eq(nguyen)),
    )
    .await;
    assert_eq!(check(&app, "opened applicant deleted").await, (1, 30));
    assert_eq!(opened_to_erfurt().await, Some(0));
}

#[tokio::test]
async fn the_list_pages_show_the_kept_totals() {
    use hih_users::testing::agent_for;
    let app = TestApp::new(&all_features()).await;
    for i in 0..3 {
        hih_companies::testing::company_in(&app, "IHK Erfurt", &format!("Firma {i} GmbH")).await;
    }
    hih_companies::testing::deactivated_company_in(&app, "IHK Erfurt", "Alt GmbH").await;
    for last in ["Trần", "Lê"] {
        hih_applicants::testing::applicant_in(&app, "VN", last).await;
    }
    // Tampered kept rows are what the page shows: the total comes from them, not from a count.
    sea_orm::ConnectionTrait::execute_unprepared(
        app.db(),
        "UPDATE record_count SET n = n + 40 WHERE counter = 'company.active.district'",
    )
    .await
    .unwrap();
    let (admin, _) = agent_for(&app, Role::Admin, "counts-admin").await;
    let total = async |path: &str| {
        let page = admin.get(path).await;
        let marker = "data-total=\"";
        let at = page
            .body
            .find(marker)
            .unwrap_or_else(|| panic!("{path} shows its total"))
            + marker.len();
        page.body[at..]
            .split('"')
            .next()
            .and_then(|n| n.parse::<u64>().ok())
            .expect("a number")
    };
    assert_eq!(total("/unternehmen").await, 43, "the kept total is shown");
    // A filter counts the query: the three active companies, not the kept rows.
    assert_eq!(total("/unternehmen?status=interessiert").await, 3);
    assert_eq!(total("/bewerber").await, 2);
}
