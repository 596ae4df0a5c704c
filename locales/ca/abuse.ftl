# Pregunta de seguretat contra programes automàtics i límits d'intents.

question-sum = Quant fan { $a } més { $b }? Escrigui el resultat en xifres.
question-label = Pregunta de seguretat
question-why = Hem rebut molts intents seguits. Per comprovar que no és un programa automàtic, respongui aquesta pregunta.
question-required = Respongui la pregunta de seguretat.
question-wrong = La resposta a la pregunta de seguretat no és correcta. Respongui la pregunta nova.
# L'alternativa per SMS a la pregunta (WCAG 2.2 SC 3.3.8): no cal fer cap càlcul.
challenge-sms-offer = Prefereix no respondre la pregunta? Li podem enviar un codi per SMS al mòbil registrat per a aquest DNI/NIE.
challenge-sms-send = Enviar-me un codi per SMS
challenge-sms-sent = Si el DNI/NIE està registrat, hem enviat un codi per SMS al mòbil corresponent. Escrigui'l aquí en lloc de respondre la pregunta.
challenge-code-label = Codi rebut per SMS
# Es mostra en lloc de «respongui la pregunta» quan el navegador resol ell mateix la prova de treball (proof-of-work).
challenge-pow-retry = Per seguretat, el seu navegador ha fet una comprovació automàtica. Torni a escriure la contrasenya o el codi i enviï de nou el formulari.
