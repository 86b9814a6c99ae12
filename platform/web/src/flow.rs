//! One form flow for every create and edit page (R-GEN-1, R-GEN-2): an entity supplies its
//! scoped load, its initial form, how a submission is read and checked, what saving does and the
//! data its pages show; [`register`] adds the routes and owns everything else, so every flow
//! behaves the same, without JavaScript:
//!
//! | request | what happens |
//! |---|---|
//! | `GET  <path>` | the form, from the draft if one is kept, else from the record ([`FormFlow::initial`]); errors of the last attempt next to their fields |
//! | `POST <path>` `action=review` | checked; errors → kept with the draft, back to the form (POST-redirect-GET); else → the review page |
//! | `GET  <path>/pruefen` | the review page: the values as they will be saved, "save" and "back to the form" |
//! | `POST <path>` `action=save` | checked again, saved in one unit of work, draft discarded, flash, → [`Saved::to`] |
//! | `POST <path>` `action=edit` | back to the form, draft kept (so are the browser's back and forward buttons) |
//! | `POST <path>` `action=cancel` | draft kept, → `GET <path>/abbrechen`: "discard your input?" |
//! | `POST <path>/abbrechen` | draft discarded, → [`FormFlow::cancel_target`] |
//!
//! Every request first loads the record through the flow's scoped load: a record outside the
//! caller's scope answers 404 and is written to the access log on every one of these routes.
//! Drafts live in the session under the flow's name and the path arguments, so two tabs with
//! two records keep two drafts.

use std::sync::Arc;

use async_trait::async_trait;
use hih_db::UnitOfWork;
use hih_kernel::{Access, AppError, FieldErrors, FlowInfo, Registry};
use minijinja::Value;
use minijinja::context;
use minijinja::value::Serde;
use poem::web::Form;
use poem::{EndpointExt, FromRequest, Request, Response, get};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{Ctx, WebError, WebResult, draft};

/// The path arguments of one request to a flow (`:id`, `:period`), in the pattern's order, and
/// its query parameters (which choose a new record's defaults, never which draft is kept).
#[derive(Debug, Clone, Default)]
pub struct FlowArgs(Vec<(String, String)>, Vec<(String, String)>);

impl FlowArgs {
    /// Reads the arguments the `pattern` names from the request.
    fn of(pattern: &str, req: &Request) -> Self {
        FlowArgs(
            pattern
                .split('/')
                .filter_map(|s| s.strip_prefix(':'))
                .map(|name| {
                    let value = req.raw_path_param(name).unwrap_or_default().to_string();
                    (name.to_string(), value)
                })
                .collect(),
            req.uri()
                .query()
                .and_then(|q| serde_urlencoded::from_str(q).ok())
                .unwrap_or_default(),
        )
    }

    /// Arguments given directly (tests, links).
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Self {
        FlowArgs(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            Vec::new(),
        )
    }

    /// A query parameter (`?art=company`), if given.
    pub fn query(&self, name: &str) -> Option<&str> {
        self.1
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// An argument as text; a missing one answers 404.
    pub fn text(&self, name: &str) -> WebResult<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .ok_or(WebError(AppError::NotFound))
    }

    /// An argument as a record id; a missing or malformed one answers 404 (like every `:id`).
    pub fn id(&self, name: &str) -> WebResult<i64> {
        self.text(name)?
            .parse::<i64>()
            .map_err(|_| WebError(AppError::NotFound))
    }

    /// The pattern with the arguments filled in (`/unternehmen/:id/bearbeiten` → `/unternehmen/7/bearbeiten`).
    pub fn fill(&self, pattern: &str) -> String {
        pattern
            .split('/')
            .map(|segment| match segment.strip_prefix(':') {
                Some(name) => self.text(name).unwrap_or_default().to_string(),
                None => segment.to_string(),
            })
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The draft key of a flow for these arguments.
    fn draft_key(&self, flow: &str) -> String {
        let mut key = format!("flow:{flow}");
        for (_, value) in &self.0 {
            key.push(':');
            key.push_str(value);
        }
        key
    }
}

/// Why a submission was not accepted: the messages next to the fields and, optionally, a
/// notice the form shows above them (a possible duplicate, with what the caller may know of it).
#[derive(Debug, Default)]
pub struct Rejected {
    /// Field errors (German text keys).
    pub errors: FieldErrors,
    /// Extra data for the form page (`notice` in its context), kept until the next check.
    pub notice: Option<serde_json::Value>,
}

impl From<FieldErrors> for Rejected {
    fn from(errors: FieldErrors) -> Self {
        Rejected {
            errors,
            notice: None,
        }
    }
}

/// The outcome of a check: the checked input, or why it was refused.
pub type Checked<V> = Result<V, Rejected>;

/// Where a successful save leads and what the flash message says.
#[derive(Debug, Clone)]
pub struct Saved {
    /// The page to show next (the record, usually).
    pub to: String,
    /// Text key of the flash message.
    pub flash: &'static str,
}

/// Which page of the flow is being rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    /// The form.
    Form,
    /// The review page before saving.
    Review,
}

