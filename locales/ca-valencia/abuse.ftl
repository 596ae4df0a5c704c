# Pregunta de seguretat contra programes automàtics i límits d'intents.

question-sum = Quant fan { $a } més { $b }? Escriga el resultat en xifres.
question-label = Pregunta de seguretat
question-why = Hem rebut molts intents seguits. Per a comprovar que no és un programa automàtic, responga esta pregunta.
question-required = Responga la pregunta de seguretat.
question-wrong = La resposta a la pregunta de seguretat no és correcta. Responga la pregunta nova.
# L'alternativa per SMS a la pregunta (WCAG 2.2 SC 3.3.8): no cal fer cap càlcul.
challenge-sms-offer = Preferix no respondre la pregunta? Li podem enviar un codi per SMS al mòbil registrat per a este DNI/NIE.
challenge-sms-send = Enviar-me un codi per SMS
challenge-sms-sent = Si el DNI/NIE està registrat, hem enviat un codi per SMS al mòbil corresponent. Escriga'l ací en lloc de respondre la pregunta.
challenge-code-label = Codi rebut per SMS
# Es mostra en lloc de «responga la pregunta» quan el navegador resol ell mateix la prova de treball (proof-of-work).
challenge-pow-retry = Per seguretat, el seu navegador ha fet una comprovació automàtica. Torne a escriure la contrasenya o el codi i envie de nou el formulari.
