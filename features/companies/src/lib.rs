//! Companies feature (R-REF, R-COM). This first part brings the reference data every company
//! check needs: postcodes imported from OpenStreetMap CSV (`hih import-plz`, admin upload)
//! and the IHK districts as sets of Landkreise and kreisfreie Städte (migration
//! `companies_reference`, texts `i18n/<locale>/companies.ftl`, templates in `templates/`).

pub mod entities;
pub mod permissions;
pub mod postcodes;
mod routes;
mod tiles;

use std::sync::Arc;

use hih_i18n::Locale;
use hih_kernel::{Access, Feature, NavEntry, Registry};
use poem::{EndpointExt, get, post};

/// The feature value listed in `app/src/main.rs`.
pub struct CompaniesFeature;

impl Feature for CompaniesFeature {
    fn name(&self) -> &'static str {
        "companies"
    }

    fn register(&self, r: &mut Registry) {
        use routes::reference;
        r.texts(Locale::De, include_str!("../../../i18n/de/companies.ftl"));
        r.texts(Locale::En, include_str!("../../../i18n/en/companies.ftl"));
        r.template(
            "companies/reference.html",
            include_str!("../templates/reference.html"),
        );
        r.template(
            "companies/import_report.html",
            include_str!("../templates/import_report.html"),
        );
        r.template(
            "companies/district_edit.html",
            include_str!("../templates/district_edit.html"),
        );
        r.permission(permissions::MANAGE_REFERENCE);
        r.audit_entity("postcode");
        r.audit_entity("district_area");
        let admin = Access::Permission(permissions::MANAGE_REFERENCE);
        r.route("/referenzdaten", admin, get(reference::overview).boxed());
        r.route(
            "/referenzdaten/postleitzahlen",
            admin,
            post(reference::upload).boxed(),
        );
        r.route(
            "/referenzdaten/postleitzahlen/bericht",
            admin,
            get(reference::report).boxed(),
        );
        r.route(
            "/referenzdaten/bezirke/:id",
            admin,
            get(reference::district_form)
                .post(reference::district_submit)
                .boxed(),
        );
        r.nav(NavEntry {
            label_key: "companies-nav-reference",
            href: "/referenzdaten",
            permission: Some(permissions::MANAGE_REFERENCE),
            order: 840,
        });
        r.tiles(Arc::new(tiles::ReferenceTiles));
    }
}
