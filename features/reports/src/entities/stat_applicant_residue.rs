//! Anonymous counter of deleted applicants (R-RET-3): one row per dimension tuple, durations kept as day counts so medians stay exact.
use sea_orm::entity::prelude::*;

/// A count of deleted applicants sharing these dimensions.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stat_applicant_residue")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Country of registration.
    pub country: String,
    /// Status.
    pub status: String,
    /// Target occupation code.
    pub target_occupation: String,
    /// German level.
    pub german_level: String,
    /// Entry month `YYYY-MM`.
    pub created_month: String,
    /// 1 if a language course started.
    pub course_started: i32,
    /// 1 if the language course was dropped.
    pub course_dropped: i32,
    /// 1 if work started.
    pub work_started: i32,
    /// Employed after 6 months (`ja`, `nein`, empty).
    pub employed_6m: String,
    /// Employed after 12 months (`ja`, `nein`, empty).
    pub employed_12m: String,
    /// Days from course start to certificate.
    pub days_certificate: Option<i32>,
    /// Days from recognition applied to decided.
    pub days_recognition: Option<i32>,
    /// Days from visa applied to granted.
    pub days_visa: Option<i32>,
    /// How many applicants.
    pub n: i64,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
