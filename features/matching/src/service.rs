//! Entering and removing matches (R-MAT-1..3). A match opens the applicant to the company's
//! IHK district (`applicant_access`, read by the applicants' scoping function) in the same unit
//! of work, and tells the AHK staff of the applicant's country; removing the last match of a
//! district closes that access again.

use chrono::NaiveDate;
use hih_applicants::entities::applicant;
use hih_applicants::scope::visible_applicants;
use hih_companies::entities::company;
use hih_db::UnitOfWork;
use hih_db::fold::fold_fields;
use hih_kernel::{Actor, AppError, FieldErrors, Role, Services};
use hih_notify::Notice;
use hih_users::recipients::{self, Filter};
use sea_orm::{
    ActiveValue::NotSet, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    Set,
};
use serde::{Deserialize, Serialize};

use crate::access;
use crate::entities::placement;

/// Match statuses (code, text key) in their natural order (R-MAT-1).
pub const STATUSES: [(&str, &str); 4] = [
    ("vermittelt", "matching-status-vermittelt"),
    ("vertrag", "matching-status-vertrag"),
    ("arbeitsaufnahme", "matching-status-arbeitsaufnahme"),
    ("beendet", "matching-status-beendet"),
];

/// The applicant status that cannot be matched any more (dropped out).
const DROPOUT: &str = "abbrecher";

/// The text key of a status code (empty if unknown).
pub fn status_key(code: &str) -> &'static str {
    STATUSES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, k)| *k)
        .unwrap_or("")
}

/// The match form as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct MatchForm {
    /// The Bewerberkennung as typed (free text).
    pub applicant_code: String,
    /// Date of the match (`YYYY-MM-DD`).
    pub placed_on: String,
    /// Position (occupation code); empty: the applicant's target occupation.
    pub position: String,
    /// Status code.
    pub status: String,
    /// Remarks.
    pub remarks: String,
}

impl MatchForm {
    /// Reads the form fields from posted pairs.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        hih_web::flow::read_fields(pairs)
    }
}

/// A checked match, ready to save.
#[derive(Debug, Clone)]
pub struct ValidMatch {
    /// The applicant the code named.
    pub applicant: applicant::Model,
    /// Date of the match.
    pub placed_on: NaiveDate,
    /// Position (occupation code).
    pub position: String,
    /// Status code.
    pub status: String,
    /// Remarks (trimmed).
    pub remarks: String,
}

/// Normalises a typed Bewerberkennung: trimmed, upper case (`hih-vn-0001` → `HIH-VN-0001`).
pub fn normalise_code(typed: &str) -> String {
    typed.trim().to_uppercase()
}

/// The applicant a typed code names, or the text key of the reason why it cannot be matched
/// with `company_id`. Looked up without the caller's scope on purpose: typing the ID is how IHK
/// staff reach a record they cannot see yet (R-MAT-1). So that the form is no oracle for the
/// status of applicants the caller may not see (R-ACT-2), such callers get one message for
/// "unknown", "deactivated" and "dropped out" alike; those who see the applicant (admins, AHK
/// staff of the country, IHK staff it is open to) get the precise reason.
pub async fn find_applicant(
    services: &Services,
    actor: &Actor,
    company_id: i64,
    typed: &str,
) -> Result<applicant::Model, &'static str> {
    let found = find_matchable(services, company_id, typed).await;
    match found {
        Err(
            key @ ("matching-error-unknown"
            | "matching-error-deactivated"
            | "matching-error-dropout"),
        ) => {
            let code = normalise_code(typed);
            // Admins see every applicant, deactivated ones included: nothing to hide.
            let visible = hih_applicants::scope::sees_deactivated(actor)
                || applicant::Entity::find()
                    .filter(applicant::Column::ApplicantId.eq(code))
                    .filter(visible_applicants(actor))
                    .count(&services.db)
                    .await
                    .unwrap_or(0)
                    > 0;
            Err(if visible {
                key
            } else {
                "matching-error-not-matchable"
            })
        }
        other => other,
    }
}

/// [`find_applicant`] without regard to what the caller may see.
async fn find_matchable(
    services: &Services,
    company_id: i64,
    typed: &str,
) -> Result<applicant::Model, &'static str> {
    let code = normalise_code(typed);
    if code.is_empty() {
        return Err("matching-error-code-missing");
    }
    let found = applicant::Entity::find()
        .filter(applicant::Column::ApplicantId.eq(code))
        .one(&services.db)
        .await
        .map_err(|_| "matching-error-unknown")?;
    let Some(a) = found else {
        return Err("matching-error-unknown");
    };
    if !a.active {
        return Err("matching-error-deactivated");
    }
    if a.status == DROPOUT {
        return Err("matching-error-dropout");
    }
    let existing = placement::Entity::find()
        .filter(placement::Column::CompanyId.eq(company_id))
        .filter(placement::Column::ApplicantId.eq(a.id))
        .count(&services.db)
        .await
        .map_err(|_| "matching-error-unknown")?;
    if existing > 0 {
        return Err("matching-error-duplicate");
    }
    Ok(a)
}

