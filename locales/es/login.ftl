# Pantallas de Cl@ve entre la solicitud del portal y su respuesta: selección de
# método, Cl@ve Permanente, código SMS, renovación de contraseña caducada, cierre de
# sesión y errores de la solicitud de autorización.

## Selección de método

login-method-title = Identifícate con Cl@ve
login-method-intro = El servicio «{ $client }» te pide que te identifiques. Elige cómo quieres hacerlo.
login-method-legend = Método de identificación
login-method-permanente = Cl@ve Permanente
login-method-permanente-hint = Con tu DNI/NIE y tu contraseña. Si el servicio lo requiere, también con un código que recibirás por SMS.
login-method-required = Elige un método de identificación.
login-continue = Continuar
login-cancel = Cancelar y volver a «{ $client }»
login-no-account = ¿Aún no tienes Cl@ve Permanente? Activa tu usuario

## Cl@ve Permanente

login-password-title = Cl@ve Permanente
login-password-task = Escribe tu DNI/NIE y tu contraseña
login-password-intro = Escribe tu DNI/NIE y tu contraseña para acceder a «{ $client }».
field-username = DNI/NIE
field-username-hint = Por ejemplo, 12345678Z o X1234567L.
field-password = Contraseña
login-submit = Acceder
login-password-required = Escribe tu contraseña.
login-wrong-credentials = El DNI/NIE o la contraseña no son correctos. Si aún no has activado tu usuario, actívalo primero.
login-block-warning = Tras 5 intentos fallidos seguidos la contraseña se bloquea. Podrás establecer una nueva con tu código de activación en «He olvidado mi contraseña».
login-forgot-password = He olvidado mi contraseña o está bloqueada
login-activate = Activar mi usuario de Cl@ve Permanente
login-help = Ayuda

## Estado de la cuenta

login-account-status-title = No puedes acceder con esta cuenta
login-blocked = Tu contraseña está bloqueada, por haber superado el número de intentos fallidos o porque lo pediste con «No fui yo» en Mi Cl@ve. Puedes establecer una nueva con tu código de activación.
login-unsubscribed = Te diste de baja de Cl@ve Permanente. Para volver a usarlo debes realizar de nuevo el registro en Cl@ve en una oficina de registro.
login-not-activated = Tu usuario de Cl@ve Permanente aún no está activado. Actívalo con el código de activación que recibiste en el registro.
login-legacy = Te registraste en la Seguridad Social antes de la llegada de Cl@ve y todavía no has dado tu consentimiento para usar tus datos en Cl@ve. Puedes usarlos en los servicios de la Seguridad Social, donde se te ofrecerá incorporarte a Cl@ve.

## Código SMS

login-otp-title = Confirma con el código SMS
otp-resent = Te hemos enviado un código nuevo. El anterior ya no sirve.

## Contraseña caducada

login-renew-title = Tu contraseña ha caducado
login-renew-caption = Renovar la contraseña caducada
login-renew-task = Elige una contraseña nueva
login-renew-intro = Las contraseñas de Cl@ve Permanente caducan a los 2 años. Para seguir, confirma tu identidad con el código que te hemos enviado por SMS y elige una contraseña nueva.
login-renew-password-intro = Elige tu nueva contraseña. Después continuarás hacia «{ $client }».
login-renew-submit = Guardar y continuar
field-new-password = Nueva contraseña
field-new-password-hint = Debe cumplir las reglas indicadas arriba.
field-new-password-confirm = Repite la nueva contraseña
password-rules-title = Requisitos de la contraseña
password-rule-length = Al menos 8 caracteres (como máximo 128).
password-rule-groups = Si tiene menos de 16 caracteres, al menos tres de estos grupos: minúsculas, mayúsculas, números y caracteres especiales (¡!$?%&#@/\()=¿?*[];,:._<>+-).
password-rule-personal = No puede contener tu nombre, tus apellidos ni tu DNI/NIE, ni ser una contraseña muy común.
password-rule-length-name = Longitud
password-rule-groups-name = Tipos de caracteres
password-rule-met = Cumplido
password-rule-unmet = Aún no cumplido
password-confirm-mismatch = Las dos contraseñas no coinciden.
password-same-as-current = La nueva contraseña debe ser distinta de la actual.

## Cierre de sesión

logout-title = Cerrar sesión
logout-question = ¿Quieres cerrar tu sesión de Cl@ve?
logout-question-client = El servicio «{ $client }» te pide cerrar tu sesión de Cl@ve. ¿Quieres cerrarla?
logout-confirm = Cerrar sesión
logout-done-title = Sesión cerrada
logout-done-body = Has cerrado tu sesión de Cl@ve. Puedes cerrar esta ventana.

## Errores de la solicitud

error-authorize-title = No se puede iniciar la identificación
error-authorize-detail = Detalle técnico para el portal:
error-authorize-bad-request = La solicitud del portal no es válida. Vuelve al portal e inténtalo de nuevo.
error-authorize-no-client = La solicitud no indica qué portal la envía. Vuelve al portal e inténtalo de nuevo.
error-authorize-no-redirect = La solicitud no indica a dónde volver. Vuelve al portal e inténtalo de nuevo.
error-authorize-unknown-client = El portal que te ha enviado aquí no está dado de alta en Cl@ve.
error-authorize-bad-redirect = La dirección de retorno de la solicitud no está registrada para este portal, así que no podemos devolverte a él.
error-login-expired = Tu identificación ha caducado o no es válida. Vuelve al portal e inténtalo de nuevo.
error-logout-bad-request = La solicitud de cierre de sesión no es válida.
error-logout-bad-redirect = La dirección a la que volver tras cerrar la sesión no está registrada para este portal.
