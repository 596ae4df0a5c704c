# A páxina de axuda (/help): as indicacións de Cl@ve Permanente coas palabras do
# cidadán. Cada sección ten un título (help-<sección>-title) e o seu índice
# enlaza con el. Trata de vostede, como o resto das páxinas.

help-title = Axuda de Cl@ve Permanente
help-intro = Aquí atopará como activar o seu usuario, que facer se non lle chega o SMS, como recuperar o acceso se esquece o contrasinal ou o código de activación, e outras dúbidas frecuentes.
help-toc-title = Contido
help-back-to-top = Volver ao índice
help-action-activate = Activar o seu usuario
help-action-forgot = Establecer un contrasinal novo
help-action-regenerate = Obter un novo código de activación
help-action-change = Cambiar o contrasinal
help-action-unsubscribe = Darse de baixa en Cl@ve Permanente
help-action-legacy = Máis sobre a incorporación a Cl@ve

## Que é e como se usa

help-what-title = Que é Cl@ve Permanente e como se usa
help-what-body = Cl@ve Permanente permítelle identificarse nos servizos electrónicos das administracións públicas cun usuario, que é sempre o seu DNI/NIE, e un contrasinal que escolle vostede.
help-what-use-intro = Para usala:
help-what-use-1 = Entre no servizo electrónico que queira usar e escolla identificarse con Cl@ve.
help-what-use-2 = Na pantalla de Cl@ve, escolla Cl@ve Permanente.
help-what-use-3 = Escriba o seu DNI/NIE e o seu contrasinal. Se o servizo o require, escriba tamén o código que recibirá por SMS.
help-what-use-4 = Se os datos son correctos, volverá ao servizo coa identificación xa feita.

## Activación

help-activate-title = Como activar o seu usuario
help-activate-before = Antes de comezar necesita:
help-activate-need-act = o código de activación que lle deron no acto de rexistro en Cl@ve;
help-activate-need-email = o correo electrónico que deu nese rexistro;
help-activate-need-phone = o teléfono móbil que deu nese rexistro, á man, porque lle enviaremos un SMS.
help-activate-steps-intro = Os pasos son:
help-activate-step-1 = Rexístrese en Cl@ve nunha oficina de rexistro. Ao rematar, daranlle un código de activación.
help-activate-step-2 = Entre en «Activar o seu usuario» e escriba o seu DNI/NIE, o seu correo electrónico e o código de activación.
help-activate-step-3 = Se os datos son correctos, recibirá no seu móbil un SMS cun código dun só uso. Escríbao na páxina.
help-activate-step-4 = Escolla o seu contrasinal; debe cumprir os requisitos que se indican na páxina. A partir dese momento poderá usar Cl@ve Permanente.
help-activate-blocked = Se escribe mal o código de activación máis de 5 veces, bloquearase e necesitará un novo: terá que facer de novo o rexistro en Cl@ve.
help-activate-delay = Se se rexistrou hai pouco e os seus datos non se recoñecen, pode que aínda non estean dispoñibles por problemas de comunicación. Volva intentalo pasadas 24 horas.
help-activate-keep = Garde o código de activación despois de activar o seu usuario: necesitarao se esquece o contrasinal.

## SMS

help-sms-title = Se non lle chega o SMS
help-sms-intro = Enviámoslle un código por SMS para activar o seu usuario e para establecer un contrasinal novo, e tamén para confirmar un cambio de contrasinal ou unha baixa. Se non lle chega, comprobe o seguinte:
help-sms-multisim = Se usa unha tarxeta multiSIM, os SMS envíanse ao número principal e non ao secundario. Comprobe que o seu móbil está rexistrado co número correcto.
help-sms-operator = Asegúrese de que o seu operador non ten restrinxido o envío ou a recepción de SMS de números especiais.
help-sms-other-phone = O problema pode estar na configuración do seu teléfono. Probe a poñer a súa tarxeta SIM noutro teléfono: no 90 % dos casos, ao facelo chegan todos os SMS pendentes.
help-sms-recent = Se se rexistrou hai pouco, os seus datos poden tardar ata 24 horas en estar dispoñibles.
help-sms-resend = Pode pedir un código novo desde a mesma páxina pasados uns segundos. Cada código novo anula o anterior e caduca aos poucos minutos.

## Esquecementos

