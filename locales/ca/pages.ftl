# Pàgines informatives de la capa web: galetes i privadesa.

## Galetes

cookies-title = Galetes
cookies-intro = Cl@ve només utilitza galetes (cookies) tècniques, estrictament necessàries perquè el servei funcioni de manera segura. No utilitzem galetes d'anàlisi, de publicitat ni de tercers; per això no li demanem el consentiment.
cookies-table-caption = Galetes que utilitza aquest lloc
cookies-col-name = Nom
cookies-col-purpose = Per a què serveix
cookies-col-duration = Durada
cookie-session-purpose = Manté la seva sessió mentre s'identifica o gestiona el seu compte, perquè no li haguem de demanar les mateixes dades a cada pas.
cookie-session-duration = Fins que tanca el navegador o acaba el procés.
cookie-csrf-purpose = Protegeix els formularis contra enviaments falsificats des d'altres llocs web.
cookie-csrf-duration = Fins que tanca el navegador.
cookie-lang-purpose = Recorda l'idioma que ha triat.
cookie-lang-duration = Un any.
cookie-device-purpose = Recorda que ja s'ha identificat en aquest navegador, perquè qui provi contrasenyes des d'altres navegadors no li pugui bloquejar l'accés des d'aquí. No guarda la seva contrasenya ni les seves dades.
cookie-device-duration = Un any des del seu últim accés.
cookie-account-login-purpose = Vincula a aquest navegador la identificació per entrar a la pàgina del seu compte (Mi Cl@ve), perquè ningú més no la pugui completar en nom seu.
cookie-account-login-duration = Deu minuts, o fins que acabi la identificació.
cookies-manage = Pot esborrar aquestes galetes des de la configuració del navegador. Si les bloqueja, no es podrà identificar ni enviar formularis.

## Privadesa

privacy-title = Privadesa
privacy-intro = Aquest servei tracta les seves dades personals només per a la seva identificació davant les administracions públiques i per gestionar el seu registre a Cl@ve Permanente.
privacy-data-heading = Quines dades guardem
privacy-data = Les dades que va facilitar en l'acte de registre (DNI/NIE, nom i cognoms, correu electrònic i telèfon mòbil); la seva contrasenya, guardada de manera que ningú no la pugui llegir; i un registre de les operacions de seguretat (accessos, canvis de contrasenya, baixes) amb la data corresponent.
privacy-sharing-heading = Amb qui les compartim
privacy-sharing = Quan accedeix a un servei electrònic, només enviem a aquest servei les dades que necessita i que té autoritzades. Cada servei rep un identificador diferent per a vostè, de manera que els serveis no poden relacionar els seus accessos entre si, tret dels que necessiten el seu DNI/NIE per tramitar la seva sol·licitud.
privacy-rights-heading = Els seus drets
privacy-rights = Pot exercir els drets d'accés, rectificació, supressió i la resta que reconeix el Reglament general de protecció de dades davant l'òrgan responsable d'aquest servei, pels mitjans indicats a l'ajuda. Pot donar-se de baixa de Cl@ve Permanente quan vulgui.
privacy-cookies = Per saber quines galetes utilitzem, consulti la pàgina de galetes.

## Portada

home-title = Cl@ve Permanente
home-intro = Des d'aquí pot gestionar el seu usuari de Cl@ve Permanente.
home-portals = Per identificar-se en un servei electrònic, entri al web d'aquest servei i triï «Cl@ve»: el servei l'enviarà aquí.
