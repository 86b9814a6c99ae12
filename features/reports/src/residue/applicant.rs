//! Folding applicants before their deletion: once programme-wide and once per IHK district the
//! applicant was open to, so IHK staff figures stay the same.

use hih_applicants::entities::{applicant, applicant_access};
use hih_kernel::{AppError, DeletionFold};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, Value};

use super::merge::{Dims, add_all, tally};
use super::placement::{self, Side};
use crate::codes::{days_between, month_of_instant};

/// The programme-wide table of folded applicants.
pub(crate) const TABLE: &str = "stat_applicant_residue";
/// The per-district table of folded applicants.
pub(crate) const DISTRICT_TABLE: &str = "stat_applicant_district_residue";

#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    country: String,
    status: String,
    target_occupation: String,
    german_level: String,
    created_month: String,
    course_started: bool,
    course_dropped: bool,
    work_started: bool,
    employed_6m: String,
    employed_12m: String,
    days_certificate: Option<i32>,
    days_recognition: Option<i32>,
    days_visa: Option<i32>,
}

impl Key {
    fn of(a: &applicant::Model) -> Self {
        Key {
            country: a.country.clone(),
            status: a.status.clone(),
            target_occupation: a.target_occupation.clone(),
            german_level: a.german_level.clone(),
            created_month: month_of_instant(a.created_at),
            course_started: a.course_start.is_some(),
            course_dropped: a.course_start.is_some() && a.course_dropout.is_some(),
            work_started: a.work_start.is_some(),
            employed_6m: a.employed_6m.clone(),
            employed_12m: a.employed_12m.clone(),
            days_certificate: days_between(a.course_start, a.certificate_date),
            days_recognition: days_between(a.recognition_applied, a.recognition_decided),
            days_visa: days_between(a.visa_applied, a.visa_granted),
        }
    }
}

impl Dims for Key {
    fn dims(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("country", self.country.clone().into()),
            ("status", self.status.clone().into()),
            ("target_occupation", self.target_occupation.clone().into()),
            ("german_level", self.german_level.clone().into()),
            ("created_month", self.created_month.clone().into()),
            ("course_started", i32::from(self.course_started).into()),
            ("course_dropped", i32::from(self.course_dropped).into()),
            ("work_started", i32::from(self.work_started).into()),
            ("employed_6m", self.employed_6m.clone().into()),
            ("employed_12m", self.employed_12m.clone().into()),
            ("days_certificate", self.days_certificate.into()),
            ("days_recognition", self.days_recognition.into()),
            ("days_visa", self.days_visa.into()),
        ]
    }
}

#[derive(PartialEq, Eq, Hash)]
struct DistrictKey(i64, Key);

impl Dims for DistrictKey {
    fn dims(&self) -> Vec<(&'static str, Value)> {
        let mut d = vec![("district_id", self.0.into())];
        d.extend(self.1.dims());
        d
    }
}

/// Folds applicants (and their matches) into the anonymous counters (R-RET-3).
pub struct ApplicantFold;

#[async_trait::async_trait]
impl DeletionFold for ApplicantFold {
    fn entity(&self) -> &'static str {
        "applicant"
    }

    async fn fold(&self, txn: &DatabaseTransaction, ids: &[i64]) -> Result<(), AppError> {
        let applicants = applicant::Entity::find()
            .filter(applicant::Column::Id.is_in(ids.iter().copied()))
            .all(txn)
            .await?;
        let access = applicant_access::Entity::find()
            .filter(applicant_access::Column::ApplicantId.is_in(ids.iter().copied()))
            .all(txn)
            .await?;
        let keys: std::collections::HashMap<i64, Key> =
            applicants.iter().map(|a| (a.id, Key::of(a))).collect();
        let district_keys = access.iter().filter_map(|x| {
            keys.get(&x.applicant_id)
                .map(|k| DistrictKey(x.district_id, k.clone()))
        });
        add_all(txn, DISTRICT_TABLE, tally(district_keys)).await?;
        add_all(txn, TABLE, tally(keys.into_values())).await?;
        placement::fold(txn, Side::Applicants, ids).await
    }
}
