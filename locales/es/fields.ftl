# Mensajes de error de los campos de formulario: uno por regla del dominio
# (src/domain/*). Las claves las da `crate::web::MessageKey`.

## DNI/NIE

document-id-empty = Escriba su DNI/NIE.
document-id-too-long = El DNI/NIE tiene 9 caracteres, como 12345678Z o X1234567L.
document-id-bad-format = Escriba un DNI (8 números y una letra, como 12345678Z) o un NIE (X, Y o Z, 7 números y una letra, como X1234567L).
document-id-wrong-check-letter = La letra no corresponde al número del DNI/NIE. Compruebe que los ha escrito bien.

## Correo electrónico

email-empty = Escriba su dirección de correo electrónico.
email-too-long = La dirección de correo electrónico es demasiado larga: puede tener como máximo 254 caracteres.
email-forbidden-character = La dirección de correo electrónico no puede contener espacios.
email-not-one-at = La dirección de correo electrónico debe contener una sola @, como nombre@ejemplo.es.
email-invalid-local-part = La parte anterior a la @ de la dirección de correo electrónico no es válida.
email-invalid-domain = La parte posterior a la @ debe ser un dominio válido, como ejemplo.es.

## Teléfono móvil

phone-empty = Escriba su número de teléfono móvil.
phone-invalid-character = El número de móvil solo puede contener cifras, un + inicial y espacios.
phone-too-short = El número de móvil es demasiado corto.
phone-too-long = El número de móvil es demasiado largo: puede tener como máximo 15 cifras con el prefijo del país.
phone-not-spanish-mobile = Un número de móvil español tiene 9 cifras y empieza por 6 o 7.
phone-invalid-country-code = El prefijo del país, después del +, no puede empezar por 0.

## Código de un solo uso (SMS)

otp-empty = Escriba el código que ha recibido por SMS.
otp-not-digits = El código que ha recibido por SMS solo contiene números.
otp-wrong-length = El código que ha recibido por SMS tiene { $digits } cifras.

## Código de activación

activation-code-empty = Escriba el código de activación que recibió en el registro.
activation-code-wrong-length = El código de activación tiene { $expected } letras y números, pero ha escrito { $found }.
activation-code-invalid-character = Los códigos de activación nunca contienen «{ $character }». Revise las letras y los números de su documento de registro.

## Nombre y apellidos

person-name-empty = Escriba el nombre.
person-name-too-long = El nombre es demasiado largo: puede tener como máximo 100 caracteres.
person-name-forbidden-character = El nombre contiene un carácter que no está permitido: «{ $character }».
person-name-no-letters = El nombre debe contener al menos una letra.

## Política de contraseñas

password-too-short = La contraseña debe tener al menos { $min } caracteres.
password-too-long = La contraseña puede tener como máximo { $max } caracteres.
password-needs-three-groups = Si la contraseña tiene menos de { $groups_from } caracteres, debe combinar al menos tres de estos grupos: letras minúsculas, letras mayúsculas, números y caracteres especiales ({ $specials }).
password-contains-name = La contraseña no puede contener su nombre ni sus apellidos.
password-contains-document = La contraseña no puede contener su DNI/NIE, ni siquiera solo las cifras.
password-too-common = Esa contraseña es demasiado común y fácil de adivinar. Elija otra.

## Un secreto que no se devuelve (al aparecer la pregunta de seguridad)

field-password-again = Por seguridad, vuelva a escribir su contraseña.
field-activation-code-again = Por seguridad, vuelva a escribir su código de activación.
