//! Institutions as reference data (R-ACT-1): admins list, create and edit them (no deletion —
//! accounts refer to them; an institution is deactivated instead). New chambers and countries
//! need no code change. Creating and editing is one [`FormFlow`] (review before saving, cancel
//! with confirmation).

use async_trait::async_trait;
use hih_db::UnitOfWork;
use hih_db::fold::fold;
use hih_kernel::{Access, AppError, FieldErrors};
use hih_web::flow::{
    Checked, FlowArgs, FlowSpec, FormFlow, PageState, Saved, checked, new_or_edit, read_fields,
};
use hih_web::minijinja::value::Serde;
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebError, WebResult};
use poem::handler;
use sea_orm::{ColumnTrait, EntityTrait, IntoActiveModel, NotSet, QueryFilter, QueryOrder, Set};
use serde::{Deserialize, Serialize};

use crate::entities::institution;
use crate::permissions::MANAGE_INSTITUTIONS;

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

/// The institution form: `/institutionen/neu` creates, `/institutionen/:id` edits.
pub struct InstitutionFlow {
    /// Edits an existing institution (else creates one).
    pub edit: bool,
}

async fn validate(
    ctx: &Ctx,
    f: &InstitutionForm,
    id: Option<i64>,
) -> WebResult<Checked<InstitutionForm>> {
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
    checked(e.into_result().map(|()| f.clone()))
}

fn from_model(m: &institution::Model) -> InstitutionForm {
    InstitutionForm {
        name: m.name.clone(),
        kind: m.kind.clone(),
        country_code: m.country_code.clone().unwrap_or_default(),
        active: m.active.then(|| "on".to_string()),
    }
}

#[async_trait]
impl FormFlow for InstitutionFlow {
    type Record = Option<institution::Model>;
    type Form = InstitutionForm;
    type Valid = InstitutionForm;

    fn spec(&self) -> FlowSpec {
        FlowSpec {
            name: new_or_edit(self.edit, "institution-new", "institution-edit"),
            path: new_or_edit(self.edit, "/institutionen/neu", "/institutionen/:id"),
            access: Access::Permission(MANAGE_INSTITUTIONS),
            templates: (
                "users/institution_form.html",
                "users/institution_review.html",
            ),
        }
    }

    async fn load(&self, ctx: &Ctx, args: &FlowArgs) -> WebResult<Self::Record> {
        if !self.edit {
            return Ok(None);
        }
        // Institutions are reference data: whoever manages them sees all of them.
        institution::Entity::find_by_id(args.id("id")?)
            .one(&ctx.services().db)
            .await?
            .map(Some)
            .ok_or(WebError(AppError::NotFound))
    }

    async fn initial(&self, _ctx: &Ctx, record: &Self::Record) -> WebResult<InstitutionForm> {
        Ok(record.as_ref().map(from_model).unwrap_or(InstitutionForm {
            active: Some("on".into()),
            ..Default::default()
        }))
    }

    fn read(&self, _record: &Self::Record, pairs: &[(String, String)]) -> InstitutionForm {
        read_fields(pairs)
    }

    async fn check(
        &self,
        ctx: &Ctx,
        record: &Self::Record,
        form: &InstitutionForm,
    ) -> WebResult<Checked<InstitutionForm>> {
        validate(ctx, form, record.as_ref().map(|i| i.id)).await
    }

    async fn save(
        &self,
        _ctx: &Ctx,
        uow: &mut UnitOfWork,
        record: &Self::Record,
        f: InstitutionForm,
    ) -> WebResult<Saved> {
        let country = (f.kind == "ahk").then(|| f.country_code.trim().to_string());
        match record {
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
                uow.update(before, am).await?;
            }
        }
        Ok(Saved {
            to: "/institutionen".into(),
            flash: "users-saved",
        })
    }

    fn cancel_target(&self, _args: &FlowArgs, _record: &Self::Record) -> String {
        "/institutionen".into()
    }

    async fn page(&self, _ctx: &Ctx, state: PageState<'_, Self>) -> WebResult<Value> {
        let kind = &state.form.kind;
        Ok(context! {
            is_new => state.record.is_none(),
            kinds => Serde(KINDS.iter().map(|(v, k)| (v.to_string(), k.to_string())).collect::<Vec<_>>()),
            kind_key => KINDS.iter().find(|(v, _)| v == kind).map(|(_, k)| *k).unwrap_or(""),
        })
    }
}
