//! Companies feature, reference data: postcodes (imported, R-REF-1) and IHK districts as sets
//! of Landkreise / kreisfreie Städte (seeded per R-REF-2, editable by admins).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (IHK, district areas) of R-REF-2.
const DISTRICTS: [(&str, &[&str]); 5] = [
    (
        "IHK Erfurt",
        &[
            "Erfurt",
            "Weimar",
            "Landkreis Eichsfeld",
            "Landkreis Gotha",
            "Ilm-Kreis",
            "Kyffhäuserkreis",
            "Landkreis Nordhausen",
            "Landkreis Sömmerda",
            "Unstrut-Hainich-Kreis",
            "Landkreis Weimarer Land",
        ],
    ),
    (
        "IHK zu Lübeck",
        &[
            "Lübeck",
            "Kreis Herzogtum Lauenburg",
            "Kreis Ostholstein",
            "Kreis Segeberg",
            "Kreis Stormarn",
        ],
    ),
    ("IHK zu Rostock", &["Rostock", "Landkreis Rostock"]),
    (
        "IHK Reutlingen",
        &[
            "Landkreis Reutlingen",
            "Landkreis Tübingen",
            "Zollernalbkreis",
        ],
    ),
    ("IHK Düsseldorf", &["Düsseldorf", "Kreis Mettmann"]),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("postcode")
                .col(big_pk_auto("id"))
                .col(string_len("plz", 5))
                .col(string("ort"))
                .col(string_null("landkreis"))
                .col(string("bundesland"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_postcode_plz")
                .table("postcode")
                .col("plz")
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("district_area")
                .col(big_pk_auto("id"))
                .col(big_integer("institution_id"))
                .col(string("name"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_district_institution")
                        .from("district_area", "institution_id")
                        .to("institution", "id"),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_district_area_name")
                .table("district_area")
                .col("name")
                .unique()
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        for (ihk, areas) in DISTRICTS {
            for area in areas {
                // The institution id is looked up by name: ids differ between databases.
                let sql = match m.get_database_backend() {
                    sea_orm_migration::sea_orm::DatabaseBackend::Postgres => {
                        "INSERT INTO district_area (institution_id, name) SELECT id, $1 FROM institution WHERE name = $2"
                    }
                    _ => {
                        "INSERT INTO district_area (institution_id, name) SELECT id, ? FROM institution WHERE name = ?"
                    }
                };
                db.execute_raw(sea_orm_migration::sea_orm::Statement::from_sql_and_values(
                    m.get_database_backend(),
                    sql,
                    [(*area).into(), ihk.into()],
                ))
                .await?;
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("district_area").to_owned())
            .await?;
        m.drop_table(Table::drop().table("postcode").to_owned())
            .await?;
        Ok(())
    }
}
