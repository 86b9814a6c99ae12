## Logs: audit log, access log, errors (R-AUD-1..3)

protocol-viewer-subnav-label = Logs
protocol-viewer-subnav-alerts = Alerts
protocol-viewer-subnav-retention = Retention
protocol-viewer-tab-history = History
protocol-viewer-any = All
protocol-viewer-entry = Entry
protocol-viewer-empty = No entries found.
protocol-viewer-error-date = Please enter a valid date (DD.MM.YYYY).
protocol-viewer-error-period = The end of the period must not be before its start.
protocol-viewer-value-empty = (empty)
protocol-viewer-value-yes = Yes
protocol-viewer-value-no = No

## Filters

protocol-viewer-filter-actor = Actor
protocol-viewer-filter-actor-hint = Name or identifier of the person or background job, e.g. "Schmidt" or "system:".
protocol-viewer-filter-entity = Kind of data
protocol-viewer-filter-entity-hint = Technical name as in the log, e.g. "company" or "applicant".
protocol-viewer-filter-record = Record number
protocol-viewer-filter-action = Action
protocol-viewer-filter-access-action = Kind of access
protocol-viewer-filter-from = Period from
protocol-viewer-filter-to = Period to
protocol-viewer-filter-changes = Text in the changes
protocol-viewer-filter-changes-hint = Finds entries whose field names or values contain all words entered (case-insensitive).
protocol-viewer-filter-detail = Text in filter, details or path
protocol-viewer-filter-detail-hint = Finds entries whose search filter, details or requested address contain all words entered.
protocol-viewer-filter-kind = Kind of error
protocol-viewer-filter-errors-q = Text
protocol-viewer-filter-errors-q-hint = Searches job name, error message, address and request id.

## Columns

protocol-viewer-col-seq = No.
protocol-viewer-col-id = No.
protocol-viewer-col-at = Time
protocol-viewer-col-actor = Actor
protocol-viewer-col-actor-id = Actor id
protocol-viewer-col-entity = Kind of data
protocol-viewer-col-record = Record
protocol-viewer-col-action = Action
protocol-viewer-col-fields = Changed fields
protocol-viewer-col-changes = Changes
protocol-viewer-col-prev-hash = Hash of the previous entry
protocol-viewer-col-hash = Hash of this entry
protocol-viewer-col-count = Results
protocol-viewer-col-path = Address
protocol-viewer-col-detail = Details
protocol-viewer-col-field = Field
protocol-viewer-col-old = Old value
protocol-viewer-col-new = New value
protocol-viewer-col-value = Value
protocol-viewer-col-kind = Kind
protocol-viewer-col-what = Operation
protocol-viewer-col-state = State
protocol-viewer-col-message = Message
protocol-viewer-col-reference = Identifier

## Audit log

protocol-viewer-audit-title = Audit log
protocol-viewer-audit-intro = Every creation, change and deletion – by people and by background jobs – with the changed fields (old and new value). Secret values such as passwords appear only as ***.
protocol-viewer-audit-search-label = Search the audit log
protocol-viewer-audit-sheet = Audit log
protocol-viewer-audit-entry-title = Audit log: entry { $seq }
protocol-viewer-back-audit = Back to the audit log
protocol-viewer-record-history = All entries about this record
protocol-viewer-action-create = Created
protocol-viewer-action-update = Changed
protocol-viewer-action-delete = Deleted
protocol-viewer-changes-title = Changed fields
protocol-viewer-changes-none = This entry contains no field changes.
protocol-viewer-details-title = Details of the event
protocol-viewer-chain-title = Position in the hash chain
protocol-viewer-chain-position = Position
protocol-viewer-chain-position-value = Entry { $seq } of the chain (currently { $total } entries)
protocol-viewer-chain-check = Check
protocol-viewer-chain-hash-ok = The hash matches this entry's content.
protocol-viewer-chain-hash-bad = The hash does not match this entry's content – the entry was altered.
protocol-viewer-chain-prev = Previous entry
protocol-viewer-chain-next = Next entry

## Access log

protocol-viewer-access-title = Access log
protocol-viewer-access-intro = Who searched, viewed or exported what and when, which accesses were denied and which requests ended in an error – with search filter and number of results.
protocol-viewer-access-search-label = Search the access log
protocol-viewer-access-sheet = Access log
protocol-viewer-access-entry-title = Access log: entry { $id }
protocol-viewer-back-access = Back to the access log
protocol-viewer-detail-none = This entry has no details.
protocol-viewer-access-search = Search
protocol-viewer-access-view = View
protocol-viewer-access-export = Export
protocol-viewer-access-denied = Denied
protocol-viewer-access-error = Error

## Errors

protocol-viewer-errors-title = Errors
protocol-viewer-errors-intro = Failed background jobs and requests that ended in a server error, newest first.
protocol-viewer-errors-search-label = Search the errors
protocol-viewer-errors-empty = No errors found.
protocol-viewer-errors-kind-job = Background job
protocol-viewer-errors-kind-request = Request
protocol-viewer-errors-job-failed = Failed (attempt { $attempts } of { $max })
protocol-viewer-errors-job-killed = Aborted (after { $attempts } of { $max } attempts)
protocol-viewer-errors-request-status = Server error { $status }
protocol-viewer-errors-request-hint = Details are in the server log under the request id.
