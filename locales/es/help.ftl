# La página de ayuda (/help): las indicaciones de Cl@ve Permanente con las palabras
# del ciudadano. Cada sección tiene un título (help-<sección>-title) y su índice
# enlaza con él. Tutea, como el resto de páginas.

help-title = Ayuda de Cl@ve Permanente
help-intro = Aquí encontrarás cómo activar tu usuario, qué hacer si no te llega el SMS, cómo recuperar el acceso si olvidas la contraseña o el código de activación, y otras dudas frecuentes.
help-toc-title = Contenido
help-back-to-top = Volver al índice
help-action-activate = Activar tu usuario
help-action-forgot = Establecer una nueva contraseña
help-action-regenerate = Obtener un nuevo código de activación
help-action-change = Cambiar la contraseña
help-action-unsubscribe = Darte de baja de Cl@ve Permanente
help-action-legacy = Más sobre la incorporación a Cl@ve

## Qué es y cómo se usa

help-what-title = Qué es Cl@ve Permanente y cómo se usa
help-what-body = Cl@ve Permanente te permite identificarte en los servicios electrónicos de las Administraciones Públicas con un usuario, que es siempre tu DNI/NIE, y una contraseña que eliges tú.
help-what-use-intro = Para usarla:
help-what-use-1 = Entra en el servicio electrónico que quieras usar y elige identificarte con Cl@ve.
help-what-use-2 = En la pantalla de Cl@ve, elige Cl@ve Permanente.
help-what-use-3 = Escribe tu DNI/NIE y tu contraseña. Si el servicio lo requiere, escribe también el código que recibirás por SMS.
help-what-use-4 = Si los datos son correctos, volverás al servicio ya identificado.

## Activación

help-activate-title = Cómo activar tu usuario
help-activate-before = Antes de empezar necesitas:
help-activate-need-act = el código de activación que te dieron en el acto de registro en Cl@ve;
help-activate-need-email = el correo electrónico que diste en ese registro;
help-activate-need-phone = a mano, el teléfono móvil que diste en ese registro, porque te enviaremos un SMS.
help-activate-steps-intro = Los pasos son:
help-activate-step-1 = Regístrate en Cl@ve en una oficina de registro. Al terminar te darán un código de activación.
help-activate-step-2 = Entra en «Activar tu usuario» y escribe tu DNI/NIE, tu correo electrónico y el código de activación.
help-activate-step-3 = Si los datos son correctos, recibirás en tu móvil un SMS con un código de un solo uso. Escríbelo en la página.
help-activate-step-4 = Elige tu contraseña; debe cumplir los requisitos que se indican en la página. A partir de ese momento podrás usar Cl@ve Permanente.
help-activate-blocked = Si escribes mal el código de activación más de 5 veces, se bloquea y necesitarás uno nuevo: tendrás que volver a hacer el registro en Cl@ve.
help-activate-delay = Si te registraste hace poco y tus datos no se reconocen, puede que aún no estén disponibles por problemas de comunicación. Vuelve a intentarlo pasadas 24 horas.
help-activate-keep = Guarda el código de activación después de activar tu usuario: lo necesitarás si olvidas la contraseña.

## SMS

help-sms-title = Si no te llega el SMS
help-sms-intro = Te enviamos un código por SMS para activar tu usuario y para establecer una nueva contraseña, y también para confirmar un cambio de contraseña o una baja. Si no te llega, comprueba lo siguiente:
help-sms-multisim = Si usas una tarjeta multiSIM, los SMS se envían al número principal y no al secundario. Comprueba que tu móvil está registrado con el número correcto.
help-sms-operator = Asegúrate de que tu operador no tiene restringido el envío o la recepción de SMS de números especiales.
help-sms-other-phone = El problema puede estar en la configuración de tu teléfono. Prueba a poner tu tarjeta SIM en otro teléfono: en el 90 % de los casos, al hacerlo llegan todos los SMS pendientes.
help-sms-recent = Si te registraste hace poco, tus datos pueden tardar hasta 24 horas en estar disponibles.
help-sms-resend = Puedes pedir un código nuevo desde la misma página pasados unos segundos. Cada código nuevo anula el anterior y caduca a los pocos minutos.

## Olvidos

