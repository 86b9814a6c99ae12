//! Company operations: the form, its checks (R-COM-2), create, update, deactivate, delete.
//! Every write goes through the audited unit of work.

use chrono::NaiveDate;
use hih_db::UnitOfWork;
use hih_db::fold::{fold, fold_fields};
use hih_kernel::{AppError, FieldErrors, Services};
use sea_orm::{ColumnTrait, EntityTrait, IntoActiveModel, NotSet, QueryFilter, Set};
use serde::{Deserialize, Serialize};

use crate::entities::{company, company_status_change};
use hih_reference::{lists, postcodes};

/// Project status values (value, text key).
pub const STATUSES: [(&str, &str); 3] = [
    ("interessiert", "companies-status-interessiert"),
    ("teilnehmend", "companies-status-teilnehmend"),
    ("abbrecher", "companies-status-abbrecher"),
];

/// Salutations of the contact person (value, text key).
pub const SALUTATIONS: [(&str, &str); 4] = [
    ("frau", "users-salutation-frau"),
    ("herr", "users-salutation-herr"),
    ("divers", "users-salutation-divers"),
    ("keine", "users-salutation-keine"),
];

/// Size class limit: KMU means fewer than 250 employees.
pub const KMU_LIMIT: i32 = 250;

/// The company form as submitted (all text), repeated checkboxes as lists.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CompanyForm {
    /// Firmenname.
    pub name: String,
    /// Rechtsform.
    pub legal_form: String,
    /// Straße.
    pub street: String,
    /// Hausnummer.
    pub house_number: String,
    /// PLZ.
    pub plz: String,
    /// Ort.
    pub ort: String,
    /// Branche (code).
    pub industry: String,
    /// Beschäftigtenzahl.
    pub employees: String,
    /// Website.
    pub website: String,
    /// Telefon.
    pub phone: String,
    /// E-Mail.
    pub email: String,
    /// Contact: Anrede.
    pub contact_salutation: String,
    /// Contact: Vorname.
    pub contact_first_name: String,
    /// Contact: Nachname.
    pub contact_last_name: String,
    /// Contact: Funktion.
    pub contact_function: String,
    /// Contact: Telefon.
    pub contact_phone: String,
    /// Contact: E-Mail.
    pub contact_email: String,
    /// Status.
    pub status: String,
    /// Target occupations (codes).
    pub target_occupations: Vec<String>,
    /// Open positions.
    pub open_positions: String,
    /// Outreach format (code).
    pub outreach_format: String,
    /// Consent to storage: date (`JJJJ-MM-TT` from the date input, or `TT.MM.JJJJ`).
    pub consent_storage_date: String,
    /// Consent to storage: text version.
    pub consent_storage_version: String,
    /// Consent to passing data on: partner category codes.
    pub consent_partners: Vec<String>,
    /// Remarks.
    pub remarks: String,
}

impl CompanyForm {
    /// Builds the form from submitted pairs (checkbox groups repeat their name).
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut f = CompanyForm::default();
        for (k, v) in pairs {
            let v = v.clone();
            match k.as_str() {
                "name" => f.name = v,
                "legal_form" => f.legal_form = v,
                "street" => f.street = v,
                "house_number" => f.house_number = v,
                "plz" => f.plz = v,
                "ort" => f.ort = v,
                "industry" => f.industry = v,
                "employees" => f.employees = v,
                "website" => f.website = v,
                "phone" => f.phone = v,
                "email" => f.email = v,
                "contact_salutation" => f.contact_salutation = v,
                "contact_first_name" => f.contact_first_name = v,
                "contact_last_name" => f.contact_last_name = v,
                "contact_function" => f.contact_function = v,
                "contact_phone" => f.contact_phone = v,
                "contact_email" => f.contact_email = v,
                "status" => f.status = v,
                "target_occupations" => f.target_occupations.push(v),
                "open_positions" => f.open_positions = v,
                "outreach_format" => f.outreach_format = v,
                "consent_storage_date" => f.consent_storage_date = v,
                "consent_storage_version" => f.consent_storage_version = v,
                "consent_partners" => f.consent_partners.push(v),
                "remarks" => f.remarks = v,
                _ => {}
            }
        }
        f
    }

    /// The form of an existing company.
    pub fn from_model(m: &company::Model) -> Self {
        let list = |s: &str| {
            s.split(',')
                .filter(|x| !x.is_empty())
                .map(str::to_string)
                .collect()
        };
        CompanyForm {
            name: m.name.clone(),
            legal_form: m.legal_form.clone(),
            street: m.street.clone(),
            house_number: m.house_number.clone(),
            plz: m.plz.clone(),
            ort: m.ort.clone(),
            industry: m.industry.clone(),
            employees: m.employees.map(|e| e.to_string()).unwrap_or_default(),
            website: m.website.clone(),
            phone: m.phone.clone(),
            email: m.email.clone(),
            contact_salutation: m.contact_salutation.clone(),
            contact_first_name: m.contact_first_name.clone(),
            contact_last_name: m.contact_last_name.clone(),
            contact_function: m.contact_function.clone(),
            contact_phone: m.contact_phone.clone(),
            contact_email: m.contact_email.clone(),
            status: m.status.clone(),
            target_occupations: list(&m.target_occupations),
            open_positions: m.open_positions.map(|e| e.to_string()).unwrap_or_default(),
            outreach_format: m.outreach_format.clone(),
            consent_storage_date: m
                .consent_storage_date
                .map(|d| d.to_string())
                .unwrap_or_default(),
            consent_storage_version: m.consent_storage_version.clone(),
            consent_partners: list(&m.consent_partners),
            remarks: m.remarks.clone(),
        }
    }
}

