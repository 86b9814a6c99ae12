//! Personal API tokens: shown once, stored as a hash, expiry, revocation, deactivated owners,
//! read-only tokens, last use, CSRF for sessions but not for tokens.

use chrono::Duration;
use hih_kernel::Role;
use hih_users::entities::{api_token, user_account};
use hih_users::testing::{agent_for, api_token};
use poem::http::Method;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use super::{call, get, problem};
use crate::app;

/// Every stored text of the tables a secret could leak into.
async fn stored_texts(app: &hih_testkit::TestApp) -> String {
    let mut all = String::new();
    for (table, column) in [
        ("api_token", "secret_hash"),
        ("api_token", "prefix"),
        ("api_token", "name"),
        ("audit_log", "changes"),
        ("session", "data"),
        ("access_log", "detail"),
    ] {
        let rows = app
            .db()
            .query_all_raw(sea_orm::Statement::from_string(
                app.db().get_database_backend(),
                format!("SELECT {column} AS v FROM {table}"),
            ))
            .await
            .unwrap();
        for r in rows {
            let v: Option<String> = r.try_get("", "v").unwrap_or(None);
            all.push_str(&v.unwrap_or_default());
            all.push('\n');
        }
    }
    all
}

use sea_orm::ConnectionTrait;

#[tokio::test]
async fn a_new_token_is_shown_once_and_only_its_hash_is_stored() {
    let app = app().await;
    let (agent, user) = agent_for(&app, Role::IhkStaff, "tok-owner").await;
    let form = agent.get("/profil/api-tokens/neu").await;
    assert_eq!(form.status, 200);
    let until = (app.services().clock.now().date_naive() + Duration::days(30)).to_string();
    let fields = [
        ("name", "Auswertung"),
        ("valid_until", until.as_str()),
        ("read_only", "on"),
    ];
    let review = agent
        .post(
            "/profil/api-tokens/neu",
            &[&fields[..], &[("action", "review")]].concat(),
        )
        .await;
    assert_eq!(review.status, 303);
    let review = agent.follow(review).await;
    assert!(review.contains("Auswertung"));
    let saved = agent
        .post(
            "/profil/api-tokens/neu",
            &[&fields[..], &[("action", "save")]].concat(),
        )
        .await;
    assert_eq!(saved.location(), Some("/profil/api-tokens/erstellt"));
    let shown = agent.get("/profil/api-tokens/erstellt").await;
    assert_eq!(shown.status, 200);
    let secret = shown
        .element_text("api-token-secret")
        .expect("secret shown");
    assert!(secret.starts_with("hih_") && secret.len() > 40, "{secret}");
    assert!(!saved.header("location").unwrap_or("").contains(&secret));

    // Shown once: a reload leads to the list, which shows the prefix only.
    let again = agent.get("/profil/api-tokens/erstellt").await;
    assert_eq!(again.location(), Some("/profil/api-tokens"));
    let list = agent.get("/profil/api-tokens").await;
    assert!(list.contains("Auswertung") && list.contains(&secret[..12]));
    assert!(!list.contains(&secret));

    // At rest: the SHA-256 of the secret, the secret itself nowhere.
    let row = api_token::Entity::find()
        .filter(api_token::Column::UserId.eq(user.id))
        .one(app.db())
        .await
        .unwrap()
        .expect("token stored");
    assert_eq!(row.secret_hash, hih_db::hash_token(&secret));
    assert!(row.read_only);
    assert!(!stored_texts(&app).await.contains(&secret));
    let audit = hih_db::entities::audit_log::Entity::find()
        .filter(hih_db::entities::audit_log::Column::Entity.eq("api_token"))
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(audit.len(), 1, "the creation is audited");

    // The token works, with the owner's scope.
    let anonymous = app.agent();
    let p = get(&anonymous, "/api/v1/companies", &secret).await;
    assert_eq!(p.status, 200, "{}", p.body);
}

