# Pantallas de Cl@ve entre la solicitud del portal y su respuesta: selección de
# método, Cl@ve Permanente, código SMS, renovación de contraseña caducada, cierre de
# sesión y errores de la solicitud de autorización.

## Selección de método

login-method-title = Identifíquese con Cl@ve
login-method-intro = El servicio «{ $client }» le pide que se identifique. Elija cómo quiere hacerlo.
login-method-legend = Método de identificación
login-method-permanente = Cl@ve Permanente
login-method-permanente-hint = Con su DNI/NIE y su contraseña. Si el servicio lo requiere, también con un código que recibirá por SMS.
login-method-required = Elija un método de identificación.
login-continue = Continuar
login-cancel = Cancelar y volver a «{ $client }»
login-no-account = ¿Aún no tiene Cl@ve Permanente? Active su usuario

## Cl@ve Permanente

login-password-title = Cl@ve Permanente
login-password-task = Escriba su DNI/NIE y su contraseña
login-password-intro = Escriba su DNI/NIE y su contraseña para acceder a «{ $client }».
field-username = DNI/NIE
field-username-hint = Por ejemplo, 12345678Z o X1234567L.
field-password = Contraseña
login-submit = Acceder
login-password-required = Escriba su contraseña.
login-wrong-credentials = El DNI/NIE o la contraseña no son correctos. Si aún no ha activado su usuario, actívelo primero.
login-block-warning = Tras 5 intentos fallidos seguidos la contraseña se bloquea. Podrá establecer una nueva con su código de activación en «He olvidado mi contraseña».
login-forgot-password = He olvidado mi contraseña o está bloqueada
login-activate = Activar mi usuario de Cl@ve Permanente
login-help = Ayuda

## Estado de la cuenta

login-account-status-title = No puede acceder con esta cuenta
login-blocked = Su contraseña está bloqueada, por haber superado el número de intentos fallidos o porque lo pidió con «No fui yo» en Mi Cl@ve. Puede establecer una nueva con su código de activación.
login-unsubscribed = Se dio de baja de Cl@ve Permanente. Para volver a usarlo debe realizar de nuevo el registro en Cl@ve en una oficina de registro.
login-not-activated = Su usuario de Cl@ve Permanente aún no está activado. Actívelo con el código de activación que recibió en el registro.
login-legacy = Se registró en la Seguridad Social antes de la llegada de Cl@ve y todavía no ha dado su consentimiento para usar sus datos en Cl@ve. Puede usarlos en los servicios de la Seguridad Social, donde se le ofrecerá incorporarse a Cl@ve.

## Código SMS

login-otp-title = Confirme con el código SMS
otp-resent = Le hemos enviado un código nuevo. El anterior ya no sirve.

## Contraseña caducada

login-renew-title = Su contraseña ha caducado
login-renew-caption = Renovar la contraseña caducada
login-renew-task = Elija una contraseña nueva
login-renew-intro = Las contraseñas de Cl@ve Permanente caducan a los 2 años. Para seguir, confirme su identidad con el código que le hemos enviado por SMS y elija una contraseña nueva.
login-renew-password-intro = Elija su nueva contraseña. Después continuará hacia «{ $client }».
login-renew-submit = Guardar y continuar
field-new-password = Nueva contraseña
field-new-password-hint = Debe cumplir las reglas indicadas arriba.
field-new-password-confirm = Repita la nueva contraseña
password-rules-title = Requisitos de la contraseña
password-rule-length = Al menos 8 caracteres (como máximo 128).
password-rule-groups = Si tiene menos de 16 caracteres, al menos tres de estos grupos: minúsculas, mayúsculas, números y caracteres especiales (¡!$?%&#@/\()=¿?*[];,:._<>+-).
password-rule-personal = No puede contener su nombre, sus apellidos ni su DNI/NIE, ni ser una contraseña muy común.
password-rule-length-name = Longitud
password-rule-groups-name = Tipos de caracteres
password-rule-met = Cumplido
password-rule-unmet = Aún no cumplido
password-confirm-mismatch = Las dos contraseñas no coinciden.
password-same-as-current = La nueva contraseña debe ser distinta de la actual.

## Cierre de sesión

logout-title = Cerrar sesión
logout-question = ¿Quiere cerrar su sesión de Cl@ve?
logout-question-client = El servicio «{ $client }» le pide que cierre la sesión de Cl@ve. ¿Quiere cerrarla?
logout-confirm = Cerrar sesión
logout-done-title = Sesión cerrada
logout-done-body = Ha cerrado su sesión de Cl@ve. Puede cerrar esta ventana.

## Errores de la solicitud

error-authorize-title = No se puede iniciar la identificación
error-authorize-detail = Detalle técnico para el servicio:
error-authorize-bad-request = La solicitud del servicio no es válida. Vuelva al servicio e inténtelo de nuevo.
error-authorize-no-client = La solicitud no indica qué servicio la envía. Vuelva al servicio e inténtelo de nuevo.
error-authorize-no-redirect = La solicitud no indica a dónde volver. Vuelva al servicio e inténtelo de nuevo.
error-authorize-unknown-client = El servicio que le ha enviado aquí no está dado de alta en Cl@ve.
error-authorize-bad-redirect = La dirección de retorno de la solicitud no está registrada para este servicio, así que no podemos llevarle de vuelta a él.
error-login-expired = Su identificación ha caducado o no es válida. Vuelva al servicio e inténtelo de nuevo.
error-logout-bad-request = La solicitud de cierre de sesión no es válida.
error-logout-bad-redirect = La dirección a la que volver tras cerrar la sesión no está registrada para este servicio.
