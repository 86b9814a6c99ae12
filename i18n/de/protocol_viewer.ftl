## Protokolle: Änderungsprotokoll, Zugriffsprotokoll, Fehler (R-AUD-1..3)

protocol-viewer-subnav-label = Protokolle
protocol-viewer-subnav-alerts = Auffälligkeiten
protocol-viewer-subnav-retention = Aufbewahrung
protocol-viewer-tab-history = Verlauf
protocol-viewer-any = Alle
protocol-viewer-entry = Eintrag
protocol-viewer-empty = Keine Einträge gefunden.
protocol-viewer-error-date = Bitte geben Sie ein gültiges Datum ein (TT.MM.JJJJ).
protocol-viewer-error-period = Das Ende des Zeitraums darf nicht vor seinem Anfang liegen.
protocol-viewer-value-empty = (leer)
protocol-viewer-value-yes = Ja
protocol-viewer-value-no = Nein

## Filter

protocol-viewer-filter-actor = Akteur
protocol-viewer-filter-actor-hint = Name oder Kennung der Person oder des Hintergrundauftrags, z. B. „Schmidt“ oder „system:“.
protocol-viewer-filter-entity = Datenart
protocol-viewer-filter-entity-hint = Technischer Name wie im Protokoll, z. B. „company“ oder „applicant“.
protocol-viewer-filter-record = Datensatz-Nummer
protocol-viewer-filter-action = Aktion
protocol-viewer-filter-access-action = Art des Zugriffs
protocol-viewer-filter-from = Zeitraum von
protocol-viewer-filter-to = Zeitraum bis
protocol-viewer-filter-changes = Text in den Änderungen
protocol-viewer-filter-changes-hint = Findet Einträge, deren Feldnamen oder Werte alle eingegebenen Wörter enthalten (Groß- und Kleinschreibung egal).
protocol-viewer-filter-detail = Text in Filter, Details oder Pfad
protocol-viewer-filter-detail-hint = Findet Einträge, deren Suchfilter, Details oder aufgerufene Adresse alle eingegebenen Wörter enthalten.
protocol-viewer-filter-kind = Art des Fehlers
protocol-viewer-filter-errors-q = Text
protocol-viewer-filter-errors-q-hint = Sucht in Auftragsname, Fehlermeldung, Adresse und Anfrage-Kennung.

## Spalten

protocol-viewer-col-seq = Nr.
protocol-viewer-col-id = Nr.
protocol-viewer-col-at = Zeitpunkt
protocol-viewer-col-actor = Akteur
protocol-viewer-col-actor-id = Akteur-Kennung
protocol-viewer-col-entity = Datenart
protocol-viewer-col-record = Datensatz
protocol-viewer-col-action = Aktion
protocol-viewer-col-fields = Geänderte Felder
protocol-viewer-col-changes = Änderungen
protocol-viewer-col-prev-hash = Hash des vorigen Eintrags
protocol-viewer-col-hash = Hash dieses Eintrags
protocol-viewer-col-count = Treffer
protocol-viewer-col-path = Adresse
protocol-viewer-col-detail = Details
protocol-viewer-col-field = Feld
protocol-viewer-col-old = Alter Wert
protocol-viewer-col-new = Neuer Wert
protocol-viewer-col-value = Wert
protocol-viewer-col-kind = Art
protocol-viewer-col-what = Vorgang
protocol-viewer-col-state = Zustand
protocol-viewer-col-message = Meldung
protocol-viewer-col-reference = Kennung

## Änderungsprotokoll

protocol-viewer-audit-title = Änderungsprotokoll
protocol-viewer-audit-intro = Jede Anlage, Änderung und Löschung – durch Personen und durch Hintergrundaufträge – mit den geänderten Feldern (alter und neuer Wert). Geheime Werte wie Passwörter erscheinen nur als ***.
protocol-viewer-audit-search-label = Änderungsprotokoll durchsuchen
protocol-viewer-audit-sheet = Änderungsprotokoll
protocol-viewer-audit-entry-title = Änderungsprotokoll: Eintrag { $seq }
protocol-viewer-back-audit = Zurück zum Änderungsprotokoll
protocol-viewer-record-history = Alle Einträge zu diesem Datensatz
protocol-viewer-action-create = Angelegt
protocol-viewer-action-update = Geändert
protocol-viewer-action-delete = Gelöscht
protocol-viewer-changes-title = Geänderte Felder
protocol-viewer-changes-none = Dieser Eintrag enthält keine Feldänderungen.
protocol-viewer-details-title = Angaben zum Ereignis
protocol-viewer-chain-title = Position in der Hash-Kette
protocol-viewer-chain-position = Position
protocol-viewer-chain-position-value = Eintrag { $seq } der Kette (derzeit { $total } Einträge)
protocol-viewer-chain-check = Prüfung
protocol-viewer-chain-hash-ok = Der Hash passt zum Inhalt dieses Eintrags.
protocol-viewer-chain-hash-bad = Der Hash passt nicht zum Inhalt dieses Eintrags – der Eintrag wurde verändert.
protocol-viewer-chain-prev = Vorheriger Eintrag
protocol-viewer-chain-next = Nächster Eintrag

## Zugriffsprotokoll

protocol-viewer-access-title = Zugriffsprotokoll
protocol-viewer-access-intro = Wer wann was gesucht, angesehen oder exportiert hat, welche Zugriffe verweigert wurden und welche Aufrufe mit einem Fehler endeten – mit Suchfilter und Trefferzahl.
protocol-viewer-access-search-label = Zugriffsprotokoll durchsuchen
protocol-viewer-access-sheet = Zugriffsprotokoll
protocol-viewer-access-entry-title = Zugriffsprotokoll: Eintrag { $id }
protocol-viewer-back-access = Zurück zum Zugriffsprotokoll
protocol-viewer-detail-none = Zu diesem Eintrag gibt es keine Details.
protocol-viewer-access-search = Suche
protocol-viewer-access-view = Ansicht
protocol-viewer-access-export = Export
protocol-viewer-access-denied = Verweigert
protocol-viewer-access-error = Fehler

## Fehler

protocol-viewer-errors-title = Fehler
protocol-viewer-errors-intro = Fehlgeschlagene Hintergrundaufträge und Aufrufe, die mit einem Serverfehler endeten, die neuesten zuerst.
protocol-viewer-errors-search-label = Fehler durchsuchen
protocol-viewer-errors-empty = Keine Fehler gefunden.
protocol-viewer-errors-kind-job = Hintergrundauftrag
protocol-viewer-errors-kind-request = Aufruf
protocol-viewer-errors-job-failed = Fehlgeschlagen (Versuch { $attempts } von { $max })
protocol-viewer-errors-job-killed = Abgebrochen (nach { $attempts } von { $max } Versuchen)
protocol-viewer-errors-request-status = Serverfehler { $status }
protocol-viewer-errors-request-hint = Einzelheiten stehen im Serverprotokoll unter der Anfrage-Kennung.
