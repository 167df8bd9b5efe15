## Schermate dell'app. Parole semplici, un'idea per riga.

step-of = Passo { $n } di { $total }: { $name }
step-welcome = Benvenuto
step-identify = Il suo monitor
step-result = Esito
step-guidance = Cosa fare
step-notice = Avviso per il medico
look-large-text = Testo più grande
look-high-contrast = Alto contrasto
nav-back = Indietro

welcome-heading = Il suo monitor paziente è coinvolto?
welcome-intro = Alcuni monitor paziente prodotti da Contec (il CMS8000 e alcuni modelli simili, venduti anche come Epsimed MN-120) hanno un difetto nascosto: possono inviare i dati del paziente a un indirizzo su internet e ricevere modifiche da lì. Questa app la aiuta a capire se il suo è uno di questi, le dice cosa fare e prepara un avviso per il medico di famiglia.
welcome-privacy = Tutto resta su questo computer. Niente di ciò che scrive o fotografa viene inviato.
welcome-language = Lingua
welcome-role = Chi è lei?
welcome-start = Inizia

identify-heading = Cosa c'è scritto sull'etichetta del monitor?
identify-where = Cerchi sul retro o sotto il monitor un'etichetta con il nome del modello. Spesso inizia con "Model" o "Mod.".
identify-examples = Lo scriva esattamente come è stampato, per esempio: CMS 8000, Epsimed MN-120, oppure il codice sulla scatola come Gima 35152. Può anche incollare il codice stampato sotto un codice a barre (UDI).
identify-field = Modello, marca o codice dall'etichetta
identify-hint = es. CMS 8000
identify-check = Controlla questo monitor
identify-serial-note = Il solo numero di serie (SN) non basta: serve il nome del modello.
identify-error-empty = Scriva prima cosa c'è sull'etichetta.
identify-error-too-long = Il testo è troppo lungo. Scriva solo il modello, la marca o il codice dell'etichetta.
identify-error-other = Questo testo non si può leggere. Scriva il modello come è stampato sull'etichetta.

result-affected = Questo monitor ({ $model }) è nell'elenco dei modelli coinvolti
result-affected-explain = Può inviare i dati del paziente in rete e ricevere modifiche dall'esterno. Può ancora misurare in sicurezza se resta scollegato dalla rete. Segua i prossimi passi.
result-not-affected = Il modello letto, { $model }, non è nell'elenco
result-not-affected-explain = Controlli che sull'etichetta ci sia proprio { $model }. Se c'è scritto altro, torni indietro e lo riscriva. Nel dubbio, chieda al medico di famiglia.
result-unknown = Non possiamo ancora dirlo
result-unknown-explain = Quello che abbiamo letto non basta per sapere se il monitor è coinvolto. Questo non vuol dire che sia sicuro. Segua i passi qui sotto.
result-relabel = È un { $of } venduto con un altro nome.
result-cautions = Attenzione
result-next-steps = Per saperlo
result-evidence = Su cosa si basa
result-no-evidence = Nulla nell'elenco corrisponde a quanto indicato.
result-evidence-line = { $origin } "{ $text }" → { $matched } ({ $rule })
result-sources = Fonti
result-list-version = Elenco dei modelli coinvolti: versione { $version } del { $date }.
result-next = Cosa fare

rule-model = nome del modello
rule-alias = altro nome di questo modello
rule-importer-code = codice del distributore
rule-firmware = versione del software
rule-gtin = codice prodotto del codice a barre
rule-look-alike = altro prodotto, non coinvolto
rule-unlisted = modello non in elenco

origin-typed = Ha scritto
origin-photo = Letto nella foto { $file } (sicuro al { $percent }%)
origin-barcode = Codice a barre { $format } in { $file }

guidance-heading = Cosa fare adesso
guidance-source = Fonte:
guidance-connection = Come era collegato il monitor quando lo ha trovato?
guidance-done = Cosa ha già fatto?
guidance-done-cable = Ho staccato il cavo di rete
guidance-done-wifi = Ho spento il Wi-Fi
guidance-tamper-heading = Segni che qualcosa non va
guidance-tamper-intro = Spunti ciò che ha notato. Se nulla, li lasci vuoti.
guidance-tamper-serious = Ha indicato un segno di manomissione. È un possibile incidente grave: l'avviso chiederà al medico di segnalarlo.
guidance-next = Prepara l'avviso per il medico

ui-notice-heading = Avviso per il medico di famiglia
