# Avisos de seguretat per correu electrònic (i per SMS): què ha passat al compte,
# quan, des de quin navegador i què cal fer si no ha estat el titular (src/notices/mod.rs).
# Un avís no porta mai cap codi ni cap contrasenya. Els SMS no porten enllaços.

## Parts comunes ($name: el nom de pila)

notice-greeting = Hola, { $name }:
notice-when = Data i hora
notice-browser = Navegador
notice-browser-unknown = No s'ha pogut determinar
notice-network = Xarxa aproximada
notice-account = Revisi el seu historial d'accessos i les sessions obertes a Mi Cl@ve
notice-footer = Aquest missatge és automàtic: no el respongui. Cl@ve no li demanarà mai per correu electrònic la contrasenya, el codi d'activació ni els codis que rep per SMS.
notice-action-forgot = Triar una contrasenya nova
notice-action-office = Buscar una oficina de registre de Cl@ve
notice-action-new-code = Obtenir un codi d'activació nou
notice-action-not-me = Entrar a Mi Cl@ve i prémer «No he estat jo»

## Usuari activat

notice-activation-subject = Cl@ve: ha activat el seu usuari
notice-activation-what = S'ha activat el seu usuari de Cl@ve Permanente i se n'ha triat la primera contrasenya.
notice-activation-if-you = Si ha estat vostè, no ha de fer res: ja es pot identificar als serveis que accepten Cl@ve.
notice-activation-if-not-you = Si no ha estat vostè, algú coneix el seu codi d'activació i ha rebut el codi SMS enviat al seu mòbil. Adreci's com més aviat millor a una oficina de registre amb el seu DNI/NIE.

## Contrasenya canviada (coneixent l'anterior, o en renovar una contrasenya caducada)

notice-password-changed-subject = Cl@ve: s'ha canviat la seva contrasenya
notice-password-changed-what = S'ha canviat la contrasenya del seu usuari de Cl@ve Permanente. Les sessions obertes amb la contrasenya anterior s'han tancat.
notice-password-changed-if-you = Si ha estat vostè, no ha de fer res.
notice-password-changed-if-not-you = Si no ha estat vostè, triï ara una contrasenya nova amb el codi d'activació i un codi SMS: així ningú més no podrà entrar.

## Contrasenya restablerta amb el codi d'activació

notice-password-reset-subject = Cl@ve: s'ha establert una contrasenya nova
notice-password-reset-what = S'ha establert una contrasenya nova per al seu usuari de Cl@ve Permanente amb el seu codi d'activació i un codi SMS. Les sessions obertes amb la contrasenya anterior s'han tancat.
notice-password-reset-if-you = Si ha estat vostè, no ha de fer res.
notice-password-reset-if-not-you = Si no ha estat vostè, algú coneix el seu codi d'activació i ha rebut el codi SMS enviat al seu mòbil. Triï una altra contrasenya ara mateix i demani un codi d'activació nou en una oficina de registre.

## Contrasenya bloquejada per intents fallits

notice-password-blocked-subject = Cl@ve: la seva contrasenya s'ha bloquejat
notice-password-blocked-what = La seva contrasenya de Cl@ve Permanente s'ha bloquejat després de 5 intents fallits. Ningú no ha entrat al seu compte amb aquests intents.
notice-password-blocked-if-you = Si ha estat vostè, desbloquegi-la triant una contrasenya nova amb el codi d'activació i un codi SMS.
notice-password-blocked-if-not-you = Si no ha estat vostè, el seu compte continua protegit: ningú no hi pot entrar sense la seva contrasenya. Quan en triï una de nova, revisi a Mi Cl@ve els intents que hi ha hagut.

## Codi d'activació bloquejat per intents fallits

notice-code-blocked-subject = Cl@ve: el seu codi d'activació s'ha bloquejat
notice-code-blocked-what = El seu codi d'activació de Cl@ve Permanente s'ha bloquejat després de diversos intents fallits. Ningú no ha entrat al seu compte amb aquests intents.
notice-code-blocked-if-you = Si ha estat vostè, necessita un codi d'activació nou.
notice-code-blocked-if-not-you = Si no ha estat vostè, el seu compte continua protegit. Obtingui un codi nou amb la contrasenya i un codi SMS.
notice-code-blocked-if-not-you-pending = Com que encara no ha activat el seu usuari, li donaran el codi nou en una oficina de registre; porti el DNI/NIE vigent.

## Accés des d'un navegador nou

notice-new-browser-subject = Cl@ve: nou accés des d'un navegador que no havia utilitzat
notice-new-browser-what = Algú s'ha identificat amb el seu usuari de Cl@ve Permanente des d'un navegador que no s'havia utilitzat abans amb aquest compte.
notice-new-browser-if-you = Si ha estat vostè, no ha de fer res.
notice-new-browser-if-not-you = Si no ha estat vostè, algú coneix la seva contrasenya. Entri a Mi Cl@ve i premi «No he estat jo»: es tancaran totes les seves sessions i es bloquejarà la contrasenya fins que en triï una de nova.

## Baixa

notice-unsubscribe-subject = Cl@ve: s'ha donat de baixa de Cl@ve Permanente
notice-unsubscribe-what = El seu usuari de Cl@ve Permanente s'ha donat de baixa: ja no podrà identificar-se amb aquest usuari i s'han tancat totes les seves sessions.
notice-unsubscribe-if-you = Si ha estat vostè, no ha de fer res. Si algun dia vol tornar, registri's de nou en una oficina de registre.
notice-unsubscribe-if-not-you = Si no ha estat vostè, algú coneixia la seva contrasenya i ha rebut el codi SMS enviat al seu mòbil. Adreci's a una oficina de registre amb el seu DNI/NIE per donar-se d'alta de nou.

## SMS dels avisos (només si CLAVE_NOTICE_SMS ho demana; els de bloqueig són a otp.ftl)

sms-notice-activation = Cl@ve: s'ha activat el seu usuari de Cl@ve Permanente. Si no ha estat vostè, adreci's a una oficina de registre.
sms-notice-password-changed = Cl@ve: s'ha canviat la seva contrasenya. Si no ha estat vostè, triï'n una de nova a «He oblidat la meva contrasenya o està bloquejada».
sms-notice-password-reset = Cl@ve: s'ha establert una contrasenya nova amb el codi d'activació. Si no ha estat vostè, triï'n una altra a «He oblidat la meva contrasenya o està bloquejada».
sms-notice-new-browser = Cl@ve: s'ha accedit al seu compte des d'un navegador nou. Si no ha estat vostè, entri a Mi Cl@ve i premi «No he estat jo».
sms-notice-unsubscribe = Cl@ve: s'ha donat de baixa el seu usuari de Cl@ve Permanente. Si no ha estat vostè, adreci's a una oficina de registre.
