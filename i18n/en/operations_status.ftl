# operations: status page (R-OPS-1)
job-operations-status-check = Check the system's state and report a degradation once (status page)
operations-status-title = System status
operations-status-ready = System operational
operations-status-ready-detail = Every check is fine.
operations-status-degraded = Operation degraded: { $problems ->
    [0] no problems
    [one] one problem
   *[other] { $problems } problems
}, { $warnings ->
    [0] no warnings
    [one] one warning
   *[other] { $warnings } warnings
}.
operations-status-findings-heading = What to do
operations-status-checked = Checked at { $at }. The page checks anew on every visit; reporting to the operator is done by a check every minute.
operations-status-more-heading = More operations pages
operations-status-checks-heading = All checks
operations-status-act = Go to page: { $check }
operations-status-level-problem = Problem
operations-status-level-warning = Warning
operations-status-level-ok = Fine

operations-status-check-database = Database
operations-status-check-migrations = Database schema
operations-status-check-write = Write probe
operations-status-check-workers = Job workers
operations-status-check-queue = Queue
operations-status-check-failed-jobs = Failed jobs
operations-status-check-mail = E-mail delivery
operations-status-check-disk = Disk space
operations-status-check-backup = Backup
operations-status-check-audit = Audit log hash chain
operations-status-check-version = Version and instances

operations-status-unreadable = Could not be checked: the database answered the query with an error. Details are in the application log.
operations-status-unreadable-storage = Could not be checked: the database's storage reports an error (full or an I/O error). Free space on the disk; details are in the application log.

operations-status-database-ok = Reachable, response time { $ms ->
    [0] below 1 ms
   *[other] { $ms } ms
}.
operations-status-database-slow = Reachable but slow: a trivial query took { $ms } ms (warning threshold { $limit } ms). Check the load of the database server and the network connection to it.
operations-status-database-unreachable = The database does not answer. Check that the database server runs and the connection settings (database.url or DATABASE_URL) are right; details are in the application log.

operations-status-migrations-ok = Current: every migration of this program is applied.
operations-status-migrations-pending = { $count ->
    [one] One migration is missing
   *[other] { $count } migrations are missing
}: the database schema is older than this program, pages and jobs may fail. Run "hih migrate" or restart "hih serve" (it migrates at start).

operations-status-write-ok = Writing to the database works.
operations-status-write-storage = The database cannot write: its storage is full or reports an I/O error. Nothing can be saved. Free space on the disk (data directory or database server); writing then works again without a restart.
operations-status-write-failed = The database refuses writes: nothing can be saved. Check whether the database is read-only and the database user may write; details are in the application log.

operations-status-workers-ok = { $count ->
    [one] One worker active
   *[other] { $count } workers active
}, last heartbeat { $seconds } seconds ago.
operations-status-workers-none = No job worker has ever reported: background jobs (e-mails, exports, reports, backups) do not run. Start at least one instance with "hih serve" and run_workers = true.
operations-status-workers-dead = No job worker reports any more (last heartbeat { $minutes } minutes ago): background jobs (e-mails, exports, reports, backups) do not run; { $held ->
    [0] no job is held by a dead worker.
    [one] one job is held by a dead worker.
   *[other] { $held } jobs are held by dead workers.
} Check that the service runs (systemctl status hih) and restart it; the next worker takes over held jobs by itself.
operations-status-workers-silent = { $count ->
    [one] The instance { $instances } has
   *[other] The instances { $instances } have
} not reported for { $minutes } minutes (a worker counts as dead after { $limit } seconds without a heartbeat). If it was stopped on purpose, this note disappears after 24 hours; otherwise check the service there and its log.

operations-status-queue-ok = { $due } due jobs waiting, { $running } running, { $scheduled } scheduled for later.
operations-status-queue-congested = The queue is congested: { $due } due jobs are waiting, the oldest for { $minutes } minutes (warning threshold { $limit } minutes). Check that the workers run and whether a job takes unusually long (job dashboard).

operations-status-failed-none = No job failed for good in the last { $hours } hours.
operations-status-failed-jobs = { $count ->
    [one] One job
   *[other] { $count } jobs
} failed for good in the last { $hours } hours, the latest "{ $job }" (error: { $error }). Look at the errors on the job dashboard, fix the cause and run the jobs again there.

