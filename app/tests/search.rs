//! The global search (R-LST-4): scope per role, folding, counts equal to the lists', access log.

use hih_db::entities::access_log;
use hih_kernel::Role;
use hih_testkit::Page;
use hih_users::testing::{agent_for, create_user, create_user_in, login};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::app;
use hih_companies::testing::company_in;

/// The page's HTML with the escapes minijinja applies to attribute values undone.
fn html(p: &Page) -> String {
    p.body.replace("&#x2f;", "/").replace("&amp;", "&")
}

/// Whether the results page has a company section.
fn has_companies(p: &Page) -> bool {
    p.contains("id=\"search-company\"")
}

/// Whether the results page has an accounts section.
fn has_users(p: &Page) -> bool {
    p.contains("id=\"search-user\"")
}

#[tokio::test]
async fn companies_are_found_folded_and_only_within_scope() {
    let app = app().await;
    let id = company_in(&app, "IHK Erfurt", "Müller Maschinenbau").await;
    company_in(&app, "IHK Erfurt", "Thüringer Straßenbau").await;
    let (admin, _) = agent_for(&app, Role::Admin, "s-admin").await;
    let (erfurt, _) = agent_for(&app, Role::IhkStaff, "s-erfurt").await;
    let duesseldorf = app.agent();
    let other = create_user_in(app.services(), Role::IhkStaff, "s-duss", "IHK Düsseldorf").await;
    login(&app, &duesseldorf, &other).await;

    for agent in [&admin, &erfurt] {
        let p = agent.get("/suche?q=muller").await;
        assert_eq!(p.status, 200);
        assert!(has_companies(&p), "{}", p.body);
        assert!(html(&p).contains(&format!("href=\"/unternehmen/{id}\"")));
        assert!(p.contains("Müller Maschinenbau"));
        assert!(!p.contains("Straßenbau"), "only matching records");
        // The hit leads to the detail page.
        assert_eq!(agent.get(&format!("/unternehmen/{id}")).await.status, 200);
    }
    let p = erfurt.get("/suche?q=STRASSE").await;
    assert!(p.contains("Thüringer Straßenbau"), "ß folds to ss");
    let p = erfurt.get("/suche?q=thuringer+bau").await;
    assert!(p.contains("Thüringer Straßenbau"), "words are AND-combined");

    let p = duesseldorf.get("/suche?q=muller").await;
    assert_eq!(p.status, 200);
    assert!(!has_companies(&p) && !p.contains("Müller Maschinenbau"));
    assert!(p.contains("Keine Treffer"));
    for role in [Role::AhkStaff, Role::Dpo, Role::SuperAdmin] {
        let (agent, _) =
            agent_for(&app, role, &format!("s-{}", role.code().replace('_', "-"))).await;
        let p = agent.get("/suche?q=muller").await;
        assert_eq!(p.status, 200, "{role:?}");
        assert!(
            !has_companies(&p) && !p.contains("Müller Maschinenbau"),
            "{role:?}"
        );
    }
}

/// The number in "Alle N Treffer in der Liste anzeigen" and the list's "N Einträge" agree.
#[tokio::test]
async fn hit_counts_equal_the_list_counts_and_at_most_ten_hits_show() {
    let app = app().await;
    let mut ids = Vec::new();
    for i in 0..12 {
        ids.push(company_in(&app, "IHK Erfurt", &format!("Müller {i:02}")).await);
    }
    company_in(&app, "IHK Düsseldorf", "Müller am Rhein").await;
    let (admin, _) = agent_for(&app, Role::Admin, "t-admin").await;
    let (erfurt, _) = agent_for(&app, Role::IhkStaff, "t-erfurt").await;
    // One deactivated: admins find it (marked), IHK staff do not.
    let p = admin
        .submit(&format!("/unternehmen/{}/aktion/deaktivieren", ids[0]), &[])
        .await;
    assert_eq!(p.status, 303);

    for (agent, count) in [(&admin, 13), (&erfurt, 11)] {
        let p = agent.get("/suche?q=muller").await;
        assert!(
            p.contains(&format!("Alle {count} Treffer in der Liste anzeigen")),
            "{count}: {}",
            p.body
        );
        assert_eq!(
            html(&p).matches("href=\"/unternehmen/").count(),
            10,
            "ten hits shown"
        );
        let body = html(&p);
        let href = body
            .split("href=\"")
            .filter_map(|s| s.split('"').next())
            .find(|h| h.starts_with("/unternehmen?q="))
            .expect("show-all link");
        let list = agent.get(href).await;
        assert!(
            list.contains(&format!("{count} Einträge")),
            "{href}: {}",
            list.body
        );
    }
    let p = admin.get("/suche?q=muller").await;
    assert!(p.contains("deaktiviert"), "deactivated hit is marked");
}

