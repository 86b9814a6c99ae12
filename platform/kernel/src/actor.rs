use serde::{Deserialize, Serialize};

/// The five staff roles of R-ACT. Guests (self-registration) never log in and have no role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Operator: user accounts, anonymised user overview, system status; no business data.
    SuperAdmin,
    /// HiH project team: everything.
    Admin,
    /// IHK staff: companies of their district; applicants only after a match.
    IhkStaff,
    /// AHK staff: applicants of their country.
    AhkStaff,
    /// Data-protection officer: logs and reports, read-only.
    Dpo,
}

impl Role {
    /// All roles in display order.
    pub const ALL: [Role; 5] = [
        Role::SuperAdmin,
        Role::Admin,
        Role::IhkStaff,
        Role::AhkStaff,
        Role::Dpo,
    ];

    /// The stable code stored in the database (`super_admin`, …).
    pub fn code(self) -> &'static str {
        match self {
            Role::SuperAdmin => "super_admin",
            Role::Admin => "admin",
            Role::IhkStaff => "ihk_staff",
            Role::AhkStaff => "ahk_staff",
            Role::Dpo => "dpo",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The text key of the role's German/English label.
    pub fn label_key(self) -> String {
        format!("role-{}", self.code().replace('_', "-"))
    }
}

/// A logged-in staff member as the request sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserActor {
    /// Account id.
    pub id: i64,
    /// Login name.
    pub username: String,
    /// "Vorname Nachname", kept in audit entries as a snapshot.
    pub display_name: String,
    /// The role.
    pub role: Role,
    /// The user's institution (IHK, AHK, …).
    pub institution_id: Option<i64>,
    /// For IHK staff: the IHK district (an institution's district id).
    pub district_id: Option<i64>,
    /// For AHK staff: the ISO country code (IN, BR, VN, …).
    pub country: Option<String>,
}

/// Who performs an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ActorKind {
    /// A logged-in user.
    User(UserActor),
    /// A background job or CLI command, by name (`system:<job>`).
    System(String),
    /// Nobody is logged in (login page, self-registration).
    Anonymous,
}

/// The actor of a request or job; every scoping function takes one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    /// What kind of actor.
    pub kind: ActorKind,
}

impl Actor {
    /// A logged-in user.
    pub fn user(user: UserActor) -> Self {
        Actor {
            kind: ActorKind::User(user),
        }
    }

    /// A job or command acting on its own, e.g. `Actor::system("purge-sessions")`.
    pub fn system(name: impl Into<String>) -> Self {
        Actor {
            kind: ActorKind::System(name.into()),
        }
    }

    /// Nobody logged in.
    pub fn anonymous() -> Self {
        Actor {
            kind: ActorKind::Anonymous,
        }
    }

    /// The user, if a user acts.
    pub fn as_user(&self) -> Option<&UserActor> {
        match &self.kind {
            ActorKind::User(u) => Some(u),
            _ => None,
        }
    }

    /// The role, if a user acts.
    pub fn role(&self) -> Option<Role> {
        self.as_user().map(|u| u.role)
    }

    /// Whether a user with one of `roles` acts.
    pub fn has_any_role(&self, roles: &[Role]) -> bool {
        self.role().is_some_and(|r| roles.contains(&r))
    }

    /// The label written into audit entries: `user:<id>`, `system:<job>` or `anonymous`.
    pub fn audit_label(&self) -> String {
        match &self.kind {
            ActorKind::User(u) => format!("user:{}", u.id),
            ActorKind::System(name) => format!("system:{name}"),
            ActorKind::Anonymous => "anonymous".to_string(),
        }
    }

    /// A display name snapshot for the audit trail (kept after the account is deleted).
    pub fn display_name(&self) -> String {
        match &self.kind {
            ActorKind::User(u) => u.display_name.clone(),
            ActorKind::System(name) => format!("system:{name}"),
            ActorKind::Anonymous => "anonymous".to_string(),
        }
    }

    /// The user id, if a user acts.
    pub fn user_id(&self) -> Option<i64> {
        self.as_user().map(|u| u.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_codes_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::from_code(r.code()), Some(r));
        }
        assert_eq!(Role::from_code("guest"), None);
        assert_eq!(Role::IhkStaff.label_key(), "role-ihk-staff");
    }

    #[test]
    fn audit_labels() {
        assert_eq!(Actor::system("purge").audit_label(), "system:purge");
        assert_eq!(Actor::anonymous().audit_label(), "anonymous");
    }
}
