//! Applicant operations: the checks (R-APP-2), the duplicate warning (R-APP-4), create (with
//! the applicant ID, R-ID), update with status history, deactivate. Every write goes through
//! the audited unit of work.

use chrono::{Datelike, NaiveDate};
use hih_db::UnitOfWork;
use hih_db::fold::{fold, fold_fields};
use hih_kernel::{AppError, FieldErrors, Services};
use hih_reference::lists;
use sea_orm::{ColumnTrait, EntityTrait, IntoActiveModel, NotSet, QueryFilter, Set};

use crate::entities::{applicant, applicant_status_change};
pub use crate::form::{ApplicantForm, MULTILINE_FIELDS};
use crate::id;

/// Status values (value, text key), in pipeline order.
pub const STATUSES: [(&str, &str); 5] = [
    ("interessent", "applicants-status-interessent"),
    ("bewerber", "applicants-status-bewerber"),
    (
        "zukuenftige_fachkraft",
        "applicants-status-zukuenftige-fachkraft",
    ),
    ("fachkraft", "applicants-status-fachkraft"),
    ("abbrecher", "applicants-status-abbrecher"),
];

/// The status that needs a dropout reason.
pub const DROPOUT: &str = "abbrecher";

/// Salutations (value, text key), as for users and company contacts.
pub const SALUTATIONS: [(&str, &str); 4] = hih_users::service::SALUTATIONS;

/// German levels of the Common European Framework (value, text key).
pub const LEVELS: [(&str, &str); 6] = [
    ("A1", "applicants-level-a1"),
    ("A2", "applicants-level-a2"),
    ("B1", "applicants-level-b1"),
    ("B2", "applicants-level-b2"),
    ("C1", "applicants-level-c1"),
    ("C2", "applicants-level-c2"),
];

/// Results of the recognition procedure (value, text key).
pub const RECOGNITION_RESULTS: [(&str, &str); 3] = [
    ("voll", "applicants-recognition-voll"),
    ("teilweise", "applicants-recognition-teilweise"),
    ("abgelehnt", "applicants-recognition-abgelehnt"),
];

/// Visa results (value, text key).
pub const VISA_RESULTS: [(&str, &str); 2] = [
    ("erteilt", "applicants-visa-erteilt"),
    ("abgelehnt", "applicants-visa-abgelehnt"),
];

/// Yes/no answers for the employment questions (value, text key).
pub const YES_NO: [(&str, &str); 2] = [("ja", "applicants-yes"), ("nein", "applicants-no")];

/// Age limits at entry (R-APP-2).
pub const AGE_RANGE: std::ops::RangeInclusive<i32> = 16..=70;

/// Longest single-line value.
const LINE_MAX: usize = 200;

/// The text key of a value in a `(value, key)` list, or "".
pub fn key_of(list: &[(&'static str, &'static str)], value: &str) -> &'static str {
    list.iter()
        .find(|(v, _)| *v == value)
        .map(|(_, k)| *k)
        .unwrap_or("")
}

/// Parses `JJJJ-MM-TT` (date input) or `TT.MM.JJJJ`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d.%m.%Y"))
        .ok()
}

/// Whole years between `birth` and `on`.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years
}

/// A name in any script: letters and combining marks of every alphabet, spaces, hyphens,
/// apostrophes and dots; no digits, control characters or markup symbols.
pub fn is_name(s: &str) -> bool {
    s.chars().all(|c| {
        !c.is_control() && !c.is_numeric() && !"<>{}[]()@#$%^&*_=+|\\/:;\"!?~`,".contains(c)
    })
}

