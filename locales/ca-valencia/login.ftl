# Pantalles de Cl@ve entre la sol·licitud del portal i la seua resposta: selecció del
# mètode, Cl@ve Permanente, codi SMS, renovació de la contrasenya caducada, tancament
# de sessió i errors de la sol·licitud d'autorització.

## Selecció del mètode

login-method-title = Identifique's amb Cl@ve
login-method-intro = El servici «{ $client }» li demana que s'identifique. Trie com vol fer-ho.
login-method-legend = Mètode d'identificació
login-method-permanente = Cl@ve Permanente
login-method-permanente-hint = Amb el seu DNI/NIE i la contrasenya. Si el servici ho requerix, també amb un codi que rebrà per SMS.
login-method-required = Trie un mètode d'identificació.
login-continue = Continuar
login-cancel = Cancel·lar i tornar a «{ $client }»
login-no-account = Encara no té Cl@ve Permanente? Active el seu usuari

## Cl@ve Permanente

login-password-title = Cl@ve Permanente
login-password-task = Escriga el seu DNI/NIE i la contrasenya
login-password-intro = Escriga el seu DNI/NIE i la contrasenya per a accedir a «{ $client }».
field-username = DNI/NIE
field-username-hint = Per exemple, 12345678Z o X1234567L.
field-password = Contrasenya
login-submit = Accedir
login-password-required = Escriga la contrasenya.
login-wrong-credentials = El DNI/NIE o la contrasenya no són correctes. Si encara no ha activat el seu usuari, active'l primer.
login-block-warning = Després de 5 intents fallits seguits, la contrasenya es bloqueja. En podrà establir una de nova amb el codi d'activació en «He oblidat la meua contrasenya».
login-forgot-password = He oblidat la meua contrasenya o està bloquejada
login-activate = Activar el meu usuari de Cl@ve Permanente
login-help = Ajuda

## Estat del compte

login-account-status-title = No pot accedir amb este compte
login-blocked = La seua contrasenya està bloquejada, perquè s'ha superat el nombre d'intents fallits o perquè ho va demanar amb «No he sigut jo» en Mi Cl@ve. En pot establir una de nova amb el codi d'activació.
login-unsubscribed = Es va donar de baixa de Cl@ve Permanente. Per a tornar a utilitzar Cl@ve Permanente, ha de fer de nou el registre en Cl@ve en una oficina de registre.
login-not-activated = El seu usuari de Cl@ve Permanente encara no està activat. Active'l amb el codi d'activació que va rebre en el registre.
login-legacy = Es va registrar en la Seguretat Social abans de l'arribada de Cl@ve i encara no ha donat el seu consentiment perquè les seues dades s'utilitzen en Cl@ve. De moment pot identificar-se en els servicis de la Seguretat Social, on se li oferirà incorporar-se a Cl@ve.

## Codi SMS

login-otp-title = Confirme-ho amb el codi SMS
otp-resent = Li hem enviat un codi nou. L'anterior ja no és vàlid.

## Contrasenya caducada

login-renew-title = La seua contrasenya ha caducat
login-renew-caption = Renovar la contrasenya caducada
login-renew-task = Trie una contrasenya nova
login-renew-intro = Les contrasenyes de Cl@ve Permanente caduquen al cap de 2 anys. Per a continuar, confirme la seua identitat amb el codi que li hem enviat per SMS i trie una contrasenya nova.
login-renew-password-intro = Trie la contrasenya nova. Després continuarà cap a «{ $client }».
login-renew-submit = Guardar i continuar
field-new-password = Contrasenya nova
field-new-password-hint = Ha de complir els requisits indicats més amunt.
field-new-password-confirm = Repetisca la contrasenya nova
password-rules-title = Requisits de la contrasenya
password-rule-length = Almenys 8 caràcters (com a màxim 128).
password-rule-groups = Si té menys de 16 caràcters, almenys tres d'estos grups: minúscules, majúscules, números i caràcters especials (¡!$?%&#@/\()=¿?*[];,:._<>+-).
password-rule-personal = No pot contindre el seu nom, els seus cognoms ni el seu DNI/NIE, ni ser una contrasenya molt comuna.
password-rule-length-name = Longitud
password-rule-groups-name = Tipus de caràcters
password-rule-met = Es complix
password-rule-unmet = Encara no es complix
password-confirm-mismatch = Les dues contrasenyes no coincidixen.
password-same-as-current = La contrasenya nova ha de ser diferent de l'actual.

## Tancament de sessió

logout-title = Tancar la sessió
logout-question = Vol tancar la seua sessió de Cl@ve?
logout-question-client = El servici «{ $client }» li demana que tanque la sessió de Cl@ve. Vol tancar-la?
logout-confirm = Tancar la sessió
logout-done-title = Sessió tancada
logout-done-body = Ha tancat la sessió de Cl@ve. Ja pot tancar esta finestra.

## Errors de la sol·licitud

error-authorize-title = No es pot iniciar la identificació
error-authorize-detail = Detall tècnic per al servici:
error-authorize-bad-request = La sol·licitud del servici no és vàlida. Torne al servici i prove-ho de nou.
error-authorize-no-client = La sol·licitud no indica quin servici l'envia. Torne al servici i prove-ho de nou.
error-authorize-no-redirect = La sol·licitud no indica on s'ha de tornar. Torne al servici i prove-ho de nou.
error-authorize-unknown-client = El servici que l'ha enviat ací no està donat d'alta en Cl@ve.
error-authorize-bad-redirect = L'adreça de retorn de la sol·licitud no està registrada per a este servici; per això no és possible tornar-hi.
error-login-expired = La seua identificació ha caducat o no és vàlida. Torne al servici i prove-ho de nou.
error-logout-bad-request = La sol·licitud de tancament de sessió no és vàlida.
error-logout-bad-redirect = L'adreça on s'ha de tornar després de tancar la sessió no està registrada per a este servici.
