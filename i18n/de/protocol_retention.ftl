# protocol: retention
job-protocol-log-purge = Protokolleinträge nach Ablauf der Aufbewahrungsfrist löschen (Änderungs- und Zugriffsprotokoll)
protocol-retention-title = Aufbewahrung und Löschfristen
protocol-retention-intro = Diese Seite zeigt, welche Daten wann physisch gelöscht werden. Alle Löschungen laufen automatisch als tägliche Aufträge und werden im Änderungsprotokoll festgehalten (nur Anzahlen).
protocol-retention-deactivated-heading = Deaktivierte Unternehmen und Bewerber/innen
protocol-retention-deactivated-rule = { $days ->
    [one] Deaktivierte Datensätze werden einen Tag nach der Deaktivierung physisch gelöscht; vorher gehen sie anonym in die Statistik ein.
   *[other] Deaktivierte Datensätze werden { $days } Tage nach der Deaktivierung physisch gelöscht; vorher gehen sie anonym in die Statistik ein.
}
protocol-retention-deactivated-companies = Deaktivierte Unternehmen
protocol-retention-deactivated-applicants = Deaktivierte Bewerber/innen
protocol-retention-deletions-caption = Geplante Löschungen deaktivierter Datensätze
protocol-retention-col-kind = Bereich
protocol-retention-col-date = Gelöscht ab
protocol-retention-col-count = Anzahl
protocol-retention-kind-companies = Unternehmen
protocol-retention-kind-applicants = Bewerber/innen
protocol-retention-deactivated-none = Zurzeit sind keine Unternehmen oder Bewerber/innen deaktiviert.
protocol-retention-logs-heading = Änderungs- und Zugriffsprotokoll
protocol-retention-logs-rule = { $years ->
    [0] Protokolleinträge werden am 1. Januar nach dem Jahr ihrer Entstehung gelöscht.
    [one] Protokolleinträge werden spätestens am Ende des auf ihre Entstehung folgenden Jahres gelöscht: Ein Eintrag aus 2026 wird am 1. Januar 2028 gelöscht.
   *[other] Protokolleinträge werden { $years } Jahre nach dem Jahr ihrer Entstehung gelöscht.
}
protocol-retention-next-purge = Nächste Löschung von Protokolleinträgen
protocol-retention-next-covers = Betroffen
protocol-retention-next-covers-value = Einträge bis einschließlich { $date }
protocol-retention-next-audit = Einträge im Änderungsprotokoll, die dann gelöscht werden
protocol-retention-next-access = Einträge im Zugriffsprotokoll, die dann gelöscht werden
protocol-retention-oldest-audit = Ältester Eintrag im Änderungsprotokoll
protocol-retention-oldest-access = Ältester Eintrag im Zugriffsprotokoll
protocol-retention-none = keiner
protocol-retention-anchor = Anker der Prüfkette
protocol-retention-anchor-value = zuletzt gelöschter Eintrag Nr. { $seq }, Prüfsumme
protocol-retention-anchor-none = Es wurden noch keine Einträge des Änderungsprotokolls gelöscht.
protocol-retention-anchor-explained = Das Änderungsprotokoll ist eine Kette von Prüfsummen. Beim Löschen der ältesten Einträge wird der zuletzt gelöschte Eintrag zum Anker; die Löschung wird mit Anzahl und neuem Anker im Protokoll selbst vermerkt, sodass sich die Kette weiterhin vollständig prüfen lässt.
protocol-retention-overdue = { $count ->
    [one] 1 Eintrag ist bereits fällig und wird beim nächsten täglichen Lauf gelöscht.
   *[other] { $count } Einträge sind bereits fällig und werden beim nächsten täglichen Lauf gelöscht.
}
protocol-retention-end-heading = Programmende
protocol-retention-end-set = Das Programm endet am { $date }. An diesem Tag werden die Kerndaten aller Unternehmen (zurzeit { $companies }) und Bewerber/innen (zurzeit { $applicants }) automatisch physisch gelöscht; die anonymen Statistikzähler bleiben erhalten. Administratoren und die Datenschutzbeauftragten werden 30 und 7 Tage vorher gewarnt.
protocol-retention-end-unset = Es ist kein Programmende festgelegt; eine Löschung aller Kerndaten zum Programmende findet nicht statt.
protocol-retention-end-done = Das Programm endete am { $date }; die Kerndaten aller Unternehmen und Bewerber/innen wurden physisch gelöscht.
protocol-retention-notifications-heading = Benachrichtigungen
protocol-retention-notifications = Gelesene Benachrichtigungen werden nach { $days } Tagen gelöscht, ungelesene spätestens nach { $max } Tagen.
protocol-retention-chain-broken-notice = Die Prüfkette des Änderungsprotokolls ist ab Eintrag { $seq } verletzt. Die fällige Löschung alter Protokolleinträge wurde angehalten, damit die Spuren erhalten bleiben.
protocol-retention-chain-broken-mail-subject = HiH Projektdatenbank: Sicherheitshinweis – Änderungsprotokoll verletzt
protocol-retention-chain-broken-mail-body =
    Die Prüfkette des Änderungsprotokolls ist ab Eintrag { $seq } verletzt: Ein Eintrag wurde außerhalb der Anwendung geändert oder entfernt.
    
    Die fällige Löschung alter Protokolleinträge wurde angehalten, damit die Spuren erhalten bleiben. Bitte prüfen Sie die Datenbank (Befehl „hih verify-audit“) und informieren Sie den Dienstleister.
