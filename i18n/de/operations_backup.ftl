# operations: backup
job-operations-backup = Datenbank sichern (stündliche Prüfung; sichert, wenn die letzte Sicherung älter als backup.interval_hours ist)
operations-backup-title = Sicherungen
operations-backup-intro = Jede Sicherung wird geprüft, bevor sie als gelungen gilt: SQLite-Kopien mit der Integritätsprüfung und der Audit-Kette, PostgreSQL-Sicherungen mit pg_restore (und der Audit-Kette in einer Probe-Datenbank, wenn die Datenbankrolle Datenbanken anlegen darf). Die Dateien sind nur für den Betriebsbenutzer lesbar.
operations-backup-dir = Verzeichnis
operations-backup-interval = Geplante Sicherung
operations-backup-interval-value = { $hours ->
    [one] jede Stunde (stündliche Prüfung um Minute 17, UTC)
   *[other] alle { $hours } Stunden (stündliche Prüfung um Minute 17, UTC)
}
operations-backup-interval-off = aus (backup.interval_hours = 0): nur Sicherungen per Befehl oder auf dieser Seite
operations-backup-keep = Aufbewahrung
operations-backup-keep-value = { $keep ->
    [one] die neueste Sicherung; ältere Dateien werden gelöscht, ihr Eintrag bleibt
   *[other] die neuesten { $keep } Sicherungen; ältere Dateien werden gelöscht, ihr Eintrag bleibt
}
operations-backup-no-download = Sicherungen werden nicht über das Web ausgeliefert. Kopieren, Auslagern und Wiederherstellen (hih restore) geschehen auf dem Server; das Vorgehen beschreibt ops/backup.md.
operations-backup-now = Sicherung jetzt anlegen
operations-backup-record-heading = Bisherige Sicherungen
operations-backup-caption = Sicherungen mit Ergebnis, Größe und Prüfsumme
operations-backup-col-started = Beginn
operations-backup-col-trigger = Auslöser
operations-backup-col-outcome = Ergebnis
operations-backup-col-file = Datei
operations-backup-col-size = Größe
operations-backup-col-sha256 = SHA-256
operations-backup-col-error = Fehler oder Hinweis
operations-backup-trigger-schedule = geplant
operations-backup-trigger-command = Befehl hih backup
operations-backup-trigger-page = auf dieser Seite angefordert
operations-backup-outcome-ok = geprüft
operations-backup-outcome-failed = fehlgeschlagen
operations-backup-outcome-running = läuft
operations-backup-pruned = Datei gelöscht am { $date }
operations-backup-empty = Noch keine Sicherung verzeichnet.
operations-backup-confirm-title = Sicherung jetzt anlegen?
operations-backup-confirm-text = Die Sicherung läuft im Hintergrund und wird danach geprüft. Sie erscheint in der Liste, sobald sie begonnen hat; das Ergebnis steht dort, wenn sie fertig ist.
operations-backup-confirm-yes = Sicherung anlegen
operations-backup-requested = Sicherung angefordert: Sie läuft im Hintergrund und erscheint in der Liste.
operations-backup-chain-not-checked = Audit-Kette nicht geprüft: Die Datenbankrolle darf keine Datenbanken anlegen, daher wurde die Sicherung nicht probeweise wiederhergestellt (pg_restore hat die Datei gelesen). Prüfen Sie sie mit einer Wiederherstellungsprobe (ops/backup.md) oder erlauben Sie der Rolle CREATEDB.
operations-backup-error-unfinished = Nicht abgeschlossen: Der Prozess endete während der Sicherung – oder diese Datenbank wurde aus genau dieser Sicherung wiederhergestellt (dann war die Datei vollständig).
operations-backup-error-directory = Das Sicherungsverzeichnis { $dir } ist nicht nutzbar ({ $error }). Prüfen Sie den Pfad (backup.dir oder --to) und die Schreibrechte des Betriebsbenutzers.
operations-backup-error-file = Die Datei { $path } konnte nicht geschrieben oder gelesen werden ({ $error }). Prüfen Sie freien Speicherplatz und Rechte und versuchen Sie es erneut.
operations-backup-error-sqlite = Die Online-Sicherung der SQLite-Datenbank ist fehlgeschlagen ({ $error }). Prüfen Sie freien Speicherplatz und ob die Datei lesbar ist, und versuchen Sie es erneut.
operations-backup-error-tool-missing = Das Programm { $program } wurde nicht gefunden. Installieren Sie die PostgreSQL-Client-Werkzeuge passend zur Serverversion (Debian: postgresql-client-15; ops/setup erledigt das) oder tragen Sie den Pfad in der Einstellung { $setting } ein.
operations-backup-error-tool-failed = { $program } hat mit einem Fehler geendet: { $error }. Prüfen Sie Datenbankadresse, Rechte der Rolle und ob die Werkzeuge zur Serverversion passen.
operations-backup-error-integrity = Die Integritätsprüfung der Kopie hat Fehler gefunden ({ $error }). Die Kopie wurde verworfen; prüfen Sie Speicher und Datenbank und versuchen Sie es erneut.
operations-backup-error-chain = Die Audit-Kette ist ab Eintrag { $seq } verletzt: { $reason }. Prüfen Sie die laufende Datenbank mit hih verify-audit und verwenden Sie eine andere Sicherung.
operations-backup-error-wrong-kind = { $path } ist keine Sicherung, die zu dieser Installation passt (erwartet: { $expected }). Eine SQLite-Sicherung lässt sich nur in SQLite, eine pg_dump-Sicherung nur in PostgreSQL wiederherstellen.
operations-backup-error-not-empty = Das Ziel { $target } ist nicht leer. Wiederhergestellt wird nur in ein leeres Datenverzeichnis (SQLite: hih.db darf nicht existieren) oder in eine Datenbank ohne Tabellen. Mit --force werden die vorhandenen Daten ersetzt – halten Sie die Anwendung vorher an.
operations-backup-error-url = Die Datenbankadresse lässt sich nicht verwenden ({ $error }). Prüfen Sie DATABASE_URL bzw. database.url.
operations-backup-error-database = Die Datenbank hat die Anfrage abgelehnt ({ $error }). Prüfen Sie, ob sie erreichbar ist und genug Speicherplatz hat.
