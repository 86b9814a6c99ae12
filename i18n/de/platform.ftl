# Platform texts: layout, errors, forms, roles. German (primary).
app-name = HiH Projektdatenbank
layout-skip-link = Zum Inhalt springen
layout-nav-label = Hauptnavigation
layout-language-label = Sprache
layout-search-field = Suche
layout-user-menu = Benutzermenü
layout-nav-group-start = Start
layout-nav-group-record = Erfassen
layout-nav-group-evaluate = Auswerten
layout-nav-group-manage = Verwaltung
layout-nav-group-account = Mein Konto
layout-switch-language = English
layout-search-label = Projektdatenbank durchsuchen
layout-search-button = Suchen
layout-logout = Abmelden
layout-guest-brand = Hand in Hand for International Talents
layout-guest-privacy = Datenschutzhinweise
layout-footer = Hand in Hand for International Talents – Projektdatenbank
layout-bell-label = Benachrichtigungen
layout-bell-unread = { $count } ungelesen
error-title = Das hat leider nicht geklappt
error-status = Fehlercode { $status }
error-back-home = Zur Startseite
error-not-found = Die Seite oder der Datensatz wurde nicht gefunden.
error-forbidden = Für diese Funktion fehlt Ihnen die Berechtigung.
error-unauthenticated = Bitte melden Sie sich an.
error-csrf = Das Formular ist abgelaufen oder ungültig. Bitte laden Sie die Seite neu und senden Sie es erneut.
error-rate-limited = Zu viele Versuche in kurzer Zeit. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.
error-validation = Bitte prüfen Sie Ihre Eingaben.
error-conflict = Der Datensatz wurde inzwischen geändert oder gelöscht. Bitte laden Sie die Seite neu.
error-internal = Ein technischer Fehler ist aufgetreten. Bitte versuchen Sie es später erneut; der Fehler wurde protokolliert.
error-storage = Nichts wurde gespeichert: Die Datenbank konnte die Änderung nicht schreiben (Speicherplatz erschöpft oder Schreibfehler). Bitte versuchen Sie es später erneut; sobald der Speicher wieder verfügbar ist, funktioniert das Speichern ohne Neustart. Der Fehler wurde protokolliert und erscheint auf der Statusseite.
error-bad-request = Die Anfrage war unvollständig oder fehlerhaft.
error-upload-too-large = Die gesendeten Daten sind zu groß (höchstens 20 MiB). Bitte wählen Sie eine kleinere Datei.
form-error-summary-title = Bitte korrigieren Sie die folgenden Angaben:
form-error-prefix = Fehler:
form-hint-more = Mehr dazu
form-optional = (optional)
form-cancel = Abbrechen
form-back = Zurück
form-next = Weiter
form-save = Speichern
form-yes = Ja
form-no = Nein
form-any = Alle
form-choose = Bitte wählen
form-col-created = Angelegt am
form-actions = Aktionen
form-action-edit = Bearbeiten
form-review-button = Weiter zur Kontrolle
form-review-title = Angaben prüfen
form-save-confirm = Ja, speichern
form-back-to-form = Zurück zur Bearbeitung
role-super-admin = Dienstleister (Super-Administrator)
role-admin = HiH-Projektteam (Administrator)
role-ihk-staff = IHK-Projektmitarbeiter/in
role-ahk-staff = AHK-Projektmitarbeiter/in
role-dpo = Datenschutzbeauftragte/r
list-count = { $count ->
    [one] 1 Eintrag
   *[other] { $count } Einträge
}
list-page-of = (Seite { $page } von { $pages })
record-tabs-label = Bereiche des Datensatzes
list-table-region = Tabelle (bei schmaler Ansicht seitlich verschiebbar)
list-pages-label = Seiten
list-page = Seite
list-prev = Zurück
list-next = Weiter
list-per-page = Einträge pro Seite
list-all = alle
list-apply = Anzeigen
list-sorted-asc = (aufsteigend sortiert)
list-sorted-desc = (absteigend sortiert)
list-sortable = (sortieren)
list-search = Suchen
list-reset = Zurücksetzen
list-export-csv = Als CSV herunterladen
list-export-xlsx = Als Excel-Datei (XLSX) herunterladen
list-distribution-link = Verteiler (E-Mail-Adressen) dieser Suche
list-distribution-salutation = Anrede
list-distribution-first-name = Vorname
list-distribution-last-name = Nachname
list-distribution-email = E-Mail-Adresse
list-distribution-contact = Ansprechperson
list-distribution-mail = E-Mail an alle schreiben (Adressen in BCC)
list-distribution-no-mailto = Für mehr als { $max } Adressen gibt es keinen E-Mail-Link, weil E-Mail-Programme so lange Links abschneiden. Bitte nutzen Sie die Downloads.
list-distribution-too-many = Zu viele Adressen für das Kopierfeld. Bitte nutzen Sie die Downloads; die Tabelle zeigt alle Adressen seitenweise.
list-distribution-copy = Alle Adressen zum Kopieren
confirm-title = Bitte bestätigen
confirm-yes-discard = Ja, Eingaben verwerfen
confirm-no-continue = Nein, weiter bearbeiten
confirm-cancel-question = Möchten Sie die Bearbeitung abbrechen? Ihre Eingaben werden nicht gespeichert.
notify-title = Benachrichtigungen
notify-intro = Hinweise und Erinnerungen für Sie, die neuesten zuerst. Gelesene Benachrichtigungen werden nach einiger Zeit automatisch gelöscht.
notify-filter-label = Anzeigen
notify-filter-all = alle Benachrichtigungen
notify-filter-unread = nur ungelesene
notify-unread-badge = Ungelesen:
notify-open = Öffnen
notify-mark-read = Als gelesen markieren
notify-mark-all-read = Alle als gelesen markieren
notify-all-read-done = Alle Benachrichtigungen sind als gelesen markiert.
notify-empty = Keine Benachrichtigungen.
notify-tile-unread = { $count ->
    [one] 1 ungelesene Benachrichtigung
   *[other] { $count } ungelesene Benachrichtigungen
}
job-notify-purge = Alte Benachrichtigungen löschen
error-bad-input = Die Eingabe enthält ein unzulässiges Steuerzeichen (z. B. ein Nullzeichen aus einer kopierten Datei). Bitte entfernen Sie es und senden Sie das Formular erneut.
form-error-too-long = Bitte geben Sie höchstens { $max } Zeichen ein.
form-error-control = Bitte entfernen Sie unsichtbare Steuerzeichen (z. B. aus einer kopierten Tabelle oder Datei). Erlaubt sind Buchstaben, Ziffern und Satzzeichen, in mehrzeiligen Feldern auch Zeilenumbrüche und Tabulatoren.
app-cli-config-invalid = Konfiguration ungültig: { $error }
app-cli-runtime-failed = Laufzeit konnte nicht gestartet werden: { $error }
app-cli-error = Fehler: { $error }
app-cli-otlp-failed = OpenTelemetry-Export nicht gestartet: { $error }
app-cli-migrated = { $n ->
    [one] Datenbank aktuell (1 Migration angewendet).
   *[other] Datenbank aktuell ({ $n } Migrationen angewendet).
}
app-cli-audit-intact-from = { $n ->
    [one] Audit-Protokoll intakt: 1 Eintrag geprüft (Einträge { $from } bis { $to }).
   *[other] Audit-Protokoll intakt: { $n } Einträge geprüft (Einträge { $from } bis { $to }).
}
app-cli-audit-broken = Audit-Protokoll verletzt ab Eintrag { $seq }: { $reason }
app-cli-admin-created = Administrator „{ $username }“ angelegt.
app-cli-admin-setup-link =
    Einmaliger Einrichtungslink (Passwort und Zwei-Faktor-Anmeldung festlegen):
    { $link }
