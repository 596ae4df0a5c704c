# Pregunta de seguridad contra programas automáticos y límites de intentos.

question-sum = ¿Cuánto es { $a } más { $b }? Escriba el resultado en cifras.
question-label = Pregunta de seguridad
question-why = Hemos recibido muchos intentos seguidos. Para comprobar que no es un programa automático, responda a esta pregunta.
question-required = Responda a la pregunta de seguridad.
question-wrong = La respuesta a la pregunta de seguridad no es correcta. Responda a la nueva pregunta.
# The SMS alternative to the question (WCAG 2.2 SC 3.3.8): no arithmetic needed.
challenge-sms-offer = ¿Prefiere no responder a la pregunta? Le enviamos un código por SMS al móvil registrado para este DNI/NIE.
challenge-sms-send = Enviarme un código por SMS
challenge-sms-sent = Si el DNI/NIE está registrado, hemos enviado un código por SMS al móvil registrado. Escríbalo aquí en lugar de responder a la pregunta.
challenge-code-label = Código recibido por SMS
# Shown instead of "answer the question" where the browser solves the proof-of-work itself.
challenge-pow-retry = Por su seguridad, su navegador ha hecho una comprobación automática. Vuelva a escribir su contraseña o código y envíe de nuevo el formulario.
