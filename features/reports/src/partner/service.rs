//! Partner export profiles (R-EXP-3): the form, its validation with German messages next to
//! the fields, and the audited writes — create, change, deactivate, request a file, create a
//! download link (optionally mailed).

use chrono::{Datelike, Duration, NaiveDate};
use hih_db::{UnitOfWork, hash_token, new_token};
use hih_i18n::{Locale, TextArg};
use hih_kernel::{AppError, FieldErrors, Services};
use hih_reference::lists;
use hih_users::entities::institution;
use sea_orm::{ActiveValue::NotSet, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde::{Deserialize, Serialize};

use super::catalogue::Subject;
use crate::entities::{download_link, generated_file, partner_profile};
use crate::files::{self, KIND_PARTNER};

/// Name of the generation job (payload `{file_id}`).
pub const EXPORT_JOB: &str = "reports.partner-export";
/// Days a download link stays valid.
pub const LINK_DAYS: i64 = 7;
/// Days after which the content of a partner file is dropped (the record stays).
pub const KEEP_DAYS: i64 = 30;
/// Longest profile name.
const NAME_MAX: usize = 200;

/// What records without consent become.
pub const WITHOUT_CONSENT: [(&str, &str); 2] = [
    ("pseudonym", "reports-partner-without-consent-pseudonym"),
    ("omit", "reports-partner-without-consent-omit"),
];

/// File formats.
pub const FORMATS: [(&str, &str); 2] = [
    ("xlsx", "reports-partner-format-xlsx"),
    ("csv", "reports-partner-format-csv"),
];

/// A profile as typed into the form.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ProfileForm {
    /// `applicant` or `company` (fixed once created).
    pub subject: String,
    /// Name.
    pub name: String,
    /// Partner category code.
    pub partner_category: String,
    /// Selected field codes.
    pub fields: Vec<String>,
    /// Applicants: country filter.
    pub filter_country: String,
    /// Status filter.
    pub filter_status: String,
    /// Companies: district filter (institution id as text).
    pub filter_district: String,
    /// `pseudonym` or `omit`.
    pub without_consent: String,
    /// `xlsx` or `csv`.
    pub format: String,
    /// `on` when generated monthly.
    pub monthly: String,
    /// Recipient e-mail (optional).
    pub recipient_email: String,
}

impl ProfileForm {
    /// Reads the submitted pairs (`fields` may repeat).
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut f = ProfileForm::default();
        for (k, v) in pairs {
            let v = v.clone();
            match k.as_str() {
                "subject" => f.subject = v,
                "name" => f.name = v,
                "partner_category" => f.partner_category = v,
                "fields" => f.fields.push(v),
                "filter_country" => f.filter_country = v,
                "filter_status" => f.filter_status = v,
                "filter_district" => f.filter_district = v,
                "without_consent" => f.without_consent = v,
                "format" => f.format = v,
                "monthly" => f.monthly = v,
                "recipient_email" => f.recipient_email = v,
                _ => {}
            }
        }
        f
    }

    /// The form of a stored profile.
    pub fn from_model(p: &partner_profile::Model) -> Self {
        ProfileForm {
            subject: p.subject.clone(),
            name: p.name.clone(),
            partner_category: p.partner_category.clone(),
            fields: split_fields(&p.fields),
            filter_country: p.filter_country.clone(),
            filter_status: p.filter_status.clone(),
            filter_district: p
                .filter_district_id
                .map(|d| d.to_string())
                .unwrap_or_default(),
            without_consent: p.without_consent.clone(),
            format: p.format.clone(),
            monthly: if p.monthly {
                "on".into()
            } else {
                String::new()
            },
            recipient_email: p.recipient_email.clone(),
        }
    }

    /// A new form for `subject` with the defaults (pseudonym, XLSX).
    pub fn new_for(subject: Subject) -> Self {
        ProfileForm {
            subject: subject.code().into(),
            without_consent: "pseudonym".into(),
            format: "xlsx".into(),
            ..Default::default()
        }
    }
}

/// The field codes of a stored profile.
pub fn split_fields(fields: &str) -> Vec<String> {
    fields
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A checked profile.
#[derive(Debug, Clone)]
pub struct ValidProfile {
    subject: Subject,
    name: String,
    partner_category: String,
    fields: String,
    filter_country: String,
    filter_status: String,
    filter_district_id: Option<i64>,
    without_consent: String,
    format: String,
    monthly: bool,
    recipient_email: String,
}

/// Status values (value, text key) of a subject.
pub fn statuses(subject: Subject) -> &'static [(&'static str, &'static str)] {
    match subject {
        Subject::Applicant => &hih_applicants::service::STATUSES,
        Subject::Company => &hih_companies::service::STATUSES,
    }
}

/// IHK districts `(id, name)` for the company filter.
pub async fn districts(services: &Services) -> Result<Vec<(i64, String)>, AppError> {
    use sea_orm::QueryOrder;
    Ok(institution::Entity::find()
        .filter(institution::Column::Kind.eq("ihk"))
        .order_by_asc(institution::Column::SortName)
        .all(&services.db)
        .await?
        .into_iter()
        .map(|i| (i.id, i.name))
        .collect())
}

