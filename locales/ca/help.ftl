# La pàgina d'ajuda (/help): les indicacions de Cl@ve Permanente amb les paraules
# del ciutadà. Cada secció té un títol (help-<secció>-title) i l'índex
# hi enllaça. Tracta el ciutadà de vostè, com la resta de pàgines (docs/style.md).

help-title = Ajuda de Cl@ve Permanente
help-intro = Aquí trobarà com activar el seu usuari, què cal fer si no li arriba l'SMS, com recuperar l'accés si oblida la contrasenya o el codi d'activació, i altres dubtes freqüents.
help-toc-title = Contingut
help-back-to-top = Tornar a l'índex
help-action-activate = Activar el seu usuari
help-action-forgot = Establir una contrasenya nova
help-action-regenerate = Obtenir un codi d'activació nou
help-action-change = Canviar la contrasenya
help-action-unsubscribe = Donar-se de baixa de Cl@ve Permanente
help-action-legacy = Més informació sobre la incorporació a Cl@ve

## Què és i com s'utilitza

help-what-title = Què és Cl@ve Permanente i com s'utilitza
help-what-body = Cl@ve Permanente li permet identificar-se als serveis electrònics de les administracions públiques amb un usuari, que és sempre el seu DNI/NIE, i una contrasenya que tria vostè.
help-what-use-intro = Per utilitzar-la:
help-what-use-1 = Entri al servei electrònic que vulgui utilitzar i triï identificar-se amb Cl@ve.
help-what-use-2 = A la pantalla de Cl@ve, triï Cl@ve Permanente.
help-what-use-3 = Escrigui el seu DNI/NIE i la contrasenya. Si el servei ho requereix, escrigui també el codi que rebrà per SMS.
help-what-use-4 = Si les dades són correctes, tornarà al servei i ja s'haurà identificat.

## Activació

help-activate-title = Com activar el seu usuari
help-activate-before = Abans de començar necessita:
help-activate-need-act = el codi d'activació que li van donar en l'acte de registre a Cl@ve;
help-activate-need-email = el correu electrònic que va donar en aquest registre;
help-activate-need-phone = tenir a mà el telèfon mòbil que va donar en aquest registre, perquè li enviarem un SMS.
help-activate-steps-intro = Els passos són:
help-activate-step-1 = Registri's a Cl@ve en una oficina de registre. En acabar, li donaran un codi d'activació.
help-activate-step-2 = Entri a «Activar el seu usuari» i escrigui el seu DNI/NIE, el correu electrònic i el codi d'activació.
help-activate-step-3 = Si les dades són correctes, rebrà al mòbil un SMS amb un codi d'un sol ús. Escrigui'l a la pàgina.
help-activate-step-4 = Triï la contrasenya, que ha de complir els requisits que s'indiquen a la pàgina. A partir d'aquell moment, ja podrà utilitzar Cl@ve Permanente.
help-activate-blocked = Si escriu malament el codi d'activació més de 5 vegades, es bloqueja i en necessitarà un de nou: haurà de tornar a fer el registre a Cl@ve.
help-activate-delay = Si s'ha registrat fa poc i no es reconeixen les seves dades, pot ser que encara no estiguin disponibles per problemes de comunicació. Torni-ho a provar al cap de 24 hores.
help-activate-keep = Guardi el codi d'activació després d'activar l'usuari: el necessitarà si oblida la contrasenya.

## SMS

help-sms-title = Si no li arriba l'SMS
help-sms-intro = Li enviem un codi per SMS per activar el seu usuari i per establir una contrasenya nova, i també per confirmar un canvi de contrasenya o una baixa. Si no li arriba, comprovi el següent:
help-sms-multisim = Si utilitza una targeta multiSIM, els SMS s'envien al número principal i no al secundari. Comprovi que el seu mòbil està registrat amb el número correcte.
help-sms-operator = Asseguri's que el seu operador no té restringit l'enviament o la recepció d'SMS de números especials.
help-sms-other-phone = El problema pot ser a la configuració del seu telèfon. Provi de posar la targeta SIM en un altre telèfon: en el 90 % dels casos, en fer-ho arriben tots els SMS pendents.
help-sms-recent = Si s'ha registrat fa poc, les seves dades poden trigar fins a 24 hores a estar disponibles.
help-sms-resend = Pot demanar un codi nou des de la mateixa pàgina al cap d'uns segons. Cada codi nou anul·la l'anterior i caduca al cap de pocs minuts.

## Oblits

