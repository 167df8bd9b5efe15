# La segnalazione al medico di famiglia (testo, PDF, e-mail).
# Tono: calmo, fattuale, frasi brevi. Gli stessi id in en/notice.ftl.

notice-title = Segnalazione al medico di famiglia: monitor paziente
notice-data-description = I dati di questa segnalazione, per il registro del medico di famiglia (JSON)
notice-file-stem = segnalazione-monitor

## Oggetto dell'e-mail e titolo del PDF
notice-subject-affected = Monitor paziente { $model }: modello con vulnerabilità nota
notice-subject-not-affected = Monitor paziente { $model }: non risulta tra i modelli segnalati
notice-subject-unknown = Monitor paziente da identificare: possibile modello con vulnerabilità nota
notice-subject-incident = Possibile incidente grave: monitor paziente { $model }
notice-subject-patient = { $subject } (paziente { $initials })

## Esito in breve
notice-headline-affected = Il monitor risulta uno dei modelli con una vulnerabilità informatica nota: { $model }.
notice-headline-not-affected = Il modello letto, { $model }, non è nell'elenco dei modelli segnalati.
notice-headline-unknown = Non è stato possibile stabilire se il monitor è uno dei modelli segnalati.
notice-relabel = { $model }, cioè un { $of } con altro marchio
notice-model-unknown = modello non identificato

## Avviso di incidente grave
notice-alert-heading = Possibile incidente grave
notice-alert-body = Chi scrive ha notato segni che il monitor possa essere stato manomesso. Può trattarsi di un incidente grave: gli operatori sanitari sono tenuti a segnalare al Ministero della Salute gli incidenti gravi, anche solo sospetti (D.Lgs. 137/2022, art. 10).
notice-alert-see-page = I dati utili per la segnalazione sono nell'ultima parte di questo documento.

## Intestazione
notice-to = A
notice-from = Da
notice-checked-at = Controllo eseguito
notice-to-default = Medico di famiglia o pediatra di libera scelta

## Cosa si chiede al medico
notice-h-ask = Cosa le chiediamo
notice-ask-affected-confirm = Confermi, per favore, l'identificazione del dispositivo: dati e foto dell'etichetta sono più sotto.
notice-ask-affected-remote = Ci dica se il paziente ha bisogno del monitoraggio a distanza tramite questo monitor (valori inviati a una centrale o a un servizio). La FDA indica:
notice-ask-affected-remote-yes = se sì: scollegarlo, smettere di usarlo e procurare un altro monitor;
notice-ask-affected-remote-no = se no: usarlo solo in locale, con il cavo di rete staccato e il Wi-Fi spento.
notice-ask-affected-readings = Valuti se i valori mostrati sono coerenti con le condizioni del paziente: il Ministero della Salute chiede ai medici di verificare possibili manomissioni.
notice-ask-unknown-identify = Ci aiuti a identificare il monitor: più sotto trova ciò che abbiamo letto sull'etichetta e, se ci sono, le foto.
notice-ask-unknown-meanwhile = Ci dica se nel frattempo, per prudenza, va usato senza rete (cavo di rete staccato, Wi-Fi spento).
notice-ask-not-affected = Il modello letto non è tra quelli segnalati: per questo problema non serve altro e la segnalazione resta agli atti. Se il modello indicato non corrisponde all'etichetta, ce lo dica.
notice-ask-incident = Valuti i segni di manomissione riportati: se li ritiene un incidente grave, anche solo sospetto, la segnalazione al Ministero spetta a lei. I dati sono nell'ultima parte.
notice-ask-own-words = Richiesta di chi scrive

