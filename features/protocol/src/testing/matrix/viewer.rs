//! Matrix rows of the protocol feature's `viewer` part: the audit log, the access log and the
//! error view with their details and exports, for admins and the dpo only.

use hih_db::UnitOfWork;
use hih_db::access::{AccessAction, AccessEvent};
use hih_db::entities::access_log;
use hih_kernel::Actor;
use hih_testkit::TestApp;
use hih_testkit::matrix::{Expect::*, Row};
use sea_orm::{EntityTrait, QueryOrder};

use hih_testkit::matrix::{row, subject};

/// One audit entry and one access-log entry that exist: `(seq, id)`.
async fn fixture(app: &TestApp) -> (i64, i64) {
    let actor = Actor::system("test");
    let mut uow = UnitOfWork::begin(app.services(), &actor).await.unwrap();
    uow.event("matrix", "1", "check", serde_json::json!({ "rows": 1 }));
    uow.commit().await.unwrap();
    let seq = hih_db::entities::audit_log::Entity::find()
        .order_by_desc(hih_db::entities::audit_log::Column::Seq)
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .seq;
    hih_db::access::record(
        app.services(),
        &actor,
        AccessEvent {
            action: AccessAction::Search,
            entity: "matrix",
            entity_id: None,
            detail: serde_json::json!([["q", "matrix"]]),
            result_count: Some(1),
            path: "/matrix",
        },
    )
    .await
    .unwrap();
    let id = access_log::Entity::find()
        .order_by_desc(access_log::Column::Id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .id;
    (seq, id)
}

/// The rows: admins and the dpo read (`subject`: super_admin, ihk_staff and ahk_staff 403).
pub(crate) async fn rows(app: &TestApp) -> Vec<Row> {
    let (seq, id) = fixture(app).await;
    vec![
        row(
            "/protokoll/aenderungen",
            "/protokoll/aenderungen",
            Login,
            subject(Ok),
        ),
        row(
            "/protokoll/aenderungen?entity=matrix&action=check&from=2026-01-01&to=2026-12-31&q=rows",
            "/protokoll/aenderungen",
            Login,
            subject(Ok),
        ),
        row(
            "/protokoll/aenderungen?from=2026-12-31&to=2026-01-01",
            "/protokoll/aenderungen",
            Login,
            subject(Unprocessable),
        ),
        row(
            &format!("/protokoll/aenderungen/{seq}"),
            "/protokoll/aenderungen/:seq",
            Login,
            subject(Ok),
        ),
        row(
            "/protokoll/aenderungen/999999",
            "/protokoll/aenderungen/:seq",
            Login,
            subject(NotFound),
        ),
        row(
            "/protokoll/aenderungen/export/export.csv?entity=matrix",
            "/protokoll/aenderungen/export/:file",
            Login,
            subject(Ok),
        ),
        row(
            "/protokoll/aenderungen/export/export.xlsx",
            "/protokoll/aenderungen/export/:file",
            Login,
            subject(Ok),
        ),
        row(
            "/protokoll/aenderungen/export/export.pdf",
            "/protokoll/aenderungen/export/:file",
            Login,
            subject(NotFound),
        ),
        row(
            "/protokoll/zugriffe",
            "/protokoll/zugriffe",
            Login,
            subject(Ok),
        ),
        row(
            "/protokoll/zugriffe?action=search&entity=matrix&q=matrix",
            "/protokoll/zugriffe",
            Login,
            subject(Ok),
        ),
        row(
            &format!("/protokoll/zugriffe/{id}"),
            "/protokoll/zugriffe/:id",
            Login,
            subject(Ok),
        ),
        row(
            "/protokoll/zugriffe/999999999",
            "/protokoll/zugriffe/:id",
            Login,
            subject(NotFound),
        ),
        row(
            "/protokoll/zugriffe/export/export.csv?action=search",
            "/protokoll/zugriffe/export/:file",
            Login,
            subject(Ok),
        ),
        row(
            "/protokoll/zugriffe/export/export.xlsx",
            "/protokoll/zugriffe/export/:file",
            Login,
            subject(Ok),
        ),
        row("/protokoll/fehler", "/protokoll/fehler", Login, subject(Ok)),
        row(
            "/protokoll/fehler?kind=job&from=2026-01-01&q=mail",
            "/protokoll/fehler",
            Login,
            subject(Ok),
        ),
    ]
}
