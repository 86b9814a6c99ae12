//! Permissions of the counselling channel.

use hih_kernel::{Permission, Role};

/// The staff inbox and its conversations (R-CNS-2): AHK staff (their country's conversations,
/// [`crate::scope::visible_conversations`]) and admins. IHK staff, the DPO and super admins
/// never read a conversation.
pub const COUNSEL: Permission =
    Permission::new("counselling.counsel", &[Role::Admin, Role::AhkStaff]);
