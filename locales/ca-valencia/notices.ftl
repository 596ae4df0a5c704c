# Avisos de seguretat per correu electrònic (i per SMS): què ha passat en el compte,
# quan, des de quin navegador i què cal fer si no ha sigut el titular (src/notices/mod.rs).
# Un avís no porta mai cap codi ni cap contrasenya. Els SMS no porten enllaços.

## Parts comunes ($name: el nom de pila)

notice-greeting = Hola, { $name }:
notice-when = Data i hora
notice-browser = Navegador
notice-browser-unknown = No s'ha pogut determinar
notice-network = Xarxa aproximada
notice-account = Revise el seu historial d'accessos i les sessions obertes en Mi Cl@ve
notice-footer = Este missatge és automàtic: no el responga. Cl@ve no li demanarà mai per correu electrònic la contrasenya, el codi d'activació ni els codis que rep per SMS.
notice-action-forgot = Triar una contrasenya nova
notice-action-office = Buscar una oficina de registre de Cl@ve
notice-action-new-code = Obtindre un codi d'activació nou
notice-action-not-me = Entrar en Mi Cl@ve i polsar «No he sigut jo»

## Usuari activat

notice-activation-subject = Cl@ve: ha activat el seu usuari
notice-activation-what = S'ha activat el seu usuari de Cl@ve Permanente i se n'ha triat la primera contrasenya.
notice-activation-if-you = Si ha sigut vosté, no ha de fer res: ja es pot identificar en els servicis que accepten Cl@ve.
notice-activation-if-not-you = Si no ha sigut vosté, algú coneix el seu codi d'activació i ha rebut el codi SMS enviat al seu mòbil. Adrece's com més prompte millor a una oficina de registre amb el seu DNI/NIE.

## Contrasenya canviada (coneixent l'anterior, o en renovar una contrasenya caducada)

notice-password-changed-subject = Cl@ve: s'ha canviat la seua contrasenya
notice-password-changed-what = S'ha canviat la contrasenya del seu usuari de Cl@ve Permanente. Les sessions obertes amb la contrasenya anterior s'han tancat.
notice-password-changed-if-you = Si ha sigut vosté, no ha de fer res.
notice-password-changed-if-not-you = Si no ha sigut vosté, trie ara una contrasenya nova amb el codi d'activació i un codi SMS: així ningú més no podrà entrar.

## Contrasenya restablida amb el codi d'activació

notice-password-reset-subject = Cl@ve: s'ha establit una contrasenya nova
notice-password-reset-what = S'ha establit una contrasenya nova per al seu usuari de Cl@ve Permanente amb el seu codi d'activació i un codi SMS. Les sessions obertes amb la contrasenya anterior s'han tancat.
notice-password-reset-if-you = Si ha sigut vosté, no ha de fer res.
notice-password-reset-if-not-you = Si no ha sigut vosté, algú coneix el seu codi d'activació i ha rebut el codi SMS enviat al seu mòbil. Trie una altra contrasenya ara mateix i demane un codi d'activació nou en una oficina de registre.

## Contrasenya bloquejada per intents fallits

notice-password-blocked-subject = Cl@ve: la seua contrasenya s'ha bloquejat
notice-password-blocked-what = La seua contrasenya de Cl@ve Permanente s'ha bloquejat després de 5 intents fallits. Ningú no ha entrat en el seu compte amb estos intents.
notice-password-blocked-if-you = Si ha sigut vosté, desbloquege-la triant una contrasenya nova amb el codi d'activació i un codi SMS.
notice-password-blocked-if-not-you = Si no ha sigut vosté, el seu compte continua protegit: ningú no hi pot entrar sense la seua contrasenya. Quan en trie una de nova, revise en Mi Cl@ve els intents que hi ha hagut.

## Codi d'activació bloquejat per intents fallits

notice-code-blocked-subject = Cl@ve: el seu codi d'activació s'ha bloquejat
notice-code-blocked-what = El seu codi d'activació de Cl@ve Permanente s'ha bloquejat després de diversos intents fallits. Ningú no ha entrat en el seu compte amb estos intents.
notice-code-blocked-if-you = Si ha sigut vosté, necessita un codi d'activació nou.
notice-code-blocked-if-not-you = Si no ha sigut vosté, el seu compte continua protegit. Obtinga un codi nou amb la contrasenya i un codi SMS.
notice-code-blocked-if-not-you-pending = Com que encara no ha activat el seu usuari, li donaran el codi nou en una oficina de registre; porte el DNI/NIE vigent.

## Accés des d'un navegador nou

notice-new-browser-subject = Cl@ve: nou accés des d'un navegador que no havia utilitzat
notice-new-browser-what = Algú s'ha identificat amb el seu usuari de Cl@ve Permanente des d'un navegador que no s'havia utilitzat abans amb este compte.
notice-new-browser-if-you = Si ha sigut vosté, no ha de fer res.
notice-new-browser-if-not-you = Si no ha sigut vosté, algú coneix la seua contrasenya. Entre en Mi Cl@ve i polse «No he sigut jo»: es tancaran totes les seues sessions i es bloquejarà la contrasenya fins que en trie una de nova.

## Baixa

notice-unsubscribe-subject = Cl@ve: s'ha donat de baixa de Cl@ve Permanente
notice-unsubscribe-what = El seu usuari de Cl@ve Permanente s'ha donat de baixa: ja no podrà identificar-se amb este usuari i s'han tancat totes les seues sessions.
notice-unsubscribe-if-you = Si ha sigut vosté, no ha de fer res. Si algun dia vol tornar, registre's de nou en una oficina de registre.
notice-unsubscribe-if-not-you = Si no ha sigut vosté, algú coneixia la seua contrasenya i ha rebut el codi SMS enviat al seu mòbil. Adrece's a una oficina de registre amb el seu DNI/NIE per a donar-se d'alta de nou.

## SMS dels avisos (només si CLAVE_NOTICE_SMS ho demana; els de bloqueig estan en otp.ftl)

sms-notice-activation = Cl@ve: s'ha activat el seu usuari de Cl@ve Permanente. Si no ha sigut vosté, adrece's a una oficina de registre.
sms-notice-password-changed = Cl@ve: s'ha canviat la seua contrasenya. Si no ha sigut vosté, trie'n una de nova en «He oblidat la meua contrasenya o està bloquejada».
sms-notice-password-reset = Cl@ve: s'ha establit una contrasenya nova amb el codi d'activació. Si no ha sigut vosté, trie'n una altra en «He oblidat la meua contrasenya o està bloquejada».
sms-notice-new-browser = Cl@ve: s'ha accedit al seu compte des d'un navegador nou. Si no ha sigut vosté, entre en Mi Cl@ve i polse «No he sigut jo».
sms-notice-unsubscribe = Cl@ve: s'ha donat de baixa el seu usuari de Cl@ve Permanente. Si no ha sigut vosté, adrece's a una oficina de registre.
