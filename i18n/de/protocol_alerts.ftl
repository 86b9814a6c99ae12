# Misuse detection (R-SEC-1): the alerts page, its evidence, notifications and mails.
job-protocol-misuse-scan = Protokolle auf Auffälligkeiten prüfen (Missbrauchserkennung)
protocol-alerts-title = Auffälligkeiten
protocol-alerts-intro = Die Missbrauchserkennung prüft jede Minute das Zugriffs- und das Änderungsprotokoll: wiederholt verweigerte Zugriffe, gehäufte Fehlanmeldungen, ungültige Einmal-Links, ungewöhnliche Exportmengen und Rollenänderungen. Jede Auffälligkeit wird einmal gemeldet, bis sie bestätigt ist oder eine Weile nichts mehr geschieht.
protocol-alerts-search-label = Auffälligkeiten filtern
protocol-alerts-field-rule = Regel
protocol-alerts-field-status = Status
protocol-alerts-any = alle
protocol-alerts-col-last-seen = Zuletzt
protocol-alerts-col-first-seen = Zuerst
protocol-alerts-col-subject = Wer oder woher
protocol-alerts-col-summary = Beschreibung
protocol-alerts-col-count = Anzahl
protocol-alerts-status-open = offen
protocol-alerts-status-acknowledged = bestätigt
protocol-alerts-empty = Keine Auffälligkeiten.
protocol-alerts-detail-title = Auffälligkeit Nr. { $id }
protocol-alerts-back = Zurück zu den Auffälligkeiten
protocol-alerts-acknowledged-by = bestätigt von { $name } am
protocol-alerts-acknowledge = Bestätigen
protocol-alerts-evidence = Belege
protocol-alerts-links = Im Protokoll ansehen
protocol-alerts-events = Gezählte Protokolleinträge
protocol-alerts-entities = Betroffene Datenarten
protocol-alerts-ids = { $count ->
    [one] Betroffener Datensatz
   *[other] Betroffene Datensätze ({ $count })
}
protocol-alerts-accounts = { $count ->
    [one] Betroffenes Konto
   *[other] Betroffene Konten ({ $count })
}
protocol-alerts-addresses = Adressen
protocol-alerts-unknown-addresses = { $count ->
    [one] 1 Versuch ohne erfasste Adresse
   *[other] { $count } Versuche ohne erfasste Adresse
}
protocol-alerts-changes = Rollenänderungen
protocol-alerts-samples = Erste Protokolleinträge
protocol-alerts-col-at = Zeitpunkt
protocol-alerts-col-before = Rolle vorher
protocol-alerts-col-after = Rolle nachher
protocol-alerts-col-by = Geändert von
protocol-alerts-col-log = Protokoll
protocol-alerts-col-entity = Datenart
protocol-alerts-col-record = Datensatz
protocol-alerts-col-what = Seite oder Aktion
protocol-alerts-col-address = Adresse
protocol-alerts-log-access = Zugriffsprotokoll
protocol-alerts-log-audit = Änderungsprotokoll
protocol-alerts-confirm-title = Auffälligkeit bestätigen
protocol-alerts-confirm-question = Haben Sie die Auffälligkeit Nr. { $id } geprüft? Nach der Bestätigung gilt sie als erledigt; neue Vorfälle werden wieder gemeldet.
protocol-alerts-confirm-yes = Ja, als geprüft bestätigen
protocol-alerts-acknowledged = Die Auffälligkeit wurde bestätigt.
protocol-alerts-already-acknowledged = Die Auffälligkeit war bereits bestätigt.
protocol-alerts-tile = { $count ->
    [one] 1 offene Auffälligkeit (Missbrauchserkennung)
   *[other] { $count } offene Auffälligkeiten (Missbrauchserkennung)
}
protocol-alerts-subject-all = mehrere Adressen
protocol-alerts-rule-unknown = unbekannte Regel
protocol-alerts-rule-denied-access = Verweigerte Zugriffe
protocol-alerts-rule-failed-logins = Fehlanmeldungen
protocol-alerts-rule-invalid-links = Ungültige Einmal-Links
protocol-alerts-rule-export-volume = Exportmenge
protocol-alerts-rule-granted-role = Rollenänderung
protocol-alerts-variant-id-stepping = Durchprobieren fremder IDs
protocol-alerts-variant-forbidden = wiederholt verweigerte Seiten oder Datensätze
protocol-alerts-entity-company = Unternehmen
protocol-alerts-entity-applicant = Bewerber/innen
protocol-alerts-entity-user = Benutzerkonten
protocol-alerts-entity-user-token = Einrichtungs- oder Zurücksetzungslinks
protocol-alerts-entity-invitation = Registrierungslinks
protocol-alerts-entity-download-link = Download-Links
protocol-alerts-entity-login = Anmeldungen unbekannter oder gesperrter Konten
protocol-alerts-entity-route = Seiten ohne Berechtigung
protocol-alerts-entity-contact-entry = Kontakteinträge
protocol-alerts-entity-placement = Vermittlungen
protocol-alerts-link-access-denied = Verweigerte Zugriffe dieser Person im Zugriffsprotokoll
protocol-alerts-link-access-export = Exporte dieser Person im Zugriffsprotokoll
protocol-alerts-link-audit-login-failed = Fehlanmeldungen im Änderungsprotokoll
protocol-alerts-link-access-login = Anmeldeversuche unbekannter oder gesperrter Konten im Zugriffsprotokoll
protocol-alerts-link-access-user-token = Ungültige Einrichtungs- und Zurücksetzungslinks im Zugriffsprotokoll
protocol-alerts-link-access-invitation = Ungültige Registrierungslinks im Zugriffsprotokoll
protocol-alerts-link-access-download-link = Ungültige Download-Links im Zugriffsprotokoll
protocol-alerts-link-audit-account = Änderungen des Kontos im Änderungsprotokoll
protocol-alerts-summary-denied-access-id-stepping = { $name }: { $count } verweigerte Zugriffe auf { $ids } verschiedene Datensätze außerhalb der eigenen Zuständigkeit (Durchprobieren fremder IDs).
protocol-alerts-summary-denied-access-forbidden = { $name }: { $count } verweigerte Zugriffe auf Seiten oder Datensätze ohne Berechtigung.
protocol-alerts-summary-failed-logins-address = { $count } fehlgeschlagene Anmeldungen von der Adresse { $name } ({ $accounts ->
    [one] 1 bekanntes Konto
   *[other] { $accounts } bekannte Konten
}).
protocol-alerts-summary-failed-logins-all = { $count } fehlgeschlagene Anmeldungen über mehrere Konten und Adressen ({ $accounts ->
    [one] 1 bekanntes Konto
   *[other] { $accounts } bekannte Konten
}, { $addresses ->
    [one] 1 Adresse
   *[other] { $addresses } Adressen
}).
protocol-alerts-summary-invalid-links-address = { $count } Aufrufe ungültiger oder bereits benutzter Einmal-Links von der Adresse { $name }.
protocol-alerts-summary-invalid-links-all = { $count } Aufrufe ungültiger oder bereits benutzter Einmal-Links von { $addresses ->
    [one] 1 Adresse
   *[other] { $addresses } Adressen
}.
protocol-alerts-summary-export-volume = { $name }: { $count } exportierte Zeilen an einem Tag (Grenze: { $limit }).
protocol-alerts-summary-granted-role = { $name } hat eine neue Rolle: { $before } → { $after }.
protocol-alerts-mail-subject = HiH Projektdatenbank: Sicherheitshinweis – Auffälligkeit erkannt
protocol-alerts-mail-denied-access-id-stepping =
    Die Missbrauchserkennung hat eine Auffälligkeit erkannt:
    
    { $name }: { $count } verweigerte Zugriffe auf { $ids } verschiedene Datensätze außerhalb der eigenen Zuständigkeit (Durchprobieren fremder IDs).
    
    Belege und Bestätigung: { $link }
