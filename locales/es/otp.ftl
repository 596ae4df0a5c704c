# Códigos de un solo uso (OTP) por SMS: el texto del SMS y la página donde se teclea.
# Los SMS dicen para qué es el código y cuánto dura, y nada más: ni el DNI/NIE, ni el
# nombre, ni enlaces.

## SMS ($code: las 6 cifras; $minutes: minutos de validez)

sms-otp-login = Cl@ve: su código para iniciar sesión es { $code }. Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. No lo comparta con nadie.
sms-otp-challenge = Cl@ve: su código para continuar es { $code }. Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. No lo comparta con nadie.
sms-otp-activation = Cl@ve: su código para activar su usuario es { $code }. Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. No lo comparta con nadie.
sms-otp-password-reset = Cl@ve: su código para restablecer su contraseña es { $code }. Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. No lo comparta con nadie.
sms-otp-password-change = Cl@ve: su código para cambiar su contraseña es { $code }. Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. No lo comparta con nadie.
sms-otp-unsubscribe = Cl@ve: su código para darse de baja en Cl@ve Permanente es { $code }. Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. No lo comparta con nadie.
sms-otp-code-regeneration = Cl@ve: su código para obtener un nuevo código de activación es { $code }. Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. No lo comparta con nadie.
sms-otp-expired-password-renewal = Cl@ve: su código para renovar su contraseña caducada es { $code }. Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. No lo comparta con nadie.

## Página del código

otp-title = Código de verificación
otp-sent = Le hemos enviado un SMS con un código de 6 cifras a su teléfono móvil registrado.
otp-validity = El código caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    } y solo puede usarse una vez.
otp-label = Código recibido por SMS
otp-hint = 6 cifras, sin espacios ni letras.
otp-submit = Continuar
otp-resend = Enviar un código nuevo
otp-resend-wait = disponible en { $seconds } s
otp-resend-ready = Ya puede pedir un código nuevo.

## Resultados

otp-wrong = El código no es correcto. { $tries ->
        [one] Le queda { $tries } intento.
       *[other] Le quedan { $tries } intentos.
    }
otp-malformed = El código tiene 6 cifras. Revise lo que ha escrito.
otp-expired = El código ha caducado. Solicite uno nuevo.
otp-too-many-tries = Ha introducido demasiados códigos incorrectos. Solicite uno nuevo.
otp-no-code = No hay ningún código pendiente o ya se ha usado. Solicite uno nuevo.
otp-cooling-down = Podrá solicitar un código nuevo dentro de { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }.
otp-hourly-limit = Ha solicitado el número máximo de códigos en una hora. Podrá solicitar otro dentro de { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }.
otp-sms-unavailable = No hemos podido enviar el SMS. Inténtelo de nuevo más tarde.

## Si no llega el SMS

otp-help-title = ¿No le llega el SMS?
otp-help-more = Más ayuda si no le llega el SMS
otp-help-multisim = Si utiliza una tarjeta multiSIM, los SMS se envían al número principal y no al secundario. Compruebe que su terminal móvil está registrado con el número correcto.
otp-help-operator = Asegúrese de que su operador no tiene restringido el envío o la recepción de SMS de números especiales.
otp-help-other-phone = El problema puede estar en la configuración de su terminal móvil. Pruebe a insertar su tarjeta SIM en otro teléfono: en el 90 % de los casos, al probar en otro teléfono se reciben todos los SMS pendientes de entrega.

# The notice sent when failed attempts block the password (at most one a day).
sms-notice-password-blocked = Cl@ve: su contraseña se ha bloqueado tras 5 intentos fallidos. Si no ha sido usted, nadie ha entrado: desbloquéela en «He olvidado mi contraseña» con su código de activación.
# The notice sent when failed attempts block the activation code (the same daily cap).
sms-notice-code-blocked = Cl@ve: su código de activación se ha bloqueado tras varios intentos fallidos. Si no ha sido usted, su cuenta sigue a salvo: obtenga uno nuevo en «Obtener un nuevo código de activación» con su contraseña.
