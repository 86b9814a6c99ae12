use hih_db::entities::audit_log;
use hih_kernel::{Actor, AppError, Role};
use hih_reference::entities::district_area;
use hih_reference::postcodes::{self, CheckedAddress};
use hih_users::testing::agent_for;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{app, fixture, fixture_subset};

async fn ihk(app: &hih_testkit::TestApp, name: &str) -> i64 {
    hih_users::entities::institution::Entity::find()
        .filter(hih_users::entities::institution::Column::Name.eq(name))
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .id
}

fn key_of(e: AppError) -> String {
    match e {
        AppError::Validation(f) => f.0[0].key.clone(),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn addresses_are_checked_against_postcodes_and_districts() {
    let app = app().await;
    let s = app.services();
    // Before the import only the five digits count.
    assert_eq!(
        postcodes::check_address(s, "12345", "Irgendwo", None)
            .await
            .unwrap(),
        CheckedAddress {
            kreis: None,
            district_id: None
        }
    );
    assert_eq!(
        key_of(
            postcodes::check_address(s, "1234", "X", None)
                .await
                .unwrap_err()
        ),
        "reference-error-plz-format"
    );
    let report = postcodes::import(
        s,
        &Actor::system("test"),
        &fixture_subset(&["06", "40", "99"]),
        false,
        |_, _| {},
    )
    .await
    .unwrap();
    assert!(
        report.problems.is_empty() && report.imported > 100,
        "{report:?}"
    );
    let erfurt = ihk(&app, "IHK Erfurt").await;
    let duesseldorf = ihk(&app, "IHK Düsseldorf").await;
    // 06567 Bad Frankenhausen (Kyffhäuserkreis) lies in IHK Erfurt — a PLZ starting with 0.
    let ok = postcodes::check_address(s, "06567", "Bad Frankenhausen", Some(erfurt))
        .await
        .unwrap();
    assert_eq!(ok.kreis.as_deref(), Some("Kyffhäuserkreis"));
    assert_eq!(ok.district_id, Some(erfurt));
    // Kreisfreie Stadt: the Ort is the district.
    assert_eq!(
        postcodes::check_address(s, "99084", "erfurt", Some(erfurt))
            .await
            .unwrap()
            .kreis
            .as_deref(),
        Some("Erfurt")
    );
    // 40210 Düsseldorf exists but is not in IHK Erfurt.
    assert_eq!(
        key_of(
            postcodes::check_address(s, "40210", "Düsseldorf", Some(erfurt))
                .await
                .unwrap_err()
        ),
        "reference-error-outside-district"
    );
    assert_eq!(
        postcodes::check_address(s, "40210", "DÜSSELDORF", Some(duesseldorf))
            .await
            .unwrap()
            .district_id,
        Some(duesseldorf)
    );
    assert_eq!(
        key_of(
            postcodes::check_address(s, "40210", "Erfurt", None)
                .await
                .unwrap_err()
        ),
        "reference-error-ort-mismatch"
    );
    assert_eq!(
        key_of(
            postcodes::check_address(s, "12345", "Irgendwo", None)
                .await
                .unwrap_err()
        ),
        "reference-error-plz-unknown"
    );
}

#[tokio::test]
async fn the_full_file_imports_and_a_bad_file_changes_nothing() {
    let app = app().await;
    let s = app.services();
    let actor = Actor::system("test");
    let mut steps = Vec::new();
    let report = postcodes::import(s, &actor, &fixture(), false, |done, total| {
        steps.push((done, total))
    })
    .await
    .unwrap();
    assert_eq!(
        (report.rows, report.imported, report.problems.len()),
        (13108, 13108, 0)
    );
    assert_eq!(
        steps.last(),
        Some(&(13108, 13108)),
        "progress reported to the end"
    );
    assert_eq!(postcodes::count(s).await.unwrap(), 13108);
    // A file with one bad line is refused as a whole.
    let mut bad = fixture_subset(&["99"]);
    bad.extend_from_slice(b"1,Kaputt,9999,,Thueringen\n");
    let report = postcodes::import(s, &actor, &bad, false, |_, _| {})
        .await
        .unwrap();
    assert_eq!(report.problems.len(), 1);
    assert!(report.dry_run);
    assert_eq!(
        postcodes::count(s).await.unwrap(),
        13108,
        "nothing replaced"
    );
    // A dry run neither.
    let small = fixture_subset(&["99"]);
    postcodes::import(s, &actor, &small, true, |_, _| {})
        .await
        .unwrap();
    assert_eq!(postcodes::count(s).await.unwrap(), 13108);
    // A good file replaces everything, audited with counts.
    let report = postcodes::import(s, &actor, &small, false, |_, _| {})
        .await
        .unwrap();
    assert_eq!(postcodes::count(s).await.unwrap(), report.imported);
    let events = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("postcode"))
        .order_by_asc(audit_log::Column::Seq)
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(
        events.len(),
        2,
        "two real imports, no entry for refused or dry runs"
    );
    assert!(events[1].changes.contains("\"replaced\":13108"));
}

#[tokio::test]
async fn admins_upload_postcodes_and_get_a_report() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "ref-admin").await;
    let home = admin.get("/").await;
    assert!(
        home.contains("Postleitzahlen sind noch nicht geladen"),
        "tile while missing"
    );
    admin.get("/referenzdaten").await;
    let bad = admin
        .post_multipart(
            "/referenzdaten/postleitzahlen",
            &[],
            ("file", "plz.csv", b"plz;ort\n"),
        )
        .await;
    assert_eq!(
        bad.location(),
        Some("/referenzdaten/postleitzahlen/bericht")
    );
    let report = admin.get("/referenzdaten/postleitzahlen/bericht").await;
    assert!(report.contains("Die Kopfzeile muss genau"));
    admin.get("/referenzdaten").await;
    let ok = admin
        .post_multipart(
            "/referenzdaten/postleitzahlen",
            &[],
            ("file", "plz.csv", &fixture_subset(&["0"])),
        )
        .await;
    assert_eq!(ok.status, 303);
    let report = admin.get("/referenzdaten/postleitzahlen/bericht").await;
    assert!(report.contains("Import abgeschlossen"), "{}", report.body);
    assert!(
        !admin
            .get("/")
            .await
            .contains("Postleitzahlen sind noch nicht geladen")
    );
    // Without the CSRF token in the multipart body: refused.
    let stranger = app.agent();
    let (other, _) = agent_for(&app, Role::Admin, "ref-admin2").await;
    let _ = stranger;
    other.get("/referenzdaten").await;
    let forged =
        hih_testkit::Agent::post_raw(&other, "/referenzdaten/postleitzahlen", &[("file", "x")])
            .await;
    assert_eq!(forged.status, 403);
}

