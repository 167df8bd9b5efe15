# Il registro del medico di famiglia con le segnalazioni ricevute: la
# schermata, il CSV e il riepilogo di una pagina. Parole semplici.

register-status-to-contact = Da contattare
register-status-contacted = Contattato
register-status-replaced = Monitor sostituito
register-status-reported = Segnalato al Ministero

register-verdict-affected = Coinvolto
register-verdict-unknown = Non è certo
register-verdict-not-affected = Non in elenco

register-csv-with-names = Il CSV conterrà { $rows } righe con queste colonne: { $columns }. Include i nomi dei pazienti e di chi ha inviato la segnalazione, e le sue note.
register-csv-without-names = Il CSV conterrà { $rows } righe con queste colonne: { $columns }. Non contiene nomi né le sue note.

register-summary-title = Monitor dei pazienti: riepilogo delle segnalazioni ricevute
register-summary-subtitle = Aggiornato al { $date }
register-summary-counts = Monitor per risposta
register-summary-devices = Monitor nel registro
register-summary-incidents = Con segni di manomissione (possibili incidenti gravi)
register-summary-to-contact = Coinvolti o con segni, paziente non ancora contattato
register-summary-incident-list = Possibili incidenti gravi
register-summary-incident = { $who }{ $model }, numero di serie { $serial }: { $signs } ({ $status })
register-summary-no-incidents = Nessuna segnalazione riporta segni di manomissione.
register-summary-footer = Monitor Check { $version }: registro del medico di famiglia

## La schermata del registro
register-back = ← Torna all'inizio
register-heading = Registro delle segnalazioni ricevute
register-intro = Ogni riga è il monitor di un paziente, come lo descrive la segnalazione più recente. Prima i monitor con segni di manomissione, poi quelli coinvolti. Tutto resta su questo computer.
register-add = Aggiungi segnalazioni…
register-add-folder = Aggiungi una cartella…
register-drop-hint = oppure trascini i file su questa finestra.
register-working = Aggiornamento del registro…
register-no-folder = Questo computer non ha una cartella per i file dell'app: il registro non può essere conservato.
register-import-cancelled = Importazione annullata; il registro non è cambiato.
register-imported = { $added } aggiunte, { $updated } aggiornate, { $same } già nel registro, { $refused } rifiutate.
register-saved = Salvato come { $path }.
register-counts = { $devices } monitor · { $affected } coinvolti · { $incidents } con segni di manomissione · { $to_contact } da contattare
register-empty = Il registro è vuoto. Aggiunga le segnalazioni ricevute dai pazienti.
register-none-match = Nessun monitor corrisponde ai filtri.
register-page-rows = Monitor da { $from } a { $to } di { $total }
register-page-previous = ← Monitor precedenti
register-page-next = Monitor successivi →
register-filter-all = Tutti
register-filter-verdict = Risposta
register-filter-status = Stato
register-filter-incidents = Solo con segni di manomissione
register-sort = Ordine
register-sort-priority = Prima i più urgenti
register-sort-received = Prima i più recenti
register-sort-patient = Paziente
register-sort-model = Modello
register-sort-status = Stato
register-col-patient = Paziente
register-col-model = Modello e numero di serie
register-col-verdict = Risposta
# Short names of the signs of tampering, for the table (the details show the whole sentence).
register-sign-readings-mismatch = Valori
register-sign-unexpected-restart = Riavvii
register-sign-settings-changed = Impostazioni cambiate
register-sign-network-turned-on = Rete riattivata
register-col-signs = Segni notati
register-col-still-used = Ancora in uso
register-col-status = Stato
register-col-received = Ricevuta
register-updates = { $count } segnalazioni
register-answer-yes = Sì
register-answer-no = No
register-answer-not-answered = Non risposto
register-details = Monitor: { $name }
register-incident-note = Sono stati notati segni di manomissione: possibile incidente grave, da segnalare al Ministero della Salute.
register-status-question = Che cosa è stato fatto
register-note = La sua nota
register-note-hint = es. telefonato il 2 dicembre, monitor scollegato
register-note-save = Salva la nota
register-report = Mostra i dati per la segnalazione
register-show-notice = Mostra la segnalazione
register-report-intro = I dati per la segnalazione al Ministero, come li riporta la segnalazione ricevuta. Li copi nel modulo di segnalazione.
register-report-copy = Copia
register-report-label = Testo della segnalazione
register-export-heading = Dal registro
register-without-names = Escludi nomi e note
register-save-csv = Salva come CSV…
register-save-summary = Salva il riepilogo (PDF)…
