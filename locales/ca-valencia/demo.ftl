# El portal de demostració (/demo): una seu electrònica d'exemple que utilitza Cl@ve
# com ho faria qualsevol part usuària. Només existix en el perfil de desenvolupament.

## Capçalera i pàgina principal

demo-title = Seu electrònica de demostració
demo-banner = Seu electrònica de demostració: este lloc no forma part de Cl@ve. És una part usuària d'OpenID Connect d'exemple, que s'identifica davant de Cl@ve com ho faria una seu electrònica real.
demo-login-title = Accedisca a la seu
demo-login-intro = Per a fer tràmits en esta seu s'ha d'identificar. L'enviarem a Cl@ve i, quan s'hi haja identificat, tornarà ací.
demo-acr-label = Nivell de seguretat
demo-acr-hint = El nivell substancial també demana un codi que rebrà per SMS.
demo-acr-low = Baix (contrasenya)
demo-acr-substantial = Substancial (contrasenya i codi SMS)
demo-scopes-legend = Dades que demanarà la seu
demo-scope-profile = Nom i cognoms
demo-scope-profile-hint = name, given_name, family_name, first_surname, second_surname
demo-scope-email = Correu electrònic
demo-scope-email-hint = email
demo-scope-phone = Telèfon mòbil
demo-scope-phone-hint = phone_number
demo-scope-nif = DNI/NIE
demo-scope-nif-hint = nif
demo-government-label = Perfil governamental (private_key_jwt, PAR i DPoP)
demo-government-hint = La seu s'identifica com un client de nivell governamental: signa les peticions amb la seua pròpia clau en lloc d'un secret compartit, envia abans la petició d'autorització a Cl@ve i vincula el seu token d'accés a una clau d'este accés.
demo-government-session = Ha accedit amb el perfil governamental: asserció de client signada, petició enviada per PAR i token d'accés vinculat per DPoP
demo-login-button = Accedir amb Cl@ve
demo-citizen-hint = Per a provar-ho necessita un usuari de Cl@ve Permanente actiu. Consulte el README: registre un ciutadà de prova amb «clave-idp citizen register».

## Sessió iniciada

demo-welcome-title = Ha accedit amb Cl@ve
demo-welcome-intro = Estes són les dades que la seu ha rebut de Cl@ve:
demo-claim-sub = Identificador en esta seu
demo-claim-name = Nom complet
demo-claim-given-name = Nom
demo-claim-family-name = Cognoms
demo-claim-nif = DNI/NIE
demo-claim-email = Correu electrònic
demo-claim-phone-number = Telèfon mòbil
demo-claim-acr = Nivell de seguretat
demo-claim-amr = Mètodes d'identificació
demo-claim-auth-time = Moment de la identificació (UTC)
demo-source-userinfo = (de la resposta userinfo)
demo-source-id-token = (del token d'identitat)
demo-raw-id-token = Token d'identitat (JSON)
demo-raw-userinfo = Resposta de userinfo (JSON)
demo-logout = Tancar la sessió
demo-logout-hint = Si tanca la sessió ací, també la tancarà en Cl@ve.
demo-logged-out = Ha tancat la sessió en la seu i en Cl@ve.

## Errors

demo-error-title = No ha pogut accedir a la seu
demo-error-detail = Detall tècnic:
demo-back = Tornar a la seu
demo-error-expired = L'accés ha caducat o ja s'ha utilitzat. Torne a la seu i comence de nou.
demo-error-state = La resposta de Cl@ve no correspon a un accés iniciat des d'este navegador. Torne a la seu i comence de nou.
demo-error-issuer = La resposta no prové del proveïdor d'identitat que esperava la seu.
demo-error-access-denied = Ha cancel·lat la identificació en Cl@ve. Pot tornar-ho a intentar quan vullga.
demo-error-provider = Cl@ve no ha pogut completar la identificació.
demo-error-token = La seu no ha pogut bescanviar el codi d'autorització en Cl@ve.
demo-error-par = La seu no ha pogut enviar la seua petició d'autorització a Cl@ve.
demo-error-id-token = El token d'identitat rebut no és vàlid.
demo-error-acr = Cl@ve no ha confirmat el nivell de seguretat que havia demanat la seu.
demo-error-userinfo = La seu no ha pogut obtindre les seues dades de Cl@ve.
demo-error-discovery = La seu no ha pogut contactar amb Cl@ve. Comprove que CLAVE_ISSUER és una adreça a la qual el servidor es pot connectar.
demo-error-unavailable = La seu no està disponible en este moment. Torne-ho a intentar d'ací a uns minuts.
