//! Reference lists that R-REF-3 names besides the companies' own: countries (registration
//! countries of applicants; the code becomes part of the applicant ID), contact types and
//! contact topics (contact history). Admins edit them like the others.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (kind, code, German label, English label).
const ITEMS: &[(&str, &str, &str, &str)] = &[
    ("country", "IN", "Indien", "India"),
    ("country", "BR", "Brasilien", "Brazil"),
    ("country", "VN", "Vietnam", "Vietnam"),
    ("contact_type", "email", "E-Mail", "E-mail"),
    ("contact_type", "telefon", "Telefon", "Telephone"),
    ("contact_type", "persoenlich", "persönlich", "in person"),
    ("contact_type", "video", "Video", "Video call"),
    (
        "contact_topic",
        "erstkontakt",
        "Erstkontakt",
        "First contact",
    ),
    ("contact_topic", "beratung", "Beratung", "Advice"),
    (
        "contact_topic",
        "vorstellungsgespraech",
        "Vorstellungsgespräch",
        "Job interview",
    ),
    ("contact_topic", "anerkennung", "Anerkennung", "Recognition"),
    ("contact_topic", "visum", "Visum", "Visa"),
    (
        "contact_topic",
        "sprachkurs",
        "Sprachkurs",
        "Language course",
    ),
    ("contact_topic", "integration", "Integration", "Integration"),
    ("contact_topic", "sonstiges", "Sonstiges", "Other"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (i, (kind, code, de, en)) in ITEMS.iter().enumerate() {
            m.exec_stmt(
                Query::insert()
                    .into_table("reference_item")
                    .columns(["kind", "code", "label_de", "label_en", "active", "sort"])
                    .values_panic([
                        (*kind).into(),
                        (*code).into(),
                        (*de).into(),
                        (*en).into(),
                        true.into(),
                        ((i as i32 + 1) * 10).into(),
                    ])
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.exec_stmt(
            Query::delete()
                .from_table("reference_item")
                .and_where(Expr::col("kind").is_in(["country", "contact_type", "contact_topic"]))
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
