//! Users feature: institutions, staff accounts, login with mandatory TOTP, password policy and
//! reset, user administration, distribution list (R-ACT, R-USR).
//!
//! Everything this feature brings is registered in [`UsersFeature::register`]: routes,
//! templates (`templates/`), texts (`i18n/<locale>/users.ftl`), permissions, jobs, tiles and
//! the actor resolver. Its tables are created by the migration `users_accounts`.

pub mod api_tokens;
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

use hih_kernel::{Access, Registry};
use poem::{EndpointExt, get};

hih_kernel::feature! {
    /// The feature value listed in `app/src/main.rs`.
    pub struct UsersFeature = "users", register, guest_texts;
}

/// Registers the feature's routes, templates, permissions and hooks (after its texts).
fn register(r: &mut Registry) {
    use routes::account_form::{self, AccountKind};
    use routes::{accounts, accounts_list, distribution, institutions, login, password, profile};
    hih_kernel::templates!(
        r,
        "users/",
        "../templates/",
        [
            "institutions.html",
            "institution_form.html",
            "institution_review.html",
            "list.html",
            "detail.html",
            "form.html",
            "review.html",
            "confirm.html",
            "overview.html",
            "distribution.html",
            "profile.html",
            "login.html",
            "code.html",
            "totp_enrol.html",
            "recovery_codes.html",
            "setup.html",
            "password_change.html",
            "password_confirm.html",
            "forgot.html",
            "reset.html",
            "link_invalid.html",
            "api_tokens.html",
            "api_token_form.html",
            "api_token_review.html",
            "api_token_created.html",
            "api_token_revoke.html"
        ]
    );
    for p in permissions::ALL {
        r.permission(p);
    }
    r.actor_resolver(Arc::new(resolver::Resolver));
    r.audit_entity("user");
    r.audit_entity("institution");
    r.audit_entity("api_token");

    let public = Access::Public;
    r.routes(
        public,
        [
            (
                "/login",
                get(login::login_form).post(login::login_submit).boxed(),
            ),
            (
                "/login/code",
                get(login::code_form).post(login::code_submit).boxed(),
            ),
            (
                "/login/totp-einrichten",
                get(login::enrol_form).post(login::enrol_submit).boxed(),
            ),
            (
                "/login/wiederherstellungscodes",
                get(login::recovery_codes).boxed(),
            ),
            ("/logout", poem::post(login::logout).boxed()),
            (
                "/konto/einrichten/:token",
                get(password::setup_form)
                    .post(password::setup_submit)
                    .boxed(),
            ),
            (
                "/passwort/aendern",
                get(password::change_form)
                    .post(password::change_submit)
                    .boxed(),
            ),
            (
                "/passwort/aendern/bestaetigen",
                get(password::confirm_form)
                    .post(password::confirm_submit)
                    .boxed(),
            ),
            (
                "/passwort/vergessen",
                get(password::forgot_form)
                    .post(password::forgot_submit)
                    .boxed(),
            ),
            (
                "/passwort/zuruecksetzen/:token",
                get(password::reset_form)
                    .post(password::reset_submit)
                    .boxed(),
            ),
        ],
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
    r.routes(
        dist,
        [
            ("/verteiler", get(distribution::page).boxed()),
            ("/verteiler/:file", get(distribution::download_file).boxed()),
        ],
    );
    let inst = Access::Permission(permissions::MANAGE_INSTITUTIONS);
    r.route("/institutionen", inst, get(institutions::list).boxed());
    for edit in [false, true] {
        hih_web::flow::register(r, institutions::InstitutionFlow { edit });
    }
    r.menu(
        "users-nav-institutions",
        "/institutionen",
        Some(permissions::MANAGE_INSTITUTIONS),
        hih_kernel::NavGroup::Manage,
        830,
    );
    let me = Access::Authenticated;
    r.route("/profil", me, get(profile::show).boxed());
    register_api_tokens(r);

    r.menu(
        "users-nav-users",
        "/benutzer",
        Some(permissions::MANAGE_USERS),
        hih_kernel::NavGroup::Manage,
        800,
    );
    r.menu(
        "users-nav-overview",
        "/benutzeruebersicht",
        Some(permissions::USER_OVERVIEW),
        hih_kernel::NavGroup::Manage,
        810,
    );
    r.menu(
        "users-nav-distribution",
        "/verteiler",
        Some(permissions::DISTRIBUTION_LIST),
        hih_kernel::NavGroup::Manage,
        820,
    );
    r.menu(
        "users-nav-profile",
        "/profil",
        None,
        hih_kernel::NavGroup::Account,
        990,
    );
    r.tiles(Arc::new(tiles::UsersTiles));

    jobs::register(r);
}

/// Personal API tokens (R-API-1): the owner's pages on the profile, everyone's for account
/// managers.
fn register_api_tokens(r: &mut Registry) {
    use api_tokens::routes::{self as tokens, ALL_LIST, CREATED, OWN_LIST, TokenFlow};
    let me = Access::Authenticated;
    r.route(OWN_LIST, me, get(tokens::own_list).boxed());
    hih_web::flow::register(r, TokenFlow);
    r.route(CREATED, me, get(tokens::created).boxed());
    r.route(
        "/profil/api-tokens/:id/widerrufen",
        me,
        get(tokens::revoke_form).post(tokens::revoke_submit).boxed(),
    );
    r.route(
        ALL_LIST,
        Access::Permission(permissions::MANAGE_USERS),
        get(tokens::all_list).boxed(),
    );
    r.menu(
        "users-nav-api-tokens",
        ALL_LIST,
        Some(permissions::MANAGE_USERS),
        hih_kernel::NavGroup::Manage,
        825,
    );
}
