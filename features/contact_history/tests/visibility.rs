//! Visibility as data (issue 16): after every kind of change that moves an entry in or out of
//! an IHK district's scope, the district's `contact_visibility` rows are exactly the entries the
//! records' scoping functions show (`visible_through_records`), both writings of a page's
//! scope (`seen_by`, walked and collected) find them, and the list's kept count equals the
//! count of its query.

use hih_contact_history::entities::contact_entry;
use hih_contact_history::scope::{scope_count, seen_by, visible_entries, visible_through_records};
use hih_contact_history::service::{self, ValidEntry};
use hih_db::plan::ScopePlan;
use hih_kernel::{Actor, Role, UserActor};
use hih_testkit::TestApp;
use hih_users::entities::institution;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use crate::{app, applicant, company};

/// IHK staff of district `d`.
fn ihk(d: i64) -> Actor {
    Actor::user(UserActor {
        id: 0,
        username: format!("ihk-{d}"),
        display_name: format!("IHK {d}"),
        role: Role::IhkStaff,
        institution_id: Some(d),
        district_id: Some(d),
        country: None,
    })
}

async fn ids(app: &TestApp, cond: Condition) -> Vec<i64> {
    contact_entry::Entity::find()
        .select_only()
        .column(contact_entry::Column::Id)
        .filter(cond)
        .order_by_asc(contact_entry::Column::Id)
        .into_tuple()
        .all(app.db())
        .await
        .unwrap()
}

/// For every IHK district: the kept rows answer what the definition answers, the kept count
/// equals it. Returns the visible entries per district, for the caller's expectations.
async fn check(app: &TestApp, step: &str) -> Vec<(String, Vec<i64>)> {
    let districts = institution::Entity::find()
        .filter(institution::Column::Kind.eq("ihk"))
        .order_by_asc(institution::Column::Id)
        .all(app.db())
        .await
        .unwrap();
    let mut out = Vec::new();
    for d in districts {
        let actor = ihk(d.id);
        let defined = ids(app, visible_through_records(&actor)).await;
        let kept = ids(app, visible_entries(&actor)).await;
        assert_eq!(kept, defined, "{step}: {}", d.name);
        for plan in [ScopePlan::Walk, ScopePlan::Collect] {
            let page = ids(app, seen_by(d.id, plan)).await;
            assert_eq!(page, defined, "{step}: {} {plan:?}", d.name);
        }
        let n = scope_count(app.db(), &actor).await.unwrap();
        assert_eq!(n, Some(defined.len() as u64), "{step}: count of {}", d.name);
        out.push((d.name, defined));
    }
    out
}

fn of<'a>(seen: &'a [(String, Vec<i64>)], ihk: &str) -> &'a [i64] {
    &seen.iter().find(|(n, _)| n == ihk).unwrap().1
}

async fn entry(app: &TestApp, company: Option<i64>, applicant: Option<i64>) -> i64 {
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    let v = ValidEntry {
        contact_date: chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        contact_type: "telefon".into(),
        topic: "erstkontakt".into(),
        remarks: "Gespräch".into(),
        applicant_id: None,
    };
    let e = service::create(&mut uow, company, applicant, v)
        .await
        .unwrap();
    uow.commit().await.unwrap();
    e.id
}

