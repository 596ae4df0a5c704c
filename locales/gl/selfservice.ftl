# Xestión da conta polo cidadán: activación, contrasinal esquecido ou
# bloqueado, cambio de contrasinal, baixa e rexeneración do código de activación.

## Comúns

selfservice-continue = Continuar
selfservice-save-password = Gardar o contrasinal
selfservice-expired = Esta xestión caducou ou non é válida. Comece de novo desde o principio.
selfservice-already-done-title = Esta xestión xa está feita
selfservice-continue-to = Continuar cara a «{ $client }»

## O que pide cada paso (o <h1>; o nome da xestión vai enriba, docs/style.md)

selfservice-task-registration-data = Escriba os seus datos do rexistro
selfservice-task-identify = Identifíquese co seu DNI/NIE e o seu contrasinal
selfservice-task-code = Escriba o código que lle enviamos por SMS
selfservice-task-first-password = Escolla o seu contrasinal
selfservice-task-new-password = Escolla o seu novo contrasinal
selfservice-code-blocked = O seu código de activación está bloqueado porque se introduciu mal máis de 5 veces. Para conseguir outro, debe facer de novo o rexistro en Cl@ve ou rexenerar o código de activación.
selfservice-code-blocked-pending = O seu código de activación está bloqueado porque se introduciu mal máis de 5 veces. Como aínda non activou o seu usuario, terá que pedir o código novo nunha oficina de rexistro de Cl@ve: leve o seu DNI/NIE en vigor.
selfservice-legacy = Rexistrouse na Seguridade Social antes da chegada de Cl@ve. Para usar estas xestións, debe incorporarse antes a Cl@ve: ofreceráselle ao identificarse nun servizo da Seguridade Social.
selfservice-unsubscribed = Deuse de baixa en Cl@ve Permanente. Para volver usalo, debe facer de novo o rexistro en Cl@ve.
selfservice-code-block-warning = Se introduce mal o código de activación máis de 5 veces, bloquearase e necesitará un novo.
field-email = Correo electrónico
field-email-hint = O que deu no rexistro.
field-activation-code = Código de activación
field-activation-code-hint = O que lle deron no rexistro, por exemplo ABCD-EFGH-JKMN-PQRS. Tanto ten se o escribe en maiúsculas ou en minúsculas, con ou sen guións.

## Activación

activation-title = Activar o seu usuario de Cl@ve Permanente
activation-intro = Escriba o seu DNI/NIE, o correo electrónico que deu ao rexistrarse e o código de activación que lle entregaron na oficina de rexistro. Despois enviarémoslle un SMS ao móbil que rexistrou.
activation-mismatch = Os datos non coinciden cos do rexistro. Revise o DNI/NIE, o correo electrónico e o código de activación.
activation-already-active = O seu usuario xa está activado. Se non lembra o contrasinal, use «Esquecín o meu contrasinal».
activation-password-intro = Escolla o contrasinal co que accederá a partir de agora.
activation-done-title = Usuario activado
activation-done = O seu usuario de Cl@ve Permanente está activado.
activation-services = Desde agora pode identificarse co seu DNI/NIE e o seu contrasinal nos servizos electrónicos que admiten Cl@ve, por exemplo:
activation-service-tax = a sede electrónica da Axencia Tributaria,
activation-service-social-security = o portal «Tu Seguridad Social»,
activation-service-other = e as sedes electrónicas doutras administracións públicas.
activation-keep-code = Garde o seu código de activación: necesitarao se esquece o contrasinal.

## Contrasinal esquecido ou bloqueado

reset-title = Establecer un contrasinal novo
reset-intro = Se esqueceu o seu contrasinal ou está bloqueado, pode establecer un novo co seu código de activación. Enviarémoslle un SMS ao móbil que rexistrou.
reset-mismatch = Os datos non son correctos. Revise o DNI/NIE e o código de activación.
reset-not-activated = O seu usuario aínda non está activado: actíveo primeiro co seu código de activación.
reset-password-intro = Escolla o seu novo contrasinal. Se estaba bloqueado, quedará desbloqueado.
reset-done-title = Contrasinal cambiado
reset-done = O seu novo contrasinal xa está activo e o seu usuario, desbloqueado. As sesións abertas co contrasinal anterior pecháronse.

## Cambio de contrasinal

change-title = Cambiar o contrasinal
change-intro = Identifíquese co seu DNI/NIE e o seu contrasinal actual. Enviarémoslle un SMS para confirmar o cambio.
change-password-intro = Escolla o seu novo contrasinal. Debe ser distinto do actual.
change-done-title = Contrasinal cambiado
change-done = O seu novo contrasinal xa está activo e será válido durante 2 anos. As demais sesións abertas pecháronse.

## Baixa

unsubscribe-title = Darse de baixa en Cl@ve Permanente
unsubscribe-intro = Identifíquese co seu DNI/NIE e o seu contrasinal. Enviarémoslle un SMS para confirmar a baixa.
unsubscribe-confirm-intro = Antes de confirmar, teña en conta o que significa darse de baixa:
unsubscribe-task-confirm = Confirme que quere darse de baixa
unsubscribe-consequence-logins = Xa non poderá identificarse con Cl@ve Permanente en ningún servizo.
unsubscribe-consequence-sessions = Pecharanse todas as súas sesións abertas nos servizos.
unsubscribe-consequence-reopen = Se máis adiante quere volver usalo, terá que facer de novo o rexistro en Cl@ve.
unsubscribe-confirm-button = Confirmar a baixa
unsubscribe-keep = Non, quero manter o meu usuario
unsubscribe-done-title = Baixa realizada
unsubscribe-done = Deuse de baixa en Cl@ve Permanente. Para volver usalo, debe facer de novo o rexistro en Cl@ve.

## Rexeneración do código de activación

regenerate-title = Obter un novo código de activación
regenerate-intro = Identifíquese co seu DNI/NIE e o seu contrasinal. Enviarémoslle un SMS e, cando o confirme, verá o seu novo código de activación.
regenerate-done-title = Novo código de activación
regenerate-done = Este é o seu novo código de activación. O anterior xa non serve.
regenerate-already-done = Xa se xerou o seu novo código de activación. Por seguridade só se mostra unha vez; se non o anotou, obteña outro.
regenerate-keep = Anóteo e gárdeo nun lugar seguro: só se mostra esta vez e necesitarao se esquece o contrasinal.