/// Checks a profile form (its `subject` included); German messages next to the fields.
pub async fn validate(services: &Services, f: &ProfileForm) -> Result<ValidProfile, FieldErrors> {
    let mut e = FieldErrors::new();
    e.check_texts(f, &[]);
    let internal = |_: AppError| {
        let mut e = FieldErrors::new();
        e.add("name", "error-internal");
        e
    };
    let Some(subject) = Subject::parse(&f.subject) else {
        e.add("name", "reports-partner-error-subject");
        return Err(e);
    };
    let name = f.name.trim();
    if name.is_empty() {
        e.add("name", "reports-partner-error-name");
    } else if name.chars().count() > NAME_MAX {
        e.add("name", "reports-partner-error-name-long");
    }
    if f.partner_category.is_empty()
        || !lists::is_valid(services, "partner", &f.partner_category)
            .await
            .map_err(internal)?
    {
        e.add("partner_category", "reports-partner-error-category");
    }
    let catalogue = subject.fields();
    if f.fields.is_empty()
        || f.fields
            .iter()
            .any(|c| !catalogue.iter().any(|d| d.code == c))
    {
        e.add("fields", "reports-partner-error-fields");
    }
    let fields: Vec<&str> = catalogue
        .iter()
        .filter(|d| f.fields.iter().any(|c| c == d.code))
        .map(|d| d.code)
        .collect();
    let mut filter_country = String::new();
    let mut filter_district_id = None;
    match subject {
        Subject::Applicant => {
            if !f.filter_country.is_empty() {
                if lists::is_valid(services, "country", &f.filter_country)
                    .await
                    .map_err(internal)?
                {
                    filter_country = f.filter_country.clone();
                } else {
                    e.add("filter_country", "reports-partner-error-country");
                }
            }
        }
        Subject::Company => {
            if !f.filter_district.is_empty() {
                let known = districts(services).await.map_err(internal)?;
                match f.filter_district.parse::<i64>() {
                    Ok(id) if known.iter().any(|(d, _)| *d == id) => {
                        filter_district_id = Some(id);
                    }
                    _ => e.add("filter_district", "reports-partner-error-district"),
                }
            }
        }
    }
    if !f.filter_status.is_empty() && !statuses(subject).iter().any(|(v, _)| *v == f.filter_status)
    {
        e.add("filter_status", "reports-partner-error-status");
    }
    if !WITHOUT_CONSENT.iter().any(|(v, _)| *v == f.without_consent) {
        e.add("without_consent", "reports-partner-error-without-consent");
    }
    if !FORMATS.iter().any(|(v, _)| *v == f.format) {
        e.add("format", "reports-partner-error-format");
    }
    let recipient_email = f.recipient_email.trim().to_string();
    if !recipient_email.is_empty() && !hih_users::validate::is_email(&recipient_email) {
        e.add("recipient_email", "reports-partner-error-email");
    }
    if !e.is_empty() {
        return Err(e);
    }
    Ok(ValidProfile {
        subject,
        name: name.to_string(),
        partner_category: f.partner_category.clone(),
        fields: fields.join(","),
        filter_country,
        filter_status: f.filter_status.clone(),
        filter_district_id,
        without_consent: f.without_consent.clone(),
        format: f.format.clone(),
        monthly: f.monthly == "on",
        recipient_email,
    })
}

