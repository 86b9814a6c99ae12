//! The list of matches `/vermittlungen` (R-MAT, R-LST, R-EXP) as a [`ListSpec`]: free-text
//! search and status filter, newest first, every column sortable, paging, CSV/XLSX export of
//! exactly the result. Every role gets the same columns, and of the company only its name — so
//! AHK staff never see another company field.

use std::collections::HashMap;

use hih_applicants::entities::applicant;
use hih_companies::entities::company;
use hih_kernel::Actor;
use hih_reference::lists::{self, label_of};
use hih_web::export::Cell;
use hih_web::list::{Export, ListInfo, ListParams, ListSpec, ListView, TextColumn};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, Order, QueryFilter, QueryOrder, QuerySelect, Select,
};
use serde::Serialize;

use crate::entities::placement;
use crate::permissions::SEE_MATCHES;
use crate::scope::visible_placements;
use crate::service::{STATUSES, status_key};

/// Sort keys; the first (the default) is the date, newest first.
const COLUMNS: [&str; 6] = ["date", "company", "applicant", "name", "position", "status"];

/// The list of matches.
pub struct MatchList;

/// The company's name and the applicant's code and name of each match of a batch (the company
/// name is the only company field shown, to every role that sees the match).
struct Parties {
    companies: HashMap<i64, String>,
    applicants: HashMap<i64, (Option<String>, String)>,
}

impl Parties {
    async fn of(ctx: &Ctx, batch: &[placement::Model]) -> WebResult<Self> {
        let db = &ctx.services().db;
        let companies = company::Entity::find()
            .select_only()
            .columns([company::Column::Id, company::Column::Name])
            .filter(company::Column::Id.is_in(batch.iter().map(|p| p.company_id)))
            .into_tuple::<(i64, String)>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let applicants = applicant::Entity::find()
            .select_only()
            .columns([
                applicant::Column::Id,
                applicant::Column::ApplicantId,
                applicant::Column::FirstNames,
                applicant::Column::LastName,
            ])
            .filter(applicant::Column::Id.is_in(batch.iter().map(|p| p.applicant_id)))
            .into_tuple::<(i64, Option<String>, String, String)>()
            .all(db)
            .await?
            .into_iter()
            .map(|(id, code, first, last)| (id, (code, format!("{first} {last}"))))
            .collect();
        Ok(Parties {
            companies,
            applicants,
        })
    }

    fn company(&self, p: &placement::Model) -> String {
        self.companies
            .get(&p.company_id)
            .cloned()
            .unwrap_or_default()
    }

    fn applicant(&self, p: &placement::Model) -> (String, String) {
        self.applicants
            .get(&p.applicant_id)
            .map(|(code, name)| (code.clone().unwrap_or_default(), name.clone()))
            .unwrap_or_default()
    }
}

#[derive(Serialize)]
struct Row {
    company_name: String,
    company_href: Option<String>,
    applicant_href: String,
    applicant_code: String,
    applicant_name: String,
    placed_on: chrono::NaiveDate,
    position: String,
    status_key: &'static str,
}

#[async_trait::async_trait]
impl ListView for MatchList {
    type Row = placement::Model;

    const INFO: ListInfo = ListInfo {
        key: "matches",
        path: "/vermittlungen",
        entity: "placement",
        permission: SEE_MATCHES,
        filters: &["q", "status"],
        columns: &COLUMNS,
        newest_first: true,
    };

    async fn render(
        &self,
        ctx: &Ctx,
        params: &ListParams,
        total: u64,
        page: Vec<placement::Model>,
    ) -> WebResult {
        let parties = Parties::of(ctx, &page).await?;
        let opens_companies = crate::scope::company_fields_visible(&ctx.actor);
        let occupations = lists::options(ctx.services(), "occupation", ctx.locale).await?;
        let rows: Vec<Row> = page
            .iter()
            .map(|p| {
                let (code, name) = parties.applicant(p);
                Row {
                    company_href: opens_companies.then(|| format!("/unternehmen/{}", p.company_id)),
                    company_name: parties.company(p),
                    applicant_href: format!("/bewerber/{}", p.applicant_id),
                    applicant_code: code,
                    applicant_name: name,
                    placed_on: p.placed_on,
                    position: label_of(&occupations, &p.position),
                    status_key: status_key(&p.status),
                }
            })
            .collect();
        ctx.render(
            "matching/list.html",
            context! {
                rows => Serde(rows),
                list => params.view(total, &COLUMNS),
                statuses => Serde(STATUSES.to_vec()),
                ..params.filter_values(Self::INFO.filters)
            },
        )
        .await
    }

    fn export(&self) -> Option<Export> {
        Some(Export {
            file: "vermittlungen",
            sheet_key: "matching-sheet",
        })
    }

    fn export_headers(&self, _actor: &Actor) -> Vec<&'static str> {
        vec![
            "matching-col-date",
            "matching-col-company",
            "matching-col-applicant-id",
            "matching-col-applicant-name",
            "matching-field-position",
            "matching-field-status",
        ]
    }

    async fn export_rows(
        &self,
        ctx: &Ctx,
        batch: Vec<placement::Model>,
    ) -> WebResult<Vec<Vec<Cell>>> {
        let parties = Parties::of(ctx, &batch).await?;
        let occupations = lists::options(ctx.services(), "occupation", ctx.locale).await?;
        Ok(batch
            .iter()
            .map(|p| {
                let (code, name) = parties.applicant(p);
                vec![
                    Cell::Date(p.placed_on),
                    Cell::Text(parties.company(p)),
                    Cell::Text(code),
                    Cell::Text(name),
                    Cell::Text(label_of(&occupations, &p.position)),
                    Cell::Text(ctx.t(status_key(&p.status))),
                ]
            })
            .collect())
    }
}

#[async_trait::async_trait]
impl ListSpec for MatchList {
    type Entity = placement::Entity;

    fn text_column(&self) -> Option<TextColumn<placement::Entity>> {
        Some(TextColumn {
            indexed: None,
            column: placement::Column::SearchText,
        })
    }

    fn scope(&self, actor: &Actor) -> Condition {
        visible_placements(actor)
    }

    fn condition(&self, _actor: &Actor, params: &ListParams) -> Condition {
        let mut cond = Condition::all();
        if let Some(s) = params.filter("status") {
            cond = cond.add(placement::Column::Status.eq(s));
        }
        cond
    }

    /// Joined with the company and the applicant, whose columns sort.
    fn base(&self) -> Select<placement::Entity> {
        placement::Entity::find()
            .inner_join(company::Entity)
            .inner_join(applicant::Entity)
    }

    fn order(
        &self,
        select: Select<placement::Entity>,
        key: &str,
        order: Order,
    ) -> Select<placement::Entity> {
        match key {
            "company" => select.order_by(company::Column::SortName, order),
            "applicant" => select.order_by(applicant::Column::IdNumber, order),
            "name" => select.order_by(applicant::Column::SortName, order),
            "position" => select.order_by(placement::Column::Position, order),
            "status" => select.order_by(placement::Column::Status, order),
            _ => select.order_by(placement::Column::PlacedOn, order),
        }
    }
}
