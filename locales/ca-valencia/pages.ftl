# Pàgines informatives de la capa web: galetes i privadesa.

## Galetes

cookies-title = Galetes
cookies-intro = Cl@ve només utilitza galetes (cookies) tècniques, estrictament necessàries perquè el servici funcione de manera segura. No utilitzem galetes d'anàlisi, de publicitat ni de tercers; per això no li demanem el consentiment.
cookies-table-caption = Galetes que utilitza este lloc
cookies-col-name = Nom
cookies-col-purpose = Per a què servix
cookies-col-duration = Duració
cookie-session-purpose = Manté la seua sessió mentres s'identifica o gestiona el seu compte, perquè no li hàgem de demanar les mateixes dades en cada pas.
cookie-session-duration = Fins que tanca el navegador o acaba el procés.
cookie-csrf-purpose = Protegix els formularis contra enviaments falsificats des d'altres llocs web.
cookie-csrf-duration = Fins que tanca el navegador.
cookie-lang-purpose = Recorda l'idioma que ha triat.
cookie-lang-duration = Un any.
cookie-device-purpose = Recorda que ja s'ha identificat en este navegador, perquè qui prove contrasenyes des d'altres navegadors no li puga bloquejar l'accés des d'ací. No guarda la seua contrasenya ni les seues dades.
cookie-device-duration = Un any des del seu últim accés.
cookie-account-login-purpose = Vincula a este navegador la identificació per a entrar en la pàgina del seu compte (Mi Cl@ve), perquè ningú més no la puga completar en nom seu.
cookie-account-login-duration = Deu minuts, o fins que acabe la identificació.
cookies-manage = Pot esborrar estes galetes des de la configuració del navegador. Si les bloqueja, no es podrà identificar ni enviar formularis.

## Privadesa

privacy-title = Privadesa
privacy-intro = Este servici tracta les seues dades personals només per a la seua identificació davant de les administracions públiques i per a gestionar el seu registre en Cl@ve Permanente.
privacy-data-heading = Quines dades guardem
privacy-data = Les dades que va facilitar en l'acte de registre (DNI/NIE, nom i cognoms, correu electrònic i telèfon mòbil); la seua contrasenya, guardada de manera que ningú no la puga llegir; i un registre de les operacions de seguretat (accessos, canvis de contrasenya, baixes) amb la data corresponent.
privacy-sharing-heading = Amb qui les compartim
privacy-sharing = Quan accedix a un servici electrònic, només enviem a eixe servici les dades que necessita i que té autoritzades. Cada servici rep un identificador diferent per a vosté, de manera que els servicis no poden relacionar entre si els seus accessos, llevat dels que necessiten el seu DNI/NIE per a tramitar la seua sol·licitud.
privacy-rights-heading = Els seus drets
privacy-rights = Pot exercir els drets d'accés, rectificació, supressió i la resta que reconeix el Reglament general de protecció de dades davant de l'òrgan responsable d'este servici, pels mitjans indicats en l'ajuda. Pot donar-se de baixa de Cl@ve Permanente quan vullga.
privacy-cookies = Per a saber quines galetes utilitzem, consulte la pàgina de galetes.

## Portada

home-title = Cl@ve Permanente
home-intro = Des d'ací pot gestionar el seu usuari de Cl@ve Permanente.
home-portals = Per a identificar-se en un servici electrònic, entre en el web d'eixe servici i trie «Cl@ve»: el servici l'enviarà ací.
