//! Where a list's rows come from: the one seam between the shared endpoints (page, export,
//! distribution list) and the two kinds of lists — an entity's query ([`ListSpec`], paged and
//! read in batches in the database) and computed rows ([`MemoryList`]).

use std::sync::Arc;

use async_trait::async_trait;

use super::endpoints::{Batches, next_batch};
use super::memory::{self, MemoryList};
use super::{ListParams, ListSpec, ListView};
use crate::{Ctx, WebResult};

/// The rows of one request, batch by batch, in the list's order.
#[async_trait]
pub(crate) trait RowBatches<R>: Send {
    /// The next batch, `None` after the last.
    async fn next(&mut self, ctx: &Ctx) -> WebResult<Option<Vec<R>>>;
}

/// The rows of a list for a request.
#[async_trait]
pub(crate) trait RowSource: Send + Sync + 'static {
    /// What the list shows.
    type View: ListView;
    /// The list itself.
    fn view(&self) -> &Self::View;
    /// The count of `params`' rows and the asked page of them.
    async fn page(
        &self,
        ctx: &Ctx,
        params: &ListParams,
    ) -> WebResult<(u64, Vec<<Self::View as ListView>::Row>)>;
    /// Every row of `params`, in batches (exports, distribution lists).
    async fn batches(
        &self,
        ctx: &Ctx,
        params: &ListParams,
    ) -> WebResult<Box<dyn RowBatches<<Self::View as ListView>::Row>>>;
}

/// The rows of a [`ListSpec`]: its query.
pub(crate) struct FromQuery<S>(pub(crate) Arc<S>);

#[async_trait]
impl<S: ListSpec> RowSource for FromQuery<S>
where
    S::Row: sea_orm::FromQueryResult,
{
    type View = S;

    fn view(&self) -> &S {
        &self.0
    }

    async fn page(&self, ctx: &Ctx, params: &ListParams) -> WebResult<(u64, Vec<S::Row>)> {
        super::fetch(&*self.0, ctx, params).await
    }

    async fn batches(
        &self,
        ctx: &Ctx,
        params: &ListParams,
    ) -> WebResult<Box<dyn RowBatches<S::Row>>> {
        Ok(Box::new(Batches::of(&*self.0, ctx, params).await?))
    }
}

/// The rows of a [`MemoryList`]: computed, then ordered and paged by the machinery.
pub(crate) struct InMemory<M>(pub(crate) M);

/// Computed rows handed out [`super::endpoints::BATCH`] at a time.
struct Chunks<R>(std::vec::IntoIter<R>);

#[async_trait]
impl<R: Send + 'static> RowBatches<R> for Chunks<R> {
    async fn next(&mut self, _ctx: &Ctx) -> WebResult<Option<Vec<R>>> {
        let batch = next_batch(&mut self.0);
        Ok((!batch.is_empty()).then_some(batch))
    }
}

#[async_trait]
impl<M: MemoryList> RowSource for InMemory<M> {
    type View = M;

    fn view(&self) -> &M {
        &self.0
    }

    async fn page(&self, ctx: &Ctx, params: &ListParams) -> WebResult<(u64, Vec<M::Row>)> {
        let rows = memory::sorted(&self.0, ctx, params).await?;
        let total = rows.len() as u64;
        Ok((total, memory::window(rows, params)))
    }

    async fn batches(
        &self,
        ctx: &Ctx,
        params: &ListParams,
    ) -> WebResult<Box<dyn RowBatches<M::Row>>> {
        let rows = memory::sorted(&self.0, ctx, params).await?;
        Ok(Box::new(Chunks(rows.into_iter())))
    }
}
