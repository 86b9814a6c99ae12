//! Institutions as reference data (R-ACT-1): admins list, create and edit them (no deletion —
//! accounts refer to them; an institution is deactivated instead). New chambers and countries
//! need no code change.

use hih_db::UnitOfWork;
use hih_db::fold::fold;
use hih_kernel::{AppError, FieldErrors};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebError, WebResult};
use poem::handler;
use poem::web::{Form, Path};
use sea_orm::{ColumnTrait, EntityTrait, IntoActiveModel, NotSet, QueryFilter, QueryOrder, Set};
use serde::{Deserialize, Serialize};

use crate::entities::institution;
use hih_web::draft;

/// Institution kinds (value, text key).
pub const KINDS: [(&str, &str); 4] = [
    ("ihk", "users-kind-ihk"),
    ("ahk", "users-kind-ahk"),
    ("team", "users-kind-team"),
    ("operator", "users-kind-operator"),
];

/// The institution form.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct InstitutionForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    country_code: String,
    #[serde(default)]
    active: Option<String>,
    #[serde(default)]
    action: String,
}

/// The list.
#[handler]
pub async fn list(ctx: Ctx) -> WebResult {
    let rows = institution::Entity::find()
        .order_by_asc(institution::Column::Name)
        .all(&ctx.services().db)
        .await?;
    let mut rows = rows;
    rows.sort_by_key(|i| fold(&i.name));
    ctx.render(
        "users/institutions.html",
        context! { rows => Serde(rows), kinds => Serde(KINDS.to_vec()) },
    )
    .await
}

fn key(id: Option<i64>) -> String {
    match id {
        Some(id) => format!("institution:{id}"),
        None => "institution:new".into(),
    }
}

fn base(id: Option<i64>) -> String {
    match id {
        Some(id) => format!("/institutionen/{id}"),
        None => "/institutionen/neu".into(),
    }
}

async fn load(ctx: &Ctx, id: i64) -> WebResult<institution::Model> {
    institution::Entity::find_by_id(id)
        .one(&ctx.services().db)
        .await?
        .ok_or(WebError(AppError::NotFound))
}

async fn validate(ctx: &Ctx, f: &InstitutionForm, id: Option<i64>) -> Result<(), AppError> {
    let mut e = FieldErrors::new();
    e.check_texts(f, &[]);
    let name = f.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        e.add("name", "users-institution-name-missing");
    } else {
        let clash = institution::Entity::find()
            .filter(institution::Column::Name.eq(name))
            .filter(institution::Column::Id.ne(id.unwrap_or(-1)))
            .one(&ctx.services().db)
            .await?;
        if clash.is_some() {
            e.add("name", "users-institution-name-taken");
        }
    }
    if !KINDS.iter().any(|(k, _)| *k == f.kind) {
        e.add("kind", "users-institution-kind-missing");
    }
    let cc = f.country_code.trim();
    if f.kind == "ahk" && !(cc.len() == 2 && cc.chars().all(|c| c.is_ascii_uppercase())) {
        e.add("country_code", "users-institution-country");
    }
    if f.kind != "ahk" && !cc.is_empty() {
        e.add("country_code", "users-institution-country-only-ahk");
    }
    e.into_result()
}

async fn form_page(ctx: &Ctx, id: Option<i64>, f: &InstitutionForm, review: bool) -> WebResult {
    let errors = draft::take_errors(ctx, &key(id));
    ctx.render(if review { "users/institution_review.html" } else { "users/institution_form.html" }, context! {
        f => Serde(f),
        errors => ctx.errors(&errors),
        action => base(id),
        is_new => id.is_none(),
        kinds => Serde(KINDS.iter().map(|(v, k)| (v.to_string(), k.to_string())).collect::<Vec<_>>()),
        kind_key => KINDS.iter().find(|(v, _)| *v == f.kind).map(|(_, k)| *k).unwrap_or(""),
    })
    .await
}

fn from_model(m: &institution::Model) -> InstitutionForm {
    InstitutionForm {
        name: m.name.clone(),
        kind: m.kind.clone(),
        country_code: m.country_code.clone().unwrap_or_default(),
        active: m.active.then(|| "on".to_string()),
        action: String::new(),
    }
}

async fn show_form(ctx: &Ctx, id: Option<i64>, review: bool) -> WebResult {
    let current = match id {
        Some(id) => Some(load(ctx, id).await?),
        None => None,
    };
    let f = draft::load::<InstitutionForm>(ctx, &key(id))
        .or_else(|| current.as_ref().map(from_model))
        .unwrap_or(InstitutionForm {
            active: Some("on".into()),
            ..Default::default()
        });
    if review && draft::load::<InstitutionForm>(ctx, &key(id)).is_none() {
        return ctx.redirect(&base(id));
    }
    form_page(ctx, id, &f, review).await
}

async fn submit(ctx: &Ctx, id: Option<i64>, f: InstitutionForm) -> WebResult {
    let current = match id {
        Some(id) => Some(load(ctx, id).await?),
        None => None,
    };
    let k = key(id);
    match f.action.as_str() {
        "review" | "save" => {
            if let Err(AppError::Validation(e)) = validate(ctx, &f, id).await {
                draft::store(ctx, &k, &f);
                draft::store_errors(ctx, &k, &e);
                return ctx.redirect(&base(id));
            }
            if f.action == "review" {
                draft::store(ctx, &k, &f);
                return ctx.redirect(&format!("{}/pruefen", base(id)));
            }
            let country = (f.kind == "ahk").then(|| f.country_code.trim().to_string());
            let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
            match current {
                None => {
                    uow.insert(institution::ActiveModel {
                        id: NotSet,
                        name: Set(f.name.trim().to_string()),
                        sort_name: Set(fold(&f.name)),
                        kind: Set(f.kind.clone()),
                        country_code: Set(country),
                        active: Set(f.active.is_some()),
                    })
                    .await?;
                }
                Some(before) => {
                    let mut am = before.clone().into_active_model();
                    am.name = Set(f.name.trim().to_string());
                    am.sort_name = Set(fold(&f.name));
                    am.kind = Set(f.kind.clone());
                    am.country_code = Set(country);
                    am.active = Set(f.active.is_some());
                    uow.update(&before, am).await?;
                }
            }
            uow.commit().await?;
            draft::discard(ctx, &k);
            ctx.session.flash("users-saved");
            ctx.redirect("/institutionen")
        }
        "cancel" => {
            draft::discard(ctx, &k);
            ctx.redirect("/institutionen")
        }
        _ => {
            draft::store(ctx, &k, &f);
            ctx.redirect(&base(id))
        }
    }
}

/// New institution form.
#[handler]
pub async fn new_form(ctx: Ctx) -> WebResult {
    show_form(&ctx, None, false).await
}
/// New institution submit.
#[handler]
pub async fn new_submit(ctx: Ctx, Form(f): Form<InstitutionForm>) -> WebResult {
    submit(&ctx, None, f).await
}
/// New institution review.
#[handler]
pub async fn new_review(ctx: Ctx) -> WebResult {
    show_form(&ctx, None, true).await
}
/// Edit form.
#[handler]
pub async fn edit_form(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    show_form(&ctx, Some(id), false).await
}
/// Edit submit.
#[handler]
pub async fn edit_submit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<InstitutionForm>,
) -> WebResult {
    submit(&ctx, Some(id), f).await
}
/// Edit review.
#[handler]
pub async fn edit_review(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    show_form(&ctx, Some(id), true).await
}
