//! Company pages (R-COM, R-LST, R-EXP-1/2/5): list with search, sort, paging and exports;
//! create and edit (review before saving, cancel with confirmation); detail with tabs;
//! deactivate; physical delete (admins).

use futures::TryStreamExt;
use hih_db::UnitOfWork;
use hih_db::access::AccessAction;
use hih_db::search::text_matches;
use hih_kernel::{AppError, FieldErrors};
use hih_web::export::{Cell, ExportWriter};
use hih_web::minijinja::value::Serde;
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, ListParams, WebError, WebResult, draft, iso};
use poem::handler;
use poem::web::{Form, Path, Query};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use serde::Serialize;

use crate::entities::company;
use crate::permissions::DELETE_COMPANIES;
use crate::scope::{required_district, sees_deactivated, visible_companies};
use crate::service::{self, CompanyForm, KMU_LIMIT, SALUTATIONS, STATUSES};
use hih_reference::lists::{self, label_of};

pub(crate) const COLUMNS: [&str; 5] = ["name", "plz", "status", "employees", "updated"];
pub(crate) const FILTERS: [&str; 5] = ["q", "status", "industry", "size", "inactive"];

pub(crate) fn filtered(ctx: &Ctx, params: &ListParams) -> Select<company::Entity> {
    let mut cond = Condition::all().add(visible_companies(&ctx.actor));
    if let Some(q) = params.filter("q") {
        let backend = hih_db::backend(&ctx.services().db);
        cond = cond.add(text_matches(
            backend,
            "company",
            company::Column::SearchText,
            q,
        ));
    }
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
    // Deactivated companies are never found, except by admins who ask for them (R-LST-2).
    if !(sees_deactivated(&ctx.actor) && params.filter("inactive").is_some()) {
        cond = cond.add(company::Column::Active.eq(true));
    }
    let col = match params.sort.as_str() {
        "plz" => company::Column::Plz,
        "status" => company::Column::Status,
        "employees" => company::Column::Employees,
        "updated" => company::Column::UpdatedAt,
        _ => company::Column::SortName,
    };
    let order = if params.desc {
        sea_orm::Order::Desc
    } else {
        sea_orm::Order::Asc
    };
    company::Entity::find()
        .filter(cond)
        .order_by(col, order)
        .order_by_asc(company::Column::Id)
}

#[derive(Serialize)]
struct Row {
    id: i64,
    name: String,
    address: String,
    kreis: String,
    status_key: String,
    employees: Option<i32>,
    active: bool,
    updated: String,
}

fn status_key(s: &str) -> String {
    STATUSES
        .iter()
        .find(|(v, _)| *v == s)
        .map(|(_, k)| k.to_string())
        .unwrap_or_default()
}

/// The company list.
#[handler]
pub async fn list(ctx: Ctx, Query(query): Query<Vec<(String, String)>>) -> WebResult {
    let params = ListParams::parse(&ctx, "companies", &query, &FILTERS, &COLUMNS);
    let select = filtered(&ctx, &params);
    let (total, page) = hih_web::fetch_page(select, &params, &ctx.services().db).await?;
    let rows: Vec<Row> = page
        .into_iter()
        .map(|c| Row {
            id: c.id,
            address: format!("{} {}, {} {}", c.street, c.house_number, c.plz, c.ort),
            kreis: c.kreis.clone().unwrap_or_default(),
            status_key: status_key(&c.status),
            employees: c.employees,
            active: c.active,
            updated: iso(c.updated_at),
            name: c.name,
        })
        .collect();
    ctx.log_access(
        AccessAction::Search,
        "company",
        None,
        serde_json::json!(params.filters),
        Some(total as i64),
    )
    .await;
    let industries = lists::options(ctx.services(), "industry", ctx.locale).await?;
    ctx.render("companies/list.html", context! {
        rows => Serde(rows),
        list => params.view(total, &COLUMNS),
        q => params.filter("q").unwrap_or(""),
        status => params.filter("status").unwrap_or(""),
        industry => params.filter("industry").unwrap_or(""),
        size => params.filter("size").unwrap_or(""),
        inactive => params.filter("inactive").is_some(),
        statuses => Serde(STATUSES.to_vec()),
        industries => Serde(industries.into_iter().map(|(c, l)| (c, String::new(), l)).collect::<Vec<_>>()),
        may_see_deactivated => sees_deactivated(&ctx.actor),
    })
    .await
}

