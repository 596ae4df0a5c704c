# Missatges d'error dels camps de formulari: un per cada regla del domini
# (src/domain/*). Les claus les dona `crate::web::MessageKey`.

## DNI/NIE

document-id-empty = Escriga el seu DNI/NIE.
document-id-too-long = El DNI/NIE té 9 caràcters, com ara 12345678Z o X1234567L.
document-id-bad-format = Escriga un DNI (8 números i una lletra, com ara 12345678Z) o un NIE (X, Y o Z, 7 números i una lletra, com ara X1234567L).
document-id-wrong-check-letter = La lletra no correspon al número del DNI/NIE. Comprove que els ha escrit bé.

## Correu electrònic

email-empty = Escriga la seua adreça de correu electrònic.
email-too-long = L'adreça de correu electrònic és massa llarga: pot tindre com a màxim 254 caràcters.
email-forbidden-character = L'adreça de correu electrònic no pot contindre espais.
email-not-one-at = L'adreça de correu electrònic ha de contindre una sola @, com ara nom@exemple.es.
email-invalid-local-part = La part anterior a l'@ de l'adreça de correu electrònic no és vàlida.
email-invalid-domain = La part posterior a l'@ ha de ser un domini vàlid, com ara exemple.es.

## Telèfon mòbil

phone-empty = Escriga el seu número de telèfon mòbil.
phone-invalid-character = El número de mòbil només pot contindre xifres, un + inicial i espais.
phone-too-short = El número de mòbil és massa curt.
phone-too-long = El número de mòbil és massa llarg: pot tindre com a màxim 15 xifres amb el prefix del país.
phone-not-spanish-mobile = Un número de mòbil espanyol té 9 xifres i comença per 6 o 7.
phone-invalid-country-code = El prefix del país, després del +, no pot començar per 0.

## Codi d'un sol ús (SMS)

otp-empty = Escriga el codi que ha rebut per SMS.
otp-not-digits = El codi que ha rebut per SMS només conté números.
otp-wrong-length = El codi que ha rebut per SMS té { $digits } xifres.

## Codi d'activació

activation-code-empty = Escriga el codi d'activació que va rebre en l'acte de registre.
activation-code-wrong-length = El codi d'activació té { $expected } lletres i números, però n'ha escrit { $found }.
activation-code-invalid-character = Els codis d'activació no contenen mai «{ $character }». Revise les lletres i els números del seu document de registre.

## Nom i cognoms

person-name-empty = Escriga el nom.
person-name-too-long = El nom és massa llarg: pot tindre com a màxim 100 caràcters.
person-name-forbidden-character = El nom conté un caràcter que no està permés: «{ $character }».
person-name-no-letters = El nom ha de contindre almenys una lletra.

## Política de contrasenyes

password-too-short = La contrasenya ha de tindre almenys { $min } caràcters.
password-too-long = La contrasenya pot tindre com a màxim { $max } caràcters.
password-needs-three-groups = Si la contrasenya té menys de { $groups_from } caràcters, ha de combinar almenys tres d'estos grups: lletres minúscules, lletres majúscules, números i caràcters especials ({ $specials }).
password-contains-name = La contrasenya no pot contindre el seu nom ni els seus cognoms.
password-contains-document = La contrasenya no pot contindre el seu DNI/NIE ni el número sense la lletra.
password-too-common = Esta contrasenya és massa comuna i fàcil d'endevinar. Trie'n una altra.

## Un secret que no es torna a mostrar (quan apareix la pregunta de seguretat)

field-password-again = Per seguretat, torne a escriure la contrasenya.
field-activation-code-again = Per seguretat, torne a escriure el codi d'activació.
