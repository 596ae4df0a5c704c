# Gestió del compte per part del ciutadà: activació, contrasenya oblidada o
# bloquejada, canvi de contrasenya, baixa i regeneració del codi d'activació.

## Comuns

selfservice-continue = Continuar
selfservice-save-password = Guardar la contrasenya
selfservice-expired = Esta gestió ha caducat o no és vàlida. Torne a començar des del principi.
selfservice-already-done-title = Esta gestió ja està feta
selfservice-continue-to = Continuar a «{ $client }»

## El que demana cada pas (l'<h1>; el nom de la gestió va damunt, docs/style.md)

selfservice-task-registration-data = Escriga les seues dades del registre
selfservice-task-identify = Identifique's amb el seu DNI/NIE i la contrasenya
selfservice-task-code = Escriga el codi que li hem enviat per SMS
selfservice-task-first-password = Trie la seua contrasenya
selfservice-task-new-password = Trie la contrasenya nova
selfservice-code-blocked = El seu codi d'activació està bloquejat perquè s'ha introduït malament més de 5 vegades. Per a obtindre'n un de nou, ha de tornar a fer el registre en Cl@ve o bé generar un codi d'activació nou.
selfservice-code-blocked-pending = El seu codi d'activació està bloquejat perquè s'ha introduït malament més de 5 vegades. Com que encara no ha activat el seu usuari, li donaran el codi nou en una oficina de registre de Cl@ve: porte el DNI/NIE vigent.
selfservice-legacy = Es va registrar en la Seguretat Social abans de l'arribada de Cl@ve. Per a fer estes gestions, primer s'ha d'incorporar a Cl@ve: se li oferirà esta opció quan s'identifique en un servici de la Seguretat Social.
selfservice-unsubscribed = Es va donar de baixa de Cl@ve Permanente. Per a tornar a utilitzar Cl@ve Permanente, ha de fer de nou el registre en Cl@ve.
selfservice-code-block-warning = Si escriu malament el codi d'activació més de 5 vegades, es bloquejarà i en necessitarà un de nou.
field-email = Correu electrònic
field-email-hint = El que va donar en el registre.
field-activation-code = Codi d'activació
field-activation-code-hint = El que li van donar en el registre, per exemple ABCD-EFGH-JKMN-PQRS. És igual si l'escriu en majúscules o minúscules, amb guions o sense.

## Activació

activation-title = Activar el seu usuari de Cl@ve Permanente
activation-intro = Escriga el seu DNI/NIE, el correu electrònic que va donar en registrar-se i el codi d'activació que li van lliurar en l'oficina de registre. Després li enviarem un SMS al mòbil que va registrar.
activation-mismatch = Les dades no coincidixen amb les del registre. Revise el DNI/NIE, el correu electrònic i el codi d'activació.
activation-already-active = El seu usuari ja està activat. Si no recorda la contrasenya, utilitze «He oblidat la meua contrasenya».
activation-password-intro = Trie la contrasenya amb què accedirà a partir d'ara.
activation-done-title = Usuari activat
activation-done = El seu usuari de Cl@ve Permanente està activat.
activation-services = A partir d'ara es pot identificar amb el seu DNI/NIE i la contrasenya en els servicis electrònics que admeten Cl@ve, per exemple:
activation-service-tax = la seu electrònica de l'Agència Tributària,
activation-service-social-security = el portal «Tu Seguridad Social»,
activation-service-other = i les seus electròniques d'altres administracions públiques.
activation-keep-code = Guarde el codi d'activació: el necessitarà si oblida la contrasenya.

## Contrasenya oblidada o bloquejada

reset-title = Establir una contrasenya nova
reset-intro = Si ha oblidat la contrasenya o està bloquejada, en pot establir una de nova amb el codi d'activació. Li enviarem un SMS al mòbil que va registrar.
reset-mismatch = Les dades no són correctes. Revise el DNI/NIE i el codi d'activació.
reset-not-activated = El seu usuari encara no està activat: active'l primer amb el codi d'activació.
reset-password-intro = Trie la contrasenya nova. Si estava bloquejada, quedarà desbloquejada.
reset-done-title = Contrasenya canviada
reset-done = La seua contrasenya nova ja està activa i el seu usuari, desbloquejat. Les sessions obertes amb la contrasenya anterior s'han tancat.

## Canvi de contrasenya

change-title = Canviar la contrasenya
change-intro = Identifique's amb el seu DNI/NIE i la contrasenya actual. Li enviarem un SMS per a confirmar el canvi.
change-password-intro = Trie la contrasenya nova. Ha de ser diferent de l'actual.
change-done-title = Contrasenya canviada
change-done = La seua contrasenya nova ja està activa i serà vàlida durant 2 anys. Les altres sessions obertes s'han tancat.

## Baixa

unsubscribe-title = Donar-se de baixa de Cl@ve Permanente
unsubscribe-intro = Identifique's amb el seu DNI/NIE i la contrasenya. Li enviarem un SMS per a confirmar la baixa.
unsubscribe-confirm-intro = Abans de confirmar-ho, tinga en compte què significa donar-se de baixa:
unsubscribe-task-confirm = Confirme que es vol donar de baixa
unsubscribe-consequence-logins = Ja no es podrà identificar amb Cl@ve Permanente en cap servici.
unsubscribe-consequence-sessions = Es tancaran totes les seues sessions obertes en els servicis.
unsubscribe-consequence-reopen = Si més avant vol tornar a utilitzar Cl@ve Permanente, haurà de fer de nou el registre en Cl@ve.
unsubscribe-confirm-button = Confirmar la baixa
unsubscribe-keep = No, vull mantindre el meu usuari
unsubscribe-done-title = Baixa efectuada
unsubscribe-done = S'ha donat de baixa de Cl@ve Permanente. Per a tornar a utilitzar Cl@ve Permanente, ha de fer de nou el registre en Cl@ve.

## Regeneració del codi d'activació

regenerate-title = Obtindre un codi d'activació nou
regenerate-intro = Identifique's amb el seu DNI/NIE i la contrasenya. Li enviarem un SMS i, quan ho confirme, veurà el seu codi d'activació nou.
regenerate-done-title = Codi d'activació nou
regenerate-done = Este és el seu codi d'activació nou. L'anterior ja no és vàlid.
regenerate-already-done = El seu codi d'activació nou ja s'ha generat. Per seguretat, només es mostra una vegada; si no el va anotar, obtinga'n un altre.
regenerate-keep = Anote'l i guarde'l en un lloc segur: només es mostra esta vegada i el necessitarà si oblida la contrasenya.
