//! Synthetic demo applicants (`hih demo-data --applicants N`): realistic Indian, Vietnamese
//! and Brazilian names with their diacritics (and some in Devanagari), dates consistent with
//! the plausibility rules (R-APP-2), deterministic (same seed, same data), bulk-inserted
//! through one audited unit of work (one audit event with the count). IDs come from the
//! per-country counter, advanced once per country and batch (R-ID).

use chrono::{Duration, NaiveDate};
use hih_db::UnitOfWork;
use hih_db::fold::fold_fields;
use hih_kernel::{Actor, AppError, Services};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{EntityTrait, NotSet, Set};

use crate::entities::applicant;
use crate::id;
use crate::service::{LEVELS, STATUSES, name_key};

/// Names and places of one registration country.
struct Country {
    code: &'static str,
    nationality: &'static str,
    first: &'static [&'static str],
    last: &'static [&'static str],
    places: &'static [&'static str],
}

const COUNTRIES: [Country; 3] = [
    Country {
        code: "VN",
        nationality: "vietnamesisch",
        first: &[
            "Thị Hương",
            "Thị Thu Hà",
            "Thị Lan",
            "Thị Mai",
            "Ngọc Ánh",
            "Thị Hồng Nhung",
            "Văn Đức",
            "Văn Hùng",
            "Minh Tuấn",
            "Quốc Bảo",
            "Đức Anh",
            "Hoàng Long",
        ],
        last: &[
            "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
        ],
        places: &[
            "Hà Nội",
            "Thành phố Hồ Chí Minh",
            "Đà Nẵng",
            "Huế",
            "Cần Thơ",
            "Hải Phòng",
        ],
    },
    Country {
        code: "BR",
        nationality: "brasilianisch",
        first: &[
            "João",
            "José",
            "Ana Luíza",
            "Maria Eduarda",
            "Gabriel",
            "Lucas",
            "Júlia",
            "Letícia",
            "Thiago",
            "Luís Otávio",
            "Beatriz",
            "Caio",
        ],
        last: &[
            "Conceição",
            "Gonçalves",
            "Araújo",
            "Simões",
            "Magalhães",
            "Brandão",
            "Falcão",
            "Assunção",
            "Silva",
            "Souza",
            "Oliveira",
            "Pereira",
        ],
        places: &[
            "São Paulo",
            "Belo Horizonte",
            "Brasília",
            "Florianópolis",
            "Recife",
            "Curitiba",
        ],
    },
    Country {
        code: "IN",
        nationality: "indisch",
        first: &[
            "Priya",
            "Arjun",
            "Ananya",
            "Rohan",
            "Lakshmi",
            "Vikram",
            "Deepika",
            "Rahul",
            "Sneha",
            "Karthik",
            "प्रिया",
            "अर्जुन",
        ],
        last: &[
            "Sharma",
            "Reddy",
            "Patel",
            "Iyer",
            "Nair",
            "Gupta",
            "Singh",
            "Menon",
            "Rao",
            "Joshi",
            "शर्मा",
            "पटेल",
        ],
        places: &[
            "Bengaluru",
            "Chennai",
            "Pune",
            "Kochi",
            "Hyderabad",
            "Jaipur",
        ],
    },
];

const OCCUPATIONS: [&str; 6] = [
    "mechatronik",
    "elektronik",
    "anlagenmechanik-shk",
    "koch",
    "berufskraftfahrt",
    "fachinformatik",
];

/// Rows per insert: 500 × 50 columns stays below SQLite's 32,766 bind variables.
const BATCH: u64 = 500;

