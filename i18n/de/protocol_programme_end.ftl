## Programmende (R-GEN-3): Warnungen, Löschung, Kacheln, Befehl hih programme-end
job-protocol-programme-end = Programmende: Warnungen vorab und Löschung aller Daten am Enddatum

protocol-programme-end-notice = { $days ->
    [one] Das Programm endet morgen ({ $date }). Dann werden alle Unternehmen, Bewerberinnen und Bewerber, Kontakte, Vermittlungen, Beratungsgespräche, Beiträge des Fachaustauschs, Einladungen und erzeugten Dateien endgültig gelöscht; die Statistik bleibt anonym erhalten.
   *[other] Das Programm endet am { $date } (in { $days } Tagen). Dann werden alle Unternehmen, Bewerberinnen und Bewerber, Kontakte, Vermittlungen, Beratungsgespräche, Beiträge des Fachaustauschs, Einladungen und erzeugten Dateien endgültig gelöscht; die Statistik bleibt anonym erhalten.
}
protocol-programme-end-mail-subject = HiH Projektdatenbank: Programmende am { $date }
protocol-programme-end-mail-body = Guten Tag,

    das Programm „Hand in Hand for International Talents“ endet am { $date } ({ $days ->
        [one] morgen
       *[other] in { $days } Tagen
    }). An diesem Tag löscht die HiH Projektdatenbank automatisch und endgültig alle Unternehmen, Bewerberinnen und Bewerber, Kontakte, Vermittlungen, Beratungsgespräche, Beiträge des Fachaustauschs, Einladungen und erzeugten Dateien (Berichte, Partnerexporte). Die Statistik bleibt als anonyme Zählung erhalten.

    Bitte sichern Sie rechtzeitig, was nach dem Programmende noch gebraucht wird und weitergegeben werden darf:
    { $link }

    Diese Nachricht wurde automatisch erzeugt.

protocol-programme-end-tile-warning = { $days ->
    [0] Das Programm endet heute ({ $date }). Alle Unternehmen, Bewerberinnen und Bewerber, Kontakte, Vermittlungen, Beratungsgespräche, Beiträge des Fachaustauschs, Einladungen und erzeugten Dateien werden heute endgültig gelöscht.
    [one] Das Programm endet morgen ({ $date }). Dann werden alle Unternehmen, Bewerberinnen und Bewerber, Kontakte, Vermittlungen, Beratungsgespräche, Beiträge des Fachaustauschs, Einladungen und erzeugten Dateien endgültig gelöscht.
   *[other] Das Programm endet am { $date } (in { $days } Tagen). Dann werden alle Unternehmen, Bewerberinnen und Bewerber, Kontakte, Vermittlungen, Beratungsgespräche, Beiträge des Fachaustauschs, Einladungen und erzeugten Dateien endgültig gelöscht.
}
protocol-programme-end-tile-ended = Das Programm ist am { $date } beendet worden; die Daten wurden gelöscht.

protocol-programme-end-no-date = Es ist kein Programmende eingestellt (Einstellung programme_end_date); es wird nichts gelöscht.
protocol-programme-end-not-reached = Das Programmende ist noch nicht erreicht; es wurde nichts gelöscht.

protocol-programme-end-kind-companies = Unternehmen
protocol-programme-end-kind-company-status = Statusänderungen von Unternehmen
protocol-programme-end-kind-applicants = Bewerberinnen und Bewerber
protocol-programme-end-kind-applicant-status = Statusänderungen von Bewerberinnen und Bewerbern
protocol-programme-end-kind-contacts = Einträge der Kontakthistorie
protocol-programme-end-kind-matches = Vermittlungen
protocol-programme-end-kind-access = Freigaben von Bewerberinnen und Bewerbern für IHK-Bezirke
protocol-programme-end-kind-registrations = offene Selbstregistrierungen
protocol-programme-end-kind-invitations = Einladungen zur Selbstregistrierung
protocol-programme-end-kind-reports = Berichtsdateien
protocol-programme-end-kind-partner-exports = Partnerexporte
protocol-programme-end-kind-links = Download-Links
protocol-programme-end-kind-notifications = Benachrichtigungen zu gelöschten Datensätzen und Berichten

protocol-programme-end-cli-date = { $days ->
    [0] Programmende: { $date } (heute erreicht).
    [one] Programmende: { $date } (morgen).
   *[other] Programmende: { $date } (in { $days } Tagen).
}
protocol-programme-end-cli-date-past = Programmende: { $date } (erreicht).
protocol-programme-end-cli-would-delete = Beim Programmende würden gelöscht (Probelauf, nichts wurde geändert):
protocol-programme-end-cli-deleted = Gelöscht:
protocol-programme-end-cli-line = { $label }: { $count }
protocol-programme-end-cli-total = Zusammen: { $count }
protocol-programme-end-cli-kept = Bleiben erhalten: { $count ->
    [one] 1 Monatszahl (1A)
   *[other] { $count } Monatszahlen (1A)
} und die anonymen Statistikzähler, Benutzerkonten, Protokolle, Auswahllisten und Partnerexport-Profile.
protocol-programme-end-cli-not-reached = Das Programmende am { $date } ist noch nicht erreicht (noch { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
}); es wurde nichts gelöscht. Vorschau: hih programme-end --dry-run
protocol-programme-end-cli-recorded = Die Löschung ist im Audit-Protokoll vermerkt.
protocol-programme-end-cli-unannounced = Für das Programmende am { $date } wurde nie vorab gewarnt: Das Datum wurde erst eingetragen, als es schon vergangen war. Ein Datum in der Vergangenheit löst keine Löschung aus; es wurde nichts gelöscht. Bitte prüfen Sie die Einstellung programme_end_date.
