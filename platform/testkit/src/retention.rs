//! What the retention tests of records that are deactivated before they are deleted
//! (companies, applicants) share: deactivation through the record's action page, the job run
//! on both sides of the retention period, and the counts-only purge entry it leaves.

use chrono::Duration;
use hih_db::entities::audit_log;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Statement};

use crate::{Agent, TestApp};

/// One kind of record with a retention job.
pub struct Retained<'a> {
    /// Path of the area, the record pages are `<area>/<id>`: `/unternehmen`.
    pub area: &'a str,
    /// Entity (table) name: `company`.
    pub entity: &'a str,
    /// The retention job: `companies.retention`.
    pub job: &'a str,
}

impl Retained<'_> {
    /// Deactivates a record as an admin does, on its action page.
    pub async fn deactivate(&self, admin: &Agent, id: i64) {
        admin
            .submit(&format!("{}/{id}/aktion/deaktivieren", self.area), &[])
            .await;
    }

    /// Ids of the records left, ascending.
    async fn ids(&self, app: &TestApp) -> Vec<i64> {
        let sql = format!("SELECT id FROM {} ORDER BY id", self.entity);
        let db = app.db();
        db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
            .await
            .unwrap()
            .iter()
            .map(|r| r.try_get::<i64>("", "id").unwrap())
            .collect()
    }

    /// With `old` deactivated 91 days ago, `newer` 61 days ago and `active` still active, the
    /// job deletes exactly `old` — not after 89 days, once the 90 have passed — and writes a
    /// purge entry that counts and does not name it (`personal` is a value of `old`).
    pub async fn check_expiry(
        &self,
        app: &TestApp,
        admin: &Agent,
        [old, newer, active]: [i64; 3],
        personal: &str,
    ) {
        self.deactivate(admin, old).await;
        app.clock.advance(Duration::days(30));
        self.deactivate(admin, newer).await;
        app.clock.advance(Duration::days(59));
        app.run_job(self.job, serde_json::json!({})).await.unwrap();
        assert_eq!(
            app.count(self.entity).await.unwrap(),
            3,
            "89 days: nothing expired yet"
        );
        app.clock.advance(Duration::days(2));
        app.run_job(self.job, serde_json::json!({})).await.unwrap();
        assert_eq!(
            self.ids(app).await,
            vec![newer, active],
            "only the record deactivated 91 days ago is gone"
        );
        let purges = audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("purge"))
            .filter(audit_log::Column::Entity.eq(self.entity))
            .order_by_asc(audit_log::Column::Seq)
            .all(app.db())
            .await
            .unwrap();
        assert_eq!(purges.len(), 2);
        assert!(
            purges[1].changes.contains("\"deleted\":1")
                && purges[1].actor == format!("system:{}", self.job)
        );
        assert!(
            !purges[1].changes.contains(personal),
            "counts only, no personal data"
        );
    }
}