/// Normalised address for the duplicate check: case, accents, spaces, punctuation and
/// "Str."/"Straße"/"Strasse" do not matter.
pub fn address_key(plz: &str, ort: &str, street: &str, house_number: &str) -> String {
    let alnum = |s: String| {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
    };
    let street = fold(street).replace("strasse", "str");
    format!(
        "{}|{}|{}|{}",
        plz.trim(),
        alnum(fold(ort)),
        alnum(street),
        alnum(fold(house_number))
    )
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d.%m.%Y"))
        .ok()
}

fn parse_count(s: &str) -> Result<Option<i32>, ()> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<i32>()
        .ok()
        .filter(|n| (0..=10_000_000).contains(n))
        .map(Some)
        .ok_or(())
}

fn is_email(s: &str) -> bool {
    hih_users::validate::is_email(s)
}

fn is_phone(s: &str) -> bool {
    hih_users::validate::is_phone(s)
}

/// A validated form with the derived values.
pub struct ValidCompany {
    form: CompanyForm,
    kreis: Option<String>,
    district_id: Option<i64>,
    employees: Option<i32>,
    open_positions: Option<i32>,
    consent_date: Option<NaiveDate>,
    address_key: String,
}

/// Checks the form. `district` is the IHK the address must lie in (IHK staff), `existing` the
/// company being edited. A duplicate address yields the id of the existing company.
pub async fn validate(
    services: &Services,
    form: &CompanyForm,
    district: Option<i64>,
    existing: Option<&company::Model>,
) -> Result<ValidCompany, (FieldErrors, Option<i64>)> {
    let f = form.clone();
    let mut e = FieldErrors::new();
    e.check_texts(&f, &["remarks"]);
    let required = [
        ("name", &f.name, "companies-error-name"),
        ("street", &f.street, "companies-error-street"),
        (
            "house_number",
            &f.house_number,
            "companies-error-house-number",
        ),
        ("ort", &f.ort, "companies-error-ort"),
    ];
    for (field, value, key) in required {
        if value.trim().is_empty() {
            e.add(field, key);
        } else if value.chars().count() > 200 {
            e.add(field, "companies-error-too-long");
        }
    }
    let mut kreis = None;
    let mut district_id = None;
    if !f.ort.trim().is_empty() || !f.plz.trim().is_empty() {
        match postcodes::check_address(services, &f.plz, &f.ort, district).await {
            Ok(c) => {
                kreis = c.kreis;
                district_id = c.district_id.or(district);
            }
            Err(AppError::Validation(errs)) => e.0.extend(errs.0),
            Err(_) => e.add("plz", "reference-error-plz-format"),
        }
    }
    let ok = |kind: &'static str, code: String| async move {
        lists::is_valid(services, kind, &code)
            .await
            .unwrap_or(false)
    };
    if !ok("industry", f.industry.clone()).await {
        e.add("industry", "companies-error-industry");
    }
    if !ok("outreach", f.outreach_format.clone()).await {
        e.add("outreach_format", "companies-error-outreach");
    }
    for code in &f.target_occupations {
        if !ok("occupation", code.clone()).await {
            e.add("target_occupations", "companies-error-choice");
        }
    }
    for code in &f.consent_partners {
        if !ok("partner", code.clone()).await {
            e.add("consent_partners", "companies-error-choice");
        }
    }
    if !STATUSES.iter().any(|(v, _)| *v == f.status) {
        e.add("status", "companies-error-status");
    }
    let employees = parse_count(&f.employees).unwrap_or_else(|()| {
        e.add("employees", "companies-error-number");
        None
    });
    let open_positions = parse_count(&f.open_positions).unwrap_or_else(|()| {
        e.add("open_positions", "companies-error-number");
        None
    });
    for (field, value) in [("phone", &f.phone), ("contact_phone", &f.contact_phone)] {
        if !value.trim().is_empty() && !is_phone(value) {
            e.add(field, "users-error-phone");
        }
    }
    for (field, value) in [("email", &f.email), ("contact_email", &f.contact_email)] {
        if !value.trim().is_empty() && !is_email(value) {
            e.add(field, "users-error-email");
        }
    }
    if !f.website.trim().is_empty() && f.website.trim().contains(char::is_whitespace) {
        e.add("website", "companies-error-website");
    }
    if !f.contact_salutation.is_empty()
        && !SALUTATIONS.iter().any(|(v, _)| *v == f.contact_salutation)
    {
        e.add("contact_salutation", "companies-error-choice");
    }
    let consent_date = if f.consent_storage_date.trim().is_empty() {
        None
    } else {
        match parse_date(&f.consent_storage_date) {
            Some(d) if d <= services.clock.now().date_naive() => Some(d),
            Some(_) => {
                e.add("consent_storage_date", "companies-error-date-future");
                None
            }
            None => {
                e.add("consent_storage_date", "companies-error-date");
                None
            }
        }
    };
    if consent_date.is_some() && f.consent_storage_version.trim().is_empty() {
        e.add("consent_storage_version", "companies-error-consent-version");
    }
    let key = address_key(&f.plz, &f.ort, &f.street, &f.house_number);
    let mut duplicate = None;
    if e.is_empty() {
        let clash = company::Entity::find()
            .filter(company::Column::AddressKey.eq(key.clone()))
            .filter(company::Column::Id.ne(existing.map(|c| c.id).unwrap_or(-1)))
            .one(&services.db)
            .await
            .ok()
            .flatten();
        if let Some(c) = clash {
            e.add("street", "companies-error-duplicate");
            duplicate = Some(c.id);
        }
    }
    if !e.is_empty() {
        return Err((e, duplicate));
    }
    Ok(ValidCompany {
        form: f,
        kreis,
        district_id,
        employees,
        open_positions,
        consent_date,
        address_key: key,
    })
}

