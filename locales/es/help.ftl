# La página de ayuda (/help): las indicaciones de Cl@ve Permanente con las palabras
# del ciudadano. Cada sección tiene un título (help-<sección>-title) y su índice
# enlaza con él. Trata de usted, como el resto de páginas (docs/style.md).

help-title = Ayuda de Cl@ve Permanente
help-intro = Aquí encontrará cómo activar su usuario, qué hacer si no le llega el SMS, cómo recuperar el acceso si olvida la contraseña o el código de activación, y otras dudas frecuentes.
help-toc-title = Contenido
help-back-to-top = Volver al índice
help-action-activate = Activar su usuario
help-action-forgot = Establecer una nueva contraseña
help-action-regenerate = Obtener un nuevo código de activación
help-action-change = Cambiar la contraseña
help-action-unsubscribe = Darse de baja de Cl@ve Permanente
help-action-legacy = Más sobre la incorporación a Cl@ve

## Qué es y cómo se usa

help-what-title = Qué es Cl@ve Permanente y cómo se usa
help-what-body = Cl@ve Permanente le permite identificarse en los servicios electrónicos de las Administraciones Públicas con un usuario, que es siempre su DNI/NIE, y una contraseña de su elección.
help-what-use-intro = Para usarla:
help-what-use-1 = Entre en el servicio electrónico que quiera usar y elija identificarse con Cl@ve.
help-what-use-2 = En la pantalla de Cl@ve, elija Cl@ve Permanente.
help-what-use-3 = Escriba su DNI/NIE y su contraseña. Si el servicio lo requiere, escriba también el código que recibirá por SMS.
help-what-use-4 = Si los datos son correctos, volverá al servicio ya identificado.

## Activación

help-activate-title = Cómo activar su usuario
help-activate-before = Antes de empezar necesita:
help-activate-need-act = el código de activación que le dieron en el registro en Cl@ve;
help-activate-need-email = el correo electrónico que dio en ese registro;
help-activate-need-phone = a mano, el teléfono móvil que dio en ese registro, porque le enviaremos un SMS.
help-activate-steps-intro = Los pasos son:
help-activate-step-1 = Regístrese en Cl@ve en una oficina de registro. Al terminar le darán un código de activación.
help-activate-step-2 = Entre en «Activar su usuario» y escriba su DNI/NIE, su correo electrónico y el código de activación.
help-activate-step-3 = Si los datos son correctos, recibirá en su móvil un SMS con un código de un solo uso. Escríbalo en la página.
help-activate-step-4 = Elija su contraseña; debe cumplir los requisitos que se indican en la página. A partir de ese momento podrá usar Cl@ve Permanente.
help-activate-blocked = Si se equivoca más de 5 veces al escribir el código de activación, se bloquea y necesitará uno nuevo: tendrá que volver a hacer el registro en Cl@ve.
help-activate-delay = Si se registró hace poco y sus datos no se reconocen, puede que aún no estén disponibles por problemas de comunicación. Vuelva a intentarlo pasadas 24 horas.
help-activate-keep = Guarde el código de activación después de activar su usuario: lo necesitará si olvida la contraseña.

## SMS

help-sms-title = Si no le llega el SMS
help-sms-intro = Le enviamos un código por SMS para activar su usuario y para establecer una nueva contraseña, y también para confirmar un cambio de contraseña o una baja. Si no le llega, compruebe lo siguiente:
help-sms-multisim = Si usa una tarjeta multiSIM, los SMS se envían al número principal y no al secundario. Compruebe que su móvil está registrado con el número correcto.
help-sms-operator = Asegúrese de que su operador no tiene restringido el envío o la recepción de SMS de números especiales.
help-sms-other-phone = El problema puede estar en la configuración de su teléfono. Pruebe a poner su tarjeta SIM en otro teléfono: en el 90 % de los casos, al hacerlo llegan todos los SMS pendientes.
help-sms-recent = Si se registró hace poco, sus datos pueden tardar hasta 24 horas en estar disponibles.
help-sms-resend = Puede pedir un código nuevo desde la misma página pasados unos segundos. Cada código nuevo anula el anterior y caduca a los pocos minutos.

## Olvidos

