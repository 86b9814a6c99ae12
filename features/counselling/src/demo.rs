//! Synthetic conversations (`hih demo-data --conversations N --messages M`) for demos and the
//! benchmark at programme scale (100,000 conversations with 1,000,000 messages): spread over
//! the three countries and the topics, a third closed, about one in ten assigned to nobody,
//! messages alternating between guest and staff with an occasional internal note, every body
//! sealed with the current key exactly as a written one, read except the newest guest
//! messages; the anonymous counters count them. Deterministic (same seed, same data) except
//! the secret parts (link tokens, nonces),
//! bulk-inserted in one audited unit of work (one event with the count). Guests get a random
//! link that nobody knows and no passphrase: they exist to be counted and shown, not to log in.

use std::collections::HashMap;

use chrono::Duration;
use hih_db::UnitOfWork;
use hih_kernel::{Actor, AppError, Role, Services};
use hih_users::entities::user_account;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{ColumnTrait, EntityTrait, NotSet, QueryFilter, QueryOrder, QuerySelect, Set};

use crate::crypto::Keys;
use crate::entities::{conversation, counter, guest, message};
use crate::service::TOPICS;

/// Rows per insert (far below SQLite's bind-variable limit).
const BATCH: usize = 400;

const COUNTRIES: [&str; 3] = ["VN", "IN", "BR"];
const GUEST_TEXTS: [&str; 6] = [
    "Guten Tag, wie lange dauert die Anerkennung meines Abschlusses?",
    "Ich habe die B1-Prüfung bestanden. Was muss ich jetzt tun?",
    "Welche Unterlagen brauche ich für das Visum?",
    "Können Sie mir bei der Wohnungssuche helfen?",
    "Vielen Dank für Ihre Antwort!",
    "Mein Termin bei der Botschaft ist nächste Woche.",
];
const STAFF_TEXTS: [&str; 5] = [
    "Bitte senden Sie uns Ihre Zeugnisse als PDF.",
    "Die Anerkennung dauert etwa drei Monate.",
    "Wir haben Ihre Unterlagen erhalten und prüfen sie.",
    "Für das Visum brauchen Sie den Arbeitsvertrag und den Sprachnachweis.",
    "Gern beraten wir Sie in einem Videotermin.",
];
const NOTE_TEXT: &str = "Interne Notiz: Unterlagen vollständig.";