fn pick<'a>(rng: &mut StdRng, list: &'a [&'a str]) -> &'a str {
    list[rng.random_range(0..list.len())]
}

/// One demo applicant of `c` with ID number `number`; the process dates follow the status.
fn row(
    rng: &mut StdRng,
    c: &Country,
    number: i64,
    prefix: &str,
    today: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
) -> applicant::ActiveModel {
    // Names: the last two of each list are written in Devanagari (India) — keep them together.
    let script = c.code == "IN" && rng.random_bool(0.1);
    let (first, last) = if script {
        (
            c.first[c.first.len() - 2 + rng.random_range(0..2)],
            c.last[c.last.len() - 2 + rng.random_range(0..2)],
        )
    } else if c.code == "IN" {
        (
            c.first[rng.random_range(0..c.first.len() - 2)],
            c.last[rng.random_range(0..c.last.len() - 2)],
        )
    } else {
        (pick(rng, c.first), pick(rng, c.last))
    };
    let birth = today - Duration::days(rng.random_range(20 * 365..45 * 365));
    let status_idx = rng.random_range(0..STATUSES.len());
    let status = STATUSES[status_idx].0;
    let created = today - Duration::days(rng.random_range(30..700));
    let course_start = created + Duration::days(rng.random_range(0..60));
    let course_end = course_start + Duration::days(rng.random_range(90..240));
    let advanced = matches!(status, "zukuenftige_fachkraft" | "fachkraft");
    let visa_applied = course_end + Duration::days(rng.random_range(0..30));
    let visa_granted = visa_applied + Duration::days(rng.random_range(14..90));
    let entry = visa_granted + Duration::days(rng.random_range(7..60));
    let entered = status == "fachkraft" && entry <= today;
    let residence = pick(rng, c.places);
    let applicant_id = id::format_id(prefix, c.code, number);
    let phone = format!(
        "+{} {} {}",
        match c.code {
            "VN" => 84,
            "BR" => 55,
            _ => 91,
        },
        rng.random_range(10..99),
        rng.random_range(1_000_000..9_999_999)
    );
    let email = format!("bewerbung{number}.{}@example.org", c.code.to_lowercase());
    let reason = if status == "abbrecher" {
        "Familiäre Gründe"
    } else {
        ""
    };
    let search = fold_fields([
        applicant_id.as_str(),
        first,
        last,
        c.nationality,
        residence,
        email.as_str(),
        phone.as_str(),
        reason,
    ]);
    let created_at = now - Duration::days((today - created).num_days());
    applicant::ActiveModel {
        id: NotSet,
        applicant_id: Set(Some(applicant_id)),
        id_number: Set(Some(number)),
        status: Set(status.to_string()),
        status_since: Set(created),
        dropout_reason: Set(reason.to_string()),
        salutation: Set(if rng.random_bool(0.5) { "frau" } else { "herr" }.to_string()),
        first_names: Set(first.to_string()),
        last_name: Set(last.to_string()),
        birth_date: Set(birth),
        nationality: Set(c.nationality.to_string()),
        country: Set(c.code.to_string()),
        residence: Set(residence.to_string()),
        email: Set(email),
        phone: Set(phone),
        target_occupation: Set(pick(rng, &OCCUPATIONS).to_string()),
        qualification: Set(String::new()),
        experience_years: Set(Some(rng.random_range(0..15))),
        german_level: Set(LEVELS[rng.random_range(0..4)].0.to_string()),
        course_start: Set((status_idx > 0).then_some(course_start)),
        course_end: Set((status_idx > 0 && course_end <= today).then_some(course_end)),
        course_dropout: Set(None),
        certificate_level: Set(String::new()),
        certificate_date: Set(None),
        course_provider: Set(String::new()),
        recognition_applied: Set(advanced.then_some(course_start)),
        recognition_decided: Set(advanced.then_some(course_end)),
        recognition_result: Set(if advanced { "voll" } else { "" }.to_string()),
        adaptation_start: Set(None),
        adaptation_end: Set(None),
        visa_applied: Set(advanced.then_some(visa_applied)),
        visa_granted: Set((advanced && visa_granted <= today).then_some(visa_granted)),
        visa_result: Set(if advanced && visa_granted <= today {
            "erteilt"
        } else {
            ""
        }
        .to_string()),
        entry_date: Set(entered.then_some(entry)),
        work_start: Set(entered.then_some(entry + Duration::days(14))),
        integration_measures: Set(String::new()),
        employed_6m: Set(String::new()),
        employed_12m: Set(String::new()),
        consent_storage_date: Set(Some(created)),
        consent_storage_version: Set("demo".into()),
        consent_partners: Set(String::new()),
        remarks: Set(String::new()),
        active: Set(true),
        deactivated_at: Set(None),
        created_at: Set(created_at),
        updated_at: Set(created_at),
        search_text: Set(search),
        sort_name: Set(name_key(first, last)),
    }
}

/// Creates `n` demo applicants, a third per country; `progress` is told the rows written.
pub async fn generate(
    services: &Services,
    n: u64,
    seed: u64,
    mut progress: impl FnMut(u64, u64),
) -> Result<u64, AppError> {
    let mut rng = StdRng::seed_from_u64(seed);
    let now = services.clock.now();
    let today = now.date_naive();
    let prefix = services.settings.id_prefix.clone();
    let uow = UnitOfWork::begin(services, &Actor::system("demo-data")).await?;
    let mut done = 0u64;
    while done < n {
        let chunk = (n - done).min(BATCH);
        // Which country each row gets, then one counter advance per country for the batch.
        let picks: Vec<usize> = (0..chunk)
            .map(|_| rng.random_range(0..COUNTRIES.len()))
            .collect();
        let mut next = [0i64; 3];
        for (i, c) in COUNTRIES.iter().enumerate() {
            let count = picks.iter().filter(|p| **p == i).count() as i64;
            if count > 0 {
                next[i] = id::reserve(uow.txn(), c.code, count).await?;
            }
        }
        let mut batch = Vec::with_capacity(chunk as usize);
        for p in picks {
            batch.push(row(&mut rng, &COUNTRIES[p], next[p], &prefix, today, now));
            next[p] += 1;
        }
        applicant::Entity::insert_many(batch)
            .exec(uow.txn())
            .await?;
        done += chunk;
        progress(done, n);
    }
    uow.commit_demo_data("applicant", n, seed).await
}
