use hih_contact_history::entities::contact_entry;
use hih_kernel::Role;
use hih_testkit::Agent;
use hih_users::testing::{agent_for, create_user_in, login};
use sea_orm::{EntityTrait, QueryOrder};

use crate::{app, applicant, company};

/// Posts a new entry on `base` (`/unternehmen/7/kontakte`) for review and, when the review
/// page opens, confirms it; returns the last answer (the redirect to the list, or to the form
/// with the errors).
async fn write(agent: &Agent, base: &str, fields: &[(&str, &str)]) -> hih_testkit::Page {
    let new = format!("{base}/neu");
    agent.get(&new).await;
    let mut all = fields.to_vec();
    all.push(("action", "review"));
    let p = agent.post(&new, &all).await;
    if p.location() != Some(format!("{new}/pruefen").as_str()) {
        return p;
    }
    all.pop();
    all.push(("action", "save"));
    agent.post(&new, &all).await
}

async fn entries(app: &hih_testkit::TestApp) -> Vec<contact_entry::Model> {
    contact_entry::Entity::find()
        .order_by_asc(contact_entry::Column::Id)
        .all(app.db())
        .await
        .unwrap()
}

/// A path as it appears in an attribute of a rendered page (`/` escaped).
fn esc(path: &str) -> String {
    path.replace('/', "&#x2f;")
}

/// Positions of the needles in the page, to compare the order of rows.
fn order(page: &hih_testkit::Page, needles: &[&str]) -> Vec<usize> {
    needles
        .iter()
        .map(|n| page.body.find(n).unwrap_or_else(|| panic!("{n} missing")))
        .collect()
}

