//! Reference data feature (R-REF): the data every other feature checks its records against —
//! postcodes imported from OpenStreetMap CSV (`hih import-plz`, admin upload; the German table
//! is built in and loaded into an empty database at start, [`postcodes::builtin`]) with the
//! address check, IHK districts as sets of Landkreise and kreisfreie Städte, and the
//! admin-editable selection lists of R-REF-3 ([`lists`], editor under `/referenzdaten/listen`).
//! Texts `i18n/<locale>/reference.ftl`, templates in `templates/`. The tables were created by
//! the companies migrations (`companies_reference`, `companies_core`,
//! `companies_more_reference_lists`); their names and audit entity names stay as they are.

pub mod api;
pub mod entities;
pub mod lists;
pub mod permissions;
pub mod postcodes;
mod routes;
#[cfg(feature = "testing")]
pub mod testing;
mod tiles;

use std::sync::Arc;

use hih_kernel::{Access, Registry};
use poem::{EndpointExt, get, post};

hih_kernel::feature! {
    /// The feature value listed in `app/src/main.rs`, right after users.
    pub struct ReferenceFeature = "reference", register;
}

/// Registers the feature's routes, templates, permissions and hooks (after its texts).
fn register(r: &mut Registry) {
    hih_kernel::templates!(
        r,
        "reference/",
        "../templates/",
        [
            "overview.html",
            "import_report.html",
            "district_edit.html",
            "district_review.html",
            "list_items.html",
            "list_item_form.html",
            "list_item_review.html"
        ]
    );
    r.permission(permissions::MANAGE_REFERENCE);
    r.status_check(Arc::new(postcodes::PostcodeStatus));
    r.audit_entity("postcode");
    r.audit_entity("district_area");
    r.audit_entity("reference_item");
    register_routes(r);
    r.menu(
        "reference-nav",
        "/referenzdaten",
        Some(permissions::MANAGE_REFERENCE),
        hih_kernel::NavGroup::Manage,
        840,
    );
    r.tiles(Arc::new(tiles::ReferenceTiles));
}

/// The admin pages under `/referenzdaten`.
fn register_routes(r: &mut Registry) {
    use routes::{districts, lists, overview, postcodes};
    let admin = Access::Permission(permissions::MANAGE_REFERENCE);
    r.routes(
        admin,
        [
            ("/referenzdaten", get(overview::overview).boxed()),
            (
                "/referenzdaten/postleitzahlen",
                post(postcodes::upload).boxed(),
            ),
            (
                "/referenzdaten/postleitzahlen/bericht",
                get(postcodes::report).boxed(),
            ),
        ],
    );
    hih_web::flow::register(r, districts::DistrictFlow);
    let base = "/referenzdaten/listen/:kind";
    r.route(base, admin, get(lists::entries).boxed());
    for edit in [false, true] {
        hih_web::flow::register(r, lists::ItemFlow { edit });
    }
}
