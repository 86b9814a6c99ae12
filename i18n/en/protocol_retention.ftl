# protocol: retention
job-protocol-log-purge = Delete log entries after their retention period (audit and access log)
protocol-retention-title = Retention and deletion periods
protocol-retention-intro = This page shows which data is physically deleted when. All deletions run automatically as daily jobs and are recorded in the audit log (counts only).
protocol-retention-deactivated-heading = Deactivated companies and applicants
protocol-retention-deactivated-rule = { $days ->
    [one] Deactivated records are physically deleted one day after their deactivation; before that they are folded into the anonymous statistics.
   *[other] Deactivated records are physically deleted { $days } days after their deactivation; before that they are folded into the anonymous statistics.
}
protocol-retention-deactivated-companies = Deactivated companies
protocol-retention-deactivated-applicants = Deactivated applicants
protocol-retention-deletions-caption = Scheduled deletions of deactivated records
protocol-retention-col-kind = Area
protocol-retention-col-date = Deleted from
protocol-retention-col-count = Number
protocol-retention-kind-companies = Companies
protocol-retention-kind-applicants = Applicants
protocol-retention-deactivated-none = No companies or applicants are deactivated at present.
protocol-retention-logs-heading = Audit log and access log
protocol-retention-logs-rule = { $years ->
    [0] Log entries are deleted on 1 January after the year they were written in.
    [one] Log entries are deleted at the latest at the end of the year after the one they were written in: an entry of 2026 is deleted on 1 January 2028.
   *[other] Log entries are deleted { $years } years after the year they were written in.
}
protocol-retention-next-purge = Next deletion of log entries
protocol-retention-next-covers = Covers
protocol-retention-next-covers-value = entries up to and including { $date }
protocol-retention-next-audit = Audit log entries deleted then
protocol-retention-next-access = Access log entries deleted then
protocol-retention-oldest-audit = Oldest audit log entry
protocol-retention-oldest-access = Oldest access log entry
protocol-retention-none = none
protocol-retention-anchor = Anchor of the hash chain
protocol-retention-anchor-value = last deleted entry no. { $seq }, hash
protocol-retention-anchor-none = No audit log entries have been deleted yet.
protocol-retention-anchor-explained = The audit log is a chain of hashes. When the oldest entries are deleted, the last deleted entry becomes the anchor; the deletion is recorded in the log itself with its count and the new anchor, so the chain can still be verified completely.
protocol-retention-overdue = { $count ->
    [one] 1 entry is already due and will be deleted by the next daily run.
   *[other] { $count } entries are already due and will be deleted by the next daily run.
}
protocol-retention-end-heading = Programme end
protocol-retention-end-set = The programme ends on { $date }. On that day the core data of all companies (currently { $companies }) and applicants (currently { $applicants }) is physically deleted automatically; the anonymous statistics counters are kept. Admins and the data protection officers are warned 30 and 7 days before.
protocol-retention-end-unset = No programme end date is set; there is no deletion of all core data at the programme's end.
protocol-retention-end-done = The programme ended on { $date }; the core data of all companies and applicants has been physically deleted.
protocol-retention-notifications-heading = Notifications
protocol-retention-notifications = Read notifications are deleted after { $days } days, unread ones after { $max } days at the latest.
protocol-retention-chain-broken-notice = The hash chain of the audit log is broken from entry { $seq } on. The due deletion of old log entries was stopped so that the traces are kept.
protocol-retention-chain-broken-mail-subject = HiH project database: security notice – audit log broken
protocol-retention-chain-broken-mail-body =
    The hash chain of the audit log is broken from entry { $seq } on: an entry was changed or removed outside the application.
    
    The due deletion of old log entries was stopped so that the traces are kept. Please check the database (command "hih verify-audit") and inform the operator.
