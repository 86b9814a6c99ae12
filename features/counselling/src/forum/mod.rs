//! The staff exchange ("Fachaustausch", R-CNS-2) under `/beratung/austausch`: a forum for all
//! staff of the programme (IHK and AHK staff, the HiH team) with topics, posts and replies,
//! and a materials library (files with descriptions, stored encrypted like the
//! conversations). Both lists are lists of the shared list machinery, searched with the same
//! folded free text as every list. The DPO and the operator (super admin) work with logs and
//! accounts only, so they have no part in it (R-ACT).

pub mod entities;
mod materials;
mod new_topic;
pub mod service;
mod topics;

use hih_kernel::{Access, Permission, Registry, Role};
use poem::{EndpointExt, get, post};

/// The staff exchange: admins, IHK staff and AHK staff.
pub const FORUM: Permission = Permission::new(
    "counselling.forum",
    &[Role::Admin, Role::IhkStaff, Role::AhkStaff],
);

/// Registers the exchange's templates, permission, lists, flow, routes and menu entry.
pub(crate) fn register(r: &mut Registry) {
    hih_kernel::templates!(
        r,
        "counselling/",
        "../../templates/",
        [
            "forum_topics.html",
            "forum_topic.html",
            "forum_topic_form.html",
            "forum_topic_review.html",
            "forum_materials.html",
            "forum_material_form.html"
        ]
    );
    r.permission(FORUM);
    for entity in [
        "counselling_forum_topic",
        "counselling_forum_post",
        "counselling_forum_material",
        "counselling_forum_file",
    ] {
        r.audit_entity(entity);
    }
    hih_web::list::register(r, topics::TopicList);
    hih_web::list::register(r, materials::MaterialList);
    hih_web::flow::register(r, new_topic::NewTopicFlow);
    let access = Access::Permission(FORUM);
    r.route("/beratung/austausch/:id", access, get(topics::show).boxed());
    r.route(
        "/beratung/austausch/:id/beitrag",
        access,
        post(topics::write).boxed(),
    );
    r.route(
        "/beratung/austausch/material/neu",
        access,
        get(materials::new_form).post(materials::upload).boxed(),
    );
    r.route(
        "/beratung/austausch/material/:id/datei",
        access,
        get(materials::download).boxed(),
    );
    r.menu(
        "counselling-forum-nav",
        "/beratung/austausch",
        Some(FORUM),
        hih_kernel::NavGroup::Record,
        255,
    );
}
