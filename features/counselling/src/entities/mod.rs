//! sea-orm entities of the counselling channel.

pub mod attachment;
pub mod conversation;
pub mod counter;
pub mod guest;
pub mod guest_session;
pub mod message;
