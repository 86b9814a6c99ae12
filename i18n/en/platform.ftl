# Platform texts: layout, errors, forms, roles. English.
app-name = HiH project database
layout-skip-link = Skip to content
layout-nav-label = Main navigation
layout-language-label = Language
layout-search-field = Search
layout-user-menu = User menu
layout-nav-group-start = Start
layout-nav-group-record = Data entry
layout-nav-group-evaluate = Analysis
layout-nav-group-manage = Administration
layout-nav-group-account = My account
layout-switch-language = Deutsch
layout-search-label = Search the project database
layout-search-button = Search
layout-logout = Log out
layout-guest-brand = Hand in Hand for International Talents
layout-guest-privacy = Privacy notice
layout-footer = Hand in Hand for International Talents – project database
layout-bell-label = Notifications
layout-bell-unread = { $count } unread
error-title = Something went wrong
error-status = Error code { $status }
error-back-home = Back to the start page
error-not-found = The page or record was not found.
error-forbidden = You are not allowed to use this function.
error-unauthenticated = Please log in.
error-csrf = The form has expired or is invalid. Please reload the page and submit it again.
error-rate-limited = Too many attempts in a short time. Please wait a minute and try again.
error-validation = Please check your input.
error-conflict = The record was changed or deleted in the meantime. Please reload the page.
error-internal = A technical error occurred. Please try again later; the error has been logged.
error-storage = Nothing was saved: the database could not write the change (storage full or a write error). Please try again later; once storage is available again, saving works without a restart. The error has been logged and shows on the status page.
error-bad-request = The request was incomplete or malformed.
error-upload-too-large = What was sent is too large (at most 20 MiB). Please choose a smaller file.
form-error-summary-title = Please correct the following:
form-error-prefix = Error:
form-hint-more = More about this
form-optional = (optional)
form-cancel = Cancel
form-back = Back
form-next = Next
form-save = Save
form-yes = Yes
form-no = No
form-any = All
form-choose = Please choose
form-col-created = Created on
form-actions = Actions
form-action-edit = Edit
form-review-button = Continue to review
form-review-title = Check your input
form-save-confirm = Yes, save
form-back-to-form = Back to editing
role-super-admin = Service provider (super administrator)
role-admin = HiH project team (administrator)
role-ihk-staff = IHK project staff
role-ahk-staff = AHK project staff
role-dpo = Data protection officer
list-count = { $count ->
    [one] 1 entry
   *[other] { $count } entries
}
list-page-of = (page { $page } of { $pages })
record-tabs-label = Sections of the record
list-table-region = Table (scrolls sideways on narrow screens)
list-pages-label = Pages
list-page = Page
list-prev = Previous
list-next = Next
list-per-page = Entries per page
list-all = all
list-apply = Show
list-sorted-asc = (sorted ascending)
list-sorted-desc = (sorted descending)
list-sortable = (sort)
list-search = Search
list-reset = Reset
list-export-csv = Download as CSV
list-export-xlsx = Download as Excel file (XLSX)
list-distribution-link = Distribution list (e-mail addresses) of this search
list-distribution-salutation = Salutation
list-distribution-first-name = First name
list-distribution-last-name = Last name
list-distribution-email = E-mail address
list-distribution-contact = Contact person
list-distribution-mail = Write an e-mail to all (addresses in BCC)
list-distribution-no-mailto = For more than { $max } addresses there is no e-mail link, because mail programs cut such long links. Please use the downloads.
list-distribution-too-many = Too many addresses for the copy field. Please use the downloads; the table shows every address page by page.
list-distribution-copy = All addresses to copy
confirm-title = Please confirm
confirm-yes-discard = Yes, discard my input
confirm-no-continue = No, continue editing
confirm-cancel-question = Do you want to cancel? Your input will not be saved.
notify-title = Notifications
notify-intro = Hints and reminders for you, newest first. Read notifications are deleted automatically after some time.
notify-filter-label = Show
notify-filter-all = all notifications
notify-filter-unread = unread only
notify-unread-badge = Unread:
notify-open = Open
notify-mark-read = Mark as read
notify-mark-all-read = Mark all as read
notify-all-read-done = All notifications are marked as read.
notify-empty = No notifications.
notify-tile-unread = { $count ->
    [one] 1 unread notification
   *[other] { $count } unread notifications
}
job-notify-purge = Delete old notifications
error-bad-input = The input contains a forbidden control character (e.g. a null character from a copied file). Please remove it and submit the form again.
form-error-too-long = Please enter at most { $max } characters.
form-error-control = Please remove invisible control characters (e.g. from a copied table or file). Letters, digits and punctuation are allowed, in multi-line fields also line breaks and tabs.
app-cli-config-invalid = Configuration invalid: { $error }
app-cli-runtime-failed = The runtime could not be started: { $error }
app-cli-error = Error: { $error }
app-cli-otlp-failed = OpenTelemetry export not started: { $error }
app-cli-migrated = { $n ->
    [one] Database current (1 migration applied).
   *[other] Database current ({ $n } migrations applied).
}
app-cli-audit-intact-from = { $n ->
    [one] Audit log intact: 1 entry checked (entries { $from } to { $to }).
   *[other] Audit log intact: { $n } entries checked (entries { $from } to { $to }).
}
app-cli-audit-broken = Audit log broken from entry { $seq }: { $reason }
app-cli-admin-created = Administrator “{ $username }” created.
app-cli-admin-setup-link =
    One-time setup link (set password and two-factor login):
    { $link }
