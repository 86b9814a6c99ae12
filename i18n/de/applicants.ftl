# Applicants feature (category 2): applicant records, applicant ID, lists. German.
applicants-nav = Bewerber/innen
applicants-list-title = Bewerberinnen und Bewerber
applicants-new-button = Neue Bewerberin / neuen Bewerber anlegen
applicants-search-label = Bewerber/innen suchen
applicants-search-q = Suchbegriff
applicants-search-q-hint = Findet Teile von Namen, Kennung, Wohnort, E-Mail, Telefon und Freitext – ohne Rücksicht auf Groß-/Kleinschreibung und Akzente („nguyen“ findet „Nguyễn“).
applicants-search-section = { $count ->
    [one] Bewerber/innen (1 Treffer)
   *[other] Bewerber/innen ({ $count } Treffer)
}
applicants-show-inactive = Auch deaktivierte Bewerber/innen zeigen
applicants-list-empty = Keine Bewerber/innen gefunden.
applicants-col-name = Name
applicants-col-updated = Geändert
applicants-deactivated-badge = deaktiviert
applicants-sheet = Bewerber
applicants-new-title = Bewerberin / Bewerber anlegen
applicants-edit-title = Bewerberdaten bearbeiten
applicants-form-intro = Pflichtfelder sind Nachname, Geburtsdatum, Registrierungsland und Status. Namen dürfen Buchstaben jeder Schrift enthalten.
applicants-review-intro = Bitte prüfen Sie die Angaben. Erst mit „Ja, speichern“ werden sie gespeichert.
applicants-back-to-list = Zur Bewerberliste
applicants-tab-data = Stammdaten
applicants-none = keine
applicants-legend-person = Person
applicants-legend-status = Status
applicants-legend-qualification = Qualifikation
applicants-legend-language = Sprache
applicants-legend-recognition = Anerkennung
applicants-legend-visa = Visum
applicants-legend-arrival = Einreise und Arbeit
applicants-legend-integration = Integration
applicants-legend-consent = Einwilligungen
applicants-legend-remarks = Bemerkungen
applicants-field-applicant-id = Bewerberkennung
applicants-field-first-names = Vorname(n)
applicants-field-last-name = Nachname
applicants-field-birth-date = Geburtsdatum
applicants-field-nationality = Staatsangehörigkeit
applicants-field-country = Registrierungsland
applicants-field-residence = Wohnort
applicants-field-email = E-Mail
applicants-field-phone = Telefon
applicants-field-status = Status
applicants-field-status-since = Status seit
applicants-field-dropout-reason = Abbruchgrund
applicants-field-occupation = Zielberuf
applicants-field-qualification = Berufliche Qualifikation
applicants-field-experience = Berufserfahrung in Jahren
applicants-field-german-level = Deutschniveau
applicants-field-course-start = Sprachkurs Beginn
applicants-field-course-end = Sprachkurs Ende
applicants-field-course-dropout = Sprachkurs abgebrochen am
applicants-field-certificate-level = Zertifikat Niveau
applicants-field-certificate-date = Zertifikat Datum
applicants-field-course-provider = Sprachkursanbieter
applicants-field-recognition-applied = Anerkennung beantragt am
applicants-field-recognition-decided = Anerkennung entschieden am
applicants-field-recognition-result = Ergebnis der Anerkennung
applicants-field-adaptation-start = Anpassungsqualifizierung Beginn
applicants-field-adaptation-end = Anpassungsqualifizierung Ende
applicants-field-visa-applied = Visum beantragt am
applicants-field-visa-granted = Visum erteilt am
applicants-field-visa-result = Ergebnis Visum
applicants-field-entry-date = Einreise nach Deutschland
applicants-field-work-start = Arbeitsbeginn
applicants-field-integration = Integrationsmaßnahmen
applicants-field-employed-6m = Nach 6 Monaten beschäftigt
applicants-field-employed-12m = Nach 12 Monaten beschäftigt
applicants-field-consent-date = Einwilligung Speicherung: Datum
applicants-field-consent-version = Einwilligung Speicherung: Textversion
applicants-field-consent-partners = Einwilligung Weitergabe an Partner
applicants-field-remarks = Bemerkungen
applicants-hint-names = Alle Vornamen, wie im Pass. Buchstaben jeder Schrift sind erlaubt (z. B. Nguyễn, Conceição, प्रिया).
applicants-hint-birth-date = Das Alter bei der Einreise muss zwischen 16 und 70 Jahren liegen.
applicants-hint-country-fixed = Das Registrierungsland ist mit der Bewerberkennung festgelegt und kann nicht mehr geändert werden. Ist es falsch, wenden Sie sich an eine Administratorin oder einen Administrator: Der Datensatz wird deaktiviert und im richtigen Land neu angelegt (neue Kennung, Verweis auf die alte).
applicants-hint-country = Das Land, in dem die Person registriert wird; es bestimmt die Bewerberkennung.
applicants-hint-dropout-reason = Nur beim Status „Abbrecher/in“, dort Pflicht.
applicants-hint-consent-partners = Nur an die angekreuzten Partner dürfen personenbezogene Daten weitergegeben werden.
applicants-status-interessent = Interessent/in
applicants-status-bewerber = Bewerber/in
applicants-status-zukuenftige-fachkraft = zukünftige Fachkraft
applicants-status-fachkraft = Fachkraft
applicants-status-abbrecher = Abbrecher/in
applicants-level-a1 = A1
applicants-level-a2 = A2
applicants-level-b1 = B1
applicants-level-b2 = B2
applicants-level-c1 = C1
applicants-level-c2 = C2
applicants-recognition-voll = volle Gleichwertigkeit
applicants-recognition-teilweise = teilweise Gleichwertigkeit (mit Anpassungsqualifizierung)
applicants-recognition-abgelehnt = abgelehnt
applicants-visa-erteilt = erteilt
applicants-visa-abgelehnt = abgelehnt
applicants-yes = ja
applicants-no = nein
applicants-history-title = Statusverlauf
applicants-history-date = Datum
applicants-duplicate-warning = Es gibt bereits eine Person mit demselben Namen, Geburtsdatum und Registrierungsland. Bitte prüfen Sie, ob es sich um dieselbe Person handelt.
applicants-duplicate-link = Vorhandenen Datensatz ansehen
applicants-duplicate-confirm = Trotzdem anlegen – es ist eine andere Person
applicants-error-duplicate-confirm = Bitte bestätigen Sie, dass trotz des möglichen Doppeleintrags ein neuer Datensatz angelegt werden soll.
applicants-error-last-name = Bitte geben Sie den Nachnamen an.
applicants-error-name-chars = Namen dürfen Buchstaben jeder Schrift, Leerzeichen, Bindestriche, Apostrophe und Punkte enthalten, aber keine Ziffern oder Sonderzeichen.
applicants-error-too-long = Bitte höchstens 200 Zeichen.
applicants-error-birth-date = Bitte geben Sie das Geburtsdatum an.
applicants-error-birth-future = Das Geburtsdatum muss in der Vergangenheit liegen.
applicants-error-age = Das Alter bei der Einreise (oder heute, solange keine Einreise eingetragen ist) muss zwischen 16 und 70 Jahren liegen.
applicants-error-date = Bitte geben Sie ein gültiges Datum an (TT.MM.JJJJ).
applicants-error-date-future = Das Datum darf nicht in der Zukunft liegen.
applicants-error-country = Bitte wählen Sie das Registrierungsland.
applicants-error-country-fixed = Das Registrierungsland ist mit der Bewerberkennung festgelegt und kann nicht mehr geändert werden. Ist es falsch, wenden Sie sich an eine Administratorin oder einen Administrator (Verfahren: deaktivieren und im richtigen Land neu anlegen).
applicants-error-country-scope = Sie können nur Bewerber/innen Ihres Landes erfassen.
applicants-error-choice = Bitte wählen Sie einen Eintrag aus der Liste.
applicants-error-status = Bitte wählen Sie einen Status.
applicants-error-dropout-reason = Bitte geben Sie beim Status „Abbrecher/in“ den Abbruchgrund an.
applicants-error-experience = Bitte geben Sie die Berufserfahrung als ganze Zahl von 0 bis 60 an.
applicants-error-visa-order = Das Visum kann nicht vor dem Antrag erteilt worden sein.
applicants-error-recognition-order = Die Anerkennung kann nicht vor dem Antrag entschieden worden sein.
applicants-error-course-order = Das Ende des Sprachkurses darf nicht vor seinem Beginn liegen.
applicants-error-course-dropout-order = Der Abbruch des Sprachkurses darf nicht vor seinem Beginn liegen.
applicants-error-adaptation-order = Das Ende der Anpassungsqualifizierung darf nicht vor ihrem Beginn liegen.
applicants-error-work-order = Der Arbeitsbeginn darf nicht vor der Einreise liegen.
applicants-error-consent-version = Bitte geben Sie die Version des Einwilligungstextes an.
applicants-created = Die Bewerberin / der Bewerber wurde angelegt.
applicants-saved = Die Änderungen wurden gespeichert.
applicants-deactivated = Der Datensatz wurde deaktiviert.
applicants-deleted = Der Datensatz wurde endgültig gelöscht.
applicants-deactivated-note = Dieser Datensatz wurde am { $date } deaktiviert. Er ist nur noch für Administratoren sichtbar und wird nach Ablauf der Aufbewahrungsfrist gelöscht.
applicants-action-deactivate = Deaktivieren
applicants-action-reactivate = Reaktivieren
applicants-confirm-title-reaktivieren = Datensatz reaktivieren
applicants-confirm-question-reaktivieren = Soll { $name } wieder aktiviert werden? Der Datensatz erscheint dann wieder in den Listen und für die zuständigen Mitarbeitenden; die Löschung nach Ablauf der Aufbewahrungsfrist entfällt.
applicants-confirm-yes-reaktivieren = Ja, reaktivieren
applicants-reactivated = Der Datensatz wurde reaktiviert.
applicants-action-delete = Endgültig löschen
applicants-confirm-title-deaktivieren = Datensatz deaktivieren
applicants-confirm-title-loeschen = Datensatz endgültig löschen
applicants-confirm-question-deaktivieren = Soll { $name } deaktiviert werden? Danach sehen den Datensatz nur noch Administratoren; nach Ablauf der Aufbewahrungsfrist wird er gelöscht.
applicants-confirm-question-loeschen = Soll { $name } sofort und endgültig gelöscht werden (z. B. auf Verlangen der betroffenen Person)? Das kann nicht rückgängig gemacht werden.
applicants-confirm-yes-deaktivieren = Ja, deaktivieren
applicants-confirm-yes-loeschen = Ja, endgültig löschen
job-applicants-registration-purge = Nicht abgeschickte Selbstregistrierungen abgelaufener Einladungen löschen
job-applicants-retention = Deaktivierte Bewerber/innen nach Ablauf der Aufbewahrungsfrist löschen

