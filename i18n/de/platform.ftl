# Platform texts: layout, errors, forms, roles. German (primary).
app-name = HiH Projektdatenbank
layout-skip-link = Zum Inhalt springen
layout-nav-label = Hauptnavigation
layout-switch-language = English
layout-logout = Abmelden
layout-footer = Hand in Hand for International Talents – Projektdatenbank
layout-notifications = { $count ->
    [one] 1 ungelesene Benachrichtigung
   *[other] { $count } ungelesene Benachrichtigungen
}
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
