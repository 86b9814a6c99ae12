## Kontakthistorie (R-CH)
contacts-tab = Kontakthistorie
contacts-record-title = Kontakthistorie: { $name }
contacts-list-title = Kontakthistorie
contacts-back-to-record = Zurück zum Datensatz
contacts-back-to-list = Zurück zur Kontakthistorie
contacts-new-button = Neuer Eintrag
contacts-new-title = Neuer Eintrag
contacts-edit-title = Eintrag bearbeiten
contacts-entry-title = Eintrag der Kontakthistorie
contacts-col-date = Datum
contacts-col-staff = Mitarbeiter/in
contacts-col-entry = Eintrag
contacts-col-type = Kontaktart
contacts-field-date = Datum des Kontakts
contacts-field-topic = Thema
contacts-field-remarks = Eintrag
contacts-field-company = Unternehmen
contacts-field-applicant = Bewerber/in
contacts-field-applicant-code = Betrifft auch Bewerber/in (Bewerberkennung)
contacts-hint-applicant-code = Zum Beispiel bei einem Vorstellungsgespräch: HIH-VN-0001.
contacts-empty = Noch keine Einträge.
contacts-review-title = Änderung bestätigen
contacts-review-intro = Bitte prüfen Sie die Angaben, bevor Sie die Änderung speichern.
contacts-saved = Der Eintrag wurde gespeichert.
contacts-changed = Der Eintrag wurde geändert.
contacts-deleted = Der Eintrag wurde gelöscht.
contacts-delete = Löschen
contacts-delete-title = Eintrag löschen
contacts-delete-question = Soll der Eintrag vom { $date } endgültig gelöscht werden?
contacts-delete-yes = Ja, löschen
contacts-error-date = Bitte geben Sie das Datum des Kontakts an.
contacts-error-date-future = Das Datum des Kontakts darf nicht in der Zukunft liegen.
contacts-error-type = Bitte wählen Sie die Kontaktart.
contacts-error-topic = Bitte wählen Sie ein Thema.
contacts-error-remarks = Bitte beschreiben Sie den Kontakt.
contacts-error-applicant = Zu dieser Bewerberkennung gibt es keinen Datensatz, den Sie sehen dürfen.
contacts-search-section = { $count ->
    [one] Kontakteinträge (1 Treffer)
   *[other] Kontakteinträge ({ $count } Treffer)
}
contacts-search-label = Kontakthistorie durchsuchen
contacts-search-q = Suchbegriff
contacts-demo-needs-records = Für Demo-Kontakte müssen zuerst Unternehmen oder Bewerber/innen angelegt sein (hih demo-data --companies N --applicants N).