# Invitations, self-registration and its review (R-REG).
applicants-reg-nav = Registrierungen
applicants-reg-locale-de = Deutsch
applicants-reg-locale-en = Englisch
applicants-inv-list-title = Einladungen zur Selbstregistrierung
applicants-inv-list-intro = Mit einer Einladung erhält eine Person einen einmal nutzbaren Link, über den sie ihre Daten selbst erfasst. Ihre Angaben werden erst nach Ihrer Prüfung zu einem Bewerberdatensatz.
applicants-inv-new-button = Neue Einladung erstellen
applicants-inv-col-created = Erstellt
applicants-inv-col-expires = Gültig bis
applicants-inv-col-state = Stand
applicants-inv-field-name = Name der eingeladenen Person
applicants-inv-field-email = E-Mail-Adresse der eingeladenen Person
applicants-inv-field-locale = Sprache des Formulars
applicants-inv-field-send-mail = Link per E-Mail an diese Adresse senden
applicants-inv-state-open = offen
applicants-inv-state-used = eingereicht, in Prüfung
applicants-inv-state-expired = abgelaufen
applicants-inv-state-approved = freigegeben
applicants-inv-state-rejected = abgelehnt
applicants-inv-list-empty = Noch keine Einladungen.
applicants-inv-new-title = Einladung erstellen
applicants-inv-new-intro = Name und E-Mail-Adresse sind freiwillig. Der Link ist { $days } Tage gültig und kann genau einmal zum Einreichen verwendet werden.
applicants-inv-create = Einladung erstellen
applicants-inv-created = Die Einladung wurde erstellt.
applicants-inv-link-title = Einladungslink
applicants-inv-link-once = Der Link wird nur jetzt angezeigt. Kopieren Sie ihn und geben Sie ihn der eingeladenen Person weiter.
applicants-inv-link-label = Link zur Selbstregistrierung
applicants-inv-link-mailed = Der Link wurde zusätzlich per E-Mail versandt.
applicants-inv-back = Zur Liste der Einladungen
applicants-inv-mail-subject = Ihre Einladung zur Registrierung bei „Hand in Hand for International Talents“
applicants-inv-mail-body = Guten Tag,

    Sie sind eingeladen, sich für das Programm „Hand in Hand for International Talents“ zu registrieren. Bitte öffnen Sie diesen Link (gültig für { $days } Tage, nur einmal nutzbar):

    { $link }

    Mit freundlichen Grüßen
    Ihre Auslandshandelskammer
