//! Generic form words (choose, all, review, save, back to editing, actions, edit, created on)
//! moved from the users feature's catalogue to the platform's `form-…` keys, so other
//! features stop borrowing users' texts: admins' overrides follow the keys.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `(old key, new key)` of every moved text.
const RENAMED: [(&str, &str); 9] = [
    ("users-choose", "form-choose"),
    ("users-any", "form-any"),
    ("users-review-title", "form-review-title"),
    ("users-back-to-form", "form-back-to-form"),
    ("users-save-confirm", "form-save-confirm"),
    ("users-actions", "form-actions"),
    ("users-review-button", "form-review-button"),
    ("users-action-edit", "form-action-edit"),
    ("users-col-created", "form-col-created"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        crate::text_keys::rename(m, &RENAMED, true).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        crate::text_keys::rename(m, &RENAMED, false).await
    }
}