fn search_text(f: &CompanyForm, kreis: &Option<String>) -> String {
    fold_fields([
        f.name.as_str(),
        f.legal_form.as_str(),
        f.street.as_str(),
        f.house_number.as_str(),
        f.plz.as_str(),
        f.ort.as_str(),
        kreis.as_deref().unwrap_or(""),
        f.website.as_str(),
        f.phone.as_str(),
        f.email.as_str(),
        f.contact_first_name.as_str(),
        f.contact_last_name.as_str(),
        f.contact_function.as_str(),
        f.contact_phone.as_str(),
        f.contact_email.as_str(),
        f.remarks.as_str(),
    ])
}

fn apply(am: &mut company::ActiveModel, v: &ValidCompany) {
    let f = &v.form;
    am.name = Set(f.name.trim().to_string());
    am.legal_form = Set(f.legal_form.trim().to_string());
    am.street = Set(f.street.trim().to_string());
    am.house_number = Set(f.house_number.trim().to_string());
    am.plz = Set(f.plz.trim().to_string());
    am.ort = Set(f.ort.trim().to_string());
    am.kreis = Set(v.kreis.clone());
    am.district_id = Set(v.district_id);
    am.industry = Set(f.industry.clone());
    am.employees = Set(v.employees);
    am.website = Set(f.website.trim().to_string());
    am.phone = Set(f.phone.trim().to_string());
    am.email = Set(f.email.trim().to_string());
    am.contact_salutation = Set(f.contact_salutation.clone());
    am.contact_first_name = Set(f.contact_first_name.trim().to_string());
    am.contact_last_name = Set(f.contact_last_name.trim().to_string());
    am.contact_function = Set(f.contact_function.trim().to_string());
    am.contact_phone = Set(f.contact_phone.trim().to_string());
    am.contact_email = Set(f.contact_email.trim().to_string());
    am.target_occupations = Set(f.target_occupations.join(","));
    am.open_positions = Set(v.open_positions);
    am.outreach_format = Set(f.outreach_format.clone());
    am.consent_storage_date = Set(v.consent_date);
    am.consent_storage_version = Set(f.consent_storage_version.trim().to_string());
    am.consent_partners = Set(f.consent_partners.join(","));
    am.remarks = Set(f.remarks.trim().to_string());
    am.search_text = Set(search_text(f, &v.kreis));
    am.sort_name = Set(fold(&f.name));
    am.address_key = Set(v.address_key.clone());
}

