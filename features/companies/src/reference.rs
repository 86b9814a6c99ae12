//! Reference lists (R-REF-3) as the forms and lists need them.

use hih_i18n::Locale;
use hih_kernel::{AppError, Services};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::reference_item;

/// Kinds of reference lists.
pub const KINDS: [&str; 4] = ["industry", "occupation", "outreach", "partner"];

/// `(code, label)` of the active entries of a kind, in display order.
pub async fn options(
    services: &Services,
    kind: &str,
    locale: Locale,
) -> Result<Vec<(String, String)>, AppError> {
    Ok(reference_item::Entity::find()
        .filter(reference_item::Column::Kind.eq(kind))
        .filter(reference_item::Column::Active.eq(true))
        .order_by_asc(reference_item::Column::Sort)
        .all(&services.db)
        .await?
        .into_iter()
        .map(|i| {
            let label = if locale == Locale::En {
                i.label_en
            } else {
                i.label_de
            };
            (i.code, label)
        })
        .collect())
}

/// Whether `code` is an active entry of `kind`.
pub async fn is_valid(services: &Services, kind: &str, code: &str) -> Result<bool, AppError> {
    Ok(reference_item::Entity::find()
        .filter(reference_item::Column::Kind.eq(kind))
        .filter(reference_item::Column::Code.eq(code))
        .filter(reference_item::Column::Active.eq(true))
        .one(&services.db)
        .await?
        .is_some())
}
