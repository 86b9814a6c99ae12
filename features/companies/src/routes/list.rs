//! The company list (R-LST, R-EXP-1/2/4/5) as a [`ListSpec`]: search, filters (status,
//! industry, size, IHK district for admins, deactivated ones for admins), sort by every column,
//! paging, the CSV/XLSX export with labels and every field the role may see, the distribution
//! list and the global search's company section — all from the same query.

use hih_kernel::{Actor, AppError, Role, SearchHit, Services};
use hih_reference::lists::{self, label_of};
use hih_users::entities::institution;
use hih_web::export::Cell;
use hih_web::list::{
    Distribution, Export, ListInfo, ListParams, ListSpec, ListView, Recipient, TextColumn,
    active_unless_asked, search_with_inactive,
};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult, iso};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, EntityTrait, Order, QueryFilter, QueryOrder, Select};
use serde::Serialize;

use super::record::status_key;
use crate::entities::company;
use crate::permissions::COMPANIES;
use crate::scope::{kept_count, sees_deactivated, visible_companies};
use crate::service::{KMU_LIMIT, SALUTATIONS, STATUSES};

/// Sort keys of the columns; the first is the default. The last, the IHK district, only for
/// those not bound to one district.
const COLUMNS: [&str; 8] = [
    "name",
    "plz",
    "ort",
    "kreis",
    "status",
    "employees",
    "updated",
    DISTRICT,
];
/// The district column's sort key.
const DISTRICT: &str = "district";

/// The company list.
pub struct CompanyList;

/// Whether `actor` sees every IHK district (and so the district column, filter and export
/// column); IHK staff are scoped to their own.
pub(crate) fn sees_districts(actor: &Actor) -> bool {
    actor.role() == Some(Role::Admin)
}

/// The name of the company's IHK district (sub-query, for sorting).
fn district_name() -> Expr {
    Expr::cust(
        "(SELECT institution.sort_name FROM institution WHERE institution.id = company.district_id)",
    )
}

/// The IHK districts (id, name) for the filter and the column.
async fn districts(ctx: &Ctx) -> WebResult<Vec<(String, String)>> {
    let rows = institution::Entity::find()
        .filter(institution::Column::Kind.eq("ihk"))
        .order_by_asc(institution::Column::SortName)
        .all(&ctx.services().db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|i| (i.id.to_string(), i.name))
        .collect())
}

/// The district's name of a company.
fn district_of(districts: &[(String, String)], c: &company::Model) -> String {
    c.district_id
        .map(|d| label_of(districts, &d.to_string()))
        .unwrap_or_default()
}

#[derive(Serialize)]
struct Row {
    id: i64,
    name: String,
    address: String,
    ort: String,
    kreis: String,
    district: String,
    status_key: String,
    employees: Option<i32>,
    active: bool,
    updated: String,
}

