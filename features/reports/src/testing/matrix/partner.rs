//! Matrix rows of partner exports (R-EXP-3): admins only; the download link is public.

use crate::partner::service::{self, EXPORT_JOB, ProfileForm};
use hih_db::UnitOfWork;
use hih_kernel::Actor;
use hih_testkit::TestApp;
use hih_testkit::matrix::{Expect::*, Row, flow};

use hih_testkit::matrix::{admin_only, everyone, row};

/// A profile, a finished file with a valid link, a queued file.
async fn fixture(app: &TestApp) -> (i64, i64, i64, String) {
    let pairs: Vec<(String, String)> = [
        ("subject", "applicant"),
        ("name", "Matrix"),
        ("partner_category", "ba"),
        ("fields", "last_name"),
        ("without_consent", "pseudonym"),
        ("format", "xlsx"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let valid = service::validate(app.services(), &ProfileForm::from_pairs(&pairs))
        .await
        .unwrap();
    let actor = Actor::system("test");
    let mut uow = UnitOfWork::begin(app.services(), &actor).await.unwrap();
    let profile = service::create(&mut uow, valid).await.unwrap();
    let done = service::request_file(&mut uow, &profile, None)
        .await
        .unwrap();
    let queued = service::request_file(&mut uow, &profile, None)
        .await
        .unwrap();
    uow.commit().await.unwrap();
    app.run_job(EXPORT_JOB, serde_json::json!({ "file_id": done.id }))
        .await
        .unwrap();
    let done = crate::files::find(app.services(), done.id)
        .await
        .unwrap()
        .unwrap();
    let mut uow = UnitOfWork::begin(app.services(), &actor).await.unwrap();
    let (_, token) = service::create_link(&mut uow, &done, None).await.unwrap();
    uow.commit().await.unwrap();
    (profile.id, done.id, queued.id, token)
}

/// The rows.
pub(super) async fn rows(app: &TestApp) -> Vec<Row> {
    let (p, done, queued, token) = fixture(app).await;
    let pp = |suffix: &str| format!("/partnerexporte/{p}{suffix}");
    let f = |id: i64, suffix: &str| format!("/partnerexporte/dateien/{id}{suffix}");
    hih_testkit::rows![
        row("/partnerexporte", "/partnerexporte", Login, admin_only(Ok)),
        flow(
            "/partnerexporte/neu",
            "/partnerexporte/neu",
            Login,
            admin_only(Ok)
        ),
        row(
            "/partnerexporte/neu?art=company",
            "/partnerexporte/neu",
            Login,
            admin_only(Ok),
        ),
        row(&pp(""), "/partnerexporte/:id", Login, admin_only(Ok)),
        row(
            "/partnerexporte/999999",
            "/partnerexporte/:id",
            Login,
            admin_only(NotFound),
        ),
        flow(
            &pp("/bearbeiten"),
            "/partnerexporte/:id/bearbeiten",
            Login,
            admin_only(Ok)
        ),
        row(
            &pp("/deaktivieren"),
            "/partnerexporte/:id/deaktivieren",
            Login,
            admin_only(Ok),
        ),
        row(
            &pp("/erzeugen"),
            "/partnerexporte/:id/erzeugen",
            Login,
            admin_only(Redirect),
        ),
        row(
            "/partnerexporte/dateien",
            "/partnerexporte/dateien",
            Login,
            admin_only(Ok),
        ),
        row(
            &f(done, ""),
            "/partnerexporte/dateien/:id",
            Login,
            admin_only(Ok),
        ),
        row(
            &f(queued, ""),
            "/partnerexporte/dateien/:id",
            Login,
            admin_only(Ok),
        ),
        row(
            &f(999_999, ""),
            "/partnerexporte/dateien/:id",
            Login,
            admin_only(NotFound),
        ),
        row(
            &f(done, "/download"),
            "/partnerexporte/dateien/:id/download",
            Login,
            admin_only(Ok),
        ),
        row(
            &f(queued, "/download"),
            "/partnerexporte/dateien/:id/download",
            Login,
            admin_only(Gone),
        ),
        row(
            &f(done, "/link"),
            "/partnerexporte/dateien/:id/link",
            Login,
            admin_only(Redirect),
        ),
        row(
            &f(done, "/link/erstellt"),
            "/partnerexporte/dateien/:id/link/erstellt",
            Login,
            admin_only(Redirect),
        ),
        everyone(&format!("/download/{token}"), "/download/:token", Ok),
        everyone("/download/unbekannt", "/download/:token", Gone),
        row(
            "/partnerexporte/999999/bearbeiten/abbrechen",
            "/partnerexporte/:id/bearbeiten/abbrechen",
            Login,
            admin_only(NotFound),
        ),
    ]
}
