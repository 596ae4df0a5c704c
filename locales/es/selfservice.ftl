# Gestión de la cuenta por el ciudadano: activación, contraseña olvidada o
# bloqueada, cambio de contraseña, baja y regeneración del código de activación.

## Comunes

selfservice-continue = Continuar
selfservice-save-password = Guardar la contraseña
selfservice-expired = Esta gestión ha caducado o no es válida. Vuelva a empezar desde el principio.
selfservice-already-done-title = Esta gestión ya está hecha
selfservice-continue-to = Continuar a «{ $client }»

## Lo que pide cada paso (el <h1>; el nombre de la gestión va encima, docs/style.md)

selfservice-task-registration-data = Escriba sus datos del registro
selfservice-task-identify = Identifíquese con su DNI/NIE y su contraseña
selfservice-task-code = Escriba el código que le hemos enviado por SMS
selfservice-task-first-password = Elija su contraseña
selfservice-task-new-password = Elija su nueva contraseña
selfservice-code-blocked = Su código de activación está bloqueado por haberse introducido mal más de 5 veces. Para obtener uno nuevo debe realizar de nuevo el registro en Cl@ve o regenerar el código de activación.
selfservice-code-blocked-pending = Su código de activación está bloqueado por haberse introducido mal más de 5 veces. Como aún no ha activado su usuario, el código nuevo se lo dan en una oficina de registro de Cl@ve: lleve su DNI/NIE en vigor.
selfservice-legacy = Se registró en la Seguridad Social antes de la llegada de Cl@ve. Para usar estas gestiones debe incorporarse antes a Cl@ve: se le ofrecerá al identificarse en un servicio de la Seguridad Social.
selfservice-unsubscribed = Se dio de baja de Cl@ve Permanente. Para volver a usarlo debe realizar de nuevo el registro en Cl@ve.
selfservice-code-block-warning = Si se equivoca más de 5 veces al escribir el código de activación, se bloqueará y necesitará uno nuevo.
field-email = Correo electrónico
field-email-hint = El que dio en el registro.
field-activation-code = Código de activación
field-activation-code-hint = El que le dieron en el registro, por ejemplo ABCD-EFGH-JKMN-PQRS. Puede escribirlo en mayúsculas o minúsculas, con o sin guiones.

## Activación

activation-title = Activar su usuario de Cl@ve Permanente
activation-intro = Escriba su DNI/NIE, el correo electrónico que dio al registrarse y el código de activación que le entregaron en la oficina de registro. Después le enviaremos un SMS al móvil que registró.
activation-mismatch = Los datos no coinciden con los del registro. Revise el DNI/NIE, el correo electrónico y el código de activación.
activation-already-active = Su usuario ya está activado. Si no recuerda la contraseña, use «He olvidado mi contraseña».
activation-password-intro = Elija la contraseña con la que accederá a partir de ahora.
activation-done-title = Usuario activado
activation-done = Su usuario de Cl@ve Permanente está activado.
activation-services = Desde ahora puede identificarse con su DNI/NIE y su contraseña en los servicios electrónicos que admiten Cl@ve, por ejemplo:
activation-service-tax = la sede electrónica de la Agencia Tributaria,
activation-service-social-security = el portal «Tu Seguridad Social»,
activation-service-other = y las sedes electrónicas de otras Administraciones Públicas.
activation-keep-code = Guarde su código de activación: lo necesitará si olvida la contraseña.

## Contraseña olvidada o bloqueada

reset-title = Establecer una nueva contraseña
reset-intro = Si ha olvidado su contraseña o está bloqueada, puede establecer una nueva con su código de activación. Le enviaremos un SMS al móvil que registró.
reset-mismatch = Los datos no son correctos. Revise el DNI/NIE y el código de activación.
reset-not-activated = Su usuario aún no está activado: actívelo primero con su código de activación.
reset-password-intro = Elija su nueva contraseña. Si estaba bloqueada, quedará desbloqueada.
reset-done-title = Contraseña cambiada
reset-done = Su nueva contraseña ya está activa y su usuario desbloqueado. Las sesiones abiertas con la contraseña anterior se han cerrado.

## Cambio de contraseña

change-title = Cambiar la contraseña
change-intro = Identifíquese con su DNI/NIE y su contraseña actual. Le enviaremos un SMS para confirmar el cambio.
change-password-intro = Elija su nueva contraseña. Debe ser distinta de la actual.
change-done-title = Contraseña cambiada
change-done = Su nueva contraseña ya está activa y será válida durante 2 años. Las demás sesiones abiertas se han cerrado.

## Baja

unsubscribe-title = Darse de baja de Cl@ve Permanente
unsubscribe-intro = Identifíquese con su DNI/NIE y su contraseña. Le enviaremos un SMS para confirmar la baja.
unsubscribe-confirm-intro = Antes de confirmar, tenga en cuenta lo que significa darse de baja:
unsubscribe-task-confirm = Confirme que quiere darse de baja
unsubscribe-consequence-logins = Ya no podrá identificarse con Cl@ve Permanente en ningún servicio.
unsubscribe-consequence-sessions = Se cerrarán todas sus sesiones abiertas en los servicios.
unsubscribe-consequence-reopen = Si más adelante quiere volver a usarlo, tendrá que realizar de nuevo el registro en Cl@ve.
unsubscribe-confirm-button = Confirmar la baja
unsubscribe-keep = No, quiero mantener mi usuario
unsubscribe-done-title = Baja realizada
unsubscribe-done = Se ha dado de baja de Cl@ve Permanente. Para volver a usarlo debe realizar de nuevo el registro en Cl@ve.

## Regeneración del código de activación

regenerate-title = Obtener un nuevo código de activación
regenerate-intro = Identifíquese con su DNI/NIE y su contraseña. Le enviaremos un SMS y, al confirmarlo, verá su nuevo código de activación.
regenerate-done-title = Nuevo código de activación
regenerate-done = Este es su nuevo código de activación. El anterior ya no sirve.
regenerate-already-done = Ya se ha generado su nuevo código de activación. Por seguridad solo se muestra una vez; si no lo anotó, obtenga otro.
regenerate-keep = Anótelo y guárdelo en un lugar seguro: solo se muestra esta vez y lo necesitará si olvida la contraseña.
