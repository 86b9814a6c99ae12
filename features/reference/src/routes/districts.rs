//! IHK districts (admins, R-REF-2): one form per IHK with its Landkreise and kreisfreie
//! Städte, one per line — a [`FormFlow`] with review before saving and cancel confirmation.

use std::collections::{BTreeMap, HashSet};

use async_trait::async_trait;
use hih_db::UnitOfWork;
use hih_db::fold::fold;
use hih_kernel::{Access, AppError, FieldErrors};
use hih_users::entities::institution;
use hih_web::flow::{Checked, FlowArgs, FlowSpec, FormFlow, PageState, Saved, read_fields};
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebError, WebResult};
use sea_orm::{ColumnTrait, EntityTrait, NotSet, QueryFilter, QueryOrder, Set};
use serde::{Deserialize, Serialize};

use crate::entities::{district_area, postcode};
use crate::permissions::MANAGE_REFERENCE;
use crate::postcodes;

async fn load_ihk(ctx: &Ctx, id: i64) -> WebResult<institution::Model> {
    institution::Entity::find_by_id(id)
        .filter(institution::Column::Kind.eq("ihk"))
        .one(&ctx.services().db)
        .await?
        .ok_or(WebError(AppError::NotFound))
}

/// The district form: the areas as typed, one per line.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AreasForm {
    #[serde(default)]
    areas: String,
}

impl AreasForm {
    /// The areas: trimmed, without empty lines and duplicates, in alphabetical order.
    fn wanted(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .areas
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        v.sort_by_key(|a| fold(a));
        v.dedup();
        v
    }
}

/// One IHK's district (`/referenzdaten/bezirke/:id`): names must be districts of the postcode
/// data (when loaded) and may belong to one IHK only.
pub struct DistrictFlow;

fn names(list: &[&String]) -> String {
    list.iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[async_trait]
impl FormFlow for DistrictFlow {
    type Record = institution::Model;
    type Form = AreasForm;
    type Valid = Vec<String>;

    fn spec(&self) -> FlowSpec {
        FlowSpec {
            name: "district",
            path: "/referenzdaten/bezirke/:id",
            access: Access::Permission(MANAGE_REFERENCE),
            templates: (
                "reference/district_edit.html",
                "reference/district_review.html",
            ),
        }
    }

    async fn load(&self, ctx: &Ctx, args: &FlowArgs) -> WebResult<institution::Model> {
        // Districts are reference data: no scope narrower than the permission.
        load_ihk(ctx, args.id("id")?).await
    }

    async fn initial(&self, ctx: &Ctx, ihk: &institution::Model) -> WebResult<AreasForm> {
        let areas: Vec<String> = district_area::Entity::find()
            .filter(district_area::Column::InstitutionId.eq(ihk.id))
            .order_by_asc(district_area::Column::Name)
            .all(&ctx.services().db)
            .await?
            .into_iter()
            .map(|a| a.name)
            .collect();
        Ok(AreasForm {
            areas: areas.join("\n"),
        })
    }

    fn read(&self, _ihk: &institution::Model, pairs: &[(String, String)]) -> AreasForm {
        read_fields(pairs)
    }

    async fn check(
        &self,
        ctx: &Ctx,
        ihk: &institution::Model,
        form: &AreasForm,
    ) -> WebResult<Checked<Vec<String>>> {
        let services = ctx.services();
        let wanted = form.wanted();
        let mut errors = FieldErrors::new();
        if postcodes::count(services).await? > 0 {
            let known: HashSet<String> = postcode::Entity::find()
                .all(&services.db)
                .await?
                .iter()
                .map(|r| r.kreis().to_string())
                .collect();
            let unknown: Vec<&String> = wanted.iter().filter(|w| !known.contains(*w)).collect();
            if !unknown.is_empty() {
                errors.add_with(
                    "areas",
                    "reference-district-unknown",
                    &[("names", names(&unknown))],
                );
            }
        }
        let others: BTreeMap<String, i64> = district_area::Entity::find()
            .filter(district_area::Column::InstitutionId.ne(ihk.id))
            .all(&services.db)
            .await?
            .into_iter()
            .map(|a| (a.name, a.institution_id))
            .collect();
        let taken: Vec<&String> = wanted.iter().filter(|w| others.contains_key(*w)).collect();
        if !taken.is_empty() {
            errors.add_with(
                "areas",
                "reference-district-taken",
                &[("names", names(&taken))],
            );
        }
        Ok(if errors.is_empty() {
            Ok(wanted)
        } else {
            Err(errors.into())
        })
    }

    async fn save(
        &self,
        _ctx: &Ctx,
        uow: &mut UnitOfWork,
        ihk: &institution::Model,
        wanted: Vec<String>,
    ) -> WebResult<Saved> {
        let current = district_area::Entity::find()
            .filter(district_area::Column::InstitutionId.eq(ihk.id))
            .all(uow.txn())
            .await?;
        for old in current.iter().filter(|a| !wanted.contains(&a.name)) {
            uow.delete::<district_area::ActiveModel>(old.clone())
                .await?;
        }
        for name in wanted
            .iter()
            .filter(|w| !current.iter().any(|a| &&a.name == w))
        {
            uow.insert(district_area::ActiveModel {
                id: NotSet,
                institution_id: Set(ihk.id),
                name: Set(name.clone()),
            })
            .await?;
        }
        Ok(Saved {
            to: "/referenzdaten".into(),
            flash: "reference-district-saved",
        })
    }

    fn cancel_target(&self, _args: &FlowArgs, _ihk: &institution::Model) -> String {
        "/referenzdaten".into()
    }

    async fn page(&self, _ctx: &Ctx, state: PageState<'_, Self>) -> WebResult<Value> {
        Ok(context! {
            ihk => state.record.name.clone(),
            wanted => state.form.wanted(),
        })
    }
}
