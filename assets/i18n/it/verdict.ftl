# Avvertenze e passi successivi del riconoscimento (src/identify); gli esiti
# sono i messaggi result-* in ui.ftl.
# Un attributo `.notice` è la formulazione dello stesso concetto nella
# segnalazione al medico, dove è diversa da quella sullo schermo.
# Registro: "Lei", come nel resto dell'app.

caution-no-model-found = In quello che abbiamo letto non c'è il nome di un modello.
    .notice = Non è stato letto nulla che somigli al nome di un modello.
caution-serial-only = Abbiamo letto il numero di serie { $serial }, ma il numero di serie da solo non dice di quale modello si tratta.
    .notice = È stato indicato solo il numero di serie ({ $serial }): da solo non identifica il modello.
caution-near-miss = Abbiamo letto { $read }. Somiglia a { $listed }, che è nell'elenco, ma non è lo stesso nome. Ricontrolli l'etichetta, lettera per lettera.
    .notice = «{ $read }» somiglia a { $listed } ma è un altro modello: conviene ricontrollare l'etichetta.
caution-variant = Abbiamo letto { $read }. Inizia come { $listed }, che è nell'elenco, ma ha qualcosa in più. Potrebbe esserne una versione che nessuno ha ancora segnalato.
    .notice = «{ $read }» comincia come { $listed } ma ha qualcosa in più: potrebbe essere una variante non in elenco.
caution-conflict = Per questo monitor abbiamo letto più di un modello: { $models }.
    .notice = Per lo stesso dispositivo sono stati letti modelli diversi: { $models }.
caution-brand-only = Abbiamo letto il nome { $brand }, ma nessun modello. { $brand } vende diversi tipi di apparecchi, quindi il nome da solo non basta.
    .notice = È stato letto solo il marchio { $brand }, che vende anche dispositivi di altri fabbricanti: serve il modello.
caution-unknown-gtin = Dal codice a barre abbiamo letto il codice prodotto { $gtin }, ma non è nel nostro elenco e quindi non indica il modello.
    .notice = Il codice prodotto dell'UDI ({ $gtin }) non è nell'elenco.
caution-bad-udi = Non è stato possibile leggere bene un codice a barre o un codice ({ $detail }).
    .notice = Non è stato possibile leggere il codice UDI ({ $detail }).
caution-low-confidence = Forse abbiamo letto { $read }, ma la foto non era abbastanza nitida per esserne sicuri.
    .notice = Lettura incerta dalla foto: «{ $read }».

next-step-type-model = Scriva il modello esattamente come è stampato sull'etichetta.
next-step-photo-label = Fotografi l'etichetta sul retro o sotto il monitor, con una buona luce.
next-step-check-label-again = Guardi di nuovo l'etichetta, lettera per lettera, e la confronti con quello che abbiamo letto.
next-step-ask-gp = Chieda al medico di famiglia di aiutarla a capire di quale modello si tratta.
caution-accessory-only = Abbiamo letto solo un'etichetta che dice che un accessorio (un sensore, un cavo o una batteria) è adatto a { $fits }. Questo non dice quale monitor sia questo.
    .notice = È stata letta solo l'etichetta di un accessorio, adatto a { $fits }: non identifica il monitor stesso.
