# Hinweise und nächste Schritte der Erkennung (src/identify); die Ergebnisse
# selbst sind die result-*-Meldungen in ui.ftl.
# Ein Attribut `.notice` ist der Wortlaut desselben Inhalts in der Mitteilung
# an die Ärztin oder den Arzt, wo er von dem auf dem Bildschirm abweicht.

caution-no-model-found = In dem Gelesenen haben wir keinen Modellnamen gefunden.
    .notice = Es wurde nichts gelesen, das wie ein Modellname aussieht.
caution-serial-only = Wir haben die Seriennummer { $serial } gelesen, aber eine Seriennummer allein sagt nicht, um welches Modell es sich handelt.
    .notice = Nur die Seriennummer wurde angegeben ({ $serial }): Allein bestimmt sie das Modell nicht.
caution-near-miss = Wir haben { $read } gelesen. Das ähnelt { $listed }, das auf der Liste steht, ist aber nicht derselbe Name. Bitte prüfen Sie das Schild noch einmal, Buchstabe für Buchstabe.
    .notice = „{ $read }“ ähnelt { $listed }, ist aber ein anderes Modell: Eine erneute Prüfung des Schilds ist sinnvoll.
caution-variant = Wir haben { $read } gelesen. Es beginnt wie { $listed }, das auf der Liste steht, hat aber einen Zusatz. Es kann eine Ausführung davon sein, die noch niemand aufgeführt hat.
    .notice = „{ $read }“ beginnt wie { $listed }, hat aber einen Zusatz: Es kann eine Variante sein, die nicht auf der Liste steht.
caution-conflict = Wir haben für diesen Monitor mehr als ein Modell gelesen: { $models }.
    .notice = Für dasselbe Gerät wurden verschiedene Modelle gelesen: { $models }.
caution-brand-only = Wir haben den Namen { $brand } gelesen, aber kein Modell. { $brand } verkauft verschiedene Arten von Geräten, daher reicht der Name allein nicht aus.
    .notice = Nur die Marke { $brand } wurde gelesen, die auch Geräte anderer Hersteller verkauft: Das Modell wird benötigt.
caution-unknown-gtin = Wir haben den Produktcode { $gtin } aus dem Strichcode gelesen, aber er steht nicht auf unserer Liste und sagt uns daher nicht das Modell.
    .notice = Der Produktcode der UDI ({ $gtin }) steht nicht auf der Liste.
caution-bad-udi = Ein Strichcode oder Code konnte nicht richtig gelesen werden ({ $detail }).
    .notice = Die UDI konnte nicht gelesen werden ({ $detail }).
caution-low-confidence = Wir haben vielleicht { $read } gelesen, aber das Foto war nicht deutlich genug, um sicher zu sein.
    .notice = Unsichere Lesung aus dem Foto: „{ $read }“.

next-step-type-model = Geben Sie das Modell genau so ein, wie es auf dem Schild gedruckt ist.
next-step-photo-label = Fotografieren Sie bei gutem Licht das Schild auf der Rückseite oder Unterseite des Monitors.
next-step-check-label-again = Sehen Sie sich das Schild noch einmal Buchstabe für Buchstabe an und vergleichen Sie es mit dem, was wir gelesen haben.
next-step-ask-gp = Bitten Sie die Hausärztin oder den Hausarzt, herauszufinden, um welches Modell es sich handelt.
caution-accessory-only = Wir haben nur ein Schild gelesen, auf dem steht, dass ein Teil (ein Sensor, Kabel oder Akku) zu { $fits } passt. Das sagt uns nicht, welcher Monitor es ist.
    .notice = Nur das Schild eines Zubehörteils wurde gelesen, das zu { $fits } passt: Es bestimmt den Monitor selbst nicht.
