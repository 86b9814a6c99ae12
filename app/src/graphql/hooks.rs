//! seaography's lifecycle hooks, where the scoping happens: every query of an entity — a root
//! field or a relation — gets the caller's scope condition ([`Scoped::entity_filter`]); a
//! root field needs the permission of the entity's list page; a company's fields beyond its
//! name are not resolvable for those who see only names; filtering through related records
//! (`having`, which seaography does not scope) is refused; and every resolved record of a
//! logged entity is noted for the access log ([`Reads`]).
//!
//! The caller comes from the request's data ([`Actor`]); without it nothing is visible.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use async_graphql::dynamic::ResolverContext;
use hih_kernel::{Actor, Permission};
use sea_orm::Condition;
use seaography::{GuardAction, LifecycleHooksInterface, OperationType};

use super::exposed::{
    COMPANY_NAME_FIELDS, INTERNAL_FIELDS, by_object, company_fields_visible, nothing,
};

/// The refusals' texts in the request's language (the hooks are synchronous and have no
/// access to the catalogues).
#[derive(Clone, Debug)]
pub struct Messages {
    /// The role may not use a root field.
    pub forbidden: String,
    /// A field the role may not read.
    pub hidden: String,
    /// `having` is not offered.
    pub having: String,
}

/// What one request read and was refused, for the access log after the query ran.
#[derive(Default, Debug)]
pub struct Reads {
    ran: AtomicBool,
    seen: Mutex<BTreeMap<&'static str, BTreeSet<i64>>>,
    denied: Mutex<BTreeSet<&'static str>>,
}

impl Reads {
    /// Whether a resolver of an entity ran (the query parsed and validated).
    pub fn ran(&self) -> bool {
        self.ran.load(Ordering::Relaxed)
    }

    fn saw(&self, entity: &'static str, id: i64) {
        if let Ok(mut seen) = self.seen.lock() {
            seen.entry(entity).or_default().insert(id);
        }
    }

    fn refused(&self, permission: Permission) {
        if let Ok(mut denied) = self.denied.lock() {
            denied.insert(permission.key);
        }
    }

    /// The ids read per access-log entity.
    pub fn seen(&self) -> BTreeMap<&'static str, BTreeSet<i64>> {
        self.seen.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// The permissions whose root fields were refused.
    pub fn denied(&self) -> BTreeSet<&'static str> {
        self.denied.lock().map(|d| d.clone()).unwrap_or_default()
    }
}

/// The hooks of the HiH schema.
pub struct Scoped;

/// The caller; notes that a resolver ran.
fn actor<'a>(ctx: &'a ResolverContext) -> Option<&'a Actor> {
    if let Some(reads) = ctx.data_opt::<std::sync::Arc<Reads>>() {
        reads.ran.store(true, Ordering::Relaxed);
    }
    ctx.data_opt::<Actor>()
}

fn block(ctx: &ResolverContext, pick: fn(&Messages) -> &String) -> GuardAction {
    GuardAction::Block(ctx.data_opt::<Messages>().map(|m| pick(m).clone()))
}

/// Whether the field being resolved is a root field of the query.
fn is_root(ctx: &ResolverContext) -> bool {
    ctx.path_node.is_none_or(|node| node.parent.is_none())
}

impl LifecycleHooksInterface for Scoped {
    fn entity_guard(
        &self,
        ctx: &ResolverContext,
        entity: &str,
        action: OperationType,
    ) -> GuardAction {
        if action != OperationType::Read {
            return block(ctx, |m| &m.forbidden);
        }
        let (Some(exposed), Some(actor)) = (by_object(entity), actor(ctx)) else {
            return block(ctx, |m| &m.forbidden);
        };
        if ctx.args.get("having").is_some() {
            return block(ctx, |m| &m.having);
        }
        if is_root(ctx) && !exposed.permission.allows(actor) {
            if let Some(reads) = ctx.data_opt::<std::sync::Arc<Reads>>() {
                reads.refused(exposed.permission);
            }
            return block(ctx, |m| &m.forbidden);
        }
        GuardAction::Allow
    }

    fn field_guard(
        &self,
        ctx: &ResolverContext,
        entity: &str,
        field: &str,
        action: OperationType,
    ) -> GuardAction {
        let (Some(exposed), Some(actor)) = (by_object(entity), actor(ctx)) else {
            return block(ctx, |m| &m.hidden);
        };
        if action != OperationType::Read {
            return block(ctx, |m| &m.forbidden);
        }
        if INTERNAL_FIELDS.contains(&field) {
            return block(ctx, |m| &m.hidden);
        }
        if entity == "Company"
            && !company_fields_visible(actor)
            && !COMPANY_NAME_FIELDS.contains(&field)
        {
            return block(ctx, |m| &m.hidden);
        }
        if let (Some(logged), Some(reads)) =
            (exposed.logged_as, ctx.data_opt::<std::sync::Arc<Reads>>())
            && let Some(id) = (exposed.id_of)(ctx.parent_value)
        {
            reads.saw(logged, id);
        }
        GuardAction::Allow
    }

    fn entity_filter(
        &self,
        ctx: &ResolverContext,
        entity: &str,
        _action: OperationType,
    ) -> Option<Condition> {
        match (by_object(entity), actor(ctx)) {
            (Some(exposed), Some(actor)) => Some((exposed.scope)(actor)),
            _ => Some(nothing()),
        }
    }
}
