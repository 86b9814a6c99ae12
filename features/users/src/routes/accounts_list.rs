//! The user list (R-USR-1, R-LST): search by name, role, institution and state, sorted in
//! German order, paged.

use hih_db::access::AccessAction;
use hih_db::fold::contains_all_words;
use hih_kernel::Role;
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, ListParams, WebResult, fetch_page, iso};
use poem::handler;
use poem::web::Query;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, Select};
use serde::Serialize;

use super::accounts::{institution_names, institution_options, role_options};
use crate::entities::{institution, user_account};
use crate::scope::visible_users;

/// Sortable columns of the user list.
const COLUMNS: [&str; 6] = [
    "name",
    "username",
    "institution",
    "role",
    "status",
    "last_login",
];

#[derive(Serialize)]
struct UserRow {
    id: i64,
    name: String,
    username: String,
    email: String,
    institution: String,
    role_key: String,
    active: bool,
    never_set_up: bool,
    last_login: Option<String>,
}

/// The search fields of the user list.
const FILTERS: [&str; 4] = ["q", "role", "institution", "status"];

/// The user list's query: scope, search fields combined with AND (free text over the folded
/// search text), German order through the folded sort columns. Count and page come from it.
fn filtered(ctx: &Ctx, params: &ListParams) -> Select<user_account::Entity> {
    let mut cond = Condition::all().add(visible_users(&ctx.actor));
    if let Some(q) = params.filter("q") {
        cond = cond.add(contains_all_words(user_account::Column::SearchText, q));
    }
    if let Some(role) = params.filter("role") {
        cond = cond.add(user_account::Column::Role.eq(role));
    }
    if let Some(inst) = params.filter("institution") {
        // A malformed id matches nothing rather than everything.
        cond = cond.add(user_account::Column::InstitutionId.eq(inst.parse::<i64>().unwrap_or(-1)));
    }
    match params.filter("status") {
        Some("active") => cond = cond.add(user_account::Column::Active.eq(true)),
        Some("inactive") => cond = cond.add(user_account::Column::Active.eq(false)),
        _ => {}
    }
    let order = if params.desc {
        sea_orm::Order::Desc
    } else {
        sea_orm::Order::Asc
    };
    let select = user_account::Entity::find().filter(cond);
    let select = match params.sort.as_str() {
        "username" => select.order_by(user_account::Column::UsernameFolded, order.clone()),
        "institution" => select.order_by(institution_sort_key(), order.clone()),
        "role" => select.order_by(user_account::Column::Role, order.clone()),
        "status" => select.order_by(user_account::Column::Active, order.clone()),
        "last_login" => select.order_by(user_account::Column::LastLoginAt, order.clone()),
        _ => select.order_by(user_account::Column::SortName, order.clone()),
    };
    select.order_by(user_account::Column::Id, order)
}

/// The folded name of an account's institution, as a sort expression.
fn institution_sort_key() -> sea_orm::sea_query::SimpleExpr {
    use sea_orm::sea_query::{Expr, ExprTrait, Query, SubQueryStatement};
    let sub = Query::select()
        .column((institution::Entity, institution::Column::SortName))
        .from(institution::Entity)
        .and_where(
            Expr::col((institution::Entity, institution::Column::Id))
                .equals((user_account::Entity, user_account::Column::InstitutionId)),
        )
        .to_owned();
    sea_orm::sea_query::SimpleExpr::SubQuery(
        None,
        Box::new(SubQueryStatement::SelectStatement(sub)),
    )
}

/// The user list: search fields combined with AND, free text over all text fields
/// (case- and accent-insensitive), sortable columns, paging — all in SQL.
#[handler]
pub async fn list(ctx: Ctx, Query(query): Query<Vec<(String, String)>>) -> WebResult {
    let params = ListParams::parse(&ctx, "users", &query, &FILTERS, &COLUMNS);
    let institutions = institution_names(&ctx).await?;
    let (total, found) = fetch_page(filtered(&ctx, &params), &params, &ctx.services().db).await?;
    let inst_name = |id: i64| {
        institutions
            .get(&id)
            .map(|i| i.name.clone())
            .unwrap_or_default()
    };
    let rows: Vec<UserRow> = found
        .into_iter()
        .map(|u| UserRow {
            id: u.id,
            name: u.display_name(),
            institution: inst_name(u.institution_id),
            role_key: Role::from_code(&u.role)
                .map(|r| r.label_key())
                .unwrap_or_default(),
            active: u.active,
            never_set_up: u.activated_at.is_none(),
            last_login: u.last_login_at.map(iso),
            username: u.username,
            email: u.email,
        })
        .collect();
    ctx.log_access(
        AccessAction::Search,
        "user",
        None,
        serde_json::json!(params.filters),
        Some(total as i64),
    )
    .await;
    ctx.render("users/list.html", context! {
        rows => Serde(rows),
        list => params.view(total, &COLUMNS),
        q => params.filter("q").unwrap_or(""),
        role => params.filter("role").unwrap_or(""),
        institution => params.filter("institution").unwrap_or(""),
        status => params.filter("status").unwrap_or(""),
        role_options => Serde(role_options(&Role::ALL)),
        institution_options => Serde(institution_options(&institutions)),
        status_options => Serde(vec![("active", "users-status-active"), ("inactive", "users-status-inactive")]),
    })
    .await
}