app-cli-admin-password-login = Log in at { $url } with the given password; two-factor login is set up at the first login.
app-cli-admin-refused =
    Administrator not created:
    { $reasons }
app-cli-serving = HiH project database running: { $url }
app-cli-first-start =
    No account set up yet. Set the password of the administrator “admin” with this one-time link:
    { $link }
    (Alternatively: hih create-admin --username NAME --email ADDRESS)
app-cli-login-hint = Log in with user name and password, then the code from the authenticator app.
app-cli-plz-unit = lines
app-cli-plz-progress = { $done }/{ $total } lines saved
app-cli-plz-line = Line { $line }: { $problem }
app-cli-plz-more = … and { $n } more errors
app-cli-plz-nothing-saved = Nothing saved: { $n } errors.
app-cli-plz-summary = { $rows } lines read, { $imported } entries imported, { $duplicates } duplicate lines skipped.
app-cli-plz-summary-dry-run = { $rows } lines read, { $imported } entries would be imported, { $duplicates } duplicate lines skipped.
app-cli-demo-unit-companies = companies
app-cli-demo-unit-applicants = applicants
app-cli-demo-unit-contacts = contacts
app-cli-demo-companies = demo companies
app-cli-demo-applicants = demo applicants
app-cli-demo-contacts = demo contacts
app-cli-demo-unit-messages = messages
app-cli-demo-messages = demo messages in counselling conversations
app-cli-demo-created = { $count } { $what } created in { $seconds } s ({ $rate } per second).
app-cli-audit-break-missing = the entry is missing (the next one found is entry { $found })
app-cli-audit-break-previous = the entry does not name its predecessor's checksum
app-cli-audit-break-content = the content does not match its checksum (changed afterwards)
app-cli-audit-break-head = the chain does not end where the head row records it (entry { $head })
app-cli-audit-break-anchor = the anchor was moved without a log purge signing it off
job-db-audit-verify = Verify the audit chain (entries since the last check)
job-db-audit-verify-full = Verify the whole audit chain
app-cli-backup-done = Backup written and verified: { $path } ({ $size } bytes, SHA-256 { $sha256 })
app-cli-backup-chain-intact = { $n ->
    [one] Audit chain of the backup intact: 1 entry checked.
   *[other] Audit chain of the backup intact: { $n } entries checked.
}
app-cli-backup-note = Note: { $note }
app-cli-backup-pruned = { $n ->
    [one] 1 older backup file deleted (backup.keep).
   *[other] { $n } older backup files deleted (backup.keep).
}
app-cli-backup-failed = Backup failed: { $error }
app-cli-restore-unit-pages = pages
app-cli-restore-unit-items = items
app-cli-restore-progress = { $done }/{ $total } { $unit } restored
app-cli-restore-done = Restored: { $file } → { $target }
app-cli-restore-replaced = Restored (existing data replaced): { $file } → { $target }
app-cli-restore-chain-intact = { $n ->
    [one] Audit chain checked after the restore: intact, 1 entry.
   *[other] Audit chain checked after the restore: intact, { $n } entries.
}
app-cli-restore-failed = Not restored: { $error }

## Installable web app (R-OPR-6)
pwa-description = Project database of "Hand in Hand for International Talents": companies, applicants, contacts and placements.
pwa-offline-title = No connection
pwa-offline-text = This page cannot be loaded right now because there is no connection to the server. Without a connection, data is neither shown nor stored on this device. Please check your internet connection and try again.
pwa-offline-retry = Try again

## Session timeout (WCAG 2.2.1)
layout-session-ends = Session active until { $time }
layout-session-expired = Your session has expired because you were inactive for a while. Please sign in again. Input you had already sent will be back in the form afterwards.
record-empty-mark = –
record-empty = not given

# REST API: problem details (RFC 9457)
api-problem-malformed-json = Malformed JSON
api-problem-invalid-parameter = Bad request
api-problem-unauthorized = Not authenticated
api-problem-forbidden = Forbidden
api-problem-read-only-token = Read-only token
api-problem-csrf = Security token missing
api-problem-not-found = Not found
api-problem-method-not-allowed = Method not allowed
api-problem-conflict = Conflict
api-problem-gone = Link no longer valid
api-problem-payload-too-large = Payload too large
api-problem-unsupported-media-type = Unsupported media type
api-problem-invalid-body = Body does not fit the schema
api-problem-validation = Input refused
api-problem-rate-limited = Too many requests
api-problem-internal = Internal error
api-problem-unavailable = Saving not possible
api-detail-unauthorized = Please send a valid personal API token in the header "Authorization: Bearer <token>" or log in. Unknown, expired and revoked tokens are refused, as are tokens of deactivated users.
api-detail-read-only = This API token may only read; changes need a token with write access.
api-detail-too-large = The request body is too large (at most { $max } bytes).
api-detail-media-type = The media type is not supported. Send the body as "application/json".
api-detail-malformed-json = The request body is not valid JSON.
api-detail-invalid-body = The body does not fit the operation's schema: an unknown field, a missing required field or a value of the wrong type.
api-detail-invalid-parameter = The parameter "{ $name }" is invalid.
api-detail-bad-request = The request is malformed.
api-detail-method = This method is not provided for this path.

form-record-start = Record a voice message
form-record-stop = Stop recording
form-record-running = Recording. Stop it with “Stop recording”.
form-record-done = The voice message is recorded and will be sent with the form. You can listen to it first.
form-record-denied = The microphone is not available. You can choose an audio file instead.
