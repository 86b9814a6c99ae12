//! The IHK district's access to an applicant (R-MAT-3), kept in step with the matches in one
//! place. The `applicant_access` row of a district and an applicant
//! - is **open** while a match of the applicant with an active company of the district exists
//!   (IHK staff read the applicant),
//! - is **dormant** while such matches exist but all those companies are deactivated (IHK
//!   staff no longer read the applicant — R-COM-3 gives deactivated companies to admins only —
//!   but the statistics still count the applicant for the district until the records are
//!   purged, R-RET-3),
//! - is **gone** when no match with a company of the district is left.
//!
//! Creating or removing a match, deactivating or reactivating a company ([`CompanyActivation`],
//! run by the unit of work) and the cleanup job all call [`sync`], which reports each write for
//! the audit log.

use hih_applicants::entities::applicant_access;
use hih_companies::entities::company;
use hih_kernel::{ActivationHook, AppError, HookEvent};
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QuerySelect, Set,
};
use serde_json::json;

use crate::entities::placement;

/// Prefix of the `reason` of access rows this feature opened (others are left alone).
const REASON_PREFIX: &str = "match:";

/// The first match of `applicant_id` with a company of `district` (only active companies if
/// `active_only`).
async fn carrier<C: ConnectionTrait>(
    db: &C,
    applicant_id: i64,
    district: i64,
    active_only: bool,
) -> Result<Option<i64>, AppError> {
    let mut companies = Query::select()
        .column(company::Column::Id)
        .from(company::Entity)
        .and_where(company::Column::DistrictId.eq(district))
        .to_owned();
    if active_only {
        companies.and_where(company::Column::Active.eq(true));
    }
    Ok(placement::Entity::find()
        .select_only()
        .column(placement::Column::Id)
        .filter(placement::Column::ApplicantId.eq(applicant_id))
        .filter(placement::Column::CompanyId.in_subquery(companies))
        .into_tuple()
        .one(db)
        .await?)
}

/// Opens, puts to sleep, wakes or closes district `district`'s access to `applicant_id` as the
/// matches demand (see the module documentation). Returns the audit entries of what it wrote
/// (none when the row was already right).
pub async fn sync<C: ConnectionTrait>(
    db: &C,
    applicant_id: i64,
    district: i64,
) -> Result<Vec<HookEvent>, AppError> {
    let any = carrier(db, applicant_id, district, false).await?;
    let awake = carrier(db, applicant_id, district, true).await?.is_some();
    let row = applicant_access::Entity::find_by_id((applicant_id, district))
        .one(db)
        .await?;
    let id = format!("{applicant_id}:{district}");
    let event = |action: &str, changes| HookEvent {
        entity: "applicant_access".into(),
        entity_id: id.clone(),
        action: action.into(),
        changes,
    };
    match (any, row) {
        (Some(placement_id), None) => {
            let reason = format!("{REASON_PREFIX}{placement_id}");
            applicant_access::ActiveModel {
                applicant_id: Set(applicant_id),
                district_id: Set(district),
                reason: Set(reason.clone()),
                active: Set(awake),
            }
            .insert(db)
            .await?;
            Ok(vec![event(
                "create",
                json!({
                    "applicant_id": [null, applicant_id],
                    "district_id": [null, district],
                    "reason": [null, reason],
                    "active": [null, awake],
                }),
            )])
        }
        (Some(_), Some(open)) if open.active != awake => {
            let was = open.active;
            let mut am = open.into_active_model();
            am.active = Set(awake);
            am.update(db).await?;
            Ok(vec![event("update", json!({ "active": [was, awake] }))])
        }
        (None, Some(open)) if open.reason.starts_with(REASON_PREFIX) => {
            let (reason, was) = (open.reason.clone(), open.active);
            open.into_active_model().delete(db).await?;
            Ok(vec![event(
                "delete",
                json!({
                    "applicant_id": [applicant_id, null],
                    "district_id": [district, null],
                    "reason": [reason, null],
                    "active": [was, null],
                }),
            )])
        }
        _ => Ok(Vec::new()),
    }
}

/// Closes (on deactivation) or reopens (on reactivation) the access that a company's matches
/// carry for its district (R-COM-3: a deactivated company opens nothing to IHK staff).
pub struct CompanyActivation;

#[async_trait::async_trait]
impl ActivationHook for CompanyActivation {
    fn entity(&self) -> &'static str {
        "company"
    }

    async fn changed(
        &self,
        txn: &sea_orm::DatabaseTransaction,
        id: i64,
        _active: bool,
    ) -> Result<Vec<HookEvent>, AppError> {
        let Some(district) = company::Entity::find_by_id(id)
            .one(txn)
            .await?
            .and_then(|c| c.district_id)
        else {
            return Ok(Vec::new());
        };
        let applicants: Vec<i64> = placement::Entity::find()
            .select_only()
            .column(placement::Column::ApplicantId)
            .filter(placement::Column::CompanyId.eq(id))
            .into_tuple()
            .all(txn)
            .await?;
        let mut events = Vec::new();
        for applicant in applicants {
            events.extend(sync(txn, applicant, district).await?);
        }
        Ok(events)
    }
}