/// The folded name used for sorting and the duplicate check (R-APP-4).
pub fn name_key(first_names: &str, last_name: &str) -> String {
    fold(&format!("{} {}", last_name.trim(), first_names.trim()))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A validated form with the parsed values.
pub struct ValidApplicant {
    form: ApplicantForm,
    birth_date: NaiveDate,
    experience_years: Option<i32>,
    dates: Dates,
}

#[derive(Default)]
struct Dates {
    course_start: Option<NaiveDate>,
    course_end: Option<NaiveDate>,
    course_dropout: Option<NaiveDate>,
    certificate_date: Option<NaiveDate>,
    recognition_applied: Option<NaiveDate>,
    recognition_decided: Option<NaiveDate>,
    adaptation_start: Option<NaiveDate>,
    adaptation_end: Option<NaiveDate>,
    visa_applied: Option<NaiveDate>,
    visa_granted: Option<NaiveDate>,
    entry_date: Option<NaiveDate>,
    work_start: Option<NaiveDate>,
    consent_storage_date: Option<NaiveDate>,
}

impl ValidApplicant {
    /// The folded name (duplicate check).
    pub fn name_key(&self) -> String {
        name_key(&self.form.first_names, &self.form.last_name)
    }
    /// The birth date.
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }
    /// The registration country.
    pub fn country(&self) -> &str {
        &self.form.country
    }
}

fn optional_date(e: &mut FieldErrors, field: &str, value: &str) -> Option<NaiveDate> {
    if value.trim().is_empty() {
        return None;
    }
    let d = parse_date(value);
    if d.is_none() {
        e.add(field, "applicants-error-date");
    }
    d
}

fn in_list(list: &[(&str, &str)], value: &str) -> bool {
    value.is_empty() || list.iter().any(|(v, _)| *v == value)
}

