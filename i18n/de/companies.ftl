# Companies feature: reference data (postcodes, IHK districts). German.
companies-nav-reference = Referenzdaten
companies-reference-title = Referenzdaten
companies-plz-heading = Postleitzahlen
companies-plz-count = { $count ->
    [one] 1 Postleitzahl-Eintrag geladen.
   *[other] { $count } Postleitzahl-Einträge geladen.
}
companies-tile-no-postcodes = Die Postleitzahlen sind noch nicht geladen. Bis dahin wird bei Adressen nur geprüft, ob die PLZ fünfstellig ist.
companies-plz-intro = Laden Sie eine CSV-Datei im Format osm_id,ort,plz,landkreis,bundesland (OpenStreetMap) hoch. Der Import ersetzt die vorhandenen Einträge vollständig – oder gar nicht, wenn die Datei Fehler enthält.
companies-plz-file = CSV-Datei
companies-plz-file-hint = Kommagetrennt, UTF-8, mit Kopfzeile.
companies-plz-dry-run = Nur prüfen, nichts speichern
companies-plz-dry-run-hint = Zeigt den Prüfbericht, ohne die Postleitzahlen zu ersetzen.
companies-plz-upload = Datei hochladen
companies-plz-report-title = Prüfbericht Postleitzahlen-Import
companies-plz-report-refused = { $count ->
    [one] Die Datei enthält 1 Fehler. Es wurde nichts gespeichert.
   *[other] Die Datei enthält { $count } Fehler. Es wurde nichts gespeichert.
}
companies-plz-report-problems = Gefundene Fehler
companies-plz-report-more = … und { $count } weitere Fehler.
companies-plz-report-dry = Prüfung ohne Speichern: { $rows } Zeilen gelesen, { $imported } Einträge würden übernommen, { $duplicates } doppelte Zeilen übersprungen.
companies-plz-report-done = Import abgeschlossen: { $rows } Zeilen gelesen, { $imported } Einträge übernommen, { $duplicates } doppelte Zeilen übersprungen.
companies-col-line = Zeile
companies-col-problem = Problem
companies-plz-error-header = Die Kopfzeile muss genau „osm_id,ort,plz,landkreis,bundesland“ lauten.
companies-plz-error-row = Die Zeile ist keine gültige CSV-Zeile.
companies-plz-error-columns = Die Zeile hat nicht genau fünf Spalten.
companies-plz-error-plz = Die PLZ muss aus genau fünf Ziffern bestehen (sie darf mit 0 beginnen).
companies-plz-error-empty = Ort und Bundesland dürfen nicht leer sein.
companies-plz-error-empty-file = Die Datei enthält keine Datenzeilen.
companies-back-to-reference = Zurück zu den Referenzdaten
companies-districts-heading = IHK-Bezirke
companies-districts-intro = Jeder Bezirk besteht aus Landkreisen und kreisfreien Städten. Eine Adresse gehört zum Bezirk, wenn der Landkreis ihrer PLZ (oder bei kreisfreien Städten der Ort) dazugehört.
companies-col-ihk = IHK
companies-col-areas = Landkreise und kreisfreie Städte
companies-col-action = Aktion
companies-district-edit = Bezirk bearbeiten
companies-district-edit-title = Bezirk der { $ihk }
companies-district-areas = Landkreise und kreisfreie Städte
companies-district-areas-hint = Ein Name pro Zeile, genau wie in den Postleitzahl-Daten, z. B. „Landkreis Gotha“ oder „Erfurt“.
companies-district-unknown = Diese Namen kommen in den Postleitzahl-Daten nicht als Landkreis oder kreisfreie Stadt vor: { $names }
companies-district-taken = Diese Gebiete gehören bereits zu einem anderen IHK-Bezirk: { $names }
companies-district-saved = Der Bezirk wurde gespeichert.
companies-error-plz-format = Die PLZ muss aus genau fünf Ziffern bestehen, z. B. 06567.
companies-error-plz-unknown = Diese PLZ ist unbekannt. Bitte prüfen Sie die Eingabe.
companies-error-ort-mismatch = Der Ort passt nicht zur PLZ. Bitte prüfen Sie PLZ und Ort.
companies-error-outside-district = Die Adresse liegt nicht in Ihrem IHK-Bezirk.
