# Pantalles de Cl@ve entre la sol·licitud del portal i la seva resposta: selecció del
# mètode, Cl@ve Permanente, codi SMS, renovació de la contrasenya caducada, tancament
# de sessió i errors de la sol·licitud d'autorització.

## Selecció del mètode

login-method-title = Identifiqui's amb Cl@ve
login-method-intro = El servei «{ $client }» li demana que s'identifiqui. Triï com vol fer-ho.
login-method-legend = Mètode d'identificació
login-method-permanente = Cl@ve Permanente
login-method-permanente-hint = Amb el seu DNI/NIE i la contrasenya. Si el servei ho requereix, també amb un codi que rebrà per SMS.
login-method-required = Triï un mètode d'identificació.
login-continue = Continuar
login-cancel = Cancel·lar i tornar a «{ $client }»
login-no-account = Encara no té Cl@ve Permanente? Activi el seu usuari

## Cl@ve Permanente

login-password-title = Cl@ve Permanente
login-password-task = Escrigui el seu DNI/NIE i la contrasenya
login-password-intro = Escrigui el seu DNI/NIE i la contrasenya per accedir a «{ $client }».
field-username = DNI/NIE
field-username-hint = Per exemple, 12345678Z o X1234567L.
field-password = Contrasenya
login-submit = Accedir
login-password-required = Escrigui la contrasenya.
login-wrong-credentials = El DNI/NIE o la contrasenya no són correctes. Si encara no ha activat el seu usuari, activi'l primer.
login-block-warning = Després de 5 intents fallits seguits, la contrasenya es bloqueja. En podrà establir una de nova amb el codi d'activació a «He oblidat la meva contrasenya».
login-forgot-password = He oblidat la meva contrasenya o està bloquejada
login-activate = Activar el meu usuari de Cl@ve Permanente
login-help = Ajuda

## Estat del compte

login-account-status-title = No pot accedir amb aquest compte
login-blocked = La seva contrasenya està bloquejada, perquè s'ha superat el nombre d'intents fallits o perquè ho va demanar amb «No he estat jo» a Mi Cl@ve. En pot establir una de nova amb el codi d'activació.
login-unsubscribed = Es va donar de baixa de Cl@ve Permanente. Per tornar a utilitzar Cl@ve Permanente, ha de fer de nou el registre a Cl@ve en una oficina de registre.
login-not-activated = El seu usuari de Cl@ve Permanente encara no està activat. Activi'l amb el codi d'activació que va rebre en el registre.
login-legacy = Es va registrar a la Seguretat Social abans de l'arribada de Cl@ve i encara no ha donat el seu consentiment perquè les seves dades s'utilitzin a Cl@ve. De moment pot identificar-se als serveis de la Seguretat Social, on se li oferirà incorporar-se a Cl@ve.

## Codi SMS

login-otp-title = Confirmi-ho amb el codi SMS
otp-resent = Li hem enviat un codi nou. L'anterior ja no és vàlid.

## Contrasenya caducada

login-renew-title = La seva contrasenya ha caducat
login-renew-caption = Renovar la contrasenya caducada
login-renew-task = Triï una contrasenya nova
login-renew-intro = Les contrasenyes de Cl@ve Permanente caduquen al cap de 2 anys. Per continuar, confirmi la seva identitat amb el codi que li hem enviat per SMS i triï una contrasenya nova.
login-renew-password-intro = Triï la contrasenya nova. Després continuarà cap a «{ $client }».
login-renew-submit = Desar i continuar
field-new-password = Contrasenya nova
field-new-password-hint = Ha de complir els requisits indicats més amunt.
field-new-password-confirm = Repeteixi la contrasenya nova
password-rules-title = Requisits de la contrasenya
password-rule-length = Almenys 8 caràcters (com a màxim 128).
password-rule-groups = Si té menys de 16 caràcters, almenys tres d'aquests grups: minúscules, majúscules, números i caràcters especials (¡!$?%&#@/\()=¿?*[];,:._<>+-).
password-rule-personal = No pot contenir el seu nom, els seus cognoms ni el seu DNI/NIE, ni ser una contrasenya molt comuna.
password-rule-length-name = Longitud
password-rule-groups-name = Tipus de caràcters
password-rule-met = Es compleix
password-rule-unmet = Encara no es compleix
password-confirm-mismatch = Les dues contrasenyes no coincideixen.
password-same-as-current = La contrasenya nova ha de ser diferent de l'actual.

## Tancament de sessió

logout-title = Tancar la sessió
logout-question = Vol tancar la seva sessió de Cl@ve?
logout-question-client = El servei «{ $client }» li demana que tanqui la sessió de Cl@ve. Vol tancar-la?
logout-confirm = Tancar la sessió
logout-done-title = Sessió tancada
logout-done-body = Ha tancat la sessió de Cl@ve. Ja pot tancar aquesta finestra.

## Errors de la sol·licitud

error-authorize-title = No es pot iniciar la identificació
error-authorize-detail = Detall tècnic per al servei:
error-authorize-bad-request = La sol·licitud del servei no és vàlida. Torni al servei i provi-ho de nou.
error-authorize-no-client = La sol·licitud no indica quin servei l'envia. Torni al servei i provi-ho de nou.
error-authorize-no-redirect = La sol·licitud no indica on s'ha de tornar. Torni al servei i provi-ho de nou.
error-authorize-unknown-client = El servei que l'ha enviat aquí no està donat d'alta a Cl@ve.
error-authorize-bad-redirect = L'adreça de retorn de la sol·licitud no està registrada per a aquest servei; per això no és possible tornar-hi.
error-login-expired = La seva identificació ha caducat o no és vàlida. Torni al servei i provi-ho de nou.
error-logout-bad-request = La sol·licitud de tancament de sessió no és vàlida.
error-logout-bad-redirect = L'adreça on s'ha de tornar després de tancar la sessió no està registrada per a aquest servei.
