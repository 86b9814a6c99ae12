//! Editing texts at run time, the audit trail of it, and tamper detection.

use hih_db::audit::{Verification, verify};
use hih_db::entities::audit_log;
use hih_kernel::Role;
use hih_users::testing::agent_for;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::app;

#[tokio::test]
async fn an_admin_text_change_shows_on_the_next_page_and_is_audited() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "sven").await;
    assert!(
        admin
            .get("/")
            .await
            .contains("<h1 class=\"kern-heading-large\">Startseite</h1>")
    );
    let list = admin.get("/admin/texte?q=startseite&locale=de").await;
    assert!(
        list.contains("home-title"),
        "found by its text, case-insensitively"
    );
    // The list's links lead to the editor (a form flow).
    let editor = admin
        .get("/admin/texte/bearbeiten?locale=de&key=home-title")
        .await;
    assert_eq!(editor.location(), Some("/admin/texte/de/home-title"));
    let preview = admin
        .submit(
            "/admin/texte/de/home-title",
            &[("value", "Übersicht für { $x"), ("action", "review")],
        )
        .await;
    assert_eq!(preview.status, 303, "POST-redirect-GET also on errors");
    let preview = admin.follow(preview).await;
    assert_eq!(preview.status, 422, "broken placeholder refused");
    assert!(preview.contains("fehlerhaften Platzhalter"));
    assert!(preview.contains("Übersicht für { $x"), "input kept");
    let preview = admin
        .post(
            "/admin/texte/de/home-title",
            &[("value", "Übersicht"), ("action", "review")],
        )
        .await;
    assert_eq!(
        preview.location(),
        Some("/admin/texte/de/home-title/pruefen")
    );
    let preview = admin.follow(preview).await;
    assert_eq!(preview.status, 200);
    assert!(preview.contains("Ja, speichern"), "confirmation step");
    assert_eq!(
        app.count("text_override").await.unwrap(),
        0,
        "nothing saved before confirming"
    );
    let saved = admin
        .post(
            "/admin/texte/de/home-title",
            &[("value", "Übersicht"), ("action", "save")],
        )
        .await;
    assert_eq!(saved.status, 303);
    let home = admin.get("/").await;
    assert!(
        home.contains("<h1 class=\"kern-heading-large\">Übersicht</h1>"),
        "effective on the next request"
    );
    // English is untouched.
    let entries = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("text"))
        .all(app.db())
        .await
        .unwrap();
    assert!(
        entries.iter().any(|e| e.entity_id == "de:home-title"
            && e.changes.contains("\"Startseite\"")
            && e.changes.contains("\"Übersicht\"")),
        "old and new value in the audit log: {entries:?}"
    );
    // Revert, with confirmation.
    admin.get("/admin/texte/de/home-title").await;
    let ask = admin
        .post(
            "/admin/texte/bearbeiten",
            &[
                ("locale", "de"),
                ("key", "home-title"),
                ("value", ""),
                ("action", "revert"),
            ],
        )
        .await;
    let ask = admin.follow(ask).await;
    assert!(ask.contains("Ja, Standard wiederherstellen"));
    admin
        .post(
            "/admin/texte/bearbeiten",
            &[
                ("locale", "de"),
                ("key", "home-title"),
                ("value", ""),
                ("action", "revert_confirm"),
            ],
        )
        .await;
    assert!(admin.get("/").await.contains(">Startseite</h1>"));
    assert!(matches!(
        verify(app.db()).await.unwrap(),
        Verification::Intact(_)
    ));
}

fn database_url(app: &hih_testkit::TestApp) -> String {
    app.services().settings.database_url()
}

#[tokio::test]
async fn verify_audit_detects_an_edited_or_deleted_row() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "tina").await;
    admin
        .submit(
            "/admin/texte/de/home-title",
            &[("value", "Neu"), ("action", "save")],
        )
        .await;
    let run = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_hih"))
            .arg("verify-audit")
            .env("DATABASE_URL", database_url(&app))
            .env("RUST_LOG", "error")
            .output()
            .expect("run hih")
    };
    let ok = run();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("intakt"));
    // Someone edits entry 3 behind the application's back.
    app.db()
        .execute_unprepared("UPDATE audit_log SET changes = '{}' WHERE seq = 3")
        .await
        .unwrap();
    assert_eq!(
        verify(app.db()).await.unwrap(),
        Verification::Broken {
            seq: 3,
            reason: hih_db::audit::Break::Content
        }
    );
    let broken = run();
    assert_eq!(broken.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&broken.stderr).contains("ab Eintrag 3"));
}