operations-status-mail-outbox = Outbox mode (mail.mode = outbox): e-mails are not sent but kept in the outbox ({ $count } e-mails). To send them, set mail.mode = smtp and mail.smtp_url.
operations-status-mail-ok = Delivery via SMTP. { $waiting ->
    [0] No e-mail is waiting.
    [one] One e-mail is waiting for delivery.
   *[other] { $waiting } e-mails are waiting for delivery.
}
operations-status-mail-unconfigured = mail.mode = smtp is set but mail.smtp_url is missing: no e-mail can be sent. Enter the SMTP server's address and restart the service.
operations-status-mail-failed = { $count ->
    [one] One e-mail
   *[other] { $count } e-mails
} could not be delivered in the last { $hours } hours even after five attempts (last error: { $error }). Check the SMTP server, the credentials and the recipients in the outbox.
operations-status-mail-waiting = The oldest undelivered e-mail has waited for { $minutes } minutes ({ $waiting } waiting, warning threshold { $limit } minutes). Check that the SMTP server is reachable and the credentials are right; delivery is retried by itself.

operations-status-disk-ok = { $free } free of { $total } ({ $percent } %) in the data directory { $dir }.
operations-status-disk-tight = Only { $free } free in the data directory { $dir } (warning threshold { $limit }). Delete files no longer needed or enlarge the disk before writes and backups fail.
operations-status-disk-low = Almost no disk space left: { $free } free in the data directory { $dir } (minimum { $limit }). Writes and backups may fail at any time. Free space at once (e.g. move old backups elsewhere) or enlarge the disk.
operations-status-disk-unreadable = The data directory { $dir } cannot be checked ({ $error }). Check that it exists and the service can read it (setting data_dir).

operations-status-backup-ok = Last backup written and verified at { $at } ({ $size }).
operations-status-backup-off = Scheduled backups are switched off (backup.interval_hours = 0); this program has no backup. Back up the database another way or switch the backups on.
operations-status-backup-off-last = Scheduled backups are switched off (backup.interval_hours = 0); the last backup is from { $at }. Back up the database another way or switch the backups on.
operations-status-backup-none = There is no backup yet. Run "hih backup" (or wait for the first scheduled run) and check this page afterwards.
operations-status-backup-failed = The last backup at { $at } failed (error: { $error }). Fix the cause and back up again with "hih backup".
operations-status-backup-old = The last successful backup is { $hours } hours old (from { $at }); one is expected every { $interval } hours. Check on the job dashboard whether the backup job runs, or back up with "hih backup".

operations-status-audit-ok = Intact up to entry { $seq }, verified at { $at }.
operations-status-audit-unverified = The hash chain has not been verified yet. Run "hih verify-audit" or wait for the daily check (job db.audit-verify); afterwards this shows up to which entry it is intact.
operations-status-audit-stale = Intact up to entry { $seq }, but last verified { $days } days ago (at { $at }): the daily check (job db.audit-verify) does not seem to run. Check the job dashboard or run "hih verify-audit --continue".
operations-status-audit-broken = The hash chain is broken: intact only up to entry { $seq } (verified at { $at }; finding: { $problem }). The audit log may have been altered. Secure the current state, inform the data-protection officers and compare with the last backup.

operations-status-version = Version { $version }; { $count ->
    [one] instance with an active worker
   *[other] { $count } instances with an active worker
}: { $instances }.
operations-status-version-alone = Version { $version }; no instance with an active worker.

operations-status-notice-degraded = Operation degraded: { $problems ->
    [0] no problems
    [one] one problem
   *[other] { $problems } problems
}, { $warnings ->
    [0] no warnings
    [one] one warning
   *[other] { $warnings } warnings
}. Details on the status page.
operations-status-notice-recovered = System operational again: every check of the status page is fine.
operations-status-mail-degraded-subject = HiH project database: operation degraded
operations-status-mail-degraded-body =
    Hello,
    
    the status check of the project database reports { $problems ->
        [0] no problems
        [one] one problem
       *[other] { $problems } problems
    } and { $warnings ->
        [0] no warnings
        [one] one warning
       *[other] { $warnings } warnings
    }:
    
    { $findings }
    
    This message comes once; it repeats only when something new is added.
    Status page: { $link }
operations-status-mail-recovered-subject = HiH project database: system operational again
operations-status-mail-recovered-body =
    Hello,
    
    every check of the status page is fine again: system operational.
    
    Status page: { $link }
operations-status-tile = Operation degraded: { $problems ->
    [0] no problems
    [one] one problem
   *[other] { $problems } problems
}, { $warnings ->
    [0] no warnings
    [one] one warning
   *[other] { $warnings } warnings
} – to the status page
