//! What one list is made of: what it shows ([`ListView`]: constants, page, export,
//! distribution list) and, for an entity's list ([`ListSpec`]), scope, typed filters, sort
//! keys, free-text column and search hits.

use async_trait::async_trait;
use hih_db::Backend;
use hih_db::fold::contains_all_words;
use hih_db::search::text_matches;
use hih_kernel::{Actor, AppError, Permission, SearchHit, Services};
use sea_orm::{
    Condition, DatabaseConnection, DbErr, EntityTrait, Order, QueryFilter, QueryOrder, Select,
};

use super::{Distribution, ListParams, Recipient};
use crate::export::Cell;
use crate::{Ctx, WebResult};

/// The folded search-text column of a list's entity (`hih_db::search`).
pub struct TextColumn<E: EntityTrait> {
    /// The table whose trigram index (`hih_migrations::search_index`) narrows the search;
    /// `None` for tables without one (a plain `LIKE` per word).
    pub indexed: Option<&'static str>,
    /// The column holding the folded text.
    pub column: E::Column,
}

/// What a list is, as constants.
#[derive(Debug, Clone, Copy)]
pub struct ListInfo {
    /// The list's own key (session memory of the page size, `list_page_sizes.<key>`).
    pub key: &'static str,
    /// The list page's path (`/unternehmen`).
    pub path: &'static str,
    /// The entity name of the access log and the search kind (`company`).
    pub entity: &'static str,
    /// Who may open the list (and its export, distribution list and search section).
    pub permission: Permission,
    /// The filter fields read from the query (`q` is the free text).
    pub filters: &'static [&'static str],
    /// Every sort key any role may use, the default first.
    pub columns: &'static [&'static str],
    /// Whether the default order is descending (newest first).
    pub newest_first: bool,
}

/// A list's CSV/XLSX export (`<path>/export/export.csv`, `…/export.xlsx`).
#[derive(Debug, Clone, Copy)]
pub struct Export {
    /// The file name's stem (`unternehmen` → `unternehmen.csv`).
    pub file: &'static str,
    /// Text key of the sheet name.
    pub sheet_key: &'static str,
}

/// What a list shows, whatever its rows come from: its constants, the page, the export and
/// the distribution list. The rows come from a row source — the database query of a
/// [`ListSpec`] or the computed rows of a [`super::MemoryList`] — and [`super::register`] /
/// [`super::register_in_memory`] derive the same page, export and distribution endpoints from
/// either.
#[async_trait]
pub trait ListView: Send + Sync + 'static {
    /// One row of the list (an entity's model, a computed row).
    type Row: Send + Sync + 'static;

    /// What the list is: key, path, entity, permission, filters, sort keys, default order.
    const INFO: ListInfo;

    /// The sort keys of the columns `actor` sees, the default first (all of
    /// [`ListInfo::columns`] unless a role sees fewer columns).
    fn sort_keys(&self, _actor: &Actor) -> Vec<&'static str> {
        Self::INFO.columns.to_vec()
    }
    /// Works out, before the query, what typed filters need the database for (e.g. which
    /// record in the caller's scope a name names, [`ListParams::resolve`]); the page, the
    /// export and the distribution list all run it. Default: nothing to work out.
    async fn prepare(&self, _ctx: &Ctx, _params: &mut ListParams) -> WebResult<()> {
        Ok(())
    }
    /// The list page for the page's rows.
    async fn render(
        &self,
        ctx: &Ctx,
        params: &ListParams,
        total: u64,
        rows: Vec<Self::Row>,
    ) -> WebResult;

    /// The list's export, if it has one.
    fn export(&self) -> Option<Export> {
        None
    }
    /// Text keys of the export's column headers for `actor`.
    fn export_headers(&self, _actor: &Actor) -> Vec<&'static str> {
        Vec::new()
    }
    /// The export's header row as written: the texts of [`Self::export_headers`], unless a
    /// list's columns depend on data (e.g. one column per outreach format).
    async fn export_header(&self, ctx: &Ctx) -> WebResult<Vec<String>> {
        Ok(self
            .export_headers(&ctx.actor)
            .iter()
            .map(|k| ctx.t(k))
            .collect())
    }
    /// The export's cells (labels, not codes) for a batch of rows, one line per row.
    async fn export_rows(&self, _ctx: &Ctx, _batch: Vec<Self::Row>) -> WebResult<Vec<Vec<Cell>>> {
        Ok(Vec::new())
    }

    /// The list's distribution list (R-EXP-4), if it has one.
    fn distribution(&self) -> Option<Distribution> {
        None
    }
    /// The recipient of each row of a batch (`None`: the record has no address).
    async fn recipients(
        &self,
        _ctx: &Ctx,
        _batch: Vec<Self::Row>,
    ) -> WebResult<Vec<Option<Recipient>>> {
        Ok(Vec::new())
    }
}

