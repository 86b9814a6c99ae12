//! The reference-list editor (R-REF-3): admins add and switch off entries through a review
//! page; codes are checked; everything is audited; other roles are refused.

use hih_db::entities::audit_log;
use hih_i18n::Locale;
use hih_kernel::Role;
use hih_reference::entities::reference_item;
use hih_reference::lists;
use hih_users::testing::agent_for;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::app;

async fn count(app: &hih_testkit::TestApp, kind: &str) -> u64 {
    reference_item::Entity::find()
        .filter(reference_item::Column::Kind.eq(kind))
        .count(app.db())
        .await
        .unwrap()
}

#[tokio::test]
async fn admins_add_and_switch_off_entries_through_a_review() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "lists-admin").await;
    let overview = admin.get("/referenzdaten").await;
    assert!(overview.contains("Kontaktthemen") && overview.contains("Länder"));
    let before = count(&app, "occupation").await;

    // Bad input: message next to each field, nothing saved, input kept.
    let p = admin
        .post(
            "/referenzdaten/listen/occupation/neu",
            &[
                ("code", "Pflege Fach"),
                ("label_de", ""),
                ("label_en", "Nursing"),
                ("sort", "zehn"),
                ("action", "review"),
            ],
        )
        .await;
    assert_eq!(p.location(), Some("/referenzdaten/listen/occupation/neu"));
    let p = admin.follow(p).await;
    assert_eq!(p.status, 422);
    assert!(p.contains("Bitte geben Sie einen Code aus Kleinbuchstaben"));
    assert!(p.contains("Bitte geben Sie eine Bezeichnung ein."));
    assert!(p.contains("Position als ganze Zahl"));
    assert!(p.contains("value=\"Nursing\""), "input kept");
    assert_eq!(count(&app, "occupation").await, before);

    // A code that exists already.
    let p = admin
        .post(
            "/referenzdaten/listen/occupation/neu",
            &[
                ("code", "koch"),
                ("label_de", "Koch"),
                ("label_en", "Cook"),
                ("sort", "5"),
                ("action", "review"),
            ],
        )
        .await;
    assert!(
        admin
            .follow(p)
            .await
            .contains("Diesen Code gibt es in der Liste schon")
    );

    // Valid: review first, save after confirmation.
    let fields = [
        ("code", "pflegefachkraft"),
        ("label_de", "Pflegefachkraft Altenpflege"),
        ("label_en", "Nursing professional"),
        ("sort", "5"),
        ("active", "on"),
    ];
    let mut review = fields.to_vec();
    review.push(("action", "review"));
    let p = admin
        .post("/referenzdaten/listen/occupation/neu", &review)
        .await;
    assert_eq!(
        p.location(),
        Some("/referenzdaten/listen/occupation/neu/pruefen")
    );
    let page = admin.follow(p).await;
    assert!(page.contains("Pflegefachkraft Altenpflege"));
    assert_eq!(count(&app, "occupation").await, before, "nothing saved yet");
    let mut save = fields.to_vec();
    save.push(("action", "save"));
    let p = admin
        .post("/referenzdaten/listen/occupation/neu", &save)
        .await;
    assert_eq!(p.location(), Some("/referenzdaten/listen/occupation"));
    assert_eq!(count(&app, "occupation").await, before + 1);
    let options = lists::options(app.services(), "occupation", Locale::En)
        .await
        .unwrap();
    assert!(options.contains(&("pflegefachkraft".into(), "Nursing professional".into())));
    assert_eq!(
        options.first().map(|o| o.0.as_str()),
        Some("pflegefachkraft")
    );

    // Switch it off: it stays, but forms no longer offer it; the code cannot be changed.
    let item = reference_item::Entity::find()
        .filter(reference_item::Column::Code.eq("pflegefachkraft"))
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    let path = format!("/referenzdaten/listen/occupation/{}", item.id);
    let p = admin
        .post(
            &path,
            &[
                ("code", "anders"),
                ("label_de", "Pflegefachkraft Altenpflege"),
                ("label_en", "Nursing professional"),
                ("sort", "5"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(p.location(), Some("/referenzdaten/listen/occupation"));
    let after = app.record::<reference_item::Entity>(item.id).await;
    assert!(!after.active);
    assert_eq!(after.code, "pflegefachkraft");
    assert!(
        !lists::is_valid(app.services(), "occupation", "pflegefachkraft")
            .await
            .unwrap()
    );
    let entries = admin.get("/referenzdaten/listen/occupation").await;
    assert!(entries.contains("Pflegefachkraft Altenpflege") && entries.contains("abgeschaltet"));

    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("reference_item"))
        .count(app.db())
        .await
        .unwrap();
    assert_eq!(audited, 2, "one insert, one update");

    // Countries need an ISO code in capitals (it becomes part of the applicant ID).
    let p = admin
        .post(
            "/referenzdaten/listen/country/neu",
            &[
                ("code", "ph"),
                ("label_de", "Philippinen"),
                ("label_en", "Philippines"),
                ("sort", "40"),
                ("action", "save"),
            ],
        )
        .await;
    assert!(
        admin
            .follow(p)
            .await
            .contains("zweistelligen Ländercode in Großbuchstaben")
    );
    assert_eq!(count(&app, "country").await, 3);

    // An entry of another list under this list's URL does not exist.
    let other = format!("/referenzdaten/listen/industry/{}", item.id);
    assert_eq!(admin.get(&other).await.status, 404);

    let (staff, _) = agent_for(&app, Role::IhkStaff, "lists-staff").await;
    let p = staff
        .post("/referenzdaten/listen/occupation/neu", &save)
        .await;
    assert_eq!(p.status, 403);
    assert_eq!(count(&app, "occupation").await, before + 1);
}
