# La pàgina d'ajuda (/help): les indicacions de Cl@ve Permanente amb les paraules
# del ciutadà. Cada secció té un títol (help-<secció>-title) i l'índex
# hi enllaça. Tracta el ciutadà de vosté, com la resta de pàgines (docs/style.md).

help-title = Ajuda de Cl@ve Permanente
help-intro = Ací trobarà com activar el seu usuari, què cal fer si no li arriba l'SMS, com recuperar l'accés si oblida la contrasenya o el codi d'activació, i altres dubtes freqüents.
help-toc-title = Contingut
help-back-to-top = Tornar a l'índex
help-action-activate = Activar el seu usuari
help-action-forgot = Establir una contrasenya nova
help-action-regenerate = Obtindre un codi d'activació nou
help-action-change = Canviar la contrasenya
help-action-unsubscribe = Donar-se de baixa de Cl@ve Permanente
help-action-legacy = Més informació sobre la incorporació a Cl@ve

## Què és i com s'utilitza

help-what-title = Què és Cl@ve Permanente i com s'utilitza
help-what-body = Cl@ve Permanente li permet identificar-se en els servicis electrònics de les administracions públiques amb un usuari, que és sempre el seu DNI/NIE, i una contrasenya que tria vosté.
help-what-use-intro = Per a utilitzar-la:
help-what-use-1 = Entre en el servici electrònic que vullga utilitzar i trie identificar-se amb Cl@ve.
help-what-use-2 = En la pantalla de Cl@ve, trie Cl@ve Permanente.
help-what-use-3 = Escriga el seu DNI/NIE i la contrasenya. Si el servici ho requerix, escriga també el codi que rebrà per SMS.
help-what-use-4 = Si les dades són correctes, tornarà al servici i ja s'haurà identificat.

## Activació

help-activate-title = Com activar el seu usuari
help-activate-before = Abans de començar necessita:
help-activate-need-act = el codi d'activació que li van donar en l'acte de registre en Cl@ve;
help-activate-need-email = el correu electrònic que va donar en eixe registre;
help-activate-need-phone = tindre a mà el telèfon mòbil que va donar en eixe registre, perquè li enviarem un SMS.
help-activate-steps-intro = Els passos són:
help-activate-step-1 = Registre's en Cl@ve en una oficina de registre. En acabar, li donaran un codi d'activació.
help-activate-step-2 = Entre en «Activar el seu usuari» i escriga el seu DNI/NIE, el correu electrònic i el codi d'activació.
help-activate-step-3 = Si les dades són correctes, rebrà en el mòbil un SMS amb un codi d'un sol ús. Escriga'l en la pàgina.
help-activate-step-4 = Trie la contrasenya, que ha de complir els requisits que s'indiquen en la pàgina. A partir d'eixe moment, ja podrà utilitzar Cl@ve Permanente.
help-activate-blocked = Si escriu malament el codi d'activació més de 5 vegades, es bloqueja i en necessitarà un de nou: haurà de tornar a fer el registre en Cl@ve.
help-activate-delay = Si s'ha registrat fa poc i no es reconeixen les seues dades, pot ser que encara no estiguen disponibles per problemes de comunicació. Torne-ho a intentar al cap de 24 hores.
help-activate-keep = Guarde el codi d'activació després d'activar l'usuari: el necessitarà si oblida la contrasenya.

## SMS

help-sms-title = Si no li arriba l'SMS
help-sms-intro = Li enviem un codi per SMS per a activar el seu usuari i per a establir una contrasenya nova, i també per a confirmar un canvi de contrasenya o una baixa. Si no li arriba, comprove el següent:
help-sms-multisim = Si utilitza una targeta multiSIM, els SMS s'envien al número principal i no al secundari. Comprove que el seu mòbil està registrat amb el número correcte.
help-sms-operator = Assegure's que el seu operador no té restringit l'enviament o la recepció d'SMS de números especials.
help-sms-other-phone = El problema pot estar en la configuració del seu telèfon. Prove de posar la targeta SIM en un altre telèfon: en el 90 % dels casos, en fer-ho arriben tots els SMS pendents.
help-sms-recent = Si s'ha registrat fa poc, les seues dades poden tardar fins a 24 hores a estar disponibles.
help-sms-resend = Pot demanar un codi nou des de la mateixa pàgina al cap d'uns segons. Cada codi nou anul·la l'anterior i caduca al cap de pocs minuts.

## Oblits

