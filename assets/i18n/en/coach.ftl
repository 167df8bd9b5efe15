# Advice for a better label photo, from measurements of the photo.
coach-intro = To get a better photo:
coach-blurred = The photo is blurred. Hold the phone steady, with both hands or resting on something, and tap the label on the screen to focus before you take the photo.
coach-too-dark = The photo is too dark. Turn on a light or move to a brighter place. Do not use the flash: it makes reflections.
coach-too-bright = The photo is too bright and the writing looks faded. Move out of direct sunlight or away from a strong lamp.
coach-glare = A reflection covers part of the writing. Turn off the lamp behind you, or tilt the phone a little so the shine moves off the label.
coach-text-too-small = The writing is too small in the photo. Move closer, so the label fills most of the screen.
coach-cut-off = Part of the label is outside the photo. Step back a little so the whole label is in the picture.
coach-close-up = Then take one close-up of this part of the label, where the model name should be.
coach-close-up-at = Then take one close-up of the part of the label where the model name should be (in this photo: from { $x },{ $y }, { $width } × { $height } pixels).
coach-crop-alt = The part of { $name } where the model name should be
