# Platform texts: layout, errors, forms, roles. German (primary).
app-name = HiH Projektdatenbank
layout-skip-link = Zum Inhalt springen
layout-nav-label = Hauptnavigation
layout-switch-language = English
layout-search-label = Projektdatenbank durchsuchen
layout-search-button = Suchen
layout-logout = Abmelden
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
error-bad-request = Die Anfrage war unvollständig oder fehlerhaft.
form-error-summary-title = Bitte korrigieren Sie die folgenden Angaben:
form-error-prefix = Fehler:
form-optional = (optional)
form-cancel = Abbrechen
form-back = Zurück
form-next = Weiter
form-save = Speichern
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
