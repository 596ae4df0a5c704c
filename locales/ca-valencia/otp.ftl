# Codis d'un sol ús (OTP) per SMS: el text de l'SMS i la pàgina on s'escriu el codi.
# Els SMS diuen per a què servix el codi i quant dura, i res més: ni el DNI/NIE, ni el
# nom, ni enllaços.

## SMS ($code: les 6 xifres; $minutes: minuts de validesa)

sms-otp-login = Cl@ve: el seu codi per a iniciar la sessió és { $code }. Caduca d'ací a { $minutes ->
        [one] { $minutes } minut
       *[other] { $minutes } minuts
    }. No el compartisca amb ningú.
sms-otp-challenge = Cl@ve: el seu codi per a continuar és { $code }. Caduca d'ací a { $minutes ->
        [one] { $minutes } minut
       *[other] { $minutes } minuts
    }. No el compartisca amb ningú.
sms-otp-activation = Cl@ve: el seu codi per a activar l'usuari és { $code }. Caduca d'ací a { $minutes ->
        [one] { $minutes } minut
       *[other] { $minutes } minuts
    }. No el compartisca amb ningú.
sms-otp-password-reset = Cl@ve: el seu codi per a restablir la contrasenya és { $code }. Caduca d'ací a { $minutes ->
        [one] { $minutes } minut
       *[other] { $minutes } minuts
    }. No el compartisca amb ningú.
sms-otp-password-change = Cl@ve: el seu codi per a canviar la contrasenya és { $code }. Caduca d'ací a { $minutes ->
        [one] { $minutes } minut
       *[other] { $minutes } minuts
    }. No el compartisca amb ningú.
sms-otp-unsubscribe = Cl@ve: el seu codi per a donar-se de baixa de Cl@ve Permanente és { $code }. Caduca d'ací a { $minutes ->
        [one] { $minutes } minut
       *[other] { $minutes } minuts
    }. No el compartisca amb ningú.
sms-otp-code-regeneration = Cl@ve: el seu codi per a obtindre un codi d'activació nou és { $code }. Caduca d'ací a { $minutes ->
        [one] { $minutes } minut
       *[other] { $minutes } minuts
    }. No el compartisca amb ningú.
sms-otp-expired-password-renewal = Cl@ve: el seu codi per a renovar la contrasenya caducada és { $code }. Caduca d'ací a { $minutes ->
        [one] { $minutes } minut
       *[other] { $minutes } minuts
    }. No el compartisca amb ningú.

## Pàgina del codi

otp-title = Codi de verificació
otp-sent = Li hem enviat un SMS amb un codi de 6 xifres al telèfon mòbil registrat.
otp-validity = El codi caduca d'ací a { $minutes ->
        [one] { $minutes } minut
       *[other] { $minutes } minuts
    } i només es pot utilitzar una vegada.
otp-label = Codi rebut per SMS
otp-hint = 6 xifres, sense espais ni lletres.
otp-submit = Continuar
otp-resend = Enviar un codi nou
otp-resend-wait = disponible d'ací a { $seconds } s
otp-resend-ready = Ja pot demanar un codi nou.

## Resultats

otp-wrong = El codi no és correcte. { $tries ->
        [one] Li queda { $tries } intent.
       *[other] Li queden { $tries } intents.
    }
otp-malformed = El codi té 6 xifres. Revise el que ha escrit.
otp-expired = El codi ha caducat. Sol·licite'n un de nou.
otp-too-many-tries = Ha introduït massa codis incorrectes. Sol·licite'n un de nou.
otp-no-code = No hi ha cap codi pendent o ja s'ha utilitzat. Sol·licite'n un de nou.
otp-cooling-down = Podrà sol·licitar un codi nou d'ací a { $seconds ->
        [one] { $seconds } segon
       *[other] { $seconds } segons
    }.
otp-hourly-limit = Ha sol·licitat el nombre màxim de codis en una hora. En podrà sol·licitar un altre d'ací a { $minutes ->
        [one] { $minutes } minut
       *[other] { $minutes } minuts
    }.
otp-sms-unavailable = No hem pogut enviar l'SMS. Torne-ho a intentar més tard.

## Si no arriba l'SMS

otp-help-title = No li arriba l'SMS?
otp-help-more = Més ajuda si no li arriba l'SMS
otp-help-multisim = Si utilitza una targeta multiSIM, els SMS s'envien al número principal i no al secundari. Comprove que el seu terminal mòbil està registrat amb el número correcte.
otp-help-operator = Assegure's que el seu operador no té restringit l'enviament o la recepció d'SMS de números especials.
otp-help-other-phone = El problema pot estar en la configuració del seu terminal mòbil. Prove de posar la targeta SIM en un altre telèfon: en el 90 % dels casos, en provar-ho en un altre telèfon es reben tots els SMS pendents de lliurament.

# L'avís que s'envia quan els intents fallits bloquegen la contrasenya (com a màxim un al dia).
sms-notice-password-blocked = Cl@ve: la seua contrasenya s'ha bloquejat per 5 intents fallits. Si no ha sigut vosté, ningú no ha entrat: desbloquege-la en «He oblidat la meua contrasenya» amb el codi d'activació.
# L'avís que s'envia quan els intents fallits bloquegen el codi d'activació (amb el mateix límit diari).
sms-notice-code-blocked = Cl@ve: el seu codi d'activació s'ha bloquejat per diversos intents fallits. Si no ha sigut vosté, el seu compte continua segur: obtinga'n un de nou en «Obtindre un codi d'activació nou» amb la contrasenya.