/// Creates a profile.
pub async fn create(
    uow: &mut UnitOfWork,
    v: ValidProfile,
) -> Result<partner_profile::Model, AppError> {
    let now = uow.now();
    uow.insert(partner_profile::ActiveModel {
        id: NotSet,
        name: Set(v.name),
        partner_category: Set(v.partner_category),
        subject: Set(v.subject.code().to_string()),
        fields: Set(v.fields),
        filter_country: Set(v.filter_country),
        filter_status: Set(v.filter_status),
        filter_district_id: Set(v.filter_district_id),
        without_consent: Set(v.without_consent),
        format: Set(v.format),
        monthly: Set(v.monthly),
        recipient_email: Set(v.recipient_email),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .await
}

/// Changes a profile (its subject stays).
pub async fn update(
    uow: &mut UnitOfWork,
    before: &partner_profile::Model,
    v: ValidProfile,
) -> Result<partner_profile::Model, AppError> {
    let mut am = before.clone().into_active_model();
    am.name = Set(v.name);
    am.partner_category = Set(v.partner_category);
    am.fields = Set(v.fields);
    am.filter_country = Set(v.filter_country);
    am.filter_status = Set(v.filter_status);
    am.filter_district_id = Set(v.filter_district_id);
    am.without_consent = Set(v.without_consent);
    am.format = Set(v.format);
    am.monthly = Set(v.monthly);
    am.recipient_email = Set(v.recipient_email);
    am.updated_at = Set(uow.now());
    uow.update(before, am).await
}

/// Deactivates a profile: no more files; the recorded files stay.
pub async fn deactivate(
    uow: &mut UnitOfWork,
    before: &partner_profile::Model,
) -> Result<partner_profile::Model, AppError> {
    let mut am = before.clone().into_active_model();
    am.active = Set(false);
    am.updated_at = Set(uow.now());
    uow.update(before, am).await
}

/// Requests a file of `profile` (for the month starting `month` when scheduled) and enqueues
/// the generation job after commit.
pub async fn request_file(
    uow: &mut UnitOfWork,
    profile: &partner_profile::Model,
    month: Option<NaiveDate>,
) -> Result<generated_file::Model, AppError> {
    let today = crate::codes::berlin_day(uow.now());
    let ext = if profile.format == "csv" {
        "csv"
    } else {
        "xlsx"
    };
    let content_type = if ext == "csv" {
        hih_web::export::CSV
    } else {
        hih_web::export::XLSX
    };
    let period = month.map(|m| (m, last_of_month(m)));
    let stamp = month
        .map(|m| m.format("%Y-%m").to_string())
        .unwrap_or_else(|| today.to_string());
    let file = files::request(
        uow,
        files::Request {
            kind: KIND_PARTNER,
            title: format!("{} {stamp}", profile.name),
            profile_id: Some(profile.id),
            period,
            file_name: format!("partnerexport-{}-{stamp}.{ext}", profile.id),
            content_type,
        },
    )
    .await?;
    uow.after_commit(EXPORT_JOB, serde_json::json!({ "file_id": file.id }));
    Ok(file)
}

/// The last day of the month starting `first`.
pub fn last_of_month(first: NaiveDate) -> NaiveDate {
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).unwrap_or(first)
}

/// The public URL of a link token.
pub fn link_url(services: &Services, token: &str) -> String {
    services
        .settings
        .absolute_url(&format!("/download/{token}"))
}

/// Creates a download link of `file` valid for [`LINK_DAYS`]; mails it to `mail_to` through
/// the outbox when given. Returns the link and its token (shown once, never stored).
pub async fn create_link(
    uow: &mut UnitOfWork,
    file: &generated_file::Model,
    mail_to: Option<&str>,
) -> Result<(download_link::Model, String), AppError> {
    let token = new_token();
    let now = uow.now();
    let actor = uow.actor().clone();
    let expires_at = now + Duration::days(LINK_DAYS);
    let link = uow
        .insert(download_link::ActiveModel {
            id: NotSet,
            file_id: Set(file.id),
            token_hash: Set(hash_token(&token)),
            expires_at: Set(expires_at),
            created_by: Set(actor.user_id()),
            created_by_name: Set(actor.display_name()),
            created_at: Set(now),
            mailed_to: Set(mail_to.unwrap_or_default().to_string()),
            download_count: Set(0),
            last_download_at: Set(None),
        })
        .await?;
    if let Some(to) = mail_to {
        let url = link_url(uow.services(), &token);
        let texts = uow.services().texts.clone();
        let args = [
            ("link", TextArg::Str(url)),
            ("title", TextArg::Str(file.title.clone())),
            ("days", TextArg::Num(LINK_DAYS as f64)),
            ("sha", TextArg::Str(file.sha256.clone())),
        ];
        let mail = hih_mail::Mail {
            to: to.to_string(),
            subject: texts.t(Locale::De, "reports-partner-mail-subject", &args),
            body: texts.t(Locale::De, "reports-partner-mail-body", &args),
        };
        hih_mail::queue(uow, mail).await?;
    }
    Ok((link, token))
}

/// The link of a token if it still serves its file: known, not expired, the file done and
/// its content not purged.
pub async fn find_link(
    services: &Services,
    token: &str,
) -> Result<Option<(download_link::Model, generated_file::Model)>, AppError> {
    let Some(link) = download_link::Entity::find()
        .filter(download_link::Column::TokenHash.eq(hash_token(token)))
        .one(&services.db)
        .await?
    else {
        return Ok(None);
    };
    if link.expires_at <= services.clock.now() {
        return Ok(None);
    }
    let Some(file) = files::find(services, link.file_id).await? else {
        return Ok(None);
    };
    if file.kind != KIND_PARTNER || file.content.is_none() || file.status != "done" {
        return Ok(None);
    }
    Ok(Some((link, file)))
}

/// Counts a download of `link`.
pub async fn count_download(
    uow: &mut UnitOfWork,
    link: &download_link::Model,
) -> Result<(), AppError> {
    let mut am = link.clone().into_active_model();
    am.download_count = Set(link.download_count + 1);
    am.last_download_at = Set(Some(uow.now()));
    uow.update(link, am).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_ends() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(last_of_month(d(2026, 12, 1)), d(2026, 12, 31));
        assert_eq!(last_of_month(d(2028, 2, 1)), d(2028, 2, 29));
    }

    #[test]
    fn repeated_fields_are_read() {
        let pairs: Vec<(String, String)> = [("fields", "a"), ("name", "X"), ("fields", "b")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let f = ProfileForm::from_pairs(&pairs);
        assert_eq!(f.fields, ["a", "b"]);
        assert_eq!(f.name, "X");
    }
}
