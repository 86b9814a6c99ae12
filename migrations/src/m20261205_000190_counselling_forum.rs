//! Staff exchange of the counselling feature (R-CNS-2, "Fachaustausch"): topics with their
//! posts and replies, and a materials library whose files are stored encrypted in a table of
//! their own (so listing materials never reads a file). Topics and materials keep a folded
//! search text with its trigram index, like every searchable list.

use crate::backend_sql;
use crate::search_index as search_sql;
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

async fn search_index(m: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    backend_sql::run(
        m,
        search_sql::postgres_index_sql(table),
        search_sql::sqlite_index_sql(table),
    )
    .await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("counselling_forum_topic")
                .col(big_pk_auto("id"))
                .col(string("title"))
                .col(big_integer_null("author_id"))
                .col(string("author_name"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("last_post_at"))
                .col(integer("post_count").default(0))
                .col(text("search_text"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_counselling_forum_topic_last_post")
                .table("counselling_forum_topic")
                .col("last_post_at")
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("counselling_forum_post")
                .col(big_pk_auto("id"))
                .col(big_integer("topic_id"))
                .col(big_integer_null("parent_id"))
                .col(big_integer_null("author_id"))
                .col(string("author_name"))
                .col(text("body"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut cascade(
                    "fk_counselling_forum_post_topic",
                    "counselling_forum_post",
                    "topic_id",
                    "counselling_forum_topic",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_counselling_forum_post_topic")
                .table("counselling_forum_post")
                .col("topic_id")
                .col("id")
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("counselling_forum_material")
                .col(big_pk_auto("id"))
                .col(string("title"))
                .col(text("description"))
                .col(string("file_name"))
                .col(string("content_type"))
                .col(big_integer("size_bytes"))
                .col(big_integer_null("author_id"))
                .col(string("author_name"))
                .col(timestamp_with_time_zone("created_at"))
                .col(text("search_text"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("counselling_forum_file")
                .col(big_pk_auto("id"))
                .col(big_integer_uniq("material_id"))
                .col(blob("data"))
                .col(blob("nonce"))
                .col(string("key_id"))
                .foreign_key(&mut cascade(
                    "fk_counselling_forum_file_material",
                    "counselling_forum_file",
                    "material_id",
                    "counselling_forum_material",
                ))
                .to_owned(),
        )
        .await?;
        search_index(m, "counselling_forum_topic").await?;
        search_index(m, "counselling_forum_material").await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() != sea_orm::DatabaseBackend::Postgres {
            for table in ["counselling_forum_topic", "counselling_forum_material"] {
                for sql in search_sql::sqlite_drop_sql(table) {
                    m.get_connection().execute_unprepared(&sql).await?;
                }
            }
        }
        for t in [
            "counselling_forum_file",
            "counselling_forum_material",
            "counselling_forum_post",
            "counselling_forum_topic",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