#[tokio::test]
async fn entries_come_newest_first_sort_by_header_and_change_only_by_author_or_admin() {
    let app = app().await;
    let c = company(&app, "IHK Erfurt", "Kontakt GmbH").await;
    let base = format!("/unternehmen/{c}/kontakte");
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "ihk-author").await;
    // The tab is on the company page.
    assert!(
        ihk.get(&format!("/unternehmen/{c}"))
            .await
            .contains(&esc(&base))
    );
    // Bad input: messages next to the fields, input kept, nothing saved.
    let p = write(
        &ihk,
        &base,
        &[
            ("contact_date", "2026-10-01"),
            ("contact_type", "telefon"),
            ("topic", ""),
            ("remarks", "Erstes Telefonat"),
        ],
    )
    .await;
    let p = ihk.follow(p).await;
    assert_eq!(p.status, 422);
    assert!(p.contains("Bitte wählen Sie ein Thema."));
    assert!(p.contains("Erstes Telefonat"));
    assert!(entries(&app).await.is_empty());
    let p = write(
        &ihk,
        &base,
        &[
            ("contact_date", "2026-10-01"),
            ("contact_type", "telefon"),
            ("topic", "erstkontakt"),
            ("remarks", "Erstes Telefonat mit der Personalleitung"),
        ],
    )
    .await;
    assert_eq!(p.location(), Some(base.as_str()));
    let p = write(
        &ihk,
        &base,
        &[
            ("contact_date", "2026-10-20"),
            ("contact_type", "email"),
            ("topic", "beratung"),
            ("remarks", "Unterlagen zur Anerkennung geschickt"),
        ],
    )
    .await;
    assert_eq!(p.location(), Some(base.as_str()));
    let list = ihk.get(&base).await;
    let o = order(&list, &["Unterlagen zur Anerkennung", "Erstes Telefonat"]);
    assert!(o[0] < o[1], "newest first");
    // The staff member is the author (prefilled, stored as written).
    let saved = entries(&app).await;
    assert_eq!(saved.len(), 2);
    assert!(
        saved
            .iter()
            .all(|e| e.company_id == Some(c) && e.applicant_id.is_none())
    );
    assert!(list.contains(&saved[0].author_name));
    // Sorting by the type header: E-Mail before Telefon, then reversed.
    let by_type = ihk.get(&format!("{base}?sort=type")).await;
    let o = order(
        &by_type,
        &["Unterlagen zur Anerkennung", "Erstes Telefonat"],
    );
    assert!(o[0] < o[1]);
    let by_type_desc = ihk.get(&format!("{base}?sort=type&dir=desc")).await;
    let o = order(
        &by_type_desc,
        &["Unterlagen zur Anerkennung", "Erstes Telefonat"],
    );
    assert!(o[0] > o[1]);
    for sort in ["date", "staff", "entry"] {
        assert_eq!(ihk.get(&format!("{base}?sort={sort}")).await.status, 200);
    }
    let first = saved[0].id;
    // A colleague of the same district sees the entry but may not change it.
    let (colleague, _) = agent_for(&app, Role::IhkStaff, "ihk-colleague").await;
    assert_eq!(
        colleague.get(&format!("/kontakte/{first}")).await.status,
        200
    );
    for suffix in ["/bearbeiten", "/loeschen"] {
        assert_eq!(
            colleague
                .get(&format!("/kontakte/{first}{suffix}"))
                .await
                .status,
            403
        );
    }
    assert_eq!(
        colleague
            .post(&format!("/kontakte/{first}/loeschen"), &[])
            .await
            .status,
        403
    );
    // Another district does not see it at all.
    let other = create_user_in(
        app.services(),
        Role::IhkStaff,
        "ihk-ddorf",
        "IHK Düsseldorf",
    )
    .await;
    let other_agent = app.agent();
    login(&app, &other_agent, &other).await;
    assert_eq!(
        other_agent.get(&format!("/kontakte/{first}")).await.status,
        404
    );
    // An admin edits, with a confirmation page in between.
    let (admin, _) = agent_for(&app, Role::Admin, "admin").await;
    let edit = format!("/kontakte/{first}/bearbeiten");
    assert_eq!(admin.get(&edit).await.status, 200);
    let fields = [
        ("contact_date", "2026-10-02"),
        ("contact_type", "persoenlich"),
        ("topic", "erstkontakt"),
        ("remarks", "Erstes Gespräch vor Ort"),
    ];
    let mut review = fields.to_vec();
    review.push(("action", "review"));
    let p = admin.post(&edit, &review).await;
    assert_eq!(p.location(), Some(format!("{edit}/pruefen").as_str()));
    let confirm = admin.get(&format!("{edit}/pruefen")).await;
    assert!(confirm.contains("Erstes Gespräch vor Ort"));
    assert_eq!(
        entries(&app).await[0].remarks,
        "Erstes Telefonat mit der Personalleitung",
        "not saved before the confirmation"
    );
    let mut save = fields.to_vec();
    save.push(("action", "save"));
    let p = admin.post(&edit, &save).await;
    assert_eq!(p.location(), Some(format!("/kontakte/{first}").as_str()));
    assert_eq!(entries(&app).await[0].remarks, "Erstes Gespräch vor Ort");
    // The author deletes with confirmation; the list no longer shows it.
    let del = format!("/kontakte/{first}/loeschen");
    assert!(ihk.get(&del).await.contains("endgültig gelöscht"));
    let p = ihk.post(&del, &[]).await;
    assert_eq!(p.location(), Some(base.as_str()));
    assert!(!ihk.get(&base).await.contains("Erstes Gespräch vor Ort"));
    assert_eq!(entries(&app).await.len(), 1);
    // Every write is audited.
    assert!(app.count("audit_log").await.unwrap() > 0);
}

