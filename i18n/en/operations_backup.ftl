# operations: backup
job-operations-backup = Back up the database (hourly check; backs up when the last backup is older than backup.interval_hours)
operations-backup-title = Backups
operations-backup-intro = Every backup is verified before it counts as done: SQLite copies with the integrity check and the audit chain, PostgreSQL backups with pg_restore (and the audit chain in a scratch database if the database role may create databases). Only the service user can read the files.
operations-backup-dir = Directory
operations-backup-interval = Scheduled backup
operations-backup-interval-value = { $hours ->
    [one] every hour (hourly check at minute 17, UTC)
   *[other] every { $hours } hours (hourly check at minute 17, UTC)
}
operations-backup-interval-off = off (backup.interval_hours = 0): only backups by command or on this page
operations-backup-keep = Retention
operations-backup-keep-value = { $keep ->
    [one] the newest backup; older files are deleted, their entry stays
   *[other] the newest { $keep } backups; older files are deleted, their entries stay
}
operations-backup-no-download = Backups are not offered through the web. Copying, off-site storage and restoring (hih restore) happen on the server; ops/backup.md describes how.
operations-backup-now = Back up now
operations-backup-record-heading = Backups so far
operations-backup-caption = Backups with result, size and checksum
operations-backup-col-started = Started
operations-backup-col-trigger = Trigger
operations-backup-col-outcome = Result
operations-backup-col-file = File
operations-backup-col-size = Size
operations-backup-col-sha256 = SHA-256
operations-backup-col-error = Error or note
operations-backup-trigger-schedule = scheduled
operations-backup-trigger-command = command hih backup
operations-backup-trigger-page = requested on this page
operations-backup-outcome-ok = verified
operations-backup-outcome-failed = failed
operations-backup-outcome-running = running
operations-backup-pruned = file deleted on { $date }
operations-backup-empty = No backup recorded yet.
operations-backup-confirm-title = Back up now?
operations-backup-confirm-text = The backup runs in the background and is verified afterwards. It appears in the list once it has started; its result shows there when it is done.
operations-backup-confirm-yes = Back up
operations-backup-requested = Backup requested: it runs in the background and appears in the list.
operations-backup-chain-not-checked = Audit chain not checked: the database role may not create databases, so the backup was not restored on trial (pg_restore read the file). Check it with a restore drill (ops/backup.md) or grant the role CREATEDB.
operations-backup-error-unfinished = Not finished: the process ended during the backup – or this database was restored from exactly this backup (then the file was complete).
operations-backup-error-directory = The backup directory { $dir } cannot be used ({ $error }). Check the path (backup.dir or --to) and the service user's write permission.
operations-backup-error-file = The file { $path } could not be written or read ({ $error }). Check free space and permissions and try again.
operations-backup-error-sqlite = The online backup of the SQLite database failed ({ $error }). Check free space and whether the file is readable, and try again.
operations-backup-error-tool-missing = The program { $program } was not found. Install the PostgreSQL client tools matching the server version (Debian: postgresql-client-15; ops/setup does this) or set its path in the setting { $setting }.
operations-backup-error-tool-failed = { $program } ended with an error: { $error }. Check the database address, the role's rights and whether the tools match the server version.
operations-backup-error-integrity = The integrity check of the copy found errors ({ $error }). The copy was discarded; check storage and database and try again.
operations-backup-error-chain = The audit chain is broken from entry { $seq }: { $reason }. Check the running database with hih verify-audit and use another backup.
operations-backup-error-wrong-kind = { $path } is not a backup that fits this installation (expected: { $expected }). A SQLite backup restores only into SQLite, a pg_dump backup only into PostgreSQL.
operations-backup-error-not-empty = The target { $target } is not empty. Restores go only into an empty data directory (SQLite: hih.db must not exist) or a database without tables. --force replaces the existing data – stop the application first.
operations-backup-error-url = The database address cannot be used ({ $error }). Check DATABASE_URL or database.url.
operations-backup-error-database = The database refused the request ({ $error }). Check that it is reachable and has enough space.
