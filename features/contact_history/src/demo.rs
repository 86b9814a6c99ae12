//! Synthetic contact-history entries (`hih demo-data --contacts N`) for demos and the benchmark
//! at programme scale (1,000,000 entries): about half about a company, 40 % about an applicant,
//! 10 % about both, spread over the existing records and the last two years; deterministic
//! (same seed, same data), bulk-inserted in one audited unit of work (one event with the count).

use chrono::Duration;
use hih_applicants::entities::applicant;
use hih_companies::entities::company;
use hih_db::UnitOfWork;
use hih_kernel::{Actor, AppError, Services};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{EntityTrait, NotSet, QuerySelect, Set};

use crate::entities::contact_entry;

/// Rows per insert: 500 × 11 columns stays far below SQLite's bind-variable limit.
const BATCH: u64 = 500;

const TYPES: [&str; 4] = ["email", "telefon", "persoenlich", "video"];
const TOPICS: [&str; 5] = [
    "beratung",
    "anerkennung",
    "visum",
    "integration",
    "sonstiges",
];
const REMARKS: [&str; 8] = [
    "Rückruf vereinbart, Unterlagen folgen",
    "Fragen zur Anerkennung geklärt",
    "Termin für Vorstellungsgespräch abgestimmt",
    "Sprachkurs läuft, nächste Prüfung im Frühjahr",
    "Visumsantrag eingereicht, Botschaftstermin offen",
    "Betrieb sucht weitere Pflegefachkräfte",
    "Wohnungssuche besprochen, Hinweis auf Integrationsangebote",
    "Kurze Nachfrage zum Stand, alles in Ordnung",
];

/// Creates `n` entries about the existing companies and applicants; `progress` is told the
/// rows written. Refused when there are neither companies nor applicants to attach them to.
pub async fn generate(
    services: &Services,
    n: u64,
    seed: u64,
    mut progress: impl FnMut(u64, u64),
) -> Result<u64, AppError> {
    let companies: Vec<i64> = company::Entity::find()
        .select_only()
        .column(company::Column::Id)
        .into_tuple()
        .all(&services.db)
        .await?;
    let applicants: Vec<i64> = applicant::Entity::find()
        .select_only()
        .column(applicant::Column::Id)
        .into_tuple()
        .all(&services.db)
        .await?;
    if companies.is_empty() && applicants.is_empty() {
        return Err(AppError::Refused("contacts-demo-needs-records".into()));
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let now = services.clock.now();
    let today = now.date_naive();
    let uow = UnitOfWork::begin(services, &Actor::system("demo-data")).await?;
    let labels = crate::service::label_words(uow.txn()).await?;
    let mut done = 0u64;
    while done < n {
        let chunk = (n - done).min(BATCH);
        let mut batch = Vec::with_capacity(chunk as usize);
        for _ in 0..chunk {
            let roll: f64 = rng.random();
            let pick = |rng: &mut StdRng, ids: &[i64]| {
                (!ids.is_empty()).then(|| ids[rng.random_range(0..ids.len())])
            };
            let (company_id, applicant_id) = if roll < 0.5 || applicants.is_empty() {
                (pick(&mut rng, &companies), None)
            } else if roll < 0.9 || companies.is_empty() {
                (None, pick(&mut rng, &applicants))
            } else {
                (pick(&mut rng, &companies), pick(&mut rng, &applicants))
            };
            let contact_type = TYPES[rng.random_range(0..TYPES.len())];
            let topic = TOPICS[rng.random_range(0..TOPICS.len())];
            let remarks = REMARKS[rng.random_range(0..REMARKS.len())];
            let date = today - Duration::days(rng.random_range(0..730));
            let at = now - Duration::days((today - date).num_days());
            batch.push(contact_entry::ActiveModel {
                id: NotSet,
                company_id: Set(company_id),
                applicant_id: Set(applicant_id),
                author_id: Set(None),
                author_name: Set("Demo".into()),
                contact_date: Set(date),
                contact_type: Set(contact_type.into()),
                topic: Set(topic.into()),
                remarks: Set(remarks.into()),
                created_at: Set(at),
                updated_at: Set(at),
                search_text: Set(crate::service::search_text_with(
                    &labels,
                    "Demo",
                    contact_type,
                    topic,
                    remarks,
                )),
            });
        }
        contact_entry::Entity::insert_many(batch)
            .exec(uow.txn())
            .await?;
        done += chunk;
        progress(done, n);
    }
    uow.commit_demo_data("contact_entry", n, seed).await
}
