# Das Register der Hausarztpraxis mit den erhaltenen Mitteilungen: die
# Ansicht, die CSV-Datei und die einseitige Übersicht. Einfache Worte.

register-status-to-contact = Noch kontaktieren
register-status-contacted = Kontaktiert
register-status-replaced = Monitor ersetzt
register-status-reported = Dem Ministerium gemeldet

register-verdict-affected = Betroffen
register-verdict-unknown = Nicht sicher
register-verdict-not-affected = Nicht auf der Liste

register-csv-with-names = Die CSV-Datei enthält { $rows } Zeilen mit diesen Spalten: { $columns }. Sie enthält die Namen der Patientinnen und Patienten, der Absender und Ihre Notizen.
register-csv-without-names = Die CSV-Datei enthält { $rows } Zeilen mit diesen Spalten: { $columns }. Namen und Ihre Notizen sind nicht enthalten.

register-summary-title = Patientenmonitore: Übersicht der erhaltenen Mitteilungen
register-summary-subtitle = Stand: { $date }
register-summary-counts = Monitore nach Antwort
register-summary-devices = Monitore im Register
register-summary-incidents = Mit Anzeichen einer Manipulation (mögliche schwerwiegende Vorkommnisse)
register-summary-to-contact = Betroffen oder mit Anzeichen, noch nicht kontaktiert
register-summary-incident-list = Mögliche schwerwiegende Vorkommnisse
register-summary-incident = { $who }{ $model }, Seriennummer { $serial }: { $signs } ({ $status })
register-summary-no-incidents = Keine Mitteilung meldet Anzeichen einer Manipulation.
register-summary-footer = Monitor Check { $version }: Register der Hausarztpraxis

## Die Ansicht des Registers
register-back = ← Zurück zum Anfang
register-heading = Register der erhaltenen Mitteilungen
register-intro = Jede Zeile ist der Monitor einer Patientin oder eines Patienten, so wie ihn die neueste Mitteilung beschreibt. Zuerst Monitore mit Anzeichen einer Manipulation, dann betroffene. Alles bleibt auf diesem Computer.
register-add = Mitteilungen hinzufügen…
register-add-folder = Einen Ordner hinzufügen…
register-drop-hint = oder ziehen Sie die Dateien auf dieses Fenster.
register-working = Das Register wird bearbeitet…
register-no-folder = Dieser Computer hat keinen Ordner für die Dateien der App; das Register kann nicht gespeichert werden.
register-import-cancelled = Der Import wurde abgebrochen; das Register ist unverändert.
register-imported = { $added } hinzugefügt, { $updated } aktualisiert, { $same } schon im Register, { $refused } abgelehnt.
register-saved = Gespeichert als { $path }.
register-counts = { $devices } Monitore · { $affected } betroffen · { $incidents } mit Anzeichen einer Manipulation · { $to_contact } noch zu kontaktieren
register-empty = Das Register ist leer. Fügen Sie die Mitteilungen hinzu, die Sie erhalten haben.
register-none-match = Kein Monitor passt zu diesen Filtern.
register-page-rows = Monitore { $from }–{ $to } von { $total }
register-page-previous = ← Vorherige Monitore
register-page-next = Nächste Monitore →
register-filter-all = Alle
register-filter-verdict = Antwort
register-filter-status = Stand
register-filter-incidents = Nur mit Anzeichen einer Manipulation
register-sort = Reihenfolge
register-sort-priority = Dringendste zuerst
register-sort-received = Neueste zuerst
register-sort-patient = Patient/in
register-sort-model = Modell
register-sort-status = Stand
register-col-patient = Patient/in
register-col-model = Modell und Seriennummer
register-col-verdict = Antwort
# Short names of the signs of tampering, for the table (the details show the whole sentence).
register-sign-readings-mismatch = Messwerte
register-sign-unexpected-restart = Neustarts
register-sign-settings-changed = Einstellungen geändert
register-sign-network-turned-on = Netz wieder an
register-col-signs = Bemerkte Anzeichen
register-col-still-used = Noch in Gebrauch
register-col-status = Stand
register-col-received = Erhalten
register-updates = { $count } Mitteilungen
register-answer-yes = Ja
register-answer-no = Nein
register-answer-not-answered = Keine Antwort
register-details = Monitor: { $name }
register-incident-note = Es wurden Anzeichen einer Manipulation bemerkt: ein mögliches schwerwiegendes Vorkommnis, das dem Gesundheitsministerium zu melden ist.
register-status-question = Was wurde getan
register-note = Ihre Notiz
register-note-hint = z. B. am 2. Dezember angerufen, Monitor vom Netz getrennt
register-note-save = Notiz speichern
register-report = Die Daten für die Meldung zeigen
register-show-notice = Die Mitteilung zeigen
register-report-intro = Die Daten für die Meldung an das Ministerium, so wie die erhaltene Mitteilung sie aufführt. Übertragen Sie sie in das Meldeformular.
register-report-copy = Kopieren
register-report-label = Text der Mitteilung
register-export-heading = Aus dem Register
register-without-names = Namen und Notizen weglassen
register-save-csv = Als CSV speichern…
register-save-summary = Die Übersicht speichern (PDF)…
