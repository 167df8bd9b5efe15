# Verdicts, cautions and next steps of the matcher (src/identify).
# Variables: $model is the model read (empty when none was read).

verdict-affected = { $model } is on the list of affected monitors
verdict-affected-explain = This model is named in the safety notices about a hidden function that can send data over the network. Follow the steps below and tell the family doctor.

verdict-not-affected = The model we read, { $model }, is not on the list
verdict-not-affected-explain = This is not an all-clear. Check that { $model } is exactly what the label says, letter by letter. The list only holds what the authorities have named so far.

verdict-unknown = We cannot tell yet
verdict-unknown-explain = We could not read a model that settles it. Until we can, treat the monitor with care and follow the steps below.

caution-no-model-found = We found no model name in what we read.
caution-serial-only = We read the serial number { $serial }, but a serial number alone does not tell which model it is.
caution-near-miss = We read { $read }. It looks like { $listed }, which is on the list, but it is not the same name. Please check the label again, letter by letter.
caution-variant = We read { $read }. It starts like { $listed }, which is on the list, but has something extra. It may be a version of it that nobody has listed yet.
caution-conflict = We read more than one model for this monitor: { $models }.
caution-brand-only = We read the name { $brand }, but no model. { $brand } sells several kinds of device, so the name alone does not tell.
caution-unknown-gtin = We read the product code { $gtin } from the barcode, but it is not on our list, so it does not tell us the model.
caution-bad-udi = A barcode or code could not be read properly ({ $detail }).
caution-low-confidence = We may have read { $read }, but the photo was not clear enough to be sure.

next-step-type-model = Type the model exactly as it is printed on the label.
next-step-photo-label = Take a photo of the label on the back or underneath the monitor, in good light.
next-step-check-label-again = Look at the label again, letter by letter, and compare it with what we read.
next-step-ask-gp = Ask the family doctor to help you find out which model it is.
caution-accessory-only = We only read a label saying that a part (a sensor, cable or battery) fits { $fits }. That does not tell us which monitor this is.
