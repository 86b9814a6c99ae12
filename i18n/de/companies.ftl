# Companies feature: companies (1B), monthly counts (1A), distribution lists. German.
companies-nav = Unternehmen
companies-list-title = Unternehmen
companies-new-button = Neues Unternehmen erfassen
companies-search-label = Unternehmen durchsuchen
companies-search-q = Freitextsuche
companies-search-q-hint = Sucht in allen Textfeldern.
companies-search-q-hint-details = Name, Adresse, Ansprechperson und Bemerkungen; Groß-/Kleinschreibung und Akzente werden ignoriert.
companies-field-size = Größe
companies-size-kmu = KMU (unter 250 Beschäftigte)
companies-size-large = 250 Beschäftigte und mehr
companies-show-inactive = Auch deaktivierte Unternehmen zeigen (bis zur Löschung)
companies-col-address = Adresse
companies-col-kreis = Landkreis / kreisfreie Stadt
companies-col-district = IHK-Bezirk
companies-col-ort = Ort
companies-export-contact-salutation = Anrede der Ansprechperson
companies-export-contact-first-name = Vorname der Ansprechperson
companies-export-contact-last-name = Nachname der Ansprechperson
companies-export-contact-function = Funktion der Ansprechperson
companies-export-active = Aktiv
companies-col-updated = Geändert am
companies-col-contact-name = Name
companies-deactivated-badge = deaktiviert
companies-list-empty = Keine Unternehmen gefunden. Ändern Sie die Suche oder setzen Sie sie zurück.
companies-new-title = Neues Unternehmen
companies-edit-title = Unternehmen bearbeiten
companies-form-intro = Pflichtfelder: Firmenname, Branche, Adresse, Status und Art der Ansprache. Die Adresse muss in Ihrem IHK-Bezirk liegen. Vor dem Speichern sehen Sie alle Angaben noch einmal.
companies-review-intro = Bitte prüfen Sie die Angaben, bevor sie gespeichert werden.
companies-legend-company = Unternehmen
companies-legend-address = Adresse
companies-legend-contact = Ansprechperson
companies-legend-project = Projekt
companies-legend-consent = Einwilligungen
companies-field-name = Firmenname
companies-field-legal-form = Rechtsform
companies-hint-legal-form = z. B. GmbH, GmbH & Co. KG, e. K.
companies-field-industry = Branche (WZ 2008)
companies-field-employees = Beschäftigtenzahl
companies-hint-employees = Ganze Zahl; unter 250 gilt das Unternehmen als KMU.
companies-field-website = Website
companies-field-phone = Telefon
companies-field-email = E-Mail-Adresse
companies-field-street = Straße
companies-field-house-number = Hausnummer
companies-field-plz = PLZ
companies-hint-plz = Fünf Ziffern, auch mit führender 0 (z. B. 06567).
companies-field-ort = Ort
companies-field-function = Funktion
companies-field-contact-phone = Telefon der Ansprechperson
companies-field-contact-email = E-Mail-Adresse der Ansprechperson
companies-field-status = Status
companies-field-status-since = Status seit
companies-field-occupations = Gesuchte Zielberufe
companies-field-open-positions = Offene Stellen
companies-field-outreach = Ansprache über
companies-field-consent-date = Einwilligung zur Speicherung am
companies-hint-consent-date = Datum der Einwilligung (TT.MM.JJJJ).
companies-field-consent-version = Fassung des Einwilligungstextes
companies-field-consent-partners = Einwilligung zur Weitergabe an
companies-hint-consent-partners = Nur an die angekreuzten Partnergruppen dürfen Daten des Unternehmens weitergegeben werden.
companies-field-remarks = Bemerkungen
companies-status-interessiert = interessiert
companies-status-teilnehmend = teilnehmend
companies-status-abbrecher = Abbrecher
companies-since = seit { $date }
companies-none = keine
companies-back-to-list = Zurück zur Unternehmensliste
companies-tab-data = Stammdaten
companies-deactivated-note = Dieses Unternehmen wurde am { $date } deaktiviert. Es ist nur noch für Administratoren sichtbar und wird nach Ablauf der Aufbewahrungsfrist gelöscht.
companies-action-deactivate = Deaktivieren
companies-action-reactivate = Reaktivieren
companies-confirm-title-reaktivieren = Unternehmen reaktivieren
companies-confirm-question-reaktivieren = Soll „{ $name }“ wieder aktiviert werden? Es erscheint dann wieder in den Listen und für die Mitarbeitenden seiner IHK; die Löschung nach Ablauf der Aufbewahrungsfrist entfällt.
companies-confirm-yes-reaktivieren = Ja, reaktivieren
companies-reactivated = Das Unternehmen wurde reaktiviert.
companies-action-delete = Endgültig löschen
companies-confirm-title-deaktivieren = Unternehmen deaktivieren
companies-confirm-title-loeschen = Unternehmen endgültig löschen
companies-confirm-question-deaktivieren = Soll „{ $name }“ deaktiviert werden? Danach sehen es nur noch Administratoren; nach Ablauf der Aufbewahrungsfrist wird es gelöscht.
companies-confirm-question-loeschen = Soll „{ $name }“ sofort und endgültig gelöscht werden (z. B. auf Verlangen der betroffenen Person)? Das kann nicht rückgängig gemacht werden.
companies-confirm-yes-deaktivieren = Ja, deaktivieren
companies-confirm-yes-loeschen = Ja, endgültig löschen
companies-created = Das Unternehmen wurde erfasst.
companies-saved = Die Änderungen wurden gespeichert.
companies-deactivated = Das Unternehmen wurde deaktiviert.
companies-error-already-inactive = Das Unternehmen ist bereits deaktiviert.
companies-deleted = Das Unternehmen wurde endgültig gelöscht.
companies-duplicate-deactivated = Die Adresse gehört zu einem deaktivierten Unternehmen, das Sie nicht öffnen können. Soll es wieder aktiv werden, wenden Sie sich an eine Administratorin oder einen Administrator (HiH-Team); sie können es während der Aufbewahrungsfrist reaktivieren.
companies-duplicate-hidden = Die Adresse gehört zu einem Unternehmen, das Sie nicht öffnen können. Bitte wenden Sie sich an eine Administratorin oder einen Administrator (HiH-Team).
companies-duplicate-link = Zum bereits erfassten Unternehmen unter dieser Adresse
companies-sheet = Unternehmen
companies-error-name = Bitte geben Sie den Firmennamen ein.
companies-error-street = Bitte geben Sie die Straße ein.
companies-error-house-number = Bitte geben Sie die Hausnummer ein.
companies-error-ort = Bitte geben Sie den Ort ein.
companies-error-too-long = Die Eingabe ist zu lang (höchstens 200 Zeichen).
companies-error-industry = Bitte wählen Sie eine Branche.
companies-error-outreach = Bitte wählen Sie, wie das Unternehmen angesprochen wurde.
companies-error-status = Bitte wählen Sie einen Status.
companies-error-choice = Bitte wählen Sie nur Einträge aus der Liste.
companies-error-number = Bitte geben Sie eine ganze Zahl ab 0 ein.
companies-error-website = Die Website-Adresse darf keine Leerzeichen enthalten.
companies-error-date = Bitte geben Sie ein gültiges Datum ein (TT.MM.JJJJ).
companies-error-date-future = Das Datum darf nicht in der Zukunft liegen.
companies-error-consent-version = Bitte geben Sie an, welcher Fassung des Einwilligungstextes zugestimmt wurde.
companies-error-duplicate = Unter dieser Adresse (PLZ, Ort, Straße, Hausnummer) ist bereits ein Unternehmen erfasst. Ein zweiter Datensatz wird nicht angelegt.
job-companies-retention = Deaktivierte Unternehmen nach Ablauf der Aufbewahrungsfrist löschen
companies-demo-needs-postcodes = Für Demodaten müssen zuerst die Postleitzahlen geladen sein (hih import-plz DATEI).

