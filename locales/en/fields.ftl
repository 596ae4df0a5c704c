# Error messages of form fields: one per rule of the domain (src/domain/*).
# `crate::web::MessageKey` gives the keys.

## DNI/NIE

document-id-empty = Enter your DNI/NIE.
document-id-too-long = A DNI/NIE has 9 characters, like 12345678Z or X1234567L.
document-id-bad-format = Enter a DNI (8 digits and a letter, like 12345678Z) or a NIE (X, Y or Z, 7 digits and a letter, like X1234567L).
document-id-wrong-check-letter = The letter does not match the number of the DNI/NIE. Check that you typed them correctly.

## E-mail

email-empty = Enter your e-mail address.
email-too-long = The e-mail address is too long: it can have at most 254 characters.
email-forbidden-character = The e-mail address must not contain spaces.
email-not-one-at = The e-mail address must contain exactly one @, like name@example.es.
email-invalid-local-part = The part of the e-mail address before the @ is not valid.
email-invalid-domain = The part after the @ must be a valid domain, like example.es.

## Mobile phone

phone-empty = Enter your mobile phone number.
phone-invalid-character = The mobile number can only contain digits, an initial + and spaces.
phone-too-short = The mobile number is too short.
phone-too-long = The mobile number is too long: it can have at most 15 digits including the country code.
phone-not-spanish-mobile = A Spanish mobile number has 9 digits and starts with 6 or 7.
phone-invalid-country-code = The country code after the + cannot start with 0.

## One-time code (SMS)

otp-empty = Enter the code you received by SMS.
otp-not-digits = The code you received by SMS contains only digits.
otp-wrong-length = The code you received by SMS has { $digits } digits.

## Activation code

activation-code-empty = Enter the activation code you were given when you registered.
activation-code-wrong-length = The activation code has { $expected } letters and digits, but you typed { $found }.
activation-code-invalid-character = Activation codes never contain “{ $character }”. Check the letters and digits on your registration document.

## Name and surnames

person-name-empty = Enter the name.
person-name-too-long = The name is too long: it can have at most 100 characters.
person-name-forbidden-character = The name contains a character that is not allowed: “{ $character }”.
person-name-no-letters = The name must contain at least one letter.

## Password policy

password-too-short = The password must have at least { $min } characters.
password-too-long = The password can have at most { $max } characters.
password-needs-three-groups = A password shorter than { $groups_from } characters must mix at least three of these groups: lower-case letters, upper-case letters, digits and special characters ({ $specials }).
password-contains-name = The password must not contain your name or surnames.
password-contains-document = The password must not contain your DNI/NIE or its number.
password-too-common = That password is too common and easy to guess. Choose another one.

## A secret that is never sent back (when the security question appears)

field-password-again = For your security, type your password again.
field-activation-code-again = For your security, type your activation code again.
