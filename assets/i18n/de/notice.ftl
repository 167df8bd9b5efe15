# Die Mitteilung an die Hausärztin oder den Hausarzt (Text, PDF, E-Mail).
# Ton: ruhig, sachlich, kurze Sätze. Dieselben IDs wie en/notice.ftl.

notice-title = Mitteilung an die Hausärztin oder den Hausarzt: Patientenmonitor
notice-data-description = Die Daten dieser Mitteilung für das Register der Hausarztpraxis (JSON)
notice-file-stem = monitor-mitteilung

## Betreff der E-Mail und Titel des PDF
notice-subject-affected = Patientenmonitor { $model }: ein Modell mit einer bekannten Sicherheitslücke
notice-subject-not-affected = Patientenmonitor { $model }: keines der aufgeführten Modelle
notice-subject-unknown = Patientenmonitor noch zu bestimmen: möglicherweise ein Modell mit einer bekannten Sicherheitslücke
notice-subject-incident = Mögliches schwerwiegendes Vorkommnis: Patientenmonitor { $model }
notice-subject-patient = { $subject } (Patient/in { $initials })

## Das Ergebnis in Kürze
notice-headline-affected = Der Monitor ist eines der Modelle mit einer bekannten Sicherheitslücke: { $model }.
notice-headline-not-affected = Das gelesene Modell, { $model }, steht nicht auf der Liste der betroffenen Modelle.
notice-headline-unknown = Es konnte nicht festgestellt werden, ob der Monitor eines der betroffenen Modelle ist.
notice-relabel = { $model }, ein { $of }, das unter einer anderen Marke verkauft wird
notice-model-unknown = Modell nicht bestimmt

## Warnung vor einem schwerwiegenden Vorkommnis
notice-alert-heading = Mögliches schwerwiegendes Vorkommnis
notice-alert-body = Die absendende Person hat Anzeichen bemerkt, dass der Monitor manipuliert worden sein könnte. Dies kann ein schwerwiegendes Vorkommnis sein: Nach italienischem Recht müssen Angehörige der Gesundheitsberufe schwerwiegende Vorkommnisse, auch vermutete, dem italienischen Gesundheitsministerium melden (D.Lgs. 137/2022, Art. 10).
notice-alert-see-page = Die für die Meldung nötigen Angaben stehen am Ende dieses Dokuments.

## Kopf
notice-to = An
notice-from = Von
notice-checked-at = Geprüft am
notice-to-default = Hausärztin, Hausarzt oder Kinderärztin bzw. Kinderarzt

## Worum die Ärztin oder der Arzt gebeten wird
notice-h-ask = Worum wir Sie bitten
notice-ask-affected-confirm = Bitte bestätigen Sie die Identifizierung des Geräts: Seine Angaben und die Fotos des Typenschilds finden Sie unten.
notice-ask-affected-remote = Bitte teilen Sie uns mit, ob die Patientin oder der Patient eine Fernüberwachung über diesen Monitor benötigt (Messwerte, die an eine zentrale Station oder einen Dienst gesendet werden). Die FDA empfiehlt:
notice-ask-affected-remote-yes = wenn ja: Gerät vom Netz trennen, nicht mehr verwenden und einen anderen Monitor beschaffen;
notice-ask-affected-remote-no = wenn nein: nur lokal verwenden, mit gezogenem Netzwerkkabel und ausgeschaltetem WLAN.
notice-ask-affected-readings = Bitte prüfen Sie, ob die Messwerte zum Zustand der Patientin oder des Patienten passen: Das italienische Gesundheitsministerium bittet Ärztinnen und Ärzte, auf mögliche Manipulationen zu achten.
notice-ask-unknown-identify = Bitte helfen Sie uns, den Monitor zu bestimmen: Was wir auf seinem Typenschild gelesen haben, und gegebenenfalls die Fotos, finden Sie unten.
notice-ask-unknown-meanwhile = Bitte teilen Sie uns mit, ob er vorsorglich bis auf Weiteres ohne Netzwerk verwendet werden soll (Netzwerkkabel gezogen, WLAN aus).
notice-ask-not-affected = Das gelesene Modell gehört nicht zu den aufgeführten: In dieser Sache ist nichts weiter nötig, und diese Mitteilung dient der Dokumentation. Wenn das angegebene Modell nicht mit dem Typenschild übereinstimmt, teilen Sie es uns bitte mit.
notice-ask-incident = Bitte beurteilen Sie die hier gemeldeten Anzeichen einer Manipulation: Wenn Sie sie als schwerwiegendes Vorkommnis einschätzen, auch nur als Verdacht, obliegt Ihnen die Meldung an das italienische Gesundheitsministerium. Die Angaben stehen am Ende.
notice-ask-own-words = Die Bitte der absendenden Person

