# Códigos dun só uso (OTP) por SMS: o texto do SMS e a páxina onde se teclea.
# Os SMS din para que é o código e canto dura, e nada máis: nin o DNI/NIE, nin o
# nome, nin ligazóns.

## SMS ($code: as 6 cifras; $minutes: minutos de validez)

sms-otp-login = Cl@ve: o seu código para iniciar sesión é { $code }. Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. Non o comparta con ninguén.
sms-otp-challenge = Cl@ve: o seu código para continuar é { $code }. Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. Non o comparta con ninguén.
sms-otp-activation = Cl@ve: o seu código para activar o usuario é { $code }. Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. Non o comparta con ninguén.
sms-otp-password-reset = Cl@ve: o seu código para restablecer o contrasinal é { $code }. Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. Non o comparta con ninguén.
sms-otp-password-change = Cl@ve: o seu código para cambiar o contrasinal é { $code }. Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. Non o comparta con ninguén.
sms-otp-unsubscribe = Cl@ve: o seu código para darse de baixa en Cl@ve Permanente é { $code }. Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. Non o comparta con ninguén.
sms-otp-code-regeneration = Cl@ve: o seu código para obter un novo código de activación é { $code }. Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. Non o comparta con ninguén.
sms-otp-expired-password-renewal = Cl@ve: o seu código para renovar o contrasinal caducado é { $code }. Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. Non o comparta con ninguén.

## Páxina do código

otp-title = Código de verificación
otp-sent = Enviámoslle un SMS cun código de 6 cifras ao seu teléfono móbil rexistrado.
otp-validity = O código caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    } e só se pode usar unha vez.
otp-label = Código recibido por SMS
otp-hint = 6 cifras, sen espazos nin letras.
otp-submit = Continuar
otp-resend = Enviar un código novo
otp-resend-wait = dispoñible en { $seconds } s
otp-resend-ready = Xa pode pedir un código novo.

## Resultados

otp-wrong = O código non é correcto. { $tries ->
        [one] Quédalle { $tries } intento.
       *[other] Quédanlle { $tries } intentos.
    }
otp-malformed = O código ten 6 cifras. Revise o que escribiu.
otp-expired = O código caducou. Solicite un novo.
otp-too-many-tries = Introduciu demasiados códigos incorrectos. Solicite un novo.
otp-no-code = Non hai ningún código pendente ou xa se usou. Solicite un novo.
otp-cooling-down = Poderá solicitar un código novo dentro de { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }.
otp-hourly-limit = Solicitou o número máximo de códigos nunha hora. Poderá solicitar outro dentro de { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }.
otp-sms-unavailable = Non puidemos enviar o SMS. Inténteo de novo máis tarde.

## Se non chega o SMS

otp-help-title = Non lle chega o SMS?
otp-help-more = Máis axuda se non lle chega o SMS
otp-help-multisim = Se usa unha tarxeta multiSIM, os SMS envíanse ao número principal e non ao secundario. Comprobe que o seu terminal móbil está rexistrado co número correcto.
otp-help-operator = Asegúrese de que o seu operador non ten restrinxido o envío ou a recepción de SMS de números especiais.
otp-help-other-phone = O problema pode estar na configuración do seu terminal móbil. Probe a inserir a súa tarxeta SIM noutro teléfono: no 90 % dos casos, ao probar noutro teléfono recíbense todos os SMS pendentes de entrega.

# O aviso que se envía cando os intentos fallidos bloquean o contrasinal (como moito, un ao día).
sms-notice-password-blocked = Cl@ve: o seu contrasinal bloqueouse tras 5 intentos fallidos. Se non foi vostede, ninguén entrou: desbloquéeo en «Esquecín o meu contrasinal» co seu código de activación.
# O aviso que se envía cando os intentos fallidos bloquean o código de activación (co mesmo límite diario).
sms-notice-code-blocked = Cl@ve: o seu código de activación bloqueouse tras varios intentos fallidos. Se non foi vostede, a súa conta segue a salvo: obteña un novo en «Obter un novo código de activación» co seu contrasinal.
