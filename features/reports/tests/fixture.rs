//! A hand-built fixture for the statistics: five companies in two IHK districts, five
//! applicants in two countries with chosen dates, three matches, 1A monthly counts. The
//! expected figures in the tests are computed by hand from the values here.

use chrono::{NaiveDate, TimeZone, Utc};
use hih_applicants::entities::{applicant, applicant_access};
use hih_companies::entities::{company, monthly_count, monthly_count_line};
use hih_db::UnitOfWork;
use hih_kernel::Actor;
use hih_matching::entities::placement;
use hih_testkit::TestApp;
use sea_orm::{ActiveValue::NotSet, IntoActiveModel};

/// Ids of the fixture's records.
#[derive(Debug, Clone, Copy)]
pub struct Ids {
    pub erfurt: i64,
    pub luebeck: i64,
    pub c: [i64; 5],
    pub a: [i64; 5],
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn od(s: &str) -> Option<NaiveDate> {
    (!s.is_empty()).then(|| d(s))
}

fn at(s: &str) -> chrono::DateTime<Utc> {
    Utc.from_utc_datetime(&d(s).and_hms_opt(10, 0, 0).unwrap())
}

pub async fn district(app: &TestApp, name: &str) -> i64 {
    hih_users::testing::institution_id(app, name).await
}

#[allow(clippy::too_many_arguments)]
fn company(
    n: usize,
    district: i64,
    industry: &str,
    employees: Option<i32>,
    status: &str,
    outreach: &str,
    created: &str,
) -> company::ActiveModel {
    let m = company::Model {
        id: 0,
        name: format!("Firma {n}"),
        legal_form: "GmbH".into(),
        street: "Hauptstraße".into(),
        house_number: n.to_string(),
        plz: "99084".into(),
        ort: "Erfurt".into(),
        kreis: Some("Erfurt".into()),
        district_id: Some(district),
        industry: industry.into(),
        employees,
        website: String::new(),
        phone: String::new(),
        email: format!("firma{n}@example.org"),
        contact_salutation: "frau".into(),
        contact_first_name: "Eva".into(),
        contact_last_name: format!("Kontakt {n}"),
        contact_function: String::new(),
        contact_phone: String::new(),
        contact_email: String::new(),
        status: status.into(),
        status_since: d(created),
        target_occupations: String::new(),
        open_positions: None,
        outreach_format: outreach.into(),
        consent_storage_date: None,
        consent_storage_version: String::new(),
        consent_partners: String::new(),
        remarks: String::new(),
        active: true,
        deactivated_at: None,
        created_at: at(created),
        updated_at: at(created),
        search_text: format!("firma {n}"),
        sort_name: format!("firma {n}"),
        address_key: format!("99084|erfurt|hauptstrasse|{n}"),
    };
    let mut am = m.into_active_model();
    am.id = NotSet;
    am
}

/// Dates of an applicant, in the order of the struct's fields.
struct Dates<'a> {
    course: [&'a str; 3],      // start, dropout, certificate
    recognition: [&'a str; 2], // applied, decided
    visa: [&'a str; 2],        // applied, granted
    work: &'a str,
    employed: [&'a str; 2], // 6, 12 months
}

fn applicant(
    n: usize,
    country: &str,
    status: &str,
    created: &str,
    x: Dates,
) -> applicant::ActiveModel {
    let m = applicant::Model {
        id: 0,
        applicant_id: Some(format!("HIH-{country}-{n:04}")),
        id_number: Some(n as i64),
        status: status.into(),
        status_since: d(created),
        dropout_reason: String::new(),
        salutation: "frau".into(),
        first_names: "Anh".into(),
        last_name: format!("Person {n}"),
        birth_date: d("1995-03-04"),
        nationality: country.into(),
        country: country.into(),
        residence: String::new(),
        email: String::new(),
        phone: String::new(),
        target_occupation: "koch".into(),
        qualification: String::new(),
        experience_years: None,
        german_level: "B1".into(),
        course_start: od(x.course[0]),
        course_end: None,
        course_dropout: od(x.course[1]),
        certificate_level: String::new(),
        certificate_date: od(x.course[2]),
        course_provider: String::new(),
        recognition_applied: od(x.recognition[0]),
        recognition_decided: od(x.recognition[1]),
        recognition_result: String::new(),
        adaptation_start: None,
        adaptation_end: None,
        visa_applied: od(x.visa[0]),
        visa_granted: od(x.visa[1]),
        visa_result: String::new(),
        entry_date: None,
        work_start: od(x.work),
        integration_measures: String::new(),
        employed_6m: x.employed[0].into(),
        employed_12m: x.employed[1].into(),
        consent_storage_date: None,
        consent_storage_version: String::new(),
        consent_partners: String::new(),
        remarks: String::new(),
        active: true,
        deactivated_at: None,
        created_at: at(created),
        updated_at: at(created),
        search_text: format!("person {n}"),
        sort_name: format!("person {n}"),
    };
    let mut am = m.into_active_model();
    am.id = NotSet;
    am
}

async fn month(
    uow: &mut UnitOfWork,
    district: i64,
    year: i32,
    month: i32,
    lines: &[(&str, i32, i32)],
) {
    let m = uow
        .insert(monthly_count::ActiveModel {
            id: NotSet,
            district_id: sea_orm::Set(district),
            year: sea_orm::Set(year),
            month: sea_orm::Set(month),
            closed_at: sea_orm::Set(None),
            closed_by: sea_orm::Set(None),
            created_at: sea_orm::Set(at("2026-07-01")),
            updated_at: sea_orm::Set(at("2026-07-01")),
        })
        .await
        .unwrap();
    for (code, addressed, kmu) in lines {
        uow.insert(monthly_count_line::ActiveModel {
            id: NotSet,
            monthly_count_id: sea_orm::Set(m.id),
            outreach: sea_orm::Set((*code).into()),
            addressed: sea_orm::Set(*addressed),
            addressed_kmu: sea_orm::Set(*kmu),
        })
        .await
        .unwrap();
    }
}

async fn placement_of(
    uow: &mut UnitOfWork,
    company: i64,
    district: i64,
    applicant: i64,
    on: &str,
    status: &str,
) {
    let p = uow
        .insert(placement::ActiveModel {
            id: NotSet,
            company_id: sea_orm::Set(company),
            applicant_id: sea_orm::Set(applicant),
            placed_on: sea_orm::Set(d(on)),
            position: sea_orm::Set("koch".into()),
            status: sea_orm::Set(status.into()),
            remarks: sea_orm::Set(String::new()),
            created_by: sea_orm::Set(None),
            created_at: sea_orm::Set(at(on)),
            updated_at: sea_orm::Set(at(on)),
            search_text: sea_orm::Set(String::new()),
        })
        .await
        .unwrap();
    uow.insert(applicant_access::ActiveModel {
        applicant_id: sea_orm::Set(applicant),
        district_id: sea_orm::Set(district),
        reason: sea_orm::Set(format!("match:{}", p.id)),
        active: sea_orm::Set(true),
    })
    .await
    .unwrap();
}

/// Builds the fixture.
pub async fn build(app: &TestApp) -> Ids {
    let e = district(app, "IHK Erfurt").await;
    let l = district(app, "IHK zu Lübeck").await;
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    let companies = [
        company(1, e, "C", Some(10), "interessiert", "telefon", "2026-03-05"),
        company(2, e, "C", Some(300), "teilnehmend", "mailing", "2026-04-10"),
        company(3, e, "G", None, "interessiert", "telefon", "2026-05-01"),
        company(4, l, "G", Some(5), "interessiert", "telefon", "2026-03-20"),
        company(5, l, "C", Some(100), "abbrecher", "mailing", "2026-06-15"),
    ];
    let mut c = [0; 5];
    for (i, am) in companies.into_iter().enumerate() {
        c[i] = uow.insert(am).await.unwrap().id;
    }
    let none = ["", ""];
    let applicants = [
        applicant(
            1,
            "VN",
            "bewerber",
            "2026-03-02",
            Dates {
                course: ["2026-01-10", "", "2026-04-10"],
                recognition: ["2026-02-01", "2026-03-03"],
                visa: ["2026-03-01", "2026-03-21"],
                work: "2026-05-01",
                employed: ["ja", ""],
            },
        ),
        applicant(
            2,
            "VN",
            "fachkraft",
            "2026-03-15",
            Dates {
                course: ["2026-01-01", "2026-02-01", ""],
                recognition: ["2026-01-01", "2026-03-02"],
                visa: ["2026-02-01", "2026-03-13"],
                work: "2026-04-01",
                employed: ["nein", "nein"],
            },
        ),
        applicant(
            1,
            "IN",
            "interessent",
            "2026-04-20",
            Dates {
                course: ["2026-02-01", "", "2026-03-03"],
                recognition: none,
                visa: ["2026-03-01", "2026-04-30"],
                work: "2026-06-01",
                employed: none,
            },
        ),
        applicant(
            2,
            "IN",
            "abbrecher",
            "2026-05-05",
            Dates {
                course: ["", "", ""],
                recognition: ["2026-03-01", "2026-04-30"],
                visa: none,
                work: "",
                employed: none,
            },
        ),
        applicant(
            3,
            "VN",
            "bewerber",
            "2026-06-01",
            Dates {
                course: ["2026-05-01", "", ""],
                recognition: none,
                visa: none,
                work: "",
                employed: none,
            },
        ),
    ];
    let mut a = [0; 5];
    for (i, am) in applicants.into_iter().enumerate() {
        a[i] = uow.insert(am).await.unwrap().id;
    }
    placement_of(&mut uow, c[0], e, a[0], "2026-05-10", "vermittelt").await;
    placement_of(&mut uow, c[3], l, a[1], "2026-06-01", "arbeitsaufnahme").await;
    placement_of(&mut uow, c[1], e, a[2], "2026-06-20", "vertrag").await;
    month(
        &mut uow,
        e,
        2026,
        3,
        &[("telefon", 40, 30), ("mailing", 20, 10)],
    )
    .await;
    month(&mut uow, e, 2026, 4, &[("telefon", 10, 5)]).await;
    month(
        &mut uow,
        l,
        2026,
        3,
        &[("telefon", 30, 20), ("veranstaltung", 5, 5)],
    )
    .await;
    uow.commit().await.unwrap();
    Ids {
        erfurt: e,
        luebeck: l,
        c,
        a,
    }
}

/// Deactivates companies and applicants as their delete buttons do.
pub async fn deactivate(app: &TestApp, companies: &[i64], applicants: &[i64]) {
    for id in companies {
        hih_testkit::deactivate::<company::Entity>(app, *id).await;
    }
    for id in applicants {
        hih_testkit::deactivate::<applicant::Entity>(app, *id).await;
    }
}
