## Screens of the app. Sentence case, plain words, one idea per line.

step-of = Step { $n } of { $total }: { $name }
step-welcome = Welcome
step-identify = Your monitor
step-result = Result
step-guidance = What to do
step-notice = Notice for the doctor
look-large-text = Larger text
look-high-contrast = High contrast
nav-back = Back

welcome-heading = Is your patient monitor affected?
welcome-intro = Some patient monitors made by Contec (CMS8000 and a few related models, also sold as Epsimed MN-120) have a hidden flaw: they can send the patient's data to an address on the internet and accept changes from it. This app helps you find out whether yours is one of them, tells you what to do, and prepares a notice for the family doctor.
welcome-privacy = Everything stays on this computer. Nothing you type or photograph is sent anywhere.
welcome-language = Language
welcome-role = Who are you?
welcome-start = Start

identify-heading = What does the label on the monitor say?
identify-where = Look on the back or underneath the monitor for a sticker with the model name. It often starts with "Model" or "Mod.".
identify-examples = Type it exactly as written, for example: CMS 8000, Epsimed MN-120, or the code on the box such as Gima 35152. You can also paste the code printed under a barcode (UDI).
identify-field = Model, brand or code from the label
identify-hint = e.g. CMS 8000
identify-check = Check this monitor
identify-serial-note = A serial number (SN) alone is not enough: we need the model name.
identify-error-empty = Please type what the label says first.
identify-error-too-long = That is too much text. Please type only the model, brand or code from the label.
identify-error-other = This text cannot be read. Please type the model as printed on the label.

result-affected = This monitor ({ $model }) is on the list of affected models
result-affected-explain = It can send the patient's data over the network and accept changes from outside. It can still measure safely if it is kept off the network. Please follow the next steps.
result-not-affected = The model we read, { $model }, is not on the list
result-not-affected-explain = Please check that the label really says { $model }. If it says something else, go back and type it again. If in doubt, ask the family doctor.
result-unknown = We cannot tell yet
result-unknown-explain = What we read is not enough to know whether this monitor is affected. This does not mean it is safe. Please follow the steps below.
result-relabel = It is a { $of } sold under another name.
result-cautions = Please note
result-next-steps = To find out
result-evidence = What we based this on
result-no-evidence = Nothing on the list matched what was given.
result-evidence-line = { $origin } "{ $text }" → { $matched } ({ $rule })
result-sources = Sources
result-list-version = List of affected models: version { $version } of { $date }.
result-next = What to do

rule-model = model name
rule-alias = another name of this model
rule-importer-code = code of the distributor
rule-firmware = software version
rule-gtin = product code of the barcode
rule-look-alike = another product, not affected
rule-unlisted = a model not on the list

origin-typed = You typed
origin-photo = Read in photo { $file } ({ $percent }% sure)
origin-barcode = Barcode { $format } in { $file }

guidance-heading = What to do now
guidance-source = Source:
guidance-connection = How was the monitor connected when you found it?
guidance-done = What have you done already?
guidance-done-cable = I unplugged the network cable
guidance-done-wifi = I turned off the Wi-Fi
guidance-tamper-heading = Signs that something is wrong
guidance-tamper-intro = Tick what you have noticed. If nothing, leave them empty.
guidance-tamper-serious = You ticked a sign of tampering. This is a possible serious incident: the notice will ask the doctor to report it.
guidance-next = Write the notice for the doctor

ui-notice-heading = Notice for the family doctor