applicants-reg-consent-title = Einwilligung in die Datenverarbeitung
applicants-reg-intro = Willkommen! Mit diesem Formular registrieren Sie sich für das Programm „Hand in Hand for International Talents“. Es hat drei Schritte: Person, Qualifikation, Sprachen. Danach prüfen Sie Ihre Angaben und senden sie ab.
applicants-reg-consent-text = Ich willige ein, dass die Auslandshandelskammer und die am Programm „Hand in Hand for International Talents“ beteiligten Industrie- und Handelskammern meine hier angegebenen Daten speichern und verarbeiten, um mich bei der Suche nach einer Beschäftigung in Deutschland zu unterstützen. Die Daten werden nur für dieses Programm verwendet und nach dessen Ende gelöscht. Ich kann die Einwilligung jederzeit mit Wirkung für die Zukunft widerrufen.
applicants-reg-consent-accept = Ich habe die Erklärung gelesen und willige ein.
applicants-reg-error-consent = Bitte bestätigen Sie die Einwilligung, um fortzufahren.
applicants-reg-progress = Fortschritt
applicants-reg-step-person = Angaben zur Person
applicants-reg-step-qualification = Qualifikation
applicants-reg-step-languages = Sprachkenntnisse
applicants-reg-step-review = Angaben prüfen und absenden
applicants-reg-step-of = Schritt { $number } von { $total }
applicants-reg-next = Weiter
applicants-reg-back = Zurück
applicants-reg-review-intro = Bitte prüfen Sie Ihre Angaben. Mit „Zurück“ können Sie sie ändern. Nach dem Absenden ist der Link nicht mehr nutzbar.
applicants-reg-submit = Absenden
applicants-reg-submitted = Vielen Dank! Ihre Registrierung wurde übermittelt und wird jetzt geprüft.
applicants-reg-gone-title = Registrierung
applicants-reg-gone-text = Dieser Link kann nicht (mehr) verwendet werden. Wenden Sie sich bei Fragen an die Auslandshandelskammer, die Sie eingeladen hat.
applicants-reg-notice = Eine neue Selbstregistrierung ({ $country }) wartet auf Prüfung.
applicants-reg-mail-subject = Neue Selbstregistrierung zur Prüfung
applicants-reg-mail-body = Guten Tag,

    eine neue Selbstregistrierung aus dem Land { $country } wartet in der Projektdatenbank unter „Registrierungen“ auf Ihre Prüfung.

    Ihre HiH-Projektdatenbank
