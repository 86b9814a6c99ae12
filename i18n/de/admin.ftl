# Admin feature: texts editor, mail outbox. German.
admin-nav-texts = Texte
admin-nav-outbox = Postausgang
admin-texts-title = Oberflächentexte
admin-texts-intro = Alle Beschriftungen, Hinweise, Meldungen und E-Mail-Texte. Änderungen gelten sofort und werden protokolliert.
admin-texts-search-label = Texte durchsuchen
admin-texts-q = Suche nach Schlüssel oder Text
admin-texts-q-hint = Groß-/Kleinschreibung und Akzente werden ignoriert.
admin-texts-locale = Sprache
admin-locale-de = Deutsch
admin-locale-en = Englisch
admin-locale-all = Alle Sprachen
admin-texts-only-changed = Nur geänderte Texte
admin-texts-search = Suchen
admin-texts-reset = Zurücksetzen
admin-texts-count = { $count ->
    [one] 1 Text gefunden
   *[other] { $count } Texte gefunden
}
admin-texts-col-key = Schlüssel
admin-texts-col-locale = Sprache
admin-texts-col-text = Aktueller Text
admin-texts-col-action = Aktion
admin-texts-changed = geändert
admin-texts-edit = Bearbeiten
admin-text-edit-title = Text bearbeiten
admin-text-default = Standardtext
admin-text-value = Neuer Text
admin-text-value-hint = Platzhalter wie { "{" } $name { "}" } bitte unverändert übernehmen.
admin-text-invalid = Der Text ist leer oder enthält einen fehlerhaften Platzhalter. Prüfen Sie geschweifte Klammern und Platzhalternamen.
admin-text-preview-submit = Vorschau anzeigen
admin-text-preview = Vorschau
admin-text-confirm-question = Soll dieser Text jetzt gespeichert werden? Die Änderung gilt sofort für alle Nutzerinnen und Nutzer.
admin-text-save-confirm = Ja, speichern
admin-text-back-to-edit = Zurück zur Bearbeitung
admin-text-revert = Auf Standard zurücksetzen
admin-text-revert-question = Soll die Änderung verworfen und der Standardtext wiederhergestellt werden?
admin-text-revert-confirm = Ja, Standard wiederherstellen
admin-text-saved = Der Text wurde gespeichert.
admin-text-reverted = Der Standardtext wurde wiederhergestellt.
admin-outbox-title = Postausgang
admin-outbox-intro = Alle vom System erzeugten E-Mails. Im Entwicklungsbetrieb werden E-Mails nicht versendet, sondern nur hier abgelegt.
admin-outbox-col-date = Erstellt
admin-outbox-col-to = Empfänger
admin-outbox-col-subject = Betreff
admin-outbox-col-status = Status
admin-outbox-status-outbox = Im Postausgang (nicht versendet)
admin-outbox-status-queued = Wartet auf Versand
admin-outbox-status-sent = Versendet
admin-outbox-status-failed = Versand fehlgeschlagen
admin-outbox-empty = Keine E-Mails vorhanden.
admin-outbox-mail-title = E-Mail
admin-outbox-back = Zurück zum Postausgang

## "Barriere melden" (feedback of the accessibility statement)
admin-feedback-title = Barriere melden
admin-feedback-intro = Beschreiben Sie bitte, wo Sie auf eine Barriere gestoßen sind oder welche Information Sie in barrierefreier Form benötigen. Ein Konto ist nicht nötig. Ihre Nachricht geht an die Administration der Anwendung.
admin-feedback-field-message = Ihre Nachricht
admin-feedback-hint-message = Was ist passiert, und was haben Sie erwartet?
admin-feedback-field-place = Seite oder Stelle (optional)
admin-feedback-hint-place = Zum Beispiel die Adresse der Seite oder den Namen des Formulars.
admin-feedback-field-email = E-Mail-Adresse für eine Antwort (optional)
admin-feedback-hint-email = Nur wenn Sie eine Antwort wünschen.
admin-feedback-send = Nachricht senden
admin-feedback-back = Zurück zur Erklärung zur Barrierefreiheit
admin-feedback-error-message = Bitte beschreiben Sie die Barriere.
admin-feedback-error-email = Bitte geben Sie eine gültige E-Mail-Adresse an (z. B. name@beispiel.de) oder lassen Sie das Feld leer.
admin-feedback-done-title = Vielen Dank für Ihre Nachricht
admin-feedback-done-text = Ihre Nachricht ist bei der Administration angekommen. Wenn Sie eine E-Mail-Adresse angegeben haben, antworten wir Ihnen in der Regel innerhalb von zwei Wochen.
admin-feedback-notice = Neue Meldung zur Barrierefreiheit: „{ $message }“
admin-feedback-mail-subject = Meldung zur Barrierefreiheit
admin-feedback-mail-body =
    Über das Formular „Barriere melden“ ist eine Meldung eingegangen.

    Nachricht: { $message }
    Seite oder Stelle: { $place }
    E-Mail-Adresse für eine Antwort: { $email }

    Bitte antworten Sie innerhalb von zwei Wochen (BITV 2.0 § 7).
admin-text-used-in = Verwendet in
admin-text-used-by-code = Keiner Seitenvorlage: Die Anwendung zeigt diesen Text selbst (Meldung, E-Mail, Dateikopf oder Auswahlliste).
admin-text-source = Eingegebener Text (Quelltext)
