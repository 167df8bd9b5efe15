## Was zu tun ist, je nach Ergebnis und Rolle. Ruhige, einfache Worte.
## Ein Attribut `.notice` gibt an, wie die Mitteilung an die Ärztin oder den
## Arzt denselben Inhalt formuliert (Anzeichen, Antworten, Verbindungen, Rollen).
## Ein Attribut `.sheet` ist der Wortlaut auf dem Blatt für die Patientin oder
## den Patienten, wo der Bildschirm auf die App verweist.

guide-unplug = Ziehen Sie das Netzwerkkabel aus dem Monitor und schalten Sie sein WLAN aus. Der Monitor misst auch ohne beides weiter.
guide-remote-question = Fragen Sie die Hausärztin oder den Hausarzt, ob dieser Monitor Messwerte an eine Ärztin, einen Arzt oder einen Dienst sendet (Fernüberwachung).
guide-remote-yes = Wenn ja: Verwenden Sie ihn nicht mehr und bitten Sie die Ärztin oder den Arzt um einen anderen Monitor.
guide-remote-no = Wenn nein: Verwenden Sie ihn nur noch am Bett, mit gezogenem Kabel und ausgeschaltetem WLAN.
guide-no-update = Verwenden Sie nicht die Funktion „Update“ im Menü des Monitors.
guide-no-c-key = Drücken Sie beim Einschalten des Monitors nicht die Taste „C“, während er startet.
guide-check-tampering = Achten Sie auf Anzeichen, dass mit dem Monitor etwas nicht stimmt (die Liste unten).
    .sheet = Achten Sie auf Anzeichen, dass mit dem Monitor etwas nicht stimmt:
guide-tell-gp = Informieren Sie die Hausärztin, den Hausarzt oder die Kinderärztin bzw. den Kinderarzt. Der letzte Schritt dieser App schreibt die Mitteilung dafür.
    .sheet = Informieren Sie die Hausärztin, den Hausarzt oder die Kinderärztin bzw. den Kinderarzt, und geben Sie ihnen die Mitteilung auf den nächsten Seiten.
guide-tamper-serious = Wenn Sie eines dieser Anzeichen sehen, ist das ein mögliches schwerwiegendes Vorkommnis: Die Ärztin oder der Arzt muss es dem italienischen Gesundheitsministerium melden.
    .sheet = Wenn Sie eines der oben genannten Anzeichen sehen, sagen Sie es sofort der Ärztin oder dem Arzt: Es ist ein mögliches schwerwiegendes Vorkommnis, das dem italienischen Gesundheitsministerium gemeldet werden muss.
guide-block-range = Wenn der Monitor nicht vom Netzwerk getrennt werden kann, sperren Sie die Adressen 202.114.4.0/24 am Router oder an der Firewall.
guide-gp-find-patients = Prüfen Sie, welche Ihrer Patientinnen und Patienten zu Hause einen Monitor dieser Art verwenden, und bitten Sie sie, ihn vom Netzwerk zu trennen.
guide-gp-report = Eine Manipulation am Gerät, auch nur ein Verdacht, ist ein schwerwiegendes Vorkommnis, das Angehörige der Gesundheitsberufe nach italienischem Recht dem italienischen Gesundheitsministerium melden müssen (D.Lgs. 137/2022, Art. 10).
guide-fsca = In der EU hat der Hersteller über den Lieferanten eine Software-Korrektur angeboten. Fragen Sie den Lieferanten danach; bis sie installiert ist, halten Sie den Monitor vom Netzwerk getrennt. Wenn er ohne Netzwerk nicht betrieben werden kann, sprechen Sie mit der behandelnden Ärztin oder dem behandelnden Arzt ab, wie er weiter verwendet wird.
guide-unknown-precaution = Wir wissen nicht sicher, welcher Monitor das ist. Bis Sie es wissen, ziehen Sie zur Vorsicht das Netzwerkkabel und schalten Sie das WLAN aus.
guide-unknown-identify = Suchen Sie das Schild auf der Rückseite oder Unterseite des Monitors und geben Sie das Modell genau so ein, wie es gedruckt ist, oder machen Sie ein deutliches Foto davon.
    .sheet = Suchen Sie das Schild auf der Rückseite oder Unterseite des Monitors. Bringen Sie uns das Modell genau so, wie es gedruckt ist, oder ein deutliches Foto des Schilds.
guide-unknown-ask-gp = Wenn Sie das Schild nicht finden, zeigen Sie den Monitor der Hausärztin oder dem Hausarzt oder bringen Sie ihnen die Mitteilung.
    .sheet = Wenn Sie das Schild nicht finden, zeigen Sie den Monitor der Hausärztin oder dem Hausarzt und geben Sie ihnen die Mitteilung auf den nächsten Seiten.
guide-not-listed-check = Prüfen Sie noch einmal Buchstabe für Buchstabe, ob das Modell auf dem Schild genau das oben angezeigte ist.
guide-not-listed-signs = Wenn die Messwerte einmal nicht zum Zustand der Patientin oder des Patienten passen, sagen Sie es trotzdem der Ärztin oder dem Arzt.
guide-not-listed-updates = Die Liste der betroffenen Modelle kann sich ändern. Sehen Sie von Zeit zu Zeit nach einer neueren Liste.
    .sheet = Die Liste der betroffenen Modelle kann sich ändern. Wenn Sie Neuigkeiten zu diesen Monitoren hören, fragen Sie uns noch einmal.

tamper-readings-mismatch = Die Messwerte passen nicht zum Zustand der Patientin oder des Patienten
    .notice = Messwerte, die nicht zum Zustand der Patientin oder des Patienten passen
tamper-unexpected-restart = Der Monitor hat sich von selbst neu gestartet
    .notice = Unerwartete Neustarts
tamper-settings-changed = Einstellungen oder Alarmgrenzen haben sich geändert, ohne dass jemand sie berührt hat
    .notice = Einstellungen oder Alarmgrenzen geändert, ohne dass jemand sie berührt hat
tamper-network-turned-on = Das Netzwerk oder WLAN hat sich von selbst wieder eingeschaltet
    .notice = Netzwerk oder WLAN hat sich von selbst wieder eingeschaltet

tamper-answer-seen = Bemerkt
    .notice = bemerkt
tamper-answer-not-seen = Nicht bemerkt
    .notice = nicht bemerkt
tamper-answer-not-checked = Nicht geprüft
    .notice = nicht geprüft

connection-unknown = Ich weiß es nicht
    .notice = nicht bekannt
connection-none = Mit nichts verbunden
    .notice = keine
connection-cable = Netzwerkkabel
    .notice = Netzwerkkabel
connection-wifi = WLAN
    .notice = WLAN
connection-central = Eine zentrale Überwachungsstation
    .notice = zentrale Überwachungsstation

role-carer = Angehörige oder Pflegeperson
    .notice = Angehörige oder Pflegeperson
role-pharmacist = Apothekerin oder Apotheker
    .notice = Apothekerin oder Apotheker
role-gp = Hausärztin, Hausarzt oder Kinderärztin bzw. Kinderarzt
    .notice = Ärztin oder Arzt
