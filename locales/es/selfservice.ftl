# Gestión de la cuenta por el ciudadano: activación, contraseña olvidada o
# bloqueada, cambio de contraseña, baja y regeneración del código de activación.

## Comunes

selfservice-continue = Continuar
selfservice-save-password = Guardar la contraseña
selfservice-expired = Esta gestión ha caducado o no es válida. Vuelve a empezar desde el principio.
selfservice-already-done-title = Esta gestión ya está hecha
selfservice-continue-to = Continuar a «{ $client }»

## Lo que pide cada paso (el <h1>; el nombre de la gestión va encima, docs/style.md)

selfservice-task-registration-data = Escribe tus datos del registro
selfservice-task-identify = Identifícate con tu DNI/NIE y tu contraseña
selfservice-task-code = Escribe el código que te hemos enviado por SMS
selfservice-task-first-password = Elige tu contraseña
selfservice-task-new-password = Elige tu nueva contraseña
selfservice-code-blocked = Tu código de activación está bloqueado por haberse introducido mal más de 5 veces. Para obtener uno nuevo debes realizar de nuevo el registro en Cl@ve o regenerar el código de activación.
selfservice-code-blocked-pending = Tu código de activación está bloqueado por haberse introducido mal más de 5 veces. Como aún no has activado tu usuario, el código nuevo te lo dan en una oficina de registro de Cl@ve: lleva tu DNI/NIE en vigor.
selfservice-legacy = Te registraste en la Seguridad Social antes de la llegada de Cl@ve. Para usar estas gestiones debes incorporarte antes a Cl@ve: se te ofrecerá al identificarte en un servicio de la Seguridad Social.
selfservice-unsubscribed = Te diste de baja de Cl@ve Permanente. Para volver a usarlo debes realizar de nuevo el registro en Cl@ve.
selfservice-code-block-warning = Si introduces mal el código de activación más de 5 veces, se bloqueará y necesitarás uno nuevo.
field-email = Correo electrónico
field-email-hint = El que diste en el registro.
field-activation-code = Código de activación
field-activation-code-hint = El que te dieron en el registro, por ejemplo ABCD-EFGH-JKMN-PQRS. Da igual si lo escribes en mayúsculas o minúsculas, con o sin guiones.

## Activación

activation-title = Activar tu usuario de Cl@ve Permanente
activation-intro = Escribe tu DNI/NIE, el correo electrónico que diste al registrarte y el código de activación que te entregaron en la oficina de registro. Después te enviaremos un SMS al móvil que registraste.
activation-mismatch = Los datos no coinciden con los del registro. Revisa el DNI/NIE, el correo electrónico y el código de activación.
activation-already-active = Tu usuario ya está activado. Si no recuerdas la contraseña, usa «He olvidado mi contraseña».
activation-password-intro = Elige la contraseña con la que accederás a partir de ahora.
activation-done-title = Usuario activado
activation-done = Tu usuario de Cl@ve Permanente está activado.
activation-services = Desde ahora puedes identificarte con tu DNI/NIE y tu contraseña en los servicios electrónicos que admiten Cl@ve, por ejemplo:
activation-service-tax = la sede electrónica de la Agencia Tributaria,
activation-service-social-security = el portal Tu Seguridad Social,
activation-service-other = y las sedes electrónicas de otras Administraciones Públicas.
activation-keep-code = Guarda tu código de activación: lo necesitarás si olvidas la contraseña.

## Contraseña olvidada o bloqueada

reset-title = Establecer una nueva contraseña
reset-intro = Si has olvidado tu contraseña o está bloqueada, puedes establecer una nueva con tu código de activación. Te enviaremos un SMS al móvil que registraste.
reset-mismatch = Los datos no son correctos. Revisa el DNI/NIE y el código de activación.
reset-not-activated = Tu usuario aún no está activado: actívalo primero con tu código de activación.
reset-password-intro = Elige tu nueva contraseña. Si estaba bloqueada, quedará desbloqueada.
reset-done-title = Contraseña cambiada
reset-done = Tu nueva contraseña ya está activa y tu usuario desbloqueado. Las sesiones abiertas con la contraseña anterior se han cerrado.

## Cambio de contraseña

change-title = Cambiar la contraseña
change-intro = Identifícate con tu DNI/NIE y tu contraseña actual. Te enviaremos un SMS para confirmar el cambio.
change-password-intro = Elige tu nueva contraseña. Debe ser distinta de la actual.
change-done-title = Contraseña cambiada
change-done = Tu nueva contraseña ya está activa y será válida durante 2 años. Las demás sesiones abiertas se han cerrado.

## Baja

unsubscribe-title = Darte de baja de Cl@ve Permanente
unsubscribe-intro = Identifícate con tu DNI/NIE y tu contraseña. Te enviaremos un SMS para confirmar la baja.
unsubscribe-confirm-intro = Antes de confirmar, ten en cuenta lo que significa darte de baja:
unsubscribe-task-confirm = Confirma que quieres darte de baja
unsubscribe-consequence-logins = Ya no podrás identificarte con Cl@ve Permanente en ningún servicio.
unsubscribe-consequence-sessions = Se cerrarán todas tus sesiones abiertas en los portales.
unsubscribe-consequence-reopen = Si más adelante quieres volver a usarlo, tendrás que realizar de nuevo el registro en Cl@ve.
unsubscribe-confirm-button = Confirmar la baja
unsubscribe-keep = No, quiero mantener mi usuario
unsubscribe-done-title = Baja realizada
unsubscribe-done = Te has dado de baja de Cl@ve Permanente. Para volver a usarlo debes realizar de nuevo el registro en Cl@ve.

## Regeneración del código de activación

regenerate-title = Obtener un nuevo código de activación
regenerate-intro = Identifícate con tu DNI/NIE y tu contraseña. Te enviaremos un SMS y, al confirmarlo, verás tu nuevo código de activación.
regenerate-done-title = Nuevo código de activación
regenerate-done = Este es tu nuevo código de activación. El anterior ya no sirve.
regenerate-already-done = Ya se ha generado tu nuevo código de activación. Por seguridad solo se muestra una vez; si no lo anotaste, obtén otro.
regenerate-keep = Anótalo y guárdalo en un lugar seguro: solo se muestra esta vez y lo necesitarás si olvidas la contraseña.
