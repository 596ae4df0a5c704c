# Pantallas de Cl@ve entre a solicitude do portal e a súa resposta: selección de
# método, Cl@ve Permanente, código SMS, renovación do contrasinal caducado, peche de
# sesión e erros da solicitude de autorización.

## Selección de método

login-method-title = Identifíquese con Cl@ve
login-method-intro = O servizo «{ $client }» pídelle que se identifique. Escolla como quere facelo.
login-method-legend = Método de identificación
login-method-permanente = Cl@ve Permanente
login-method-permanente-hint = Co seu DNI/NIE e o seu contrasinal. Se o servizo o require, tamén cun código que recibirá por SMS.
login-method-required = Escolla un método de identificación.
login-continue = Continuar
login-cancel = Cancelar e volver a «{ $client }»
login-no-account = Aínda non ten Cl@ve Permanente? Active o seu usuario

## Cl@ve Permanente

login-password-title = Cl@ve Permanente
login-password-task = Escriba o seu DNI/NIE e o seu contrasinal
login-password-intro = Escriba o seu DNI/NIE e o seu contrasinal para acceder a «{ $client }».
field-username = DNI/NIE
field-username-hint = Por exemplo, 12345678Z ou X1234567L.
field-password = Contrasinal
login-submit = Acceder
login-password-required = Escriba o seu contrasinal.
login-wrong-credentials = O DNI/NIE ou o contrasinal non son correctos. Se aínda non activou o seu usuario, actíveo primeiro.
login-block-warning = Despois de 5 intentos fallidos seguidos, o contrasinal bloquéase. Poderá establecer un novo co seu código de activación en «Esquecín o meu contrasinal».
login-forgot-password = Esquecín o meu contrasinal ou está bloqueado
login-activate = Activar o meu usuario de Cl@ve Permanente
login-help = Axuda

## Estado da conta

login-account-status-title = Non pode acceder con esta conta
login-blocked = O seu contrasinal está bloqueado por superar o número máximo de intentos fallidos ou porque o pediu con «Non fun eu» en Mi Cl@ve. Pode establecer un novo co seu código de activación.
login-unsubscribed = Deuse de baixa en Cl@ve Permanente. Para volver usalo, debe facer de novo o rexistro en Cl@ve nunha oficina de rexistro.
login-not-activated = O seu usuario de Cl@ve Permanente aínda non está activado. Actíveo co código de activación que recibiu no rexistro.
login-legacy = Rexistrouse na Seguridade Social antes da chegada de Cl@ve e aínda non deu o seu consentimento para usar os seus datos en Cl@ve. Pode usalos nos servizos da Seguridade Social, onde se lle ofrecerá incorporarse a Cl@ve.

## Código SMS

login-otp-title = Confirme co código SMS
otp-resent = Enviámoslle un código novo. O anterior xa non serve.

## Contrasinal caducado

login-renew-title = O seu contrasinal caducou
login-renew-caption = Renovar o contrasinal caducado
login-renew-task = Escolla un contrasinal novo
login-renew-intro = Os contrasinais de Cl@ve Permanente caducan aos 2 anos. Para continuar, confirme a súa identidade co código que lle enviamos por SMS e escolla un contrasinal novo.
login-renew-password-intro = Escolla o seu novo contrasinal. Despois continuará cara a «{ $client }».
login-renew-submit = Gardar e continuar
field-new-password = Novo contrasinal
field-new-password-hint = Debe cumprir as regras indicadas arriba.
field-new-password-confirm = Repita o novo contrasinal
password-rules-title = Requisitos do contrasinal
password-rule-length = Polo menos 8 caracteres (como máximo 128).
password-rule-groups = Se ten menos de 16 caracteres, polo menos tres destes grupos: minúsculas, maiúsculas, números e caracteres especiais (¡!$?%&#@/\()=¿?*[];,:._<>+-).
password-rule-personal = Non pode conter o seu nome, os seus apelidos nin o seu DNI/NIE, nin ser un contrasinal moi común.
password-rule-length-name = Lonxitude
password-rule-groups-name = Tipos de caracteres
password-rule-met = Cumprido
password-rule-unmet = Aínda non cumprido
password-confirm-mismatch = Os dous contrasinais non coinciden.
password-same-as-current = O novo contrasinal debe ser distinto do actual.

## Peche de sesión

logout-title = Pechar sesión
logout-question = Quere pechar a súa sesión de Cl@ve?
logout-question-client = O servizo «{ $client }» pídelle que peche a súa sesión de Cl@ve. Quere pechala?
logout-confirm = Pechar sesión
logout-done-title = Sesión pechada
logout-done-body = Pechou a súa sesión de Cl@ve. Xa pode pechar esta xanela.

## Erros da solicitude

error-authorize-title = Non se pode iniciar a identificación
error-authorize-detail = Detalle técnico para o servizo:
error-authorize-bad-request = A solicitude do servizo non é válida. Volva ao servizo e inténteo de novo.
error-authorize-no-client = A solicitude non indica que servizo a envía. Volva ao servizo e inténteo de novo.
error-authorize-no-redirect = A solicitude non indica a onde volver. Volva ao servizo e inténteo de novo.
error-authorize-unknown-client = O servizo desde o que chegou aquí non está dado de alta en Cl@ve.
error-authorize-bad-redirect = O enderezo de retorno da solicitude non está rexistrado para este servizo, polo que non é posible volver a el desde aquí.
error-login-expired = A súa identificación caducou ou non é válida. Volva ao servizo e inténteo de novo.
error-logout-bad-request = A solicitude de peche de sesión non é válida.
error-logout-bad-redirect = O enderezo ao que volver despois de pechar a sesión non está rexistrado para este servizo.
