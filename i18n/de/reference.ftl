# Reference data feature: postcodes, IHK districts, selection lists (R-REF). German.
reference-nav = Referenzdaten
reference-title = Referenzdaten
reference-plz-heading = Postleitzahlen
reference-plz-count = { $count ->
    [one] 1 Postleitzahl-Eintrag geladen.
   *[other] { $count } Postleitzahl-Einträge geladen.
}
reference-tile-no-postcodes = Die Postleitzahlen sind noch nicht geladen. Bis dahin wird bei Adressen nur geprüft, ob die PLZ fünfstellig ist.
reference-plz-intro = Laden Sie eine CSV-Datei im Format osm_id,ort,plz,landkreis,bundesland (OpenStreetMap) hoch. Der Import ersetzt die vorhandenen Einträge vollständig – oder gar nicht, wenn die Datei Fehler enthält.
reference-plz-file = CSV-Datei
reference-plz-file-hint = Kommagetrennt, UTF-8, mit Kopfzeile.
reference-plz-dry-run = Nur prüfen, nichts speichern
reference-plz-dry-run-hint = Zeigt den Prüfbericht, ohne die Postleitzahlen zu ersetzen.
reference-plz-upload = Datei hochladen
reference-plz-report-title = Prüfbericht Postleitzahlen-Import
reference-plz-report-refused = { $count ->
    [one] Die Datei enthält 1 Fehler. Es wurde nichts gespeichert.
   *[other] Die Datei enthält { $count } Fehler. Es wurde nichts gespeichert.
}
reference-plz-report-problems = Gefundene Fehler
reference-plz-report-more = … und { $count } weitere Fehler.
reference-plz-report-dry = Prüfung ohne Speichern: { $rows } Zeilen gelesen, { $imported } Einträge würden übernommen, { $duplicates } doppelte Zeilen übersprungen.
reference-plz-report-done = Import abgeschlossen: { $rows } Zeilen gelesen, { $imported } Einträge übernommen, { $duplicates } doppelte Zeilen übersprungen.
reference-col-line = Zeile
reference-col-problem = Problem
reference-plz-error-header = Die Kopfzeile muss genau „osm_id,ort,plz,landkreis,bundesland“ lauten.
reference-plz-error-row = Die Zeile ist keine gültige CSV-Zeile.
reference-plz-error-columns = Die Zeile hat nicht genau fünf Spalten.
reference-plz-error-plz = Die PLZ muss aus genau fünf Ziffern bestehen (sie darf mit 0 beginnen).
reference-plz-error-empty = Ort und Bundesland dürfen nicht leer sein.
reference-plz-error-empty-file = Die Datei enthält keine Datenzeilen.
reference-back = Zurück zu den Referenzdaten
reference-districts-heading = IHK-Bezirke
reference-districts-intro = Jeder Bezirk besteht aus Landkreisen und kreisfreien Städten. Eine Adresse gehört zum Bezirk, wenn der Landkreis ihrer PLZ (oder bei kreisfreien Städten der Ort) dazugehört.
reference-col-ihk = IHK
reference-col-areas = Landkreise und kreisfreie Städte
reference-col-action = Aktion
reference-district-edit = Bezirk bearbeiten
reference-district-edit-title = Bezirk der { $ihk }
reference-district-areas = Landkreise und kreisfreie Städte
reference-district-areas-hint = Ein Name pro Zeile, genau wie in den Postleitzahl-Daten, z. B. „Landkreis Gotha“ oder „Erfurt“.
reference-district-unknown = Diese Namen kommen in den Postleitzahl-Daten nicht als Landkreis oder kreisfreie Stadt vor: { $names }
reference-district-taken = Diese Gebiete gehören bereits zu einem anderen IHK-Bezirk: { $names }
reference-district-saved = Der Bezirk wurde gespeichert.
reference-district-review-intro = Nach dem Speichern gehören diese Landkreise und kreisfreien Städte zum Bezirk der { $ihk }:
reference-error-plz-format = Die PLZ muss aus genau fünf Ziffern bestehen, z. B. 06567.
reference-error-plz-unknown = Diese PLZ ist unbekannt. Bitte prüfen Sie die Eingabe.
reference-error-ort-mismatch = Der Ort passt nicht zur PLZ. Bitte prüfen Sie PLZ und Ort.
reference-error-outside-district = Die Adresse liegt nicht in Ihrem IHK-Bezirk.