## Ergebnis der Prüfung
notice-h-result = Ergebnis der Prüfung
notice-manufacturer-listed = Hersteller laut Liste
notice-evidence-none = Kein gelesener Text stimmt mit einem Modell auf der Liste überein.
notice-evidence-intro = Worauf es beruht:
notice-evidence-item = „{ $text }“ ({ $origin }) → { $matched }: { $rule }
notice-origin-typed = eingegeben
notice-origin-photo = gelesen aus Foto { $file }, Sicherheit { $confidence } %
notice-origin-barcode = Strichcode { $format } in Foto { $file }
notice-rule-model = Modellname
notice-rule-alias = eine andere Schreibweise oder Marke desselben Modells
notice-rule-importer-code = Code des Vertreibers
notice-rule-firmware = Firmware-Version
notice-rule-gtin = Produktcode (GTIN) der UDI
notice-rule-look-alike = ähnliches Produkt, nicht aufgeführt
notice-rule-unlisted = Modell nicht auf der Liste
notice-cautions-intro = Zu beachten:
notice-next-intro = Für eine Antwort:
notice-next-type-model = das Modell genau so eingeben, wie es auf dem Typenschild gedruckt ist
notice-next-photo-label = das Typenschild auf der Rückseite oder Unterseite des Monitors fotografieren
notice-next-check-label = das Typenschild noch einmal Buchstabe für Buchstabe prüfen
notice-next-ask-gp = die Hausärztin oder den Hausarzt fragen

## Das Gerät
notice-h-device = Das Gerät
notice-f-manufacturer = Hersteller
notice-f-brand = Marke oder Vertreiber
notice-f-model = Modell
notice-f-importer-code = Code des Vertreibers
notice-f-serial = Seriennummer
notice-f-manufactured = Herstellungsdatum
notice-f-udi = UDI (wie gelesen)
notice-f-udi-parsed = UDI (ausgewertet)
notice-f-firmware = Firmware-Version
notice-f-identified-by = Wie es bestimmt wurde
notice-f-photos = Fotos des Typenschilds
notice-udi-lot = Charge { $lot }
notice-udi-manufactured = hergestellt am { $date }
notice-udi-expiry = verwendbar bis { $date }
notice-udi-serial = Seriennummer { $serial }
notice-identified-typed = eingegebener Text
notice-identified-photo = Foto des Typenschilds
notice-identified-barcode = Strichcode
notice-photos-attached = Die Fotos sind beigefügt; das PDF zeigt sie als Vorschaubilder.
notice-photo-not-attached = Das Foto des Typenschilds { $name } konnte nicht gelesen werden und ist nicht beigefügt.

## Patientin oder Patient
notice-h-patient = Patientin oder Patient und Ort der Verwendung
notice-f-patient = Patientin oder Patient
notice-f-initials = Initialen
notice-f-age-band = Altersgruppe
notice-f-full-name = Vollständiger Name
notice-f-place = Ort der Verwendung
notice-age-under-18 = unter 18
notice-age-18-64 = 18–64
notice-age-65-79 = 65–79
notice-age-80-plus = 80 oder älter

## Verbindung und Maßnahmen
notice-h-connection = Verbindung und was getan wurde
notice-f-connection = Verbindung beim Auffinden
notice-f-cable-unplugged = Netzwerkkabel gezogen
notice-f-wifi-off = WLAN ausgeschaltet
notice-f-still-used = Weiter verwendet, nur lokal
notice-f-when = Wann
notice-f-actions = Ergriffene Maßnahmen

## Manipulation
notice-h-tampering = Anzeichen einer Manipulation
notice-tamper-not-done = Die Checkliste wurde nicht ausgefüllt.

notice-h-observations = Beobachtungen der absendenden Person

## Sicherheitshinweise und Quellen
notice-h-advisories = Sicherheitshinweise und Quellen
notice-advisories-intro = Das Ergebnis beruht auf diesen öffentlichen Dokumenten:
notice-advisories-other = Weitere Schwachstellen auf der Liste:
notice-advisories-addresses = Die CISA nennt die Adressen 202.114.4.119 und 202.114.4.120 und empfiehlt, 202.114.4.0/24 zu sperren. Am Monitor: die Update-Funktion nicht verwenden und beim Start nicht die Taste „C“ drücken.
notice-source-line = { $publisher }: { $title }, { $date }
notice-source-short = { $title } ({ $date })
notice-source-updated = { $line }, aktualisiert am { $date }
notice-grade-primary = Originaltext der Behörde
notice-grade-relayed = Text der Behörde, weitergegeben
notice-grade-secondary = inoffizielle Quelle
notice-cve-line = { $cve } ({ $cwe }): { $what } CVSS v3.1 { $v3 }
notice-cve-line-v4 = { $line }, v4 { $v4 }
notice-cve-2024-12248 = präparierte UDP-Pakete können in den Speicher schreiben und zur Ausführung von Code aus der Ferne führen.
notice-cve-2025-0626 = eine verborgene Funktion bindet eine Netzwerkfreigabe von einer festen Adresse ein und lässt sie Dateien überschreiben; sie wird durch die Update-Funktion im Menü ausgelöst und schaltet das Netzwerk ein, wenn es aus war.
notice-cve-2025-0683 = sendet Patientendaten unverschlüsselt an eine feste öffentliche Adresse, sobald eine Patientin oder ein Patient angeschlossen ist.
notice-cve-2025-1204 = dieselbe Einbindung wird ausgelöst, wenn zu einem bestimmten Zeitpunkt beim Start die Taste „C“ gedrückt wird.

