//! The company and applicant filters of the contact-history list: a text field taking the
//! record's number, its Bewerberkennung (applicants) or its name, resolved to exactly one
//! record in the caller's scope (the entities' scoping functions). A value that names no record
//! or several is explained next to the field and finds nothing — never everything.

use hih_applicants::entities::applicant;
use hih_applicants::scope::visible_applicants;
use hih_companies::entities::company;
use hih_companies::scope::visible_companies;
use hih_db::fold::{fold, like_escape};
use hih_kernel::Actor;
use hih_web::{Ctx, WebResult};
use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QuerySelect};

/// Why a value names no single record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unmatched {
    /// No record in scope matches.
    None,
    /// Several records in scope match.
    Several,
}

/// The two filters that name a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// `company`: number or name.
    Company,
    /// `applicant`: number, Bewerberkennung or name.
    Applicant,
}

impl Named {
    /// Both filters.
    pub const ALL: [Named; 2] = [Named::Company, Named::Applicant];

    /// The query field.
    pub fn field(self) -> &'static str {
        match self {
            Named::Company => "company",
            Named::Applicant => "applicant",
        }
    }

    /// The text key explaining `why` next to the field.
    pub fn error_key(self, why: Unmatched) -> &'static str {
        match (self, why) {
            (Named::Company, Unmatched::None) => "contacts-error-filter-company-none",
            (Named::Company, Unmatched::Several) => "contacts-error-filter-company-several",
            (Named::Applicant, Unmatched::None) => "contacts-error-filter-applicant-none",
            (Named::Applicant, Unmatched::Several) => "contacts-error-filter-applicant-several",
        }
    }

    /// The id of the one record in `actor`'s scope that `value` names.
    pub async fn resolve(self, ctx: &Ctx, value: &str) -> WebResult<Result<i64, Unmatched>> {
        let value = value.trim();
        let conditions = match self {
            Named::Company => company_conditions(&ctx.actor, value),
            Named::Applicant => applicant_conditions(&ctx.actor, value),
        };
        // The most precise reading first: number, then code or exact name, then all words.
        for cond in conditions {
            let ids = self.ids(ctx, cond).await?;
            match ids.len() {
                0 => continue,
                1 => return Ok(Ok(ids[0])),
                _ => return Ok(Err(Unmatched::Several)),
            }
        }
        Ok(Err(Unmatched::None))
    }

    /// At most two ids of records matching `cond`.
    async fn ids(self, ctx: &Ctx, cond: Condition) -> WebResult<Vec<i64>> {
        let db = &ctx.services().db;
        Ok(match self {
            Named::Company => {
                company::Entity::find()
                    .select_only()
                    .column(company::Column::Id)
                    .filter(cond)
                    .limit(2)
                    .into_tuple::<i64>()
                    .all(db)
                    .await?
            }
            Named::Applicant => {
                applicant::Entity::find()
                    .select_only()
                    .column(applicant::Column::Id)
                    .filter(cond)
                    .limit(2)
                    .into_tuple::<i64>()
                    .all(db)
                    .await?
            }
        })
    }
}

/// Rows whose folded `column` holds every word of `value`.
fn all_words<C: ColumnTrait>(column: C, value: &str) -> Option<Condition> {
    let folded = fold(value);
    let mut cond = Condition::all();
    let mut any = false;
    for word in folded.split_whitespace() {
        any = true;
        let pattern = format!("%{}%", like_escape(word));
        cond =
            cond.add(Expr::col(column.as_column_ref()).like(LikeExpr::new(pattern).escape('\\')));
    }
    any.then_some(cond)
}

/// The readings of a company filter, most precise first, each within the caller's scope.
fn company_conditions(actor: &Actor, value: &str) -> Vec<Condition> {
    let scoped = |c: Condition| Condition::all().add(visible_companies(actor)).add(c);
    let mut out = Vec::new();
    if let Ok(id) = value.parse::<i64>() {
        out.push(scoped(Condition::all().add(company::Column::Id.eq(id))));
        return out;
    }
    out.push(scoped(
        Condition::all().add(company::Column::SortName.eq(fold(value))),
    ));
    if let Some(words) = all_words(company::Column::SortName, value) {
        out.push(scoped(words));
    }
    out
}

/// The readings of an applicant filter, most precise first, each within the caller's scope.
fn applicant_conditions(actor: &Actor, value: &str) -> Vec<Condition> {
    let scoped = |c: Condition| Condition::all().add(visible_applicants(actor)).add(c);
    let mut out = Vec::new();
    if let Ok(id) = value.parse::<i64>() {
        out.push(scoped(Condition::all().add(applicant::Column::Id.eq(id))));
        return out;
    }
    out.push(scoped(
        Condition::all().add(applicant::Column::ApplicantId.eq(value.to_uppercase())),
    ));
    out.push(scoped(
        Condition::all().add(applicant::Column::SortName.eq(fold(value))),
    ));
    if let Some(words) = all_words(applicant::Column::SortName, value) {
        out.push(scoped(words));
    }
    out
}