#[tokio::test]
async fn an_entry_on_company_and_applicant_is_visible_through_either_and_its_text_is_found() {
    let app = app().await;
    let c = company(&app, "IHK Erfurt", "Gespräch AG").await;
    let a = applicant(&app, "Võ").await;
    let (admin, _) = agent_for(&app, Role::Admin, "admin").await;
    let p = write(
        &admin,
        &format!("/unternehmen/{c}/kontakte"),
        &[
            ("contact_date", "2026-10-10"),
            ("contact_type", "video"),
            ("topic", "vorstellungsgespraech"),
            (
                "remarks",
                "Vorstellungsgespräch per Video, Zusage in Aussicht",
            ),
            ("applicant_code", " hih-vn-0001 "),
        ],
    )
    .await;
    assert_eq!(p.status, 303);
    let p = write(
        &admin,
        &format!("/unternehmen/{c}/kontakte"),
        &[
            ("contact_date", "2026-10-11"),
            ("contact_type", "telefon"),
            ("topic", "beratung"),
            ("remarks", "Nur das Unternehmen betreffend"),
            ("applicant_code", ""),
        ],
    )
    .await;
    assert_eq!(p.status, 303);
    let both = entries(&app).await;
    assert_eq!(both[0].applicant_id, Some(a));
    assert_eq!(both[0].company_id, Some(c));
    let (both_id, company_only) = (both[0].id, both[1].id);
    // AHK Vietnam: through the applicant only.
    let (ahk, _) = agent_for(&app, Role::AhkStaff, "ahk").await;
    let history = ahk.get(&format!("/bewerber/{a}/kontakte")).await;
    assert_eq!(history.status, 200);
    assert!(history.contains("Zusage in Aussicht") && !history.contains("Nur das Unternehmen"));
    assert_eq!(ahk.get(&format!("/kontakte/{both_id}")).await.status, 200);
    assert_eq!(
        ahk.get(&format!("/kontakte/{company_only}")).await.status,
        404
    );
    assert_eq!(
        ahk.get(&format!("/unternehmen/{c}/kontakte")).await.status,
        404
    );
    // IHK Erfurt: through the company.
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "ihk").await;
    assert_eq!(ihk.get(&format!("/kontakte/{both_id}")).await.status, 200);
    assert_eq!(
        ihk.get(&format!("/bewerber/{a}/kontakte")).await.status,
        404
    );
    // AHK India: neither.
    let india = create_user_in(app.services(), Role::AhkStaff, "ahk-in", "AHK Indien").await;
    let in_agent = app.agent();
    login(&app, &in_agent, &india).await;
    assert_eq!(
        in_agent.get(&format!("/kontakte/{both_id}")).await.status,
        404
    );
    // The remarks are found by the global search and the list, folded, within scope.
    let found = ihk.get("/suche?q=zusage+aussicht").await;
    assert!(found.contains(&esc(&format!("/kontakte/{both_id}"))));
    let found = ahk.get("/suche?q=vorstellungsgesprach").await;
    assert!(found.contains(&esc(&format!("/kontakte/{both_id}"))));
    assert!(
        !ahk.get("/suche?q=unternehmen+betreffend")
            .await
            .contains(&esc(&format!("/kontakte/{company_only}")))
    );
    assert!(
        !in_agent
            .get("/suche?q=zusage")
            .await
            .contains(&esc(&format!("/kontakte/{both_id}")))
    );
    let list = ihk.get("/kontakte?q=aussicht").await;
    assert!(list.contains("Zusage in Aussicht") && !list.contains("Nur das Unternehmen"));
    // An applicant the author may not see cannot be attached.
    let (ihk_writer, _) = agent_for(&app, Role::IhkStaff, "ihk2").await;
    let p = write(
        &ihk_writer,
        &format!("/unternehmen/{c}/kontakte"),
        &[
            ("contact_date", "2026-10-12"),
            ("contact_type", "telefon"),
            ("topic", "beratung"),
            ("remarks", "Versuch"),
            ("applicant_code", "HIH-VN-0001"),
        ],
    )
    .await;
    let p = ihk_writer.follow(p).await;
    assert_eq!(p.status, 422);
    assert!(p.contains("keinen Datensatz, den Sie sehen dürfen"));
    assert_eq!(entries(&app).await.len(), 2);
}