app-cli-admin-password-login = Anmeldung unter { $url } mit dem angegebenen Passwort; beim ersten Anmelden wird die Zwei-Faktor-Anmeldung eingerichtet.
app-cli-admin-refused =
    Administrator nicht angelegt:
    { $reasons }
app-cli-serving = HiH Projektdatenbank läuft: { $url }
app-cli-first-start =
    Noch kein Konto eingerichtet. Legen Sie das Passwort des Administrators „admin“ über diesen einmaligen Link fest:
    { $link }
    (Alternativ: hih create-admin --username NAME --email ADRESSE)
app-cli-login-hint = Anmeldung mit Benutzername und Passwort, danach Code aus der Authenticator-App.
app-cli-plz-unit = Zeilen
app-cli-plz-progress = { $done }/{ $total } Zeilen gespeichert
app-cli-plz-line = Zeile { $line }: { $problem }
app-cli-plz-more = … und { $n } weitere Fehler
app-cli-plz-nothing-saved = Nichts gespeichert: { $n } Fehler.
app-cli-plz-summary = { $rows } Zeilen gelesen, { $imported } Einträge übernommen, { $duplicates } doppelte Zeilen übersprungen.
app-cli-plz-summary-dry-run = { $rows } Zeilen gelesen, { $imported } Einträge würden übernommen, { $duplicates } doppelte Zeilen übersprungen.
app-cli-demo-unit-companies = Unternehmen
app-cli-demo-unit-applicants = Bewerber/innen
app-cli-demo-unit-contacts = Kontakte
app-cli-demo-companies = Demo-Unternehmen
app-cli-demo-applicants = Demo-Bewerber/innen
app-cli-demo-contacts = Demo-Kontakte
app-cli-demo-unit-messages = Nachrichten
app-cli-demo-messages = Demo-Nachrichten in Beratungsgesprächen
app-cli-demo-created = { $count } { $what } angelegt in { $seconds } s ({ $rate } pro Sekunde).
app-cli-audit-break-missing = der Eintrag fehlt (als Nächstes folgt Eintrag { $found })
app-cli-audit-break-previous = der Eintrag verweist nicht auf die Prüfsumme seines Vorgängers
app-cli-audit-break-content = der Inhalt passt nicht zu seiner Prüfsumme (nachträglich geändert)
app-cli-audit-break-head = die Kette endet nicht dort, wo der Kopf-Eintrag es verzeichnet (Eintrag { $head })
app-cli-audit-break-anchor = der Anker wurde verschoben, ohne dass eine Protokoll-Löschung ihn bestätigt
job-db-audit-verify = Protokollkette prüfen (neue Einträge seit der letzten Prüfung)
job-db-audit-verify-full = Protokollkette vollständig prüfen
app-cli-backup-done = Sicherung geschrieben und geprüft: { $path } ({ $size } Bytes, SHA-256 { $sha256 })
app-cli-backup-chain-intact = { $n ->
    [one] Audit-Kette der Sicherung intakt: 1 Eintrag geprüft.
   *[other] Audit-Kette der Sicherung intakt: { $n } Einträge geprüft.
}
app-cli-backup-note = Hinweis: { $note }
app-cli-backup-pruned = { $n ->
    [one] 1 ältere Sicherungsdatei gelöscht (backup.keep).
   *[other] { $n } ältere Sicherungsdateien gelöscht (backup.keep).
}
app-cli-backup-failed = Sicherung fehlgeschlagen: { $error }
app-cli-restore-unit-pages = Seiten
app-cli-restore-unit-items = Objekte
app-cli-restore-progress = { $done }/{ $total } { $unit } wiederhergestellt
app-cli-restore-done = Wiederhergestellt: { $file } → { $target }
app-cli-restore-replaced = Wiederhergestellt (vorhandene Daten ersetzt): { $file } → { $target }
app-cli-restore-chain-intact = { $n ->
    [one] Audit-Kette nach der Wiederherstellung geprüft: intakt, 1 Eintrag.
   *[other] Audit-Kette nach der Wiederherstellung geprüft: intakt, { $n } Einträge.
}
app-cli-restore-failed = Nicht wiederhergestellt: { $error }