/// Checks the form for a new match with `company_id` (`existing`: `None`), or for changes of
/// an existing match (its applicant stays); every message sits next to its field.
pub async fn validate(
    services: &Services,
    actor: &Actor,
    company_id: i64,
    f: &MatchForm,
    existing: Option<&placement::Model>,
) -> Result<ValidMatch, FieldErrors> {
    let mut e = FieldErrors::new();
    e.check_texts(f, &["remarks"]);
    let applicant = match existing {
        Some(p) => applicant::Entity::find_by_id(p.applicant_id)
            .one(&services.db)
            .await
            .ok()
            .flatten(),
        None => match find_applicant(services, actor, company_id, &f.applicant_code).await {
            Ok(a) => Some(a),
            Err(key) => {
                e.add("applicant_code", key);
                None
            }
        },
    };
    let placed_on = NaiveDate::parse_from_str(f.placed_on.trim(), "%Y-%m-%d").ok();
    if placed_on.is_none() {
        e.add("placed_on", "matching-error-date");
    }
    if status_key(&f.status).is_empty() {
        e.add("status", "matching-error-status");
    }
    let occupations = hih_reference::lists::options(services, "occupation", hih_i18n::Locale::De)
        .await
        .unwrap_or_default();
    if !f.position.is_empty() && !occupations.iter().any(|(c, _)| *c == f.position) {
        e.add("position", "matching-error-position");
    }
    match (applicant, placed_on, e.is_empty()) {
        (Some(applicant), Some(placed_on), true) => Ok(ValidMatch {
            position: if f.position.is_empty() {
                applicant.target_occupation.clone()
            } else {
                f.position.clone()
            },
            applicant,
            placed_on,
            status: f.status.clone(),
            remarks: f.remarks.trim().to_string(),
        }),
        _ => Err(e),
    }
}

/// The folded search text of a match: company name, Bewerberkennung, applicant name, remarks.
fn search_text(c: &company::Model, a: &applicant::Model, remarks: &str) -> String {
    fold_fields([
        c.name.as_str(),
        a.applicant_id.as_deref().unwrap_or(""),
        a.first_names.as_str(),
        a.last_name.as_str(),
        remarks,
    ])
}

/// Saves a match: the placement, the applicant's access for the company's district (if not
/// open yet) and the notices to the AHK staff of the applicant's country (bell and e-mail),
/// all in `uow`.
pub async fn create(
    uow: &mut UnitOfWork,
    company: &company::Model,
    v: ValidMatch,
) -> Result<placement::Model, AppError> {
    let now = uow.now();
    let saved = uow
        .insert(placement::ActiveModel {
            id: NotSet,
            company_id: Set(company.id),
            applicant_id: Set(v.applicant.id),
            placed_on: Set(v.placed_on),
            position: Set(v.position.clone()),
            status: Set(v.status.clone()),
            remarks: Set(v.remarks.clone()),
            created_by: Set(uow.actor().user_id()),
            created_at: Set(now),
            updated_at: Set(now),
            search_text: Set(search_text(company, &v.applicant, &v.remarks)),
        })
        .await?;
    if let Some(district) = company.district_id {
        let opened = access::sync(uow.txn(), v.applicant.id, district).await?;
        uow.record(opened);
    }
    let to = recipients::active_with_role(
        uow.txn(),
        Role::AhkStaff,
        Filter::Country(&v.applicant.country),
    )
    .await?;
    let code = v.applicant.applicant_id.clone().unwrap_or_default();
    let notice = Notice::new("matching.created", "matching-notice-created")
        .arg("company", company.name.clone())
        .arg("applicant", code)
        .href(&format!("/bewerber/{}/vermittlungen", v.applicant.id))
        .mail("matching-mail-subject", "matching-mail-body");
    hih_notify::notify(uow, &to, &notice).await?;
    Ok(saved)
}

/// Changes date, position, status and remarks of a match (its company and applicant stay).
pub async fn update(
    uow: &mut UnitOfWork,
    company: &company::Model,
    before: &placement::Model,
    v: ValidMatch,
) -> Result<placement::Model, AppError> {
    let mut am = before.clone().into_active_model();
    am.search_text = Set(search_text(company, &v.applicant, &v.remarks));
    am.placed_on = Set(v.placed_on);
    am.position = Set(v.position);
    am.status = Set(v.status);
    am.remarks = Set(v.remarks);
    am.updated_at = Set(uow.now());
    uow.update(before, am).await
}

/// Removes a match. When no other match of the applicant with an active company of the same
/// district remains, the district's access to the applicant is closed in the same unit of
/// work ([`access::sync`]).
pub async fn remove(
    uow: &mut UnitOfWork,
    company: &company::Model,
    p: placement::Model,
) -> Result<(), AppError> {
    let applicant_id = p.applicant_id;
    uow.delete::<placement::ActiveModel>(p).await?;
    if let Some(district) = company.district_id {
        let closed = access::sync(uow.txn(), applicant_id, district).await?;
        uow.record(closed);
    }
    Ok(())
}
