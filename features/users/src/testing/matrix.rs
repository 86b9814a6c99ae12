//! Matrix rows of the users feature: login, password, accounts (managers; privileged accounts
//! only by admins), profile and institutions.

use hih_kernel::Role;
use hih_testkit::TestApp;
use hih_testkit::matrix::{Expect::*, Row, admin_only, flow, managers, row};

use super::create_user;

/// The rows (with the accounts they need).
pub async fn rows(app: &TestApp) -> Vec<Row> {
    let target = create_user(app.services(), Role::IhkStaff, "m-target").await;
    let u = |suffix: &str| format!("/benutzer/{}{suffix}", target.id);
    let mut rows = hih_testkit::rows![
        row("/login", "/login", Ok, [Redirect; 5]),
        row("/login/code", "/login/code", Login, [Login; 5]),
        row(
            "/login/totp-einrichten",
            "/login/totp-einrichten",
            Login,
            [Login; 5],
        ),
        row(
            "/login/wiederherstellungscodes",
            "/login/wiederherstellungscodes",
            Redirect,
            [Redirect; 5],
        ),
        row("/logout", "/logout", NotFound, [NotFound; 5]),
        row(
            "/konto/einrichten/unbekannt",
            "/konto/einrichten/:token",
            Gone,
            [Gone; 5],
        ),
        row("/passwort/aendern", "/passwort/aendern", Login, [Ok; 5]),
        row("/passwort/vergessen", "/passwort/vergessen", Ok, [Ok; 5]),
        row(
            "/passwort/zuruecksetzen/unbekannt",
            "/passwort/zuruecksetzen/:token",
            Gone,
            [Gone; 5],
        ),
        row("/benutzer", "/benutzer", Login, managers(Ok)),
        row(
            "/benutzer?q=m-&role=ihk_staff&sort=name&dir=desc&per=40",
            "/benutzer",
            Login,
            managers(Ok),
        ),
        flow("/benutzer/neu", "/benutzer/neu", Login, managers(Ok)),
        row(&u(""), "/benutzer/:id", Login, managers(Ok)),
        row(
            "/benutzer/999999",
            "/benutzer/:id",
            Login,
            managers(NotFound),
        ),
        flow(
            &u("/bearbeiten"),
            "/benutzer/:id/bearbeiten",
            Login,
            managers(Ok)
        ),
        row(
            "/benutzer/999999/bearbeiten",
            "/benutzer/:id/bearbeiten",
            Login,
            managers(NotFound),
        ),
        row(
            &u("/aktion/deaktivieren"),
            "/benutzer/:id/aktion/:what",
            Login,
            managers(Ok),
        ),
        row(
            &u("/aktion/loeschen"),
            "/benutzer/:id/aktion/:what",
            Login,
            managers(Ok),
        ),
        row(
            &u("/aktion/zuruecksetzen"),
            "/benutzer/:id/aktion/:what",
            Login,
            managers(Ok),
        ),
        row(
            &u("/aktion/aktivieren"),
            "/benutzer/:id/aktion/:what",
            Login,
            managers(Ok),
        ),
        row(
            &u("/aktion/unbekannt"),
            "/benutzer/:id/aktion/:what",
            Login,
            managers(NotFound),
        ),
    ];
    // Accounts of privileged roles: the operator reads them but never changes them (finding 1).
    for (role, name) in [
        (Role::Admin, "m-admin-target"),
        (Role::Dpo, "m-dpo-target"),
        (Role::SuperAdmin, "m-op-target"),
    ] {
        let id = create_user(app.services(), role, name).await.id;
        let p = |suffix: &str| format!("/benutzer/{id}{suffix}");
        rows.extend(hih_testkit::rows![
            row(&p(""), "/benutzer/:id", Login, managers(Ok)),
            flow(
                &p("/bearbeiten"),
                "/benutzer/:id/bearbeiten",
                Login,
                admin_only(Ok)
            ),
        ]);
        for what in ["aktivieren", "deaktivieren", "loeschen", "zuruecksetzen"] {
            rows.push(row(
                &p(&format!("/aktion/{what}")),
                "/benutzer/:id/aktion/:what",
                Login,
                admin_only(Ok),
            ));
        }
    }
    rows.extend(hih_testkit::rows![
        row(
            "/benutzeruebersicht",
            "/benutzeruebersicht",
            Login,
            managers(Ok),
        ),
        row("/verteiler", "/verteiler", Login, managers(Ok)),
        row(
            "/verteiler/verteiler.csv",
            "/verteiler/:file",
            Login,
            managers(Ok),
        ),
        row(
            "/verteiler/verteiler.xlsx",
            "/verteiler/:file",
            Login,
            managers(Ok),
        ),
        row(
            "/verteiler/anderes.pdf",
            "/verteiler/:file",
            Login,
            managers(NotFound),
        ),
        row("/profil", "/profil", Login, [Ok; 5]),
        flow("/profil/bearbeiten", "/profil/bearbeiten", Login, [Ok; 5]),
        row("/institutionen", "/institutionen", Login, admin_only(Ok)),
        flow(
            "/institutionen/neu",
            "/institutionen/neu",
            Login,
            admin_only(Ok)
        ),
        flow(
            "/institutionen/1",
            "/institutionen/:id",
            Login,
            admin_only(Ok)
        ),
        row(
            "/institutionen/999",
            "/institutionen/:id",
            Login,
            admin_only(NotFound),
        ),
        row(
            "/institutionen/999/abbrechen",
            "/institutionen/:id/abbrechen",
            Login,
            admin_only(NotFound),
        ),
        row(
            "/passwort/aendern/bestaetigen",
            "/passwort/aendern/bestaetigen",
            Login,
            [Redirect; 5],
        ),
    ]);
    rows.extend(api_token_rows(app, target.id).await);
    rows
}

/// Personal API tokens: everyone's own pages; a token of another user only account managers
/// may revoke (404 for the others, logged).
async fn api_token_rows(app: &TestApp, owner: i64) -> Vec<Row> {
    let token = crate::testing::api_token(app, owner, false).await.0;
    let revoke = format!("/profil/api-tokens/{token}/widerrufen");
    hih_testkit::rows![
        row("/profil/api-tokens", "/profil/api-tokens", Login, [Ok; 5]),
        flow(
            "/profil/api-tokens/neu",
            "/profil/api-tokens/neu",
            Login,
            [Ok; 5]
        ),
        row(
            "/profil/api-tokens/erstellt",
            "/profil/api-tokens/erstellt",
            Login,
            [Redirect; 5],
        ),
        row(
            &revoke,
            "/profil/api-tokens/:id/widerrufen",
            Login,
            [Ok, Ok, NotFound, NotFound, NotFound],
        ),
        row(
            "/profil/api-tokens/999999/widerrufen",
            "/profil/api-tokens/:id/widerrufen",
            Login,
            [NotFound; 5],
        ),
        row("/api-tokens", "/api-tokens", Login, managers(Ok)),
    ]
}