## Esito del controllo
notice-h-result = Esito del controllo
notice-manufacturer-listed = Fabbricante secondo l'elenco
notice-evidence-none = Nessun testo letto corrisponde a un modello dell'elenco.
notice-evidence-intro = Su che cosa si basa:
notice-evidence-item = «{ $text }» ({ $origin }) → { $matched }: { $rule }
notice-origin-typed = digitato
notice-origin-photo = letto dalla foto { $file }, affidabilità { $confidence }%
notice-origin-barcode = codice a barre { $format } nella foto { $file }
notice-rule-model = nome del modello
notice-rule-alias = altra grafia o altro marchio dello stesso modello
notice-rule-importer-code = codice del distributore
notice-rule-firmware = versione del firmware
notice-rule-gtin = codice prodotto (GTIN) dell'UDI
notice-rule-look-alike = prodotto simile, non segnalato
notice-rule-unlisted = modello non in elenco
notice-cautions-intro = Da tenere presente:
notice-next-intro = Per arrivare a una risposta:
notice-next-type-model = scrivere il modello esattamente come è stampato sull'etichetta
notice-next-photo-label = fotografare l'etichetta sul retro o sotto il monitor
notice-next-check-label = ricontrollare l'etichetta lettera per lettera
notice-next-ask-gp = chiedere al medico di famiglia

## Il dispositivo
notice-h-device = Il dispositivo
notice-f-manufacturer = Fabbricante
notice-f-brand = Marchio o distributore
notice-f-model = Modello
notice-f-importer-code = Codice del distributore
notice-f-serial = Numero di serie
notice-f-manufactured = Data di fabbricazione
notice-f-udi = UDI (come letto)
notice-f-udi-parsed = UDI (scomposto)
notice-f-firmware = Versione del firmware
notice-f-identified-by = Come è stato identificato
notice-f-photos = Foto dell'etichetta
notice-udi-lot = lotto { $lot }
notice-udi-manufactured = prodotto il { $date }
notice-udi-expiry = scadenza { $date }
notice-udi-serial = numero di serie { $serial }
notice-identified-typed = testo digitato
notice-identified-photo = foto dell'etichetta
notice-identified-barcode = codice a barre
notice-photos-attached = Le foto sono allegate; nel PDF compaiono come miniature.
notice-photo-not-attached = Non è stato possibile leggere la foto dell'etichetta { $name }, che quindi non è allegata.

## Paziente
notice-h-patient = Paziente e luogo d'uso
notice-f-patient = Paziente
notice-f-initials = Iniziali del paziente
notice-f-age-band = Fascia d'età
notice-f-full-name = Nome e cognome
notice-f-place = Luogo d'uso
notice-age-under-18 = meno di 18 anni
notice-age-18-64 = 18–64 anni
notice-age-65-79 = 65–79 anni
notice-age-80-plus = 80 anni o più

## Collegamento e azioni
notice-h-connection = Collegamento e cosa è stato fatto
notice-f-connection = Collegamento iniziale
notice-f-cable-unplugged = Cavo di rete staccato
notice-f-wifi-off = Wi-Fi spento
notice-f-still-used = Ancora in uso, solo in locale
notice-f-when = Quando
notice-f-actions = Azioni eseguite

## Manomissione
notice-h-tampering = Segni di manomissione
notice-tamper-not-done = La lista di controllo non è stata compilata.

notice-h-observations = Osservazioni di chi scrive

## Avvisi e fonti
notice-h-advisories = Avvisi di sicurezza e fonti
notice-advisories-intro = L'esito si basa su questi documenti pubblici:
notice-advisories-other = Altre vulnerabilità dell'elenco:
notice-advisories-addresses = CISA indica gli indirizzi 202.114.4.119 e 202.114.4.120 e consiglia di bloccare 202.114.4.0/24. Sul monitor: non usare la funzione di aggiornamento e non premere il tasto «C» durante l'avvio.
notice-source-line = { $publisher }: { $title }, { $date }
notice-source-short = { $title } ({ $date })
notice-source-updated = { $line }, aggiornato il { $date }
notice-grade-primary = testo dell'autorità
notice-grade-relayed = testo dell'autorità riportato
notice-grade-secondary = fonte non ufficiale
notice-cve-line = { $cve } ({ $cwe }): { $what } CVSS v3.1 { $v3 }
notice-cve-line-v4 = { $line }, v4 { $v4 }
notice-cve-2024-12248 = pacchetti UDP costruiti ad arte possono scrivere in memoria e far eseguire codice a distanza.
notice-cve-2025-0626 = una funzione nascosta collega il monitor a una cartella di rete a un indirizzo fisso e ne lascia sovrascrivere i file; si attiva con la funzione di aggiornamento del menu e riaccende la rete se era spenta.
notice-cve-2025-0683 = invia in chiaro i dati del paziente a un indirizzo pubblico fisso appena un paziente è collegato.
notice-cve-2025-1204 = lo stesso collegamento si attiva premendo il tasto «C» in un momento dell'avvio.

