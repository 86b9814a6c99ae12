use std::collections::BTreeMap;

use hih_applicants::entities::applicant;
use hih_applicants::{id, service};
use hih_kernel::Actor;
use sea_orm::EntityTrait;

use crate::{app, form, parsed};

#[tokio::test]
async fn concurrent_creations_get_distinct_consecutive_ids_per_country() {
    let app = app().await;
    let services = app.services().clone();
    let mut tasks = Vec::new();
    // 200 in Vietnam and 60 in India, interleaved, each in its own unit of work (and so its own
    // connection and transaction), all started at once.
    for i in 0..260 {
        let services = services.clone();
        let country = if i % 13 < 3 { "IN" } else { "VN" };
        tasks.push(tokio::spawn(async move {
            let name = format!("Person {}", char::from(b'a' + (i % 26) as u8));
            let mut fields = form("Thị Hương", "Nguyễn", country);
            fields.push(("remarks", &name));
            let valid = service::validate(&services, &parsed(&fields), None)
                .await
                .unwrap();
            let mut uow = hih_db::UnitOfWork::begin(&services, &Actor::system("test"))
                .await
                .unwrap();
            let a = service::create(&mut uow, valid).await.unwrap();
            uow.commit().await.unwrap();
            a.applicant_id.unwrap()
        }));
    }
    let mut ids = Vec::new();
    for t in tasks {
        ids.push(t.await.unwrap());
    }
    let mut by_country: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for a in applicant::Entity::find().all(app.db()).await.unwrap() {
        let id = a.applicant_id.unwrap();
        let (prefix, number) = id.rsplit_once('-').unwrap();
        assert_eq!(prefix, format!("HIH-{}", a.country));
        assert_eq!(number.parse::<i64>().unwrap(), a.id_number.unwrap());
        by_country
            .entry(a.country.clone())
            .or_default()
            .push(a.id_number.unwrap());
    }
    let vn = by_country.remove("VN").unwrap();
    let inn = by_country.remove("IN").unwrap();
    let sorted = |mut v: Vec<i64>| {
        v.sort_unstable();
        v
    };
    assert_eq!(
        sorted(vn),
        (1..=200).collect::<Vec<_>>(),
        "VN: 1..=200, no gaps"
    );
    assert_eq!(
        sorted(inn),
        (1..=60).collect::<Vec<_>>(),
        "IN: 1..=60, no gaps"
    );
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 260, "all distinct");
    assert!(ids.contains(&"HIH-VN-0001".to_string()) && ids.contains(&"HIH-VN-0200".to_string()));
}

#[tokio::test]
async fn a_rolled_back_creation_leaves_no_gap_and_numbers_grow_past_9999() {
    let app = app().await;
    let services = app.services();
    let valid = service::validate(services, &parsed(&form("Ana", "Souza", "BR")), None)
        .await
        .unwrap();
    {
        let mut uow = hih_db::UnitOfWork::begin(services, &Actor::system("test"))
            .await
            .unwrap();
        service::create(&mut uow, valid).await.unwrap();
        // Dropped without commit: rolled back.
    }
    let first = crate::insert(&app, &form("Ana", "Souza", "BR")).await;
    assert_eq!(first.applicant_id.as_deref(), Some("HIH-BR-0001"));
    // Jump the counter to 9998 (as after 9,998 records) in one reservation.
    let uow = hih_db::UnitOfWork::begin(services, &Actor::system("test"))
        .await
        .unwrap();
    assert_eq!(id::reserve(uow.txn(), "BR", 9997).await.unwrap(), 2);
    uow.commit().await.unwrap();
    let a = crate::insert(&app, &form("João", "Conceição", "BR")).await;
    let b = crate::insert(&app, &form("Ana Luíza", "Gonçalves", "BR")).await;
    assert_eq!(a.applicant_id.as_deref(), Some("HIH-BR-9999"));
    assert_eq!(b.applicant_id.as_deref(), Some("HIH-BR-10000"));
}
