# Avisos de seguridad por correo electrónico (y por SMS): qué ha pasado en la cuenta,
# cuándo, desde qué navegador y qué hacer si no ha sido usted (src/notices/mod.rs).
# Un aviso no lleva nunca un código ni una contraseña. Los SMS no llevan enlaces.

## Partes comunes ($name: el nombre de pila)

notice-greeting = Hola, { $name }:
notice-when = Fecha y hora
notice-browser = Navegador
notice-browser-unknown = No se ha podido saber
notice-network = Red aproximada
notice-account = Revise su historial de accesos y sus sesiones abiertas en Mi Cl@ve
notice-footer = Este mensaje es automático: no lo responda. Cl@ve nunca le pedirá por correo electrónico su contraseña, su código de activación ni los códigos que recibe por SMS.
notice-action-forgot = Elegir una contraseña nueva
notice-action-office = Buscar una oficina de registro de Cl@ve
notice-action-new-code = Obtener un nuevo código de activación
notice-action-not-me = Entrar en Mi Cl@ve y pulsar «No fui yo»

## Usuario activado

notice-activation-subject = Cl@ve: ha activado su usuario
notice-activation-what = Se ha activado su usuario de Cl@ve Permanente y se ha elegido su primera contraseña.
notice-activation-if-you = Si ha sido usted, no tiene que hacer nada: ya puede identificarse en los servicios que aceptan Cl@ve.
notice-activation-if-not-you = Si no ha sido usted, alguien conoce su código de activación y ha recibido el código SMS de su móvil. Acuda cuanto antes a una oficina de registro con su DNI/NIE.

## Contraseña cambiada (conociendo la anterior, o al renovar una contraseña caducada)

notice-password-changed-subject = Cl@ve: se ha cambiado su contraseña
notice-password-changed-what = Se ha cambiado la contraseña de su usuario de Cl@ve Permanente. Las sesiones abiertas con la contraseña anterior se han cerrado.
notice-password-changed-if-you = Si ha sido usted, no tiene que hacer nada.
notice-password-changed-if-not-you = Si no ha sido usted, elija ahora una contraseña nueva con su código de activación y un código SMS: así nadie más podrá entrar.

## Contraseña restablecida con el código de activación

notice-password-reset-subject = Cl@ve: se ha establecido una contraseña nueva
notice-password-reset-what = Se ha establecido una contraseña nueva para su usuario de Cl@ve Permanente con su código de activación y un código SMS. Las sesiones abiertas con la contraseña anterior se han cerrado.
notice-password-reset-if-you = Si ha sido usted, no tiene que hacer nada.
notice-password-reset-if-not-you = Si no ha sido usted, alguien conoce su código de activación y ha recibido el código SMS de su móvil. Elija otra contraseña ahora y pida un código de activación nuevo en una oficina de registro.

## Contraseña bloqueada por intentos fallidos

notice-password-blocked-subject = Cl@ve: su contraseña se ha bloqueado
notice-password-blocked-what = Su contraseña de Cl@ve Permanente se ha bloqueado tras 5 intentos fallidos. Nadie ha entrado en su cuenta con ellos.
notice-password-blocked-if-you = Si ha sido usted, desbloquéela eligiendo una contraseña nueva con su código de activación y un código SMS.
notice-password-blocked-if-not-you = Si no ha sido usted, su cuenta sigue protegida: nadie puede entrar sin su contraseña. Cuando elija una nueva, revise en Mi Cl@ve los intentos que ha habido.

## Código de activación bloqueado por intentos fallidos

notice-code-blocked-subject = Cl@ve: su código de activación se ha bloqueado
notice-code-blocked-what = Su código de activación de Cl@ve Permanente se ha bloqueado tras varios intentos fallidos. Nadie ha entrado en su cuenta con ellos.
notice-code-blocked-if-you = Si ha sido usted, necesita un código de activación nuevo.
notice-code-blocked-if-not-you = Si no ha sido usted, su cuenta sigue protegida. Obtenga un código nuevo con su contraseña y un código SMS.
notice-code-blocked-if-not-you-pending = Como aún no ha activado su usuario, el código nuevo se lo dan en una oficina de registro; lleve su DNI/NIE en vigor.

## Acceso desde un navegador nuevo

notice-new-browser-subject = Cl@ve: nuevo acceso desde un navegador que no había usado
notice-new-browser-what = Alguien se ha identificado con su usuario de Cl@ve Permanente desde un navegador que no se había usado antes con esta cuenta.
notice-new-browser-if-you = Si ha sido usted, no tiene que hacer nada.
notice-new-browser-if-not-you = Si no ha sido usted, alguien conoce su contraseña. Entre en Mi Cl@ve y pulse «No fui yo»: se cerrarán todas sus sesiones y se bloqueará su contraseña hasta que elija una nueva.

## Baja

notice-unsubscribe-subject = Cl@ve: se ha dado de baja de Cl@ve Permanente
notice-unsubscribe-what = Su usuario de Cl@ve Permanente se ha dado de baja: ya no podrá identificarse con él y se han cerrado todas sus sesiones.
notice-unsubscribe-if-you = Si ha sido usted, no tiene que hacer nada. Si un día quiere volver, regístrese de nuevo en una oficina de registro.
notice-unsubscribe-if-not-you = Si no ha sido usted, alguien conocía su contraseña y ha recibido el código SMS de su móvil. Acuda a una oficina de registro con su DNI/NIE para darse de alta de nuevo.

## SMS de los avisos (solo si CLAVE_NOTICE_SMS lo pide; los de bloqueo están en otp.ftl)

sms-notice-activation = Cl@ve: se ha activado su usuario de Cl@ve Permanente. Si no ha sido usted, acuda a una oficina de registro.
sms-notice-password-changed = Cl@ve: se ha cambiado su contraseña. Si no ha sido usted, elija una nueva en «He olvidado mi contraseña o está bloqueada».
sms-notice-password-reset = Cl@ve: se ha establecido una contraseña nueva con su código de activación. Si no ha sido usted, elija otra en «He olvidado mi contraseña o está bloqueada».
sms-notice-new-browser = Cl@ve: se ha accedido a su cuenta desde un navegador nuevo. Si no ha sido usted, entre en Mi Cl@ve y pulse «No fui yo».
sms-notice-unsubscribe = Cl@ve: se ha dado de baja su usuario de Cl@ve Permanente. Si no ha sido usted, acuda a una oficina de registro.
