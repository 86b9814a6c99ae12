//! The tab bar of a record (issue 17): a company's and an applicant's page and every tab page
//! (contact history, matches) show the same bar with the current tab marked, so a tab page
//! never loses the way to the record's other sections.

use hih_kernel::Role;
use hih_testkit::Page;
use hih_users::testing::agent_for;

use crate::app;
use hih_applicants::testing::prospect_in;
use hih_companies::testing::company_in;

/// The tab bar's links in order, and which one is current.
fn tab_bar(page: &Page) -> (Vec<String>, Option<String>) {
    let body = page.body.replace("&#x2f;", "/");
    let start = body
        .find("<nav class=\"record-tabs\"")
        .unwrap_or_else(|| panic!("no tab bar in {}", page.body));
    let nav = &body[start..start + body[start..].find("</nav>").expect("nav end")];
    let mut links = Vec::new();
    let mut current = None;
    for part in nav.split("<a class=\"record-tabs__link\" href=\"").skip(1) {
        let href = part.split('"').next().unwrap_or_default().to_string();
        if part
            .split('>')
            .next()
            .unwrap_or_default()
            .contains("aria-current=\"page\"")
        {
            current = Some(href.clone());
        }
        links.push(href);
    }
    (links, current)
}

#[tokio::test]
async fn every_tab_page_shows_the_records_tab_bar_with_its_tab_marked() {
    let app = app().await;
    let company = company_in(&app, "IHK Erfurt", "Reiter GmbH").await;
    let applicant = prospect_in(&app, "VN", "Reiter", false).await;
    let (admin, _) = agent_for(&app, Role::Admin, "tabs-admin").await;
    for (record, kind) in [
        (format!("/unternehmen/{company}"), "company"),
        (format!("/bewerber/{applicant}"), "applicant"),
    ] {
        let pages = [
            record.clone(),
            format!("{record}/kontakte"),
            format!("{record}/vermittlungen"),
        ];
        let (expected, _) = tab_bar(&admin.get(&record).await);
        assert_eq!(
            expected[0], record,
            "{kind}: the record's own page comes first"
        );
        for page in &pages {
            assert!(expected.contains(page), "{kind}: {page} in {expected:?}");
            let shown = admin.get(page).await;
            assert_eq!(shown.status, 200, "{page}");
            let (links, current) = tab_bar(&shown);
            assert_eq!(links, expected, "{page}: the same bar on every tab page");
            assert_eq!(current.as_deref(), Some(page.as_str()), "{page} is marked");
        }
    }
}
