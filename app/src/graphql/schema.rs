//! The seaography schema over the features' entities: read-only (no mutations), the relations
//! between them, the hooks that scope every query ([`super::hooks`]), a largest page, depth
//! and complexity limits.
//!
//! seaography keeps its relation loaders (DataLoaders) in the schema, shared by all requests,
//! and groups the keys of concurrent requests by relation and filter — not by the scope
//! condition of the caller. Every request therefore gets loaders of its own
//! ([`with_own_loaders`]): a batch never mixes callers.

use async_graphql::dataloader::DataLoader;
use async_graphql::dynamic::{Schema, SchemaError};
use hih_applicants::entities::applicant;
use hih_companies::entities::{company, monthly_count, monthly_count_line};
use hih_contact_history::entities::contact_entry;
use hih_matching::entities::placement;
use hih_reference::entities::reference_item;
use sea_orm::{
    DatabaseConnection, DeriveRelatedEntity, EntityTrait, EnumIter, Iterable, RelationDef,
    RelationTrait,
};
use seaography::{
    Builder, BuilderContext, LifecycleHooks, OneToManyLoader, OneToOneLoader, RelatedEntityFilter,
    RelationBuilder,
};

use super::exposed::by_object;
use super::hooks::Scoped;

/// The deepest query accepted (`applicants → nodes → matches → nodes → company → contacts
/// → nodes → remarks` is 8 levels).
pub const MAX_DEPTH: usize = 10;

/// The most fields one query may ask for (async-graphql counts each field once).
pub const MAX_COMPLEXITY: usize = 500;

/// The relation definitions between the features' entities (the features declare only the
/// ones their own queries join; these are the ones the graph follows).
mod rel {
    use super::*;

    fn has_many(def: RelationDef) -> RelationDef {
        let mut def = def.rev();
        def.rel_type = sea_orm::RelationType::HasMany;
        def
    }

    pub fn match_company() -> RelationDef {
        placement::Relation::Company.def()
    }

    pub fn match_applicant() -> RelationDef {
        placement::Relation::Applicant.def()
    }

    pub fn company_matches() -> RelationDef {
        has_many(match_company())
    }

    pub fn applicant_matches() -> RelationDef {
        has_many(match_applicant())
    }

    pub fn contact_company() -> RelationDef {
        contact_entry::Entity::belongs_to(company::Entity)
            .from(contact_entry::Column::CompanyId)
            .to(company::Column::Id)
            .into()
    }

    pub fn contact_applicant() -> RelationDef {
        contact_entry::Entity::belongs_to(applicant::Entity)
            .from(contact_entry::Column::ApplicantId)
            .to(applicant::Column::Id)
            .into()
    }

    pub fn company_contacts() -> RelationDef {
        has_many(contact_company())
    }

    pub fn applicant_contacts() -> RelationDef {
        has_many(contact_applicant())
    }

    pub fn line_count() -> RelationDef {
        monthly_count_line::Entity::belongs_to(monthly_count::Entity)
            .from(monthly_count_line::Column::MonthlyCountId)
            .to(monthly_count::Column::Id)
            .into()
    }

    pub fn count_lines() -> RelationDef {
        has_many(line_count())
    }
}

/// A company's relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelatedEntity)]
#[sea_orm(entity = "company::Entity")]
pub enum CompanyRelations {
    /// Its matches.
    #[sea_orm(entity = "placement::Entity", def = "rel::company_matches()")]
    Matches,
    /// Its contact-history entries.
    #[sea_orm(entity = "contact_entry::Entity", def = "rel::company_contacts()")]
    Contacts,
}

/// An applicant's relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelatedEntity)]
#[sea_orm(entity = "applicant::Entity")]
pub enum ApplicantRelations {
    /// Their matches.
    #[sea_orm(entity = "placement::Entity", def = "rel::applicant_matches()")]
    Matches,
    /// Their contact-history entries.
    #[sea_orm(entity = "contact_entry::Entity", def = "rel::applicant_contacts()")]
    Contacts,
}

/// A match's two sides.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelatedEntity)]
#[sea_orm(entity = "placement::Entity")]
pub enum MatchRelations {
    /// The company.
    #[sea_orm(entity = "company::Entity", def = "rel::match_company()")]
    Company,
    /// The applicant.
    #[sea_orm(entity = "applicant::Entity", def = "rel::match_applicant()")]
    Applicant,
}