/// What a flow's pages get besides the flow's own data.
pub struct PageState<'a, F: FormFlow + ?Sized> {
    /// The path arguments.
    pub args: &'a FlowArgs,
    /// The loaded record.
    pub record: &'a F::Record,
    /// The form as it stands.
    pub form: &'a F::Form,
    /// Form or review.
    pub step: Step,
    /// The notice of the last check, if any.
    pub notice: Option<&'a serde_json::Value>,
}

impl<F: FormFlow + ?Sized> PageState<'_, F> {
    /// The notice's value under `key` as a record id (`{"duplicate": 7}` → `Some(7)`).
    pub fn notice_id(&self, key: &str) -> Option<i64> {
        self.notice
            .and_then(|n| n.get(key))
            .and_then(serde_json::Value::as_i64)
    }
}

/// Choices `(code, label)` in the form macros' `(code, "", label)` shape (no hint).
pub fn select_options(options: &[(String, String)]) -> Vec<(String, String, String)> {
    options
        .iter()
        .map(|(code, label)| (code.clone(), String::new(), label.clone()))
        .collect()
}

/// Where a create-or-edit flow of an area leads: the record's page `<area>/<id>` once there is
/// a record, else the area's start page.
pub fn record_or_area(area: &str, id: Option<i64>) -> String {
    match id {
        Some(id) => format!("{area}/{id}"),
        None => area.to_string(),
    }
}

/// One create or edit flow. Implementations hold no per-request state; one value serves every
/// request (`register` keeps it in an `Arc`).
#[async_trait]
pub trait FormFlow: Send + Sync + 'static {
    /// The record being changed, loaded in the caller's scope (`Option<Model>` for a flow that
    /// creates and edits, the parent record for one that adds to it, `()` for none).
    type Record: Send + Sync;
    /// The form as typed, kept as the draft between pages.
    type Form: Serialize + DeserializeOwned + Send + Sync;
    /// The checked input [`FormFlow::save`] takes.
    type Valid: Send;

    /// What the flow is: name, path, access rule and templates.
    fn spec(&self) -> FlowSpec;

    /// Loads the record the flow works on, in the caller's scope: outside it, answer with
    /// [`Ctx::not_found_in_scope`] (404, access-logged); not allowed to change it, 403.
    async fn load(&self, ctx: &Ctx, args: &FlowArgs) -> WebResult<Self::Record>;
    /// The form when no draft is kept (the record's values, or the defaults of a new one).
    async fn initial(&self, ctx: &Ctx, record: &Self::Record) -> WebResult<Self::Form>;
    /// Reads a submission (unknown fields are ignored, missing ones are empty).
    fn read(&self, record: &Self::Record, pairs: &[(String, String)]) -> Self::Form;
    /// Checks a submission.
    async fn check(
        &self,
        ctx: &Ctx,
        record: &Self::Record,
        form: &Self::Form,
    ) -> WebResult<Checked<Self::Valid>>;
    /// Saves checked input inside the unit of work (committed by the flow afterwards).
    async fn save(
        &self,
        ctx: &Ctx,
        uow: &mut UnitOfWork,
        record: &Self::Record,
        valid: Self::Valid,
    ) -> WebResult<Saved>;
    /// Runs after the save is committed (a cache to refresh, say); nothing by default.
    async fn after_save(&self, _ctx: &Ctx) -> WebResult<()> {
        Ok(())
    }
    /// Where "discard" leads: the record's page, or the area's start page for a new one.
    fn cancel_target(&self, args: &FlowArgs, record: &Self::Record) -> String;
    /// The page's own context (choices, labels, headings); the flow adds `f` (the form),
    /// `action`, `step`, `notice` and the errors.
    async fn page(&self, ctx: &Ctx, state: PageState<'_, Self>) -> WebResult<Value>;
}