#[tokio::test]
async fn accounts_are_found_by_account_managers_only() {
    let app = app().await;
    create_user(app.services(), Role::IhkStaff, "müller-erfurt").await;
    let (admin, _) = agent_for(&app, Role::Admin, "u-admin").await;
    let (operator, _) = agent_for(&app, Role::SuperAdmin, "u-operator").await;
    for agent in [&admin, &operator] {
        let p = agent.get("/suche?q=MULLER").await;
        assert!(has_users(&p), "{}", p.body);
        assert!(p.contains("müller-erfurt"));
        assert!(html(&p).contains("href=\"/benutzer?q=MULLER\""));
        assert!(p.contains("Den Treffer in der Liste anzeigen"));
        let list = agent.get("/benutzer?q=MULLER").await;
        assert!(list.contains("1 Eintrag"));
    }
    for role in [Role::IhkStaff, Role::AhkStaff, Role::Dpo] {
        let (agent, _) = agent_for(
            &app,
            role,
            &format!("u-müller-{}", role.code().replace('_', "-")),
        )
        .await;
        // Not even their own account.
        let p = agent.get("/suche?q=muller").await;
        assert!(!has_users(&p), "{role:?}");
        assert!(!p.contains("müller-erfurt"), "{role:?}");
    }
}

#[tokio::test]
async fn searches_are_logged_with_hits_per_kind_and_short_queries_are_not_run() {
    let app = app().await;
    company_in(&app, "IHK Erfurt", "Müller Maschinenbau").await;
    let (admin, user) = agent_for(&app, Role::Admin, "v-admin").await;
    let p = admin.get("/suche?q=a").await;
    assert!(p.contains("mindestens zwei Zeichen"));
    let p = admin.get("/suche").await;
    assert!(p.contains("mindestens zwei Zeichen"));
    let logged = || async {
        access_log::Entity::find()
            .filter(access_log::Column::Entity.eq("search"))
            .all(app.db())
            .await
            .unwrap()
    };
    assert!(
        logged().await.is_empty(),
        "nothing searched, nothing logged"
    );

    let p = admin.get("/suche?q=m%C3%BCller").await;
    assert!(p.contains("value=\"müller\""), "the box keeps the query");
    let entries = logged().await;
    assert_eq!(entries.len(), 1);
    let e = &entries[0];
    assert_eq!(e.action, "search");
    assert_eq!(e.actor, format!("user:{}", user.id));
    assert_eq!(e.path, "/suche");
    assert_eq!(e.result_count, Some(1));
    let detail: serde_json::Value = serde_json::from_str(&e.detail).unwrap();
    assert_eq!(detail["q"], "müller");
    assert_eq!(detail["hits"]["company"], 1);
    assert_eq!(detail["hits"]["user"], 0);
}

#[tokio::test]
async fn the_layout_has_a_labelled_search_box_for_logged_in_users_only() {
    let app = app().await;
    let anon = app.agent().get("/login").await;
    assert!(!anon.contains("action=\"/suche\""));
    let (admin, _) = agent_for(&app, Role::Dpo, "w-dpo").await;
    let p = admin.get("/").await;
    assert!(p.contains("<form method=\"get\" action=\"/suche\""));
    assert!(p.contains("role=\"search\""));
    assert!(p.contains("aria-label=\"Projektdatenbank durchsuchen\""));
    // The label is visible (issue 17), not only for screen readers.
    assert!(p.contains("<label class=\"site-search__label\" for=\"site-search-q\">Suche</label>"));
}