/// A list of an entity's records. An implementation supplies the entity's scope, its filters
/// and sort keys (and, as a [`ListView`], how its page looks); [`super::register`] derives the
/// page, the export, the distribution list and the search provider from it. Every query goes
/// through [`filtered`], so the list's count, the export's rows, the distribution list's
/// records and the search's count are the same records.
#[async_trait]
pub trait ListSpec: ListView {
    /// The entity listed (its model is the list's row).
    type Entity: EntityTrait<Model = <Self as ListView>::Row>;

    /// The free-text column `q` searches, if the list has a free-text search.
    fn text_column(&self) -> Option<TextColumn<Self::Entity>>;
    /// The entity's scoping condition for `actor` (the records the actor may see at all).
    fn scope(&self, actor: &Actor) -> Condition;
    /// The condition the typed filters of `params` add (not the free text).
    fn condition(&self, actor: &Actor, params: &ListParams) -> Condition;
    /// The query to filter and order (joins the sort keys need).
    fn base(&self) -> Select<Self::Entity> {
        Self::Entity::find()
    }
    /// `select` ordered by the sort key `key`; the id tie-break is added after it.
    fn order(&self, select: Select<Self::Entity>, key: &str, order: Order) -> Select<Self::Entity>;
    /// How many records `actor` sees in all, when the list keeps that as data (an index range,
    /// or counters written in the same transaction as the records) instead of counting its
    /// query. Used only when no filter is set ([`count_known`]); it must equal the count of
    /// [`filtered`] without filters, and tests of the implementing feature compare the two.
    async fn scope_count(
        &self,
        _db: &DatabaseConnection,
        _actor: &Actor,
    ) -> Result<Option<u64>, DbErr> {
        Ok(None)
    }

    /// The scope for one page of the unfiltered list, whose total (`known`, from
    /// [`ListSpec::scope_count`]) is known before the page is read: the same records as
    /// [`ListSpec::scope`], written so that the database takes the cheaper plan for this page
    /// (e.g. walking the list's index and probing each record while the scope is a large part
    /// of the table, instead of collecting and sorting the whole scope). Tests of the
    /// implementing feature page through both writings. Default: [`ListSpec::scope`].
    async fn page_scope(
        &self,
        _db: &DatabaseConnection,
        actor: &Actor,
        _params: &ListParams,
        _known: u64,
    ) -> Result<Condition, DbErr> {
        Ok(self.scope(actor))
    }

    /// Text key of the global search's section, if the list is searched there.
    fn search_label(&self) -> Option<&'static str> {
        None
    }
    /// The list's query showing what the global search finds for `query`.
    fn search_query(&self, _actor: &Actor, query: &str) -> Vec<(String, String)> {
        vec![("q".to_string(), query.to_string())]
    }
    /// The found records as search hits, in their order.
    async fn hits(
        &self,
        _services: &Services,
        _found: Vec<<Self::Entity as EntityTrait>::Model>,
    ) -> Result<Vec<SearchHit>, AppError> {
        Ok(Vec::new())
    }
}

/// The records of `params` for `actor`: in scope, filtered, the free text matched, ordered by
/// the sort key with the id as tie-break in the same direction (so descending is exactly the
/// reverse of ascending).
pub fn filtered<S: ListSpec + ?Sized>(
    spec: &S,
    actor: &Actor,
    backend: Backend,
    params: &ListParams,
) -> Select<S::Entity> {
    filtered_in(spec, spec.scope(actor), actor, backend, params)
}

