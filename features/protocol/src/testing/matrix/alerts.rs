//! Matrix rows of the protocol feature's `alerts` part: admins and the dpo only.

use crate::alerts::entity as misuse_alert;
use hih_db::UnitOfWork;
use hih_kernel::Actor;
use hih_testkit::TestApp;
use hih_testkit::matrix::{Expect::*, Row};
use sea_orm::{NotSet, Set};

use hih_testkit::matrix::{row, subject};

/// An open and an acknowledged alert.
async fn fixture(app: &TestApp) -> (i64, i64) {
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    let now = uow.now();
    let mut ids = Vec::new();
    for acknowledged in [false, true] {
        let alert = uow
            .insert(misuse_alert::ActiveModel {
                id: NotSet,
                rule: Set("invalid-links".into()),
                subject: Set("192.0.2.1".into()),
                first_seen: Set(now),
                last_seen: Set(now),
                count: Set(6),
                evidence: Set("{}".into()),
                acknowledged_at: Set(acknowledged.then_some(now)),
                acknowledged_by: Set(None),
            })
            .await
            .unwrap();
        ids.push(alert.id);
    }
    uow.commit().await.unwrap();
    (ids[0], ids[1])
}

/// The rows.
pub(crate) async fn rows(app: &TestApp) -> Vec<Row> {
    let (open, acknowledged) = fixture(app).await;
    let base = "/protokoll/auffaelligkeiten";
    vec![
        row(base, base, Login, subject(Ok)),
        row(
            &format!("{base}?status=open&rule=invalid-links"),
            base,
            Login,
            subject(Ok),
        ),
        row(
            &format!("{base}/{open}"),
            &format!("{base}/:id"),
            Login,
            subject(Ok),
        ),
        row(
            &format!("{base}/{acknowledged}"),
            &format!("{base}/:id"),
            Login,
            subject(Ok),
        ),
        row(
            &format!("{base}/999999"),
            &format!("{base}/:id"),
            Login,
            subject(NotFound),
        ),
        row(
            &format!("{base}/{open}/bestaetigen"),
            &format!("{base}/:id/bestaetigen"),
            Login,
            subject(Ok),
        ),
        row(
            &format!("{base}/{acknowledged}/bestaetigen"),
            &format!("{base}/:id/bestaetigen"),
            Login,
            subject(Redirect),
        ),
        row(
            &format!("{base}/999999/bestaetigen"),
            &format!("{base}/:id/bestaetigen"),
            Login,
            subject(NotFound),
        ),
    ]
}
