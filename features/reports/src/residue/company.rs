//! Folding companies before their deletion.

use hih_companies::entities::company;
use hih_kernel::{AppError, DeletionFold};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, Value};

use super::merge::{Dims, add_all, tally};
use super::placement::{self, Side};
use crate::codes::{is_kmu, month_of_instant, size_class};

/// The table of folded companies.
pub(crate) const TABLE: &str = "stat_company_residue";

#[derive(PartialEq, Eq, Hash)]
struct Key {
    district_id: Option<i64>,
    kreis: Option<String>,
    industry: String,
    size_class: &'static str,
    is_kmu: bool,
    status: String,
    outreach_format: String,
    created_month: String,
}

impl Dims for Key {
    fn dims(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("district_id", self.district_id.into()),
            ("kreis", self.kreis.clone().into()),
            ("industry", self.industry.clone().into()),
            ("size_class", self.size_class.to_string().into()),
            ("is_kmu", i32::from(self.is_kmu).into()),
            ("status", self.status.clone().into()),
            ("outreach_format", self.outreach_format.clone().into()),
            ("created_month", self.created_month.clone().into()),
        ]
    }
}

/// Folds companies (and their matches) into the anonymous counters (R-RET-3).
pub struct CompanyFold;

#[async_trait::async_trait]
impl DeletionFold for CompanyFold {
    fn entity(&self) -> &'static str {
        "company"
    }

    async fn fold(&self, txn: &DatabaseTransaction, ids: &[i64]) -> Result<(), AppError> {
        let companies = company::Entity::find()
            .filter(company::Column::Id.is_in(ids.iter().copied()))
            .all(txn)
            .await?;
        let keys = companies.into_iter().map(|c| Key {
            district_id: c.district_id,
            kreis: c.kreis,
            industry: c.industry,
            size_class: size_class(c.employees),
            is_kmu: is_kmu(c.employees),
            status: c.status,
            outreach_format: c.outreach_format,
            created_month: month_of_instant(c.created_at),
        });
        add_all(txn, TABLE, tally(keys)).await?;
        placement::fold(txn, Side::Companies, ids).await
    }
}
