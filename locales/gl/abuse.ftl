# Pregunta de seguridade contra programas automáticos e límites de intentos.

question-sum = Canto é { $a } máis { $b }? Escriba o resultado en cifras.
question-label = Pregunta de seguridade
question-why = Recibimos moitos intentos seguidos. Para comprobar que non é un programa automático, responda esta pregunta.
question-required = Responda a pregunta de seguridade.
question-wrong = A resposta á pregunta de seguridade non é correcta. Responda a nova pregunta.
# A alternativa por SMS á pregunta (WCAG 2.2 SC 3.3.8): sen contas que facer.
challenge-sms-offer = Prefire non responder a pregunta? Podemos enviarlle un código por SMS ao móbil rexistrado para este DNI/NIE.
challenge-sms-send = Enviarme un código por SMS
challenge-sms-sent = Se o DNI/NIE está rexistrado, enviamos un código por SMS ao móbil asociado. Escríbao aquí en vez de responder a pregunta.
challenge-code-label = Código recibido por SMS
# Móstrase en lugar de "responda a pregunta" cando o navegador resolve el mesmo a proba de traballo.
challenge-pow-retry = Pola súa seguridade, o seu navegador fixo unha comprobación automática. Volva escribir o seu contrasinal ou código e envíe de novo o formulario.
