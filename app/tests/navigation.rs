//! The header's navigation (issue 17): entries grouped by the task their feature registered
//! them under, the current page marked once (the longest matching target), the user's own
//! pages in the user menu instead of the navigation.

use hih_kernel::Role;
use hih_users::testing::agent_for;

use crate::app;

/// The main navigation's markup (slashes unescaped).
fn nav_of(body: &str) -> String {
    let body = body.replace("&#x2f;", "/");
    let start = body
        .find("<nav class=\"site-nav\"")
        .unwrap_or_else(|| panic!("no navigation in {body}"));
    let end = start + body[start..].find("</nav>").expect("nav end");
    body[start..end].to_string()
}

/// The group names in order.
fn groups(nav: &str) -> Vec<String> {
    nav.split("<summary class=\"site-nav__summary\">")
        .skip(1)
        .map(|p| p.split('<').next().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn navigation_is_grouped_by_task_and_marks_the_current_page_once() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "nav-admin").await;
    let page = admin.get("/bewerber/registrierungen").await;
    let nav = nav_of(&page.body);
    assert_eq!(groups(&nav), ["Erfassen", "Auswerten", "Verwaltung"]);
    assert_eq!(nav.matches("aria-current=\"page\"").count(), 1, "{nav}");
    assert!(nav.contains("href=\"/bewerber/registrierungen\" aria-current=\"page\""));
    assert_eq!(nav.matches("site-nav__group--current").count(), 1);
    let record = &nav[nav.find("Erfassen").expect("group")..nav.find("Auswerten").expect("group")];
    assert!(record.contains("href=\"/unternehmen\"") && record.contains("href=\"/bewerber\""));
    // The profile sits in the user menu, not in the navigation.
    assert!(!nav.contains("href=\"/profil\""));
    let body = page.body.replace("&#x2f;", "/");
    let menu = &body[body.find("site-usermenu__panel").expect("user menu")..];
    assert!(menu.contains("href=\"/profil\"") && menu.contains("action=\"/logout\""));
}

#[tokio::test]
async fn a_role_sees_only_the_groups_it_has_entries_in() {
    let app = app().await;
    let (ahk, _) = agent_for(&app, Role::AhkStaff, "nav-ahk").await;
    let nav = nav_of(&ahk.get("/").await.body);
    assert!(!groups(&nav).contains(&"Verwaltung".to_string()), "{nav}");
    assert!(nav.contains("href=\"/\" aria-current=\"page\""));
}
