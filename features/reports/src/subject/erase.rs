//! Immediate physical erasure of a person (R-RET-2, GDPR Art. 17; admins only), in one unit of
//! work. Rows without a foreign key to the person (notifications naming it, invitations and
//! self-registration data) are erased one by one first. Then the person's own row is erased
//! through the unit of work — which runs the statistics folds (R-RET-3) while status history,
//! contact entries, matches and district access still exist, so the anonymous counters get
//! the complete contribution — and the foreign-key cascade removes those dependent rows in the
//! same statement; each of them gets its own audit entry. Every audit entry of the erasure
//! names the fields only, never their values (`UnitOfWork::erase`), and one `erase` event holds
//! the reason and the counts. What happens to older log entries: `ops/security.md`.

use std::collections::BTreeMap;

use hih_applicants::entities::applicant_status_change::Column as ApplicantHistory;
use hih_applicants::entities::{applicant, applicant_access, invitation, pending_registration};
use hih_companies::entities::company;
use hih_companies::entities::company_status_change::Column as CompanyHistory;
use hih_contact_history::entities::contact_entry::Column as Entry;
use hih_db::{Auditable, UnitOfWork};
use hih_kernel::{AppError, FieldErrors};
use hih_matching::entities::placement;
use hih_notify::entity as notification;
use hih_web::minijinja::context;
use hih_web::{Ctx, WebResult, draft};
use poem::handler;
use poem::web::{Form, Path};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::collect::{self, ERASABLE};
use super::person::{self, Kind, Person, Record};

/// Longest accepted reason.
const REASON_MAX: usize = 500;

/// Rows removed per section key (`status_history`, `matches`, …).
pub type Counts = BTreeMap<&'static str, u64>;

/// The audit description of a row removed by the cascade: its non-empty fields, masked.
fn masked<T: Serialize>(m: &T) -> Value {
    let mut out = Map::new();
    if let Ok(Value::Object(o)) = serde_json::to_value(m) {
        for (k, v) in o {
            if !v.is_null() && k != "search_text" {
                out.insert(k, serde_json::json!(["***", null]));
            }
        }
    }
    Value::Object(out)
}

fn record_cascaded<T: Serialize + Auditable>(uow: &mut UnitOfWork, rows: &[T]) -> u64 {
    for r in rows {
        uow.event(T::ENTITY, &r.audit_id(), "delete", masked(r));
    }
    rows.len() as u64
}

/// The rows of `E` that hang on the person through `column`: loaded before the person's row is
/// erased, gone with it by the foreign-key cascade.
struct Dependants<E: EntityTrait> {
    /// Section key of the counts.
    key: &'static str,
    column: E::Column,
    rows: Vec<E::Model>,
}

impl<E> Dependants<E>
where
    E: EntityTrait,
    E::Model: Serialize + Auditable + Sync,
{
    /// Loads the rows of `E` whose `column` is `id`.
    async fn load(
        uow: &UnitOfWork,
        key: &'static str,
        column: E::Column,
        id: i64,
    ) -> Result<Self, AppError> {
        let rows = E::find().filter(column.eq(id)).all(uow.txn()).await?;
        Ok(Self { key, column, rows })
    }

    /// After the person's row is erased: gives each removed row its audit entry, counts them,
    /// and checks the cascade removed every one (anything left aborts the erasure).
    async fn settle(
        self,
        uow: &mut UnitOfWork,
        id: i64,
        counts: &mut Counts,
    ) -> Result<(), AppError> {
        counts.insert(self.key, record_cascaded(uow, &self.rows));
        let left = E::find()
            .filter(self.column.eq(id))
            .count(uow.txn())
            .await?;
        if left == 0 {
            Ok(())
        } else {
            Err(AppError::Internal(format!(
                "erasure left {left} dependent rows"
            )))
        }
    }
}

/// The rows hanging on the person `id` through `column` (the entity follows from the column).
async fn dependants<C>(
    uow: &UnitOfWork,
    key: &'static str,
    column: C,
    id: i64,
) -> Result<Dependants<C::EntityName>, AppError>
where
    C: ColumnTrait,
    C::EntityName: EntityTrait<Column = C>,
    <C::EntityName as EntityTrait>::Model: Serialize + Auditable + Sync,
{
    Dependants::load(uow, key, column, id).await
}

async fn erase_notifications(
    uow: &mut UnitOfWork,
    kind: Kind,
    id: i64,
    registrations: &[i64],
) -> Result<u64, AppError> {
    let notes = notification::Entity::find()
        .filter(person::notifications_about(kind, id, registrations))
        .all(uow.txn())
        .await?;
    let n = notes.len() as u64;
    for note in notes {
        uow.erase::<notification::ActiveModel>(note).await?;
    }
    Ok(n)
}

async fn erase_applicant(uow: &mut UnitOfWork, a: applicant::Model) -> Result<Counts, AppError> {
    let id = a.id;
    let mut counts = Counts::new();
    let invitations = person::invitations_of(uow.txn(), &a).await?;
    let registrations = pending_registration::Entity::find()
        .filter(pending_registration::Column::InvitationId.is_in(invitations.iter().map(|i| i.id)))
        .all(uow.txn())
        .await?;
    let registration_ids: Vec<i64> = registrations.iter().map(|p| p.id).collect();
    counts.insert(
        "notifications",
        erase_notifications(uow, Kind::Applicant, id, &registration_ids).await?,
    );
    counts.insert("registrations", registrations.len() as u64);
    for p in registrations {
        uow.erase::<pending_registration::ActiveModel>(p).await?;
    }
    counts.insert("invitations", invitations.len() as u64);
    for i in invitations {
        uow.erase::<invitation::ActiveModel>(i).await?;
    }
    let history = dependants(uow, "status_history", ApplicantHistory::ApplicantId, id).await?;
    let entries = dependants(uow, "contact_entries", Entry::ApplicantId, id).await?;
    let matches = dependants(uow, "matches", placement::Column::ApplicantId, id).await?;
    let access = dependants(uow, "access", applicant_access::Column::ApplicantId, id).await?;
    uow.erase::<applicant::ActiveModel>(a).await?;
    counts.insert("record", 1);
    history.settle(uow, id, &mut counts).await?;
    entries.settle(uow, id, &mut counts).await?;
    matches.settle(uow, id, &mut counts).await?;
    access.settle(uow, id, &mut counts).await?;
    Ok(counts)
}

