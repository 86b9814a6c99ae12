//! Contact history, PostgreSQL: a new entry's visibility rows from the entry itself (issue 16).
//!
//! The trigger of migration `contact_history_visibility` recomputed a new entry's rows through
//! `contact_visibility_refresh`, whose statements find the entries to refresh by
//! `id = … OR company_id = … OR applicant_id = …`. In a bulk load into an empty table (the
//! demo data, an import on a fresh database) PostgreSQL planned those statements once while
//! the table was nearly empty and kept that plan, a sequential scan: every inserted entry read
//! all entries inserted before it. Measured on a fresh database: 40,000 entries took 31 s, the
//! next 40,000 (with statistics) 7.5 s, and the 100× load fell to 160 entries/s at 250,000.
//! An inserted entry has no rows yet, so its rows come straight from `NEW`: the company's
//! district and the applicant's open districts, two primary-key lookups that need no plan
//! choice. Changes of an entry's company or applicant still recompute through the function.
//! SQLite's triggers probe by rowid and need no change.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The trigger function: inserted entries from `NEW`, changed ones recomputed.
const FROM_NEW: &str = "CREATE OR REPLACE FUNCTION contact_visibility_entry() RETURNS trigger \
     LANGUAGE plpgsql AS $$ BEGIN \
     IF TG_OP = 'INSERT' THEN \
     INSERT INTO contact_visibility (district_id, entry_id) \
     SELECT c.district_id, NEW.id FROM company c \
     WHERE c.id = NEW.company_id AND c.active AND c.district_id IS NOT NULL \
     ON CONFLICT DO NOTHING; \
     INSERT INTO contact_visibility (district_id, entry_id) \
     SELECT aa.district_id, NEW.id FROM applicant a \
     JOIN applicant_access aa ON aa.applicant_id = a.id \
     WHERE a.id = NEW.applicant_id AND a.active AND aa.active \
     ON CONFLICT DO NOTHING; \
     ELSE PERFORM contact_visibility_refresh(NEW.id, NULL, NULL); \
     END IF; \
     RETURN NULL; END $$";

/// The function as migration `contact_history_visibility` made it.
const RECOMPUTED: &str = "CREATE OR REPLACE FUNCTION contact_visibility_entry() RETURNS trigger \
     LANGUAGE plpgsql AS $$ \
     BEGIN PERFORM contact_visibility_refresh(NEW.id, NULL, NULL); RETURN NULL; END $$";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            m.get_connection().execute_unprepared(FROM_NEW).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            m.get_connection().execute_unprepared(RECOMPUTED).await?;
        }
        Ok(())
    }
}
