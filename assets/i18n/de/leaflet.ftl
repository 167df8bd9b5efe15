# Das Merkblatt, das die Hausarztpraxis den Patientinnen und Patienten gibt:
# warum der Patientenmonitor zu Hause geprüft werden soll, wie, und wohin die
# Mitteilung geht. Für ältere Menschen ohne Technikkenntnisse: kurze Sätze,
# keine Fachwörter, nie ein „alles in Ordnung“.

leaflet-title = Bitte prüfen Sie den Patientenmonitor, den Sie zu Hause verwenden
leaflet-subtitle = Eine Bitte Ihrer Hausarztpraxis
leaflet-h-why = Warum diese Prüfung wichtig ist
leaflet-why-flaw = Einige Patientenmonitore von Contec (der CMS8000 und auch CMS6000, CMS6500, CMS7000 und CMS9000, manche als Epsimed MN-120 verkauft) haben eine versteckte Funktion: Sie können Patientendaten an eine feste Adresse im Internet senden und von dort Dateien laden.
leaflet-why-ministry = Das italienische Gesundheitsministerium bittet alle zu prüfen, ob ein solcher Monitor benutzt wird, ihn vom Internet zu trennen und die Hausarztpraxis zu informieren.
leaflet-h-label = 1. Finden Sie das Schild am Monitor
leaflet-label = Sehen Sie auf der Rückseite oder Unterseite des Monitors nach: Dort klebt ein Schild mit Modellname und Seriennummer (oft nach „Model“ und „SN“).
leaflet-h-check = 2. Prüfen Sie mit der App Monitor Check
leaflet-check-install = Installieren Sie die App Monitor Check auf einem Computer. Wenn Sie Hilfe brauchen, fragen Sie Angehörige oder Ihre Apotheke.
leaflet-check-role = Öffnen Sie die App und wählen Sie „{ role-carer }“.
leaflet-check-model = Geben Sie das Modell vom Schild ein, oder fügen Sie ein Foto des Schilds hinzu, das Sie mit dem Telefon gemacht haben.
leaflet-check-steps = Folgen Sie den Schritten auf dem Bildschirm. Die App sagt Ihnen, was mit dem Monitor zu tun ist.
leaflet-check-send = Senden Sie am Ende die Mitteilung per E-Mail an Ihre Praxis, oder drucken Sie sie aus und bringen Sie sie hin, ganz gleich, wie die Antwort lautet.
leaflet-h-doctor = 3. Senden Sie die Mitteilung an Ihre Praxis
leaflet-qr-caption = Richten Sie die Kamera eines Telefons auf dieses Quadrat: Es bietet an, Namen und E-Mail-Adresse Ihrer Praxis in Ihren Kontakten zu speichern.
leaflet-privacy = Die App arbeitet auf Ihrem Computer und sendet nichts über Sie oder Ihren Monitor. Nur die Mitteilung, die Sie selbst an Ihre Praxis senden, verlässt den Computer.
leaflet-footer = Merkblatt erstellt am { $date } mit Monitor Check { $version }
leaflet-pdf-description = Merkblatt für Patientinnen und Patienten: wie man einen zu Hause verwendeten Patientenmonitor prüft
leaflet-file-name = monitor-check-merkblatt.pdf

## Der Bildschirm der Praxis, der das Merkblatt und die Arztkarte schreibt
leaflet-ui-heading = Ein Merkblatt für Ihre Patientinnen und Patienten
leaflet-ui-intro = Drucken Sie dieses einseitige Merkblatt aus und geben Sie es Patientinnen und Patienten, die zu Hause einen Patientenmonitor verwenden könnten. Es erklärt die Prüfung in einfachen Worten und trägt Ihren Namen und Ihre E-Mail-Adresse, damit die Mitteilungen zu Ihnen kommen.
leaflet-ui-name = Ihr Name
leaflet-ui-name-hint = z. B. Dr. Maria Rossi
leaflet-ui-email = Ihre E-Mail
leaflet-ui-email-hint = z. B. m.rossi@example.org
leaflet-ui-language = Sprache des Merkblatts
leaflet-ui-save-pdf = Merkblatt speichern (PDF)…
leaflet-ui-save-card = Arztkarte speichern…
leaflet-ui-card-note = Die Arztkarte ist eine kleine Datei, die Sie mit dem Merkblatt versenden können. In Monitor Check geöffnet, trägt sie Ihren Namen und Ihre E-Mail-Adresse für die Patientin oder den Patienten ein.
leaflet-ui-working = Die Datei wird geschrieben…
leaflet-ui-saved = Gespeichert: { $path }
leaflet-ui-error-name = Bitte geben Sie Ihren Namen ein.
leaflet-ui-error-name-long = Der Name ist zu lang: Bitte geben Sie einen kürzeren ein.
leaflet-ui-error-email = Bitte geben Sie eine E-Mail-Adresse wie name@example.org ein.
leaflet-ui-error-email-long = Diese Adresse ist für das Merkblatt zu lang: Bitte verwenden Sie eine kürzere.
leaflet-ui-error-write = Die Datei konnte nicht geschrieben werden: { $reason }
