# Gestió del compte per part del ciutadà: activació, contrasenya oblidada o
# bloquejada, canvi de contrasenya, baixa i regeneració del codi d'activació.

## Comuns

selfservice-continue = Continuar
selfservice-save-password = Desar la contrasenya
selfservice-expired = Aquesta gestió ha caducat o no és vàlida. Torni a començar des del principi.
selfservice-already-done-title = Aquesta gestió ja està feta
selfservice-continue-to = Continuar a «{ $client }»

## El que demana cada pas (l'<h1>; el nom de la gestió va a sobre, docs/style.md)

selfservice-task-registration-data = Escrigui les seves dades del registre
selfservice-task-identify = Identifiqui's amb el seu DNI/NIE i la contrasenya
selfservice-task-code = Escrigui el codi que li hem enviat per SMS
selfservice-task-first-password = Triï la seva contrasenya
selfservice-task-new-password = Triï la contrasenya nova
selfservice-code-blocked = El seu codi d'activació està bloquejat perquè s'ha introduït malament més de 5 vegades. Per obtenir-ne un de nou, ha de tornar a fer el registre a Cl@ve o bé generar un codi d'activació nou.
selfservice-code-blocked-pending = El seu codi d'activació està bloquejat perquè s'ha introduït malament més de 5 vegades. Com que encara no ha activat el seu usuari, li donaran el codi nou en una oficina de registre de Cl@ve: porti el DNI/NIE vigent.
selfservice-legacy = Es va registrar a la Seguretat Social abans de l'arribada de Cl@ve. Per fer aquestes gestions, primer s'ha d'incorporar a Cl@ve: se li oferirà aquesta opció quan s'identifiqui en un servei de la Seguretat Social.
selfservice-unsubscribed = Es va donar de baixa de Cl@ve Permanente. Per tornar a utilitzar Cl@ve Permanente, ha de fer de nou el registre a Cl@ve.
selfservice-code-block-warning = Si escriu malament el codi d'activació més de 5 vegades, es bloquejarà i en necessitarà un de nou.
field-email = Correu electrònic
field-email-hint = El que va donar en el registre.
field-activation-code = Codi d'activació
field-activation-code-hint = El que li van donar en el registre, per exemple ABCD-EFGH-JKMN-PQRS. És igual si l'escriu en majúscules o minúscules, amb guions o sense.

## Activació

activation-title = Activar el seu usuari de Cl@ve Permanente
activation-intro = Escrigui el seu DNI/NIE, el correu electrònic que va donar en registrar-se i el codi d'activació que li van lliurar a l'oficina de registre. Després li enviarem un SMS al mòbil que va registrar.
activation-mismatch = Les dades no coincideixen amb les del registre. Revisi el DNI/NIE, el correu electrònic i el codi d'activació.
activation-already-active = El seu usuari ja està activat. Si no recorda la contrasenya, utilitzi «He oblidat la meva contrasenya».
activation-password-intro = Triï la contrasenya amb què accedirà a partir d'ara.
activation-done-title = Usuari activat
activation-done = El seu usuari de Cl@ve Permanente està activat.
activation-services = A partir d'ara es pot identificar amb el seu DNI/NIE i la contrasenya en els serveis electrònics que admeten Cl@ve, per exemple:
activation-service-tax = la seu electrònica de l'Agència Tributària,
activation-service-social-security = el portal «Tu Seguridad Social»,
activation-service-other = i les seus electròniques d'altres administracions públiques.
activation-keep-code = Guardi el codi d'activació: el necessitarà si oblida la contrasenya.

## Contrasenya oblidada o bloquejada

reset-title = Establir una contrasenya nova
reset-intro = Si ha oblidat la contrasenya o està bloquejada, en pot establir una de nova amb el codi d'activació. Li enviarem un SMS al mòbil que va registrar.
reset-mismatch = Les dades no són correctes. Revisi el DNI/NIE i el codi d'activació.
reset-not-activated = El seu usuari encara no està activat: activi'l primer amb el codi d'activació.
reset-password-intro = Triï la contrasenya nova. Si estava bloquejada, quedarà desbloquejada.
reset-done-title = Contrasenya canviada
reset-done = La seva contrasenya nova ja està activa i el seu usuari, desbloquejat. Les sessions obertes amb la contrasenya anterior s'han tancat.

## Canvi de contrasenya

change-title = Canviar la contrasenya
change-intro = Identifiqui's amb el seu DNI/NIE i la contrasenya actual. Li enviarem un SMS per confirmar el canvi.
change-password-intro = Triï la contrasenya nova. Ha de ser diferent de l'actual.
change-done-title = Contrasenya canviada
change-done = La seva contrasenya nova ja està activa i serà vàlida durant 2 anys. Les altres sessions obertes s'han tancat.

## Baixa

unsubscribe-title = Donar-se de baixa de Cl@ve Permanente
unsubscribe-intro = Identifiqui's amb el seu DNI/NIE i la contrasenya. Li enviarem un SMS per confirmar la baixa.
unsubscribe-confirm-intro = Abans de confirmar-ho, tingui en compte què significa donar-se de baixa:
unsubscribe-task-confirm = Confirmi que es vol donar de baixa
unsubscribe-consequence-logins = Ja no es podrà identificar amb Cl@ve Permanente en cap servei.
unsubscribe-consequence-sessions = Es tancaran totes les seves sessions obertes als serveis.
unsubscribe-consequence-reopen = Si més endavant vol tornar a utilitzar Cl@ve Permanente, haurà de fer de nou el registre a Cl@ve.
unsubscribe-confirm-button = Confirmar la baixa
unsubscribe-keep = No, vull mantenir el meu usuari
unsubscribe-done-title = Baixa efectuada
unsubscribe-done = S'ha donat de baixa de Cl@ve Permanente. Per tornar a utilitzar Cl@ve Permanente, ha de fer de nou el registre a Cl@ve.

## Regeneració del codi d'activació

regenerate-title = Obtenir un codi d'activació nou
regenerate-intro = Identifiqui's amb el seu DNI/NIE i la contrasenya. Li enviarem un SMS i, quan ho confirmi, veurà el seu codi d'activació nou.
regenerate-done-title = Codi d'activació nou
regenerate-done = Aquest és el seu codi d'activació nou. L'anterior ja no és vàlid.
regenerate-already-done = El seu codi d'activació nou ja s'ha generat. Per seguretat, només es mostra una vegada; si no el va anotar, obtingui'n un altre.
regenerate-keep = Anoti'l i guardi'l en un lloc segur: només es mostra aquesta vegada i el necessitarà si oblida la contrasenya.
