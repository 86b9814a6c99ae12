//! Postcode reference data: the CSV import (CLI and admin upload) with a validation report,
//! the table built into the binary and loaded into an empty database at start, and the
//! address check companies use (R-REF-1, R-REF-2, R-COM-2).

use std::collections::HashSet;

use hih_db::UnitOfWork;
use hih_db::fold::fold;
use hih_kernel::{Actor, AppError, Services};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::entities::{district_area, postcode};

pub mod builtin;

/// The expected header of the CSV (`osm_id,ort,plz,landkreis,bundesland`, OpenStreetMap).
pub const HEADER: [&str; 5] = ["osm_id", "ort", "plz", "landkreis", "bundesland"];

/// One problem found in the file: line number (1 = header) and a text key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// Line in the file.
    pub line: u64,
    /// Text key of the message.
    pub key: &'static str,
}

/// What an import found and did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Data rows read.
    pub rows: u64,
    /// Distinct (PLZ, Ort) rows stored (or that would be stored in a dry run).
    pub imported: u64,
    /// Exact repetitions skipped.
    pub duplicates: u64,
    /// Problems; the import stores nothing if there is any.
    pub problems: Vec<ImportProblem>,
    /// Nothing was written (dry run or problems).
    pub dry_run: bool,
}

fn is_plz(s: &str) -> bool {
    s.len() == 5 && s.chars().all(|c| c.is_ascii_digit())
}

/// Parses and checks a CSV; returns the rows to store and the report.
pub fn parse(bytes: &[u8]) -> (Vec<postcode::ActiveModel>, ImportReport) {
    let mut report = ImportReport::default();
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(bytes);
    match reader.headers() {
        Ok(h) if h.iter().map(str::trim).eq(HEADER.iter().copied()) => {}
        _ => {
            report.problems.push(ImportProblem {
                line: 1,
                key: "reference-plz-error-header",
            });
            return (out, report);
        }
    }
    for (i, record) in reader.records().enumerate() {
        let line = i as u64 + 2;
        report.rows += 1;
        let Ok(r) = record else {
            report.problems.push(ImportProblem {
                line,
                key: "reference-plz-error-row",
            });
            continue;
        };
        if r.len() != 5 {
            report.problems.push(ImportProblem {
                line,
                key: "reference-plz-error-columns",
            });
            continue;
        }
        let (ort, plz, landkreis, land) = (r[1].trim(), r[2].trim(), r[3].trim(), r[4].trim());
        if !is_plz(plz) {
            report.problems.push(ImportProblem {
                line,
                key: "reference-plz-error-plz",
            });
            continue;
        }
        if ort.is_empty() || land.is_empty() {
            report.problems.push(ImportProblem {
                line,
                key: "reference-plz-error-empty",
            });
            continue;
        }
        if !seen.insert((plz.to_string(), ort.to_string(), landkreis.to_string())) {
            report.duplicates += 1;
            continue;
        }
        out.push(postcode::ActiveModel {
            id: sea_orm::NotSet,
            plz: sea_orm::Set(plz.to_string()),
            ort: sea_orm::Set(ort.to_string()),
            landkreis: sea_orm::Set((!landkreis.is_empty()).then(|| landkreis.to_string())),
            bundesland: sea_orm::Set(land.to_string()),
        });
    }
    report.imported = out.len() as u64;
    (out, report)
}

/// Replaces the postcode table with the file's rows in one transaction (all or nothing),
/// unless there are problems or `dry_run`. `progress` is told the rows written so far.
pub async fn import(
    services: &Services,
    actor: &Actor,
    bytes: &[u8],
    dry_run: bool,
    progress: impl FnMut(u64, u64),
) -> Result<ImportReport, AppError> {
    let (rows, mut report) = parse(bytes);
    if dry_run || !report.problems.is_empty() || rows.is_empty() {
        report.dry_run = true;
        if rows.is_empty() && report.problems.is_empty() {
            report.problems.push(ImportProblem {
                line: 1,
                key: "reference-plz-error-empty-file",
            });
        }
        return Ok(report);
    }
    let mut uow = UnitOfWork::begin(services, actor).await?;
    replace(&mut uow, rows, &report, progress).await?;
    uow.commit().await?;
    Ok(report)
}

/// Replaces all postcode rows with `rows` inside `uow` and records one audit event with the
/// report's counts (the import's only write path, for files and the built-in table alike).
async fn replace(
    uow: &mut UnitOfWork,
    rows: Vec<postcode::ActiveModel>,
    report: &ImportReport,
    mut progress: impl FnMut(u64, u64),
) -> Result<(), AppError> {
    let total = rows.len() as u64;
    let removed = postcode::Entity::delete_many()
        .exec(uow.txn())
        .await?
        .rows_affected;
    let mut done = 0u64;
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<postcode::ActiveModel> = rows.by_ref().take(500).collect();
        done += chunk.len() as u64;
        postcode::Entity::insert_many(chunk).exec(uow.txn()).await?;
        progress(done, total);
    }
    uow.event(
        "postcode",
        "*",
        "import",
        serde_json::json!({ "rows": report.rows, "imported": report.imported, "duplicates": report.duplicates, "replaced": removed }),
    );
    Ok(())
}

/// Number of postcode rows (0 = not loaded: checks fall back to five digits).
pub async fn count(services: &Services) -> Result<u64, AppError> {
    Ok(postcode::Entity::find().count(&services.db).await?)
}

/// The status page's check "postcode data loaded" (R-OPS-1): without postcodes, addresses
/// are checked for five digits only and no district is derived from them.
pub struct PostcodeStatus;