help-forgot-title = Si oblida la contrasenya o el codi d'activació
help-forgot-user = No pot oblidar el seu usuari: és sempre el seu DNI/NIE, i no es pot canviar.
help-forgot-password-title = Ha oblidat la contrasenya o està bloquejada
help-forgot-password = En pot establir una de nova si conserva el codi d'activació. Entre en «Establir una contrasenya nova», escriga el seu DNI/NIE i el codi d'activació, confirme-ho amb el codi que li enviarem per SMS i trie la contrasenya nova. Si estava bloquejada, quedarà desbloquejada.
help-forgot-code-title = Ha perdut el codi d'activació
help-forgot-code-know-password = Si encara recorda la contrasenya, pot obtindre un codi d'activació nou: entre en «Obtindre un codi d'activació nou» amb el seu DNI/NIE i la contrasenya, i confirme-ho amb el codi SMS.
help-forgot-code-both = Si ha perdut el codi d'activació i tampoc recorda la contrasenya, ha de tornar a fer el registre en Cl@ve per a rebre un codi nou.

## Contrasenya

help-password-title = Requisits i caducitat de la contrasenya
help-password-intro = Perquè ningú no la puga endevinar, la contrasenya ha de complir estos requisits:
help-password-long = Si té 16 caràcters o més, pot utilitzar els caràcters que vullga.
help-password-expiry = La contrasenya caduca al cap de 2 anys. Si entra en un servici després d'eixe termini, li demanarem que en trie una de nova abans de continuar. També la pot canviar quan vullga en «Canviar la contrasenya»; a partir d'eixe moment tindrà 2 anys més.
help-password-blocked = Després de 5 intents fallits seguits, la contrasenya es bloqueja. Per a desbloquejar-la, establisca'n una de nova amb el codi d'activació.
help-password-tips-intro = A més, li recomanem:
help-password-tip-unique = no utilitzar la mateixa contrasenya en altres llocs;
help-password-tip-phrase = utilitzar una frase llarga i fàcil de recordar per a vosté, però difícil d'endevinar per als altres;
help-password-tip-secret = no dir-la a ningú ni escriure-la on altres persones la puguen veure: ni Cl@ve ni cap administració no li demanaran mai la contrasenya per telèfon o correu electrònic;
help-password-tip-manager = si li costa recordar-la, utilitzar un gestor de contrasenyes.

## Usuaris de la Seguretat Social

help-legacy-title = Si es va registrar en la Seguretat Social abans de Cl@ve
help-legacy-body = Si es va registrar en la Seguretat Social abans que existira Cl@ve, encara no ha donat el seu consentiment perquè les dades que té en la Seguretat Social s'utilitzen en Cl@ve. Mentrestant, només es pot identificar en els servicis de la Seguretat Social.
help-legacy-migration = Per a utilitzar tots els servicis de Cl@ve, s'ha d'incorporar a Cl@ve. Li oferirem la incorporació quan s'identifique en qualsevol servici de la Seguretat Social o entre en el portal «Tu Seguridad Social»: només l'ha d'acceptar.
help-legacy-operations = Fins que no s'hi incorpore, no podrà utilitzar les gestions del seu compte (canviar o recuperar la contrasenya, donar-se de baixa o obtindre un codi d'activació nou): només les poden utilitzar les persones que es van registrar en una oficina de Cl@ve.
help-legacy-logo = El logotip de Cl@ve en el portal «Tu Seguridad Social» indica que admet tant els usuaris de Cl@ve com els de la Seguretat Social.

## Baixa

help-unsubscribe-title = Donar-se de baixa
help-unsubscribe-body = Si no vol mantindre el seu usuari de Cl@ve Permanente, pot donar-se de baixa. Li demanarem el DNI/NIE, la contrasenya i un codi SMS per a confirmar-ho. Si més avant vol tornar a utilitzar Cl@ve Permanente, haurà de fer de nou el registre en Cl@ve.

## Registre

help-register-title = On es fa el registre en Cl@ve
help-register-body = El registre en Cl@ve, que li proporciona el codi d'activació, es fa en una oficina de registre de Cl@ve, per exemple en les oficines de l'Agència Tributària o de la Seguretat Social. Porte el DNI/NIE vigent i el correu electrònic i el telèfon mòbil que vullga registrar.
help-register-again = Ha de fer un registre nou si ha bloquejat o ha perdut el codi d'activació i no recorda la contrasenya, o si es va donar de baixa i vol tornar a utilitzar Cl@ve Permanente.

## Pregunta de seguretat

help-question-title = La pregunta de seguretat
help-question-body = A vegades li demanarem que responga una pregunta de seguretat. Servix per a impedir que programes automàtics proven contrasenyes d'altres persones. Responga-la i continue amb normalitat.