help-forgot-title = Si oblida la contrasenya o el codi d'activació
help-forgot-user = No pot oblidar el seu usuari: és sempre el seu DNI/NIE, i no es pot canviar.
help-forgot-password-title = Ha oblidat la contrasenya o està bloquejada
help-forgot-password = En pot establir una de nova si conserva el codi d'activació. Entri a «Establir una contrasenya nova», escrigui el seu DNI/NIE i el codi d'activació, confirmi-ho amb el codi que li enviarem per SMS i triï la contrasenya nova. Si estava bloquejada, quedarà desbloquejada.
help-forgot-code-title = Ha perdut el codi d'activació
help-forgot-code-know-password = Si encara recorda la contrasenya, pot obtenir un codi d'activació nou: entri a «Obtenir un codi d'activació nou» amb el seu DNI/NIE i la contrasenya, i confirmi-ho amb el codi SMS.
help-forgot-code-both = Si ha perdut el codi d'activació i tampoc no recorda la contrasenya, ha de tornar a fer el registre a Cl@ve per rebre un codi nou.

## Contrasenya

help-password-title = Requisits i caducitat de la contrasenya
help-password-intro = Perquè ningú no la pugui endevinar, la contrasenya ha de complir aquests requisits:
help-password-long = Si té 16 caràcters o més, pot utilitzar els caràcters que vulgui.
help-password-expiry = La contrasenya caduca al cap de 2 anys. Si entra en un servei després d'aquest termini, li demanarem que en triï una de nova abans de continuar. També la pot canviar quan vulgui a «Canviar la contrasenya»; a partir d'aquell moment tindrà 2 anys més.
help-password-blocked = Després de 5 intents fallits seguits, la contrasenya es bloqueja. Per desbloquejar-la, estableixi'n una de nova amb el codi d'activació.
help-password-tips-intro = A més, li recomanem:
help-password-tip-unique = no utilitzar la mateixa contrasenya en altres llocs;
help-password-tip-phrase = utilitzar una frase llarga i fàcil de recordar per a vostè, però difícil d'endevinar per als altres;
help-password-tip-secret = no dir-la a ningú ni escriure-la on altres persones la puguin veure: ni Cl@ve ni cap administració no li demanaran mai la contrasenya per telèfon o correu electrònic;
help-password-tip-manager = si li costa recordar-la, utilitzar un gestor de contrasenyes.

## Usuaris de la Seguretat Social

help-legacy-title = Si es va registrar a la Seguretat Social abans de Cl@ve
help-legacy-body = Si es va registrar a la Seguretat Social abans que existís Cl@ve, encara no ha donat el seu consentiment perquè les dades que té a la Seguretat Social s'utilitzin a Cl@ve. Mentrestant, només es pot identificar als serveis de la Seguretat Social.
help-legacy-migration = Per utilitzar tots els serveis de Cl@ve, s'ha d'incorporar a Cl@ve. Li oferirem la incorporació quan s'identifiqui en qualsevol servei de la Seguretat Social o entri al portal «Tu Seguridad Social»: només l'ha d'acceptar.
help-legacy-operations = Fins que no s'hi incorpori, no podrà utilitzar les gestions del seu compte (canviar o recuperar la contrasenya, donar-se de baixa o obtenir un codi d'activació nou): només les poden utilitzar les persones que es van registrar en una oficina de Cl@ve.
help-legacy-logo = El logotip de Cl@ve al portal «Tu Seguridad Social» indica que admet tant els usuaris de Cl@ve com els de la Seguretat Social.

## Baixa

help-unsubscribe-title = Donar-se de baixa
help-unsubscribe-body = Si no vol mantenir el seu usuari de Cl@ve Permanente, pot donar-se de baixa. Li demanarem el DNI/NIE, la contrasenya i un codi SMS per confirmar-ho. Si més endavant vol tornar a utilitzar Cl@ve Permanente, haurà de fer de nou el registre a Cl@ve.

## Registre

help-register-title = On es fa el registre a Cl@ve
help-register-body = El registre a Cl@ve, que li proporciona el codi d'activació, es fa en una oficina de registre de Cl@ve, per exemple a les oficines de l'Agència Tributària o de la Seguretat Social. Porti el DNI/NIE vigent i el correu electrònic i el telèfon mòbil que vulgui registrar.
help-register-again = Ha de fer un registre nou si ha bloquejat o ha perdut el codi d'activació i no recorda la contrasenya, o si es va donar de baixa i vol tornar a utilitzar Cl@ve Permanente.

## Pregunta de seguretat

help-question-title = La pregunta de seguretat
help-question-body = De vegades li demanarem que respongui una pregunta de seguretat. Serveix per impedir que programes automàtics provin contrasenyes d'altres persones. Respongui-la i continuï amb normalitat.
