//! Editor of the reference lists (R-REF-3, admins): entries of one list, new entry and edit as
//! one [`FormFlow`] (review before saving, confirmation before cancelling, R-GEN-2). Codes are
//! stored on records, so an entry is never deleted or recoded: it is switched off instead.

use async_trait::async_trait;
use hih_db::UnitOfWork;
use hih_kernel::{Access, AppError};
use hih_web::flow::{
    Checked, FlowArgs, FlowSpec, FormFlow, PageState, Rejected, Saved, new_or_edit, read_fields,
};
use hih_web::minijinja::value::Serde;
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebError, WebResult};
use poem::handler;
use poem::web::Path;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::entities::reference_item;
use crate::lists::{self, ItemForm, KINDS};
use crate::permissions::MANAGE_REFERENCE;

/// Text key of a list's name.
fn kind_key(kind: &str) -> String {
    format!("reference-list-kind-{}", kind.replace('_', "-"))
}

fn known_kind(kind: &str) -> WebResult<&'static str> {
    KINDS
        .iter()
        .copied()
        .find(|k| *k == kind)
        .ok_or(WebError(AppError::NotFound))
}

/// The entries of one list.
#[handler]
pub async fn entries(ctx: Ctx, Path(kind): Path<String>) -> WebResult {
    let kind = known_kind(&kind)?;
    let items = lists::all_items(ctx.services(), kind).await?;
    ctx.render(
        "reference/list_items.html",
        context! { kind => kind, kind_key => kind_key(kind), items => Serde(items) },
    )
    .await
}

/// A list entry: `/referenzdaten/listen/:kind/neu` adds one, `/referenzdaten/listen/:kind/:id`
/// edits one (its code stays).
pub struct ItemFlow {
    /// Edits an existing entry (else adds one).
    pub edit: bool,
}

/// The list an entry belongs to and the entry (none for a new one).
pub struct ItemRecord {
    kind: &'static str,
    item: Option<reference_item::Model>,
}

#[async_trait]
impl FormFlow for ItemFlow {
    type Record = ItemRecord;
    type Form = ItemForm;
    type Valid = ItemForm;

    fn spec(&self) -> FlowSpec {
        FlowSpec {
            name: new_or_edit(self.edit, "reference-item-new", "reference-item-edit"),
            path: new_or_edit(
                self.edit,
                "/referenzdaten/listen/:kind/neu",
                "/referenzdaten/listen/:kind/:id",
            ),
            access: Access::Permission(MANAGE_REFERENCE),
            templates: (
                "reference/list_item_form.html",
                "reference/list_item_review.html",
            ),
        }
    }

    async fn load(&self, ctx: &Ctx, args: &FlowArgs) -> WebResult<ItemRecord> {
        let kind = known_kind(args.text("kind")?)?;
        let item = if self.edit {
            // Reference lists are shared by everyone: no scope narrower than the permission.
            let found = reference_item::Entity::find_by_id(args.id("id")?)
                .filter(reference_item::Column::Kind.eq(kind))
                .one(&ctx.services().db)
                .await?;
            Some(found.ok_or(WebError(AppError::NotFound))?)
        } else {
            None
        };
        Ok(ItemRecord { kind, item })
    }

    async fn initial(&self, _ctx: &Ctx, record: &ItemRecord) -> WebResult<ItemForm> {
        Ok(record
            .item
            .as_ref()
            .map(ItemForm::from_model)
            .unwrap_or_else(|| ItemForm {
                active: Some("on".into()),
                sort: "100".into(),
                ..Default::default()
            }))
    }

    fn read(&self, record: &ItemRecord, pairs: &[(String, String)]) -> ItemForm {
        let mut form: ItemForm = read_fields(pairs);
        if let Some(item) = &record.item {
            // Records store the code: it never changes.
            form.code = item.code.clone();
        }
        form
    }

    async fn check(
        &self,
        ctx: &Ctx,
        record: &ItemRecord,
        form: &ItemForm,
    ) -> WebResult<Checked<ItemForm>> {
        Ok(
            lists::validate_item(ctx.services(), record.kind, form, record.item.as_ref())
                .await
                .map(|()| form.clone())
                .map_err(Rejected::from),
        )
    }

    async fn save(
        &self,
        _ctx: &Ctx,
        uow: &mut UnitOfWork,
        record: &ItemRecord,
        form: ItemForm,
    ) -> WebResult<Saved> {
        lists::save_item(uow, record.kind, &form, record.item.as_ref()).await?;
        Ok(Saved {
            to: format!("/referenzdaten/listen/{}", record.kind),
            flash: "reference-item-saved",
        })
    }

    fn cancel_target(&self, _args: &FlowArgs, record: &ItemRecord) -> String {
        format!("/referenzdaten/listen/{}", record.kind)
    }

    async fn page(&self, _ctx: &Ctx, state: PageState<'_, Self>) -> WebResult<Value> {
        Ok(context! {
            kind => state.record.kind,
            kind_key => kind_key(state.record.kind),
            is_new => state.record.item.is_none(),
        })
    }
}
