# Avisos de seguridad por correo electrónico (y por SMS): qué ha pasado en la cuenta,
# cuándo, desde qué navegador y qué hacer si no has sido tú (src/notices/mod.rs).
# Un aviso no lleva nunca un código ni una contraseña. Los SMS no llevan enlaces.

## Partes comunes ($name: el nombre de pila)

notice-greeting = Hola, { $name }:
notice-when = Fecha y hora
notice-browser = Navegador
notice-browser-unknown = No se ha podido saber
notice-network = Red aproximada
notice-account = Revisa tu historial de accesos y tus sesiones abiertas en Mi Cl@ve
notice-footer = Este mensaje es automático: no lo respondas. Cl@ve nunca te pedirá por correo electrónico tu contraseña, tu código de activación ni los códigos que recibes por SMS.
notice-action-forgot = Elegir una contraseña nueva
notice-action-office = Buscar una oficina de registro de Cl@ve
notice-action-new-code = Obtener un nuevo código de activación
notice-action-not-me = Entrar en Mi Cl@ve y pulsar «No fui yo»

## Usuario activado

notice-activation-subject = Cl@ve: has activado tu usuario
notice-activation-what = Se ha activado tu usuario de Cl@ve Permanente y se ha elegido su primera contraseña.
notice-activation-if-you = Si has sido tú, no tienes que hacer nada: ya puedes identificarte en los servicios que aceptan Cl@ve.
notice-activation-if-not-you = Si no has sido tú, alguien conoce tu código de activación y ha recibido el código SMS de tu móvil. Acude cuanto antes a una oficina de registro con tu DNI/NIE.

## Contraseña cambiada (conociendo la anterior, o al renovar una contraseña caducada)

notice-password-changed-subject = Cl@ve: se ha cambiado tu contraseña
notice-password-changed-what = Se ha cambiado la contraseña de tu usuario de Cl@ve Permanente. Las sesiones abiertas con la contraseña anterior se han cerrado.
notice-password-changed-if-you = Si has sido tú, no tienes que hacer nada.
notice-password-changed-if-not-you = Si no has sido tú, elige ahora una contraseña nueva con tu código de activación y un código SMS: así nadie más podrá entrar.

## Contraseña restablecida con el código de activación

notice-password-reset-subject = Cl@ve: se ha establecido una contraseña nueva
notice-password-reset-what = Se ha establecido una contraseña nueva para tu usuario de Cl@ve Permanente con tu código de activación y un código SMS. Las sesiones abiertas con la contraseña anterior se han cerrado.
notice-password-reset-if-you = Si has sido tú, no tienes que hacer nada.
notice-password-reset-if-not-you = Si no has sido tú, alguien conoce tu código de activación y ha recibido el código SMS de tu móvil. Elige otra contraseña ahora y pide un código de activación nuevo en una oficina de registro.

## Contraseña bloqueada por intentos fallidos

notice-password-blocked-subject = Cl@ve: tu contraseña se ha bloqueado
notice-password-blocked-what = Tu contraseña de Cl@ve Permanente se ha bloqueado tras 5 intentos fallidos. Nadie ha entrado en tu cuenta con ellos.
notice-password-blocked-if-you = Si has sido tú, desbloquéala eligiendo una contraseña nueva con tu código de activación y un código SMS.
notice-password-blocked-if-not-you = Si no has sido tú, tu cuenta sigue protegida: nadie puede entrar sin tu contraseña. Cuando elijas una nueva, revisa en Mi Cl@ve los intentos que ha habido.

## Código de activación bloqueado por intentos fallidos

notice-code-blocked-subject = Cl@ve: tu código de activación se ha bloqueado
notice-code-blocked-what = Tu código de activación de Cl@ve Permanente se ha bloqueado tras varios intentos fallidos. Nadie ha entrado en tu cuenta con ellos.
notice-code-blocked-if-you = Si has sido tú, necesitas un código de activación nuevo.
notice-code-blocked-if-not-you = Si no has sido tú, tu cuenta sigue protegida. Obtén un código nuevo con tu contraseña y un código SMS.
notice-code-blocked-if-not-you-pending = Como aún no has activado tu usuario, el código nuevo te lo dan en una oficina de registro; lleva tu DNI/NIE en vigor.

## Acceso desde un navegador nuevo

notice-new-browser-subject = Cl@ve: nuevo acceso desde un navegador que no habías usado
notice-new-browser-what = Alguien se ha identificado con tu usuario de Cl@ve Permanente desde un navegador que no habías usado antes con esta cuenta.
notice-new-browser-if-you = Si has sido tú, no tienes que hacer nada.
notice-new-browser-if-not-you = Si no has sido tú, alguien conoce tu contraseña. Entra en Mi Cl@ve y pulsa «No fui yo»: se cerrarán todas tus sesiones y se bloqueará tu contraseña hasta que elijas una nueva.

## Baja

notice-unsubscribe-subject = Cl@ve: te has dado de baja de Cl@ve Permanente
notice-unsubscribe-what = Tu usuario de Cl@ve Permanente se ha dado de baja: ya no podrás identificarte con él y se han cerrado todas tus sesiones.
notice-unsubscribe-if-you = Si has sido tú, no tienes que hacer nada. Si un día quieres volver, regístrate de nuevo en una oficina de registro.
notice-unsubscribe-if-not-you = Si no has sido tú, alguien conocía tu contraseña y ha recibido el código SMS de tu móvil. Acude a una oficina de registro con tu DNI/NIE para darte de alta de nuevo.

## SMS de los avisos (solo si CLAVE_NOTICE_SMS lo pide; los de bloqueo están en otp.ftl)

sms-notice-activation = Cl@ve: se ha activado su usuario de Cl@ve Permanente. Si no ha sido usted, acuda a una oficina de registro.
sms-notice-password-changed = Cl@ve: se ha cambiado su contraseña. Si no ha sido usted, elija una nueva en «He olvidado mi contraseña o está bloqueada».
sms-notice-password-reset = Cl@ve: se ha establecido una contraseña nueva con su código de activación. Si no ha sido usted, elija otra en «He olvidado mi contraseña o está bloqueada».
sms-notice-new-browser = Cl@ve: se ha accedido a su cuenta desde un navegador nuevo. Si no ha sido usted, entre en Mi Cl@ve y pulse «No fui yo».
sms-notice-unsubscribe = Cl@ve: se ha dado de baja su usuario de Cl@ve Permanente. Si no ha sido usted, acuda a una oficina de registro.