/// What a form flow is, apart from what it does: one value instead of four methods.
#[derive(Debug, Clone, Copy)]
pub struct FlowSpec {
    /// Stable name: part of the draft key, and how tests and the flow list name it.
    pub name: &'static str,
    /// The form page's path pattern (`/unternehmen/:id/bearbeiten`); the review and cancel
    /// pages are `<path>/pruefen` and `<path>/abbrechen`.
    pub path: &'static str,
    /// Who may reach the flow's routes at all (finer checks belong in [`FormFlow::load`]).
    pub access: Access,
    /// Templates of the form and of the review page.
    pub templates: (&'static str, &'static str),
}

/// The name or path of a flow that creates a record or edits one: `new` for the first, `edited`
/// for the second (`name: new_or_edit(self.edit, "x-new", "x-edit")` in [`FormFlow::spec`]).
pub fn new_or_edit(edit: bool, new: &'static str, edited: &'static str) -> &'static str {
    if edit { edited } else { new }
}

/// Loads the record of a flow that creates or edits: `None` when creating, otherwise what
/// `load` finds (in the caller's scope).
pub async fn edited<T>(
    edit: bool,
    load: impl Future<Output = WebResult<T>>,
) -> WebResult<Option<T>> {
    if edit {
        Ok(Some(load.await?))
    } else {
        Ok(None)
    }
}

/// Adds a flow's routes (form, review, cancel) and lists it for the shared flow tests.
pub fn register<F: FormFlow>(r: &mut Registry, flow: F) {
    let flow = Arc::new(flow);
    let FlowSpec {
        name, path, access, ..
    } = flow.spec();
    r.form_flow(FlowInfo { name, path });
    r.route(
        path,
        access,
        get(endpoint(&flow, Route::Form))
            .post(endpoint(&flow, Route::Submit))
            .boxed(),
    );
    r.route(
        &format!("{path}/pruefen"),
        access,
        get(endpoint(&flow, Route::Review)).boxed(),
    );
    r.route(
        &format!("{path}/abbrechen"),
        access,
        get(endpoint(&flow, Route::AskCancel))
            .post(endpoint(&flow, Route::ConfirmCancel))
            .boxed(),
    );
}

/// The flow's routes.
#[derive(Debug, Clone, Copy)]
enum Route {
    Form,
    Submit,
    Review,
    AskCancel,
    ConfirmCancel,
}

/// The loaded state of one request.
struct Visit<F: FormFlow> {
    ctx: Ctx,
    args: FlowArgs,
    record: F::Record,
    /// Session key of the draft.
    key: String,
    /// The form page's concrete path.
    base: String,
}

/// One route of a flow as a poem endpoint: reads the context and the arguments, loads the
/// record in scope (404 otherwise, on every route), then runs the route.
fn endpoint<F: FormFlow>(
    flow: &Arc<F>,
    route: Route,
) -> impl poem::Endpoint<Output = Response> + use<F> {
    let flow = flow.clone();
    poem::endpoint::make(move |req: Request| {
        let flow = flow.clone();
        async move {
            let (req, mut body) = req.split();
            let ctx = Ctx::from_request(&req, &mut body).await?;
            let args = FlowArgs::of(flow.spec().path, &req);
            let record = flow.load(&ctx, &args).await?;
            let visit = Visit {
                key: args.draft_key(flow.spec().name),
                base: args.fill(flow.spec().path),
                ctx,
                args,
                record,
            };
            let answer = match route {
                Route::Form => show(&*flow, &visit, Step::Form).await,
                Route::Review => show(&*flow, &visit, Step::Review).await,
                Route::Submit => {
                    let pairs = Form::<Vec<(String, String)>>::from_request(&req, &mut body)
                        .await?
                        .0;
                    submit(&*flow, &visit, &pairs).await
                }
                Route::AskCancel => ask_cancel(&visit).await,
                Route::ConfirmCancel => confirm_cancel(&*flow, &visit),
            };
            answer.map_err(poem::Error::from)
        }
    })
}

fn notice_key(key: &str) -> String {
    format!("{key}:notice")
}

