//! Synthetic demo companies (`hih demo-data --companies N`): realistic German names with
//! diacritics, real postcodes of the five IHK districts, deterministic (same seed, same data),
//! bulk-inserted through one audited unit of work (one audit event with the count).

use chrono::Duration;
use hih_db::UnitOfWork;
use hih_db::fold::{fold, fold_fields};
use hih_kernel::{Actor, AppError, Services};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{ColumnTrait, EntityTrait, NotSet, PaginatorTrait, QueryFilter, Set};

use crate::entities::company;
use crate::service::{STATUSES, address_key};
use hih_reference::entities::{district_area, postcode};

const FIRST: [&str; 24] = [
    "Müller",
    "Schäfer",
    "Schröder",
    "Köhler",
    "Größer",
    "Weiß",
    "Böhm",
    "Jäger",
    "Krüger",
    "Hoffmann",
    "Becker",
    "Wagner",
    "Fischer",
    "Schulz",
    "Zimmermann",
    "Lößner",
    "Dörfler",
    "Brückner",
    "Hübner",
    "Vogel",
    "Ärger",
    "Öztürk",
    "Nguyễn",
    "Conceição",
];
const TRADE: [&str; 16] = [
    "Metallbau",
    "Elektrotechnik",
    "Haustechnik",
    "Maschinenbau",
    "Logistik",
    "Bäckerei",
    "Gasthof",
    "Kfz-Werkstatt",
    "Präzisionsteile",
    "Holzbau",
    "Sanitär & Heizung",
    "Systemhaus",
    "Spedition",
    "Hotel",
    "Kunststofftechnik",
    "Landtechnik",
];
const FORMS: [&str; 6] = ["GmbH", "GmbH & Co. KG", "KG", "e. K.", "AG", "OHG"];
const STREETS: [&str; 12] = [
    "Hauptstraße",
    "Bahnhofstraße",
    "Lindenweg",
    "Am Anger",
    "Gartenstraße",
    "Schulstraße",
    "Mühlenweg",
    "Industriestraße",
    "Breite Straße",
    "Kirchplatz",
    "Rosenstraße",
    "Gewerbepark",
];
const INDUSTRIES: [&str; 8] = ["C", "F", "G", "H", "I", "J", "M", "Q"];
const OCCUPATIONS: [&str; 6] = [
    "mechatronik",
    "elektronik",
    "anlagenmechanik-shk",
    "koch",
    "berufskraftfahrt",
    "fachinformatik",
];
const OUTREACH: [&str; 5] = [
    "veranstaltung",
    "telefon",
    "mailing",
    "persoenlich",
    "online",
];

/// Creates `n` demo companies; `progress` is told the rows written so far.
pub async fn generate(
    services: &Services,
    n: u64,
    seed: u64,
    mut progress: impl FnMut(u64, u64),
) -> Result<u64, AppError> {
    // Real (PLZ, Ort, Kreis) of the districts; without postcode data there is nothing to use.
    let areas = district_area::Entity::find().all(&services.db).await?;
    let rows = postcode::Entity::find().all(&services.db).await?;
    let places: Vec<(postcode::Model, i64)> = rows
        .into_iter()
        .filter_map(|p| {
            areas
                .iter()
                .find(|a| a.name == p.kreis())
                .map(|a| (p.clone(), a.institution_id))
        })
        .collect();
    if places.is_empty() {
        return Err(AppError::Refused("companies-demo-needs-postcodes".into()));
    }
    let existing = company::Entity::find()
        .filter(company::Column::ConsentStorageVersion.eq("demo"))
        .count(&services.db)
        .await?;
    let mut rng = StdRng::seed_from_u64(seed);
    let now = services.clock.now();
    let uow = UnitOfWork::begin(services, &Actor::system("demo-data")).await?;
    let mut done = 0u64;
    while done < n {
        // 500 rows × 37 columns stays below SQLite's 32,766 bind variables.
        let chunk = (n - done).min(500);
        let mut batch = Vec::with_capacity(chunk as usize);
        for i in 0..chunk {
            let no = existing + done + i + 1;
            let (place, district) = &places[rng.random_range(0..places.len())];
            let name = format!(
                "{} {} {} {no}",
                FIRST[rng.random_range(0..FIRST.len())],
                TRADE[rng.random_range(0..TRADE.len())],
                FORMS[rng.random_range(0..FORMS.len())],
            );
            let street = STREETS[rng.random_range(0..STREETS.len())].to_string();
            let house = format!("{}", no);
            let employees: i32 = if rng.random_bool(0.85) {
                rng.random_range(1..250)
            } else {
                rng.random_range(250..2000)
            };
            let status = STATUSES[rng.random_range(0..STATUSES.len())].0.to_string();
            let created = now - Duration::days(rng.random_range(0..700));
            let remarks = if rng.random_bool(0.3) {
                "Kontakt über Messe „Fachkräfte international“".to_string()
            } else {
                String::new()
            };
            let search = fold_fields([
                name.as_str(),
                street.as_str(),
                house.as_str(),
                place.plz.as_str(),
                place.ort.as_str(),
                place.kreis(),
                remarks.as_str(),
            ]);
            batch.push(company::ActiveModel {
                id: NotSet,
                name: Set(name.clone()),
                legal_form: Set(String::new()),
                street: Set(street.clone()),
                house_number: Set(house.clone()),
                plz: Set(place.plz.clone()),
                ort: Set(place.ort.clone()),
                kreis: Set(Some(place.kreis().to_string())),
                district_id: Set(Some(*district)),
                industry: Set(INDUSTRIES[rng.random_range(0..INDUSTRIES.len())].to_string()),
                employees: Set(Some(employees)),
                website: Set(String::new()),
                phone: Set(format!(
                    "+49 {} {}",
                    rng.random_range(300..999),
                    rng.random_range(100000..999999)
                )),
                email: Set(format!("info{no}@example.org")),
                contact_salutation: Set("frau".into()),
                contact_first_name: Set("Anna".into()),
                contact_last_name: Set(FIRST[rng.random_range(0..FIRST.len())].to_string()),
                contact_function: Set("Personalleitung".into()),
                contact_phone: Set(String::new()),
                contact_email: Set(String::new()),
                status: Set(status),
                status_since: Set(created.date_naive()),
                target_occupations: Set(
                    OCCUPATIONS[rng.random_range(0..OCCUPATIONS.len())].to_string()
                ),
                open_positions: Set(Some(rng.random_range(0..6))),
                outreach_format: Set(OUTREACH[rng.random_range(0..OUTREACH.len())].to_string()),
                consent_storage_date: Set(Some(created.date_naive())),
                consent_storage_version: Set("demo".into()),
                consent_partners: Set(String::new()),
                remarks: Set(remarks),
                active: Set(true),
                deactivated_at: Set(None),
                created_at: Set(created),
                updated_at: Set(created),
                search_text: Set(search),
                sort_name: Set(fold(&name)),
                address_key: Set(address_key(&place.plz, &place.ort, &street, &house)),
            });
        }
        company::Entity::insert_many(batch).exec(uow.txn()).await?;
        done += chunk;
        progress(done, n);
    }
    uow.commit_demo_data("company", n, seed).await
}
