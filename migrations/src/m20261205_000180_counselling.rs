//! Counselling feature (R-CNS): guests (a personal link and a passphrase, both stored as
//! hashes; lockout), their conversations with the AHK staff of a country, the messages (body
//! encrypted: ciphertext, nonce and the id of the key), guest sessions (separate from staff
//! sessions) and the anonymous counters that outlive deleted conversations.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn cascade(
    name: &str,
    from: &'static str,
    col: &'static str,
    to: &'static str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from, col)
        .to(to, "id")
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn index(name: &str, table: &'static str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(table);
    for c in cols {
        i.col(*c);
    }
    i.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("counselling_guest")
                .col(big_pk_auto("id"))
                .col(string_uniq("link_hash"))
                .col(string_null("passphrase_hash"))
                .col(integer("failed_attempts").default(0))
                .col(timestamp_with_time_zone_null("locked_until"))
                .col(string_null("notice_email"))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("counselling_conversation")
                .col(big_pk_auto("id"))
                .col(big_integer("guest_id"))
                .col(string("country"))
                .col(string("topic"))
                .col(string("status"))
                .col(big_integer_null("assignee_id"))
                .col(big_integer_null("applicant_id"))
                .col(string("pseudonym"))
                .col(big_integer_null("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("last_activity_at"))
                .col(timestamp_with_time_zone_null("first_response_at"))
                .col(timestamp_with_time_zone_null("closed_at"))
                .foreign_key(&mut cascade(
                    "fk_counselling_conversation_guest",
                    "counselling_conversation",
                    "guest_id",
                    "counselling_guest",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_counselling_conversation_inbox",
            "counselling_conversation",
            &["country", "status", "last_activity_at"],
        ))
        .await?;
        m.create_index(index(
            "ix_counselling_conversation_guest",
            "counselling_conversation",
            &["guest_id"],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("counselling_message")
                .col(big_pk_auto("id"))
                .col(big_integer("conversation_id"))
                .col(string("author_kind"))
                .col(big_integer_null("author_id"))
                .col(string("author_name"))
                .col(blob("body"))
                .col(blob("nonce"))
                .col(string("key_id"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("read_at"))
                .foreign_key(&mut cascade(
                    "fk_counselling_message_conversation",
                    "counselling_message",
                    "conversation_id",
                    "counselling_conversation",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_counselling_message_conversation",
            "counselling_message",
            &["conversation_id", "id"],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("counselling_guest_session")
                .col(big_pk_auto("id"))
                .col(big_integer("guest_id"))
                .col(string_uniq("token_hash"))
                .col(timestamp_with_time_zone("expires_at"))
                .foreign_key(&mut cascade(
                    "fk_counselling_guest_session_guest",
                    "counselling_guest_session",
                    "guest_id",
                    "counselling_guest",
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("counselling_counter")
                .col(big_pk_auto("id"))
                .col(string("country"))
                .col(string("topic"))
                .col(string("kind"))
                .col(big_integer("count").default(0))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "ux_counselling_counter",
                "counselling_counter",
                &["country", "topic", "kind"],
            )
            .unique()
            .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "counselling_counter",
            "counselling_guest_session",
            "counselling_message",
            "counselling_conversation",
            "counselling_guest",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
