//! Folding the matches of companies or applicants about to be deleted (the database deletes
//! them with either side, so each match is folded exactly once, by whichever goes first).

use hih_applicants::entities::applicant;
use hih_companies::entities::company;
use hih_kernel::AppError;
use hih_matching::entities::placement;
use sea_orm::{
    ColumnTrait, DatabaseTransaction, EntityTrait, FromQueryResult, QueryFilter, QuerySelect, Value,
};

use super::merge::{Dims, add_all, tally};
use crate::codes::month_of;

/// The table of folded matches.
pub(crate) const TABLE: &str = "stat_placement_residue";

#[derive(FromQueryResult)]
struct Row {
    district_id: Option<i64>,
    industry: String,
    country: String,
    target_occupation: String,
    status: String,
    placed_on: chrono::NaiveDate,
}

#[derive(PartialEq, Eq, Hash)]
struct Key {
    district_id: Option<i64>,
    country: String,
    occupation: String,
    industry: String,
    status: String,
    placed_month: String,
}

impl Dims for Key {
    fn dims(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("district_id", self.district_id.into()),
            ("country", self.country.clone().into()),
            ("occupation", self.occupation.clone().into()),
            ("industry", self.industry.clone().into()),
            ("status", self.status.clone().into()),
            ("placed_month", self.placed_month.clone().into()),
        ]
    }
}

/// Which side is being deleted.
pub(crate) enum Side {
    /// Companies with these ids.
    Companies,
    /// Applicants with these ids.
    Applicants,
}

/// Folds every match of the given companies or applicants.
pub(crate) async fn fold(
    txn: &DatabaseTransaction,
    side: Side,
    ids: &[i64],
) -> Result<(), AppError> {
    let filter = match side {
        Side::Companies => placement::Column::CompanyId.is_in(ids.iter().copied()),
        Side::Applicants => placement::Column::ApplicantId.is_in(ids.iter().copied()),
    };
    let rows = placement::Entity::find()
        .select_only()
        .column(company::Column::DistrictId)
        .column(company::Column::Industry)
        .column(applicant::Column::Country)
        .column(applicant::Column::TargetOccupation)
        .column(placement::Column::Status)
        .column(placement::Column::PlacedOn)
        .inner_join(company::Entity)
        .inner_join(applicant::Entity)
        .filter(filter)
        .into_model::<Row>()
        .all(txn)
        .await?;
    let keys = rows.into_iter().map(|r| Key {
        district_id: r.district_id,
        country: r.country,
        occupation: r.target_occupation,
        industry: r.industry,
        status: r.status,
        placed_month: month_of(r.placed_on),
    });
    add_all(txn, TABLE, tally(keys)).await
}
