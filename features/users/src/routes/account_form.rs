//! Creating and editing accounts (R-USR-1/2) and the user's own profile: one [`FormFlow`] for
//! the three forms — review before saving, cancel with confirmation. On the user's own
//! account, role and institution stay as they are whatever the submission says.

use async_trait::async_trait;
use hih_db::UnitOfWork;
use hih_kernel::{Access, AppError, Role};
use hih_web::flow::{
    Checked, FlowArgs, FlowSpec, FormFlow, PageState, Saved, checked, read_fields,
};
use hih_web::minijinja::value::Serde;
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebError, WebResult};
use sea_orm::EntityTrait;

use super::accounts::{
    institution_names, institution_options, load_user, require_manage, role_options,
};
use crate::entities::user_account;
use crate::grants;
use crate::permissions::MANAGE_USERS;
use crate::service::{self, AccountForm, SALUTATIONS, ValidAccount};

/// Which form.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AccountKind {
    /// A new account (`/benutzer/neu`).
    New,
    /// An existing account (`/benutzer/:id/bearbeiten`).
    Edit,
    /// The user's own profile (`/profil/bearbeiten`).
    Profile,
}

/// The account form of one [`AccountKind`].
pub struct AccountFlow(pub AccountKind);

/// The account a form works on and whether it is the caller's own.
pub struct AccountRecord {
    /// The account (none for a new one).
    user: Option<user_account::Model>,
    /// The caller's own account: role and institution are fixed.
    own: bool,
}

fn salutation_options() -> Vec<(String, String)> {
    SALUTATIONS
        .iter()
        .map(|(v, k)| (v.to_string(), k.to_string()))
        .collect()
}

#[async_trait]
impl FormFlow for AccountFlow {
    type Record = AccountRecord;
    type Form = AccountForm;
    type Valid = ValidAccount;

    fn spec(&self) -> FlowSpec {
        let manage = Access::Permission(MANAGE_USERS);
        let (name, path, access) = match self.0 {
            AccountKind::New => ("account-new", "/benutzer/neu", manage),
            AccountKind::Edit => ("account-edit", "/benutzer/:id/bearbeiten", manage),
            AccountKind::Profile => ("profile", "/profil/bearbeiten", Access::Authenticated),
        };
        FlowSpec {
            name,
            path,
            access,
            templates: ("users/form.html", "users/review.html"),
        }
    }

    async fn load(&self, ctx: &Ctx, args: &FlowArgs) -> WebResult<AccountRecord> {
        match self.0 {
            AccountKind::New => Ok(AccountRecord {
                user: None,
                own: false,
            }),
            AccountKind::Edit => {
                let id = args.id("id")?;
                let user = load_user(ctx, id).await?;
                let own = ctx.actor.user_id() == Some(id);
                if !own {
                    require_manage(ctx, &user).await?;
                }
                Ok(AccountRecord {
                    user: Some(user),
                    own,
                })
            }
            AccountKind::Profile => {
                let user = user_account::Entity::find_by_id(ctx.user_id()?)
                    .one(&ctx.services().db)
                    .await?
                    .ok_or(WebError(AppError::NotFound))?;
                Ok(AccountRecord {
                    user: Some(user),
                    own: true,
                })
            }
        }
    }

    async fn initial(&self, _ctx: &Ctx, record: &AccountRecord) -> WebResult<AccountForm> {
        Ok(record
            .user
            .as_ref()
            .map(AccountForm::from_model)
            .unwrap_or_default())
    }

    fn read(&self, record: &AccountRecord, pairs: &[(String, String)]) -> AccountForm {
        let mut form: AccountForm = read_fields(pairs);
        if let Some(me) = record.user.as_ref().filter(|_| record.own) {
            // Role and institution are not the user's to change (profile or own account).
            form.role = me.role.clone();
            form.institution_id = me.institution_id.to_string();
        }
        form
    }

    async fn check(
        &self,
        ctx: &Ctx,
        record: &AccountRecord,
        form: &AccountForm,
    ) -> WebResult<Checked<ValidAccount>> {
        checked(
            service::validate_account(ctx.services(), form, record.user.as_ref(), &ctx.actor).await,
        )
    }

    async fn save(
        &self,
        _ctx: &Ctx,
        uow: &mut UnitOfWork,
        record: &AccountRecord,
        valid: ValidAccount,
    ) -> WebResult<Saved> {
        let saved = match &record.user {
            None => service::create_account(uow, valid, false).await?,
            Some(before) => service::update_account(uow, before, valid, record.own).await?,
        };
        Ok(match self.0 {
            AccountKind::New => Saved {
                to: format!("/benutzer/{}", saved.id),
                flash: "users-created",
            },
            AccountKind::Edit => Saved {
                to: format!("/benutzer/{}", saved.id),
                flash: "users-saved",
            },
            AccountKind::Profile => Saved {
                to: "/profil".into(),
                flash: "users-saved",
            },
        })
    }

    fn cancel_target(&self, _args: &FlowArgs, record: &AccountRecord) -> String {
        match (self.0, &record.user) {
            (AccountKind::Profile, _) => "/profil".into(),
            (_, Some(user)) => format!("/benutzer/{}", user.id),
            (_, None) => "/benutzer".into(),
        }
    }

    async fn page(&self, ctx: &Ctx, state: PageState<'_, Self>) -> WebResult<Value> {
        let form = state.form;
        let institutions = institution_names(ctx).await?;
        let institution = form
            .institution_id
            .parse::<i64>()
            .ok()
            .and_then(|id| institutions.get(&id))
            .map(|i| i.name.clone())
            .unwrap_or_default();
        Ok(context! {
            title_key => match self.0 {
                AccountKind::New => "users-new-title",
                AccountKind::Edit => "users-edit-title",
                AccountKind::Profile => "users-profile-edit-title",
            },
            is_new => self.0 == AccountKind::New,
            self_edit => state.record.own,
            salutation_options => Serde(salutation_options()),
            role_options => Serde(role_options(grants::grantable_roles(&ctx.actor))),
            institution_options => Serde(institution_options(&institutions)),
            institution => institution,
            role_key => Role::from_code(&form.role).map(|r| r.label_key()).unwrap_or_default(),
            salutation_key => SALUTATIONS.iter().find(|(v, _)| *v == form.salutation).map(|(_, k)| *k).unwrap_or(""),
        })
    }
}
