//! Companies feature: admin-editable reference lists (R-REF-3) and companies (R-COM-1) with
//! their status history.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (kind, code, German label, English label) seeded for R-REF-3.
const ITEMS: &[(&str, &str, &str, &str)] = &[
    (
        "industry",
        "A",
        "Land- und Forstwirtschaft, Fischerei",
        "Agriculture, forestry and fishing",
    ),
    (
        "industry",
        "B",
        "Bergbau und Gewinnung von Steinen und Erden",
        "Mining and quarrying",
    ),
    ("industry", "C", "Verarbeitendes Gewerbe", "Manufacturing"),
    (
        "industry",
        "D",
        "Energieversorgung",
        "Electricity, gas, steam and air conditioning supply",
    ),
    (
        "industry",
        "E",
        "Wasserversorgung; Abwasser- und Abfallentsorgung",
        "Water supply; sewerage, waste management",
    ),
    ("industry", "F", "Baugewerbe", "Construction"),
    (
        "industry",
        "G",
        "Handel; Instandhaltung und Reparatur von Kraftfahrzeugen",
        "Wholesale and retail trade; repair of motor vehicles",
    ),
    (
        "industry",
        "H",
        "Verkehr und Lagerei",
        "Transportation and storage",
    ),
    (
        "industry",
        "I",
        "Gastgewerbe",
        "Accommodation and food service activities",
    ),
    (
        "industry",
        "J",
        "Information und Kommunikation",
        "Information and communication",
    ),
    (
        "industry",
        "K",
        "Finanz- und Versicherungsdienstleistungen",
        "Financial and insurance activities",
    ),
    (
        "industry",
        "L",
        "Grundstücks- und Wohnungswesen",
        "Real estate activities",
    ),
    (
        "industry",
        "M",
        "Freiberufliche, wissenschaftliche und technische Dienstleistungen",
        "Professional, scientific and technical activities",
    ),
    (
        "industry",
        "N",
        "Sonstige wirtschaftliche Dienstleistungen",
        "Administrative and support service activities",
    ),
    (
        "industry",
        "O",
        "Öffentliche Verwaltung, Verteidigung; Sozialversicherung",
        "Public administration and defence; social security",
    ),
    ("industry", "P", "Erziehung und Unterricht", "Education"),
    (
        "industry",
        "Q",
        "Gesundheits- und Sozialwesen",
        "Human health and social work activities",
    ),
    (
        "industry",
        "R",
        "Kunst, Unterhaltung und Erholung",
        "Arts, entertainment and recreation",
    ),
    (
        "industry",
        "S",
        "Erbringung von sonstigen Dienstleistungen",
        "Other service activities",
    ),
    (
        "industry",
        "T",
        "Private Haushalte mit Hauspersonal",
        "Activities of households as employers",
    ),
    (
        "industry",
        "U",
        "Exterritoriale Organisationen und Körperschaften",
        "Extraterritorial organisations and bodies",
    ),
    (
        "occupation",
        "mechatronik",
        "Mechatroniker/in",
        "Mechatronics technician",
    ),
    (
        "occupation",
        "elektronik",
        "Elektroniker/in",
        "Electronics technician",
    ),
    (
        "occupation",
        "anlagenmechanik-shk",
        "Anlagenmechaniker/in Sanitär-, Heizungs- und Klimatechnik",
        "Plumbing, heating and air-conditioning technician",
    ),
    (
        "occupation",
        "industriemechanik",
        "Industriemechaniker/in",
        "Industrial mechanic",
    ),
    (
        "occupation",
        "kfz-mechatronik",
        "Kfz-Mechatroniker/in",
        "Automotive mechatronics technician",
    ),
    (
        "occupation",
        "berufskraftfahrt",
        "Berufskraftfahrer/in",
        "Professional driver",
    ),
    (
        "occupation",
        "fachkraft-lagerlogistik",
        "Fachkraft für Lagerlogistik",
        "Warehouse logistics specialist",
    ),
    ("occupation", "koch", "Koch/Köchin", "Cook"),
    (
        "occupation",
        "hotelfach",
        "Hotelfachmann/-frau",
        "Hotel specialist",
    ),
    (
        "occupation",
        "fachinformatik",
        "Fachinformatiker/in",
        "IT specialist",
    ),
    (
        "outreach",
        "veranstaltung",
        "Informationsveranstaltung",
        "Information event",
    ),
    (
        "outreach",
        "telefon",
        "Telefonakquise",
        "Telephone outreach",
    ),
    ("outreach", "mailing", "E-Mail/Mailing", "E-mail/mailing"),
    (
        "outreach",
        "persoenlich",
        "Persönlicher Besuch",
        "Personal visit",
    ),
    (
        "outreach",
        "online",
        "Online-Formate/Webinar",
        "Online formats/webinar",
    ),
    (
        "partner",
        "prorecognition",
        "ProRecognition (Anerkennungsberatung)",
        "ProRecognition (recognition counselling)",
    ),
    (
        "partner",
        "sprachkurs",
        "Sprachkursanbieter",
        "Language course providers",
    ),
    (
        "partner",
        "ba",
        "Bundesagentur für Arbeit (AGS/IPS/ZAV)",
        "Federal Employment Agency (AGS/IPS/ZAV)",
    ),
    ("partner", "foerderer", "Fördermittelgeber", "Funder"),
    ("partner", "evaluation", "Evaluation", "Evaluator"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("reference_item")
                .col(big_pk_auto("id"))
                .col(string("kind"))
                .col(string("code"))
                .col(string("label_de"))
                .col(string("label_en"))
                .col(boolean("active").default(true))
                .col(integer("sort"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_reference_item")
                .table("reference_item")
                .col("kind")
                .col("code")
                .unique()
                .to_owned(),
        )
        .await?;
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
                        (i as i32).into(),
                    ])
                    .to_owned(),
            )
            .await?;
        }

        m.create_table(
            Table::create()
                .table("company")
                .col(big_pk_auto("id"))
                .col(string("name"))
                .col(string("legal_form"))
                .col(string("street"))
                .col(string("house_number"))
                .col(string_len("plz", 5))
                .col(string("ort"))
                .col(string_null("kreis"))
                .col(big_integer_null("district_id"))
                .col(string("industry"))
                .col(integer_null("employees"))
                .col(string("website"))
                .col(string("phone"))
                .col(string("email"))
                .col(string("contact_salutation"))
                .col(string("contact_first_name"))
                .col(string("contact_last_name"))
                .col(string("contact_function"))
                .col(string("contact_phone"))
                .col(string("contact_email"))
                .col(string("status"))
                .col(date("status_since"))
                .col(text("target_occupations"))
                .col(integer_null("open_positions"))
                .col(string("outreach_format"))
                .col(date_null("consent_storage_date"))
                .col(string("consent_storage_version"))
                .col(text("consent_partners"))
                .col(text("remarks"))
                .col(boolean("active"))
                .col(timestamp_with_time_zone_null("deactivated_at"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(text("search_text"))
                .col(string("sort_name"))
                .col(string("address_key"))
                .to_owned(),
        )
        .await?;
        for (name, cols, unique) in [
            (
                "ix_company_district_sort",
                vec!["district_id", "active", "sort_name"],
                false,
            ),
            ("ix_company_sort", vec!["active", "sort_name"], false),
            ("ux_company_address", vec!["address_key"], true),
            ("ix_company_deactivated", vec!["deactivated_at"], false),
        ] {
            let mut idx = Index::create().name(name).table("company").to_owned();
            for c in cols {
                idx.col(c);
            }
            if unique {
                idx.unique();
            }
            m.create_index(idx).await?;
        }

        m.create_table(
            Table::create()
                .table("company_status_change")
                .col(big_pk_auto("id"))
                .col(big_integer("company_id"))
                .col(string("status"))
                .col(date("changed_on"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_status_company")
                        .from("company_status_change", "company_id")
                        .to("company", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["company_status_change", "company", "reference_item"] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
