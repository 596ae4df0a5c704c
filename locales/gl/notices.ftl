# Avisos de seguridade por correo electrónico (e por SMS): que pasou na conta,
# cando, desde que navegador e que facer se non foi a persoa titular (src/notices/mod.rs).
# Un aviso nunca leva un código nin un contrasinal. Os SMS non levan ligazóns.

## Partes comúns ($name: o nome de pía)

notice-greeting = Ola, { $name }:
notice-when = Data e hora
notice-browser = Navegador
notice-browser-unknown = Non se puido determinar
notice-network = Rede aproximada
notice-account = Revise o seu historial de accesos e as súas sesións abertas en Mi Cl@ve
notice-footer = Esta mensaxe é automática: non a responda. Cl@ve nunca lle pedirá por correo electrónico o seu contrasinal, o seu código de activación nin os códigos que recibe por SMS.
notice-action-forgot = Escoller un contrasinal novo
notice-action-office = Buscar unha oficina de rexistro de Cl@ve
notice-action-new-code = Obter un novo código de activación
notice-action-not-me = Entrar en Mi Cl@ve e premer «Non fun eu»

## Usuario activado

notice-activation-subject = Cl@ve: activou o seu usuario
notice-activation-what = Activouse o seu usuario de Cl@ve Permanente e escolleuse o seu primeiro contrasinal.
notice-activation-if-you = Se foi vostede, non ten que facer nada: xa pode identificarse nos servizos que aceptan Cl@ve.
notice-activation-if-not-you = Se non foi vostede, alguén coñece o seu código de activación e recibiu o código SMS do seu móbil. Acuda canto antes a unha oficina de rexistro co seu DNI/NIE.

## Contrasinal cambiado (coñecendo o anterior, ou ao renovar un contrasinal caducado)

notice-password-changed-subject = Cl@ve: cambiouse o seu contrasinal
notice-password-changed-what = Cambiouse o contrasinal do seu usuario de Cl@ve Permanente. As sesións abertas co contrasinal anterior pecháronse.
notice-password-changed-if-you = Se foi vostede, non ten que facer nada.
notice-password-changed-if-not-you = Se non foi vostede, escolla agora un contrasinal novo co seu código de activación e un código SMS: así ninguén máis poderá entrar.

## Contrasinal restablecido co código de activación

notice-password-reset-subject = Cl@ve: estableceuse un contrasinal novo
notice-password-reset-what = Estableceuse un contrasinal novo para o seu usuario de Cl@ve Permanente co seu código de activación e un código SMS. As sesións abertas co contrasinal anterior pecháronse.
notice-password-reset-if-you = Se foi vostede, non ten que facer nada.
notice-password-reset-if-not-you = Se non foi vostede, alguén coñece o seu código de activación e recibiu o código SMS do seu móbil. Escolla outro contrasinal agora e pida un código de activación novo nunha oficina de rexistro.

## Contrasinal bloqueado por intentos fallidos

notice-password-blocked-subject = Cl@ve: bloqueouse o seu contrasinal
notice-password-blocked-what = O seu contrasinal de Cl@ve Permanente bloqueouse despois de 5 intentos fallidos. Ninguén entrou na súa conta con eles.
notice-password-blocked-if-you = Se foi vostede, desbloquéeo escollendo un contrasinal novo co seu código de activación e un código SMS.
notice-password-blocked-if-not-you = Se non foi vostede, a súa conta segue protexida: ninguén pode entrar sen o seu contrasinal. Cando escolla un novo, revise en Mi Cl@ve os intentos que houbo.

## Código de activación bloqueado por intentos fallidos

notice-code-blocked-subject = Cl@ve: bloqueouse o seu código de activación
notice-code-blocked-what = O seu código de activación de Cl@ve Permanente bloqueouse despois de varios intentos fallidos. Ninguén entrou na súa conta con eles.
notice-code-blocked-if-you = Se foi vostede, necesita un código de activación novo.
notice-code-blocked-if-not-you = Se non foi vostede, a súa conta segue protexida. Obteña un código novo co seu contrasinal e un código SMS.
notice-code-blocked-if-not-you-pending = Como aínda non activou o seu usuario, terá que pedir o código novo nunha oficina de rexistro; leve o seu DNI/NIE en vigor.

## Acceso desde un navegador novo

notice-new-browser-subject = Cl@ve: novo acceso desde un navegador que non usara antes
notice-new-browser-what = Alguén se identificou co seu usuario de Cl@ve Permanente desde un navegador que non usara antes con esta conta.
notice-new-browser-if-you = Se foi vostede, non ten que facer nada.
notice-new-browser-if-not-you = Se non foi vostede, alguén coñece o seu contrasinal. Entre en Mi Cl@ve e prema «Non fun eu»: pecharanse todas as súas sesións e bloquearase o seu contrasinal ata que escolla un novo.

## Baixa

notice-unsubscribe-subject = Cl@ve: deuse de baixa en Cl@ve Permanente
notice-unsubscribe-what = Deuse de baixa o seu usuario de Cl@ve Permanente: xa non poderá identificarse con el e pecháronse todas as súas sesións.
notice-unsubscribe-if-you = Se foi vostede, non ten que facer nada. Se algún día quere volver, rexístrese de novo nunha oficina de rexistro.
notice-unsubscribe-if-not-you = Se non foi vostede, alguén coñecía o seu contrasinal e recibiu o código SMS do seu móbil. Acuda a unha oficina de rexistro co seu DNI/NIE para darse de alta de novo.

## SMS dos avisos (só se CLAVE_NOTICE_SMS o pide; os de bloqueo están en otp.ftl)

sms-notice-activation = Cl@ve: activouse o seu usuario de Cl@ve Permanente. Se non foi vostede, acuda a unha oficina de rexistro.
sms-notice-password-changed = Cl@ve: cambiouse o seu contrasinal. Se non foi vostede, escolla un novo en «Esquecín o meu contrasinal ou está bloqueado».
sms-notice-password-reset = Cl@ve: estableceuse un contrasinal novo co seu código de activación. Se non foi vostede, escolla outro en «Esquecín o meu contrasinal ou está bloqueado».
sms-notice-new-browser = Cl@ve: accedeuse á súa conta desde un navegador novo. Se non foi vostede, entre en Mi Cl@ve e prema «Non fun eu».
sms-notice-unsubscribe = Cl@ve: deuse de baixa o seu usuario de Cl@ve Permanente. Se non foi vostede, acuda a unha oficina de rexistro.