/// Creates `conversations` conversations with `messages` messages in all; `progress` is told
/// the messages written. Returns the number of messages.
pub async fn generate(
    services: &Services,
    conversations: u64,
    messages: u64,
    seed: u64,
    mut progress: impl FnMut(u64, u64),
) -> Result<u64, AppError> {
    if conversations == 0 {
        return Ok(0);
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let now = services.clock.now();
    let keys = Keys::of(&services.settings);
    // Staff of each country, to assign conversations to and to sign answers.
    let staff: Vec<(i64, String, Option<i64>)> = user_account::Entity::find()
        .select_only()
        .columns([
            user_account::Column::Id,
            user_account::Column::LastName,
            user_account::Column::InstitutionId,
        ])
        .filter(user_account::Column::Role.eq(Role::AhkStaff.code()))
        .order_by_asc(user_account::Column::Id)
        .into_tuple()
        .all(&services.db)
        .await?;
    let uow = UnitOfWork::begin(services, &Actor::system("demo-data")).await?;
    let txn = uow.txn();
    let mut counts: HashMap<(String, String, &str), i64> = HashMap::new();
    let per = messages / conversations;
    let extra = messages % conversations;
    let mut written = 0u64;
    let mut first = 0u64;
    while first < conversations {
        let chunk = (conversations - first).min(BATCH as u64);
        // Guests, then their conversations.
        let mut guests = Vec::with_capacity(chunk as usize);
        for _ in 0..chunk {
            guests.push(guest::ActiveModel {
                id: NotSet,
                link_hash: Set(hih_db::hash_token(&hih_db::new_token())),
                passphrase_hash: Set(None),
                failed_attempts: Set(0),
                locked_until: Set(None),
                notice_email: Set(None),
                created_at: Set(now),
                locale: Set(None),
            });
        }
        let guest_ids = guest::Entity::insert_many(guests)
            .exec_with_returning_keys(txn)
            .await?;
        let mut convs = Vec::with_capacity(chunk as usize);
        let mut plans = Vec::with_capacity(chunk as usize);
        for i in 0..chunk {
            let n = first + i;
            let country = COUNTRIES[rng.random_range(0..COUNTRIES.len())];
            let topic = TOPICS[rng.random_range(0..TOPICS.len())];
            let opened = now - Duration::minutes(rng.random_range(60..180 * 24 * 60));
            let closed = rng.random_ratio(1, 3);
            let assignee = if rng.random_ratio(1, 10) || staff.is_empty() {
                None
            } else {
                Some(staff[rng.random_range(0..staff.len())].0)
            };
            let count = per + u64::from(n < extra);
            let last = opened + Duration::minutes(count as i64 * 30);
            *counts
                .entry((country.into(), topic.into(), counter::CONVERSATIONS))
                .or_default() += 1;
            let guest_id = guest_ids.get(i as usize).copied().unwrap_or_default();
            convs.push(conversation::ActiveModel {
                id: NotSet,
                guest_id: Set(guest_id),
                country: Set(country.into()),
                topic: Set(topic.into()),
                status: Set(if closed {
                    conversation::CLOSED
                } else {
                    conversation::OPEN
                }
                .into()),
                assignee_id: Set(assignee),
                applicant_id: Set(None),
                pseudonym: Set(format!("Gast-{guest_id}")),
                created_by: Set(None),
                created_at: Set(opened),
                last_activity_at: Set(last),
                first_response_at: Set((count > 1).then(|| opened + Duration::minutes(30))),
                closed_at: Set(closed.then_some(last)),
                shared_for_integration: Set(false),
            });
            plans.push((country, topic, opened, count));
        }
        let conv_ids = conversation::Entity::insert_many(convs)
            .exec_with_returning_keys(txn)
            .await?;
        // Their messages.
        let mut batch = Vec::with_capacity(BATCH);
        for (c, (country, topic, opened, count)) in conv_ids.into_iter().zip(plans) {
            for k in 0..count {
                let kind = if k % 2 == 0 {
                    message::GUEST
                } else if rng.random_ratio(1, 8) {
                    message::NOTE
                } else {
                    message::STAFF
                };
                let text = match kind {
                    message::GUEST => GUEST_TEXTS[rng.random_range(0..GUEST_TEXTS.len())],
                    message::NOTE => NOTE_TEXT,
                    _ => STAFF_TEXTS[rng.random_range(0..STAFF_TEXTS.len())],
                };
                let sealed = keys
                    .seal(&crate::service::message_aad(c), text.as_bytes())
                    .map_err(AppError::from)?;
                let at = opened + Duration::minutes(k as i64 * 30);
                let author = (kind != message::GUEST && !staff.is_empty())
                    .then(|| &staff[(c as usize + k as usize) % staff.len()]);
                if kind != message::NOTE {
                    *counts
                        .entry((country.into(), topic.into(), counter::MESSAGES))
                        .or_default() += 1;
                }
                batch.push(message::ActiveModel {
                    id: NotSet,
                    conversation_id: Set(c),
                    author_kind: Set(kind.into()),
                    author_id: Set(author.map(|a| a.0)),
                    author_name: Set(author.map(|a| a.1.clone()).unwrap_or_default()),
                    body: Set(sealed.ciphertext),
                    nonce: Set(sealed.nonce),
                    key_id: Set(sealed.key_id),
                    created_at: Set(at),
                    read_at: Set((k + 2 < count).then(|| at + Duration::minutes(5))),
                });
                if batch.len() == BATCH {
                    written += batch.len() as u64;
                    message::Entity::insert_many(std::mem::take(&mut batch))
                        .exec(txn)
                        .await?;
                    progress(written, messages);
                }
            }
        }
        if !batch.is_empty() {
            written += batch.len() as u64;
            message::Entity::insert_many(batch).exec(txn).await?;
            progress(written, messages);
        }
        first += chunk;
    }
    for ((country, topic, kind), n) in counts {
        crate::service::count_by(txn, &country, &topic, kind, n).await?;
    }
    uow.commit_demo_data("counselling_message", written, seed)
        .await
}
