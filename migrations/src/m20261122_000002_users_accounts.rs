//! Users feature: institutions (seeded per R-ACT-1), accounts, password history, recovery
//! codes, single-use tokens (setup and reset links).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (name, kind, country code) of the seeded institutions (R-ACT-1).
const INSTITUTIONS: [(&str, &str, Option<&str>); 10] = [
    ("IHK Erfurt", "ihk", None),
    ("IHK zu Lübeck", "ihk", None),
    ("IHK zu Rostock", "ihk", None),
    ("IHK Reutlingen", "ihk", None),
    ("IHK Düsseldorf", "ihk", None),
    ("AHK Indien", "ahk", Some("IN")),
    ("AHK Brasilien", "ahk", Some("BR")),
    ("AHK Vietnam", "ahk", Some("VN")),
    ("HiH-Projektteam", "team", None),
    ("Dienstleister", "operator", None),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("institution")
                .col(big_pk_auto("id"))
                .col(string_uniq("name"))
                .col(string("kind"))
                .col(string_null("country_code"))
                .col(boolean("active").default(true))
                .to_owned(),
        )
        .await?;
        for (name, kind, country) in INSTITUTIONS {
            m.exec_stmt(
                Query::insert()
                    .into_table("institution")
                    .columns(["name", "kind", "country_code", "active"])
                    .values_panic([
                        name.into(),
                        kind.into(),
                        country.map(|c| c.to_string()).into(),
                        true.into(),
                    ])
                    .to_owned(),
            )
            .await?;
        }

        m.create_table(
            Table::create()
                .table("user_account")
                .col(big_pk_auto("id"))
                .col(string("salutation"))
                .col(string("first_name"))
                .col(string("last_name"))
                .col(big_integer("institution_id"))
                .col(string("position"))
                .col(string("email"))
                .col(string("email_folded"))
                .col(string("username"))
                .col(string("username_folded"))
                .col(string("phone"))
                .col(string("role"))
                .col(boolean("active"))
                .col(timestamp_with_time_zone_null("activated_at"))
                .col(string_null("password_hash"))
                .col(timestamp_with_time_zone_null("password_changed_at"))
                .col(boolean("must_change_password"))
                .col(string_null("totp_secret"))
                .col(boolean("totp_enabled"))
                .col(big_integer_null("totp_last_step"))
                .col(integer("failed_logins"))
                .col(timestamp_with_time_zone_null("locked_until"))
                .col(timestamp_with_time_zone_null("last_login_at"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(text("search_text"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_user_institution")
                        .from("user_account", "institution_id")
                        .to("institution", "id"),
                )
                .to_owned(),
        )
        .await?;
        for (name, col) in [
            ("ux_user_username", "username_folded"),
            ("ux_user_email", "email_folded"),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table("user_account")
                    .col(col)
                    .unique()
                    .to_owned(),
            )
            .await?;
        }

        m.create_table(
            Table::create()
                .table("password_history")
                .col(big_pk_auto("id"))
                .col(big_integer("user_id"))
                .col(string("hash"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_pwhist_user")
                        .from("password_history", "user_id")
                        .to("user_account", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("recovery_code")
                .col(big_pk_auto("id"))
                .col(big_integer("user_id"))
                .col(string("code_hash"))
                .col(timestamp_with_time_zone_null("used_at"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_recovery_user")
                        .from("recovery_code", "user_id")
                        .to("user_account", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("user_token")
                .col(big_pk_auto("id"))
                .col(big_integer("user_id"))
                .col(string("purpose"))
                .col(string_uniq("token_hash"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(timestamp_with_time_zone_null("used_at"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_token_user")
                        .from("user_token", "user_id")
                        .to("user_account", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "user_token",
            "recovery_code",
            "password_history",
            "user_account",
            "institution",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
