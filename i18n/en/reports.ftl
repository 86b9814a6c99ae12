## Reports: statistics, cross-tabulation, reports, partner exports, data-subject reports

reports-file-status-queued = Queued
reports-file-status-running = Being generated
reports-file-status-done = Ready
reports-file-status-failed = Failed
