# operations: status page (R-OPS-1)
job-operations-status-check = Systemzustand prüfen und eine Einschränkung einmal melden (Statusseite)
operations-status-title = Systemstatus
operations-status-ready = System betriebsbereit
operations-status-ready-detail = Alle Prüfungen sind in Ordnung.
operations-status-degraded = Betrieb eingeschränkt: { $problems ->
    [0] keine Probleme
    [one] ein Problem
   *[other] { $problems } Probleme
}, { $warnings ->
    [0] keine Warnungen
    [one] eine Warnung
   *[other] { $warnings } Warnungen
}.
operations-status-findings-heading = Was zu tun ist
operations-status-checked = Geprüft am { $at }. Die Seite prüft bei jedem Aufruf neu; die Meldung an den Betrieb übernimmt eine Prüfung im Minutentakt.
operations-status-more-heading = Weitere Betriebsseiten
operations-status-checks-heading = Alle Prüfungen
operations-status-act = Zur Seite: { $check }
operations-status-level-problem = Problem
operations-status-level-warning = Warnung
operations-status-level-ok = In Ordnung

operations-status-check-database = Datenbank
operations-status-check-migrations = Datenbankschema
operations-status-check-write = Schreibprobe
operations-status-check-workers = Job-Worker
operations-status-check-queue = Warteschlange
operations-status-check-failed-jobs = Fehlgeschlagene Jobs
operations-status-check-mail = E-Mail-Versand
operations-status-check-disk = Speicherplatz
operations-status-check-backup = Sicherung
operations-status-check-audit = Prüfkette des Änderungsprotokolls
operations-status-check-version = Version und Instanzen

operations-status-unreadable = Konnte nicht geprüft werden: Die Datenbank hat die Abfrage mit einem Fehler beantwortet. Einzelheiten stehen im Anwendungsprotokoll.
operations-status-unreadable-storage = Konnte nicht geprüft werden: Der Speicher der Datenbank meldet einen Fehler (voll oder Ein-/Ausgabefehler). Schaffen Sie Platz auf dem Datenträger; Einzelheiten stehen im Anwendungsprotokoll.

operations-status-database-ok = Erreichbar, Antwortzeit { $ms ->
    [0] unter 1 ms
   *[other] { $ms } ms
}.
operations-status-database-slow = Erreichbar, aber langsam: Eine einfache Abfrage dauerte { $ms } ms (Warnschwelle { $limit } ms). Prüfen Sie die Last des Datenbankservers und die Netzverbindung zu ihm.
operations-status-database-unreachable = Die Datenbank antwortet nicht. Prüfen Sie, ob der Datenbankserver läuft und die Verbindungsangaben (database.url bzw. DATABASE_URL) stimmen; Einzelheiten stehen im Anwendungsprotokoll.

operations-status-migrations-ok = Aktuell: Alle Migrationen dieses Programms sind angewendet.
operations-status-migrations-pending = { $count ->
    [one] Eine Migration fehlt
   *[other] { $count } Migrationen fehlen
}: Das Datenbankschema ist älter als dieses Programm, Seiten und Jobs können scheitern. Führen Sie „hih migrate“ aus oder starten Sie „hih serve“ neu (das migriert beim Start).

operations-status-write-ok = Schreiben in die Datenbank funktioniert.
operations-status-write-storage = Die Datenbank kann nicht schreiben: Der Speicher ist voll oder meldet einen Ein-/Ausgabefehler. Nichts kann gespeichert werden. Schaffen Sie Platz auf dem Datenträger (Datenverzeichnis bzw. Datenbankserver); danach funktioniert das Schreiben ohne Neustart wieder.
operations-status-write-failed = Die Datenbank lehnt Schreibzugriffe ab: Nichts kann gespeichert werden. Prüfen Sie, ob die Datenbank schreibgeschützt ist und der Datenbankbenutzer Schreibrechte hat; Einzelheiten stehen im Anwendungsprotokoll.

