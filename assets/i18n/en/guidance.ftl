## What to do, per verdict and role. Calm, plain words.
## A `.notice` attribute is how the notice to the doctor words the same
## concept (tamper signs, answers, connections, roles).
## A `.sheet` attribute is the wording on the sheet printed for the patient,
## where the screen's points at the app.

guide-unplug = Unplug the network cable from the monitor and turn off its Wi-Fi. The monitor keeps measuring without them.
guide-remote-question = Ask the family doctor whether this monitor sends readings to a doctor or a service (remote monitoring).
guide-remote-yes = If it does: stop using it and ask the doctor for a different monitor.
guide-remote-no = If it does not: keep using it at the bedside only, with the cable out and Wi-Fi off.
guide-no-update = Do not use the "update" function in the monitor's menu.
guide-no-c-key = When you switch the monitor on, do not press the "C" key while it starts up.
guide-check-tampering = Look for signs that something is wrong with the monitor (the checklist below).
    .sheet = Watch for signs that something is wrong with the monitor:
guide-tell-gp = Tell the family doctor or paediatrician. The last step of this app writes the notice for them.
    .sheet = Tell the family doctor or paediatrician, and give them the notice on the next pages.
guide-tamper-serious = If you see any of these signs, it is a possible serious incident: the doctor must report it to the Ministry of Health.
    .sheet = If you see any of the signs above, tell the doctor at once: it is a possible serious incident, which the doctor must report to the Ministry of Health.
guide-block-range = If the monitor cannot be taken off the network, block the addresses 202.114.4.0/24 at the router or firewall.
guide-gp-find-patients = Check which of your patients use a monitor of this kind at home, and ask them to disconnect it from the network.
guide-gp-report = Tampering on the device, even only suspected, is a serious incident that a health professional must report to the Ministry of Health (D.Lgs. 137/2022, art. 10).
guide-fsca = In the EU the manufacturer has offered a software correction through the supplier. Ask the supplier about it; until it is installed, keep the monitor off the network. If it cannot work without the network, agree with the treating doctor how to go on using it.
guide-unknown-precaution = We are not sure which monitor this is. Until you know, unplug its network cable and turn off its Wi-Fi, just in case.
guide-unknown-identify = Look for the label on the back or underneath the monitor, and type the model exactly as printed, or take a clear photo of it.
    .sheet = Look for the label on the back or underneath the monitor. Bring us the model exactly as printed, or a clear photo of the label.
guide-unknown-ask-gp = If you cannot find the label, show the monitor to the family doctor or take the notice to them.
    .sheet = If you cannot find the label, show the monitor to the family doctor and give them the notice on the next pages.
guide-not-listed-check = Check once more that the model on the label is exactly the one shown above, letter by letter.
guide-not-listed-signs = If the readings ever do not match how the patient is, tell the doctor anyway.
guide-not-listed-updates = The list of affected models can change. Check for a newer list from time to time.
    .sheet = The list of affected models can change. If you hear news about these monitors, ask us again.

tamper-readings-mismatch = The readings do not match how the patient is
    .notice = Readings that do not match the patient's condition
tamper-unexpected-restart = The monitor restarted by itself
    .notice = Unexpected restarts
tamper-settings-changed = Settings or alarm limits changed without anyone touching them
    .notice = Settings or alarm limits changed without anyone touching them
tamper-network-turned-on = The network or Wi-Fi turned itself back on
    .notice = Network or Wi-Fi turned itself back on

tamper-answer-seen = I noticed it
    .notice = seen
tamper-answer-not-seen = Not noticed
    .notice = not seen
tamper-answer-not-checked = Not checked
    .notice = not checked

connection-unknown = I don't know
    .notice = not known
connection-none = Not connected to anything
    .notice = none
connection-cable = Network cable
    .notice = network cable
connection-wifi = Wi-Fi
    .notice = Wi-Fi
connection-central = A central monitoring station
    .notice = central monitoring station

role-carer = Family member or carer
    .notice = family member or carer
role-pharmacist = Pharmacist
    .notice = pharmacist
role-gp = Family doctor or paediatrician
    .notice = doctor
