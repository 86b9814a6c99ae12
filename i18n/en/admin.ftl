# Admin feature: texts editor, mail outbox. English.
admin-nav-texts = Texts
admin-nav-outbox = Outbox
admin-texts-title = Interface texts
admin-texts-intro = All labels, hints, messages and e-mail texts. Changes take effect at once and are logged.
admin-texts-search-label = Search texts
admin-texts-q = Search by key or text
admin-texts-q-hint = Case and accents are ignored.
admin-texts-locale = Language
admin-locale-de = German
admin-locale-en = English
admin-locale-all = All languages
admin-texts-only-changed = Changed texts only
admin-texts-search = Search
admin-texts-reset = Reset
admin-texts-count = { $count ->
    [one] 1 text found
   *[other] { $count } texts found
}
admin-texts-col-key = Key
admin-texts-col-locale = Language
admin-texts-col-text = Current text
admin-texts-col-action = Action
admin-texts-changed = changed
admin-texts-edit = Edit
admin-text-edit-title = Edit text
admin-text-default = Default text
admin-text-value = New text
admin-text-value-hint = Keep placeholders such as { "{" } $name { "}" } unchanged.
admin-text-invalid = The text is empty or contains a broken placeholder. Check curly braces and placeholder names.
admin-text-preview-submit = Show preview
admin-text-preview = Preview
admin-text-confirm-question = Save this text now? The change applies to all users at once.
admin-text-save-confirm = Yes, save
admin-text-back-to-edit = Back to editing
admin-text-revert = Revert to default
admin-text-revert-question = Discard the change and restore the default text?
admin-text-revert-confirm = Yes, restore default
admin-text-saved = The text has been saved.
admin-text-reverted = The default text has been restored.
admin-outbox-title = Outbox
admin-outbox-intro = All e-mails created by the system. In development, e-mails are not sent but kept here.
admin-outbox-col-date = Created
admin-outbox-col-to = Recipient
admin-outbox-col-subject = Subject
admin-outbox-col-status = Status
admin-outbox-status-outbox = In the outbox (not sent)
admin-outbox-status-queued = Waiting to be sent
admin-outbox-status-sent = Sent
admin-outbox-status-failed = Sending failed
admin-outbox-empty = No e-mails.
admin-outbox-mail-title = E-mail
admin-outbox-back = Back to the outbox

## "Report a barrier" (feedback of the accessibility statement)
admin-feedback-title = Report a barrier
admin-feedback-intro = Please describe where you came across a barrier or which information you need in an accessible form. No account is needed. Your message goes to the application's administrators.
admin-feedback-field-message = Your message
admin-feedback-hint-message = What happened, and what did you expect?
admin-feedback-field-place = Page or place (optional)
admin-feedback-hint-place = For example the page's address or the name of the form.
admin-feedback-field-email = E-mail address for a reply (optional)
admin-feedback-hint-email = Only if you would like a reply.
admin-feedback-send = Send message
admin-feedback-back = Back to the accessibility statement
admin-feedback-error-message = Please describe the barrier.
admin-feedback-error-email = Please enter a valid e-mail address (e.g. name@example.org) or leave the field empty.
admin-feedback-done-title = Thank you for your message
admin-feedback-done-text = Your message has reached the administrators. If you gave an e-mail address, we usually reply within two weeks.
admin-feedback-notice = New accessibility report: "{ $message }"
admin-feedback-mail-subject = Accessibility report
admin-feedback-mail-body =
    A report came in through the form "Report a barrier".

    Message: { $message }
    Page or place: { $place }
    E-mail address for a reply: { $email }

    Please reply within two weeks (BITV 2.0 section 7).
admin-text-used-in = Used in
admin-text-used-by-code = No page template: the application shows this text itself (message, e-mail, file header or selection list).
admin-text-source = Text as entered (source)
