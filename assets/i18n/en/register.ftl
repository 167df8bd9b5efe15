# The family doctor's register of received notices: the screen, the CSV
# and the one-page summary. Plain words; the doctor is busy, not technical.

register-status-to-contact = To contact
register-status-contacted = Contacted
register-status-replaced = Monitor replaced
register-status-reported = Reported to the Ministry

register-verdict-affected = Affected
register-verdict-unknown = Not sure
register-verdict-not-affected = Not on the list

register-csv-with-names = The CSV will hold { $rows } rows with these columns: { $columns }. It includes the patients' and senders' names and your notes.
register-csv-without-names = The CSV will hold { $rows } rows with these columns: { $columns }. It leaves out names and your notes.

register-summary-title = Patient monitors: summary of the notices received
register-summary-subtitle = As of { $date }
register-summary-counts = Monitors by answer
register-summary-devices = Monitors in the register
register-summary-incidents = With signs of tampering (possible serious incidents)
register-summary-to-contact = Affected or with signs, patient not yet contacted
register-summary-incident-list = Possible serious incidents
register-summary-incident = { $who }{ $model }, serial { $serial }: { $signs } ({ $status })
register-summary-no-incidents = No notice reports signs of tampering.
register-summary-footer = Monitor Check { $version }: family doctor's register

## The register screen
register-back = ← Back to the start
register-heading = Register of notices received
register-intro = Each row is one patient's monitor, as the newest notice about it describes it. Monitors with signs of tampering come first, then affected ones. Everything stays on this computer.
register-add = Add notices…
register-add-folder = Add a folder…
register-drop-hint = or drop the files on this window.
register-working = Working on the register…
register-no-folder = This computer has no folder for the app's files, so the register cannot be kept.
register-import-cancelled = The import was cancelled; the register is unchanged.
register-imported = { $added } added, { $updated } updated, { $same } already in the register, { $refused } refused.
register-saved = Saved as { $path }.
register-counts = { $devices } monitors · { $affected } affected · { $incidents } with signs of tampering · { $to_contact } to contact
register-empty = The register is empty. Add the notices your patients sent you.
register-none-match = No monitor matches these filters.
register-page-rows = Monitors { $from }–{ $to } of { $total }
register-page-previous = ← Previous monitors
register-page-next = Next monitors →
register-filter-all = All
register-filter-verdict = Answer
register-filter-status = Status
register-filter-incidents = Only with signs of tampering
register-sort = Order
register-sort-priority = Most urgent first
register-sort-received = Newest first
register-sort-patient = Patient
register-sort-model = Model
register-sort-status = Status
register-col-patient = Patient
register-col-model = Model and serial
register-col-verdict = Answer
# Short names of the signs of tampering, for the table (the details show the whole sentence).
register-sign-readings-mismatch = Readings
register-sign-unexpected-restart = Restarts
register-sign-settings-changed = Settings changed
register-sign-network-turned-on = Network back on
register-col-signs = Signs seen
register-col-still-used = Still in use
register-col-status = Status
register-col-received = Received
register-updates = { $count } notices
register-answer-yes = Yes
register-answer-no = No
register-answer-not-answered = Not answered
register-details = Monitor: { $name }
register-incident-note = Signs of tampering were seen: a possible serious incident, to report to the Ministry of Health.
register-status-question = What has been done
register-note = Your note
register-note-hint = e.g. phoned on 2 December, monitor unplugged
register-note-save = Save the note
register-report = Show the data for the report
register-show-notice = Show the notice
register-report-intro = The data for the Ministry's report, as the sender's notice lays them out. Copy them into the report form.
register-report-copy = Copy
register-report-label = Notice text
register-export-heading = Out of the register
register-without-names = Leave out names and notes
register-save-csv = Save as CSV…
register-save-summary = Save the summary (PDF)…