## Über diese Prüfung
notice-h-about = Über diese Prüfung
notice-f-checked-at = Datum und Uhrzeit der Prüfung
notice-f-app-version = Software
notice-f-list-version = Liste der Modelle
notice-list-version = Version { $version } vom { $date }
notice-disclaimer = Diese Mitteilung ist eine Information, keine Diagnose. Die absendende Person hat sie mit Monitor Check erstellt, anhand dessen, was sie auf dem Typenschild des Monitors gelesen hat, und anhand der genannten öffentlichen Sicherheitshinweise. Klinische Entscheidungen trifft die Ärztin oder der Arzt.
notice-footer = Monitor Check { $app } · Liste v{ $version } vom { $date }
notice-page = Seite { $page } von { $pages }

## Angaben für die Meldung eines schwerwiegenden Vorkommnisses
notice-h-incident = Angaben für die Meldung eines schwerwiegenden Vorkommnisses
notice-incident-duty = Die absendende Person hat Anzeichen bemerkt, dass der Monitor manipuliert worden sein könnte. Nach italienischem Recht (D.Lgs. 137/2022, Art. 10) melden Angehörige der Gesundheitsberufe schwerwiegende Vorkommnisse mit Medizinprodukten, auch vermutete, dem italienischen Gesundheitsministerium. Schwerwiegende Vorkommnisse sind innerhalb von 10 Tagen zu melden.
notice-incident-channel-form = Die Meldung erfolgt über das Online-Formular des italienischen Gesundheitsministeriums für Angehörige der Gesundheitsberufe (Rundschreiben vom 29. November 2022, Prot. 87235).
notice-incident-channel-nsis = Seit dem 18. März 2026 erfolgt die Meldung über das einheitliche Online-Formular des italienischen NSIS-Systems, mit Anmeldung über SPID, CIE oder CNS (italienisches Ministerialdekret vom 1. Juli 2025).
notice-incident-fields-intro = Die folgenden Angaben folgen den Feldern des Formulars des italienischen Ministeriums und des EU-Formulars MIR. Felder mit dem Vermerk „zu ergänzen“ füllt die meldende Person aus.
notice-incident-h-device = Gerät
notice-incident-h-event = Ereignis
notice-incident-h-refs = Zugehörige Sicherheitshinweise
notice-incident-h-people = Beteiligte Personen
notice-f-lot = Charge
notice-f-udi-di = UDI-DI (GTIN oder HIBC)
notice-f-signs-seen = Bemerkte Anzeichen
notice-f-observations = In den Worten der absendenden Person
notice-f-cves = Schwachstellen (CVE)
notice-f-told-by = Der Ärztin oder dem Arzt mitgeteilt von
notice-f-reporter = Meldende Fachperson
notice-f-outcome = Folgen für die Patientin oder den Patienten
notice-to-complete = zu ergänzen

## Allgemeine Wörter
notice-not-given = nicht angegeben
notice-not-answered = nicht beantwortet
notice-yes = ja
notice-no = nein
notice-mailto-cut = […] Gekürzter Text: Die vollständige Mitteilung steht im beigefügten PDF.

## Datumsangaben
notice-date = { $day }. { $month } { $year }
notice-datetime = { $date }, { $time } (UTC{ $offset })
notice-month-1 = Januar
notice-month-2 = Februar
notice-month-3 = März
notice-month-4 = April
notice-month-5 = Mai
notice-month-6 = Juni
notice-month-7 = Juli
notice-month-8 = August
notice-month-9 = September
notice-month-10 = Oktober
notice-month-11 = November
notice-month-12 = Dezember

## Das Blatt, das an der Apothekentheke für die Patientin oder den Patienten
## gedruckt wird: die Seite für die Patientin oder den Patienten, dann die
## Mitteilung oben für die Hausärztin oder den Hausarzt.
sheet-for-patient = Für die Patientin oder den Patienten
sheet-for-doctor = Für Ihre Hausärztin oder Ihren Hausarzt
sheet-title = Ihr Patientenmonitor: das Ergebnis der Prüfung
sheet-pdf-title = Patientenmonitor { $model }: das Ergebnis der Prüfung
sheet-reason-affected = Dieses Modell kann die Daten der Patientin oder des Patienten über das Netzwerk senden und Änderungen von außen annehmen. Es misst weiterhin sicher, wenn es vom Netzwerk getrennt bleibt.
sheet-reason-not-affected = Die Liste enthält nur die Modelle, die die Behörden bisher genannt haben; dies ist also keine Entwarnung. Prüfen Sie, ob auf dem Typenschild wirklich { $model } steht.
sheet-reason-unknown = Was wir gelesen haben, reicht nicht aus, um zu sagen, welcher Monitor das ist. Bis Sie es wissen, behandeln Sie ihn wie eines der betroffenen Modelle.
sheet-h-home = Was zu Hause zu tun ist
sheet-doctor-pages = Die nächsten Seiten sind eine Mitteilung für Ihre Hausärztin oder Ihren Hausarzt. Bitte geben Sie sie ihr oder ihm.
