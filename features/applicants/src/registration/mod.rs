//! Invitations, self-registration and the four-eyes review (R-REG-1..3).
//!
//! ahk_staff (or admins) create an [`entities::invitation`](crate::entities::invitation) with a
//! random single-use token (256 bits, only its SHA-256 is stored) that expires after the
//! setting `invitation_days`. The guest opens `/registrierung/<token>`, accepts the consent
//! text (its version, a hash of the text shown, and the time are stored), fills the steps
//! person / qualification / languages — each step is saved server-side in the
//! `pending_registration` row, so the browser's back button and reloads are harmless — reviews
//! and submits. Submission uses up the link and notifies the AHK staff of the country. Staff
//! review the entry, may correct it, and approve it (creates the applicant with its ID,
//! R-ID-2) or reject it with a reason; either way the pending data is deleted.

pub mod purge;
pub mod scope;
pub mod service;
pub mod steps;
