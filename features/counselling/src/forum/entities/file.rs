//! The encrypted content of a material's file (AES-256-GCM, [`crate::crypto`]; the material's
//! id is the associated data), in a table of its own so that lists never read files.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// A stored file.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "counselling_forum_file")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The material.
    #[sea_orm(unique)]
    pub material_id: i64,
    /// Ciphertext with the authentication tag.
    pub data: Vec<u8>,
    /// The nonce (96 bit).
    pub nonce: Vec<u8>,
    /// Id of the key it was encrypted with.
    pub key_id: String,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("counselling_forum_file", redacted: ["data", "nonce"]);
