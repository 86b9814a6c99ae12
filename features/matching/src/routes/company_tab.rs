//! The matches of one company (R-MAT-1): the tab page, entering or changing a match (a
//! [`FormFlow`]: review before saving, cancel confirmation), removing one with confirmation.

use async_trait::async_trait;
use hih_applicants::entities::applicant;
use hih_companies::entities::company;
use hih_db::UnitOfWork;
use hih_kernel::{Access, AppError};
use hih_reference::lists::{self, label_of};
use hih_web::flow::{
    Checked, FlowArgs, FlowSpec, FormFlow, PageState, Rejected, Saved, Step, edited, new_or_edit,
    select_options,
};
use hih_web::minijinja::value::Serde;
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebError, WebResult};
use poem::handler;
use poem::web::Path;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::entities::placement;
use crate::permissions::MATCH;
use crate::routes::company_in_scope;
use crate::scope::visible_placements;
use crate::service::{self, MatchForm, STATUSES, ValidMatch, status_key};

#[derive(Serialize)]
struct Row {
    id: i64,
    applicant: i64,
    code: String,
    name: String,
    placed_on: chrono::NaiveDate,
    position: String,
    status_key: &'static str,
}

/// The company's matches, newest first.
#[handler]
pub async fn list(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let c = company_in_scope(&ctx, id).await?;
    let occupations = lists::options(ctx.services(), "occupation", ctx.locale).await?;
    let found = placement::Entity::find()
        .filter(placement::Column::CompanyId.eq(id))
        .filter(visible_placements(&ctx.actor))
        .find_also_related(applicant::Entity)
        .order_by_desc(placement::Column::PlacedOn)
        .order_by_desc(placement::Column::Id)
        .all(&ctx.services().db)
        .await?;
    let rows: Vec<Row> = found
        .into_iter()
        .filter_map(|(p, a)| a.map(|a| (p, a)))
        .map(|(p, a)| Row {
            id: p.id,
            applicant: a.id,
            code: a.applicant_id.clone().unwrap_or_default(),
            name: format!("{} {}", a.first_names, a.last_name),
            placed_on: p.placed_on,
            position: label_of(&occupations, &p.position),
            status_key: status_key(&p.status),
        })
        .collect();
    ctx.render(
        "matching/company.html",
        context! {
            tabs => hih_web::tabs::record_tabs(&ctx, "company", c.id),
            c => Serde(&c),
            rows => Serde(rows),
        },
    )
    .await
}

/// A match of a company: `/unternehmen/:id/vermittlungen/neu` enters one by its typed
/// Bewerberkennung, `/unternehmen/:id/vermittlungen/:mid/bearbeiten` changes date, position,
/// status and remarks; both with review and cancel confirmation.
pub struct MatchFlow {
    /// Changes an existing match (else enters a new one).
    pub edit: bool,
}

/// The company and, for a change, the match.
pub struct MatchRecord {
    company: company::Model,
    placement: Option<placement::Model>,
}

#[async_trait]
impl FormFlow for MatchFlow {
    type Record = MatchRecord;
    type Form = MatchForm;
    type Valid = ValidMatch;

    fn spec(&self) -> FlowSpec {
        FlowSpec {
            name: new_or_edit(self.edit, "match-new", "match-edit"),
            path: new_or_edit(
                self.edit,
                "/unternehmen/:id/vermittlungen/neu",
                "/unternehmen/:id/vermittlungen/:mid/bearbeiten",
            ),
            access: Access::Permission(MATCH),
            templates: ("matching/form.html", "matching/review.html"),
        }
    }

    async fn load(&self, ctx: &Ctx, args: &FlowArgs) -> WebResult<MatchRecord> {
        let id = args.id("id")?;
        let company = company_in_scope(ctx, id).await?;
        let placement = edited(self.edit, async {
            placement_of(ctx, id, args.id("mid")?).await
        })
        .await?;
        Ok(MatchRecord { company, placement })
    }

    async fn initial(&self, ctx: &Ctx, r: &MatchRecord) -> WebResult<MatchForm> {
        Ok(match &r.placement {
            Some(p) => MatchForm {
                applicant_code: String::new(),
                placed_on: p.placed_on.to_string(),
                position: p.position.clone(),
                status: p.status.clone(),
                remarks: p.remarks.clone(),
            },
            None => MatchForm {
                placed_on: ctx.services().clock.now().date_naive().to_string(),
                status: "vermittelt".into(),
                ..Default::default()
            },
        })
    }

