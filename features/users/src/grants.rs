//! Who may grant which role and act on which account (R-ACT, R-USR-1): the one place the
//! role boundary is drawn, for the account forms, the account actions and the role options.
//!
//! - Admins (the HiH team) grant every role and act on every account but their own.
//! - Operators (`super_admin`) run the accounts of IHK and AHK staff only: they create,
//!   activate, deactivate, reset and delete those, and grant only those two roles. They never
//!   grant or change `admin`, `dpo` or `super_admin`, and never act on such accounts — so the
//!   operator cannot make itself or anybody else an administrator (R-ACT keeps the operator
//!   away from business data).
//! - Nobody changes their own role or institution; nobody acts on their own account
//!   (deactivate, reset, delete).
//! - Every role change is audited (the unit of work records it) and reported to admins and
//!   the data-protection officer ([`crate::service::update_account`]).

use hih_kernel::{Actor, ActorKind, Role};

use crate::entities::user_account;

/// The staff roles an operator may manage.
const STAFF_ROLES: [Role; 2] = [Role::IhkStaff, Role::AhkStaff];

/// The roles `actor` may give to an account (empty: none). Commands on the server itself
/// (`hih create-admin`, the first start) act as the system and may create any account.
pub fn grantable_roles(actor: &Actor) -> &'static [Role] {
    if matches!(actor.kind, ActorKind::System(_)) {
        return &Role::ALL;
    }
    match actor.role() {
        Some(Role::Admin) => &Role::ALL,
        Some(Role::SuperAdmin) => &STAFF_ROLES,
        _ => &[],
    }
}

/// Whether `actor` may give `role` to an account.
pub fn may_grant(actor: &Actor, role: Role) -> bool {
    grantable_roles(actor).contains(&role)
}

/// Whether `actor` may edit, activate, deactivate, reset or delete the account `target`
/// (their own account only through the profile, never through these actions).
pub fn may_manage(actor: &Actor, target: &user_account::Model) -> bool {
    if actor.user_id() == Some(target.id) {
        return false;
    }
    Role::from_code(&target.role).is_some_and(|role| may_grant(actor, role))
}

/// Roles that are reported to admins and the dpo when an account is created with them (every
/// change of an existing account's role is reported, whatever the roles).
pub fn is_privileged(role: Role) -> bool {
    matches!(role, Role::Admin | Role::Dpo | Role::SuperAdmin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use hih_kernel::UserActor;

    fn actor(role: Role, id: i64) -> Actor {
        Actor::user(UserActor {
            id,
            username: "x".into(),
            display_name: "X".into(),
            role,
            institution_id: None,
            district_id: None,
            country: None,
        })
    }

    #[test]
    fn operators_grant_only_staff_roles() {
        let op = actor(Role::SuperAdmin, 1);
        assert!(may_grant(&op, Role::IhkStaff));
        assert!(may_grant(&op, Role::AhkStaff));
        for r in [Role::Admin, Role::Dpo, Role::SuperAdmin] {
            assert!(!may_grant(&op, r), "{r:?}");
        }
        let admin = actor(Role::Admin, 2);
        assert!(Role::ALL.iter().all(|r| may_grant(&admin, *r)));
        for r in [Role::IhkStaff, Role::AhkStaff, Role::Dpo] {
            assert!(grantable_roles(&actor(r, 3)).is_empty());
        }
    }
}
