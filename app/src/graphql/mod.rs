//! The read-only GraphQL endpoint `/api/graphql` (R-API-2), built with seaography over the
//! features' entities: companies, monthly counts (and their lines), applicants,
//! contact-history entries, matches and the selection lists.
//!
//! - Authentication, CSRF for sessions, the rate limit and the body limit are the REST API's
//!   (`/api/` gate in `hih_web::api`): a personal token or the browser session.
//! - Every query of an entity, root field or relation, is filtered by the entity's scoping
//!   function, and a root field needs the permission of the entity's list page
//!   ([`exposed::EXPOSED`], enforced by seaography's lifecycle hooks in [`hooks`]).
//! - Depth, complexity and page size are limited ([`schema`]); introspection is for
//!   administrators ([`INTROSPECTION`]).
//! - Every record read of a logged entity goes to the access log: one `search` entry per
//!   entity and request with the ids read; a refused root field is a `denied` entry.
//! - Answers are `application/graphql-response+json`: 200 when the query ran (field errors
//!   in `errors`), 400 when it did not parse or validate, 403 for introspection without the
//!   right — never a 500; messages are German (English with an English session).

mod exposed;
mod hooks;
mod request;
pub mod schema;

use std::sync::Arc;

use async_graphql::dynamic::Schema;
use hih_kernel::{Access, Feature, Locale, Permission, Registry, Role};
use hih_web::Ctx;
use poem::{Endpoint, EndpointExt, FromRequest, Request, Response};
use tokio::sync::OnceCell;

pub use exposed::{EXPOSED, READ_REFERENCE};

/// Where the endpoint lives.
pub const PATH: &str = "/api/graphql";

/// Who may ask for the schema (`__schema`, `__type`): administrators, like Swagger UI.
pub const INTROSPECTION: Permission = Permission::new(
    "api.graphql.introspection",
    &[Role::Admin, Role::SuperAdmin],
);

/// The GraphQL endpoint as a feature: listed after the REST API (it uses every feature, no
/// feature uses it).
pub struct GraphQlApi;

impl Feature for GraphQlApi {
    fn name(&self) -> &'static str {
        "graphql"
    }

    fn register(&self, r: &mut Registry) {
        r.texts(Locale::De, include_str!("../../../i18n/de/graphql.ftl"));
        r.texts(Locale::En, include_str!("../../../i18n/en/graphql.ftl"));
        r.permission(INTROSPECTION);
        r.permission(READ_REFERENCE);
        let endpoint = GraphQl {
            schema: Arc::new(OnceCell::new()),
        };
        r.route(PATH, Access::Api, endpoint.boxed());
    }
}

/// The endpoint; the schema is built on the first request (it needs the database).
struct GraphQl {
    schema: Arc<OnceCell<Schema>>,
}

impl GraphQl {
    async fn schema(&self, ctx: &Ctx) -> Result<&Schema, async_graphql::dynamic::SchemaError> {
        self.schema
            .get_or_try_init(|| async {
                let services = ctx.services();
                schema::build(services.db.clone(), services.settings.api.max_page_size)
            })
            .await
    }
}

impl Endpoint for GraphQl {
    type Output = Response;

    async fn call(&self, mut req: Request) -> poem::Result<Response> {
        let ctx = Ctx::from_request_without_body(&req).await?;
        let body = req.take_body().into_vec().await.unwrap_or_default();
        let schema = match self.schema(&ctx).await {
            Ok(s) => s,
            Err(error) => {
                tracing::error!(%error, "GraphQL schema");
                return Ok(request::internal(&ctx));
            }
        };
        Ok(request::serve(schema, &ctx, &req, &body).await)
    }
}
