//! Group commit of the access log (issue 16, R-AUD-2). Every read request writes one access-log
//! row, and every row was its own transaction: one synchronous commit (an `fsync` of the WAL
//! on SQLite, ~0.35 ms here) per page, serialised behind SQLite's single writer, and every
//! commit makes the other pooled connections drop their page caches. The writer takes the
//! rows of all requests that arrive while a commit is running and writes them together in the
//! next transaction — one commit for a whole burst — and each request waits until the
//! transaction holding its row has committed before it answers. So no answered page is
//! without its row after a crash (`app/tests/crash.rs` kills the server with SIGKILL under
//! load and checks), and a single request waits no longer than before: a batch is never held
//! back to wait for more rows.

use std::sync::OnceLock;

use hih_kernel::AppError;
use sea_orm::{DatabaseConnection, EntityTrait, TransactionTrait};
use tokio::sync::{mpsc, oneshot};

use crate::entities::access_log;

/// The most rows one transaction takes (10 columns each: far below SQLite's bound on
/// parameters).
const MAX_BATCH: usize = 256;

/// A row and who waits for its commit.
struct Pending {
    row: access_log::ActiveModel,
    committed: oneshot::Sender<Result<(), String>>,
}

/// The access log's writer: one per application state, started on first use (inside the
/// runtime that serves the requests).
pub struct AccessLogWriter {
    db: DatabaseConnection,
    queue: OnceLock<mpsc::UnboundedSender<Pending>>,
}

impl AccessLogWriter {
    /// A writer to `db`; its task starts with the first row.
    pub fn new(db: DatabaseConnection) -> Self {
        AccessLogWriter {
            db,
            queue: OnceLock::new(),
        }
    }

    /// Writes `row` and returns once the transaction holding it has committed.
    pub async fn write(&self, row: access_log::ActiveModel) -> Result<(), AppError> {
        let (committed, done) = oneshot::channel();
        self.queue()
            .send(Pending { row, committed })
            .map_err(|_| AppError::Internal("the access-log writer has stopped".into()))?;
        done.await
            .map_err(|_| AppError::Internal("the access-log writer has stopped".into()))?
            .map_err(AppError::Internal)
    }

    fn queue(&self) -> &mpsc::UnboundedSender<Pending> {
        self.queue.get_or_init(|| {
            let (tx, rx) = mpsc::unbounded_channel();
            tokio::spawn(run(self.db.clone(), rx));
            tx
        })
    }
}

/// The writer's loop: waits for a row, takes every row queued meanwhile (up to
/// [`MAX_BATCH`]), commits them in one transaction and tells each waiting request.
async fn run(db: DatabaseConnection, mut rx: mpsc::UnboundedReceiver<Pending>) {
    while let Some(first) = rx.recv().await {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(next) => batch.push(next),
                Err(_) => break,
            }
        }
        let (rows, waiting): (Vec<_>, Vec<_>) =
            batch.into_iter().map(|p| (p.row, p.committed)).unzip();
        let outcome = commit(&db, rows).await.map_err(|e| e.to_string());
        for w in waiting {
            let _ = w.send(outcome.clone());
        }
    }
}

/// Inserts `rows` in one transaction.
async fn commit(
    db: &DatabaseConnection,
    rows: Vec<access_log::ActiveModel>,
) -> Result<(), sea_orm::DbErr> {
    let txn = db.begin().await?;
    access_log::Entity::insert_many(rows).exec(&txn).await?;
    txn.commit().await
}
