# Cautions and next steps of the matcher (src/identify); the verdicts
# themselves are the result-* messages in ui.ftl.
# A `.notice` attribute is the wording of the same concept on the notice to
# the doctor, where it differs from the screen's.

caution-no-model-found = We found no model name in what we read.
    .notice = Nothing that looks like a model name was read.
caution-serial-only = We read the serial number { $serial }, but a serial number alone does not tell which model it is.
    .notice = Only the serial number was given ({ $serial }): on its own it does not identify the model.
caution-near-miss = We read { $read }. It looks like { $listed }, which is on the list, but it is not the same name. Please check the label again, letter by letter.
    .notice = “{ $read }” looks like { $listed } but is another model: the label is worth checking again.
caution-variant = We read { $read }. It starts like { $listed }, which is on the list, but has something extra. It may be a version of it that nobody has listed yet.
    .notice = “{ $read }” starts like { $listed } but has something extra: it may be a variant that is not on the list.
caution-conflict = We read more than one model for this monitor: { $models }.
    .notice = Different models were read for the same device: { $models }.
caution-brand-only = We read the name { $brand }, but no model. { $brand } sells several kinds of device, so the name alone does not tell.
    .notice = Only the brand { $brand } was read, and it also sells other makers' devices: the model is needed.
caution-unknown-gtin = We read the product code { $gtin } from the barcode, but it is not on our list, so it does not tell us the model.
    .notice = The UDI's product code ({ $gtin }) is not on the list.
caution-bad-udi = A barcode or code could not be read properly ({ $detail }).
    .notice = The UDI could not be read ({ $detail }).
caution-low-confidence = We may have read { $read }, but the photo was not clear enough to be sure.
    .notice = Uncertain reading from the photo: “{ $read }”.

next-step-type-model = Type the model exactly as it is printed on the label.
next-step-photo-label = Take a photo of the label on the back or underneath the monitor, in good light.
next-step-check-label-again = Look at the label again, letter by letter, and compare it with what we read.
next-step-ask-gp = Ask the family doctor to help you find out which model it is.
caution-accessory-only = We only read a label saying that a part (a sensor, cable or battery) fits { $fits }. That does not tell us which monitor this is.
    .notice = Only an accessory's label was read, saying it fits { $fits }: it does not identify the monitor itself.