/// Checks the form (R-APP-2). `country` is the registration country the actor is bound to
/// (AHK staff), `None` for admins.
pub async fn validate(
    services: &Services,
    form: &ApplicantForm,
    country: Option<&str>,
) -> Result<ValidApplicant, FieldErrors> {
    let mut f = form.clone();
    let mut e = FieldErrors::new();
    e.check_texts(&f, &MULTILINE_FIELDS);
    let today = services.clock.now().date_naive();
    if f.last_name.trim().is_empty() {
        e.add("last_name", "applicants-error-last-name");
    }
    for field in ["first_names", "last_name"] {
        let v = if field == "last_name" {
            &f.last_name
        } else {
            &f.first_names
        };
        if v.chars().count() > LINE_MAX {
            e.add(field, "applicants-error-too-long");
        } else if !is_name(v) {
            e.add(field, "applicants-error-name-chars");
        }
    }
    for (field, value) in [
        ("nationality", &f.nationality),
        ("residence", &f.residence),
        ("course_provider", &f.course_provider),
        ("consent_storage_version", &f.consent_storage_version),
    ] {
        if value.chars().count() > LINE_MAX {
            e.add(field, "applicants-error-too-long");
        }
    }
    let birth = match parse_date(&f.birth_date) {
        Some(d) if d >= today => {
            e.add("birth_date", "applicants-error-birth-future");
            None
        }
        Some(d) => Some(d),
        None if f.birth_date.trim().is_empty() => {
            e.add("birth_date", "applicants-error-birth-date");
            None
        }
        None => {
            e.add("birth_date", "applicants-error-date");
            None
        }
    };
    let valid_ref = |kind: &'static str, code: String| async move {
        lists::is_valid(services, kind, &code)
            .await
            .unwrap_or(false)
    };
    if f.country.is_empty() {
        e.add("country", "applicants-error-country");
    } else if !valid_ref("country", f.country.clone()).await {
        e.add("country", "applicants-error-choice");
    } else if country.is_some_and(|c| c != f.country) {
        e.add("country", "applicants-error-country-scope");
    }
    if !f.target_occupation.is_empty()
        && !valid_ref("occupation", f.target_occupation.clone()).await
    {
        e.add("target_occupation", "applicants-error-choice");
    }
    for code in &f.consent_partners {
        if !valid_ref("partner", code.clone()).await {
            e.add("consent_partners", "applicants-error-choice");
        }
    }
    if !STATUSES.iter().any(|(v, _)| *v == f.status) {
        e.add("status", "applicants-error-status");
    } else if f.status == DROPOUT && f.dropout_reason.trim().is_empty() {
        e.add("dropout_reason", "applicants-error-dropout-reason");
    } else if f.status != DROPOUT {
        f.dropout_reason.clear();
    }
    for (field, list, value) in [
        ("salutation", &SALUTATIONS[..], &f.salutation),
        ("german_level", &LEVELS[..], &f.german_level),
        ("certificate_level", &LEVELS[..], &f.certificate_level),
        (
            "recognition_result",
            &RECOGNITION_RESULTS[..],
            &f.recognition_result,
        ),
        ("visa_result", &VISA_RESULTS[..], &f.visa_result),
        ("employed_6m", &YES_NO[..], &f.employed_6m),
        ("employed_12m", &YES_NO[..], &f.employed_12m),
    ] {
        if !in_list(list, value) {
            e.add(field, "applicants-error-choice");
        }
    }
    let experience_years = match f.experience_years.trim() {
        "" => None,
        s => match s.parse::<i32>().ok().filter(|n| (0..=60).contains(n)) {
            Some(n) => Some(n),
            None => {
                e.add("experience_years", "applicants-error-experience");
                None
            }
        },
    };
    if !f.phone.trim().is_empty() && !hih_users::validate::is_phone(&f.phone) {
        e.add("phone", "users-error-phone");
    }
    if !f.email.trim().is_empty() && !hih_users::validate::is_email(&f.email) {
        e.add("email", "users-error-email");
    }
    let dates = Dates {
        course_start: optional_date(&mut e, "course_start", &f.course_start),
        course_end: optional_date(&mut e, "course_end", &f.course_end),
        course_dropout: optional_date(&mut e, "course_dropout", &f.course_dropout),
        certificate_date: optional_date(&mut e, "certificate_date", &f.certificate_date),
        recognition_applied: optional_date(&mut e, "recognition_applied", &f.recognition_applied),
        recognition_decided: optional_date(&mut e, "recognition_decided", &f.recognition_decided),
        adaptation_start: optional_date(&mut e, "adaptation_start", &f.adaptation_start),
        adaptation_end: optional_date(&mut e, "adaptation_end", &f.adaptation_end),
        visa_applied: optional_date(&mut e, "visa_applied", &f.visa_applied),
        visa_granted: optional_date(&mut e, "visa_granted", &f.visa_granted),
        entry_date: optional_date(&mut e, "entry_date", &f.entry_date),
        work_start: optional_date(&mut e, "work_start", &f.work_start),
        consent_storage_date: optional_date(
            &mut e,
            "consent_storage_date",
            &f.consent_storage_date,
        ),
    };
    // Dates in order (R-APP-2): the later date carries the message.
    for (later_field, earlier, later, key) in [
        (
            "visa_granted",
            dates.visa_applied,
            dates.visa_granted,
            "applicants-error-visa-order",
        ),
        (
            "recognition_decided",
            dates.recognition_applied,
            dates.recognition_decided,
            "applicants-error-recognition-order",
        ),
        (
            "course_end",
            dates.course_start,
            dates.course_end,
            "applicants-error-course-order",
        ),
        (
            "course_dropout",
            dates.course_start,
            dates.course_dropout,
            "applicants-error-course-dropout-order",
        ),
        (
            "adaptation_end",
            dates.adaptation_start,
            dates.adaptation_end,
            "applicants-error-adaptation-order",
        ),
        (
            "work_start",
            dates.entry_date,
            dates.work_start,
            "applicants-error-work-order",
        ),
    ] {
        if let (Some(a), Some(b)) = (earlier, later)
            && b < a
        {
            e.add(later_field, key);
        }
    }
    if let Some(b) = birth {
        // Age at entry, or today while the applicant has not entered yet (R-APP-2).
        let at = dates.entry_date.unwrap_or(today);
        if !AGE_RANGE.contains(&age_on(b, at)) {
            e.add("birth_date", "applicants-error-age");
        }
    }
    if let Some(d) = dates.consent_storage_date {
        if d > today {
            e.add("consent_storage_date", "applicants-error-date-future");
        } else if f.consent_storage_version.trim().is_empty() {
            e.add(
                "consent_storage_version",
                "applicants-error-consent-version",
            );
        }
    }
    match birth {
        Some(birth_date) if e.is_empty() => Ok(ValidApplicant {
            form: f,
            birth_date,
            experience_years,
            dates,
        }),
        _ => Err(e),
    }
}