    fn read(&self, _r: &MatchRecord, pairs: &[(String, String)]) -> MatchForm {
        MatchForm::from_pairs(pairs)
    }

    async fn check(
        &self,
        ctx: &Ctx,
        r: &MatchRecord,
        f: &MatchForm,
    ) -> WebResult<Checked<ValidMatch>> {
        Ok(service::validate(
            ctx.services(),
            &ctx.actor,
            r.company.id,
            f,
            r.placement.as_ref(),
        )
        .await
        .map_err(Rejected::from))
    }

    async fn save(
        &self,
        _ctx: &Ctx,
        uow: &mut UnitOfWork,
        r: &MatchRecord,
        valid: ValidMatch,
    ) -> WebResult<Saved> {
        match &r.placement {
            None => service::create(uow, &r.company, valid).await?,
            Some(p) => service::update(uow, &r.company, p, valid).await?,
        };
        Ok(Saved {
            to: matches_of(r.company.id),
            flash: "matching-saved",
        })
    }

    fn cancel_target(&self, _args: &FlowArgs, r: &MatchRecord) -> String {
        matches_of(r.company.id)
    }

    async fn page(&self, ctx: &Ctx, state: PageState<'_, Self>) -> WebResult<Value> {
        let r = state.record;
        let f = state.form;
        let occupations = lists::options(ctx.services(), "occupation", ctx.locale).await?;
        // The applicant: fixed for a change; for a new match the one the typed ID names
        // (shown on the review page, which only opens for input that passed the check).
        let applicant = match &r.placement {
            Some(p) => {
                applicant::Entity::find_by_id(p.applicant_id)
                    .one(&ctx.services().db)
                    .await?
            }
            None if state.step == Step::Review => {
                service::find_applicant(ctx.services(), &ctx.actor, r.company.id, &f.applicant_code)
                    .await
                    .ok()
            }
            None => None,
        };
        Ok(context! {
            c => Serde(&r.company),
            is_new => r.placement.is_none(),
            statuses => Serde(STATUSES.to_vec()),
            occupations => Serde(select_options(&occupations)),
            applicant_code => applicant.as_ref().and_then(|a| a.applicant_id.clone()).unwrap_or_default(),
            // Before the match exists the caller may not see the applicant: the confirmation
            // names the typed ID only; a change shows the (then visible) name.
            applicant_name => applicant.as_ref().filter(|_| r.placement.is_some()).map(|a| format!("{} {}", a.first_names, a.last_name)).unwrap_or_default(),
            position_label => if f.position.is_empty() { String::new() } else { label_of(&occupations, &f.position) },
            status_label => status_key(&f.status),
        })
    }
}

/// The company's matches (where saving and cancelling lead).
fn matches_of(company: i64) -> String {
    format!("/unternehmen/{company}/vermittlungen")
}

/// A match of the company in the caller's scope, else 404 (logged).
async fn placement_of(ctx: &Ctx, company: i64, id: i64) -> WebResult<placement::Model> {
    match placement::Entity::find_by_id(id)
        .filter(placement::Column::CompanyId.eq(company))
        .filter(visible_placements(&ctx.actor))
        .one(&ctx.services().db)
        .await?
    {
        Some(p) => Ok(p),
        None => Err(ctx.not_found_in_scope("placement", &id.to_string()).await),
    }
}

/// Confirmation before removing a match.
#[handler]
pub async fn remove_form(ctx: Ctx, Path((id, mid)): Path<(i64, i64)>) -> WebResult {
    let c = company_in_scope(&ctx, id).await?;
    let p = placement_of(&ctx, id, mid).await?;
    let a = applicant::Entity::find_by_id(p.applicant_id)
        .one(&ctx.services().db)
        .await?
        .ok_or(WebError(AppError::NotFound))?;
    ctx.render(
        "matching/remove.html",
        context! {
            c => Serde(&c),
            p => Serde(&p),
            code => a.applicant_id.unwrap_or_default(),
        },
    )
    .await
}

/// Removes a confirmed match and the access it opened.
#[handler]
pub async fn remove_submit(ctx: Ctx, Path((id, mid)): Path<(i64, i64)>) -> WebResult {
    let c = company_in_scope(&ctx, id).await?;
    let p = placement_of(&ctx, id, mid).await?;
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    service::remove(&mut uow, &c, p).await?;
    uow.commit().await?;
    ctx.session.flash("matching-removed");
    ctx.redirect(&format!("/unternehmen/{id}/vermittlungen"))
}
