# El portal de demostració (/demo): una seu electrònica d'exemple que utilitza Cl@ve
# com ho faria qualsevol part usuària. Només existeix en el perfil de desenvolupament.

## Capçalera i pàgina principal

demo-title = Seu electrònica de demostració
demo-banner = Seu electrònica de demostració: aquest lloc no forma part de Cl@ve. És una part usuària d'OpenID Connect d'exemple, que s'identifica davant Cl@ve com ho faria una seu electrònica real.
demo-login-title = Accedeixi a la seu
demo-login-intro = Per fer tràmits en aquesta seu s'ha d'identificar. L'enviarem a Cl@ve i, quan s'hi hagi identificat, tornarà aquí.
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
demo-government-hint = La seu s'identifica com un client de nivell governamental: signa les peticions amb la seva pròpia clau en lloc d'un secret compartit, envia abans la petició d'autorització a Cl@ve i vincula el seu token d'accés a una clau d'aquest accés.
demo-government-session = Ha accedit amb el perfil governamental: asserció de client signada, petició enviada per PAR i token d'accés vinculat per DPoP
demo-login-button = Accedir amb Cl@ve
demo-citizen-hint = Per provar-ho necessita un usuari de Cl@ve Permanente actiu. Consulti el README: registri un ciutadà de prova amb «clave-idp citizen register».

## Sessió iniciada

demo-welcome-title = Ha accedit amb Cl@ve
demo-welcome-intro = Aquestes són les dades que la seu ha rebut de Cl@ve:
demo-claim-sub = Identificador en aquesta seu
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
demo-logout-hint = Si tanca la sessió aquí, també la tancarà a Cl@ve.
demo-logged-out = Ha tancat la sessió a la seu i a Cl@ve.

## Errors

demo-error-title = No ha pogut accedir a la seu
demo-error-detail = Detall tècnic:
demo-back = Tornar a la seu
demo-error-expired = L'accés ha caducat o ja s'ha utilitzat. Torni a la seu i comenci de nou.
demo-error-state = La resposta de Cl@ve no correspon a un accés iniciat des d'aquest navegador. Torni a la seu i comenci de nou.
demo-error-issuer = La resposta no prové del proveïdor d'identitat que esperava la seu.
demo-error-access-denied = Ha cancel·lat la identificació a Cl@ve. Pot tornar-ho a provar quan vulgui.
demo-error-provider = Cl@ve no ha pogut completar la identificació.
demo-error-token = La seu no ha pogut bescanviar el codi d'autorització a Cl@ve.
demo-error-par = La seu no ha pogut enviar la seva petició d'autorització a Cl@ve.
demo-error-id-token = El token d'identitat rebut no és vàlid.
demo-error-acr = Cl@ve no ha confirmat el nivell de seguretat que havia demanat la seu.
demo-error-userinfo = La seu no ha pogut obtenir les seves dades de Cl@ve.
demo-error-discovery = La seu no ha pogut contactar amb Cl@ve. Comprovi que CLAVE_ISSUER és una adreça a la qual el servidor es pot connectar.
demo-error-unavailable = La seu no està disponible en aquest moment. Torni-ho a provar d'aquí a uns minuts.