/// An existing applicant with the same folded name, birth date and registration country
/// (R-APP-4), other than `except`.
pub async fn find_duplicate(
    services: &Services,
    v: &ValidApplicant,
    except: Option<i64>,
) -> Result<Option<applicant::Model>, AppError> {
    Ok(applicant::Entity::find()
        .filter(applicant::Column::Country.eq(v.country()))
        .filter(applicant::Column::BirthDate.eq(v.birth_date()))
        .filter(applicant::Column::SortName.eq(v.name_key()))
        .filter(applicant::Column::Id.ne(except.unwrap_or(-1)))
        .one(&services.db)
        .await?)
}

/// The folded search text of an applicant (R-LST-1): ID, names, places, contact, free text.
pub fn search_text(f: &ApplicantForm, applicant_id: Option<&str>) -> String {
    fold_fields([
        applicant_id.unwrap_or(""),
        f.first_names.as_str(),
        f.last_name.as_str(),
        f.nationality.as_str(),
        f.residence.as_str(),
        f.email.as_str(),
        f.phone.as_str(),
        f.qualification.as_str(),
        f.course_provider.as_str(),
        f.integration_measures.as_str(),
        f.dropout_reason.as_str(),
        f.remarks.as_str(),
    ])
}

fn apply(am: &mut applicant::ActiveModel, v: &ValidApplicant, applicant_id: Option<&str>) {
    let f = &v.form;
    let d = &v.dates;
    am.salutation = Set(f.salutation.clone());
    am.first_names = Set(f.first_names.trim().to_string());
    am.last_name = Set(f.last_name.trim().to_string());
    am.birth_date = Set(v.birth_date);
    am.nationality = Set(f.nationality.trim().to_string());
    am.country = Set(f.country.clone());
    am.residence = Set(f.residence.trim().to_string());
    am.email = Set(f.email.trim().to_string());
    am.phone = Set(f.phone.trim().to_string());
    am.dropout_reason = Set(f.dropout_reason.trim().to_string());
    am.target_occupation = Set(f.target_occupation.clone());
    am.qualification = Set(f.qualification.trim().to_string());
    am.experience_years = Set(v.experience_years);
    am.german_level = Set(f.german_level.clone());
    am.course_start = Set(d.course_start);
    am.course_end = Set(d.course_end);
    am.course_dropout = Set(d.course_dropout);
    am.certificate_level = Set(f.certificate_level.clone());
    am.certificate_date = Set(d.certificate_date);
    am.course_provider = Set(f.course_provider.trim().to_string());
    am.recognition_applied = Set(d.recognition_applied);
    am.recognition_decided = Set(d.recognition_decided);
    am.recognition_result = Set(f.recognition_result.clone());
    am.adaptation_start = Set(d.adaptation_start);
    am.adaptation_end = Set(d.adaptation_end);
    am.visa_applied = Set(d.visa_applied);
    am.visa_granted = Set(d.visa_granted);
    am.visa_result = Set(f.visa_result.clone());
    am.entry_date = Set(d.entry_date);
    am.work_start = Set(d.work_start);
    am.integration_measures = Set(f.integration_measures.trim().to_string());
    am.employed_6m = Set(f.employed_6m.clone());
    am.employed_12m = Set(f.employed_12m.clone());
    am.consent_storage_date = Set(d.consent_storage_date);
    am.consent_storage_version = Set(f.consent_storage_version.trim().to_string());
    am.consent_partners = Set(f.consent_partners.join(","));
    am.remarks = Set(f.remarks.trim().to_string());
    am.search_text = Set(search_text(f, applicant_id));
    am.sort_name = Set(v.name_key());
}

async fn record_status(
    uow: &mut UnitOfWork,
    applicant_id: i64,
    status: &str,
    reason: &str,
) -> Result<(), AppError> {
    uow.insert(applicant_status_change::ActiveModel {
        id: NotSet,
        applicant_id: Set(applicant_id),
        status: Set(status.to_string()),
        dropout_reason: Set(reason.to_string()),
        changed_on: Set(uow.now().date_naive()),
    })
    .await?;
    Ok(())
}