## Installable web app (R-OPR-6)
pwa-description = Projektdatenbank von „Hand in Hand for International Talents“: Unternehmen, Bewerberinnen und Bewerber, Kontakte und Vermittlungen.
pwa-offline-title = Keine Verbindung
pwa-offline-text = Diese Seite kann gerade nicht geladen werden, weil keine Verbindung zum Server besteht. Daten werden ohne Verbindung weder angezeigt noch auf diesem Gerät gespeichert. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.
pwa-offline-retry = Erneut versuchen

## Session timeout (WCAG 2.2.1)
layout-session-ends = Sitzung aktiv bis { $time } Uhr
layout-session-expired = Ihre Sitzung ist abgelaufen, weil Sie längere Zeit nichts getan haben. Bitte melden Sie sich erneut an. Eingaben, die Sie schon abgeschickt hatten, finden Sie danach im Formular wieder.
record-empty-mark = –
record-empty = keine Angabe

# REST-API: Problem Details (RFC 9457)
api-problem-malformed-json = Ungültiges JSON
api-problem-invalid-parameter = Ungültige Anfrage
api-problem-unauthorized = Nicht angemeldet
api-problem-forbidden = Keine Berechtigung
api-problem-read-only-token = Nur-Lese-Token
api-problem-csrf = Sicherheitstoken fehlt
api-problem-not-found = Nicht gefunden
api-problem-method-not-allowed = Methode nicht erlaubt
api-problem-conflict = Konflikt
api-problem-gone = Link nicht mehr gültig
api-problem-payload-too-large = Inhalt zu groß
api-problem-unsupported-media-type = Inhaltstyp nicht unterstützt
api-problem-invalid-body = Inhalt passt nicht zum Schema
api-problem-validation = Eingaben abgelehnt
api-problem-rate-limited = Zu viele Anfragen
api-problem-internal = Interner Fehler
api-problem-unavailable = Speichern nicht möglich
api-detail-unauthorized = Bitte senden Sie ein gültiges persönliches API-Token im Kopf „Authorization: Bearer <Token>“ oder melden Sie sich an. Unbekannte, abgelaufene und widerrufene Tokens werden abgelehnt, ebenso Tokens deaktivierter Benutzer.
api-detail-read-only = Dieses API-Token darf nur lesen; für Änderungen brauchen Sie ein Token mit Schreibzugriff.
api-detail-too-large = Der Inhalt der Anfrage ist zu groß (höchstens { $max } Bytes).
api-detail-media-type = Der Inhaltstyp wird nicht unterstützt. Senden Sie den Inhalt als „application/json“.
api-detail-malformed-json = Der Inhalt der Anfrage ist kein gültiges JSON.
api-detail-invalid-body = Der Inhalt passt nicht zum Schema der Operation: ein unbekanntes Feld, ein fehlendes Pflichtfeld oder ein Wert vom falschen Typ.
api-detail-invalid-parameter = Der Parameter „{ $name }“ ist ungültig.
api-detail-bad-request = Die Anfrage ist fehlerhaft.
api-detail-method = Diese Methode ist für diesen Pfad nicht vorgesehen.

## Sprachnachricht aufnehmen (Dateifeld mit record=true, app.js)
form-record-start = Sprachnachricht aufnehmen
form-record-stop = Aufnahme beenden
form-record-running = Die Aufnahme läuft. Beenden Sie sie mit „Aufnahme beenden“.
form-record-done = Die Sprachnachricht ist aufgenommen und wird mit dem Formular gesendet. Sie können sie vorher anhören.
form-record-denied = Das Mikrofon ist nicht verfügbar. Sie können stattdessen eine Audiodatei auswählen.
