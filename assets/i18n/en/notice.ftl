# The notice for the family doctor (text, PDF, e-mail).
# Tone: calm, factual, short sentences. Same ids as it/notice.ftl.

notice-title = Notice for the family doctor: patient monitor
notice-data-description = The data of this notice, for the family doctor's register (JSON)
notice-file-stem = monitor-notice

## E-mail subject and PDF title
notice-subject-affected = Patient monitor { $model }: a model with a known security flaw
notice-subject-not-affected = Patient monitor { $model }: not one of the listed models
notice-subject-unknown = Patient monitor to identify: possibly a model with a known security flaw
notice-subject-incident = Possible serious incident: patient monitor { $model }
notice-subject-patient = { $subject } (patient { $initials })

## The result in short
notice-headline-affected = The monitor is one of the models with a known security flaw: { $model }.
notice-headline-not-affected = The model read, { $model }, is not on the list of affected models.
notice-headline-unknown = It could not be established whether the monitor is one of the affected models.
notice-relabel = { $model }, a { $of } sold under another brand
notice-model-unknown = model not identified

## Serious incident warning
notice-alert-heading = Possible serious incident
notice-alert-body = The sender saw signs that the monitor may have been tampered with. This may be a serious incident: health professionals must report serious incidents, even suspected ones, to the Italian Ministry of Health (D.Lgs. 137/2022, art. 10).
notice-alert-see-page = The data needed for the report are at the end of this document.

## Header
notice-to = To
notice-from = From
notice-checked-at = Checked on
notice-to-default = Family doctor or family paediatrician

## What is asked of the doctor
notice-h-ask = What we ask of you
notice-ask-affected-confirm = Please confirm the identification of the device: its details and the label photos are below.
notice-ask-affected-remote = Please tell us whether the patient needs remote monitoring through this monitor (readings sent to a central station or a service). The FDA advises:
notice-ask-affected-remote-yes = if yes: unplug it, stop using it and get another monitor;
notice-ask-affected-remote-no = if no: use it locally only, with the network cable unplugged and Wi-Fi turned off.
notice-ask-affected-readings = Please consider whether the readings match the patient's condition: the Italian Ministry of Health asks doctors to check for possible tampering.
notice-ask-unknown-identify = Please help us identify the monitor: what we read on its label, and the photos if any, are below.
notice-ask-unknown-meanwhile = Please tell us whether, as a precaution, it should be used without network in the meantime (network cable unplugged, Wi-Fi off).
notice-ask-not-affected = The model read is not one of the listed ones: nothing else is needed for this issue, and this notice is for the record. If the model given does not match the label, please tell us.
notice-ask-incident = Please assess the signs of tampering reported here: if you judge them a serious incident, even a suspected one, the report to the Ministry falls to you. The data are at the end.
notice-ask-own-words = The sender's request

## Result of the check
notice-h-result = Result of the check
notice-manufacturer-listed = Manufacturer according to the list
notice-evidence-none = No text that was read matches a model on the list.
notice-evidence-intro = What it rests on:
notice-evidence-item = “{ $text }” ({ $origin }) → { $matched }: { $rule }
notice-origin-typed = typed
notice-origin-photo = read from photo { $file }, confidence { $confidence }%
notice-origin-barcode = { $format } barcode in photo { $file }
notice-rule-model = model name
notice-rule-alias = another spelling or brand of the same model
notice-rule-importer-code = distributor's code
notice-rule-firmware = firmware version
notice-rule-gtin = product code (GTIN) of the UDI
notice-rule-look-alike = similar product, not listed
notice-rule-unlisted = model not on the list
notice-cautions-intro = To bear in mind:
notice-next-intro = To get an answer:
notice-next-type-model = type the model exactly as printed on the label
notice-next-photo-label = photograph the label on the back or underside of the monitor
notice-next-check-label = check the label again, letter by letter
notice-next-ask-gp = ask the family doctor

## The device
notice-h-device = The device
notice-f-manufacturer = Manufacturer
notice-f-brand = Brand or distributor
notice-f-model = Model
notice-f-importer-code = Distributor's code
notice-f-serial = Serial number
notice-f-manufactured = Manufacture date
notice-f-udi = UDI (as read)
notice-f-udi-parsed = UDI (parsed)
notice-f-firmware = Firmware version
notice-f-identified-by = How it was identified
notice-f-photos = Label photos
notice-udi-lot = lot { $lot }
notice-udi-manufactured = made on { $date }
notice-udi-expiry = expires { $date }
notice-udi-serial = serial number { $serial }
notice-identified-typed = typed text
notice-identified-photo = label photo
notice-identified-barcode = barcode
notice-photos-attached = The photos are attached; the PDF shows them as thumbnails.
notice-photo-not-attached = Label photo { $name } could not be read and is not attached.

## Patient
notice-h-patient = Patient and place of use
notice-f-patient = Patient
notice-f-initials = Patient's initials
notice-f-age-band = Age band
notice-f-full-name = Full name
notice-f-place = Place of use
notice-age-under-18 = under 18
notice-age-18-64 = 18–64
notice-age-65-79 = 65–79
notice-age-80-plus = 80 or over

