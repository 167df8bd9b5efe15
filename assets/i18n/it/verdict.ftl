# Esiti, avvertenze e passi successivi del riconoscimento (src/identify).
# Variabili: $model è il modello letto (vuoto se non è stato letto nessun modello).
# Registro: "Lei", come nel resto dell'app.

verdict-affected = { $model } è nell'elenco dei monitor interessati
verdict-affected-explain = Questo modello è citato negli avvisi di sicurezza su una funzione nascosta che può inviare dati in rete. Segua i passi qui sotto e avvisi il medico di famiglia.

verdict-not-affected = Il modello letto, { $model }, non è nell'elenco
verdict-not-affected-explain = Questo non vuol dire che sia tutto a posto. Controlli che { $model } sia proprio quello scritto sull'etichetta, lettera per lettera. L'elenco contiene solo i modelli indicati finora dalle autorità.

verdict-unknown = Non possiamo ancora dirlo
verdict-unknown-explain = Non siamo riusciti a leggere un modello che permetta di decidere. Nel frattempo usi il monitor con prudenza e segua i passi qui sotto.

caution-no-model-found = In quello che abbiamo letto non c'è il nome di un modello.
caution-serial-only = Abbiamo letto il numero di serie { $serial }, ma il numero di serie da solo non dice di quale modello si tratta.
caution-near-miss = Abbiamo letto { $read }. Somiglia a { $listed }, che è nell'elenco, ma non è lo stesso nome. Ricontrolli l'etichetta, lettera per lettera.
caution-variant = Abbiamo letto { $read }. Inizia come { $listed }, che è nell'elenco, ma ha qualcosa in più. Potrebbe esserne una versione che nessuno ha ancora segnalato.
caution-conflict = Per questo monitor abbiamo letto più di un modello: { $models }.
caution-brand-only = Abbiamo letto il nome { $brand }, ma nessun modello. { $brand } vende diversi tipi di apparecchi, quindi il nome da solo non basta.
caution-unknown-gtin = Dal codice a barre abbiamo letto il codice prodotto { $gtin }, ma non è nel nostro elenco e quindi non indica il modello.
caution-bad-udi = Non è stato possibile leggere bene un codice a barre o un codice ({ $detail }).
caution-low-confidence = Forse abbiamo letto { $read }, ma la foto non era abbastanza nitida per esserne sicuri.

next-step-type-model = Scriva il modello esattamente come è stampato sull'etichetta.
next-step-photo-label = Fotografi l'etichetta sul retro o sotto il monitor, con una buona luce.
next-step-check-label-again = Guardi di nuovo l'etichetta, lettera per lettera, e la confronti con quello che abbiamo letto.
next-step-ask-gp = Chieda al medico di famiglia di aiutarla a capire di quale modello si tratta.
caution-accessory-only = Abbiamo letto solo un'etichetta che dice che un accessorio (un sensore, un cavo o una batteria) è adatto a { $fits }. Questo non dice quale monitor sia questo.
