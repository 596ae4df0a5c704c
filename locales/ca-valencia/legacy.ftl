# Usuaris registrats en la Seguretat Social abans de Cl@ve: la incorporació
# (migració) que se'ls oferix quan s'identifiquen en un servici de la Seguretat
# Social, i el text d'ajuda corresponent. Si canvieu el text del consentiment
# (legacy-consent-*), canvieu també LEGACY_CONSENT_WORDING en
# src/login/legacy.rs.

## Consentiment en identificar-se

legacy-consent-title = Incorpore's a Cl@ve
legacy-consent-why = Es va registrar en la Seguretat Social abans de l'arribada de Cl@ve, i per això no ha donat el seu consentiment perquè les dades que va registrar en la Seguretat Social s'utilitzen en Cl@ve.
legacy-consent-need = Per a poder utilitzar tots els servicis disponibles en Cl@ve, s'ha d'incorporar a esta plataforma per mitjà d'este procés de migració.
legacy-consent-data-title = Les dades que passarien a Cl@ve
legacy-consent-data-intro = Són les que va registrar en la Seguretat Social:
legacy-consent-data-name = Nom i cognoms:
legacy-consent-data-phone = Telèfon mòbil:
legacy-consent-data-email = El seu correu electrònic.
legacy-consent-accept-title = Si ho accepta
legacy-consent-accept-portals = Es podrà identificar amb Cl@ve Permanente en tots els servicis de les administracions públiques que utilitzen Cl@ve, no sols en els de la Seguretat Social.
legacy-consent-accept-password = Continuarà utilitzant el seu DNI/NIE i la contrasenya de sempre.
legacy-consent-accept-services = Podrà fer les gestions de Cl@ve Permanente, com ara canviar la contrasenya o donar-se de baixa.
legacy-consent-decline-title = Si ara no ho accepta
legacy-consent-decline-effect = Continuarà igualment cap a «{ $client }», però només podrà utilitzar els servicis de la Seguretat Social. Li tornarem a oferir la incorporació la pròxima vegada que s'identifique en algun d'estos servicis.
legacy-consent-accept = Accepte incorporar-me a Cl@ve
legacy-consent-decline = Ara no, continuar cap a «{ $client }»
legacy-consent-required = Indique si accepta incorporar-se a Cl@ve o si preferix continuar sense fer-ho.

## Fora dels servicis de la Seguretat Social

legacy-not-migrated-where = «{ $client }» no és un servici de la Seguretat Social, i per això encara no s'hi pot identificar. Quan s'identifique en un servici de la Seguretat Social, se li oferirà incorporar-se a Cl@ve; després també podrà accedir ací.
legacy-help-link = Què significa incorporar-se a Cl@ve si es va registrar en la Seguretat Social

## Ajuda

legacy-help-title = Usuaris registrats en la Seguretat Social
legacy-help-who = Si es va registrar en una oficina de la Seguretat Social abans de l'arribada de Cl@ve, té usuari i contrasenya per als servicis de la Seguretat Social, però no ha donat el seu consentiment perquè les dades que hi va registrar s'utilitzen en Cl@ve.
legacy-help-where-title = On se li oferix la incorporació
legacy-help-where = A tots els usuaris registrats en la Seguretat Social que no estan en Cl@ve se'ls oferix la incorporació (migració) a Cl@ve quan s'identifiquen en qualsevol servici de la Seguretat Social o accedixen al portal «Tu Seguridad Social».
legacy-help-logo = El logotip de Cl@ve en el portal «Tu Seguridad Social» indica que hi poden accedir tant els usuaris de Cl@ve com els de la Seguretat Social.
legacy-help-accept-title = Si ho accepta
legacy-help-accept = El seu compte passa a ser un compte de Cl@ve Permanente amb les dades que va registrar en la Seguretat Social. Manté la contrasenya i es podrà identificar en tots els servicis que utilitzen Cl@ve i fer-ne les gestions.
legacy-help-decline-title = Si no ho accepta
legacy-help-decline = Pot continuar utilitzant els servicis de la Seguretat Social com fins ara. Se li tornarà a oferir la incorporació la pròxima vegada que s'identifique en algun d'estos servicis.
legacy-help-until-title = Mentres no s'hi incorpore
legacy-help-until = Només els usuaris registrats en Cl@ve poden fer les gestions de Cl@ve Permanente (activar l'usuari, recuperar o canviar la contrasenya, obtindre un codi d'activació nou o donar-se de baixa) i identificar-se en servicis que no són de la Seguretat Social.
