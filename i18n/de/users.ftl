# Users feature (login, passwords, TOTP, accounts). German (primary).
users-login-title = Anmelden
users-field-login = Benutzername oder E-Mail-Adresse
users-hint-login = Ihr Benutzername oder Ihre dienstliche E-Mail-Adresse.
users-field-password = Passwort
users-login-submit = Anmelden
users-login-forgot = Passwort vergessen?
users-login-failed = Die Anmeldung ist fehlgeschlagen. Benutzername, E-Mail-Adresse oder Passwort sind falsch, oder das Konto ist nicht aktiv bzw. vorübergehend gesperrt.
users-login-lockout-hint = Nach fünf Fehlversuchen wird das Konto aus Sicherheitsgründen für 15 Minuten gesperrt.
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
users-salutation-frau = Frau
users-salutation-herr = Herr
users-salutation-divers = Divers
users-salutation-keine = Keine Angabe
users-error-salutation = Bitte wählen Sie eine Anrede.
users-error-required = Bitte füllen Sie dieses Feld aus.
users-error-too-long = Die Eingabe ist zu lang (höchstens 200 Zeichen).
users-error-email = Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@ihk-erfurt.de.
users-error-email-taken = Diese E-Mail-Adresse gehört bereits zu einem anderen Konto.
users-error-username = Der Benutzername muss 3 bis 64 Zeichen lang sein und darf nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich enthalten.
users-error-username-taken = Dieser Benutzername ist bereits vergeben. Bitte wählen Sie einen anderen.
users-error-phone = Die Telefonnummer darf nur Ziffern, Leerzeichen und die Zeichen + / - enthalten (mindestens fünf Ziffern).
users-error-role = Bitte wählen Sie eine Rolle.
users-error-institution = Bitte wählen Sie eine Institution.
users-error-institution-role = Die Rolle passt nicht zur Institution (IHK-Mitarbeitende gehören zu einer IHK, AHK-Mitarbeitende zu einer AHK, Administratoren und Datenschutz zum HiH-Projektteam, der Dienstleister zum Dienstleister).
