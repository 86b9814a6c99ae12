## Berichte: Statistik, Kreuztabelle, Berichte, Partnerexporte, Auskunft

reports-file-status-queued = In Warteschlange
reports-file-status-running = Wird erstellt
reports-file-status-done = Fertig
reports-file-status-failed = Fehlgeschlagen