/// The company's labels of comma-separated codes.
fn labels(codes: &str, options: &[(String, String)]) -> String {
    codes
        .split(',')
        .filter(|c| !c.is_empty())
        .map(|c| label_of(options, c))
        .collect::<Vec<_>>()
        .join(", ")
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn number(n: Option<i32>) -> Cell {
    n.map(|e| Cell::Number(f64::from(e)))
        .unwrap_or(Cell::Text(String::new()))
}

fn salutation_key(code: &str) -> String {
    SALUTATIONS
        .iter()
        .find(|(v, _)| *v == code)
        .map(|(_, k)| k.to_string())
        .unwrap_or_default()
}

#[async_trait::async_trait]
impl ListView for CompanyList {
    type Row = company::Model;

    const INFO: ListInfo = ListInfo {
        key: "companies",
        path: "/unternehmen",
        entity: "company",
        permission: COMPANIES,
        filters: &["q", "status", "industry", "size", "district", "inactive"],
        columns: &COLUMNS,
        newest_first: false,
    };

    fn sort_keys(&self, actor: &Actor) -> Vec<&'static str> {
        COLUMNS
            .into_iter()
            .filter(|k| *k != DISTRICT || sees_districts(actor))
            .collect()
    }

    async fn render(
        &self,
        ctx: &Ctx,
        params: &ListParams,
        total: u64,
        page: Vec<company::Model>,
    ) -> WebResult {
        let with_districts = sees_districts(&ctx.actor);
        let districts = if with_districts {
            districts(ctx).await?
        } else {
            Vec::new()
        };
        let rows: Vec<Row> = page
            .into_iter()
            .map(|c| Row {
                id: c.id,
                address: format!("{} {}, {}", c.street, c.house_number, c.plz),
                district: district_of(&districts, &c),
                kreis: c.kreis.clone().unwrap_or_default(),
                status_key: status_key(&c.status),
                employees: c.employees,
                active: c.active,
                updated: iso(c.updated_at),
                ort: c.ort,
                name: c.name,
            })
            .collect();
        let industries = lists::options(ctx.services(), "industry", ctx.locale).await?;
        let keys = self.sort_keys(&ctx.actor);
        ctx.render("companies/list.html", context! {
            rows => Serde(rows),
            list => params.view(total, &keys),
            statuses => Serde(STATUSES.to_vec()),
            industries => Serde(industries.into_iter().map(|(c, l)| (c, String::new(), l)).collect::<Vec<_>>()),
            districts => Serde(districts.into_iter().map(|(c, l)| (c, String::new(), l)).collect::<Vec<_>>()),
            with_districts => with_districts,
            may_see_deactivated => sees_deactivated(&ctx.actor),
            ..params.filter_values(Self::INFO.filters)
        })
        .await
    }

    fn export(&self) -> Option<Export> {
        Some(Export {
            file: "unternehmen",
            sheet_key: "companies-sheet",
        })
    }

    fn export_headers(&self, actor: &Actor) -> Vec<&'static str> {
        let mut headers = vec![
            "companies-field-name",
            "companies-field-legal-form",
            "companies-field-street",
            "companies-field-house-number",
            "companies-field-plz",
            "companies-field-ort",
            "companies-col-kreis",
        ];
        if sees_districts(actor) {
            headers.push("companies-col-district");
        }
        headers.extend([
            "companies-field-industry",
            "companies-field-employees",
            "companies-field-status",
            "companies-field-status-since",
            "companies-field-email",
            "companies-field-phone",
            "companies-field-website",
            "companies-export-contact-salutation",
            "companies-export-contact-first-name",
            "companies-export-contact-last-name",
            "companies-export-contact-function",
            "companies-field-contact-phone",
            "companies-field-contact-email",
            "companies-field-occupations",
            "companies-field-open-positions",
            "companies-field-outreach",
            "companies-field-consent-date",
            "companies-field-consent-partners",
            "companies-export-active",
        ]);
        headers
    }

    async fn export_rows(
        &self,
        ctx: &Ctx,
        batch: Vec<company::Model>,
    ) -> WebResult<Vec<Vec<Cell>>> {
        let with_districts = sees_districts(&ctx.actor);
        let districts = if with_districts {
            districts(ctx).await?
        } else {
            Vec::new()
        };
        let options = |kind: &'static str| lists::options(ctx.services(), kind, ctx.locale);
        let industries = options("industry").await?;
        let occupations = options("occupation").await?;
        let outreach = options("outreach").await?;
        let partners = options("partner").await?;
        let yes_no = |b: bool| ctx.t(if b { "form-yes" } else { "form-no" });
        Ok(batch
            .into_iter()
            .map(|c| {
                let mut row = vec![
                    text(&c.name),
                    text(&c.legal_form),
                    text(&c.street),
                    text(&c.house_number),
                    text(&c.plz),
                    text(&c.ort),
                    text(c.kreis.as_deref().unwrap_or_default()),
                ];
                if with_districts {
                    row.push(Cell::Text(district_of(&districts, &c)));
                }
                let salutation = salutation_key(&c.contact_salutation);
                row.extend([
                    Cell::Text(label_of(&industries, &c.industry)),
                    number(c.employees),
                    Cell::Text(ctx.t(&status_key(&c.status))),
                    Cell::Date(c.status_since),
                    text(&c.email),
                    text(&c.phone),
                    text(&c.website),
                    Cell::Text(if salutation.is_empty() {
                        String::new()
                    } else {
                        ctx.t(&salutation)
                    }),
                    text(&c.contact_first_name),
                    text(&c.contact_last_name),
                    text(&c.contact_function),
                    text(&c.contact_phone),
                    text(&c.contact_email),
                    Cell::Text(labels(&c.target_occupations, &occupations)),
                    number(c.open_positions),
                    Cell::Text(if c.outreach_format.is_empty() {
                        String::new()
                    } else {
                        label_of(&outreach, &c.outreach_format)
                    }),
                    c.consent_storage_date
                        .map(Cell::Date)
                        .unwrap_or(Cell::Text(String::new())),
                    Cell::Text(labels(&c.consent_partners, &partners)),
                    Cell::Text(yes_no(c.active)),
                ]);
                row
            })
            .collect())
    }

    fn distribution(&self) -> Option<Distribution> {
        Some(Distribution {
            title_key: "companies-distribution-title",
            intro_key: "companies-distribution-intro",
            without_key: "companies-distribution-without",
            back_key: "companies-distribution-back",
            record_key: "companies-field-name",
            sheet_key: "companies-distribution-sheet",
            file: "verteiler-unternehmen",
        })
    }

    /// The contact person's address, else the company's.
    async fn recipients(
        &self,
        _ctx: &Ctx,
        batch: Vec<company::Model>,
    ) -> WebResult<Vec<Option<Recipient>>> {
        Ok(batch
            .into_iter()
            .map(|c| {
                let email = [c.contact_email.trim(), c.email.trim()]
                    .into_iter()
                    .find(|e| !e.is_empty())?
                    .to_string();
                Some(Recipient {
                    record: c.name,
                    salutation_key: salutation_key(&c.contact_salutation),
                    first_name: c.contact_first_name,
                    last_name: c.contact_last_name,
                    email,
                })
            })
            .collect())
    }
}

