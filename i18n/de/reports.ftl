## Berichte: Statistik, Kreuztabelle, Berichte, Partnerexporte, Auskunft

reports-file-status-queued = In Warteschlange
reports-file-status-running = Wird erstellt
reports-file-status-done = Fertig
reports-file-status-failed = Fehlgeschlagen

## Monats-, Jahres- und Bedarfsberichte (R-STA-4)

reports-nav-reports = Berichte
reports-report-list-title = Berichte
reports-report-list-intro = Am 1. jedes Monats entsteht automatisch der Bericht des Vormonats, am 1. Januar der Jahresbericht. Berichte für einen beliebigen Zeitraum können Sie unten anfordern.
reports-report-list-caption = Gespeicherte Berichte, neueste zuerst
reports-report-list-empty = Noch keine Berichte vorhanden.
reports-report-col-period = Zeitraum
reports-report-col-origin = Angefordert von
reports-report-col-created = Angefordert am
reports-report-col-status = Status
reports-report-col-file = Datei
reports-report-origin-scheduled = Zeitplan (automatisch)
reports-report-download = Bericht { $period } herunterladen (XLSX)
reports-report-request-title = Bericht für einen Zeitraum anfordern
reports-report-request-intro = Der Bericht enthält alle Statistiken der Datensätze, die im Zeitraum erfasst wurden (Unternehmen und Bewerber/innen nach Anlagedatum, Vermittlungen nach Datum, Monatszahlen nach Monat), je Thema ein Tabellenblatt.
reports-report-field-from = Von
reports-report-field-to = Bis
reports-report-request-submit = Bericht anfordern
reports-report-error-date = Bitte geben Sie ein gültiges Datum ein (TT.MM.JJJJ).
reports-report-error-order = Das Ende des Zeitraums darf nicht vor seinem Beginn liegen.
reports-report-error-future = Der Zeitraum darf nicht nach dem heutigen Tag enden.
reports-report-show-title = Bericht { $period }
reports-report-back = Zurück zu den Berichten
reports-report-pending = Der Bericht wird erstellt. Das dauert meist nur wenige Sekunden.
reports-report-refresh = Status aktualisieren
reports-report-failed = Der Bericht konnte nicht erstellt werden. Bitte fordern Sie ihn erneut an; die Betriebsübersicht zeigt den Fehler.
reports-report-ready = Der Bericht ist fertig.
reports-report-finished = Fertiggestellt am
reports-report-rows = Datenzeilen
reports-report-size = Größe
reports-report-size-kib = { $size } KiB
reports-report-sha256 = Prüfsumme (SHA-256)
reports-report-error = Fehler
reports-report-period-from = Zeitraum von
reports-report-period-to = Zeitraum bis
reports-report-generated-at = Erstellt am
reports-report-rule = Zählregel
reports-report-rule-text = Gezählt werden Datensätze, die im Zeitraum erfasst wurden, einschließlich inzwischen gelöschter (anonyme Zähler).
reports-report-sheet-overview = Überblick
reports-report-col-item = Angabe
reports-report-col-value = Wert
reports-report-notice-ready = Der Bericht { $period } ist fertig.
reports-report-mail-subject = HiH-Projektdatenbank: Bericht { $period } ist fertig
reports-report-mail-body = Guten Tag,

    der Bericht { $period } der HiH-Projektdatenbank ist fertig und steht nach der Anmeldung zum Herunterladen bereit:
    { $link }

    Diese Nachricht wurde automatisch erstellt.
job-reports-generate = Bericht erstellen
job-reports-monthly = Monatsbericht anfordern
job-reports-annual = Jahresbericht anfordern
