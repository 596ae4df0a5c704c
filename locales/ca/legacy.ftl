# Usuaris registrats a la Seguretat Social abans de Cl@ve: la incorporació
# (migració) que se'ls ofereix quan s'identifiquen en un servei de la Seguretat
# Social, i el text d'ajuda corresponent. Si canvieu el text del consentiment
# (legacy-consent-*), canvieu també LEGACY_CONSENT_WORDING a
# src/legacy/consent.rs.

## Consentiment en identificar-se

legacy-consent-title = Incorpori's a Cl@ve
legacy-consent-why = Es va registrar a la Seguretat Social abans de l'arribada de Cl@ve, i per això no ha donat el seu consentiment perquè les dades que va registrar a la Seguretat Social s'utilitzin a Cl@ve.
legacy-consent-need = Per poder utilitzar tots els serveis disponibles a Cl@ve, s'ha d'incorporar a aquesta plataforma mitjançant aquest procés de migració.
legacy-consent-data-title = Les dades que passarien a Cl@ve
legacy-consent-data-intro = Són les que va registrar a la Seguretat Social:
legacy-consent-data-name = Nom i cognoms:
legacy-consent-data-phone = Telèfon mòbil:
legacy-consent-data-email = El seu correu electrònic.
legacy-consent-accept-title = Si ho accepta
legacy-consent-accept-portals = Es podrà identificar amb Cl@ve Permanente en tots els serveis de les administracions públiques que utilitzen Cl@ve, no només en els de la Seguretat Social.
legacy-consent-accept-password = Continuarà utilitzant el seu DNI/NIE i la contrasenya de sempre.
legacy-consent-accept-services = Podrà fer les gestions de Cl@ve Permanente, com ara canviar la contrasenya o donar-se de baixa.
legacy-consent-decline-title = Si ara no ho accepta
legacy-consent-decline-effect = Continuarà igualment cap a «{ $client }», però només podrà utilitzar els serveis de la Seguretat Social. Li tornarem a oferir la incorporació la propera vegada que s'identifiqui en algun d'aquests serveis.
legacy-consent-accept = Accepto incorporar-me a Cl@ve
legacy-consent-decline = Ara no, continuar cap a «{ $client }»
legacy-consent-required = Indiqui si accepta incorporar-se a Cl@ve o si prefereix continuar sense fer-ho.

## Fora dels serveis de la Seguretat Social

legacy-not-migrated-where = «{ $client }» no és un servei de la Seguretat Social, i per això encara no s'hi pot identificar. Quan s'identifiqui en un servei de la Seguretat Social, se li oferirà incorporar-se a Cl@ve; després també podrà accedir aquí.
legacy-help-link = Què significa incorporar-se a Cl@ve si es va registrar a la Seguretat Social

## Ajuda

legacy-help-title = Usuaris registrats a la Seguretat Social
legacy-help-who = Si es va registrar en una oficina de la Seguretat Social abans de l'arribada de Cl@ve, té usuari i contrasenya per als serveis de la Seguretat Social, però no ha donat el seu consentiment perquè les dades que hi va registrar s'utilitzin a Cl@ve.
legacy-help-where-title = On se li ofereix la incorporació
legacy-help-where = A tots els usuaris registrats a la Seguretat Social que no són a Cl@ve se'ls ofereix la incorporació (migració) a Cl@ve quan s'identifiquen en qualsevol servei de la Seguretat Social o accedeixen al portal «Tu Seguridad Social».
legacy-help-logo = El logotip de Cl@ve al portal «Tu Seguridad Social» indica que hi poden accedir tant els usuaris de Cl@ve com els de la Seguretat Social.
legacy-help-accept-title = Si ho accepta
legacy-help-accept = El seu compte passa a ser un compte de Cl@ve Permanente amb les dades que va registrar a la Seguretat Social. Manté la contrasenya i es podrà identificar en tots els serveis que utilitzen Cl@ve i fer-ne les gestions.
legacy-help-decline-title = Si no ho accepta
legacy-help-decline = Pot continuar utilitzant els serveis de la Seguretat Social com fins ara. Se li tornarà a oferir la incorporació la propera vegada que s'identifiqui en algun d'aquests serveis.
legacy-help-until-title = Mentre no s'hi incorpori
legacy-help-until = Només els usuaris registrats a Cl@ve poden fer les gestions de Cl@ve Permanente (activar l'usuari, recuperar o canviar la contrasenya, obtenir un codi d'activació nou o donar-se de baixa) i identificar-se en serveis que no són de la Seguretat Social.