## Auswahllisten (R-REF-3)
reference-lists-heading = Auswahllisten
reference-lists-intro = Einträge dieser Listen stehen in den Formularen zur Auswahl. Einträge werden nicht gelöscht, sondern abgeschaltet, weil gespeicherte Datensätze ihren Code behalten.
reference-lists-count = { $count ->
    [one] 1 Eintrag
   *[other] { $count } Einträge
}
reference-list-kind-industry = Branchen (WZ 2008)
reference-list-kind-occupation = Zielberufe
reference-list-kind-outreach = Ansprache-Formate
reference-list-kind-partner = Partnerkategorien
reference-list-kind-country = Länder
reference-list-kind-contact-type = Kontaktarten
reference-list-kind-contact-topic = Kontaktthemen
reference-list-items-title = Auswahlliste: { $list }
reference-list-items-intro = Die Reihenfolge in den Formularen folgt der Position. Abgeschaltete Einträge werden nicht mehr angeboten, bleiben aber an bestehenden Datensätzen sichtbar.
reference-item-new = Neuer Eintrag
reference-item-new-title = Neuer Eintrag: { $list }
reference-item-edit-title = Eintrag bearbeiten: { $list }
reference-item-review-intro = Bitte prüfen Sie den Eintrag für die Liste „{ $list }“ und bestätigen Sie das Speichern.
reference-item-edit = Bearbeiten
reference-item-none = Diese Liste hat noch keine Einträge.
reference-item-code = Code
reference-item-code-hint = Kleinbuchstaben, Ziffern, Binde- und Unterstrich, höchstens 40 Zeichen.
reference-item-code-hint-details = Der Code wird an Datensätzen gespeichert und kann später nicht geändert werden.
reference-item-code-hint-country = Zweistelliger Ländercode nach ISO 3166 in Großbuchstaben, z. B. VN. Er wird Teil der Bewerberkennung und kann später nicht geändert werden.
reference-item-label-de = Bezeichnung (Deutsch)
reference-item-label-en = Bezeichnung (Englisch)
reference-item-sort = Position
reference-item-sort-hint = Ganze Zahl von 0 bis 100000; kleinere Zahlen stehen weiter oben.
reference-item-status = Status
reference-item-active = angeboten
reference-item-inactive = abgeschaltet
reference-item-active-field = In Formularen anbieten
reference-item-active-hint = Ohne Haken bleibt der Eintrag an bestehenden Datensätzen erhalten, wird aber nicht mehr zur Auswahl angeboten.
reference-item-saved = Der Eintrag wurde gespeichert.
reference-item-error-code = Bitte geben Sie einen Code aus Kleinbuchstaben, Ziffern, Binde- oder Unterstrich ein (höchstens 40 Zeichen).
reference-item-error-country-code = Bitte geben Sie einen zweistelligen Ländercode in Großbuchstaben ein, z. B. VN.
reference-item-error-code-taken = Diesen Code gibt es in der Liste schon. Bitte wählen Sie einen anderen.
reference-item-error-label = Bitte geben Sie eine Bezeichnung ein.
reference-item-error-sort = Bitte geben Sie die Position als ganze Zahl von 0 bis 100000 ein.
reference-item-error-too-long = Die Eingabe ist zu lang (höchstens 200 Zeichen).

# Status page (R-OPS-1): the check "postcode data loaded".
reference-status-postcodes = Postleitzahlen
reference-status-postcodes-loaded = { $count } Postleitzahlen geladen.
reference-status-postcodes-missing = Es sind keine Postleitzahlen geladen: Adressen werden nur auf fünf Ziffern geprüft, Landkreis und IHK-Bezirk werden nicht aus der Adresse bestimmt. Laden Sie die Postleitzahlen unter „Referenzdaten“ hoch oder mit „hih import-plz DATEI“.