#[tokio::test]
async fn verify_audit_detects_a_deleted_row_and_a_cut_tail() {
    let app = app().await;
    agent_for(&app, Role::Admin, "uwe").await;
    let n = match verify(app.db()).await.unwrap() {
        Verification::Intact(n) => n as i64,
        other => panic!("{other:?}"),
    };
    assert!(n >= 4);
    app.db()
        .execute_unprepared(&format!("DELETE FROM audit_log WHERE seq = {n}"))
        .await
        .unwrap();
    assert!(
        matches!(verify(app.db()).await.unwrap(), Verification::Broken { seq, .. } if seq == n)
    );
    app.db()
        .execute_unprepared("DELETE FROM audit_log WHERE seq = 2")
        .await
        .unwrap();
    assert_eq!(
        verify(app.db()).await.unwrap(),
        Verification::Broken {
            seq: 2,
            reason: hih_db::audit::Break::Missing { found: 3 }
        }
    );
}

#[tokio::test]
async fn verify_audit_gives_the_same_answer_while_writers_run() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    let app = app().await;
    agent_for(&app, Role::Admin, "vera").await;
    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicU64::new(0));
    let mut writers = Vec::new();
    for w in 0..4 {
        let services = app.services().clone();
        let stop = stop.clone();
        let written = written.clone();
        writers.push(tokio::spawn(async move {
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                let actor = hih_kernel::Actor::system("writer");
                let mut uow = hih_db::UnitOfWork::begin(&services, &actor).await.unwrap();
                uow.event(
                    "test",
                    &format!("{w}-{n}"),
                    "write",
                    serde_json::json!({ "n": n }),
                );
                uow.commit().await.unwrap();
                n += 1;
                written.fetch_add(1, Ordering::Relaxed);
                tokio::task::yield_now().await;
            }
        }));
    }
    // Check at least ten times, and on until the writers have really written meanwhile
    // (counted, not timed: a loaded machine writes slower, never differently).
    let mut checked = Vec::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while checked.len() < 10 || written.load(Ordering::Relaxed) <= 20 {
        assert!(
            std::time::Instant::now() < deadline,
            "the writers wrote only {} entries in two minutes",
            written.load(Ordering::Relaxed)
        );
        match hih_db::audit::verify_consistent(app.db()).await.unwrap() {
            Verification::Intact(n) => checked.push(n),
            broken => panic!("verify during writes: {broken:?}"),
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.await.unwrap();
    }
    assert!(
        checked.windows(2).all(|p| p[0] <= p[1]) && checked.last() > checked.first(),
        "later checks saw more entries: {checked:?}"
    );
    assert!(matches!(
        hih_db::audit::verify_consistent(app.db()).await.unwrap(),
        Verification::Intact(_)
    ));
}

/// Writes `n` audited events.
async fn write_events(app: &hih_testkit::TestApp, n: usize) {
    for i in 0..n {
        let actor = hih_kernel::Actor::system("writer");
        let mut uow = hih_db::UnitOfWork::begin(app.services(), &actor)
            .await
            .unwrap();
        uow.event(
            "test",
            &i.to_string(),
            "write",
            serde_json::json!({ "i": i }),
        );
        uow.commit().await.unwrap();
    }
}

/// The head's seq: the last entry of the chain.
async fn head_seq(app: &hih_testkit::TestApp) -> i64 {
    app.record::<hih_db::entities::audit_head::Entity>(1)
        .await
        .seq
}

