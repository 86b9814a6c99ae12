//! Users feature: institutions, staff accounts, login with mandatory TOTP, password policy and
//! reset, user administration, distribution list (R-ACT, R-USR).
//!
//! Everything this feature brings is registered in [`UsersFeature::register`]: routes,
//! templates (`templates/`), texts (`i18n/<locale>/users.ftl`), permissions, jobs, tiles and
//! the actor resolver. Its tables are created by the migration `users_accounts`.

pub mod bootstrap;
pub mod entities;
pub mod grants;
mod jobs;
pub mod password;
pub mod permissions;
pub mod recipients;
mod resolver;
mod routes;
pub mod scope;
pub mod service;
#[cfg(feature = "testing")]
pub mod testing;
pub mod tiles;
pub mod totp;
pub mod validate;

use std::sync::Arc;

use hih_i18n::Locale;
use hih_kernel::{Access, Feature, NavEntry, Registry};
use poem::{EndpointExt, get};

/// The feature value listed in `app/src/main.rs`.
pub struct UsersFeature;

const TEMPLATES: [(&str, &str); 21] = [
    (
        "users/institutions.html",
        include_str!("../templates/institutions.html"),
    ),
    (
        "users/institution_form.html",
        include_str!("../templates/institution_form.html"),
    ),
    (
        "users/institution_review.html",
        include_str!("../templates/institution_review.html"),
    ),
    ("users/list.html", include_str!("../templates/list.html")),
    (
        "users/detail.html",
        include_str!("../templates/detail.html"),
    ),
    ("users/form.html", include_str!("../templates/form.html")),
    (
        "users/review.html",
        include_str!("../templates/review.html"),
    ),
    (
        "users/confirm.html",
        include_str!("../templates/confirm.html"),
    ),
    (
        "users/overview.html",
        include_str!("../templates/overview.html"),
    ),
    (
        "users/distribution.html",
        include_str!("../templates/distribution.html"),
    ),
    (
        "users/profile.html",
        include_str!("../templates/profile.html"),
    ),
    ("users/login.html", include_str!("../templates/login.html")),
    ("users/code.html", include_str!("../templates/code.html")),
    (
        "users/totp_enrol.html",
        include_str!("../templates/totp_enrol.html"),
    ),
    (
        "users/recovery_codes.html",
        include_str!("../templates/recovery_codes.html"),
    ),
    ("users/setup.html", include_str!("../templates/setup.html")),
    (
        "users/password_change.html",
        include_str!("../templates/password_change.html"),
    ),
    (
        "users/password_confirm.html",
        include_str!("../templates/password_confirm.html"),
    ),
    (
        "users/forgot.html",
        include_str!("../templates/forgot.html"),
    ),
    ("users/reset.html", include_str!("../templates/reset.html")),
    (
        "users/link_invalid.html",
        include_str!("../templates/link_invalid.html"),
    ),
];

impl Feature for UsersFeature {
    fn name(&self) -> &'static str {
        "users"
    }

    fn register(&self, r: &mut Registry) {
        use routes::account_form::{self, AccountKind};
        use routes::{
            accounts, accounts_list, distribution, institutions, login, password, profile,
        };
        r.texts(Locale::De, include_str!("../../../i18n/de/users.ftl"));
        r.texts(Locale::En, include_str!("../../../i18n/en/users.ftl"));
        for (name, source) in TEMPLATES {
            r.template(name, source);
        }
        for p in permissions::ALL {
            r.permission(p);
        }
        r.actor_resolver(Arc::new(resolver::Resolver));
        r.audit_entity("user");
        r.audit_entity("institution");

        let public = Access::Public;
        r.route(
            "/login",
            public,
            get(login::login_form).post(login::login_submit).boxed(),
        );
        r.route(
            "/login/code",
            public,
            get(login::code_form).post(login::code_submit).boxed(),
        );
        r.route(
            "/login/totp-einrichten",
            public,
            get(login::enrol_form).post(login::enrol_submit).boxed(),
        );
        r.route(
            "/login/wiederherstellungscodes",
            public,
            get(login::recovery_codes).boxed(),
        );
        r.route("/logout", public, poem::post(login::logout).boxed());
        r.route(
            "/konto/einrichten/:token",
            public,
            get(password::setup_form)
                .post(password::setup_submit)
                .boxed(),
        );
        r.route(
            "/passwort/aendern",
            public,
            get(password::change_form)
                .post(password::change_submit)
                .boxed(),
        );
        r.route(
            "/passwort/aendern/bestaetigen",
            public,
            get(password::confirm_form)
                .post(password::confirm_submit)
                .boxed(),
        );
        r.route(
            "/passwort/vergessen",
            public,
            get(password::forgot_form)
                .post(password::forgot_submit)
                .boxed(),
        );
        r.route(
            "/passwort/zuruecksetzen/:token",
            public,
            get(password::reset_form)
                .post(password::reset_submit)
                .boxed(),
        );

        let manage = Access::Permission(permissions::MANAGE_USERS);
        hih_web::list::register(r, accounts_list::UserList);
        r.route("/benutzer/:id", manage, get(accounts::show).boxed());
        for kind in [AccountKind::New, AccountKind::Edit, AccountKind::Profile] {
            hih_web::flow::register(r, account_form::AccountFlow(kind));
        }
        r.route(
            "/benutzer/:id/aktion/:what",
            manage,
            get(accounts::action_form)
                .post(accounts::action_submit)
                .boxed(),
        );
        r.route(
            "/benutzeruebersicht",
            Access::Permission(permissions::USER_OVERVIEW),
            get(accounts::overview).boxed(),
        );
        let dist = Access::Permission(permissions::DISTRIBUTION_LIST);
        r.route("/verteiler", dist, get(distribution::page).boxed());
        r.route(
            "/verteiler/:file",
            dist,
            get(distribution::download_file).boxed(),
        );
        let inst = Access::Permission(permissions::MANAGE_INSTITUTIONS);
        r.route("/institutionen", inst, get(institutions::list).boxed());
        for edit in [false, true] {
            hih_web::flow::register(r, institutions::InstitutionFlow { edit });
        }
        r.nav(NavEntry {
            label_key: "users-nav-institutions",
            href: "/institutionen",
            permission: Some(permissions::MANAGE_INSTITUTIONS),
            order: 830,
        });
        let me = Access::Authenticated;
        r.route("/profil", me, get(profile::show).boxed());

        r.nav(NavEntry {
            label_key: "users-nav-users",
            href: "/benutzer",
            permission: Some(permissions::MANAGE_USERS),
            order: 800,
        });
        r.nav(NavEntry {
            label_key: "users-nav-overview",
            href: "/benutzeruebersicht",
            permission: Some(permissions::USER_OVERVIEW),
            order: 810,
        });
        r.nav(NavEntry {
            label_key: "users-nav-distribution",
            href: "/verteiler",
            permission: Some(permissions::DISTRIBUTION_LIST),
            order: 820,
        });
        r.nav(NavEntry {
            label_key: "users-nav-profile",
            href: "/profil",
            permission: None,
            order: 990,
        });
        r.tiles(Arc::new(tiles::UsersTiles));

        jobs::register(r);
    }
}
