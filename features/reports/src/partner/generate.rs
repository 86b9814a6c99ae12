//! Building a partner file (R-EXP-3): records of the profile's subject that are active and
//! match its filter, read from the database in batches by id and written row by row. THE
//! RULE (GDPR Art. 6(1)(a)): a record carries personal data only if its `consent_partners`
//! contains the profile's partner category; otherwise only its ID and the non-personal fields
//! (pseudonym mode), or it is left out (omit mode).

use hih_applicants::entities::applicant;
use hih_companies::entities::company;
use hih_i18n::Locale;
use hih_kernel::{AppError, Services};
use hih_reference::lists;
use hih_web::export::{Cell, ExportFormat, ExportWriter};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::catalogue::{
    FieldDef, Labels, Subject, applicant_cell, company_cell, company_pseudonym, consents,
};
use super::service::{districts, split_fields, statuses};
use crate::entities::partner_profile;

/// Records read per query.
const BATCH: u64 = 500;

/// The file content and its number of data rows.
pub struct Built {
    /// File bytes.
    pub content: Vec<u8>,
    /// Data rows.
    pub rows: u64,
}

async fn labels(services: &Services, subject: Subject) -> Result<Labels, AppError> {
    let mut l = Labels::default();
    for kind in ["country", "occupation", "industry"] {
        for (code, label) in lists::options(services, kind, Locale::De).await? {
            l.reference.insert((kind, code), label);
        }
    }
    for (value, key) in statuses(subject) {
        l.statuses
            .insert(value.to_string(), services.texts.t(Locale::De, key, &[]));
    }
    if subject == Subject::Company {
        l.districts = districts(services).await?.into_iter().collect();
    }
    Ok(l)
}

/// The selected fields of a profile, in catalogue order.
fn selected(profile: &partner_profile::Model, subject: Subject) -> Vec<FieldDef> {
    let codes = split_fields(&profile.fields);
    subject
        .fields()
        .iter()
        .filter(|d| codes.iter().any(|c| c == d.code))
        .copied()
        .collect()
}

/// One output row, or `None` if the record is left out.
fn row_of(
    id: String,
    consented: bool,
    profile: &partner_profile::Model,
    fields: &[FieldDef],
    cell: impl Fn(&str) -> Cell,
) -> Option<Vec<Cell>> {
    if !consented && profile.without_consent != "pseudonym" {
        return None;
    }
    let mut row = Vec::with_capacity(fields.len() + 1);
    row.push(Cell::Text(id));
    for d in fields {
        row.push(if d.personal && !consented {
            Cell::Text(String::new())
        } else {
            cell(d.code)
        });
    }
    Some(row)
}

/// Builds the file of `profile` from the current data.
pub async fn build(
    services: &Services,
    profile: &partner_profile::Model,
) -> Result<Built, AppError> {
    let subject = Subject::parse(&profile.subject)
        .ok_or_else(|| AppError::Internal(format!("subject {}", profile.subject)))?;
    let fields = selected(profile, subject);
    let labels = labels(services, subject).await?;
    let format = if profile.format == "csv" {
        ExportFormat::Csv
    } else {
        ExportFormat::Xlsx
    };
    let mut header = vec![services.texts.t(Locale::De, subject.id_label_key(), &[])];
    header.extend(
        fields
            .iter()
            .map(|d| services.texts.t(Locale::De, d.label_key, &[])),
    );
    let sheet = services.texts.t(Locale::De, "reports-partner-sheet", &[]);
    let mut w = ExportWriter::with_bom(format, &sheet, &header, services.settings.export.csv_bom)?;
    let category = profile.partner_category.as_str();
    let db = &services.db;
    let mut after = 0_i64;
    match subject {
        Subject::Applicant => {
            let mut cond = Condition::all()
                .add(applicant::Column::Active.eq(true))
                .add(applicant::Column::ApplicantId.is_not_null());
            if !profile.filter_country.is_empty() {
                cond = cond.add(applicant::Column::Country.eq(profile.filter_country.as_str()));
            }
            if !profile.filter_status.is_empty() {
                cond = cond.add(applicant::Column::Status.eq(profile.filter_status.as_str()));
            }
            loop {
                let batch = applicant::Entity::find()
                    .filter(cond.clone())
                    .filter(applicant::Column::Id.gt(after))
                    .order_by_asc(applicant::Column::Id)
                    .limit(BATCH)
                    .all(db)
                    .await?;
                let Some(last) = batch.last() else { break };
                after = last.id;
                for a in &batch {
                    let id = a.applicant_id.clone().unwrap_or_default();
                    let ok = consents(&a.consent_partners, category);
                    if let Some(row) =
                        row_of(id, ok, profile, &fields, |c| applicant_cell(a, c, &labels))
                    {
                        w.push(&row)?;
                    }
                }
            }
        }
        Subject::Company => {
            let mut cond = Condition::all().add(company::Column::Active.eq(true));
            if let Some(d) = profile.filter_district_id {
                cond = cond.add(company::Column::DistrictId.eq(d));
            }
            if !profile.filter_status.is_empty() {
                cond = cond.add(company::Column::Status.eq(profile.filter_status.as_str()));
            }
            loop {
                let batch = company::Entity::find()
                    .filter(cond.clone())
                    .filter(company::Column::Id.gt(after))
                    .order_by_asc(company::Column::Id)
                    .limit(BATCH)
                    .all(db)
                    .await?;
                let Some(last) = batch.last() else { break };
                after = last.id;
                for c in &batch {
                    let ok = consents(&c.consent_partners, category);
                    if let Some(row) = row_of(company_pseudonym(c.id), ok, profile, &fields, |f| {
                        company_cell(c, f, &labels)
                    }) {
                        w.push(&row)?;
                    }
                }
            }
        }
    }
    let rows = u64::from(w.rows());
    Ok(Built {
        content: w.finish()?,
        rows,
    })
}