applicants-reg-list-title = Selbstregistrierungen zur Prüfung
applicants-reg-list-intro = Eingereichte Registrierungen sind noch keine Bewerberdatensätze. Prüfen und korrigieren Sie die Angaben, dann geben Sie sie frei (die Bewerberkennung wird vergeben) oder lehnen sie mit Begründung ab (die Angaben werden gelöscht).
applicants-reg-list-empty = Keine Registrierungen warten auf Prüfung.
applicants-reg-col-submitted = Eingereicht am
applicants-reg-detail-title = Selbstregistrierung prüfen
applicants-reg-approve = Freigeben
applicants-reg-reject = Ablehnen
applicants-reg-correct-title = Angaben korrigieren
applicants-reg-correct-save = Korrekturen speichern
applicants-reg-corrected = Die Korrekturen wurden gespeichert.
applicants-reg-approve-title = Registrierung freigeben
applicants-reg-approve-question = Soll aus dieser Registrierung ein Bewerberdatensatz mit Status „Interessent/in“ und einer neuen Bewerberkennung werden?
applicants-reg-approve-invalid = Die Angaben sind noch nicht plausibel. Bitte korrigieren Sie sie zuerst.
applicants-reg-approve-yes = Ja, freigeben
applicants-reg-approved = Die Registrierung wurde freigegeben; der Bewerberdatensatz ist angelegt.
applicants-reg-reject-title = Registrierung ablehnen
applicants-reg-reject-question = Die Registrierung von { $name } wird abgelehnt und ihre Angaben werden gelöscht. Bitte geben Sie den Grund an.
applicants-reg-field-reason = Grund der Ablehnung
applicants-reg-reject-yes = Ablehnen und Angaben löschen
applicants-reg-rejected = Die Registrierung wurde abgelehnt; ihre Angaben sind gelöscht.
applicants-reg-error-reason = Bitte geben Sie einen Grund an (höchstens 2000 Zeichen).
applicants-reg-error-mail-needs-address = Für den Versand per E-Mail wird eine E-Mail-Adresse benötigt.
## Prozessdaten (IHK nach einer Vermittlung, R-MAT-3)
applicants-action-process = Prozessdaten bearbeiten
applicants-process-title = Prozessdaten bearbeiten
applicants-back-to-record = Zurück zum Datensatz
applicants-process-saved = Die Prozessdaten wurden gespeichert.
applicants-distribution-title = E-Mail-Verteiler der Bewerbersuche
applicants-distribution-intro = { $count ->
    [one] 1 Adresse aus den gefundenen Bewerberinnen und Bewerbern; doppelte Adressen erscheinen einmal.
   *[other] { $count } Adressen aus den gefundenen Bewerberinnen und Bewerbern; doppelte Adressen erscheinen einmal.
}
applicants-distribution-without = { $count ->
    [one] 1 gefundene Person hat keine E-Mail-Adresse und fehlt im Verteiler.
   *[other] { $count } gefundene Personen haben keine E-Mail-Adresse und fehlen im Verteiler.
}
applicants-distribution-back = Zurück zur Bewerberliste
applicants-distribution-sheet = Verteiler