/// Export of the current search result (`export.csv`, `export.xlsx`): exactly the rows the
/// search finds, only fields the role may see, formulas neutralised, access logged.
#[handler]
pub async fn export(
    ctx: Ctx,
    Path(file): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
) -> WebResult {
    let Some(format) = hih_web::export::ExportFormat::from_file_name(&file)
        .filter(|_| file.starts_with("export."))
    else {
        return Err(WebError(AppError::NotFound));
    };
    let params = ListParams::parse(&ctx, "companies-export", &query, &FILTERS, &COLUMNS);
    let header: Vec<String> = EXPORT_HEADERS.iter().map(|k| ctx.t(k)).collect();
    let mut out = ExportWriter::new(format, &ctx.t("companies-sheet"), &header)?;
    // Only the exported columns, streamed: the search text and the rows never sit in memory.
    let mut rows = filtered(&ctx, &params)
        .select_only()
        .columns(EXPORT_COLUMNS)
        .into_model::<ExportRow>()
        .stream(&ctx.services().db)
        .await?;
    while let Some(c) = rows.try_next().await? {
        out.push(&[
            Cell::Text(c.name),
            Cell::Text(c.legal_form),
            Cell::Text(c.street),
            Cell::Text(c.house_number),
            Cell::Text(c.plz),
            Cell::Text(c.ort),
            Cell::Text(c.kreis.unwrap_or_default()),
            Cell::Text(c.industry),
            c.employees
                .map(|e| Cell::Number(f64::from(e)))
                .unwrap_or(Cell::Text(String::new())),
            Cell::Text(ctx.t(&status_key(&c.status))),
            Cell::Date(c.status_since),
            Cell::Text(c.email),
            Cell::Text(c.phone),
        ])?;
    }
    drop(rows);
    out.respond(
        &ctx,
        "unternehmen",
        "company",
        serde_json::json!({ "file": file, "filter": params.filters }),
    )
    .await
}

/// Column headers of the company export (text keys), in the order of [`EXPORT_COLUMNS`].
const EXPORT_HEADERS: [&str; 13] = [
    "companies-field-name",
    "companies-field-legal-form",
    "companies-field-street",
    "companies-field-house-number",
    "companies-field-plz",
    "companies-field-ort",
    "companies-col-kreis",
    "companies-field-industry",
    "companies-field-employees",
    "companies-field-status",
    "companies-field-status-since",
    "companies-field-email",
    "companies-field-phone",
];

/// The columns an export reads.
const EXPORT_COLUMNS: [company::Column; 13] = [
    company::Column::Name,
    company::Column::LegalForm,
    company::Column::Street,
    company::Column::HouseNumber,
    company::Column::Plz,
    company::Column::Ort,
    company::Column::Kreis,
    company::Column::Industry,
    company::Column::Employees,
    company::Column::Status,
    company::Column::StatusSince,
    company::Column::Email,
    company::Column::Phone,
];

/// One exported company (the fields every role that sees companies may see).
#[derive(sea_orm::FromQueryResult)]
struct ExportRow {
    name: String,
    legal_form: String,
    street: String,
    house_number: String,
    plz: String,
    ort: String,
    kreis: Option<String>,
    industry: String,
    employees: Option<i32>,
    status: String,
    status_since: chrono::NaiveDate,
    email: String,
    phone: String,
}

/// Loads a company in the caller's scope, else 404 and an access-log entry.
pub async fn load(ctx: &Ctx, id: i64) -> WebResult<company::Model> {
    match company::Entity::find_by_id(id)
        .filter(visible_companies(&ctx.actor))
        .one(&ctx.services().db)
        .await?
    {
        Some(c) => Ok(c),
        None => Err(ctx.not_found_in_scope("company", &id.to_string()).await),
    }
}

async fn labels(ctx: &Ctx, kind: &str) -> WebResult<Vec<(String, String)>> {
    Ok(lists::options(ctx.services(), kind, ctx.locale).await?)
}

/// The detail page with the tabs other features register.
#[handler]
pub async fn show(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let c = load(&ctx, id).await?;
    ctx.log_access(
        AccessAction::View,
        "company",
        Some(id.to_string()),
        serde_json::Value::Null,
        None,
    )
    .await;
    let industries = labels(&ctx, "industry").await?;
    let occupations = labels(&ctx, "occupation").await?;
    let outreach = labels(&ctx, "outreach").await?;
    let partners = labels(&ctx, "partner").await?;
    let tabs: Vec<(String, String)> = ctx
        .state
        .tabs
        .iter()
        .filter(|t| t.record_kind() == "company")
        .filter_map(|t| {
            t.href(&ctx.actor, id)
                .map(|h| (t.label_key().to_string(), h))
        })
        .collect();
    let split = |s: &str, l: &[(String, String)]| {
        s.split(',')
            .filter(|x| !x.is_empty())
            .map(|x| label_of(l, x))
            .collect::<Vec<_>>()
    };
    ctx.render("companies/detail.html", context! {
        c => Serde(&c),
        industry => label_of(&industries, &c.industry),
        occupations => split(&c.target_occupations, &occupations),
        outreach => label_of(&outreach, &c.outreach_format),
        partners => split(&c.consent_partners, &partners),
        status_key => status_key(&c.status),
        salutation_key => SALUTATIONS.iter().find(|(v, _)| *v == c.contact_salutation).map(|(_, k)| *k).unwrap_or(""),
        kmu => c.employees.map(|e| e < KMU_LIMIT),
        tabs => Serde(tabs),
        may_delete => DELETE_COMPANIES.allows(&ctx.actor),
        created => iso(c.created_at),
        deactivated => c.deactivated_at.map(iso),
    })
    .await
}