## Connection and actions
notice-h-connection = Connection and what was done
notice-f-connection = Connection when found
notice-f-cable-unplugged = Network cable unplugged
notice-f-wifi-off = Wi-Fi turned off
notice-f-still-used = Still used, locally only
notice-f-when = When
notice-f-actions = Actions taken

## Tampering
notice-h-tampering = Signs of tampering
notice-tamper-not-done = The checklist was not filled in.

notice-h-observations = The sender's observations

## Advisories and sources
notice-h-advisories = Safety advisories and sources
notice-advisories-intro = The result rests on these public documents:
notice-advisories-other = Other vulnerabilities on the list:
notice-advisories-addresses = CISA names the addresses 202.114.4.119 and 202.114.4.120 and advises blocking 202.114.4.0/24. On the monitor: do not use the update function, and do not press the “C” key during start-up.
notice-source-line = { $publisher }: { $title }, { $date }
notice-source-short = { $title } ({ $date })
notice-source-updated = { $line }, updated { $date }
notice-grade-primary = authority's own text
notice-grade-relayed = authority's text, relayed
notice-grade-secondary = unofficial source
notice-cve-line = { $cve } ({ $cwe }): { $what } CVSS v3.1 { $v3 }
notice-cve-line-v4 = { $line }, v4 { $v4 }
notice-cve-2024-12248 = crafted UDP packets can write to memory and lead to remote code execution.
notice-cve-2025-0626 = a hidden function mounts a network share from a fixed address and lets it overwrite files; it is triggered by the update function in the menu and turns the network on if it was off.
notice-cve-2025-0683 = sends patient data in plain text to a fixed public address as soon as a patient is connected.
notice-cve-2025-1204 = the same mount is triggered by pressing the “C” key at a moment during start-up.

## About this check
notice-h-about = About this check
notice-f-checked-at = Date and time of the check
notice-f-app-version = Software
notice-f-list-version = List of models
notice-list-version = version { $version } of { $date }
notice-disclaimer = This notice is information, not a diagnosis. The sender prepared it with Monitor Check from what they read on the monitor's label and from the public advisories cited. Clinical decisions are for the doctor.
notice-footer = Monitor Check { $app } · list v{ $version } of { $date }
notice-page = page { $page } of { $pages }

## Data for the serious incident report
notice-h-incident = Data for the serious incident report
notice-incident-duty = The sender saw signs that the monitor may have been tampered with. Under D.Lgs. 137/2022, art. 10, health professionals report serious incidents involving medical devices, even suspected ones, to the Italian Ministry of Health. Serious incidents are to be reported within 10 days.
notice-incident-channel-form = The report is sent with the Ministry of Health's online form for health professionals (circular of 29 November 2022, prot. 87235).
notice-incident-channel-nsis = Since 18 March 2026 the report is sent with the single online form of the NSIS system, with SPID, CIE or CNS login (DM of 1 July 2025).
notice-incident-fields-intro = The data below follow the fields of the Ministry's form and of the EU MIR form. Fields marked “to be completed” are for the reporter.
notice-incident-h-device = Device
notice-incident-h-event = Event
notice-incident-h-refs = Related advisories
notice-incident-h-people = People
notice-f-lot = Lot
notice-f-udi-di = UDI-DI (GTIN or HIBC)
notice-f-signs-seen = Signs seen
notice-f-observations = In the sender's words
notice-f-cves = Vulnerabilities (CVE)
notice-f-told-by = Told to the doctor by
notice-f-reporter = Reporting professional
notice-f-outcome = Outcome for the patient
notice-to-complete = to be completed

## Common words
notice-not-given = not given
notice-not-answered = not answered
notice-yes = yes
notice-no = no
notice-mailto-cut = […] Shortened text: the full notice is in the attached PDF.

## Dates
notice-date = { $day } { $month } { $year }
notice-datetime = { $date }, { $time } (UTC{ $offset })
notice-month-1 = January
notice-month-2 = February
notice-month-3 = March
notice-month-4 = April
notice-month-5 = May
notice-month-6 = June
notice-month-7 = July
notice-month-8 = August
notice-month-9 = September
notice-month-10 = October
notice-month-11 = November
notice-month-12 = December

## The sheet printed for the patient at the pharmacy counter: the
## patient's page, then the notice above for the family doctor.
sheet-for-patient = For the patient
sheet-for-doctor = For your family doctor
sheet-title = Your patient monitor: the result of the check
sheet-pdf-title = Patient monitor { $model }: the result of the check
sheet-reason-affected = This model can send the patient's data over the network and accept changes from outside. It still measures safely when it is kept off the network.
sheet-reason-not-affected = The list holds only the models the authorities have named so far, so this is not an all-clear. Check that the label really says { $model }.
sheet-reason-unknown = What we read is not enough to tell which monitor this is. Until you know, treat it as one of the affected models.
sheet-h-home = What to do at home
sheet-doctor-pages = The next pages are a notice for your family doctor. Please give them to the doctor.
