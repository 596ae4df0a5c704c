# Pregunta de seguridad contra programas automáticos y límites de intentos.

question-sum = ¿Cuánto es { $a } más { $b }? Escribe el resultado en cifras.
question-label = Pregunta de seguridad
question-why = Hemos recibido muchos intentos seguidos. Para comprobar que no eres un programa automático, responde a esta pregunta.
question-required = Responde a la pregunta de seguridad.
question-wrong = La respuesta a la pregunta de seguridad no es correcta. Responde a la nueva pregunta.