help-forgot-title = Si olvida la contraseña o el código de activación
help-forgot-user = No puede olvidar su usuario: es siempre su DNI/NIE, y no se puede cambiar.
help-forgot-password-title = Ha olvidado la contraseña o está bloqueada
help-forgot-password = Puede establecer una nueva si conserva su código de activación. Entre en «Establecer una nueva contraseña», escriba su DNI/NIE y el código de activación, confirme con el código que le enviaremos por SMS y elija la nueva contraseña. Si estaba bloqueada, quedará desbloqueada.
help-forgot-code-title = Ha perdido el código de activación
help-forgot-code-know-password = Si aún recuerda su contraseña, puede obtener un código de activación nuevo: entre en «Obtener un nuevo código de activación» con su DNI/NIE y su contraseña, y confírmelo con el código SMS.
help-forgot-code-both = Si ha perdido el código de activación y tampoco recuerda la contraseña, tiene que hacer de nuevo el registro en Cl@ve para recibir un código nuevo.

## Contraseña

help-password-title = Requisitos y caducidad de la contraseña
help-password-intro = Para que nadie pueda adivinarla, su contraseña debe cumplir estos requisitos:
help-password-long = Si la contraseña tiene 16 caracteres o más, puede usar los caracteres que quiera.
help-password-expiry = La contraseña caduca a los 2 años. Si entra en un servicio después de ese plazo, le pediremos que elija una nueva antes de continuar. También puede cambiarla cuando quiera en «Cambiar la contraseña»; desde ese momento tendrá otros 2 años.
help-password-blocked = Tras 5 intentos fallidos seguidos la contraseña se bloquea. Para desbloquearla, establezca una nueva con su código de activación.
help-password-tips-intro = Además, le recomendamos:
help-password-tip-unique = no usar la misma contraseña en otros sitios;
help-password-tip-phrase = usar una frase larga y fácil de recordar para usted, pero difícil de adivinar para otros;
help-password-tip-secret = no decírsela a nadie ni escribirla donde otros puedan verla: ni Cl@ve ni ninguna Administración se la pedirá nunca por teléfono o correo;
help-password-tip-manager = si le cuesta recordarla, usar un gestor de contraseñas.

## Usuarios de la Seguridad Social

help-legacy-title = Si se registró en la Seguridad Social antes de Cl@ve
help-legacy-body = Si se registró en la Seguridad Social antes de que existiera Cl@ve, aún no ha dado su consentimiento para usar en Cl@ve los datos que tiene en la Seguridad Social. Mientras tanto, puede identificarse solo en los servicios de la Seguridad Social.
help-legacy-migration = Para usar todos los servicios de Cl@ve debe incorporarse a Cl@ve. Se lo ofreceremos cuando se identifique en cualquier servicio de la Seguridad Social o entre en el portal «Tu Seguridad Social»: solo tiene que aceptarlo.
help-legacy-operations = Hasta que se incorpore, no podrá usar las gestiones de su cuenta (cambiar o recuperar la contraseña, darse de baja u obtener un código de activación nuevo): solo pueden usarlas quienes se registraron en una oficina de Cl@ve.
help-legacy-logo = El logotipo de Cl@ve en el portal «Tu Seguridad Social» indica que admite tanto a los usuarios de Cl@ve como a los de la Seguridad Social.

## Baja

help-unsubscribe-title = Darse de baja
help-unsubscribe-body = Si no quiere mantener su usuario de Cl@ve Permanente, puede darse de baja. Le pediremos su DNI/NIE, su contraseña y un código SMS para confirmarlo. Si más adelante quiere volver a usarlo, tendrá que hacer de nuevo el registro en Cl@ve.

## Registro

help-register-title = Dónde hacer el registro en Cl@ve
help-register-body = El registro en Cl@ve, que le da el código de activación, se hace en una oficina de registro de Cl@ve, por ejemplo en las oficinas de la Agencia Tributaria o de la Seguridad Social. Lleve su DNI/NIE en vigor y el correo electrónico y el teléfono móvil que quiera registrar.
help-register-again = Necesita hacer un registro nuevo si bloqueó o perdió el código de activación sin recordar la contraseña, o si se dio de baja y quiere volver a usar Cl@ve Permanente.

## Pregunta de seguridad

help-question-title = La pregunta de seguridad
help-question-body = A veces le pediremos que responda a una pregunta de seguridad. Sirve para impedir que programas automáticos prueben contraseñas de otras personas. Respóndala y continúe con normalidad.