// ---- create / edit ------------------------------------------------------------------------

fn base(id: Option<i64>) -> String {
    id.map(|i| format!("/unternehmen/{i}/bearbeiten"))
        .unwrap_or_else(|| "/unternehmen/neu".into())
}

fn key(id: Option<i64>) -> String {
    id.map(|i| format!("company:{i}"))
        .unwrap_or_else(|| "company:new".into())
}

async fn form_page(
    ctx: &Ctx,
    id: Option<i64>,
    f: &CompanyForm,
    errors: &FieldErrors,
    review: bool,
) -> WebResult {
    let triple = |l: Vec<(String, String)>| {
        l.into_iter()
            .map(|(c, t)| (c, String::new(), t))
            .collect::<Vec<_>>()
    };
    let industries = labels(ctx, "industry").await?;
    let outreach = labels(ctx, "outreach").await?;
    let occupations = labels(ctx, "occupation").await?;
    let partners = labels(ctx, "partner").await?;
    let duplicate: Option<i64> = draft::load(ctx, &format!("{}:duplicate", key(id)));
    let page = context! {
        f => Serde(f),
        action => base(id),
        is_new => id.is_none(),
        cancel_href => id.map(|i| format!("/unternehmen/{i}")).unwrap_or_else(|| "/unternehmen".into()),
        industries => Serde(triple(industries.clone())),
        outreach => Serde(triple(outreach.clone())),
        occupations => Serde(occupations.clone()),
        partners => Serde(partners.clone()),
        statuses => Serde(STATUSES.to_vec()),
        salutations => Serde(SALUTATIONS.to_vec()),
        duplicate => duplicate,
        industry_label => label_of(&industries, &f.industry),
        outreach_label => label_of(&outreach, &f.outreach_format),
        occupation_labels => f.target_occupations.iter().map(|c| label_of(&occupations, c)).collect::<Vec<_>>(),
        partner_labels => f.consent_partners.iter().map(|c| label_of(&partners, c)).collect::<Vec<_>>(),
        status_key => status_key(&f.status),
    };
    ctx.render_form(
        if review {
            "companies/review.html"
        } else {
            "companies/form.html"
        },
        errors,
        page,
    )
    .await
}

async fn current(ctx: &Ctx, id: Option<i64>) -> WebResult<Option<company::Model>> {
    match id {
        Some(i) => Ok(Some(load(ctx, i).await?)),
        None => Ok(None),
    }
}

async fn get_form(ctx: &Ctx, id: Option<i64>, review: bool) -> WebResult {
    let existing = current(ctx, id).await?;
    let stored = draft::load::<CompanyForm>(ctx, &key(id));
    if review && stored.is_none() {
        return ctx.redirect(&base(id));
    }
    let f = stored
        .or_else(|| existing.as_ref().map(CompanyForm::from_model))
        .unwrap_or_else(|| CompanyForm {
            status: "interessiert".into(),
            ..Default::default()
        });
    let errors = if review {
        FieldErrors::new()
    } else {
        draft::take_errors(ctx, &key(id))
    };
    form_page(ctx, id, &f, &errors, review).await
}

