# The leaflet a family doctor hands to patients: why to check a home patient
# monitor, how, and where to send the notice. For elderly, non-technical
# readers: short sentences, no jargon, never an "all clear".

leaflet-title = Please check your patient monitor at home
leaflet-subtitle = A request from your family doctor
leaflet-h-why = Why this check matters
leaflet-why-flaw = Some patient monitors made by Contec (the CMS8000, and also the CMS6000, CMS6500, CMS7000 and CMS9000, some of them sold as Epsimed MN-120) have a hidden function: they can send the patient's data to a fixed address on the internet and load files from there.
leaflet-why-ministry = The Ministry of Health asks everyone to check whether one of these monitors is in use, to take it off the internet and to tell the family doctor.
leaflet-h-label = 1. Find the label on the monitor
leaflet-label = Look on the back or underneath the monitor for a sticker with the model name and the serial number (often after the words "Model" and "SN").
leaflet-h-check = 2. Do the check with the Monitor Check app
leaflet-check-install = Install the Monitor Check app on a computer. If you need help, ask a relative or your pharmacy.
leaflet-check-role = Open it and choose "{ role-carer }".
leaflet-check-model = Type the model written on the label, or add a photo of the label taken with your phone.
leaflet-check-steps = Follow the steps on the screen. The app tells you what to do with the monitor.
leaflet-check-send = At the end, send the notice to your doctor by e-mail, or print it and bring it to the surgery, whatever the answer is.
leaflet-h-doctor = 3. Send the notice to your doctor
leaflet-qr-caption = With a phone, point the camera at this square: it offers to save your doctor's name and e-mail address in your contacts.
leaflet-privacy = The app does its work on your computer. It sends nothing about you or your monitor anywhere: only the notice you choose to send to your doctor leaves your computer.
leaflet-footer = Leaflet prepared on { $date } with Monitor Check { $version }
leaflet-pdf-description = Leaflet for patients: how to check a patient monitor used at home
leaflet-file-name = monitor-check-leaflet.pdf

## The doctor's screen that writes the leaflet and the doctor card
leaflet-ui-heading = A leaflet for your patients
leaflet-ui-intro = Print this one-page leaflet and hand it to patients who may use a patient monitor at home. It explains the check in plain words and carries your name and e-mail address, so that the notices come back to you.
leaflet-ui-name = Your name
leaflet-ui-name-hint = e.g. Dr Maria Rossi
leaflet-ui-email = Your e-mail
leaflet-ui-email-hint = e.g. m.rossi@example.org
leaflet-ui-language = Language of the leaflet
leaflet-ui-save-pdf = Save the leaflet (PDF)…
leaflet-ui-save-card = Save the doctor card…
leaflet-ui-card-note = The doctor card is a small file you can send with the leaflet. Opened in Monitor Check, it fills in your name and e-mail address for the patient.
leaflet-ui-working = Writing the file…
leaflet-ui-saved = Saved: { $path }
leaflet-ui-error-name = Please type your name.
leaflet-ui-error-name-long = This name is too long: please type a shorter one.
leaflet-ui-error-email = Please type an e-mail address such as name@example.org.
leaflet-ui-error-email-long = This address is too long for the leaflet: please use a shorter one.
leaflet-ui-error-write = The file could not be written: { $reason }