#[async_trait::async_trait]
impl ListSpec for CompanyList {
    type Entity = company::Entity;

    fn text_column(&self) -> Option<TextColumn<company::Entity>> {
        Some(TextColumn {
            indexed: Some("company"),
            column: company::Column::SearchText,
        })
    }

    fn scope(&self, actor: &Actor) -> Condition {
        visible_companies(actor)
    }

    /// The unfiltered count from the kept counts ([`kept_count`]).
    async fn scope_count(
        &self,
        db: &sea_orm::DatabaseConnection,
        actor: &Actor,
    ) -> Result<Option<u64>, sea_orm::DbErr> {
        kept_count(db, actor).await
    }

    fn condition(&self, actor: &Actor, params: &ListParams) -> Condition {
        let mut cond = Condition::all();
        if let Some(s) = params.filter("status") {
            cond = cond.add(company::Column::Status.eq(s));
        }
        if let Some(i) = params.filter("industry") {
            cond = cond.add(company::Column::Industry.eq(i));
        }
        match params.filter("size") {
            Some("kmu") => cond = cond.add(company::Column::Employees.lt(KMU_LIMIT)),
            Some("gross") => cond = cond.add(company::Column::Employees.gte(KMU_LIMIT)),
            _ => {}
        }
        if sees_districts(actor)
            && let Some(d) = params.filter("district")
        {
            // A malformed id finds nothing rather than everything.
            cond = cond.add(company::Column::DistrictId.eq(d.parse::<i64>().unwrap_or(-1)));
        }
        // Deactivated companies are never found, except by admins who ask for them (R-LST-2).
        cond.add(active_unless_asked(
            company::Column::Active,
            sees_deactivated(actor),
            params,
        ))
    }

    fn order(
        &self,
        select: Select<company::Entity>,
        key: &str,
        order: Order,
    ) -> Select<company::Entity> {
        match key {
            "plz" => select.order_by(company::Column::Plz, order),
            "ort" => select.order_by(company::Column::Ort, order),
            "kreis" => select.order_by(company::Column::Kreis, order),
            "district" => select.order_by(district_name(), order),
            "status" => select.order_by(company::Column::Status, order),
            "employees" => select.order_by(company::Column::Employees, order),
            "updated" => select.order_by(company::Column::UpdatedAt, order),
            _ => select.order_by(company::Column::SortName, order),
        }
    }

    fn search_label(&self) -> Option<&'static str> {
        Some("companies-search-section")
    }

    /// Admins find deactivated companies too (marked; R-LST-2): the list with `inactive=on`.
    fn search_query(&self, actor: &Actor, query: &str) -> Vec<(String, String)> {
        search_with_inactive(sees_deactivated(actor), query)
    }

    async fn hits(
        &self,
        _services: &Services,
        found: Vec<company::Model>,
    ) -> Result<Vec<SearchHit>, AppError> {
        Ok(found
            .into_iter()
            .map(|c| SearchHit {
                href: format!("/unternehmen/{}", c.id),
                context: format!("{} {}, {} {}", c.street, c.house_number, c.plz, c.ort),
                badge_key: (!c.active).then_some("companies-deactivated-badge"),
                title: c.name.clone(),
            })
            .collect())
    }
}