/// The form or the review page. The review page without a draft (opened directly, or after
/// saving) goes back to the form.
async fn show<F: FormFlow>(flow: &F, v: &Visit<F>, step: Step) -> WebResult {
    let ctx = &v.ctx;
    let stored = draft::load::<F::Form>(ctx, &v.key);
    if step == Step::Review && stored.is_none() {
        return ctx.redirect(&v.base);
    }
    let form = match stored {
        Some(f) => f,
        None => flow.initial(ctx, &v.record).await?,
    };
    let errors = match step {
        Step::Form => draft::take_errors(ctx, &v.key),
        Step::Review => FieldErrors::new(),
    };
    let notice: Option<serde_json::Value> = draft::load(ctx, &notice_key(&v.key));
    let own = flow
        .page(
            ctx,
            PageState {
                args: &v.args,
                record: &v.record,
                form: &form,
                step,
                notice: notice.as_ref(),
            },
        )
        .await?;
    let page = context! {
        f => Serde(&form),
        action => v.base.clone(),
        step => Serde(step),
        notice => Serde(&notice),
        ..own
    };
    let (form_template, review_template) = flow.spec().templates;
    let template = match step {
        Step::Form => form_template,
        Step::Review => review_template,
    };
    ctx.render_form(template, &errors, page).await
}

/// A submission from the form or the review page.
async fn submit<F: FormFlow>(flow: &F, v: &Visit<F>, pairs: &[(String, String)]) -> WebResult {
    let ctx = &v.ctx;
    let action = pairs
        .iter()
        .find(|(k, _)| k == "action")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    let form = flow.read(&v.record, pairs);
    match action {
        "review" | "save" => {
            let valid = match flow.check(ctx, &v.record, &form).await? {
                Ok(valid) => valid,
                Err(rejected) => {
                    draft::store(ctx, &v.key, &form);
                    // The summary lists the messages in the form's order: the browser
                    // submits the fields in document order.
                    let errors = rejected
                        .errors
                        .in_field_order(pairs.iter().map(|(k, _)| k.as_str()));
                    draft::store_errors(ctx, &v.key, &errors);
                    match rejected.notice {
                        Some(n) => draft::store(ctx, &notice_key(&v.key), &n),
                        None => draft::discard(ctx, &notice_key(&v.key)),
                    }
                    return ctx.redirect(&v.base);
                }
            };
            draft::discard(ctx, &notice_key(&v.key));
            if action == "review" {
                draft::store(ctx, &v.key, &form);
                return ctx.redirect(&format!("{}/pruefen", v.base));
            }
            let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
            let saved = flow.save(ctx, &mut uow, &v.record, valid).await?;
            uow.commit().await?;
            flow.after_save(ctx).await?;
            draft::discard(ctx, &v.key);
            ctx.session.flash(saved.flash);
            ctx.redirect(&saved.to)
        }
        "cancel" => {
            draft::store(ctx, &v.key, &form);
            ctx.redirect(&format!("{}/abbrechen", v.base))
        }
        // "edit" (back from the review page) and anything else: back to the form, input kept.
        _ => {
            draft::store(ctx, &v.key, &form);
            ctx.redirect(&v.base)
        }
    }
}

/// "Discard your input?" — yes discards, no returns to the form with the input kept.
async fn ask_cancel<F: FormFlow>(v: &Visit<F>) -> WebResult {
    v.ctx
        .render(
            "platform/cancel.html",
            context! { back => v.base.clone(), discard_action => format!("{}/abbrechen", v.base) },
        )
        .await
}

/// Discards the draft and leaves the flow.
fn confirm_cancel<F: FormFlow>(flow: &F, v: &Visit<F>) -> WebResult {
    draft::discard(&v.ctx, &v.key);
    draft::discard(&v.ctx, &notice_key(&v.key));
    v.ctx.redirect(&flow.cancel_target(&v.args, &v.record))
}

/// Reads a submission into a form whose fields are single values with serde defaults (the
/// usual [`FormFlow::read`]); unknown fields such as `action` are ignored, and a submission
/// that does not fit the form's shape reads as the empty form.
pub fn read_fields<T: DeserializeOwned + Default>(pairs: &[(String, String)]) -> T {
    serde_urlencoded::to_string(pairs)
        .ok()
        .and_then(|encoded| serde_urlencoded::from_str(&encoded).ok())
        .unwrap_or_default()
}

/// A service's verdict as a check: validation errors refuse the submission, any other error
/// stays an error.
pub fn checked<V>(verdict: Result<V, AppError>) -> WebResult<Checked<V>> {
    match verdict {
        Ok(valid) => Ok(Ok(valid)),
        Err(AppError::Validation(errors)) => Ok(Err(errors.into())),
        Err(other) => Err(WebError(other)),
    }
}