companies-search-section = { $count ->
    [one] Unternehmen (1 Treffer)
   *[other] Unternehmen ({ $count } Treffer)
}

## Monatszahlen (Kategorie 1A, R-COM-4)
companies-monthly-nav = Monatszahlen
companies-monthly-month-name = { $month ->
    [1] Januar
    [2] Februar
    [3] März
    [4] April
    [5] Mai
    [6] Juni
    [7] Juli
    [8] August
    [9] September
    [10] Oktober
    [11] November
   *[12] Dezember
}
companies-monthly-period = { companies-monthly-month-name } { $year }
companies-monthly-month-1 = Januar
companies-monthly-month-2 = Februar
companies-monthly-month-3 = März
companies-monthly-month-4 = April
companies-monthly-month-5 = Mai
companies-monthly-month-6 = Juni
companies-monthly-month-7 = Juli
companies-monthly-month-8 = August
companies-monthly-month-9 = September
companies-monthly-month-10 = Oktober
companies-monthly-month-11 = November
companies-monthly-month-12 = Dezember
companies-monthly-list-title = Monatszahlen
companies-monthly-list-intro = Je IHK und Monat: Anzahl der angesprochenen Unternehmen, davon mit weniger als 250 Beschäftigten (KMU), nach Ansprache-Format.
companies-monthly-new-button = Monat erfassen
companies-monthly-search-label = Monatszahlen filtern
companies-monthly-list-empty = Keine Monate gefunden.
companies-monthly-col-period = Monat
companies-monthly-col-district = IHK
companies-monthly-col-year = Jahr
companies-monthly-col-month = Monat
companies-monthly-col-status = Status
companies-monthly-col-addressed = Angesprochen
companies-monthly-col-kmu = davon KMU
companies-monthly-col-format = Ansprache-Format
companies-monthly-status-fehlt = fehlt
companies-monthly-status-offen = offen
companies-monthly-status-abgeschlossen = abgeschlossen
companies-monthly-sheet = Monatszahlen
companies-monthly-pick-title = Monat erfassen
companies-monthly-pick-intro = Wählen Sie den Monat, dessen Zahlen Sie erfassen oder ändern möchten.
companies-monthly-own-district = Zahlen für { $district }
companies-monthly-pick-button = Weiter zur Erfassung
companies-monthly-form-title = Monatszahlen { companies-monthly-month-name } { $year }
companies-monthly-form-district = Zahlen für { $district }
companies-monthly-form-intro = Tragen Sie je Ansprache-Format ein, wie viele Unternehmen in diesem Monat angesprochen wurden und wie viele davon weniger als 250 Beschäftigte haben. Leere Felder zählen als 0.
companies-monthly-field-addressed = Angesprochene Unternehmen
companies-monthly-field-kmu = davon KMU
companies-monthly-hint-kmu = Unternehmen mit weniger als 250 Beschäftigten; höchstens so viele wie angesprochen.
companies-monthly-review-intro = Bitte prüfen Sie die Zahlen für { companies-monthly-month-name } { $year } ({ $district }), bevor Sie speichern.
companies-monthly-total = Summe
companies-monthly-back-to-list = Zurück zu den Monatszahlen
companies-monthly-closed-at = Abgeschlossen am
companies-monthly-figures = Zahlen nach Ansprache-Format
companies-monthly-missing-note = Für diesen Monat wurden noch keine Zahlen erfasst.
companies-monthly-action-enter = Zahlen erfassen
companies-monthly-action-close = Monat abschließen
companies-monthly-action-reopen = Monat wieder öffnen
companies-monthly-closed-note = Dieser Monat ist abgeschlossen. Änderungen sind nur noch durch das HiH-Projektteam möglich.
companies-monthly-closed-admin-note = Dieser Monat ist bereits abgeschlossen. Ihre Änderungen werden trotzdem gespeichert; der Monat bleibt abgeschlossen.
companies-monthly-confirm-title-abschliessen = Monat abschließen
companies-monthly-confirm-question-abschliessen = Möchten Sie { companies-monthly-month-name } { $year } für { $district } abschließen? Danach kann die IHK die Zahlen nicht mehr ändern.
companies-monthly-confirm-yes-abschliessen = Ja, abschließen
companies-monthly-confirm-title-wieder-oeffnen = Monat wieder öffnen
companies-monthly-confirm-question-wieder-oeffnen = Möchten Sie { companies-monthly-month-name } { $year } für { $district } wieder öffnen? Danach kann die IHK die Zahlen wieder ändern.
companies-monthly-confirm-yes-wieder-oeffnen = Ja, wieder öffnen
companies-monthly-saved = Die Monatszahlen wurden gespeichert.
companies-monthly-closed = Der Monat wurde abgeschlossen.
companies-monthly-reopened = Der Monat wurde wieder geöffnet.
companies-monthly-error-district = Bitte wählen Sie eine IHK.
companies-monthly-error-year = Bitte geben Sie das Jahr vierstellig ein (z. B. 2026).
companies-monthly-error-month = Bitte wählen Sie einen Monat.
companies-monthly-error-future = Der Monat darf nicht in der Zukunft liegen.
companies-monthly-error-number = Bitte geben Sie eine ganze Zahl ab 0 ein.
companies-monthly-error-negative = Die Zahl darf nicht negativ sein.
companies-monthly-error-too-large = Die Zahl ist zu groß (höchstens 1.000.000).
companies-monthly-error-kmu-exceeds = Es können nicht mehr KMU angesprochen worden sein als Unternehmen insgesamt.
companies-monthly-error-closed = Dieser Monat ist abgeschlossen und kann nicht mehr geändert werden.
companies-monthly-error-outreach = Dieses Ansprache-Format gibt es nicht.
companies-monthly-tile-missing = { $count ->
    [one] Monatszahlen für { companies-monthly-month-name } { $year } fehlen.
   *[other] Monatszahlen für { $count } Monate fehlen, zuerst für { companies-monthly-month-name } { $year }.
}
companies-monthly-tile-open = { $count ->
    [one] 1 Monat mit Monatszahlen ist erfasst, aber noch nicht abgeschlossen.
   *[other] { $count } Monate mit Monatszahlen sind erfasst, aber noch nicht abgeschlossen.
}

## Verteiler aus einer Unternehmenssuche (R-EXP-4)
companies-distribution-title = E-Mail-Verteiler der Unternehmenssuche
companies-distribution-intro = { $count ->
    [one] 1 Adresse aus den gefundenen Unternehmen. Verwendet wird die Adresse der Ansprechperson, sonst die des Unternehmens; doppelte Adressen erscheinen einmal.
   *[other] { $count } Adressen aus den gefundenen Unternehmen. Verwendet wird die Adresse der Ansprechperson, sonst die des Unternehmens; doppelte Adressen erscheinen einmal.
}
companies-distribution-without = { $count ->
    [one] 1 gefundenes Unternehmen hat keine E-Mail-Adresse und fehlt im Verteiler.
   *[other] { $count } gefundene Unternehmen haben keine E-Mail-Adresse und fehlen im Verteiler.
}
companies-distribution-back = Zurück zur Unternehmensliste
companies-distribution-sheet = Verteiler
