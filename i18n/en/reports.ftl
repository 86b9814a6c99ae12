## Reports: statistics, cross-tabulation, reports, partner exports, data-subject reports

reports-file-status-queued = Queued
reports-file-status-running = Being generated
reports-file-status-done = Ready
reports-file-status-failed = Failed

## Monthly, annual and on-demand reports (R-STA-4)

reports-nav-reports = Reports
reports-report-list-title = Reports
reports-report-list-intro = On the 1st of each month the report of the previous month is created automatically, on 1 January the annual report. You can request a report for any period below.
reports-report-list-caption = Stored reports, newest first
reports-report-list-empty = No reports yet.
reports-report-col-period = Period
reports-report-col-origin = Requested by
reports-report-col-created = Requested on
reports-report-col-status = Status
reports-report-col-file = File
reports-report-origin-scheduled = Schedule (automatic)
reports-report-download = Download report { $period } (XLSX)
reports-report-request-title = Request a report for a period
reports-report-request-intro = The report holds all statistics of the records entered in the period (companies and applicants by creation date, matches by date, monthly counts by month), one sheet per topic.
reports-report-field-from = From
reports-report-field-to = To
reports-report-request-submit = Request report
reports-report-error-date = Please enter a valid date (DD.MM.YYYY).
reports-report-error-order = The end of the period must not lie before its start.
reports-report-error-future = The period must not end after today.
reports-report-show-title = Report { $period }
reports-report-back = Back to the reports
reports-report-pending = The report is being generated. This usually takes only a few seconds.
reports-report-refresh = Refresh status
reports-report-failed = The report could not be generated. Please request it again; the operations overview shows the error.
reports-report-ready = The report is ready.
reports-report-finished = Finished on
reports-report-rows = Data rows
reports-report-size = Size
reports-report-size-kib = { $size } KiB
reports-report-sha256 = Checksum (SHA-256)
reports-report-error = Error
reports-report-period-from = Period from
reports-report-period-to = Period to
reports-report-generated-at = Generated on
reports-report-rule = Counting rule
reports-report-rule-text = Counted are records entered in the period, including those deleted since (anonymous counters).
reports-report-sheet-overview = Overview
reports-report-col-item = Item
reports-report-col-value = Value
reports-report-notice-ready = Report { $period } is ready.
reports-report-mail-subject = HiH project database: report { $period } is ready
reports-report-mail-body = Hello,

    report { $period } of the HiH project database is ready for download after login:
    { $link }

    This message was generated automatically.
job-reports-generate = Generate report
job-reports-monthly = Request monthly report
job-reports-annual = Request annual report
