//! Id stepping across scopes (R-ACT-2): records inside and outside the scopes of an IHK
//! Erfurt user and an AHK Vietnam user carry marker texts; every registered `:id` route is
//! then requested with every id from 1 to past the highest one, as IHK staff, AHK staff,
//! super_admin and dpo. No answer is a server error, no page shows a marker of a record
//! outside the caller's scope, and the out-of-scope company pages are access-logged.

use std::collections::BTreeMap;

use hih_kernel::Role;
use hih_testkit::TestApp;
use hih_users::testing::{agent_for, create_user_in};

use super::{
    applicant_with, company_with, entry_with, institution_id, match_with, month_with, scalar, uow,
};
use crate::app;
use hih_applicants::testing::prospect_in as applicant_in;
use hih_applicants::testing::{Stage, registration_in};

/// In the records outside the scope of both staff users (and of super_admin and dpo).
const FOREIGN: &str = "fremdmarker";
/// In records that AHK Vietnam may see, IHK Erfurt not (another district's match of an
/// applicant opened to Erfurt).
const IHK_FOREIGN: &str = "ihkfremd";
/// In records that IHK Erfurt may see, AHK Vietnam not (company fields other than the name,
/// company-only contact entries).
const AHK_FOREIGN: &str = "ahkfremd";
/// The own company of IHK Erfurt.
const IHK_OWN: &str = "eigen-marker-erfurt";
/// The own applicant of AHK Vietnam (last name).
const AHK_OWN: &str = "eigenmarker";

/// Tables whose ids the steps must pass (the business records and what points at them).
const TABLES: [&str; 14] = [
    "company",
    "applicant",
    "placement",
    "contact_entry",
    "user_account",
    "pending_registration",
    "invitation",
    "monthly_count",
    "institution",
    "notification",
    "mail_outbox",
    "partner_profile",
    "generated_file",
    "download_link",
];

/// The records of the data set (for the targeted assertions).
struct Records {
    own_company: i64,
    own_applicant: i64,
    companies: Vec<i64>,
    applicants: Vec<i64>,
    entries: Vec<i64>,
    pending: i64,
}

/// A deactivated company (R-COM-3: for admins only from now on).
async fn deactivate_company(app: &TestApp, id: i64) {
    hih_testkit::deactivate::<hih_companies::entities::company::Entity>(app, id).await;
}

/// A submitted self-registration of `country` with this last name (as `registration_in`,
/// with the name given); returns the pending entry's id.
async fn registration_named(app: &TestApp, country: &str, last_name: &str) -> i64 {
    use hih_applicants::registration::service as reg;
    let form = reg::InvitationForm {
        locale: "de".into(),
        country: country.into(),
        ..Default::default()
    };
    let mut u = uow(app.services()).await;
    let (inv, _) = reg::create_invitation(&mut u, &form, None).await.unwrap();
    let p = reg::accept_consent(&mut u, &inv, "v1", "de").await.unwrap();
    let mut data = reg::form_of(&p);
    data.last_name = last_name.into();
    data.birth_date = "1993-08-09".into();
    let p = reg::save_form(&mut u, &p, &data).await.unwrap();
    reg::submit(&mut u, &inv, &p).await.unwrap();
    u.commit().await.unwrap();
    p.id
}