/// Creates an applicant with the next ID of its country (R-ID-2), in the unit of work.
pub async fn create(uow: &mut UnitOfWork, v: ValidApplicant) -> Result<applicant::Model, AppError> {
    let now = uow.now();
    let (number, applicant_id) = id::assign(uow, &v.form.country).await?;
    let mut am = applicant::ActiveModel {
        id: NotSet,
        applicant_id: Set(Some(applicant_id.clone())),
        id_number: Set(Some(number)),
        status: Set(v.form.status.clone()),
        status_since: Set(now.date_naive()),
        active: Set(true),
        deactivated_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    apply(&mut am, &v, Some(&applicant_id));
    let created = uow.insert(am).await?;
    record_status(uow, created.id, &created.status, &created.dropout_reason).await?;
    Ok(created)
}

/// Updates an applicant; a new status (or a new dropout reason) gets its change date. The ID
/// never changes (R-ID-2).
pub async fn update(
    uow: &mut UnitOfWork,
    before: &applicant::Model,
    v: ValidApplicant,
) -> Result<applicant::Model, AppError> {
    if changes_fixed_country(before, &v.form) {
        return Err(AppError::Validation(country_fixed_error()));
    }
    let mut am = before.clone().into_active_model();
    apply(&mut am, &v, before.applicant_id.as_deref());
    let reason = v.form.dropout_reason.trim();
    if v.form.status != before.status || reason != before.dropout_reason {
        am.status = Set(v.form.status.clone());
        am.status_since = Set(uow.now().date_naive());
        record_status(uow, before.id, &v.form.status, reason).await?;
    }
    am.updated_at = Set(uow.now());
    uow.update(before, am).await
}

/// Whether `form` would change the registration country of `before` although its applicant
/// ID exists: the ID carries the country (R-ID-1/2), so the country is fixed from then on —
/// for admins too. A wrong country is corrected as `ops/procedures.md` describes (deactivate,
/// register anew, link), which keeps every ID unique.
pub fn changes_fixed_country(before: &applicant::Model, form: &ApplicantForm) -> bool {
    before.applicant_id.is_some() && form.country != before.country
}

/// The field error of [`changes_fixed_country`].
pub fn country_fixed_error() -> FieldErrors {
    let mut e = FieldErrors::new();
    e.add("country", "applicants-error-country-fixed");
    e
}

/// Deactivates an applicant (R-APP-3 as R-COM-3): from now on only admins see it, until the
/// retention purge.
pub async fn deactivate(
    uow: &mut UnitOfWork,
    before: &applicant::Model,
) -> Result<applicant::Model, AppError> {
    uow.set_active::<applicant::ActiveModel>(before, false)
        .await
}

/// Reactivates a deactivated applicant while it is kept for the retention period (admins): its
/// deactivation date is cleared, so the retention purge no longer counts it, and it shows in
/// lists and to its staff again. The unit of work audits it and runs the activation hooks
/// (e.g. matching reopens the access its matches carry).
pub async fn reactivate(
    uow: &mut UnitOfWork,
    before: &applicant::Model,
) -> Result<applicant::Model, AppError> {
    uow.set_active::<applicant::ActiveModel>(before, true).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn ages_count_whole_years() {
        assert_eq!(age_on(d(2000, 6, 15), d(2016, 6, 14)), 15);
        assert_eq!(age_on(d(2000, 6, 15), d(2016, 6, 15)), 16);
        assert_eq!(age_on(d(1950, 1, 1), d(2020, 12, 31)), 70);
        assert_eq!(parse_date("03.02.2026"), Some(d(2026, 2, 3)));
        assert_eq!(parse_date("2026-02-03"), Some(d(2026, 2, 3)));
    }

    #[test]
    fn names_in_any_script() {
        for n in [
            "Nguyễn Thị Hương",
            "João Conceição",
            "प्रिया शर्मा",
            "O'Brien-Smith",
            "Trần Văn Đức",
        ] {
            assert!(is_name(n), "{n}");
        }
        assert!(!is_name("Anna2"));
        assert!(!is_name("<script>"));
        assert_eq!(
            name_key("  Thị   Hương ", "NGUYỄN"),
            name_key("Thi Huong", "Nguyen")
        );
    }

    #[test]
    fn value_keys() {
        assert_eq!(key_of(&STATUSES, "bewerber"), "applicants-status-bewerber");
        assert_eq!(key_of(&LEVELS, "B2"), "applicants-level-b2");
        assert_eq!(key_of(&LEVELS, "X"), "");
    }
}
