## Cosa fare, per esito e ruolo. Parole semplici e calme.
## Un attributo `.notice` è come la segnalazione al medico formula lo
## stesso concetto (segni di manomissione, risposte, collegamenti, ruoli).
## Un attributo `.sheet` è la formulazione sul foglio stampato per il
## paziente, dove quella dello schermo rimanda all'app.

guide-unplug = Stacchi il cavo di rete dal monitor e spenga il suo Wi-Fi. Il monitor continua a misurare anche senza.
guide-remote-question = Chieda al medico di famiglia se questo monitor invia le misure a un medico o a un servizio (monitoraggio a distanza).
guide-remote-yes = Se sì: smetta di usarlo e chieda al medico un altro monitor.
guide-remote-no = Se no: continui a usarlo solo accanto al letto, con il cavo staccato e il Wi-Fi spento.
guide-no-update = Non usi la funzione "aggiornamento" nel menu del monitor.
guide-no-c-key = Quando accende il monitor, non prema il tasto "C" mentre si avvia.
guide-check-tampering = Controlli se ci sono segni che qualcosa non va nel monitor (l'elenco qui sotto).
    .sheet = Faccia attenzione ai segni che qualcosa non va nel monitor:
guide-tell-gp = Avvisi il medico di famiglia o il pediatra. L'ultimo passo di questa app prepara l'avviso per loro.
    .sheet = Avvisi il medico di famiglia o il pediatra e gli consegni la segnalazione nelle pagine seguenti.
guide-tamper-serious = Se nota uno di questi segni, si tratta di un possibile incidente grave: il medico deve segnalarlo al Ministero della Salute.
    .sheet = Se nota uno dei segni qui sopra, avvisi subito il medico: è un possibile incidente grave, che il medico deve segnalare al Ministero della Salute.
guide-block-range = Se il monitor non può essere scollegato dalla rete, blocchi gli indirizzi 202.114.4.0/24 sul router o sul firewall.
guide-gp-find-patients = Verifichi quali suoi assistiti usano a casa un monitor di questo tipo e chieda loro di scollegarlo dalla rete.
guide-gp-report = Una manomissione del dispositivo, anche solo sospetta, è un incidente grave che il professionista sanitario deve segnalare al Ministero della Salute (D.Lgs. 137/2022, art. 10).
guide-fsca = Nell'UE il fabbricante ha offerto una correzione del software tramite il fornitore. Chieda al fornitore; finché non è installata, tenga il monitor fuori dalla rete. Se non può funzionare senza rete, concordi con il medico curante come continuare a usarlo.
guide-unknown-precaution = Non siamo sicuri di quale monitor si tratti. Finché non lo sa, stacchi il cavo di rete e spenga il Wi-Fi, per prudenza.
guide-unknown-identify = Cerchi l'etichetta sul retro o sotto il monitor e scriva il modello esattamente come è stampato, oppure ne faccia una foto nitida.
    .sheet = Cerchi l'etichetta sul retro o sotto il monitor. Ci porti il modello esattamente come è stampato, oppure una foto nitida dell'etichetta.
guide-unknown-ask-gp = Se non trova l'etichetta, mostri il monitor al medico di famiglia o gli porti l'avviso.
    .sheet = Se non trova l'etichetta, mostri il monitor al medico di famiglia e gli consegni la segnalazione nelle pagine seguenti.
guide-not-listed-check = Controlli ancora una volta che il modello sull'etichetta sia esattamente quello indicato sopra, lettera per lettera.
guide-not-listed-signs = Se le misure non corrispondono a come sta il paziente, avvisi comunque il medico.
guide-not-listed-updates = L'elenco dei modelli coinvolti può cambiare. Controlli ogni tanto se ce n'è uno più recente.
    .sheet = L'elenco dei modelli coinvolti può cambiare. Se sente notizie su questi monitor, ce lo chieda di nuovo.

tamper-readings-mismatch = Le misure non corrispondono a come sta il paziente
    .notice = Valori che non corrispondono alle condizioni del paziente
tamper-unexpected-restart = Il monitor si è riavviato da solo
    .notice = Riavvii inattesi
tamper-settings-changed = Impostazioni o limiti degli allarmi sono cambiati senza che nessuno li toccasse
    .notice = Impostazioni o limiti di allarme cambiati senza che nessuno li toccasse
tamper-network-turned-on = La rete o il Wi-Fi si sono riaccesi da soli
    .notice = Rete o Wi-Fi riattivati da soli

tamper-answer-seen = L'ho notato
    .notice = notato
tamper-answer-not-seen = Non l'ho notato
    .notice = non notato
tamper-answer-not-checked = Non controllato
    .notice = non controllato

connection-unknown = Non lo so
    .notice = non si sa
connection-none = Non collegato a nulla
    .notice = nessuno
connection-cable = Cavo di rete
    .notice = cavo di rete
connection-wifi = Wi-Fi
    .notice = Wi-Fi
connection-central = Una centrale di monitoraggio
    .notice = centrale di monitoraggio

role-carer = Familiare o assistente
    .notice = familiare o assistente
role-pharmacist = Farmacista
    .notice = farmacista
role-gp = Medico di famiglia o pediatra
    .notice = medico