#[tokio::test]
async fn districts_are_edited_with_checks() {
    let app = app().await;
    let s = app.services();
    postcodes::import(
        s,
        &Actor::system("test"),
        &fixture_subset(&["0", "3", "4", "9"]),
        false,
        |_, _| {},
    )
    .await
    .unwrap();
    let (admin, _) = agent_for(&app, Role::Admin, "district-admin").await;
    let erfurt = ihk(&app, "IHK Erfurt").await;
    let path = format!("/referenzdaten/bezirke/{erfurt}");
    let form = admin.get(&path).await;
    assert!(form.contains("Kyffhäuserkreis"));
    let p = admin
        .post(
            &path,
            &[
                ("areas", "Erfurt\nKreis Mettmann\nPhantasien"),
                ("action", "review"),
            ],
        )
        .await;
    assert_eq!(p.status, 303, "POST-redirect-GET");
    let p = admin.follow(p).await;
    assert_eq!(p.status, 422);
    assert!(p.contains("Phantasien") && p.contains("kommen in den Postleitzahl-Daten nicht"));
    assert!(p.contains("bereits zu einem anderen IHK-Bezirk: Kreis Mettmann"));
    // Remove the Kyffhäuserkreis from Erfurt: Bad Frankenhausen is no longer inside.
    let areas = "Erfurt\nWeimar\nLandkreis Eichsfeld\nLandkreis Gotha\nIlm-Kreis\nLandkreis Nordhausen\nLandkreis Sömmerda\nUnstrut-Hainich-Kreis\nLandkreis Weimarer Land";
    let p = admin
        .post(&path, &[("areas", areas), ("action", "review")])
        .await;
    assert_eq!(p.location(), Some(format!("{path}/pruefen").as_str()));
    assert!(
        admin
            .get(&format!("{path}/pruefen"))
            .await
            .contains("Ilm-Kreis")
    );
    let p = admin
        .post(&path, &[("areas", areas), ("action", "save")])
        .await;
    assert_eq!(p.location(), Some("/referenzdaten"));
    assert!(
        postcodes::check_address(s, "06567", "Bad Frankenhausen", Some(erfurt))
            .await
            .is_err()
    );
    let deleted = app.audit_entries("district_area", "delete").await;
    assert!(
        deleted
            .iter()
            .any(|e| e.changes.contains("Kyffhäuserkreis"))
    );
    assert_eq!(
        district_area::Entity::find()
            .filter(district_area::Column::InstitutionId.eq(erfurt))
            .all(app.db())
            .await
            .unwrap()
            .len(),
        9
    );
    // Not an IHK: 404.
    let ahk = ihk(&app, "AHK Vietnam").await;
    assert_eq!(
        admin
            .get(&format!("/referenzdaten/bezirke/{ahk}"))
            .await
            .status,
        404
    );
}
