# Users feature (login, passwords, TOTP, accounts). German (primary).
users-login-title = Anmelden
users-field-login = Benutzername oder E-Mail-Adresse
users-hint-login = Ihr Benutzername oder Ihre dienstliche E-Mail-Adresse.
users-field-password = Passwort
users-login-submit = Anmelden
users-login-forgot = Passwort vergessen?
users-login-failed = Die Anmeldung ist fehlgeschlagen. Benutzername, E-Mail-Adresse oder Passwort sind falsch, oder das Konto ist nicht aktiv bzw. vorübergehend gesperrt.
users-login-lockout-hint = Nach { $attempts } Fehlversuchen wird das Konto aus Sicherheitsgründen für { $minutes } Minuten gesperrt.
users-logged-out = Sie wurden abgemeldet.
users-code-title = Bestätigungscode eingeben
users-code-intro = Geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein. Haben Sie keinen Zugriff auf die App, können Sie einen Ihrer Wiederherstellungscodes verwenden.
users-field-code = Code
users-hint-code = Sechs Ziffern aus der Authenticator-App oder ein Wiederherstellungscode (z. B. abcd-ef23).
users-code-submit = Bestätigen
users-code-invalid = Der Code ist falsch, abgelaufen oder wurde bereits verwendet. Bitte geben Sie den aktuellen Code aus Ihrer App ein.
users-enrol-title = Zwei-Faktor-Anmeldung einrichten
users-enrol-intro = Für jedes Konto ist eine Anmeldung mit zweitem Faktor vorgeschrieben. Sie benötigen dafür eine Authenticator-App auf Ihrem Smartphone.
users-enrol-step-app = Installieren Sie eine Authenticator-App (z. B. FreeOTP, Microsoft oder Google Authenticator).
users-enrol-step-scan = Scannen Sie den QR-Code oder geben Sie den Schlüssel unten von Hand ein.
users-enrol-step-code = Geben Sie zur Bestätigung den sechsstelligen Code ein, den die App anzeigt.
users-enrol-qr-alt = QR-Code für die Authenticator-App des Kontos { $account }
users-enrol-secret-label = Schlüssel zur manuellen Eingabe:
users-enrol-submit = Einrichtung bestätigen
users-codes-title = Ihre Wiederherstellungscodes
users-codes-intro = Bewahren Sie diese zehn Codes sicher auf (z. B. ausgedruckt). Jeder Code kann einmal statt des App-Codes verwendet werden. Sie werden nur jetzt angezeigt.
users-codes-continue = Ich habe die Codes gesichert – weiter
users-setup-title = Konto einrichten
users-setup-intro = Willkommen! Legen Sie ein Passwort für das Konto „{ $username }“ fest. Danach richten Sie die Zwei-Faktor-Anmeldung ein.
users-field-new-password = Neues Passwort
users-field-password-repeat = Neues Passwort wiederholen
users-field-current-password = Aktuelles Passwort
users-hint-policy = Mindestens 10 Zeichen mit Groß- und Kleinbuchstaben, mindestens zwei Ziffern und einem Sonderzeichen; nicht Ihr Benutzername, kein gängiges und keines Ihrer letzten fünf Passwörter.
users-setup-submit = Passwort festlegen
users-change-title = Passwort ändern
users-change-forced = Ihr Passwort muss geändert werden, bevor Sie weiterarbeiten können (Erstanmeldung oder abgelaufenes Passwort).
users-change-submit = Passwort ändern
users-pw-changed = Ihr Passwort wurde geändert. Andere Sitzungen Ihres Kontos wurden beendet.
users-change-confirm-title = Passwort wirklich ändern?
users-change-confirm-question = Ihr neues Passwort wurde geprüft und ist noch nicht gespeichert. Wenn Sie es jetzt ändern, werden alle anderen Sitzungen Ihres Kontos beendet.
users-change-confirm-back = Nein, zurück zum Formular
users-pw-too-short = Das Passwort ist zu kurz: Es muss mindestens { $min } Zeichen lang sein.
users-pw-mixed-case = Das Passwort muss Groß- und Kleinbuchstaben enthalten.
users-pw-special = Das Passwort muss mindestens ein Sonderzeichen enthalten (z. B. ! ? - # %).
users-pw-digits = Das Passwort muss mindestens { $count } Ziffern enthalten.
users-pw-contains-name = Das Passwort darf weder Ihren Benutzernamen noch Ihre E-Mail-Adresse enthalten.
users-pw-common = Dieses Passwort ist zu verbreitet und leicht zu erraten. Bitte wählen Sie ein anderes.
users-pw-reused = Sie dürfen keines Ihrer letzten { $count } Passwörter wiederverwenden.
users-pw-mismatch = Die beiden Passwörter stimmen nicht überein. Bitte geben Sie das neue Passwort zweimal gleich ein.
users-pw-current-wrong = Das aktuelle Passwort ist nicht richtig.
users-forgot-title = Passwort vergessen
users-forgot-intro = Geben Sie die E-Mail-Adresse Ihres Kontos ein. Ist sie bei uns bekannt, erhalten Sie einen Link zum Zurücksetzen, der eine Stunde gültig ist. Zum Zurücksetzen benötigen Sie außerdem Ihre Authenticator-App.
users-field-email = E-Mail-Adresse
users-forgot-submit = Link anfordern
users-reset-sent = Wenn die Adresse zu einem aktiven Konto gehört, wurde ein Link zum Zurücksetzen verschickt.
users-reset-title = Passwort zurücksetzen
users-reset-code-intro = Bestätigen Sie zuerst Ihre Identität mit dem Code aus Ihrer Authenticator-App.
users-reset-submit = Neues Passwort speichern
users-reset-done = Ihr Passwort wurde geändert. Bitte melden Sie sich neu an.
users-link-invalid-title = Link nicht gültig
users-link-invalid-text = Dieser Link ist abgelaufen, wurde bereits verwendet oder ist ungültig. Bitte fordern Sie bei Bedarf einen neuen Link an.
users-link-invalid-login = Zur Anmeldung
users-mail-reset-subject = HiH Projektdatenbank: Passwort zurücksetzen
users-mail-reset-body =
    Guten Tag { $name },
    
    über diesen Link können Sie Ihr Passwort zurücksetzen (gültig { $minutes } Minuten, nur einmal verwendbar):
    { $link }
    
    Haben Sie das nicht angefordert, ignorieren Sie diese E-Mail.
users-mail-reset-operator-subject = HiH Projektdatenbank: Passwort-Zurücksetzung angefordert
users-mail-reset-operator-body = Für das Konto „{ $username }“ wurde ein Link zum Zurücksetzen des Passworts angefordert.
users-mail-setup-subject = HiH Projektdatenbank: Ihr Konto ist freigeschaltet
users-mail-setup-body =
    Guten Tag { $name },
    
    Ihr Konto „{ $username }“ wurde freigeschaltet. Über diesen Link legen Sie Ihr Passwort fest und richten die Zwei-Faktor-Anmeldung ein (gültig { $hours } Stunden, nur einmal verwendbar):
    { $link }
job-users-purge = Abgelaufene Sitzungen und Einmal-Links löschen
job-mail-deliver = E-Mail zustellen
job-mail-sweep = Liegengebliebene E-Mails erneut einplanen
job-db-optimize = Statistiken der Datenbank für schnelle Abfragen auffrischen
users-salutation-frau = Frau
users-salutation-herr = Herr
users-salutation-divers = Divers
users-salutation-keine = Keine Angabe
users-error-salutation = Bitte wählen Sie eine Anrede.
users-error-too-long = Die Eingabe ist zu lang (höchstens 200 Zeichen).
users-error-email = Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@ihk-erfurt.de.
users-error-email-taken = Diese E-Mail-Adresse gehört bereits zu einem anderen Konto.
users-error-username = Der Benutzername muss 3 bis 64 Zeichen lang sein und darf nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich enthalten.
users-error-username-taken = Dieser Benutzername ist bereits vergeben. Bitte wählen Sie einen anderen.
users-error-phone = Die Telefonnummer darf nur Ziffern, Leerzeichen und die Zeichen + / - enthalten (mindestens fünf Ziffern).
users-error-role = Bitte wählen Sie eine Rolle.
users-error-institution = Bitte wählen Sie eine Institution.
users-error-institution-role = Die Rolle passt nicht zur Institution (IHK-Mitarbeitende gehören zu einer IHK, AHK-Mitarbeitende zu einer AHK, Administratoren und Datenschutz zum HiH-Projektteam, der Dienstleister zum Dienstleister).
users-nav-users = Benutzerverwaltung
users-nav-overview = Benutzerübersicht
users-nav-distribution = Verteiler
users-nav-profile = Mein Profil
users-list-title = Benutzerverwaltung
users-new-button = Neues Benutzerkonto anlegen
users-search-label = Benutzerkonten durchsuchen
users-search-q = Freitextsuche
users-search-q-hint = Sucht in Name, Benutzername, E-Mail, Position und Telefon; Groß-/Kleinschreibung und Akzente werden ignoriert.
users-field-role = Rolle
users-field-institution = Institution
users-field-status = Status
users-field-salutation = Anrede
users-field-first-name = Vorname
users-field-last-name = Nachname
users-field-position = Position
users-field-phone = Telefon
users-field-username = Benutzername
users-col-name = Name
users-col-institution = Institution
users-col-last-login = Letzte Anmeldung
users-col-totp = Zwei-Faktor-Anmeldung
users-status-active = Aktiv
users-status-inactive = Deaktiviert
users-status-waiting = Wartet auf Freischaltung
users-status-locked = vorübergehend gesperrt
users-totp-on = eingerichtet
users-totp-off = noch nicht eingerichtet
users-never = noch nie
users-list-empty = Keine Benutzerkonten gefunden. Ändern Sie die Suche oder setzen Sie sie zurück.
users-back-to-list = Zurück zur Benutzerverwaltung
users-back-to-account = Zurück zum Benutzerkonto
users-action-activate = Freischalten
users-action-deactivate = Deaktivieren
users-action-reset = Passwort oder Zwei-Faktor zurücksetzen
users-action-delete = Löschen
users-new-title = Neues Benutzerkonto
users-edit-title = Benutzerkonto bearbeiten
users-profile-edit-title = Profil bearbeiten
users-form-intro = Alle Felder ohne den Zusatz „optional“ sind Pflichtfelder. Vor dem Speichern sehen Sie Ihre Angaben noch einmal zur Kontrolle.
users-legend-person = Person
users-legend-contact = Kontakt
users-legend-account = Konto
users-hint-position = Funktion in der Institution, z. B. Projektkoordination.
users-hint-email = Dienstliche Adresse; an sie gehen Einrichtungs- und Rücksetz-Links.
users-hint-phone = Nur Ziffern, Leerzeichen und + / -, z. B. +49 361 3484-0.
users-hint-username = 3 bis 64 Zeichen: Buchstaben, Ziffern, Punkt, Binde- und Unterstrich.
users-hint-role = Die Rolle bestimmt, welche Daten das Konto sehen darf.
users-review-intro-new = Bitte prüfen Sie die Angaben. Das Konto wird nach dem Speichern angelegt, ist aber erst nach der Freischaltung nutzbar.
users-review-intro-edit = Bitte prüfen Sie die Angaben, bevor die Änderung gespeichert wird.
users-created = Das Benutzerkonto wurde angelegt. Schalten Sie es frei, damit die Person sich anmelden kann.
users-saved = Die Änderungen wurden gespeichert.
users-confirm-title-aktivieren = Konto freischalten
users-confirm-title-deaktivieren = Konto deaktivieren
users-confirm-title-loeschen = Konto löschen
users-confirm-title-zuruecksetzen = Zugangsdaten zurücksetzen
users-confirm-question-aktivieren = Soll das Konto von { $name } freigeschaltet werden?
users-confirm-question-deaktivieren = Soll das Konto von { $name } deaktiviert werden? Laufende Sitzungen werden sofort beendet; das Konto kann später wieder freigeschaltet werden.
users-confirm-question-loeschen = Soll das Konto von { $name } endgültig gelöscht werden? Das kann nicht rückgängig gemacht werden. Im Änderungsprotokoll bleibt der Name als Verfasser früherer Änderungen erhalten.
users-confirm-question-zuruecksetzen = Was soll für { $name } zurückgesetzt werden? Laufende Sitzungen werden beendet.
users-confirm-yes-aktivieren = Ja, freischalten
users-confirm-yes-deaktivieren = Ja, deaktivieren
users-confirm-yes-loeschen = Ja, endgültig löschen
users-confirm-yes-zuruecksetzen = Ja, zurücksetzen
users-activate-method = Wie erhält die Person ihr erstes Passwort?
users-activate-link = Einrichtungslink per E-Mail senden (72 Stunden gültig)
users-activate-initial = Initialpasswort jetzt einmalig anzeigen (muss bei der ersten Anmeldung geändert werden)
users-activate-choose = Bitte wählen Sie, wie die Person ihr erstes Passwort erhält.
users-activated-link = Das Konto ist freigeschaltet; der Einrichtungslink wurde per E-Mail versandt.
users-activated = Das Konto ist wieder freigeschaltet.
users-deactivated = Das Konto wurde deaktiviert und alle Sitzungen beendet.
users-deleted = Das Konto wurde gelöscht.
users-reset-what = Zurücksetzen
users-reset-password = Passwort (die Person erhält einen neuen Einrichtungslink per E-Mail)
users-reset-totp = Zwei-Faktor-Anmeldung (wird bei der nächsten Anmeldung neu eingerichtet)
users-reset-choose = Bitte wählen Sie mindestens eines aus: Passwort oder Zwei-Faktor-Anmeldung.
users-reset-saved = Die Zugangsdaten wurden zurückgesetzt; alle Sitzungen des Kontos wurden beendet.
users-refuse-self = Diese Aktion ist für das eigene Konto nicht möglich. Bitten Sie eine andere Administratorin oder einen anderen Administrator.
users-initial-title = Initialpasswort
users-initial-intro = Das Konto von { $name } ist freigeschaltet. Teilen Sie der Person dieses Passwort auf sicherem Weg mit. Es wird nur jetzt angezeigt und muss bei der ersten Anmeldung geändert werden.
users-overview-title = Benutzerübersicht
users-overview-intro = Anzahl der aktiven Konten je Institution und Rolle, deaktivierte Konten und die letzte Anmeldung je Institution – ohne personenbezogene Angaben.
users-total = Summe
users-distribution-title = E-Mail-Verteiler
users-distribution-intro = Alle { $count } aktiven Benutzerinnen und Benutzer, nach Institution gruppiert. Der Verteiler ist immer aktuell.
users-distribution-mail-all = E-Mail an alle schreiben
users-distribution-copy = Alle Adressen zum Kopieren
users-distribution-mail-group = E-Mail an alle aus { $institution } schreiben
users-distribution-sheet = Verteiler
users-profile-title = Mein Profil
users-tile-password-expiry = { $days ->
    [0] Ihr Passwort ist abgelaufen. Bitte ändern Sie es jetzt.
    [one] Ihr Passwort läuft morgen ab. Bitte ändern Sie es.
   *[other] Ihr Passwort läuft in { $days } Tagen ab. Bitte ändern Sie es rechtzeitig.
}
users-tile-waiting = { $count ->
    [one] 1 Benutzerkonto wartet auf Freischaltung
   *[other] { $count } Benutzerkonten warten auf Freischaltung
}
users-notice-lockout = Das Konto „{ $username }“ wurde nach wiederholten fehlgeschlagenen Anmeldeversuchen vorübergehend gesperrt.
users-mail-lockout-subject = HiH Projektdatenbank: Sicherheitshinweis – Konto gesperrt
users-mail-lockout-body =
    Das Konto „{ $username }“ wurde nach wiederholten fehlgeschlagenen Anmeldeversuchen vorübergehend gesperrt.
    
    Wenn das nicht erklärbar ist (z. B. durch die Person selbst), prüfen Sie bitte das Zugriffsprotokoll.
users-nav-institutions = Institutionen
users-institutions-title = Institutionen
users-institutions-intro = IHKs, AHKs, das HiH-Projektteam und der Dienstleister. Neue Kammern und Länder lassen sich hier ohne Programmänderung anlegen. Institutionen werden nicht gelöscht, sondern deaktiviert.
users-institution-new = Neue Institution
users-institution-edit = Institution bearbeiten
users-institution-name = Name
users-institution-kind = Art
users-institution-country-code = Ländercode
users-institution-country-hint = Nur bei AHKs: zweistelliger ISO-Ländercode in Großbuchstaben, z. B. VN, IN, BR.
users-institution-active = Aktiv (bei neuen Konten auswählbar)
users-institution-name-taken = Eine Institution mit diesem Namen gibt es bereits.
users-institution-kind-missing = Bitte wählen Sie die Art der Institution.
users-institution-country = Bitte geben Sie für eine AHK den zweistelligen ISO-Ländercode in Großbuchstaben an, z. B. VN.
users-institution-country-only-ahk = Ein Ländercode gehört nur zu einer AHK. Bitte lassen Sie das Feld leer.
users-kind-ihk = IHK (Kammer im Inland)
users-kind-ahk = AHK (Kammer im Ausland)
users-kind-team = HiH-Projektteam
users-kind-operator = Dienstleister
users-error-first-name-missing = Bitte geben Sie den Vornamen ein.
users-error-last-name-missing = Bitte geben Sie den Nachnamen ein.
users-error-position-missing = Bitte geben Sie die Position ein, z. B. Projektkoordination.
users-institution-name-missing = Bitte geben Sie den Namen der Institution ein (höchstens 200 Zeichen).
users-search-section = { $count ->
    [one] Benutzerkonten (1 Treffer)
   *[other] Benutzerkonten ({ $count } Treffer)
}
users-error-role-not-grantable = Diese Rolle dürfen Sie nicht vergeben. Betreiber vergeben nur die Rollen IHK- und AHK-Mitarbeitende; Administration, Datenschutz und Betrieb vergibt das HiH-Projektteam.
users-notice-role-granted = { $by } hat dem Konto „{ $username }“ ({ $name }) die Rolle „{ $role }“ gegeben (vorher: { $before }).
users-mail-role-granted-subject = HiH Projektdatenbank: Sicherheitshinweis – Rolle vergeben
users-mail-role-granted-body =
    { $by } hat dem Konto „{ $username }“ ({ $name }) die Rolle „{ $role }“ gegeben (vorher: { $before }).
    
    Wenn diese Änderung nicht abgesprochen war, prüfen Sie bitte das Konto und das Änderungsprotokoll.

# Persönliche API-Tokens (R-API-1)
users-api-tokens-title = API-Tokens
users-api-tokens-intro = Mit einem API-Token greifen Programme über die Schnittstelle /api/v1 mit Ihren Rechten auf die Daten zu. Widerrufen Sie Tokens, die Sie nicht mehr brauchen.
users-api-tokens-all-title = API-Tokens aller Benutzer
users-api-tokens-all-intro = Alle persönlichen API-Tokens. Ein widerrufenes Token wird sofort nicht mehr angenommen.
users-api-tokens-none = Es gibt keine API-Tokens.
users-api-tokens-back = Zu den API-Tokens
users-api-tokens-link = API-Tokens verwalten
users-api-token-new = Neues API-Token
users-api-token-form-intro = Das Token erhält genau Ihre Rolle und Ihren Zuständigkeitsbereich. Es ist höchstens ein Jahr gültig.
users-api-token-name = Bezeichnung
users-api-token-name-hint = Wofür Sie das Token verwenden, z. B. „Auswertung Quartal“.
users-api-token-owner = Inhaber
users-api-token-prefix = Kennung
users-api-token-valid-until = Gültig bis einschließlich
users-api-token-valid-hint = Höchstens ein Jahr ab heute (Format JJJJ-MM-TT).
users-api-token-last-used = Zuletzt verwendet
users-api-token-never-used = nie
users-api-token-access = Zugriff
users-api-token-read-only = nur lesen
users-api-token-read-write = lesen und schreiben
users-api-token-read-only-label = Nur lesender Zugriff
users-api-token-read-only-hint = Das Token wird für Änderungen (POST, PUT, PATCH, DELETE) abgelehnt.
users-api-token-state-active = gültig
users-api-token-state-expired = abgelaufen
users-api-token-state-revoked = widerrufen
users-api-token-actions = Aktionen
users-api-token-revoke = Widerrufen
users-api-token-revoke-title = API-Token widerrufen
users-api-token-revoke-question = Soll das API-Token „{ $name }“ ({ $prefix }…) widerrufen werden? Programme, die es verwenden, erhalten danach keinen Zugriff mehr.
users-api-token-revoke-yes = Ja, widerrufen
users-api-token-revoked = Das API-Token wurde widerrufen.
users-api-token-created = Das API-Token wurde erstellt.
users-api-token-created-title = Ihr neues API-Token
users-api-token-created-once = Kopieren Sie das Token jetzt. Es wird nur dieses eine Mal angezeigt und ist nirgends sonst gespeichert.
users-api-token-created-usage = Senden Sie es bei jeder Anfrage im Kopf „Authorization: Bearer <Token>“.
users-api-token-secret = Token
users-api-token-name-missing = Bitte geben Sie eine Bezeichnung ein.
users-api-token-name-long = Die Bezeichnung darf höchstens { $max } Zeichen lang sein.
users-api-token-date-invalid = Bitte geben Sie ein Datum im Format JJJJ-MM-TT ein.
users-api-token-date-past = Das Datum muss nach dem heutigen Tag liegen.
users-api-token-date-too-far = Ein Token ist höchstens { $days } Tage gültig.
users-nav-api-tokens = API-Tokens