/// Own and foreign records with markers; a partner export with a file, a monthly report.
async fn data_set(app: &TestApp) -> Records {
    // AHK India staff receive the notices (bell and mail) of the Indian applicant's match.
    create_user_in(app.services(), Role::AhkStaff, "ids-ahk-in", "AHK Indien").await;

    // IHK Erfurt's own company; its remarks are not for AHK staff (they see names only).
    let own_company = company_with(
        app,
        "IHK Erfurt",
        &[
            ("name", "Eigen-Marker-Erfurt GmbH"),
            ("house_number", "11"),
            ("remarks", "AHKFREMD interne Notiz"),
        ],
    )
    .await;
    // AHK Vietnam's own applicant, matched in Erfurt (so IHK Erfurt sees it too) and in
    // Düsseldorf (that match is for AHK Vietnam, not for IHK Erfurt).
    let (own_applicant, own_code) = applicant_with(
        app,
        &[
            ("last_name", "Eigenmarker"),
            ("first_names", "Lan"),
            ("birth_date", "1994-01-02"),
        ],
    )
    .await;
    match_with(
        app,
        own_company,
        &own_code,
        "Eigen-Marker-Erfurt Vermittlung",
        "",
    )
    .await;
    let other_district = company_with(
        app,
        "IHK Düsseldorf",
        &[("name", "IHKFREMD Düssel AG"), ("house_number", "12")],
    )
    .await;
    match_with(
        app,
        other_district,
        &own_code,
        "IHKFREMD Vermittlung Düsseldorf",
        "",
    )
    .await;
    entry_with(app, Some(own_company), None, "AHKFREMD Telefonat Erfurt").await;
    entry_with(app, None, Some(own_applicant), "Eigenmarker Beratung").await;

    // Outside both scopes: companies of other districts, a deactivated Erfurt company,
    // applicants of other countries, a deactivated Vietnamese applicant, their matches and
    // contact entries.
    let dus = company_with(
        app,
        "IHK Düsseldorf",
        &[("name", "FREMDMARKER Rhein GmbH"), ("house_number", "13")],
    )
    .await;
    let hl = company_with(
        app,
        "IHK zu Lübeck",
        &[("name", "FREMDMARKER Hanse GmbH"), ("house_number", "14")],
    )
    .await;
    let off = company_with(
        app,
        "IHK Erfurt",
        &[
            ("name", "FREMDMARKER Stillgelegt GmbH"),
            ("house_number", "15"),
            ("remarks", "FREMDMARKER stillgelegt"),
        ],
    )
    .await;
    let (india, india_code) = applicant_with(
        app,
        &[
            ("last_name", "Fremdmarker"),
            ("first_names", "Indra"),
            ("birth_date", "1990-05-06"),
            ("country", "IN"),
            ("remarks", "FREMDMARKER Indien"),
        ],
    )
    .await;
    let (brazil, brazil_code) = applicant_with(
        app,
        &[
            ("last_name", "Fremdmarker"),
            ("first_names", "Bruna"),
            ("birth_date", "1991-07-08"),
            ("country", "BR"),
        ],
    )
    .await;
    let inactive = applicant_in(app, "VN", "Fremdmarker", true).await;
    match_with(app, dus, &india_code, "FREMDMARKER Vermittlung Indien", "").await;
    match_with(
        app,
        hl,
        &brazil_code,
        "FREMDMARKER Vermittlung Brasilien",
        "",
    )
    .await;
    let mut entries = vec![
        entry_with(app, Some(dus), None, "FREMDMARKER Gespräch Rhein").await,
        entry_with(app, None, Some(india), "FREMDMARKER Gespräch Indra").await,
        entry_with(app, Some(hl), Some(brazil), "FREMDMARKER Gespräch Bruna").await,
        entry_with(app, Some(off), None, "FREMDMARKER Gespräch Stillgelegt").await,
        entry_with(app, None, Some(inactive), "FREMDMARKER Gespräch inaktiv").await,
    ];
    entries.sort_unstable();
    deactivate_company(app, off).await;
    let pending = registration_named(app, "IN", "Fremdmarker").await;
    registration_in(app, "VN", Stage::Submitted).await;

    // Monthly counts of Erfurt and Düsseldorf.
    month_with(app, institution_id(app, "IHK Erfurt").await, "telefon").await;
    month_with(app, institution_id(app, "IHK Düsseldorf").await, "telefon").await;

    // A partner export of company names (admins only) with a file and a link; a report.
    super::partner_file_and_report(app, "FREMDMARKER-Profil").await;

    Records {
        own_company,
        own_applicant,
        companies: vec![other_district, dus, hl, off],
        applicants: vec![india, brazil, inactive],
        entries,
        pending,
    }
}

/// The path of `pattern` with `:id` and `:mid` set to `id` and the other placeholders of
/// `:id` routes set to one valid value; `None` for patterns without `:id` (tokens, files,
/// steps, assets: nothing to step) or with a placeholder not known here.
fn stepped(pattern: &str, id: i64) -> Option<String> {
    if !pattern.split('/').any(|s| s == ":id") {
        return None;
    }
    let mut out = String::new();
    for seg in pattern.split('/').skip(1) {
        let value = match seg {
            ":id" | ":mid" => id.to_string(),
            ":period" => "2026-10".to_string(),
            ":kind" => hih_reference::lists::KINDS[0].to_string(),
            ":what" if pattern.starts_with("/monatszahlen/") => "abschliessen".to_string(),
            ":what" => "deaktivieren".to_string(),
            s if s.starts_with(':') => return None,
            s => s.to_string(),
        };
        out.push('/');
        out.push_str(&value);
    }
    Some(out)
}

