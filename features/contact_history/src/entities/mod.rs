//! sea-orm entities of the contact history.

pub mod contact_entry;
pub mod contact_visibility;
