//! Users feature: institutions, staff accounts, login with mandatory TOTP, password policy and
//! reset, user administration, distribution list (R-ACT, R-USR).
//!
//! Everything this feature brings is registered in [`UsersFeature::register`]: routes,
//! templates (`templates/`), texts (`i18n/<locale>/users.ftl`), permissions, jobs, tiles and
//! the actor resolver. Its tables are created by the migration `users_accounts`.

pub mod bootstrap;
pub mod entities;
mod jobs;
pub mod password;
pub mod permissions;
mod resolver;
mod routes;
pub mod service;
#[cfg(feature = "testing")]
pub mod testing;
pub mod totp;
pub mod validate;

use std::sync::Arc;

use hih_i18n::Locale;
use hih_kernel::{Access, Feature, Registry};
use poem::{EndpointExt, get};

/// The feature value listed in `app/src/main.rs`.
pub struct UsersFeature;

const TEMPLATES: [(&str, &str); 9] = [
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
        use routes::{login, password};
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

        jobs::register(r);
    }
}