#[tokio::test]
async fn the_daily_check_continues_after_the_last_intact_entry_and_records_each_run() {
    use hih_db::audit_check::{CONTINUE_JOB, FULL_JOB, last_checkpoint};
    use hih_db::entities::audit_verification;
    let app = app().await;
    agent_for(&app, Role::Admin, "vroni").await;
    write_events(&app, 5).await;
    let head = head_seq(&app).await;
    app.run_job(FULL_JOB, serde_json::json!({})).await.unwrap();
    let first = hih_db::audit::latest_verification(app.db())
        .await
        .unwrap()
        .unwrap();
    assert!(first.intact);
    assert_eq!((first.from_seq, first.up_to_seq), (1, head));
    assert_eq!(first.entries, head);
    // Recording the run is itself an audited write: the chain grew by one entry.
    assert_eq!(head_seq(&app).await, head + 1);

    write_events(&app, 3).await;
    app.run_job(CONTINUE_JOB, serde_json::json!({}))
        .await
        .unwrap();
    let second = hih_db::audit::latest_verification(app.db())
        .await
        .unwrap()
        .unwrap();
    assert!(second.intact, "{second:?}");
    assert_eq!(second.from_seq, head + 1, "continued after the checkpoint");
    assert_eq!(second.up_to_seq, head + 4);
    assert_eq!(second.entries, 4);
    assert_eq!(
        last_checkpoint(app.services()).await.unwrap().unwrap().seq,
        head + 4
    );

    // An entry after the checkpoint edited behind the application's back: the next daily
    // check finds it, records the break, and names it for people.
    write_events(&app, 2).await;
    app.db()
        .execute_unprepared(&format!(
            "UPDATE audit_log SET changes = '{{}}' WHERE seq = {}",
            head + 6
        ))
        .await
        .unwrap();
    app.run_job(CONTINUE_JOB, serde_json::json!({}))
        .await
        .unwrap();
    let third = hih_db::audit::latest_verification(app.db())
        .await
        .unwrap()
        .unwrap();
    assert!(!third.intact);
    assert_eq!(third.up_to_seq, head + 5, "intact up to the entry before");
    let (key, args) = hih_db::audit_check::problem_text(&third).unwrap();
    assert_eq!(key, "app-cli-audit-break-content");
    assert!(args.contains(&("seq".to_string(), (head + 6).to_string())));
    // A broken run is no checkpoint: the next run starts again after the last intact one.
    assert_eq!(
        last_checkpoint(app.services()).await.unwrap().unwrap().seq,
        head + 4
    );
    let rows = audit_verification::Entity::find()
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(rows.len(), 3);
}

#[tokio::test]
async fn a_continued_check_notices_an_edited_checkpoint_and_a_full_check_the_older_entries() {
    use hih_db::audit::{Break, Checkpoint, verify_consistent_from};
    let app = app().await;
    agent_for(&app, Role::Admin, "walli").await;
    write_events(&app, 6).await;
    let head = head_seq(&app).await;
    let full = verify_consistent_from(app.db(), None).await.unwrap();
    let checkpoint = full.last_intact.clone().unwrap();
    assert_eq!(checkpoint.seq, head);
    // Nothing new: the continued check walks no entry and is intact.
    let none_new = verify_consistent_from(app.db(), Some(checkpoint.clone()))
        .await
        .unwrap();
    assert_eq!(none_new.verification, Verification::Intact(0));
    // The checkpoint entry itself edited: found by the continued check.
    app.db()
        .execute_unprepared(&format!(
            "UPDATE audit_log SET changes = '{{}}' WHERE seq = {head}"
        ))
        .await
        .unwrap();
    let edited = verify_consistent_from(app.db(), Some(checkpoint))
        .await
        .unwrap();
    assert_eq!(
        edited.verification,
        Verification::Broken {
            seq: head,
            reason: Break::Content
        }
    );
    // A forged checkpoint (a hash the entry never had) is refused as well.
    let forged = verify_consistent_from(
        app.db(),
        Some(Checkpoint {
            seq: 2,
            hash: "0".repeat(64),
        }),
    )
    .await
    .unwrap();
    assert!(matches!(
        forged.verification,
        Verification::Broken { seq: 2, .. }
    ));
    // The full check finds the edit from the anchor.
    assert!(matches!(
        verify_consistent_from(app.db(), None).await.unwrap().verification,
        Verification::Broken { seq, .. } if seq == head
    ));
}

#[tokio::test]
async fn the_editor_names_the_templates_that_show_a_text_and_previews_it_formatted() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "vorschau").await;
    let editor = admin.get("/admin/texte/de/home-title").await;
    assert_eq!(editor.status, 200);
    assert!(editor.contains("Verwendet in"));
    assert!(
        editor.contains("<code>home&#x2f;index.html</code>"),
        "the start page's template: {}",
        editor.body
    );
    // A text only code shows names no template.
    let flash = admin.get("/admin/texte/de/admin-text-saved").await;
    assert!(flash.contains("Keiner Seitenvorlage"), "{}", flash.body);
    // The preview formats the text as users read it: references resolved, variables named.
    let review = admin
        .post(
            "/admin/texte/de/home-welcome",
            &[
                ("value", "Hallo { $name }, hier ist { home-title }."),
                ("action", "review"),
            ],
        )
        .await;
    let review = admin.follow(review).await;
    assert_eq!(review.status, 200);
    assert!(
        review.contains("Hallo ‹name›, hier ist Startseite."),
        "{}",
        review.body
    );
    assert!(
        review.contains("Hallo { $name }, hier ist { home-title }."),
        "the source behind its disclosure"
    );
    assert_eq!(app.count("text_override").await.unwrap(), 0);
}
