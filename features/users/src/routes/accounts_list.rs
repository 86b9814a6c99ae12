//! The user list (R-USR-1, R-LST) as a [`ListSpec`]: search by name, role, institution and
//! state, sorted in German order by every column, paged; the global search's account section
//! comes from the same query.

use hih_kernel::{Actor, AppError, Role, SearchHit, Services};
use hih_web::list::{ListInfo, ListParams, ListSpec, ListView, TextColumn};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult, iso};
use sea_orm::{ColumnTrait, Condition, Order, QueryOrder, Select};
use serde::Serialize;

use super::accounts::{institution_names, institution_options, role_options};
use crate::entities::{institution, user_account};
use crate::permissions::MANAGE_USERS;
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

/// The user list.
pub struct UserList;

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

#[async_trait::async_trait]
impl ListView for UserList {
    type Row = user_account::Model;

    const INFO: ListInfo = ListInfo {
        key: "users",
        path: "/benutzer",
        entity: "user",
        permission: MANAGE_USERS,
        filters: &["q", "role", "institution", "status"],
        columns: &COLUMNS,
        newest_first: false,
    };

    async fn render(
        &self,
        ctx: &Ctx,
        params: &ListParams,
        total: u64,
        found: Vec<user_account::Model>,
    ) -> WebResult {
        let institutions = institution_names(ctx).await?;
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
        ctx.render("users/list.html", context! {
            rows => Serde(rows),
            list => params.view(total, &COLUMNS),
            role_options => Serde(role_options(&Role::ALL)),
            institution_options => Serde(institution_options(&institutions)),
            status_options => Serde(vec![("active", "users-status-active"), ("inactive", "users-status-inactive")]),
            ..params.filter_values(Self::INFO.filters)
        })
        .await
    }
}

#[async_trait::async_trait]
impl ListSpec for UserList {
    type Entity = user_account::Entity;

    fn text_column(&self) -> Option<TextColumn<user_account::Entity>> {
        Some(TextColumn {
            indexed: None,
            column: user_account::Column::SearchText,
        })
    }

    fn scope(&self, actor: &Actor) -> Condition {
        visible_users(actor)
    }

    fn condition(&self, _actor: &Actor, params: &ListParams) -> Condition {
        let mut cond = Condition::all();
        if let Some(role) = params.filter("role") {
            cond = cond.add(user_account::Column::Role.eq(role));
        }
        if let Some(inst) = params.filter("institution") {
            // A malformed id matches nothing rather than everything.
            cond =
                cond.add(user_account::Column::InstitutionId.eq(inst.parse::<i64>().unwrap_or(-1)));
        }
        match params.filter("status") {
            Some("active") => cond = cond.add(user_account::Column::Active.eq(true)),
            Some("inactive") => cond = cond.add(user_account::Column::Active.eq(false)),
            _ => {}
        }
        cond
    }

    fn order(
        &self,
        select: Select<user_account::Entity>,
        key: &str,
        order: Order,
    ) -> Select<user_account::Entity> {
        match key {
            "username" => select.order_by(user_account::Column::UsernameFolded, order),
            "institution" => select.order_by(institution_sort_key(), order),
            "role" => select.order_by(user_account::Column::Role, order),
            "status" => select.order_by(user_account::Column::Active, order),
            "last_login" => select.order_by(user_account::Column::LastLoginAt, order),
            _ => select.order_by(user_account::Column::SortName, order),
        }
    }

    fn search_label(&self) -> Option<&'static str> {
        Some("users-search-section")
    }

    async fn hits(
        &self,
        services: &Services,
        found: Vec<user_account::Model>,
    ) -> Result<Vec<SearchHit>, AppError> {
        let institutions = crate::service::institutions(services).await?;
        Ok(found
            .into_iter()
            .map(|u| {
                let institution = institutions
                    .iter()
                    .find(|i| i.id == u.institution_id)
                    .map(|i| i.name.as_str())
                    .unwrap_or_default();
                SearchHit {
                    title: u.display_name(),
                    context: format!("{} · {institution}", u.username),
                    href: format!("/benutzer/{}", u.id),
                    badge_key: (!u.active).then_some("users-status-inactive"),
                }
            })
            .collect())
    }
}