protocol-alerts-mail-denied-access-forbidden =
    Die Missbrauchserkennung hat eine Auffälligkeit erkannt:
    
    { $name }: { $count } verweigerte Zugriffe auf Seiten oder Datensätze ohne Berechtigung.
    
    Belege und Bestätigung: { $link }
protocol-alerts-mail-failed-logins-address =
    Die Missbrauchserkennung hat eine Auffälligkeit erkannt:
    
    { $count } fehlgeschlagene Anmeldungen von der Adresse { $name } innerhalb von { $minutes } Minuten.
    
    Belege und Bestätigung: { $link }
protocol-alerts-mail-failed-logins-all =
    Die Missbrauchserkennung hat eine Auffälligkeit erkannt:
    
    { $count } fehlgeschlagene Anmeldungen über mehrere Konten und Adressen innerhalb von { $minutes } Minuten.
    
    Belege und Bestätigung: { $link }
protocol-alerts-mail-invalid-links-address =
    Die Missbrauchserkennung hat eine Auffälligkeit erkannt:
    
    { $count } Aufrufe ungültiger oder bereits benutzter Einmal-Links von der Adresse { $name } innerhalb von { $minutes } Minuten.
    
    Belege und Bestätigung: { $link }
protocol-alerts-mail-invalid-links-all =
    Die Missbrauchserkennung hat eine Auffälligkeit erkannt:
    
    { $count } Aufrufe ungültiger oder bereits benutzter Einmal-Links innerhalb von { $minutes } Minuten.
    
    Belege und Bestätigung: { $link }
protocol-alerts-mail-export-volume =
    Die Missbrauchserkennung hat eine Auffälligkeit erkannt:
    
    { $name } hat an einem Tag { $count } Zeilen exportiert (Grenze: { $limit }).
    
    Belege und Bestätigung: { $link }