async fn post_form(ctx: &Ctx, id: Option<i64>, pairs: Vec<(String, String)>) -> WebResult {
    let existing = current(ctx, id).await?;
    let action = pairs
        .iter()
        .find(|(k, _)| k == "action")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let form = CompanyForm::from_pairs(&pairs);
    let k = key(id);
    match action.as_str() {
        "cancel" => {
            draft::store(ctx, &k, &form);
            ctx.redirect(&format!("{}/abbrechen", base(id)))
        }
        "review" | "save" => {
            // IHK staff may only enter addresses of their own district (R-COM-2).
            let district = required_district(&ctx.actor);
            let valid =
                match service::validate(ctx.services(), &form, district, existing.as_ref()).await {
                    Ok(v) => v,
                    Err((errors, duplicate)) => {
                        draft::store(ctx, &k, &form);
                        draft::store_errors(ctx, &k, &errors);
                        match duplicate {
                            Some(d) => draft::store(ctx, &format!("{k}:duplicate"), &d),
                            None => draft::discard(ctx, &format!("{k}:duplicate")),
                        }
                        return ctx.redirect(&base(id));
                    }
                };
            draft::discard(ctx, &format!("{k}:duplicate"));
            if action == "review" {
                draft::store(ctx, &k, &form);
                return ctx.redirect(&format!("{}/pruefen", base(id)));
            }
            let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
            let saved = match &existing {
                None => service::create(&mut uow, valid).await?,
                Some(before) => service::update(&mut uow, before, valid).await?,
            };
            uow.commit().await?;
            draft::discard(ctx, &k);
            ctx.session.flash(if existing.is_none() {
                "companies-created"
            } else {
                "companies-saved"
            });
            ctx.redirect(&format!("/unternehmen/{}", saved.id))
        }
        _ => {
            draft::store(ctx, &k, &form);
            ctx.redirect(&base(id))
        }
    }
}

async fn cancel_page(ctx: &Ctx, id: Option<i64>) -> WebResult {
    current(ctx, id).await?;
    ctx.render(
        "platform/cancel.html",
        context! { back => base(id), discard_action => format!("{}/abbrechen", base(id)) },
    )
    .await
}

async fn cancel_confirm(ctx: &Ctx, id: Option<i64>) -> WebResult {
    draft::discard(ctx, &key(id));
    ctx.redirect(
        &id.map(|i| format!("/unternehmen/{i}"))
            .unwrap_or_else(|| "/unternehmen".into()),
    )
}

/// New company form.
#[handler]
pub async fn new_form(ctx: Ctx) -> WebResult {
    get_form(&ctx, None, false).await
}
/// New company submit.
#[handler]
pub async fn new_submit(ctx: Ctx, Form(pairs): Form<Vec<(String, String)>>) -> WebResult {
    post_form(&ctx, None, pairs).await
}
/// New company review.
#[handler]
pub async fn new_review(ctx: Ctx) -> WebResult {
    get_form(&ctx, None, true).await
}
/// New company cancel confirmation.
#[handler]
pub async fn new_cancel(ctx: Ctx) -> WebResult {
    cancel_page(&ctx, None).await
}
/// New company cancel confirmed.
#[handler]
pub async fn new_cancel_confirm(ctx: Ctx) -> WebResult {
    cancel_confirm(&ctx, None).await
}
/// Edit form.
#[handler]
pub async fn edit_form(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    get_form(&ctx, Some(id), false).await
}
/// Edit submit.
#[handler]
pub async fn edit_submit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    post_form(&ctx, Some(id), pairs).await
}
/// Edit review.
#[handler]
pub async fn edit_review(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    get_form(&ctx, Some(id), true).await
}
/// Edit cancel confirmation.
#[handler]
pub async fn edit_cancel(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    cancel_page(&ctx, Some(id)).await
}
/// Edit cancel confirmed.
#[handler]
pub async fn edit_cancel_confirm(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    cancel_confirm(&ctx, Some(id)).await
}

// ---- deactivate / delete --------------------------------------------------------------------

fn action_value(what: &str, c: &company::Model) -> Value {
    context! { what => what, id => c.id, name => c.name.clone() }
}

/// Confirmation page (`deaktivieren`; `loeschen` for admins).
#[handler]
pub async fn action_form(ctx: Ctx, Path((id, what)): Path<(i64, String)>) -> WebResult {
    let c = load(&ctx, id).await?;
    check_action(&ctx, &what, &c)?;
    ctx.render("companies/confirm.html", action_value(&what, &c))
        .await
}

fn check_action(ctx: &Ctx, what: &str, c: &company::Model) -> WebResult<()> {
    match what {
        "deaktivieren" if c.active => Ok(()),
        "loeschen" if DELETE_COMPANIES.allows(&ctx.actor) => Ok(()),
        "loeschen" => Err(WebError(AppError::Forbidden)),
        _ => Err(WebError(AppError::NotFound)),
    }
}

/// Executes a confirmed action.
#[handler]
pub async fn action_submit(ctx: Ctx, Path((id, what)): Path<(i64, String)>) -> WebResult {
    let c = load(&ctx, id).await?;
    check_action(&ctx, &what, &c)?;
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    if what == "deaktivieren" {
        service::deactivate(&mut uow, &c).await?;
        uow.commit().await?;
        ctx.session.flash("companies-deactivated");
    } else {
        uow.delete::<company::ActiveModel>(c).await?;
        uow.commit().await?;
        ctx.session.flash("companies-deleted");
    }
    ctx.redirect("/unternehmen")
}
