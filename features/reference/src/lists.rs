//! Selection lists (R-REF-3) as the forms and lists need them, and the checks and writes of their editor.

use hih_i18n::Locale;
use hih_kernel::{AppError, Services};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::reference_item;

/// Kinds of reference lists: those of companies, and those the applicants and contact-history
/// features use (countries, contact types, contact topics), kept here in one editor.
pub const KINDS: [&str; 7] = [
    "industry",
    "occupation",
    "outreach",
    "partner",
    "country",
    "contact_type",
    "contact_topic",
];

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
            // Reference lists carry German and English labels; a guest language shows the
            // English one.
            let label = if locale.for_staff() == Locale::En {
                i.label_en
            } else {
                i.label_de
            };
            (i.code, label)
        })
        .collect())
}

/// The label of `code` among `options` (the code itself if the entry is gone).
pub fn label_of(options: &[(String, String)], code: &str) -> String {
    options
        .iter()
        .find(|(c, _)| c == code)
        .map(|(_, l)| l.clone())
        .unwrap_or_else(|| code.to_string())
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

/// One entry as typed into the editor (R-REF-3).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct ItemForm {
    /// Stable code (only for new entries; records store it, so it never changes).
    #[serde(default)]
    pub code: String,
    /// German label.
    #[serde(default)]
    pub label_de: String,
    /// English label.
    #[serde(default)]
    pub label_en: String,
    /// Display position.
    #[serde(default)]
    pub sort: String,
    /// Offered in forms (`on` when ticked).
    #[serde(default)]
    pub active: Option<String>,
}

impl ItemForm {
    /// The form of an existing entry.
    pub fn from_model(m: &reference_item::Model) -> Self {
        ItemForm {
            code: m.code.clone(),
            label_de: m.label_de.clone(),
            label_en: m.label_en.clone(),
            sort: m.sort.to_string(),
            active: m.active.then(|| "on".to_string()),
        }
    }
}

/// Longest label accepted.
const LABEL_MAX: usize = 200;

fn code_is_valid(kind: &str, code: &str) -> bool {
    if kind == "country" {
        // ISO 3166-1 alpha-2: it becomes part of the applicant ID (HIH-VN-0001, R-ID-1).
        return code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase());
    }
    (1..=40).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Checks an entry of `kind`; `existing` is the entry being edited (its code is kept).
pub async fn validate_item(
    services: &Services,
    kind: &str,
    form: &ItemForm,
    existing: Option<&reference_item::Model>,
) -> Result<(), hih_kernel::FieldErrors> {
    let mut e = hih_kernel::FieldErrors::new();
    e.check_texts(form, &[]);
    if existing.is_none() {
        let code = form.code.trim();
        if !code_is_valid(kind, code) {
            e.add(
                "code",
                if kind == "country" {
                    "reference-item-error-country-code"
                } else {
                    "reference-item-error-code"
                },
            );
        } else if reference_item::Entity::find()
            .filter(reference_item::Column::Kind.eq(kind))
            .filter(reference_item::Column::Code.eq(code))
            .one(&services.db)
            .await
            .ok()
            .flatten()
            .is_some()
        {
            e.add("code", "reference-item-error-code-taken");
        }
    }
    for (field, value) in [("label_de", &form.label_de), ("label_en", &form.label_en)] {
        let n = value.trim().chars().count();
        if n == 0 {
            e.add(field, "reference-item-error-label");
        } else if n > LABEL_MAX {
            e.add(field, "reference-item-error-too-long");
        }
    }
    if form
        .sort
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|s| (0..=100_000).contains(s))
        .is_none()
    {
        e.add("sort", "reference-item-error-sort");
    }
    if e.is_empty() { Ok(()) } else { Err(e) }
}

/// Saves a validated entry: a new one of `kind`, or changes to `existing`.
pub async fn save_item(
    uow: &mut hih_db::UnitOfWork,
    kind: &str,
    form: &ItemForm,
    existing: Option<&reference_item::Model>,
) -> Result<reference_item::Model, AppError> {
    use sea_orm::{IntoActiveModel, NotSet, Set};
    let sort = form.sort.trim().parse::<i32>().unwrap_or_default();
    match existing {
        None => {
            uow.insert(reference_item::ActiveModel {
                id: NotSet,
                kind: Set(kind.to_string()),
                code: Set(form.code.trim().to_string()),
                label_de: Set(form.label_de.trim().to_string()),
                label_en: Set(form.label_en.trim().to_string()),
                active: Set(form.active.is_some()),
                sort: Set(sort),
            })
            .await
        }
        Some(before) => {
            let mut am = before.clone().into_active_model();
            am.label_de = Set(form.label_de.trim().to_string());
            am.label_en = Set(form.label_en.trim().to_string());
            am.active = Set(form.active.is_some());
            am.sort = Set(sort);
            uow.update(before, am).await
        }
    }
}

/// All entries of a kind (active and inactive), in display order, for the editor.
pub async fn all_items(
    services: &Services,
    kind: &str,
) -> Result<Vec<reference_item::Model>, AppError> {
    Ok(reference_item::Entity::find()
        .filter(reference_item::Column::Kind.eq(kind))
        .order_by_asc(reference_item::Column::Sort)
        .order_by_asc(reference_item::Column::Id)
        .all(&services.db)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::code_is_valid;

    #[test]
    fn codes_are_stable_identifiers() {
        assert!(code_is_valid("occupation", "koch"));
        assert!(code_is_valid("occupation", "fach-informatik_2"));
        assert!(!code_is_valid("occupation", "Koch"));
        assert!(!code_is_valid("occupation", "a b"));
        assert!(!code_is_valid("occupation", ""));
        assert!(code_is_valid("country", "VN"));
        assert!(!code_is_valid("country", "vn"));
        assert!(!code_is_valid("country", "VNM"));
    }
}
