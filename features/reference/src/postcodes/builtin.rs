//! The German postcode table built into the binary (R-REF-1): `tests/fixtures/
//! plz_ort_landkreis.csv` (© OpenStreetMap contributors, ODbL 1.0, prepared by
//! suche-postleitzahl.org). A fresh installation loads it at start (`hih serve`, `hih
//! migrate`) so companies can be created at once; `hih import-plz` and the admin upload still
//! replace it with a newer table. Loading uses the import's own write path and audit event,
//! with the actor [`ACTOR`].

use hih_db::UnitOfWork;
use hih_kernel::{Actor, AppError, Services};
use sea_orm::{EntityTrait, PaginatorTrait};

use super::{ImportReport, count, parse, replace};
use crate::entities::postcode;

/// The CSV (`osm_id,ort,plz,landkreis,bundesland`), as `hih import-plz` reads it.
pub static TABLE: &[u8] = include_bytes!("../../../../tests/fixtures/plz_ort_landkreis.csv");

/// The job name the audit log records for loading the built-in table.
pub const ACTOR: &str = "postcodes.builtin";

/// Why the built-in table could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BuiltinError {
    /// The embedded file does not pass the import's checks (a build defect).
    #[error("the built-in postcode table does not pass the import checks")]
    Invalid,
}

impl From<BuiltinError> for AppError {
    fn from(e: BuiltinError) -> Self {
        AppError::Internal(e.to_string())
    }
}

/// Loads the built-in table when the postcode table is empty and returns the import report;
/// `None` when postcodes exist (also when another instance loaded them meanwhile: the check is
/// repeated inside the unit of work, after its write lock is held).
pub async fn load_if_empty(services: &Services) -> Result<Option<ImportReport>, AppError> {
    if count(services).await? > 0 {
        return Ok(None);
    }
    let (rows, report) = parse(TABLE);
    if !report.problems.is_empty() || rows.is_empty() {
        return Err(BuiltinError::Invalid.into());
    }
    let mut uow = UnitOfWork::begin(services, &Actor::system(ACTOR)).await?;
    if postcode::Entity::find().count(uow.txn()).await? > 0 {
        // Dropping the unit of work rolls its transaction back; nothing was written.
        return Ok(None);
    }
    replace(&mut uow, rows, &report, |_, _| {}).await?;
    uow.commit().await?;
    Ok(Some(report))
}