help-forgot-title = Si olvidas la contraseña o el código de activación
help-forgot-user = No puedes olvidar tu usuario: es siempre tu DNI/NIE, y no se puede cambiar.
help-forgot-password-title = Has olvidado la contraseña o está bloqueada
help-forgot-password = Puedes establecer una nueva si conservas tu código de activación. Entra en «Establecer una nueva contraseña», escribe tu DNI/NIE y el código de activación, confirma con el código que te enviaremos por SMS y elige la nueva contraseña. Si estaba bloqueada, quedará desbloqueada.
help-forgot-code-title = Has perdido el código de activación
help-forgot-code-know-password = Si aún recuerdas tu contraseña, puedes obtener un código de activación nuevo: entra en «Obtener un nuevo código de activación» con tu DNI/NIE y tu contraseña, y confírmalo con el código SMS.
help-forgot-code-both = Si has perdido el código de activación y tampoco recuerdas la contraseña, tienes que hacer de nuevo el registro en Cl@ve para recibir un código nuevo.

## Contraseña

help-password-title = Requisitos y caducidad de la contraseña
help-password-intro = Para que nadie pueda adivinarla, tu contraseña debe cumplir estos requisitos:
help-password-long = Si tiene 16 caracteres o más, puedes usar los caracteres que quieras.
help-password-expiry = La contraseña caduca a los 2 años. Si entras en un servicio después de ese plazo, te pediremos que elijas una nueva antes de continuar. También puedes cambiarla cuando quieras en «Cambiar la contraseña»; desde ese momento tendrás otros 2 años.
help-password-blocked = Tras 5 intentos fallidos seguidos la contraseña se bloquea. Para desbloquearla, establece una nueva con tu código de activación.
help-password-tips-intro = Además, te recomendamos:
help-password-tip-unique = no usar la misma contraseña en otros sitios;
help-password-tip-phrase = usar una frase larga y fácil de recordar para ti, pero difícil de adivinar para otros;
help-password-tip-secret = no decírsela a nadie ni escribirla donde otros puedan verla: ni Cl@ve ni ninguna Administración te la pedirá nunca por teléfono o correo;
help-password-tip-manager = si te cuesta recordarla, usar un gestor de contraseñas.

## Usuarios de la Seguridad Social

help-legacy-title = Si te registraste en la Seguridad Social antes de Cl@ve
help-legacy-body = Si te registraste en la Seguridad Social antes de que existiera Cl@ve, aún no has dado tu consentimiento para usar en Cl@ve los datos que tienes en la Seguridad Social. Mientras tanto, puedes identificarte solo en los servicios de la Seguridad Social.
help-legacy-migration = Para usar todos los servicios de Cl@ve debes incorporarte a Cl@ve. Te lo ofreceremos cuando te identifiques en cualquier servicio de la Seguridad Social o entres en el portal Tu Seguridad Social: solo tienes que aceptarlo.
help-legacy-operations = Hasta que te incorpores, no podrás usar las gestiones de tu cuenta (cambiar o recuperar la contraseña, darte de baja u obtener un código de activación nuevo): solo pueden usarlas quienes se registraron en una oficina de Cl@ve.
help-legacy-logo = El logotipo de Cl@ve en el portal Tu Seguridad Social indica que admite tanto a los usuarios de Cl@ve como a los de la Seguridad Social.

## Baja

help-unsubscribe-title = Darte de baja
help-unsubscribe-body = Si no quieres mantener tu usuario de Cl@ve Permanente, puedes darte de baja. Te pediremos tu DNI/NIE, tu contraseña y un código SMS para confirmarlo. Si más adelante quieres volver a usarlo, tendrás que hacer de nuevo el registro en Cl@ve.

## Registro

help-register-title = Dónde hacer el registro en Cl@ve
help-register-body = El registro en Cl@ve, que te da el código de activación, se hace en una oficina de registro de Cl@ve, por ejemplo en las oficinas de la Agencia Tributaria o de la Seguridad Social. Lleva tu DNI/NIE en vigor y el correo electrónico y el teléfono móvil que quieras registrar.
help-register-again = Necesitas hacer un registro nuevo si bloqueaste o perdiste el código de activación sin recordar la contraseña, o si te diste de baja y quieres volver a usar Cl@ve Permanente.

## Pregunta de seguridad

help-question-title = La pregunta de seguridad
help-question-body = A veces te pediremos que respondas a una pregunta de seguridad. Sirve para impedir que programas automáticos prueben contraseñas de otras personas. Respóndela y continúa con normalidad.