/// [`filtered`] within `scope` (the spec's scope, possibly written for one page's plan).
fn filtered_in<S: ListSpec + ?Sized>(
    spec: &S,
    scope: Condition,
    actor: &Actor,
    backend: Backend,
    params: &ListParams,
) -> Select<S::Entity> {
    let mut cond = Condition::all()
        .add(scope)
        .add(spec.condition(actor, params));
    if let (Some(q), Some(text)) = (params.filter("q"), spec.text_column()) {
        cond = cond.add(match text.indexed {
            Some(table) => text_matches(backend, table, text.column, q),
            None => contains_all_words(text.column, q),
        });
    }
    let order = if params.desc { Order::Desc } else { Order::Asc };
    let select = spec.order(spec.base().filter(cond), &params.sort, order.clone());
    match crate::paging::primary_column::<S::Entity>() {
        Ok(pk) => select.order_by(pk, order),
        Err(_) => select,
    }
}

/// The total of `params` for `actor` when the list knows it without counting: no filter set
/// and the spec keeps its scope's count ([`ListSpec::scope_count`]); `None` otherwise.
pub async fn count_known<S: ListSpec + ?Sized>(
    spec: &S,
    db: &DatabaseConnection,
    actor: &Actor,
    params: &ListParams,
) -> Result<Option<u64>, DbErr> {
    if params.filters.is_empty() {
        spec.scope_count(db, actor).await
    } else {
        Ok(None)
    }
}

/// The total of `params` for `actor` and the records of the page it asks for, in the list's
/// order: the total kept as data when the list knows it ([`count_known`], the page's scope then
/// written for its plan by [`ListSpec::page_scope`]); for a free-text search counted in the
/// page's own statement (`fetch_page_one_pass`: count and page would each confirm every
/// candidate); otherwise counted from [`filtered`] beside the page. The list page and the REST
/// API's list operation both read their page here.
pub async fn page_of<S: ListSpec + ?Sized>(
    spec: &S,
    db: &DatabaseConnection,
    actor: &Actor,
    params: &ListParams,
) -> Result<(u64, Vec<<S::Entity as EntityTrait>::Model>), DbErr> {
    let known = count_known(spec, db, actor, params).await?;
    let scope = match known {
        Some(total) => spec.page_scope(db, actor, params, total).await?,
        None => spec.scope(actor),
    };
    let select = filtered_in(spec, scope, actor, hih_db::backend(db), params);
    let free_text = params.filter("q").is_some() && spec.text_column().is_some();
    if known.is_none() && free_text {
        return crate::paging::fetch_page_one_pass(select, params, db).await;
    }
    crate::fetch_page_counted(select, params, db, known).await
}

/// Deactivated records (R-LST-2): never found, except by those who may see them
/// (`sees_deactivated`) and ask for them with the filter `inactive`. The condition keeps only
/// active records otherwise.
pub fn active_unless_asked<C: sea_orm::ColumnTrait>(
    active: C,
    sees_deactivated: bool,
    params: &ListParams,
) -> Condition {
    if sees_deactivated && params.filter("inactive").is_some() {
        Condition::all()
    } else {
        Condition::all().add(active.eq(true))
    }
}

/// The list query of a global search for `query`: with `inactive=on` for those who see
/// deactivated records, so the search finds them too (marked) and counts like the list.
pub fn search_with_inactive(sees_deactivated: bool, query: &str) -> Vec<(String, String)> {
    let mut pairs = vec![("q".to_string(), query.to_string())];
    if sees_deactivated {
        pairs.push(("inactive".to_string(), "on".to_string()));
    }
    pairs
}

/// The parameters of a request to a list of `spec`, prepared ([`ListView::prepare`]).
pub(crate) async fn params_of<S: ListView + ?Sized>(
    spec: &S,
    ctx: &Ctx,
    query: &[(String, String)],
) -> WebResult<ListParams> {
    let keys = spec.sort_keys(&ctx.actor);
    let mut params = ListParams::parse_sorted(
        ctx,
        S::INFO.key,
        query,
        S::INFO.filters,
        &keys,
        S::INFO.newest_first,
    );
    spec.prepare(ctx, &mut params).await?;
    Ok(params)
}
