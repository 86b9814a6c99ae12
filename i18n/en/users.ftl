# Users feature (login, passwords, TOTP, accounts). English.
users-login-title = Log in
users-field-login = User name or e-mail address
users-hint-login = Your user name or your work e-mail address.
users-field-password = Password
users-login-submit = Log in
users-login-forgot = Forgot your password?
users-login-failed = Login failed. The user name, e-mail address or password is wrong, or the account is inactive or temporarily locked.
users-login-lockout-hint = After five failed attempts the account is locked for 15 minutes for security reasons.
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
users-salutation-frau = Ms
users-salutation-herr = Mr
users-salutation-divers = Diverse
users-salutation-keine = Not specified
users-error-salutation = Please choose a salutation.
users-error-required = Please fill in this field.
users-error-too-long = The input is too long (at most 200 characters).
users-error-email = Please enter a valid e-mail address, e.g. name@ihk-erfurt.de.
users-error-email-taken = This e-mail address already belongs to another account.
users-error-username = The user name must have 3 to 64 characters: letters, digits, dot, hyphen and underscore only.
users-error-username-taken = This user name is already taken. Please choose another one.
users-error-phone = The phone number may only contain digits, spaces and + / - (at least five digits).
users-error-role = Please choose a role.
users-error-institution = Please choose an institution.
users-error-institution-role = The role does not fit the institution (IHK staff belong to an IHK, AHK staff to an AHK, administrators and data protection to the HiH project team, the service provider to the service provider).
