# Hinweise für ein besseres Foto des Typenschilds, aus Messungen am Foto.
coach-intro = So gelingt ein besseres Foto:
coach-blurred = Das Foto ist unscharf. Halten Sie das Telefon ruhig, mit beiden Händen oder aufgestützt, und tippen Sie vor der Aufnahme auf dem Bildschirm auf das Schild, um scharfzustellen.
coach-too-dark = Das Foto ist zu dunkel. Schalten Sie ein Licht ein oder gehen Sie an einen helleren Ort. Verwenden Sie keinen Blitz: Er erzeugt Spiegelungen.
coach-too-bright = Das Foto ist zu hell, und die Schrift wirkt blass. Gehen Sie aus der direkten Sonne oder weg von einer starken Lampe.
coach-glare = Eine Spiegelung verdeckt einen Teil der Schrift. Schalten Sie die Lampe hinter Ihnen aus oder neigen Sie das Telefon etwas, damit der Glanz vom Schild wegwandert.
coach-text-too-small = Die Schrift ist auf dem Foto zu klein. Gehen Sie näher heran, sodass das Schild den Großteil des Bildschirms füllt.
coach-cut-off = Ein Teil des Schilds liegt außerhalb des Fotos. Treten Sie etwas zurück, damit das ganze Schild im Bild ist.
coach-close-up = Machen Sie dann eine Nahaufnahme von diesem Teil des Schilds, wo der Modellname stehen sollte.
coach-close-up-at = Machen Sie dann eine Nahaufnahme von dem Teil des Schilds, wo der Modellname stehen sollte (auf diesem Foto: ab { $x },{ $y }, { $width } × { $height } Pixel).
coach-crop-alt = Der Teil von { $name }, wo der Modellname stehen sollte