async fn erase_company(uow: &mut UnitOfWork, c: company::Model) -> Result<Counts, AppError> {
    let id = c.id;
    let mut counts = Counts::new();
    counts.insert(
        "notifications",
        erase_notifications(uow, Kind::Company, id, &[]).await?,
    );
    let history = dependants(uow, "status_history", CompanyHistory::CompanyId, id).await?;
    let entries = dependants(uow, "contact_entries", Entry::CompanyId, id).await?;
    let matches = dependants(uow, "matches", placement::Column::CompanyId, id).await?;
    uow.erase::<company::ActiveModel>(c).await?;
    counts.insert("record", 1);
    history.settle(uow, id, &mut counts).await?;
    entries.settle(uow, id, &mut counts).await?;
    matches.settle(uow, id, &mut counts).await?;
    Ok(counts)
}

/// Erases `person` and everything stored about it (except the logs) in `uow`, and records
/// the `erase` event with `reason` and the counts. Returns the counts.
pub async fn erase(uow: &mut UnitOfWork, person: Person, reason: &str) -> Result<Counts, AppError> {
    let (kind, id) = (person.kind, person.id);
    let counts = match person.record {
        Record::Applicant(a) => erase_applicant(uow, a).await?,
        Record::Company(c) => erase_company(uow, c).await?,
    };
    uow.event(
        kind.entity(),
        &id.to_string(),
        "erase",
        serde_json::json!({ "reason": reason, "counts": counts }),
    );
    Ok(counts)
}

// ---- pages ------------------------------------------------------------------------------------

/// What the confirmation form keeps between a refused submit and the form shown again.
#[derive(Debug, Default, Serialize, Deserialize)]
struct EraseForm {
    reason: String,
}

fn draft_key(kind: Kind, id: i64) -> String {
    format!("subject:erase:{}:{id}", kind.entity())
}

async fn load(ctx: &Ctx, kind: Kind, id: i64) -> WebResult<Person> {
    match person::load(&ctx.services().db, kind, id).await? {
        Some(p) => Ok(p),
        None => Err(ctx.not_found_in_scope(kind.entity(), &id.to_string()).await),
    }
}

async fn confirm_page(ctx: &Ctx, kind: Kind, id: i64) -> WebResult {
    let person = load(ctx, kind, id).await?;
    let title = person.title.clone();
    let report = collect::report(&ctx.services().db, person).await?;
    let counts: Vec<(String, usize)> = ERASABLE
        .iter()
        .map(|k| (format!("reports-subject-section-{k}"), report.count(k)))
        .collect();
    let key = draft_key(kind, id);
    let form = draft::load::<EraseForm>(ctx, &key).unwrap_or_default();
    let errors = draft::take_errors(ctx, &key);
    ctx.render_form(
        "reports/subject/erase.html",
        &errors,
        context! {
            title => title,
            counts => counts,
            audit_count => report.count("audit"),
            access_count => report.count("access_log"),
            reason => form.reason,
            action => format!("{}/loeschen", kind.href(id)),
            back => kind.href(id),
        },
    )
    .await
}

async fn submit(ctx: &Ctx, kind: Kind, id: i64, pairs: &[(String, String)]) -> WebResult {
    let reason = pairs
        .iter()
        .find(|(k, _)| k == "reason")
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_default();
    let key = draft_key(kind, id);
    let mut errors = FieldErrors::new();
    if reason.is_empty() {
        errors.add("reason", "reports-subject-reason-required");
    } else if let Some(("form-error-control", max)) = hih_kernel::text_problem(&reason, true) {
        errors.add_with("reason", "form-error-control", &[("max", max.to_string())]);
    } else if reason.chars().count() > REASON_MAX {
        errors.add_with(
            "reason",
            "reports-subject-reason-too-long",
            &[("max", REASON_MAX.to_string())],
        );
    }
    if !errors.is_empty() {
        load(ctx, kind, id).await?;
        draft::store(ctx, &key, &EraseForm { reason });
        draft::store_errors(ctx, &key, &errors);
        return ctx.redirect(&format!("{}/loeschen", kind.href(id)));
    }
    let mut uow = hih_db::UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    let Some(person) = person::load(uow.txn(), kind, id).await? else {
        drop(uow);
        return Err(ctx.not_found_in_scope(kind.entity(), &id.to_string()).await);
    };
    erase(&mut uow, person, &reason).await?;
    uow.commit().await?;
    draft::discard(ctx, &key);
    ctx.session.flash("reports-subject-erased");
    ctx.redirect("/auskunft")
}

/// Confirmation page before erasing an applicant.
#[handler]
pub async fn applicant_form(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    confirm_page(&ctx, Kind::Applicant, id).await
}

/// Erases a confirmed applicant.
#[handler]
pub async fn applicant_submit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    submit(&ctx, Kind::Applicant, id, &pairs).await
}

/// Confirmation page before erasing a company.
#[handler]
pub async fn company_form(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    confirm_page(&ctx, Kind::Company, id).await
}

/// Erases a confirmed company.
#[handler]
pub async fn company_submit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    submit(&ctx, Kind::Company, id, &pairs).await
}