#[tokio::test]
async fn expired_revoked_and_deactivated_owners_tokens_are_refused() {
    let app = app().await;
    let owner = hih_users::testing::create_user(app.services(), Role::IhkStaff, "tok-life").await;
    let client = app.agent();
    let (id, secret) = api_token(&app, owner.id, false).await;
    assert_eq!(get(&client, "/api/v1/companies", &secret).await.status, 200);
    problem(
        &get(&client, "/api/v1/companies", "hih_gefaelscht").await,
        401,
        "unauthorized",
    );
    problem(
        &get(&client, "/api/v1/companies", "kein-token").await,
        401,
        "unauthorized",
    );
    let basic = client
        .request(
            Method::GET,
            "/api/v1/companies",
            &[("authorization", "Basic YTpi")],
            Vec::new(),
        )
        .await;
    problem(&basic, 401, "unauthorized");

    // Expiry: valid through its last day, refused from the next midnight.
    app.clock.advance(Duration::days(30));
    assert_eq!(get(&client, "/api/v1/companies", &secret).await.status, 200);
    app.clock.advance(Duration::days(1));
    problem(
        &get(&client, "/api/v1/companies", &secret).await,
        401,
        "unauthorized",
    );

    // Revocation by the owner, with a confirmation page; audited.
    let (_, second) = api_token(&app, owner.id, false).await;
    let second_id = api_token::Entity::find()
        .filter(api_token::Column::SecretHash.eq(hih_db::hash_token(&second)))
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .id;
    assert_ne!(second_id, id);
    assert_eq!(get(&client, "/api/v1/companies", &second).await.status, 200);
    let owner_agent = app.agent();
    hih_users::testing::login(&app, &owner_agent, &owner).await;
    let ask = owner_agent
        .get(&format!("/profil/api-tokens/{second_id}/widerrufen"))
        .await;
    assert_eq!(ask.status, 200);
    let done = owner_agent
        .post(&format!("/profil/api-tokens/{second_id}/widerrufen"), &[])
        .await;
    assert_eq!(done.location(), Some("/profil/api-tokens"));
    problem(
        &get(&client, "/api/v1/companies", &second).await,
        401,
        "unauthorized",
    );
    let revoked = api_token::Entity::find_by_id(second_id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(revoked.revoked_by, Some(owner.id));

    // A deactivated owner's token is refused.
    let (_, third) = api_token(&app, owner.id, false).await;
    assert_eq!(get(&client, "/api/v1/companies", &third).await.status, 200);
    let user = user_account::Entity::find_by_id(owner.id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    let mut am = user.into_active_model();
    am.active = Set(false);
    am.update(app.db()).await.unwrap();
    problem(
        &get(&client, "/api/v1/companies", &third).await,
        401,
        "unauthorized",
    );

    // Refused tokens are in the access log (never their secret).
    let denied = hih_db::entities::access_log::Entity::find()
        .filter(hih_db::entities::access_log::Column::Entity.eq("api_token"))
        .all(app.db())
        .await
        .unwrap();
    assert!(denied.len() >= 5);
    assert!(denied.iter().all(|e| !e.detail.contains(&third)));
}

#[tokio::test]
async fn others_tokens_are_revoked_by_account_managers_only() {
    let app = app().await;
    let (_, owner) = agent_for(&app, Role::IhkStaff, "tok-other").await;
    let (id, secret) = api_token(&app, owner.id, false).await;
    let (stranger, stranger_user) = agent_for(&app, Role::AhkStaff, "tok-stranger").await;
    let path = format!("/profil/api-tokens/{id}/widerrufen");
    assert_eq!(stranger.get(&path).await.status, 404);
    assert_eq!(stranger.post(&path, &[]).await.status, 404);
    let denied = hih_db::entities::access_log::Entity::find()
        .filter(hih_db::entities::access_log::Column::Action.eq("denied"))
        .filter(
            hih_db::entities::access_log::Column::Actor.eq(format!("user:{}", stranger_user.id)),
        )
        .all(app.db())
        .await
        .unwrap();
    assert!(denied.iter().any(|e| e.entity == "api_token"));
    assert!(
        !stranger
            .get("/profil/api-tokens")
            .await
            .contains("Test-Token")
    );
    assert_eq!(stranger.get("/api-tokens").await.status, 403);

    let (admin, admin_user) = agent_for(&app, Role::Admin, "tok-admin").await;
    let all = admin.get("/api-tokens").await;
    assert!(all.contains(&format!("Test-Token {}", owner.id)));
    assert!(!all.contains(&secret));
    assert_eq!(admin.get(&path).await.status, 200);
    let done = admin.post(&path, &[]).await;
    assert_eq!(done.location(), Some("/api-tokens"));
    let revoked = api_token::Entity::find_by_id(id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(revoked.revoked_by, Some(admin_user.id));
    problem(
        &get(&app.agent(), "/api/v1/companies", &secret).await,
        401,
        "unauthorized",
    );
}

#[tokio::test]
async fn read_only_tokens_may_not_write_and_tokens_need_no_csrf() {
    let app = app().await;
    let (_, owner) = agent_for(&app, Role::IhkStaff, "tok-ro").await;
    let client = app.agent();
    let (_, reader) = api_token(&app, owner.id, true).await;
    let (_, writer) = api_token(&app, owner.id, false).await;
    let body = r#"{"name": "Lesetest GmbH"}"#;
    assert_eq!(get(&client, "/api/v1/companies", &reader).await.status, 200);
    for method in [Method::POST, Method::PUT, Method::PATCH, Method::DELETE] {
        let p = call(
            &client,
            method.clone(),
            "/api/v1/companies",
            Some(&reader),
            Some(body),
        )
        .await;
        problem(&p, 403, "read-only-token");
    }
    // A writing token passes without any CSRF token: the form's checks answer (422).
    let p = call(
        &client,
        Method::POST,
        "/api/v1/companies",
        Some(&writer),
        Some(body),
    )
    .await;
    let v = problem(&p, 422, "validation");
    assert!(v["errors"].as_array().is_some_and(|e| !e.is_empty()), "{v}");
}

#[tokio::test]
async fn sessions_need_the_csrf_token_for_unsafe_api_requests() {
    let app = app().await;
    let (agent, _) = agent_for(&app, Role::IhkStaff, "tok-session").await;
    assert_eq!(
        agent.get("/api/v1/companies").await.status,
        200,
        "a session reads"
    );
    let body = r#"{"name": "Sitzungstest GmbH"}"#;
    let p = call(&agent, Method::POST, "/api/v1/companies", None, Some(body)).await;
    let v = problem(&p, 403, "csrf");
    assert!(
        v["detail"]
            .as_str()
            .unwrap()
            .contains("Das Formular ist abgelaufen")
    );
    let wrong = agent
        .request(
            Method::POST,
            "/api/v1/companies",
            &[
                ("content-type", "application/json"),
                ("x-csrf-token", "falsch"),
            ],
            body.as_bytes().to_vec(),
        )
        .await;
    problem(&wrong, 403, "csrf");
    let token = agent.csrf().expect("csrf token of the session");
    let ok = agent
        .request(
            Method::POST,
            "/api/v1/companies",
            &[
                ("content-type", "application/json"),
                ("x-csrf-token", &token),
            ],
            body.as_bytes().to_vec(),
        )
        .await;
    problem(&ok, 422, "validation");
    // Without a session or token: 401, for reads and writes alike.
    let anonymous = app.agent();
    problem(
        &anonymous.get("/api/v1/companies").await,
        401,
        "unauthorized",
    );
}

#[tokio::test]
async fn the_last_use_is_recorded_at_most_once_a_minute() {
    let app = app().await;
    let (_, owner) = agent_for(&app, Role::Admin, "tok-last").await;
    let (id, secret) = api_token(&app, owner.id, false).await;
    let last = || async {
        api_token::Entity::find_by_id(id)
            .one(app.db())
            .await
            .unwrap()
            .unwrap()
            .last_used_at
    };
    assert_eq!(last().await, None);
    let client = app.agent();
    get(&client, "/api/v1/reference-lists", &secret).await;
    let first = last().await.expect("recorded");
    app.clock.advance(Duration::seconds(30));
    get(&client, "/api/v1/reference-lists", &secret).await;
    assert_eq!(last().await, Some(first), "not again within the minute");
    app.clock.advance(Duration::seconds(61));
    get(&client, "/api/v1/reference-lists", &secret).await;
    assert!(last().await.expect("recorded") > first);
}
