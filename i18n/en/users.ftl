# Users feature (login, passwords, TOTP, accounts). English.
users-login-title = Log in
users-field-login = User name or e-mail address
users-hint-login = Your user name or your work e-mail address.
users-field-password = Password
users-login-submit = Log in
users-login-forgot = Forgot your password?
users-login-failed = Login failed. The user name, e-mail address or password is wrong, or the account is inactive or temporarily locked.
users-login-lockout-hint = After { $attempts } failed attempts the account is locked for { $minutes } minutes for security reasons.
users-logged-out = You have been logged out.
users-code-title = Enter confirmation code
users-code-intro = Enter the six-digit code from your authenticator app. If you cannot access the app, you can use one of your recovery codes.
users-field-code = Code
users-hint-code = Six digits from the authenticator app or a recovery code (e.g. abcd-ef23).
users-code-submit = Confirm
users-code-invalid = The code is wrong, expired or has already been used. Please enter the current code from your app.
users-enrol-title = Set up two-factor login
users-enrol-intro = Every account must log in with a second factor. You need an authenticator app on your smartphone.
users-enrol-step-app = Install an authenticator app (e.g. FreeOTP, Microsoft or Google Authenticator).
users-enrol-step-scan = Scan the QR code or enter the key below by hand.
users-enrol-step-code = To confirm, enter the six-digit code shown by the app.
users-enrol-qr-alt = QR code for the authenticator app of account { $account }
users-enrol-secret-label = Key for manual entry:
users-enrol-submit = Confirm setup
users-codes-title = Your recovery codes
users-codes-intro = Keep these ten codes safe (e.g. printed). Each code can be used once instead of the app code. They are shown only now.
users-codes-continue = I have saved the codes – continue
users-setup-title = Set up your account
users-setup-intro = Welcome! Choose a password for the account “{ $username }”. Then set up two-factor login.
users-field-new-password = New password
users-field-password-repeat = Repeat new password
users-field-current-password = Current password
users-hint-policy = At least 10 characters with upper and lower case letters, at least two digits and one special character; not your user name, not a common password and none of your last five.
users-setup-submit = Set password
users-change-title = Change password
users-change-forced = Your password must be changed before you can continue (first login or expired password).
users-change-submit = Change password
users-pw-changed = Your password has been changed. Other sessions of your account have been ended.
users-change-confirm-title = Change your password?
users-change-confirm-question = Your new password has been checked and is not saved yet. If you change it now, all other sessions of your account will be ended.
users-change-confirm-back = No, back to the form
users-pw-too-short = The password is too short: it must have at least { $min } characters.
users-pw-mixed-case = The password must contain upper and lower case letters.
users-pw-special = The password must contain at least one special character (e.g. ! ? - # %).
users-pw-digits = The password must contain at least { $count } digits.
users-pw-contains-name = The password must not contain your user name or e-mail address.
users-pw-common = This password is too common and easy to guess. Please choose another one.
users-pw-reused = You may not reuse any of your last { $count } passwords.
users-pw-mismatch = The two passwords do not match. Please enter the new password twice the same way.
users-pw-current-wrong = The current password is not correct.
users-forgot-title = Forgot password
users-forgot-intro = Enter the e-mail address of your account. If we know it, you will receive a reset link valid for one hour. You will also need your authenticator app.
users-field-email = E-mail address
users-forgot-submit = Request link
users-reset-sent = If the address belongs to an active account, a reset link has been sent.
users-reset-title = Reset password
users-reset-code-intro = First confirm your identity with the code from your authenticator app.
users-reset-submit = Save new password
users-reset-done = Your password has been changed. Please log in again.
users-link-invalid-title = Link not valid
users-link-invalid-text = This link has expired, has already been used or is invalid. Please request a new link if needed.
users-link-invalid-login = To the login
users-mail-reset-subject = HiH project database: reset your password
users-mail-reset-body =
    Hello { $name },
    
    use this link to reset your password (valid for { $minutes } minutes, single use):
    { $link }
    
    If you did not request this, please ignore this e-mail.
users-mail-reset-operator-subject = HiH project database: password reset requested
users-mail-reset-operator-body = A password reset link was requested for the account “{ $username }”.
users-mail-setup-subject = HiH project database: your account has been activated
users-mail-setup-body =
    Hello { $name },
    
    your account “{ $username }” has been activated. Use this link to set your password and two-factor login (valid for { $hours } hours, single use):
    { $link }
job-users-purge = Delete expired sessions and single-use links
job-mail-deliver = Deliver e-mail
job-mail-sweep = Re-schedule stuck e-mails
job-db-optimize = Refresh the database statistics for fast queries
users-salutation-frau = Ms
users-salutation-herr = Mr
users-salutation-divers = Diverse
users-salutation-keine = Not specified
users-error-salutation = Please choose a salutation.
users-error-too-long = The input is too long (at most 200 characters).
users-error-email = Please enter a valid e-mail address, e.g. name@ihk-erfurt.de.
users-error-email-taken = This e-mail address already belongs to another account.
users-error-username = The user name must have 3 to 64 characters: letters, digits, dot, hyphen and underscore only.
users-error-username-taken = This user name is already taken. Please choose another one.
users-error-phone = The phone number may only contain digits, spaces and + / - (at least five digits).
users-error-role = Please choose a role.
users-error-institution = Please choose an institution.
users-error-institution-role = The role does not fit the institution (IHK staff belong to an IHK, AHK staff to an AHK, administrators and data protection to the HiH project team, the service provider to the service provider).
users-nav-users = User management
users-nav-overview = User overview
users-nav-distribution = Mailing list
users-nav-profile = My profile
users-list-title = User management
users-new-button = Create user account
users-search-label = Search user accounts
users-search-q = Free text search
users-search-q-hint = Searches name, user name, e-mail, position and phone; case and accents are ignored.
users-field-role = Role
users-field-institution = Institution
users-field-status = Status
users-field-salutation = Salutation
users-field-first-name = First name
users-field-last-name = Last name
users-field-position = Position
users-field-phone = Phone
users-field-username = User name
users-col-name = Name
users-col-institution = Institution
users-col-last-login = Last login
users-col-totp = Two-factor login
users-status-active = Active
users-status-inactive = Deactivated
users-status-waiting = Waiting for activation
users-status-locked = temporarily locked
users-totp-on = set up
users-totp-off = not yet set up
users-never = never
users-list-empty = No user accounts found. Change the search or reset it.
users-back-to-list = Back to user management
users-back-to-account = Back to the user account
users-action-activate = Activate
users-action-deactivate = Deactivate
users-action-reset = Reset password or two-factor login
users-action-delete = Delete
users-new-title = New user account
users-edit-title = Edit user account
users-profile-edit-title = Edit profile
users-form-intro = All fields not marked “optional” are required. Before saving you will see your input again for checking.
users-legend-person = Person
users-legend-contact = Contact
users-legend-account = Account
users-hint-position = Function in the institution, e.g. project coordination.
users-hint-email = Work address; setup and reset links are sent to it.
users-hint-phone = Digits, spaces and + / - only, e.g. +49 361 3484-0.
users-hint-username = 3 to 64 characters: letters, digits, dot, hyphen and underscore.
users-hint-role = The role decides which data the account may see.
users-review-intro-new = Please check the input. The account is created when you save, but can only be used after activation.
users-review-intro-edit = Please check the input before the change is saved.
users-created = The user account has been created. Activate it so that the person can log in.
users-saved = The changes have been saved.
users-confirm-title-aktivieren = Activate account
users-confirm-title-deaktivieren = Deactivate account
users-confirm-title-loeschen = Delete account
users-confirm-title-zuruecksetzen = Reset credentials
users-confirm-question-aktivieren = Activate the account of { $name }?
users-confirm-question-deaktivieren = Deactivate the account of { $name }? Running sessions end at once; the account can be activated again later.
users-confirm-question-loeschen = Delete the account of { $name } for good? This cannot be undone. The change log keeps the name as author of earlier changes.
users-confirm-question-zuruecksetzen = What should be reset for { $name }? Running sessions end.
users-confirm-yes-aktivieren = Yes, activate
users-confirm-yes-deaktivieren = Yes, deactivate
users-confirm-yes-loeschen = Yes, delete for good
users-confirm-yes-zuruecksetzen = Yes, reset
users-activate-method = How does the person receive their first password?
users-activate-link = Send a setup link by e-mail (valid for 72 hours)
users-activate-initial = Show an initial password once now (must be changed at first login)
users-activate-choose = Please choose how the person receives their first password.
users-activated-link = The account is active; the setup link has been sent by e-mail.
users-activated = The account is active again.
users-deactivated = The account has been deactivated and all its sessions ended.
users-deleted = The account has been deleted.
users-reset-what = Reset
users-reset-password = Password (the person receives a new setup link by e-mail)
users-reset-totp = Two-factor login (set up again at the next login)
users-reset-choose = Please choose at least one: password or two-factor login.
users-reset-saved = The credentials have been reset; all sessions of the account have ended.
users-refuse-self = This action is not possible for your own account. Please ask another administrator.
users-initial-title = Initial password
users-initial-intro = The account of { $name } is active. Give this password to the person by a secure channel. It is shown only now and must be changed at the first login.
users-overview-title = User overview
users-overview-intro = Number of active accounts per institution and role, deactivated accounts and the last login per institution – without personal data.
users-total = Total
users-distribution-title = E-mail distribution list
users-distribution-intro = All { $count } active users, grouped by institution. The list is always current.
users-distribution-mail-all = Write an e-mail to everyone
users-distribution-copy = All addresses for copying
users-distribution-mail-group = Write an e-mail to everyone at { $institution }
users-distribution-sheet = Distribution list
users-profile-title = My profile
users-tile-password-expiry = { $days ->
    [0] Your password has expired. Please change it now.
    [one] Your password expires tomorrow. Please change it.
   *[other] Your password expires in { $days } days. Please change it in time.
}
users-tile-waiting = { $count ->
    [one] 1 user account is waiting for activation
   *[other] { $count } user accounts are waiting for activation
}
users-notice-lockout = The account “{ $username }” was temporarily locked after repeated failed login attempts.
users-mail-lockout-subject = HiH project database: security notice – account locked
users-mail-lockout-body =
    The account “{ $username }” was temporarily locked after repeated failed login attempts.
    
    If this cannot be explained (e.g. by the person themselves), please check the access log.
users-nav-institutions = Institutions
users-institutions-title = Institutions
users-institutions-intro = IHKs, AHKs, the HiH project team and the service provider. New chambers and countries can be added here without code changes. Institutions are not deleted but deactivated.
users-institution-new = New institution
users-institution-edit = Edit institution
users-institution-name = Name
users-institution-kind = Kind
users-institution-country-code = Country code
users-institution-country-hint = AHKs only: two-letter ISO country code in capitals, e.g. VN, IN, BR.
users-institution-active = Active (selectable for new accounts)
users-institution-name-taken = An institution with this name already exists.
users-institution-kind-missing = Please choose the kind of institution.
users-institution-country = Please enter the two-letter ISO country code in capitals for an AHK, e.g. VN.
users-institution-country-only-ahk = A country code belongs to an AHK only. Please leave the field empty.
users-kind-ihk = IHK (chamber in Germany)
users-kind-ahk = AHK (chamber abroad)
users-kind-team = HiH project team
users-kind-operator = Service provider
users-error-first-name-missing = Please enter the first name.
users-error-last-name-missing = Please enter the last name.
users-error-position-missing = Please enter the position, e.g. project coordination.
users-institution-name-missing = Please enter the name of the institution (at most 200 characters).
users-search-section = { $count ->
    [one] User accounts (1 hit)
   *[other] User accounts ({ $count } hits)
}
users-error-role-not-grantable = You may not grant this role. Operators grant only the roles IHK staff and AHK staff; administration, data protection and operation are granted by the HiH project team.
users-notice-role-granted = { $by } gave the account “{ $username }” ({ $name }) the role “{ $role }” (before: { $before }).
users-mail-role-granted-subject = HiH project database: security notice – role granted
users-mail-role-granted-body =
    { $by } gave the account “{ $username }” ({ $name }) the role “{ $role }” (before: { $before }).
    
    If this change was not agreed, please check the account and the change log.

# Personal API tokens (R-API-1)
users-api-tokens-title = API tokens
users-api-tokens-intro = With an API token, programs use the interface /api/v1 with your rights. Revoke tokens you no longer need.
users-api-tokens-all-title = API tokens of all users
users-api-tokens-all-intro = Every personal API token. A revoked token is refused at once.
users-api-tokens-none = There are no API tokens.
users-api-tokens-back = Back to the API tokens
users-api-tokens-link = Manage API tokens
users-api-token-new = New API token
users-api-token-form-intro = The token gets exactly your role and your scope. It is valid for at most a year.
users-api-token-name = Name
users-api-token-name-hint = What you use the token for, e.g. "Quarterly evaluation".
users-api-token-owner = Owner
users-api-token-prefix = Identifier
users-api-token-valid-until = Valid up to and including
users-api-token-valid-hint = At most one year from today (format YYYY-MM-DD).
users-api-token-last-used = Last used
users-api-token-never-used = never
users-api-token-access = Access
users-api-token-read-only = read only
users-api-token-read-write = read and write
users-api-token-read-only-label = Read-only access
users-api-token-read-only-hint = The token is refused for changes (POST, PUT, PATCH, DELETE).
users-api-token-state-active = valid
users-api-token-state-expired = expired
users-api-token-state-revoked = revoked
users-api-token-actions = Actions
users-api-token-revoke = Revoke
users-api-token-revoke-title = Revoke API token
users-api-token-revoke-question = Revoke the API token "{ $name }" ({ $prefix }…)? Programs using it lose their access.
users-api-token-revoke-yes = Yes, revoke
users-api-token-revoked = The API token has been revoked.
users-api-token-created = The API token has been created.
users-api-token-created-title = Your new API token
users-api-token-created-once = Copy the token now. It is shown only this once and stored nowhere else.
users-api-token-created-usage = Send it with every request in the header "Authorization: Bearer <token>".
users-api-token-secret = Token
users-api-token-name-missing = Please enter a name.
users-api-token-name-long = The name may have at most { $max } characters.
users-api-token-date-invalid = Please enter a date in the format YYYY-MM-DD.
users-api-token-date-past = The date must be after today.
users-api-token-date-too-far = A token is valid for at most { $days } days.
users-nav-api-tokens = API tokens
