## Programme end (R-GEN-3): warnings, deletion, tiles, command hih programme-end
job-protocol-programme-end = Programme end: advance warnings and deletion of all data on the end date

protocol-programme-end-notice = { $days ->
    [one] The programme ends tomorrow ({ $date }). All companies, applicants, contacts, matches, counselling conversations, staff-exchange posts, invitations and generated files will then be deleted permanently; the statistics are kept anonymously.
   *[other] The programme ends on { $date } (in { $days } days). All companies, applicants, contacts, matches, counselling conversations, staff-exchange posts, invitations and generated files will then be deleted permanently; the statistics are kept anonymously.
}
protocol-programme-end-mail-subject = HiH project database: programme ends on { $date }
protocol-programme-end-mail-body = Hello,

    the programme "Hand in Hand for International Talents" ends on { $date } ({ $days ->
        [one] tomorrow
       *[other] in { $days } days
    }). On that day the HiH project database automatically and permanently deletes all companies, applicants, contacts, matches, counselling conversations, staff-exchange posts, invitations and generated files (reports, partner exports). The statistics are kept as anonymous counts.

    Please secure in good time whatever is still needed after the programme's end and may be passed on:
    { $link }

    This message was generated automatically.

protocol-programme-end-tile-warning = { $days ->
    [0] The programme ends today ({ $date }). All companies, applicants, contacts, matches, counselling conversations, staff-exchange posts, invitations and generated files will be deleted permanently today.
    [one] The programme ends tomorrow ({ $date }). All companies, applicants, contacts, matches, counselling conversations, staff-exchange posts, invitations and generated files will then be deleted permanently.
   *[other] The programme ends on { $date } (in { $days } days). All companies, applicants, contacts, matches, counselling conversations, staff-exchange posts, invitations and generated files will then be deleted permanently.
}
protocol-programme-end-tile-ended = The programme ended on { $date }; the data has been deleted.

protocol-programme-end-no-date = No programme end is set (setting programme_end_date); nothing is deleted.
protocol-programme-end-not-reached = The programme's end has not been reached yet; nothing was deleted.

protocol-programme-end-kind-companies = Companies
protocol-programme-end-kind-company-status = Status changes of companies
protocol-programme-end-kind-applicants = Applicants
protocol-programme-end-kind-applicant-status = Status changes of applicants
protocol-programme-end-kind-contacts = Contact history entries
protocol-programme-end-kind-matches = Matches
protocol-programme-end-kind-access = Applicants opened to IHK districts
protocol-programme-end-kind-registrations = Open self-registrations
protocol-programme-end-kind-invitations = Self-registration invitations
protocol-programme-end-kind-reports = Report files
protocol-programme-end-kind-partner-exports = Partner exports
protocol-programme-end-kind-links = Download links
protocol-programme-end-kind-notifications = Notifications about deleted records and reports

protocol-programme-end-cli-date = { $days ->
    [0] Programme end: { $date } (reached today).
    [one] Programme end: { $date } (tomorrow).
   *[other] Programme end: { $date } (in { $days } days).
}
protocol-programme-end-cli-date-past = Programme end: { $date } (reached).
protocol-programme-end-cli-would-delete = At the programme's end this would be deleted (dry run, nothing was changed):
protocol-programme-end-cli-deleted = Deleted:
protocol-programme-end-cli-line = { $label }: { $count }
protocol-programme-end-cli-total = Total: { $count }
protocol-programme-end-cli-kept = Kept: { $count ->
    [one] 1 monthly count (1A)
   *[other] { $count } monthly counts (1A)
} and the anonymous statistics counters, user accounts, logs, selection lists and partner export profiles.
protocol-programme-end-cli-not-reached = The programme end on { $date } has not been reached yet ({ $days ->
    [one] 1 day to go
   *[other] { $days } days to go
}); nothing was deleted. Preview: hih programme-end --dry-run
protocol-programme-end-cli-recorded = The deletion is recorded in the audit log.
protocol-programme-end-cli-unannounced = No warning was ever sent for the programme end on { $date }: the date was entered only after it had passed. A date in the past does not trigger the deletion; nothing was deleted. Please check the setting programme_end_date.