#[tokio::test]
async fn ids_stepped_across_scopes_never_show_foreign_records() {
    let app = app().await;
    let (ihk, ihk_user) = agent_for(&app, Role::IhkStaff, "ids-ihk").await;
    let (ahk, _) = agent_for(&app, Role::AhkStaff, "ids-ahk").await;
    let (operator, _) = agent_for(&app, Role::SuperAdmin, "ids-operator").await;
    let (dpo, _) = agent_for(&app, Role::Dpo, "ids-dpo").await;
    let records = data_set(&app).await;
    let (admin, _) = agent_for(&app, Role::Admin, "ids-admin").await;

    // The markers are shown where they are in scope (else the checks below prove nothing).
    for (agent, path, marker) in [
        (
            &admin,
            format!("/unternehmen/{}", records.companies[1]),
            FOREIGN,
        ),
        (
            &admin,
            format!("/bewerber/{}", records.applicants[0]),
            FOREIGN,
        ),
        (&admin, format!("/kontakte/{}", records.entries[0]), FOREIGN),
        (
            &ihk,
            format!("/unternehmen/{}", records.own_company),
            AHK_FOREIGN,
        ),
        (
            &ihk,
            format!("/unternehmen/{}", records.own_company),
            IHK_OWN,
        ),
        (
            &ahk,
            format!("/bewerber/{}/vermittlungen", records.own_applicant),
            IHK_FOREIGN,
        ),
        (
            &ahk,
            format!("/bewerber/{}", records.own_applicant),
            AHK_OWN,
        ),
    ] {
        let page = agent.get(&path).await;
        assert_eq!(page.status, 200, "{path}");
        assert!(
            page.body.to_lowercase().contains(marker),
            "{path} shows {marker}"
        );
    }

    let mut max = 0;
    for t in TABLES {
        max = max.max(scalar(&app, &format!("SELECT MAX(id) AS n FROM {t}")).await);
    }
    assert!(max >= 10, "the data set has ids to step through: {max}");

    let all = [FOREIGN, IHK_FOREIGN, AHK_FOREIGN, IHK_OWN, AHK_OWN];
    // (label, agent, markers it must never see). super_admin and dpo see no business record
    // on these pages at all, own markers of the staff included — except the dpo's
    // data-subject pages (`/auskunft/…`), which by design cover every person (R-RET-2); there
    // only the status is checked.
    let agents = [
        ("ihk_staff", &ihk, &[FOREIGN, IHK_FOREIGN][..]),
        ("ahk_staff", &ahk, &[FOREIGN, AHK_FOREIGN][..]),
        ("super_admin", &operator, &all[..]),
        ("dpo", &dpo, &all[..]),
    ];
    let patterns: Vec<&String> = app
        .state
        .routes
        .iter()
        .map(|(p, _)| p)
        .filter(|p| stepped(p, 1).is_some())
        .collect();
    assert!(patterns.len() >= 40, "the :id routes: {patterns:?}");

    let mut requests = 0usize;
    let mut failures = Vec::new();
    let mut statuses: BTreeMap<(&str, String), u16> = BTreeMap::new();
    let mut own_seen: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut per_status: BTreeMap<u16, usize> = BTreeMap::new();
    for (label, agent, markers) in &agents {
        for pattern in &patterns {
            for id in 1..=max + 2 {
                let path = stepped(pattern, id).unwrap();
                let page = agent.get(&path).await;
                requests += 1;
                let status = page.status.as_u16();
                *per_status.entry(status).or_default() += 1;
                if status >= 500 {
                    failures.push(format!("{label} GET {path}: {status}"));
                }
                let body = page.body.to_lowercase();
                let exempt = *label == "dpo" && path.starts_with("/auskunft/");
                if !exempt {
                    for m in markers.iter() {
                        if body.contains(m) {
                            failures.push(format!("{label} GET {path}: {status} shows {m:?}"));
                        }
                    }
                }
                if status == 200 {
                    let own = match *label {
                        "ihk_staff" => Some(IHK_OWN),
                        "ahk_staff" => Some(AHK_OWN),
                        _ => None,
                    };
                    if let Some(own) = own
                        && body.contains(own)
                    {
                        own_seen.entry(label).or_default().push(path.clone());
                    }
                }
                statuses.insert((label, path), status);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} findings in {requests} requests:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(requests > 2000, "stepped through enough: {requests}");
    assert!(
        per_status.get(&200).copied().unwrap_or(0) > 20,
        "real pages among the answers: {per_status:?}"
    );
    for label in ["ihk_staff", "ahk_staff"] {
        assert!(
            own_seen.get(label).is_some_and(|l| !l.is_empty()),
            "{label} reached its own records (the ids are real)"
        );
    }

    // The foreign records' own pages answer 404 (existence does not leak), not 403.
    let status = |label: &'static str, path: String| {
        statuses
            .get(&(label, path.clone()))
            .copied()
            .unwrap_or_else(|| panic!("{label} requested {path}"))
    };
    for id in &records.companies {
        for p in ["", "/bearbeiten", "/kontakte", "/vermittlungen"] {
            let path = format!("/unternehmen/{id}{p}");
            assert_eq!(status("ihk_staff", path.clone()), 404, "ihk_staff {path}");
        }
    }
    for id in &records.applicants {
        for label in ["ihk_staff", "ahk_staff"] {
            let path = format!("/bewerber/{id}");
            assert_eq!(status(label, path.clone()), 404, "{label} {path}");
        }
    }
    for id in &records.entries {
        for label in ["ihk_staff", "ahk_staff"] {
            let path = format!("/kontakte/{id}");
            assert_eq!(status(label, path.clone()), 404, "{label} {path}");
        }
    }
    let path = format!("/bewerber/registrierungen/{}", records.pending);
    assert_eq!(status("ahk_staff", path.clone()), 404, "ahk_staff {path}");

    // Every out-of-scope company page the IHK user asked for is in the access log as denied.
    use hih_db::entities::access_log;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let denied = access_log::Entity::find()
        .filter(access_log::Column::Action.eq("denied"))
        .filter(access_log::Column::Actor.eq(format!("user:{}", ihk_user.id)))
        .all(app.db())
        .await
        .unwrap();
    for id in &records.companies {
        let path = format!("/unternehmen/{id}");
        assert!(
            denied.iter().any(|e| e.entity == "company"
                && e.entity_id.as_deref() == Some(id.to_string().as_str())
                && e.path == path),
            "denied {path} is access-logged"
        );
    }
    eprintln!(
        "id stepping: {requests} requests over {} patterns, ids 1..={}, statuses {per_status:?}, \
         {} denied entries for ihk_staff",
        patterns.len(),
        max + 2,
        denied.len()
    );
}

/// `pattern` with its numeric placeholders (`:id`, `:mid`, `:seq`) set to `id` and the others
/// to `x`.
fn with_id(pattern: &str, id: &str) -> String {
    pattern
        .split('/')
        .map(|seg| match seg {
            ":id" | ":mid" | ":seq" => id,
            s if s.starts_with(':') => "x",
            s => s,
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[tokio::test]
async fn a_malformed_or_overflowing_id_names_no_record() {
    let app = crate::app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "malformed").await;
    let (staff, _) = agent_for(&app, Role::IhkStaff, "malformed-ihk").await;
    let mut checked = 0;
    for (pattern, _) in &app.state.routes {
        if !pattern.contains(":id") && !pattern.contains(":mid") && !pattern.contains(":seq") {
            continue;
        }
        for agent in [&admin, &staff] {
            // What a well-formed id of no record answers: 404, or 403 where the role may not
            // use the route at all (the permission check comes before the id).
            let absent = with_id(pattern, "999999");
            let get_expected = match agent.get(&absent).await.status.as_u16() {
                403 => 403,
                _ => 404,
            };
            agent.get("/").await;
            let post_expected = match agent.post(&absent, &[("x", "1")]).await.status.as_u16() {
                403 => 403,
                _ => 404,
            };
            for bad in [
                "abc",
                "x1",
                "99999999999999999999999",
                "1e3",
                "-",
                "1.5",
                "%20",
            ] {
                let path = with_id(pattern, bad);
                let page = agent.get(&path).await;
                assert_eq!(page.status, get_expected, "GET {path}: {}", page.status);
                // A form post (with a valid CSRF token from the last page) names no record
                // either: never 400, 409 or 422.
                agent.get("/").await;
                let page = agent.post(&path, &[("x", "1")]).await;
                assert_eq!(page.status, post_expected, "POST {path}: {}", page.status);
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "every route with an id: {checked}");
}
