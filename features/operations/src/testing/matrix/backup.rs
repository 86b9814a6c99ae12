//! Matrix rows of the operations feature's `backup` part: the backup list and the
//! confirmation page of "Sicherung jetzt anlegen" for admins and super administrators only.

use crate::backup::{CONFIRM_PATH, PATH, Trigger, record};
use hih_kernel::Actor;
use hih_testkit::TestApp;
use hih_testkit::matrix::{Expect::*, Row};

use hih_testkit::matrix::{managers, row};

/// A verified and a failed backup in the record, so the list shows both kinds of rows.
async fn fixture(app: &TestApp) {
    let actor = Actor::system("test");
    let s = app.services();
    let ok = record::start(
        s,
        &actor,
        Trigger::Schedule,
        "sqlite",
        "/srv/b/hih-1.sqlite3",
    )
    .await
    .unwrap();
    record::finish_ok(s, &actor, &ok, 4096, &"ab".repeat(32), None)
        .await
        .unwrap();
    let failed = record::start(s, &actor, Trigger::Page, "sqlite", "/srv/b/hih-2.sqlite3")
        .await
        .unwrap();
    record::finish_failed(s, &actor, &failed, "Sicherungsverzeichnis".into())
        .await
        .unwrap();
}

/// The rows.
pub(crate) async fn rows(app: &TestApp) -> Vec<Row> {
    fixture(app).await;
    vec![
        row(PATH, PATH, Login, managers(Ok)),
        row(
            &format!("{PATH}?sort=started&dir=desc&per=40"),
            PATH,
            Login,
            managers(Ok),
        ),
        row(CONFIRM_PATH, CONFIRM_PATH, Login, managers(Ok)),
    ]
}