help-forgot-title = Se esquece o contrasinal ou o código de activación
help-forgot-user = Non pode esquecer o seu usuario: é sempre o seu DNI/NIE e non se pode cambiar.
help-forgot-password-title = Esqueceu o contrasinal ou está bloqueado
help-forgot-password = Pode establecer un novo se conserva o seu código de activación. Entre en «Establecer un contrasinal novo», escriba o seu DNI/NIE e o código de activación, confirme co código que lle enviaremos por SMS e escolla o novo contrasinal. Se estaba bloqueado, quedará desbloqueado.
help-forgot-code-title = Perdeu o código de activación
help-forgot-code-know-password = Se aínda lembra o seu contrasinal, pode obter un código de activación novo: entre en «Obter un novo código de activación» co seu DNI/NIE e o seu contrasinal, e confírmeo co código SMS.
help-forgot-code-both = Se perdeu o código de activación e tampouco lembra o contrasinal, ten que facer de novo o rexistro en Cl@ve para recibir un código novo.

## Contrasinal

help-password-title = Requisitos e caducidade do contrasinal
help-password-intro = Para que ninguén o poida adiviñar, o seu contrasinal debe cumprir estes requisitos:
help-password-long = Se ten 16 caracteres ou máis, pode usar os caracteres que queira.
help-password-expiry = O contrasinal caduca aos 2 anos. Se entra nun servizo despois dese prazo, pedirémoslle que escolla un novo antes de continuar. Tamén pode cambialo cando queira en «Cambiar o contrasinal»; desde ese momento terá outros 2 anos.
help-password-blocked = Despois de 5 intentos fallidos seguidos, o contrasinal bloquéase. Para desbloquealo, estableza un novo co seu código de activación.
help-password-tips-intro = Ademais, recomendámoslle:
help-password-tip-unique = non usar o mesmo contrasinal noutros sitios;
help-password-tip-phrase = usar unha frase longa e fácil de lembrar para vostede, pero difícil de adiviñar para outras persoas;
help-password-tip-secret = non dicilo a ninguén nin escribilo onde outras persoas o poidan ver: nin Cl@ve nin ningunha administración llo pedirá nunca por teléfono ou correo;
help-password-tip-manager = se lle custa lembralo, usar un xestor de contrasinais.

## Usuarios da Seguridade Social

help-legacy-title = Se se rexistrou na Seguridade Social antes de Cl@ve
help-legacy-body = Se se rexistrou na Seguridade Social antes de que existise Cl@ve, aínda non deu o seu consentimento para usar en Cl@ve os datos que ten na Seguridade Social. Mentres tanto, só pode identificarse nos servizos da Seguridade Social.
help-legacy-migration = Para usar todos os servizos de Cl@ve debe incorporarse a Cl@ve. Ofrecerémosllo cando se identifique en calquera servizo da Seguridade Social ou entre no portal «Tu Seguridad Social»: só ten que aceptalo.
help-legacy-operations = Ata que se incorpore, non poderá usar as xestións da súa conta (cambiar ou recuperar o contrasinal, darse de baixa ou obter un código de activación novo): só poden usalas as persoas que se rexistraron nunha oficina de Cl@ve.
help-legacy-logo = O logotipo de Cl@ve no portal «Tu Seguridad Social» indica que admite tanto os usuarios de Cl@ve como os da Seguridade Social.

## Baixa

help-unsubscribe-title = Darse de baixa
help-unsubscribe-body = Se non quere manter o seu usuario de Cl@ve Permanente, pode darse de baixa. Pedirémoslle o seu DNI/NIE, o seu contrasinal e un código SMS para confirmalo. Se máis adiante quere volver usalo, terá que facer de novo o rexistro en Cl@ve.

## Rexistro

help-register-title = Onde facer o rexistro en Cl@ve
help-register-body = O rexistro en Cl@ve, que lle dá o código de activación, faise nunha oficina de rexistro de Cl@ve, por exemplo nas oficinas da Axencia Tributaria ou da Seguridade Social. Leve o seu DNI/NIE en vigor e o correo electrónico e o teléfono móbil que queira rexistrar.
help-register-again = Necesita facer un rexistro novo se bloqueou ou perdeu o código de activación e non lembra o contrasinal, ou se se deu de baixa e quere volver usar Cl@ve Permanente.

## Pregunta de seguridade

help-question-title = A pregunta de seguridade
help-question-body = Ás veces pedirémoslle que responda unha pregunta de seguridade. Serve para impedir que programas automáticos proben contrasinais doutras persoas. Respóndaa e continúe con normalidade.