async fn record_status(
    uow: &mut UnitOfWork,
    company_id: i64,
    status: &str,
) -> Result<(), AppError> {
    uow.insert(company_status_change::ActiveModel {
        id: NotSet,
        company_id: Set(company_id),
        status: Set(status.to_string()),
        changed_on: Set(uow.now().date_naive()),
    })
    .await?;
    Ok(())
}

/// Creates a company.
pub async fn create(uow: &mut UnitOfWork, v: ValidCompany) -> Result<company::Model, AppError> {
    let now = uow.now();
    let mut am = company::ActiveModel {
        id: NotSet,
        status: Set(v.form.status.clone()),
        status_since: Set(now.date_naive()),
        active: Set(true),
        deactivated_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    apply(&mut am, &v);
    let created = uow.insert(am).await?;
    record_status(uow, created.id, &created.status).await?;
    Ok(created)
}

/// Updates a company; a new status gets its change date.
pub async fn update(
    uow: &mut UnitOfWork,
    before: &company::Model,
    v: ValidCompany,
) -> Result<company::Model, AppError> {
    let mut am = before.clone().into_active_model();
    apply(&mut am, &v);
    if v.form.status != before.status {
        am.status = Set(v.form.status.clone());
        am.status_since = Set(uow.now().date_naive());
        record_status(uow, before.id, &v.form.status).await?;
    }
    am.updated_at = Set(uow.now());
    uow.update(before, am).await
}

/// Deactivates a company (R-COM-3): from now on only admins see it, until the retention purge.
pub async fn deactivate(
    uow: &mut UnitOfWork,
    before: &company::Model,
) -> Result<company::Model, AppError> {
    uow.set_active::<company::ActiveModel>(before, false).await
}

/// Reactivates a deactivated company while it is kept for the retention period (admins): its
/// deactivation date is cleared, so the retention purge no longer counts it, and it shows in
/// lists and to its staff again. The unit of work audits it and runs the activation hooks
/// (e.g. matching reopens the access its matches carry).
pub async fn reactivate(
    uow: &mut UnitOfWork,
    before: &company::Model,
) -> Result<company::Model, AppError> {
    uow.set_active::<company::ActiveModel>(before, true).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_normalise() {
        let a = address_key("99084", "Erfurt", "Hauptstr. 5", "5a");
        assert_eq!(a, address_key("99084", "ERFURT", "Hauptstraße 5", "5 A"));
        assert_eq!(a, address_key("99084", "erfurt", "Haupt-Strasse 5", "5a"));
        assert_ne!(a, address_key("99084", "Erfurt", "Hauptstraße 5", "7"));
    }

    #[test]
    fn forms_collect_repeated_checkboxes() {
        let pairs: Vec<(String, String)> = [
            ("name", "A"),
            ("target_occupations", "koch"),
            ("target_occupations", "hotelfach"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let f = CompanyForm::from_pairs(&pairs);
        assert_eq!(f.target_occupations, vec!["koch", "hotelfach"]);
        assert_eq!(
            parse_date("03.02.2026"),
            NaiveDate::from_ymd_opt(2026, 2, 3)
        );
        assert_eq!(parse_count("12"), Ok(Some(12)));
        assert_eq!(parse_count("-1"), Err(()));
    }
}