operations-status-workers-ok = { $count ->
    [one] Ein Worker aktiv
   *[other] { $count } Worker aktiv
}, letzter Herzschlag vor { $seconds } Sekunden.
operations-status-workers-none = Kein Job-Worker hat sich je gemeldet: Hintergrundjobs (E-Mails, Exporte, Berichte, Sicherungen) laufen nicht. Starten Sie mindestens eine Instanz mit „hih serve“ und run_workers = true.
operations-status-workers-dead = Kein Job-Worker meldet sich mehr (letzter Herzschlag vor { $minutes } Minuten): Hintergrundjobs (E-Mails, Exporte, Berichte, Sicherungen) laufen nicht; { $held ->
    [0] kein Job hängt an einem ausgefallenen Worker.
    [one] ein Job hängt an einem ausgefallenen Worker.
   *[other] { $held } Jobs hängen an ausgefallenen Workern.
} Prüfen Sie, ob der Dienst läuft (systemctl status hih), und starten Sie ihn neu; hängende Jobs übernimmt der nächste Worker von selbst.
operations-status-workers-silent = { $count ->
    [one] Die Instanz { $instances } meldet sich
   *[other] Die Instanzen { $instances } melden sich
} seit { $minutes } Minuten nicht mehr (ein Worker gilt nach { $limit } Sekunden ohne Herzschlag als ausgefallen). Wurde sie absichtlich beendet, verschwindet dieser Hinweis nach 24 Stunden; sonst prüfen Sie dort den Dienst und sein Protokoll.

operations-status-queue-ok = { $due } fällige Jobs warten, { $running } laufen, { $scheduled } sind für später geplant.
operations-status-queue-congested = Die Warteschlange staut sich: { $due } fällige Jobs warten, der älteste seit { $minutes } Minuten (Warnschwelle { $limit } Minuten). Prüfen Sie, ob die Worker laufen und ob ein Job ungewöhnlich lange braucht (Job-Dashboard).

operations-status-failed-none = Kein Job ist in den letzten { $hours } Stunden endgültig fehlgeschlagen.
operations-status-failed-jobs = { $count ->
    [one] Ein Job ist
   *[other] { $count } Jobs sind
} in den letzten { $hours } Stunden endgültig fehlgeschlagen, zuletzt „{ $job }“ (Fehler: { $error }). Sehen Sie die Fehler im Job-Dashboard an, beheben Sie die Ursache und führen Sie die Jobs dort erneut aus.

operations-status-mail-outbox = Postausgang-Modus (mail.mode = outbox): E-Mails werden nicht versendet, sondern im Postausgang abgelegt ({ $count } E-Mails). Zum Versenden stellen Sie mail.mode = smtp und mail.smtp_url ein.
operations-status-mail-ok = Versand über SMTP. { $waiting ->
    [0] Keine E-Mail wartet.
    [one] Eine E-Mail wartet auf den Versand.
   *[other] { $waiting } E-Mails warten auf den Versand.
}
operations-status-mail-unconfigured = mail.mode = smtp ist eingestellt, aber mail.smtp_url fehlt: Keine E-Mail kann versendet werden. Tragen Sie die Adresse des SMTP-Servers ein und starten Sie den Dienst neu.
operations-status-mail-failed = { $count ->
    [one] Eine E-Mail konnte
   *[other] { $count } E-Mails konnten
} in den letzten { $hours } Stunden auch nach fünf Versuchen nicht zugestellt werden (letzter Fehler: { $error }). Prüfen Sie SMTP-Server, Zugangsdaten und Empfängeradressen im Postausgang.
operations-status-mail-waiting = Die älteste nicht zugestellte E-Mail wartet seit { $minutes } Minuten ({ $waiting } wartend, Warnschwelle { $limit } Minuten). Prüfen Sie, ob der SMTP-Server erreichbar ist und die Zugangsdaten stimmen; der Versand wird von selbst wiederholt.

operations-status-disk-ok = { $free } frei von { $total } ({ $percent } %) im Datenverzeichnis { $dir }.
operations-status-disk-tight = Nur noch { $free } frei im Datenverzeichnis { $dir } (Warnschwelle { $limit }). Löschen Sie nicht mehr benötigte Dateien oder vergrößern Sie den Datenträger, bevor Schreibzugriffe und Sicherungen scheitern.
operations-status-disk-low = Fast kein Speicherplatz mehr: { $free } frei im Datenverzeichnis { $dir } (Mindestwert { $limit }). Schreibzugriffe und Sicherungen können jederzeit scheitern. Schaffen Sie sofort Platz (z. B. alte Sicherungen an einen anderen Ort verschieben) oder vergrößern Sie den Datenträger.
operations-status-disk-unreadable = Das Datenverzeichnis { $dir } lässt sich nicht prüfen ({ $error }). Prüfen Sie, ob es existiert und für den Dienst lesbar ist (Einstellung data_dir).