## Informazioni sul controllo
notice-h-about = Informazioni sul controllo
notice-f-checked-at = Data e ora del controllo
notice-f-app-version = Programma
notice-f-list-version = Elenco dei modelli
notice-list-version = versione { $version } del { $date }
notice-disclaimer = Questa segnalazione è un'informazione, non una diagnosi. L'ha preparata chi la invia con Monitor Check, a partire da ciò che ha letto sull'etichetta del monitor e dagli avvisi pubblici citati. Le decisioni cliniche spettano al medico.
notice-footer = Monitor Check { $app } · elenco v{ $version } del { $date }
notice-page = pagina { $page } di { $pages }

## Dati per la segnalazione di incidente grave
notice-h-incident = Dati per la segnalazione di incidente grave
notice-incident-duty = Chi scrive ha notato segni di possibile manomissione del monitor. Secondo il D.Lgs. 137/2022, art. 10, gli operatori sanitari segnalano al Ministero della Salute gli incidenti gravi, anche solo sospetti, che riguardano dispositivi medici. Gli incidenti gravi vanno segnalati entro 10 giorni.
notice-incident-channel-form = La segnalazione si invia con il modulo online del Ministero della Salute per gli operatori sanitari (Circolare del 29 novembre 2022, prot. 87235).
notice-incident-channel-nsis = Dal 18 marzo 2026 la segnalazione si invia con il modulo online unico del sistema NSIS, con accesso tramite SPID, CIE o CNS (DM 1 luglio 2025).
notice-incident-fields-intro = I dati qui sotto seguono i campi del modulo del Ministero e del modulo europeo MIR. I campi «da completare» spettano a chi segnala.
notice-incident-h-device = Dispositivo
notice-incident-h-event = Evento
notice-incident-h-refs = Avvisi di riferimento
notice-incident-h-people = Persone
notice-f-lot = Lotto
notice-f-udi-di = UDI-DI (GTIN o HIBC)
notice-f-signs-seen = Segni notati
notice-f-observations = Con le parole di chi scrive
notice-f-cves = Vulnerabilità (CVE)
notice-f-told-by = Comunicato al medico da
notice-f-reporter = Chi segnala
notice-f-outcome = Esito per il paziente
notice-to-complete = da completare

## Parole comuni
notice-not-given = non indicato
notice-not-answered = nessuna risposta
notice-yes = sì
notice-no = no
notice-mailto-cut = […] Testo abbreviato: la segnalazione completa è nel PDF allegato.

## Date
notice-date = { $day } { $month } { $year }
notice-datetime = { $date }, ore { $time } (UTC{ $offset })
notice-month-1 = gennaio
notice-month-2 = febbraio
notice-month-3 = marzo
notice-month-4 = aprile
notice-month-5 = maggio
notice-month-6 = giugno
notice-month-7 = luglio
notice-month-8 = agosto
notice-month-9 = settembre
notice-month-10 = ottobre
notice-month-11 = novembre
notice-month-12 = dicembre

## Il foglio stampato per il paziente al banco della farmacia: la pagina
## del paziente, poi la segnalazione qui sopra per il medico di famiglia.
sheet-for-patient = Per il paziente
sheet-for-doctor = Per il Suo medico di famiglia
sheet-title = Il Suo monitor: l'esito del controllo
sheet-pdf-title = Monitor paziente { $model }: l'esito del controllo
sheet-reason-affected = Questo modello può inviare i dati del paziente in rete e ricevere modifiche dall'esterno. Continua a misurare in sicurezza se resta scollegato dalla rete.
sheet-reason-not-affected = L'elenco contiene solo i modelli indicati finora dalle autorità: questo non vuol dire che sia tutto a posto. Controlli che sull'etichetta ci sia proprio { $model }.
sheet-reason-unknown = Quello che abbiamo letto non basta per sapere di quale monitor si tratta. Finché non lo sa, lo consideri uno dei modelli coinvolti.
sheet-h-home = Cosa fare a casa
sheet-doctor-pages = Le pagine seguenti sono una segnalazione per il Suo medico di famiglia. Le consegni al medico.
