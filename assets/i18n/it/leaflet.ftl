# Il volantino che il medico di famiglia consegna ai pazienti: perché
# controllare il monitor paziente usato a casa, come farlo e a chi inviare
# l'avviso. Per lettori anziani e non esperti: frasi brevi, niente termini
# tecnici, mai un "tutto a posto".

leaflet-title = Per favore, controlli il monitor paziente che usa a casa
leaflet-subtitle = Una richiesta del suo medico di famiglia
leaflet-h-why = Perché questo controllo è importante
leaflet-why-flaw = Alcuni monitor paziente prodotti da Contec (il CMS8000, e anche i CMS6000, CMS6500, CMS7000 e CMS9000, alcuni venduti come Epsimed MN-120) hanno una funzione nascosta: possono inviare i dati del paziente a un indirizzo fisso su internet e caricare file da lì.
leaflet-why-ministry = Il Ministero della Salute chiede a tutti di verificare se uno di questi monitor è in uso, di scollegarlo da internet e di avvisare il medico di famiglia.
leaflet-h-label = 1. Trovi l'etichetta sul monitor
leaflet-label = Guardi sul retro o sotto il monitor: c'è un'etichetta adesiva con il nome del modello e il numero di serie (spesso dopo le parole "Model" e "SN").
leaflet-h-check = 2. Faccia il controllo con l'app Monitor Check
leaflet-check-install = Installi l'app Monitor Check su un computer. Se le serve aiuto, chieda a un familiare o alla sua farmacia.
leaflet-check-role = La apra e scelga "{ role-carer }".
leaflet-check-model = Scriva il modello stampato sull'etichetta, oppure aggiunga una foto dell'etichetta fatta con il telefono.
leaflet-check-steps = Segua i passaggi sullo schermo. L'app le dice cosa fare con il monitor.
leaflet-check-send = Alla fine invii l'avviso al suo medico per e-mail, oppure lo stampi e lo porti in ambulatorio, qualunque sia la risposta.
leaflet-h-doctor = 3. Invii l'avviso al suo medico
leaflet-qr-caption = Con un telefono, inquadri questo quadrato con la fotocamera: le proporrà di salvare il nome e l'indirizzo e-mail del suo medico nella rubrica.
leaflet-privacy = L'app lavora sul suo computer. Non invia nulla su di lei o sul suo monitor: dal computer esce solo l'avviso che lei sceglie di mandare al suo medico.
leaflet-footer = Volantino preparato il { $date } con Monitor Check { $version }
leaflet-pdf-description = Volantino per i pazienti: come controllare un monitor paziente usato a casa
leaflet-file-name = volantino-monitor-check.pdf

## La schermata del medico che scrive il volantino e la scheda del medico
leaflet-ui-heading = Un volantino per i suoi pazienti
leaflet-ui-intro = Stampi questo volantino di una pagina e lo consegni ai pazienti che potrebbero usare un monitor paziente a casa. Spiega il controllo con parole semplici e riporta il suo nome e il suo indirizzo e-mail, così gli avvisi arrivano a lei.
leaflet-ui-name = Il suo nome
leaflet-ui-name-hint = es. Dott.ssa Maria Rossi
leaflet-ui-email = La sua e-mail
leaflet-ui-email-hint = es. m.rossi@example.org
leaflet-ui-language = Lingua del volantino
leaflet-ui-save-pdf = Salva il volantino (PDF)…
leaflet-ui-save-card = Salva la scheda del medico…
leaflet-ui-card-note = La scheda del medico è un piccolo file che può inviare insieme al volantino. Aperta in Monitor Check, inserisce per il paziente il suo nome e il suo indirizzo e-mail.
leaflet-ui-working = Scrittura del file…
leaflet-ui-saved = Salvato: { $path }
leaflet-ui-error-name = Scriva il suo nome.
leaflet-ui-error-name-long = Il nome è troppo lungo: ne scriva uno più breve.
leaflet-ui-error-email = Scriva un indirizzo e-mail come nome@example.org.
leaflet-ui-error-email-long = Questo indirizzo è troppo lungo per il volantino: ne usi uno più breve.
leaflet-ui-error-write = Non è stato possibile scrivere il file: { $reason }
