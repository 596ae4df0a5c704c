# Mensaxes de erro dos campos de formulario: unha por regra do dominio
# (src/domain/*). As claves dáas `crate::web::MessageKey`.

## DNI/NIE

document-id-empty = Escriba o seu DNI/NIE.
document-id-too-long = O DNI/NIE ten 9 caracteres, como 12345678Z ou X1234567L.
document-id-bad-format = Escriba un DNI (8 números e unha letra, como 12345678Z) ou un NIE (X, Y ou Z, 7 números e unha letra, como X1234567L).
document-id-wrong-check-letter = A letra non corresponde ao número do DNI/NIE. Comprobe que os escribiu ben.

## Correo electrónico

email-empty = Escriba o seu enderezo de correo electrónico.
email-too-long = O enderezo de correo electrónico é demasiado longo: pode ter como máximo 254 caracteres.
email-forbidden-character = O enderezo de correo electrónico non pode conter espazos.
email-not-one-at = O enderezo de correo electrónico debe conter unha soa @, como nome@exemplo.gal.
email-invalid-local-part = A parte anterior á @ do enderezo de correo electrónico non é válida.
email-invalid-domain = A parte posterior á @ debe ser un dominio válido, como exemplo.gal.

## Teléfono móbil

phone-empty = Escriba o seu número de teléfono móbil.
phone-invalid-character = O número de móbil só pode conter cifras, un + inicial e espazos.
phone-too-short = O número de móbil é demasiado curto.
phone-too-long = O número de móbil é demasiado longo: pode ter como máximo 15 cifras co prefixo do país.
phone-not-spanish-mobile = Un número de móbil español ten 9 cifras e comeza por 6 ou 7.
phone-invalid-country-code = O prefixo do país, despois do +, non pode comezar por 0.

## Código dun só uso (SMS)

otp-empty = Escriba o código que recibiu por SMS.
otp-not-digits = O código que recibiu por SMS só contén números.
otp-wrong-length = O código que recibiu por SMS ten { $digits } cifras.

## Código de activación

activation-code-empty = Escriba o código de activación que recibiu no acto de rexistro.
activation-code-wrong-length = O código de activación ten { $expected } letras e números, pero escribiu { $found }.
activation-code-invalid-character = Os códigos de activación nunca conteñen «{ $character }». Revise as letras e os números do seu documento de rexistro.

## Nome e apelidos

person-name-empty = Escriba o nome.
person-name-too-long = O nome é demasiado longo: pode ter como máximo 100 caracteres.
person-name-forbidden-character = O nome contén un carácter que non está permitido: «{ $character }».
person-name-no-letters = O nome debe conter polo menos unha letra.

## Política de contrasinais

password-too-short = O contrasinal debe ter polo menos { $min } caracteres.
password-too-long = O contrasinal pode ter como máximo { $max } caracteres.
password-needs-three-groups = Se o contrasinal ten menos de { $groups_from } caracteres, debe combinar polo menos tres destes grupos: letras minúsculas, letras maiúsculas, números e caracteres especiais ({ $specials }).
password-contains-name = O contrasinal non pode conter o seu nome nin os seus apelidos.
password-contains-document = O contrasinal non pode conter o seu DNI/NIE nin o número deste.
password-too-common = Ese contrasinal é demasiado común e fácil de adiviñar. Escolla outro.

## Un segredo que non se devolve (ao aparecer a pregunta de seguridade)

field-password-again = Por seguridade, volva escribir o seu contrasinal.
field-activation-code-again = Por seguridade, volva escribir o seu código de activación.