/// A contact entry's company and applicant.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelatedEntity)]
#[sea_orm(entity = "contact_entry::Entity")]
pub enum ContactRelations {
    /// The company, if the entry is about one.
    #[sea_orm(entity = "company::Entity", def = "rel::contact_company()")]
    Company,
    /// The applicant, if the entry is about one.
    #[sea_orm(entity = "applicant::Entity", def = "rel::contact_applicant()")]
    Applicant,
}

/// A month's lines.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelatedEntity)]
#[sea_orm(entity = "monthly_count::Entity")]
pub enum MonthlyCountRelations {
    /// One line per outreach format.
    #[sea_orm(entity = "monthly_count_line::Entity", def = "rel::count_lines()")]
    Lines,
}

/// A line's month.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelatedEntity)]
#[sea_orm(entity = "monthly_count_line::Entity")]
pub enum MonthlyCountLineRelations {
    /// The month.
    #[sea_orm(entity = "monthly_count::Entity", def = "rel::line_count()")]
    MonthlyCount,
}

/// Selection-list entries relate to nothing.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelatedEntity)]
#[sea_orm(entity = "reference_item::Entity")]
pub enum NoRelations {}

/// Registers one entity as seaography's `register_entity!` does, without mutations and
/// without shared loaders.
fn entity<E, R>(mut builder: Builder) -> Builder
where
    E: EntityTrait,
    E::Model: Sync,
    R: Iterable + RelationBuilder,
{
    let relations = R::iter().map(|r| r.get_relation(builder.context)).collect();
    let related = RelatedEntityFilter::<E>::build::<R>(builder.context);
    builder.register_entity::<E>(relations, &related);
    // No loaders in the schema: each request brings its own ([`with_own_loaders`]).
    builder.register_related_entity_filter::<E>(related)
}

/// Fresh loaders of one entity for one request.
fn own_loaders<E>(
    request: async_graphql::Request,
    db: &DatabaseConnection,
) -> async_graphql::Request
where
    E: EntityTrait,
    E::Model: Sync,
{
    request
        .data(DataLoader::new(
            OneToOneLoader::<E>::new(db.clone()),
            tokio::spawn,
        ))
        .data(DataLoader::new(
            OneToManyLoader::<E>::new(db.clone()),
            tokio::spawn,
        ))
}

/// The exposed entities with their relations: the one list the schema and the per-request
/// loaders are built from.
macro_rules! entities {
    ($($entity:ident => $relations:ty),* $(,)?) => {
        fn register_all(mut builder: Builder) -> Builder {
            $(builder = entity::<$entity::Entity, $relations>(builder);)*
            builder
        }

        /// `request` with loaders of its own for every entity (see the module's comment).
        pub fn with_own_loaders(
            mut request: async_graphql::Request,
            db: &DatabaseConnection,
        ) -> async_graphql::Request {
            $(request = own_loaders::<$entity::Entity>(request, db);)*
            request
        }
    };
}

entities! {
    company => CompanyRelations,
    monthly_count => MonthlyCountRelations,
    monthly_count_line => MonthlyCountLineRelations,
    applicant => ApplicantRelations,
    contact_entry => ContactRelations,
    placement => MatchRelations,
    reference_item => NoRelations,
}

/// The builder's configuration: the hooks, the largest page (`api.max_page_size`, also the
/// default page of a list without pagination) and the root fields' names. seaography needs it
/// for the schema's lifetime; it is built once per application.
fn context(max_page_size: u64) -> &'static BuilderContext {
    let mut context = BuilderContext {
        hooks: LifecycleHooks::new(Scoped),
        ..Default::default()
    };
    context.pagination_input.max_limit = Some(max_page_size);
    context.pagination_input.default_limit = Some(max_page_size);
    context.entity_query_field.type_name = Box::new(|object: &str| {
        by_object(object)
            .map(|e| e.root.to_string())
            .unwrap_or_else(|| object.to_string())
    });
    Box::leak(Box::new(context))
}

/// Builds the schema on `db`.
pub fn build(db: DatabaseConnection, max_page_size: u64) -> Result<Schema, SchemaError> {
    let builder = Builder::new(context(max_page_size), db.clone());
    register_all(builder)
        .set_depth_limit(Some(MAX_DEPTH))
        .set_complexity_limit(Some(MAX_COMPLEXITY))
        .schema_builder()
        .data(db)
        .finish()
}
