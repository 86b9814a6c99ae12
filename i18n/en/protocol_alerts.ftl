# Misuse detection (R-SEC-1): the alerts page, its evidence, notifications and mails.
job-protocol-misuse-scan = Check the logs for anomalies (misuse detection)
protocol-alerts-title = Anomalies
protocol-alerts-intro = The misuse detection checks the access log and the audit log every minute: repeatedly denied access, bursts of failed logins, invalid single-use links, unusual export volumes and role changes. Each anomaly is reported once, until it is acknowledged or nothing happens for a while.
protocol-alerts-search-label = Filter anomalies
protocol-alerts-field-rule = Rule
protocol-alerts-field-status = Status
protocol-alerts-any = all
protocol-alerts-col-last-seen = Last
protocol-alerts-col-first-seen = First
protocol-alerts-col-subject = Who or from where
protocol-alerts-col-summary = Description
protocol-alerts-col-count = Count
protocol-alerts-status-open = open
protocol-alerts-status-acknowledged = acknowledged
protocol-alerts-empty = No anomalies.
protocol-alerts-detail-title = Anomaly no. { $id }
protocol-alerts-back = Back to the anomalies
protocol-alerts-acknowledged-by = acknowledged by { $name } on
protocol-alerts-acknowledge = Acknowledge
protocol-alerts-evidence = Evidence
protocol-alerts-links = View in the log
protocol-alerts-events = Log entries counted
protocol-alerts-entities = Kinds of data
protocol-alerts-ids = { $count ->
    [one] Record concerned
   *[other] Records concerned ({ $count })
}
protocol-alerts-accounts = { $count ->
    [one] Account concerned
   *[other] Accounts concerned ({ $count })
}
protocol-alerts-addresses = Addresses
protocol-alerts-unknown-addresses = { $count ->
    [one] 1 attempt without a recorded address
   *[other] { $count } attempts without a recorded address
}
protocol-alerts-changes = Role changes
protocol-alerts-samples = First log entries
protocol-alerts-col-at = Time
protocol-alerts-col-before = Role before
protocol-alerts-col-after = Role after
protocol-alerts-col-by = Changed by
protocol-alerts-col-log = Log
protocol-alerts-col-entity = Kind of data
protocol-alerts-col-record = Record
protocol-alerts-col-what = Page or action
protocol-alerts-col-address = Address
protocol-alerts-log-access = Access log
protocol-alerts-log-audit = Audit log
protocol-alerts-confirm-title = Acknowledge anomaly
protocol-alerts-confirm-question = Have you checked anomaly no. { $id }? Once acknowledged it counts as dealt with; new incidents are reported again.
protocol-alerts-confirm-yes = Yes, acknowledge as checked
protocol-alerts-acknowledged = The anomaly has been acknowledged.
protocol-alerts-already-acknowledged = The anomaly had already been acknowledged.
protocol-alerts-tile = { $count ->
    [one] 1 open anomaly (misuse detection)
   *[other] { $count } open anomalies (misuse detection)
}
protocol-alerts-subject-all = several addresses
protocol-alerts-rule-unknown = unknown rule
protocol-alerts-rule-denied-access = Denied access
protocol-alerts-rule-failed-logins = Failed logins
protocol-alerts-rule-invalid-links = Invalid single-use links
protocol-alerts-rule-export-volume = Export volume
protocol-alerts-rule-granted-role = Role change
protocol-alerts-variant-id-stepping = stepping through foreign ids
protocol-alerts-variant-forbidden = repeatedly denied pages or records
protocol-alerts-entity-company = Companies
protocol-alerts-entity-applicant = Applicants
protocol-alerts-entity-user = User accounts
protocol-alerts-entity-user-token = Account setup or reset links
protocol-alerts-entity-invitation = Registration links
protocol-alerts-entity-download-link = Download links
protocol-alerts-entity-login = Logins of unknown or locked accounts
protocol-alerts-entity-route = Pages without permission
protocol-alerts-entity-contact-entry = Contact entries
protocol-alerts-entity-placement = Matches
protocol-alerts-link-access-denied = This person's denied access in the access log
protocol-alerts-link-access-export = This person's exports in the access log
protocol-alerts-link-audit-login-failed = Failed logins in the audit log
protocol-alerts-link-access-login = Login attempts of unknown or locked accounts in the access log
protocol-alerts-link-access-user-token = Invalid account setup and reset links in the access log
protocol-alerts-link-access-invitation = Invalid registration links in the access log
protocol-alerts-link-access-download-link = Invalid download links in the access log
protocol-alerts-link-audit-account = Changes of the account in the audit log
protocol-alerts-summary-denied-access-id-stepping = { $name }: { $count } denied requests for { $ids } different records outside their own scope (stepping through foreign ids).
protocol-alerts-summary-denied-access-forbidden = { $name }: { $count } denied requests for pages or records without permission.
protocol-alerts-summary-failed-logins-address = { $count } failed logins from the address { $name } ({ $accounts ->
    [one] 1 known account
   *[other] { $accounts } known accounts
}).
protocol-alerts-summary-failed-logins-all = { $count } failed logins across several accounts and addresses ({ $accounts ->
    [one] 1 known account
   *[other] { $accounts } known accounts
}, { $addresses ->
    [one] 1 address
   *[other] { $addresses } addresses
}).
protocol-alerts-summary-invalid-links-address = { $count } requests for invalid or used single-use links from the address { $name }.
protocol-alerts-summary-invalid-links-all = { $count } requests for invalid or used single-use links from { $addresses ->
    [one] 1 address
   *[other] { $addresses } addresses
}.
protocol-alerts-summary-export-volume = { $name }: { $count } rows exported on one day (limit: { $limit }).
protocol-alerts-summary-granted-role = { $name } has a new role: { $before } → { $after }.
protocol-alerts-mail-subject = HiH project database: security notice – anomaly detected
protocol-alerts-mail-denied-access-id-stepping =
    The misuse detection found an anomaly:
    
    { $name }: { $count } denied requests for { $ids } different records outside their own scope (stepping through foreign ids).
    
    Evidence and acknowledgement: { $link }
protocol-alerts-mail-denied-access-forbidden =
    The misuse detection found an anomaly:
    
    { $name }: { $count } denied requests for pages or records without permission.
    
    Evidence and acknowledgement: { $link }
protocol-alerts-mail-failed-logins-address =
    The misuse detection found an anomaly:
    
    { $count } failed logins from the address { $name } within { $minutes } minutes.
    
    Evidence and acknowledgement: { $link }
protocol-alerts-mail-failed-logins-all =
    The misuse detection found an anomaly:
    
    { $count } failed logins across several accounts and addresses within { $minutes } minutes.
    
    Evidence and acknowledgement: { $link }
protocol-alerts-mail-invalid-links-address =
    The misuse detection found an anomaly:
    
    { $count } requests for invalid or used single-use links from the address { $name } within { $minutes } minutes.
    
    Evidence and acknowledgement: { $link }
protocol-alerts-mail-invalid-links-all =
    The misuse detection found an anomaly:
    
    { $count } requests for invalid or used single-use links within { $minutes } minutes.
    
    Evidence and acknowledgement: { $link }
protocol-alerts-mail-export-volume =
    The misuse detection found an anomaly:
    
    { $name } exported { $count } rows on one day (limit: { $limit }).
    
    Evidence and acknowledgement: { $link }
