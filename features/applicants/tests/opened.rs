//! IHK staff's applicants (issue 16): the two writings of "opened to the district"
//! (`hih_db::plan::ScopePlan`) select the same records in the same order for every page, the page picks
//! the cheaper one, and the list page shows the same records whichever it picked.

use hih_applicants::entities::{applicant, applicant_access};
use hih_applicants::scope::{opened_to, visible_applicants};
use hih_db::plan::{ScopePlan, scope_plan};
use hih_kernel::{Actor, Role, UserActor};
use hih_users::testing::{agent_for, institution_id};
use sea_orm::{EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};

use crate::{app, form, insert};

/// Last names of the applicants, not in alphabetical order.
const NAMES: [&str; 26] = [
    "Pham", "Le", "Vo", "Dang", "Bui", "Do", "Ho", "Ngo", "Duong", "Ly", "Truong", "Mai", "Dinh",
    "Lam", "Luong", "Ha", "Quach", "Trinh", "Vu", "Tang", "Cao", "Kieu", "Thai", "Ta", "Chu", "Au",
];

/// An IHK staff member of `district`.
fn ihk(district: i64) -> Actor {
    Actor::user(UserActor {
        id: 0,
        username: "opened".into(),
        display_name: "Opened".into(),
        role: Role::IhkStaff,
        institution_id: Some(district),
        district_id: Some(district),
        country: None,
    })
}

/// The ids of `cond`'s applicants in the list's name order, rows `offset..offset + limit`.
async fn ids(
    app: &hih_testkit::TestApp,
    cond: sea_orm::Condition,
    desc: bool,
    offset: u64,
    limit: u64,
) -> Vec<i64> {
    let order = if desc {
        sea_orm::Order::Desc
    } else {
        sea_orm::Order::Asc
    };
    applicant::Entity::find()
        .filter(cond)
        .order_by(applicant::Column::SortName, order.clone())
        .order_by(applicant::Column::Id, order)
        .offset(offset)
        .limit(limit)
        .all(app.db())
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect()
}

/// 26 applicants of Vietnam: 23 opened to IHK Erfurt, one with a dormant access row, one not
/// opened, one deactivated although opened. Returns the district.
async fn fixture(app: &hih_testkit::TestApp) -> i64 {
    let erfurt = institution_id(app, "IHK Erfurt").await;
    for (i, last) in NAMES.iter().enumerate() {
        let email = format!("{}@example.org", last.to_lowercase());
        let mut fields = form("Lan", last, "VN");
        for f in &mut fields {
            if f.0 == "email" {
                f.1 = &email;
            }
        }
        let a = insert(app, &fields).await;
        let mut uow = hih_db::UnitOfWork::begin(app.services(), &Actor::system("test"))
            .await
            .unwrap();
        if i != 24 {
            uow.insert(applicant_access::ActiveModel {
                applicant_id: Set(a.id),
                district_id: Set(erfurt),
                reason: Set(format!("test:{i}")),
                active: Set(i != 23),
            })
            .await
            .unwrap();
        }
        if i == 25 {
            hih_applicants::service::deactivate(&mut uow, &a)
                .await
                .unwrap();
        }
        uow.commit().await.unwrap();
    }
    erfurt
}

#[tokio::test]
async fn both_writings_of_the_opened_applicants_give_every_page_alike() {
    let app = app().await;
    let erfurt = fixture(&app).await;
    let scope = ids(&app, visible_applicants(&ihk(erfurt)), false, 0, 100).await;
    assert_eq!(scope.len(), 23, "opened, active, awake");
    for plan in [ScopePlan::Walk, ScopePlan::Collect] {
        for desc in [false, true] {
            let all = ids(&app, opened_to(erfurt, plan), desc, 0, 100).await;
            let mut expected = scope.clone();
            if desc {
                expected.reverse();
            }
            assert_eq!(all, expected, "{plan:?}, descending {desc}");
            for per in [1, 4, 7] {
                for offset in (0..24).step_by(per as usize) {
                    assert_eq!(
                        ids(&app, opened_to(erfurt, plan), desc, offset, per).await,
                        expected
                            .iter()
                            .skip(offset as usize)
                            .take(per as usize)
                            .copied()
                            .collect::<Vec<_>>(),
                        "{plan:?}, descending {desc}, {per} from {offset}"
                    );
                }
            }
        }
    }
    // Another district sees none, either way.
    let other = institution_id(&app, "IHK Düsseldorf").await;
    for plan in [ScopePlan::Walk, ScopePlan::Collect] {
        assert!(
            ids(&app, opened_to(other, plan), false, 0, 100)
                .await
                .is_empty()
        );
    }
}

#[tokio::test]
async fn the_list_page_of_ihk_staff_shows_the_opened_applicants_in_name_order_on_every_page() {
    let app = app().await;
    let erfurt = fixture(&app).await;
    let expected: Vec<String> = applicant::Entity::find()
        .filter(visible_applicants(&ihk(erfurt)))
        .order_by_asc(applicant::Column::SortName)
        .order_by_asc(applicant::Column::Id)
        .all(app.db())
        .await
        .unwrap()
        .into_iter()
        .map(|a| format!("{}, Lan", a.last_name))
        .collect();
    assert_eq!(expected.len(), 23);
    // Page 1 of 20 is walked (20 × 25 active ≤ 23²), page 2 collected (40 × 25 > 23²).
    assert_eq!(scope_plan(Some(20), 25, 23), ScopePlan::Walk);
    assert_eq!(scope_plan(Some(40), 25, 23), ScopePlan::Collect);
    let (staff, _) = agent_for(&app, Role::IhkStaff, "opened-ihk").await;
    for (page, shown) in [(1, &expected[..20]), (2, &expected[20..])] {
        let body = staff
            .get(&format!("/bewerber?per=20&page={page}"))
            .await
            .body;
        let mut at = 0;
        for name in shown {
            let found = body[at..]
                .find(name.as_str())
                .unwrap_or_else(|| panic!("page {page} shows {name} after the one before"));
            at += found + name.len();
        }
        for name in NAMES
            .iter()
            .map(|n| format!("{n}, Lan"))
            .filter(|n| !shown.contains(n))
        {
            assert!(!body.contains(&name), "page {page} does not show {name}");
        }
    }
}
