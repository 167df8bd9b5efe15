# Consigli per una foto migliore dell'etichetta, dalle misure della foto.
coach-intro = Per una foto migliore:
coach-blurred = La foto è sfocata. Tenga fermo il telefono, con due mani o appoggiato a qualcosa, e tocchi l'etichetta sullo schermo per mettere a fuoco prima di scattare.
coach-too-dark = La foto è troppo scura. Accenda una luce o si sposti in un posto più luminoso. Non usi il flash: crea riflessi.
coach-too-bright = La foto è troppo chiara e la scritta appare sbiadita. Si sposti dalla luce diretta del sole o da una lampada forte.
coach-glare = Un riflesso copre parte della scritta. Spenga la lampada alle Sue spalle, oppure inclini un poco il telefono perché il riflesso si sposti dall'etichetta.
coach-text-too-small = La scritta è troppo piccola nella foto. Si avvicini, in modo che l'etichetta riempia quasi tutto lo schermo.
coach-cut-off = Una parte dell'etichetta è fuori dalla foto. Si allontani un poco, in modo che tutta l'etichetta entri nell'immagine.
coach-close-up = Poi scatti una foto da vicino di questa parte dell'etichetta, dove dovrebbe trovarsi il nome del modello.
coach-close-up-at = Poi scatti una foto da vicino della parte dell'etichetta dove dovrebbe trovarsi il nome del modello (in questa foto: da { $x },{ $y }, { $width } × { $height } pixel).
coach-crop-alt = La parte di { $name } dove dovrebbe trovarsi il nome del modello