#[tokio::test]
async fn kept_visibility_equals_the_scoping_functions_after_every_kind_of_change() {
    use hih_applicants::entities::applicant as app_e;
    use hih_companies::entities::company as com_e;
    let app = app().await;
    let erfurt_c = company(&app, "IHK Erfurt", "Erfurt GmbH").await;
    let other_c = company(&app, "IHK Düsseldorf", "Düsseldorf GmbH").await;
    let a = applicant(&app, "Nguyen").await;
    let b = applicant(&app, "Tran").await;
    let on_company = entry(&app, Some(erfurt_c), None).await;
    let on_applicant = entry(&app, None, Some(a)).await;
    let on_both = entry(&app, Some(other_c), Some(b)).await;
    let seen = check(&app, "created").await;
    assert_eq!(of(&seen, "IHK Erfurt"), [on_company]);
    assert_eq!(of(&seen, "IHK Düsseldorf"), [on_both]);

    // A match opens the applicants to the company's district (matching's access rows).
    hih_matching::testing::match_of(&app, erfurt_c, a).await;
    hih_matching::testing::match_of(&app, erfurt_c, b).await;
    let seen = check(&app, "matched").await;
    assert_eq!(of(&seen, "IHK Erfurt"), [on_company, on_applicant, on_both]);

    // Deactivating the company closes its entries.
    let c = app.record::<com_e::Entity>(erfurt_c).await;
    app.as_system(async |u| {
        hih_companies::service::deactivate(u, &c).await.unwrap();
    })
    .await;
    let seen = check(&app, "company deactivated").await;
    assert!(!of(&seen, "IHK Erfurt").contains(&on_company));
    let c = app.record::<com_e::Entity>(erfurt_c).await;
    app.as_system(async |u| {
        hih_companies::service::reactivate(u, &c).await.unwrap();
    })
    .await;
    let seen = check(&app, "company reactivated").await;
    assert_eq!(of(&seen, "IHK Erfurt"), [on_company, on_applicant, on_both]);

    // An applicant deactivated and reactivated.
    let ap = app.record::<app_e::Entity>(a).await;
    app.as_system(async |u| {
        hih_applicants::service::deactivate(u, &ap).await.unwrap();
    })
    .await;
    let seen = check(&app, "applicant deactivated").await;
    assert_eq!(of(&seen, "IHK Erfurt"), [on_company, on_both]);
    let ap = app.record::<app_e::Entity>(a).await;
    app.as_system(async |u| {
        hih_applicants::service::reactivate(u, &ap).await.unwrap();
    })
    .await;
    check(&app, "applicant reactivated").await;

    // A company moved to another district (its address changed).
    let other_district = institution::Entity::find()
        .filter(institution::Column::Name.eq("IHK Düsseldorf"))
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .id;
    let c = app.record::<com_e::Entity>(erfurt_c).await;
    let mut am = c.clone().into_active_model();
    am.district_id = Set(Some(other_district));
    app.as_system(async |u| {
        u.update(&c, am).await.unwrap();
    })
    .await;
    let seen = check(&app, "company moved").await;
    assert!(of(&seen, "IHK Düsseldorf").contains(&on_company));

    // An entry moved to another record, and an entry deleted.
    let e = app.record::<contact_entry::Entity>(on_company).await;
    let mut am = e.clone().into_active_model();
    am.company_id = Set(Some(other_c));
    am.applicant_id = Set(Some(a));
    am.update(app.db()).await.unwrap();
    check(&app, "entry moved").await;
    let e = app.record::<contact_entry::Entity>(on_applicant).await;
    app.as_system(async |u| service::delete(u, e).await.unwrap())
        .await;
    check(&app, "entry deleted").await;

    // An access row closed by hand and removed; a company and an applicant deleted with their
    // entries (the erasure's and the retention purge's cascade).
    use hih_applicants::entities::applicant_access as acc;
    acc::Entity::update_many()
        .col_expr(acc::Column::Active, sea_orm::sea_query::Expr::value(false))
        .filter(acc::Column::ApplicantId.eq(b))
        .exec(app.db())
        .await
        .unwrap();
    check(&app, "access dormant").await;
    acc::Entity::delete_many()
        .filter(acc::Column::ApplicantId.eq(a))
        .exec(app.db())
        .await
        .unwrap();
    check(&app, "access removed").await;
    com_e::Entity::delete_by_id(other_c)
        .exec(app.db())
        .await
        .unwrap();
    check(&app, "company deleted").await;
    app_e::Entity::delete_by_id(b).exec(app.db()).await.unwrap();
    let seen = check(&app, "applicant deleted").await;
    assert!(seen.iter().all(|(_, v)| !v.contains(&on_both)));
}
