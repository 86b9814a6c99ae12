//! Contact history: visibility as data (issue 16). An IHK district sees an entry when the
//! entry's company is an active company of the district, or its applicant is active and opened
//! to the district (R-CH-4 through the companies' and applicants' scoping functions). Asked per
//! request, that was an OR of two sub-selects which SQLite answered by collecting and sorting
//! every entry in scope (~600 ms at 1,000,000 entries). `contact_visibility` keeps one row per
//! (district, entry) instead: the list reads a page in date order probing it, and counts an
//! unfiltered list as one index range.
//!
//! The rows are derived data like the trigram index: triggers keep them in step with every
//! write of the columns they depend on (an entry's company and applicant, a company's district
//! and active flag, an applicant's active flag, the district accesses), inside the writing
//! transaction, so no unit of work can commit without them and every instance reads them exact.
//! Deleted entries take their rows along (foreign key, cascade). An index on the author name
//! serves the author filter's choices.

use sea_orm_migration::prelude::*;

use crate::backend_sql;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The author filter's choices are read name by name through this index (a loose index scan,
/// `hih_contact_history::scope::visible_authors`).
const AUTHOR_INDEX: &str = "CREATE INDEX ix_contact_entry_author ON contact_entry (author_name)";

/// SQLite's triggers: name, event, and the entries whose rows they recompute (a condition on
/// `e`, the contact entry).
const SQLITE_TRIGGERS: [(&str, &str, &str); 7] = [
    (
        "contact_entry_visibility_insert",
        "AFTER INSERT ON contact_entry",
        "e.id = NEW.id",
    ),
    (
        "contact_entry_visibility_update",
        "AFTER UPDATE OF company_id, applicant_id ON contact_entry",
        "e.id = NEW.id",
    ),
    (
        "company_contact_visibility",
        "AFTER UPDATE OF district_id, active ON company \
         WHEN OLD.district_id IS NOT NEW.district_id OR OLD.active IS NOT NEW.active",
        "e.company_id = NEW.id",
    ),
    (
        "applicant_contact_visibility",
        "AFTER UPDATE OF active ON applicant WHEN OLD.active IS NOT NEW.active",
        "e.applicant_id = NEW.id",
    ),
    (
        "applicant_access_visibility_insert",
        "AFTER INSERT ON applicant_access",
        "e.applicant_id = NEW.applicant_id",
    ),
    (
        "applicant_access_visibility_update",
        "AFTER UPDATE ON applicant_access",
        "e.applicant_id IN (OLD.applicant_id, NEW.applicant_id)",
    ),
    (
        "applicant_access_visibility_delete",
        "AFTER DELETE ON applicant_access",
        "e.applicant_id = OLD.applicant_id",
    ),
];

/// The statements that recompute the rows of the entries matching `which` (a condition on
/// `e`): drop theirs, add the company's district and the applicant's open districts.
fn refresh_sql(which: &str, insert: &str, conflict: &str) -> String {
    format!(
        "DELETE FROM contact_visibility WHERE entry_id IN (SELECT e.id FROM contact_entry e WHERE {which}); \
         {insert} contact_visibility (district_id, entry_id) \
         SELECT c.district_id, e.id FROM contact_entry e JOIN company c ON c.id = e.company_id \
         WHERE ({which}) AND c.active AND c.district_id IS NOT NULL{conflict}; \
         {insert} contact_visibility (district_id, entry_id) \
         SELECT aa.district_id, e.id FROM contact_entry e \
         JOIN applicant a ON a.id = e.applicant_id \
         JOIN applicant_access aa ON aa.applicant_id = a.id \
         WHERE ({which}) AND a.active AND aa.active{conflict};"
    )
}

fn sqlite_sql() -> Vec<String> {
    let mut out = vec![
        "CREATE TABLE contact_visibility (\
         district_id BIGINT NOT NULL, \
         entry_id BIGINT NOT NULL REFERENCES contact_entry (id) ON DELETE CASCADE, \
         PRIMARY KEY (district_id, entry_id)) WITHOUT ROWID"
            .to_string(),
        "CREATE INDEX ix_contact_visibility_entry ON contact_visibility (entry_id)".to_string(),
        AUTHOR_INDEX.to_string(),
    ];
    for (name, event, which) in SQLITE_TRIGGERS {
        out.push(format!(
            "CREATE TRIGGER {name} {event} BEGIN {} END",
            refresh_sql(which, "INSERT OR IGNORE INTO", "")
        ));
    }
    out.push(refresh_sql("1 = 1", "INSERT OR IGNORE INTO", ""));
    out
}