#[async_trait::async_trait]
impl hih_kernel::StatusCheck for PostcodeStatus {
    fn key(&self) -> &'static str {
        "postcodes"
    }

    fn label_key(&self) -> &'static str {
        "reference-status-postcodes"
    }

    async fn check(&self, services: &Services) -> Result<hih_kernel::StatusFinding, AppError> {
        use hih_kernel::{StatusFinding, StatusLevel};
        let n = count(services).await?;
        Ok(if n == 0 {
            StatusFinding::new(StatusLevel::Warning, "reference-status-postcodes-missing")
                .href("/referenzdaten")
        } else {
            StatusFinding::new(StatusLevel::Ok, "reference-status-postcodes-loaded").arg("count", n)
        })
    }
}

/// Why an address was refused (each with its German message key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    /// Not five digits.
    #[error("postcode format")]
    PlzFormat,
    /// Postcode unknown.
    #[error("postcode unknown")]
    PlzUnknown,
    /// The place does not belong to the postcode.
    #[error("place does not match postcode")]
    OrtMismatch,
    /// The address lies outside the given IHK district.
    #[error("outside district")]
    OutsideDistrict,
}

impl AddressError {
    /// Field and text key of the message.
    pub fn field_and_key(self) -> (&'static str, &'static str) {
        match self {
            AddressError::PlzFormat => ("plz", "reference-error-plz-format"),
            AddressError::PlzUnknown => ("plz", "reference-error-plz-unknown"),
            AddressError::OrtMismatch => ("ort", "reference-error-ort-mismatch"),
            AddressError::OutsideDistrict => ("plz", "reference-error-outside-district"),
        }
    }
}

/// Whether `typed` names the place `ort` of the data: folded equality, also against each
/// part of a name like "Bad Frankenhausen/Kyffhäuser".
fn ort_matches(ort: &str, typed: &str) -> bool {
    let t = fold(typed);
    !t.is_empty() && (fold(ort) == t || ort.split('/').any(|p| fold(p) == t))
}

/// The result of a successful check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedAddress {
    /// The Landkreis or kreisfreie Stadt (`None` while no postcode data is loaded).
    pub kreis: Option<String>,
    /// The IHK (institution) whose district contains it, if any.
    pub district_id: Option<i64>,
}

/// Checks PLZ and Ort against the reference data and, with `district`, that the address lies
/// in that IHK's district. Without postcode data only the five digits are checked.
pub async fn check_address(
    services: &Services,
    plz: &str,
    ort: &str,
    district: Option<i64>,
) -> Result<CheckedAddress, AppError> {
    let plz = plz.trim();
    if !is_plz(plz) {
        return Err(address(AddressError::PlzFormat));
    }
    if count(services).await? == 0 {
        return Ok(CheckedAddress {
            kreis: None,
            district_id: None,
        });
    }
    let rows = postcode::Entity::find()
        .filter(postcode::Column::Plz.eq(plz))
        .all(&services.db)
        .await?;
    if rows.is_empty() {
        return Err(address(AddressError::PlzUnknown));
    }
    let Some(row) = rows.iter().find(|r| ort_matches(&r.ort, ort)) else {
        return Err(address(AddressError::OrtMismatch));
    };
    let kreis = row.kreis().to_string();
    let area = district_area::Entity::find()
        .filter(district_area::Column::Name.eq(kreis.clone()))
        .one(&services.db)
        .await?;
    let district_id = area.map(|a| a.institution_id);
    if let Some(wanted) = district
        && district_id != Some(wanted)
    {
        return Err(address(AddressError::OutsideDistrict));
    }
    Ok(CheckedAddress {
        kreis: Some(kreis),
        district_id,
    })
}

fn address(e: AddressError) -> AppError {
    let (field, key) = e.field_and_key();
    let mut errors = hih_kernel::FieldErrors::new();
    errors.add(field, key);
    AppError::Validation(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_reports_each_problem_with_its_line() {
        let csv = "osm_id,ort,plz,landkreis,bundesland\n\
                   1,Bad Frankenhausen/Kyffhäuser,06567,Kyffhäuserkreis,Thüringen\n\
                   2,Erfurt,99084,,Thüringen\n\
                   2,Erfurt,99084,,Thüringen\n\
                   3,Irgendwo,1234,,Bayern\n\
                   4,,12345,,Bayern\n";
        let (rows, report) = parse(csv.as_bytes());
        assert_eq!(rows.len(), 2);
        assert_eq!(report.rows, 5);
        assert_eq!(report.duplicates, 1);
        assert_eq!(
            report.problems,
            vec![
                ImportProblem {
                    line: 5,
                    key: "reference-plz-error-plz"
                },
                ImportProblem {
                    line: 6,
                    key: "reference-plz-error-empty"
                },
            ]
        );
        let (_, bad) = parse(b"plz;ort\n1;2\n");
        assert_eq!(bad.problems[0].key, "reference-plz-error-header");
    }

    #[test]
    fn places_match_with_folding_and_slash_parts() {
        assert!(ort_matches(
            "Bad Frankenhausen/Kyffhäuser",
            "bad frankenhausen"
        ));
        assert!(ort_matches("Bad Frankenhausen/Kyffhäuser", "Kyffhauser"));
        assert!(ort_matches("Düsseldorf", "DUSSELDORF"));
        assert!(!ort_matches("Düsseldorf", "Düssel"));
        assert!(!ort_matches("Erfurt", ""));
    }
}