operations-status-backup-ok = Letzte Sicherung am { $at } geschrieben und geprüft ({ $size }).
operations-status-backup-off = Geplante Sicherungen sind abgeschaltet (backup.interval_hours = 0); es gibt keine Sicherung dieses Programms. Sichern Sie die Datenbank auf anderem Weg oder schalten Sie die Sicherungen ein.
operations-status-backup-off-last = Geplante Sicherungen sind abgeschaltet (backup.interval_hours = 0); die letzte Sicherung stammt vom { $at }. Sichern Sie die Datenbank auf anderem Weg oder schalten Sie die Sicherungen ein.
operations-status-backup-none = Es gibt noch keine Sicherung. Führen Sie „hih backup“ aus (oder warten Sie auf den ersten geplanten Lauf) und prüfen Sie danach diese Seite.
operations-status-backup-failed = Die letzte Sicherung am { $at } ist fehlgeschlagen (Fehler: { $error }). Beheben Sie die Ursache und sichern Sie mit „hih backup“ erneut.
operations-status-backup-old = Die letzte erfolgreiche Sicherung ist { $hours } Stunden alt (vom { $at }); erwartet wird eine alle { $interval } Stunden. Prüfen Sie im Job-Dashboard, ob der Sicherungsjob läuft, oder sichern Sie mit „hih backup“.

operations-status-audit-ok = Intakt bis Eintrag { $seq }, geprüft am { $at }.
operations-status-audit-unverified = Die Prüfkette wurde noch nicht geprüft. Führen Sie „hih verify-audit“ aus oder warten Sie auf die tägliche Prüfung (Job db.audit-verify); danach steht hier, bis zu welchem Eintrag sie intakt ist.
operations-status-audit-stale = Intakt bis Eintrag { $seq }, aber zuletzt vor { $days } Tagen geprüft (am { $at }): Die tägliche Prüfung (Job db.audit-verify) scheint nicht zu laufen. Prüfen Sie das Job-Dashboard oder führen Sie „hih verify-audit --continue“ aus.
operations-status-audit-broken = Die Prüfkette ist gebrochen: intakt nur bis Eintrag { $seq } (geprüft am { $at }; Befund: { $problem }). Das Änderungsprotokoll wurde möglicherweise verändert. Sichern Sie den jetzigen Zustand, informieren Sie die Datenschutzbeauftragten und vergleichen Sie mit der letzten Sicherung.

operations-status-version = Version { $version }; { $count ->
    [one] Instanz mit aktivem Worker
   *[other] { $count } Instanzen mit aktivem Worker
}: { $instances }.
operations-status-version-alone = Version { $version }; keine Instanz mit aktivem Worker.

operations-status-notice-degraded = Betrieb eingeschränkt: { $problems ->
    [0] keine Probleme
    [one] ein Problem
   *[other] { $problems } Probleme
}, { $warnings ->
    [0] keine Warnungen
    [one] eine Warnung
   *[other] { $warnings } Warnungen
}. Details auf der Statusseite.
operations-status-notice-recovered = System wieder betriebsbereit: Alle Prüfungen der Statusseite sind in Ordnung.
operations-status-mail-degraded-subject = HiH Projektdatenbank: Betrieb eingeschränkt
operations-status-mail-degraded-body =
    Guten Tag,
    
    die Statusprüfung der Projektdatenbank meldet { $problems ->
        [0] keine Probleme
        [one] ein Problem
       *[other] { $problems } Probleme
    } und { $warnings ->
        [0] keine Warnungen
        [one] eine Warnung
       *[other] { $warnings } Warnungen
    }:
    
    { $findings }
    
    Diese Meldung kommt einmal; sie wiederholt sich erst, wenn etwas Neues hinzukommt.
    Statusseite: { $link }
operations-status-mail-recovered-subject = HiH Projektdatenbank: System wieder betriebsbereit
operations-status-mail-recovered-body =
    Guten Tag,
    
    alle Prüfungen der Statusseite sind wieder in Ordnung: System betriebsbereit.
    
    Statusseite: { $link }
operations-status-tile = Betrieb eingeschränkt: { $problems ->
    [0] keine Probleme
    [one] ein Problem
   *[other] { $problems } Probleme
}, { $warnings ->
    [0] keine Warnungen
    [one] eine Warnung
   *[other] { $warnings } Warnungen
} – zur Statusseite