fn postgres_sql() -> Vec<String> {
    let which = "e.id = p_entry OR e.company_id = p_company OR e.applicant_id = p_applicant";
    vec![
        "CREATE TABLE contact_visibility (\
         district_id BIGINT NOT NULL, \
         entry_id BIGINT NOT NULL REFERENCES contact_entry (id) ON DELETE CASCADE, \
         PRIMARY KEY (district_id, entry_id))"
            .to_string(),
        "CREATE INDEX ix_contact_visibility_entry ON contact_visibility (entry_id)".to_string(),
        AUTHOR_INDEX.to_string(),
        format!(
            "CREATE FUNCTION contact_visibility_refresh(p_entry BIGINT, p_company BIGINT, \
             p_applicant BIGINT) RETURNS void LANGUAGE plpgsql AS $$ BEGIN {} END $$",
            refresh_sql(which, "INSERT INTO", " ON CONFLICT DO NOTHING")
        ),
        "CREATE FUNCTION contact_visibility_entry() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN PERFORM contact_visibility_refresh(NEW.id, NULL, NULL); RETURN NULL; END $$"
            .to_string(),
        "CREATE FUNCTION contact_visibility_company() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN PERFORM contact_visibility_refresh(NULL, NEW.id, NULL); RETURN NULL; END $$"
            .to_string(),
        "CREATE FUNCTION contact_visibility_applicant() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN PERFORM contact_visibility_refresh(NULL, NULL, NEW.id); RETURN NULL; END $$"
            .to_string(),
        "CREATE FUNCTION contact_visibility_access() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN \
         IF TG_OP <> 'INSERT' THEN PERFORM contact_visibility_refresh(NULL, NULL, OLD.applicant_id); END IF; \
         IF TG_OP <> 'DELETE' THEN PERFORM contact_visibility_refresh(NULL, NULL, NEW.applicant_id); END IF; \
         RETURN NULL; END $$"
            .to_string(),
        "CREATE TRIGGER contact_entry_visibility AFTER INSERT OR UPDATE OF company_id, applicant_id \
         ON contact_entry FOR EACH ROW EXECUTE FUNCTION contact_visibility_entry()"
            .to_string(),
        "CREATE TRIGGER company_contact_visibility AFTER UPDATE OF district_id, active ON company \
         FOR EACH ROW WHEN (OLD.district_id IS DISTINCT FROM NEW.district_id \
         OR OLD.active IS DISTINCT FROM NEW.active) \
         EXECUTE FUNCTION contact_visibility_company()"
            .to_string(),
        "CREATE TRIGGER applicant_contact_visibility AFTER UPDATE OF active ON applicant \
         FOR EACH ROW WHEN (OLD.active IS DISTINCT FROM NEW.active) \
         EXECUTE FUNCTION contact_visibility_applicant()"
            .to_string(),
        "CREATE TRIGGER applicant_access_visibility AFTER INSERT OR UPDATE OR DELETE \
         ON applicant_access FOR EACH ROW EXECUTE FUNCTION contact_visibility_access()"
            .to_string(),
        refresh_sql("true", "INSERT INTO", " ON CONFLICT DO NOTHING"),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        backend_sql::run(m, postgres_sql(), sqlite_sql()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let c = m.get_connection();
        if m.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            for t in [
                "contact_visibility_entry",
                "contact_visibility_company",
                "contact_visibility_applicant",
                "contact_visibility_access",
            ] {
                c.execute_unprepared(&format!("DROP FUNCTION IF EXISTS {t}() CASCADE"))
                    .await?;
            }
            c.execute_unprepared(
                "DROP FUNCTION IF EXISTS contact_visibility_refresh(BIGINT, BIGINT, BIGINT)",
            )
            .await?;
        } else {
            for (name, _, _) in SQLITE_TRIGGERS {
                c.execute_unprepared(&format!("DROP TRIGGER IF EXISTS {name}"))
                    .await?;
            }
        }
        c.execute_unprepared("DROP TABLE IF EXISTS contact_visibility")
            .await?;
        c.execute_unprepared("DROP INDEX IF EXISTS ix_contact_entry_author")
            .await?;
        Ok(())
    }
}
