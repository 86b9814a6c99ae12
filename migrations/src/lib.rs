//! All schema migrations, in order. One file per change, named
//! `m<date>_<seq>_<feature>_<what>.rs` so a feature's tables are found by its name.

pub use sea_orm_migration::prelude::*;

mod backend_sql;
mod m20261122_000001_platform_core;
mod m20261122_000002_users_accounts;
mod m20261122_000003_companies_reference;
mod m20261122_000004_companies_core;
mod m20261130_000001_companies_search_index;
mod m20261130_000002_companies_more_reference_lists;
mod m20261130_000010_companies_monthly_counts;
mod m20261130_000020_users_sort_columns;
mod m20261130_000030_applicants_core;
mod m20261130_000031_applicants_list_order;
mod m20261130_000040_platform_notification;
mod m20261130_000050_applicants_registration;
mod m20261130_000060_matching_placement;
mod m20261130_000061_contact_history_entry;
mod m20261130_000062_contact_history_date_index;
mod m20261130_000070_reports_residue;
mod m20261130_000071_reports_generated_file;
mod m20261130_000072_reports_partner_export;
mod m20261203_000080_matching_dormant_access;
mod m20261203_000090_protocol_alerts;
mod m20261203_000100_operations;
mod m20261203_000110_reference_text_keys;
mod m20261203_000120_platform_form_words;
mod m20261204_000130_contact_history_label_search;
mod m20261204_000131_list_distribution_words;
mod m20261204_000140_platform_search_umlauts;
mod m20261205_000150_users_api_tokens;
mod m20261205_000180_counselling;
mod m20261205_000190_counselling_forum;
mod m20261205_000191_counselling_appointment;
mod m20261205_000192_counselling_response_time;
mod m20261205_000195_counselling_guest_language;
mod m20261205_000196_counselling_attachment;
mod m20261205_000197_contact_history_visibility;
mod m20261206_000198_platform_record_counts;
mod m20261206_000199_counselling_sharing;
mod m20261206_000200_counselling_inbox_assignee;
mod m20261206_000201_contact_history_visibility_insert;
mod m20261206_000202_applicant_open_counts;
pub mod search_index;
mod text_keys;

/// The migrator used by `hih migrate`, `hih serve` (on start) and the testkit.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_platform_core::Migration),
            Box::new(m20261122_000002_users_accounts::Migration),
            Box::new(m20261122_000003_companies_reference::Migration),
            Box::new(m20261122_000004_companies_core::Migration),
            Box::new(m20261130_000001_companies_search_index::Migration),
            Box::new(m20261130_000002_companies_more_reference_lists::Migration),
            Box::new(m20261130_000010_companies_monthly_counts::Migration),
            Box::new(m20261130_000020_users_sort_columns::Migration),
            Box::new(m20261130_000030_applicants_core::Migration),
            Box::new(m20261130_000031_applicants_list_order::Migration),
            Box::new(m20261130_000040_platform_notification::Migration),
            Box::new(m20261130_000050_applicants_registration::Migration),
            Box::new(m20261130_000060_matching_placement::Migration),
            Box::new(m20261130_000061_contact_history_entry::Migration),
            Box::new(m20261130_000062_contact_history_date_index::Migration),
            Box::new(m20261130_000070_reports_residue::Migration),
            Box::new(m20261130_000071_reports_generated_file::Migration),
            Box::new(m20261130_000072_reports_partner_export::Migration),
            Box::new(m20261203_000080_matching_dormant_access::Migration),
            Box::new(m20261203_000090_protocol_alerts::Migration),
            Box::new(m20261203_000100_operations::Migration),
            Box::new(m20261203_000110_reference_text_keys::Migration),
            Box::new(m20261203_000120_platform_form_words::Migration),
            Box::new(m20261204_000130_contact_history_label_search::Migration),
            Box::new(m20261204_000131_list_distribution_words::Migration),
            // After the label backfill: it rebuilds the contact entries' texts with labels.
            Box::new(m20261204_000140_platform_search_umlauts::Migration),
            Box::new(m20261205_000150_users_api_tokens::Migration),
            Box::new(m20261205_000180_counselling::Migration),
            Box::new(m20261205_000190_counselling_forum::Migration),
            Box::new(m20261205_000191_counselling_appointment::Migration),
            Box::new(m20261205_000192_counselling_response_time::Migration),
            Box::new(m20261205_000195_counselling_guest_language::Migration),
            Box::new(m20261205_000196_counselling_attachment::Migration),
            Box::new(m20261205_000197_contact_history_visibility::Migration),
            Box::new(m20261206_000198_platform_record_counts::Migration),
            Box::new(m20261206_000199_counselling_sharing::Migration),
            Box::new(m20261206_000200_counselling_inbox_assignee::Migration),
            Box::new(m20261206_000201_contact_history_visibility_insert::Migration),
            Box::new(m20261206_000202_applicant_open_counts::Migration),
        ]
    }
}

/// Applies all pending migrations. Run by the host app (`hih migrate`, `hih serve` on start)
/// and the testkit, never by `hih-db`, which knows no schema versions.
pub async fn apply(db: &sea_orm::DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

/// How many migrations are not applied yet (`/readyz`, the status page, `hih migrate`).
pub async fn pending(db: &sea_orm::DatabaseConnection) -> Result<usize, DbErr> {
    Ok(Migrator::get_pending_migrations(db).await?.len())
}
