# Formularioetako eremuen errore-mezuak: bat domeinuko arau bakoitzeko
# (src/domain/*). Gakoak `crate::web::MessageKey`-k ematen ditu.

## DNI/NIE

document-id-empty = Idatzi zure DNI/NIEa.
document-id-too-long = DNI/NIEak 9 karaktere ditu; adibidez, 12345678Z edo X1234567L.
document-id-bad-format = Idatzi DNI bat (8 zenbaki eta letra bat; adibidez, 12345678Z) edo NIE bat (X, Y edo Z, 7 zenbaki eta letra bat; adibidez, X1234567L).
document-id-wrong-check-letter = Letra ez dagokio DNI/NIEaren zenbakiari. Egiaztatu ondo idatzi dituzula.

## Helbide elektronikoa

email-empty = Idatzi zure helbide elektronikoa.
email-too-long = Helbide elektronikoa luzeegia da: gehienez 254 karaktere izan ditzake.
email-forbidden-character = Helbide elektronikoak ezin du zuriunerik izan.
email-not-one-at = Helbide elektronikoak @ bakar bat izan behar du; adibidez, izena@adibidea.eus.
email-invalid-local-part = Helbide elektronikoaren @ aurreko zatia ez da baliozkoa.
email-invalid-domain = @ ondorengo zatiak baliozko domeinu bat izan behar du; adibidez, adibidea.eus.

## Telefono mugikorra

phone-empty = Idatzi zure telefono mugikorraren zenbakia.
phone-invalid-character = Mugikorraren zenbakiak zifrak, hasierako + bat eta zuriuneak baino ezin ditu izan.
phone-too-short = Mugikorraren zenbakia laburregia da.
phone-too-long = Mugikorraren zenbakia luzeegia da: gehienez 15 zifra izan ditzake, herrialde-aurrezenbakia barne.
phone-not-spanish-mobile = Espainiako mugikor-zenbaki batek 9 zifra ditu, eta lehen zifra 6 edo 7 da.
phone-invalid-country-code = Herrialde-aurrezenbakiaren lehen zifra, + ikurraren ondorengoa, ezin da 0 izan.

## Erabilera bakarreko kodea (SMS)

otp-empty = Idatzi SMS bidez jaso duzun kodea.
otp-not-digits = SMS bidez jaso duzun kodeak zenbakiak baino ez ditu.
otp-wrong-length = SMS bidez jaso duzun kodeak { $digits } zifra ditu.

## Aktibazio-kodea

activation-code-empty = Idatzi erregistratu zinenean jaso zenuen aktibazio-kodea.
activation-code-wrong-length = Aktibazio-kodeak { $expected } letra eta zenbaki ditu, baina { $found } idatzi dituzu.
activation-code-invalid-character = Aktibazio-kodeek ez dute inoiz «{ $character }» karaktererik izaten. Berrikusi zure erregistro-agiriko letrak eta zenbakiak.

## Izen-abizenak

person-name-empty = Idatzi izena.
person-name-too-long = Izena luzeegia da: gehienez 100 karaktere izan ditzake.
person-name-forbidden-character = Izenak onartzen ez den karaktere bat du: «{ $character }».
person-name-no-letters = Izenak letra bat izan behar du gutxienez.

## Pasahitz-politika

password-too-short = Pasahitzak { $min } karaktere izan behar ditu gutxienez.
password-too-long = Pasahitzak { $max } karaktere izan ditzake gehienez.
password-needs-three-groups = Pasahitzak { $groups_from } karaktere baino gutxiago baditu, talde hauetako hiru konbinatu behar ditu gutxienez: letra xeheak, letra larriak, zenbakiak eta karaktere bereziak ({ $specials }).
password-contains-name = Pasahitzean ezin da agertu zure izena, ezta abizenak ere.
password-contains-document = Pasahitzean ezin da agertu zure DNI/NIEa, ezta haren zenbakia ere.
password-too-common = Pasahitz hori ohikoegia da, eta erraz asma daiteke. Aukeratu beste bat.

## Itzultzen ez den sekretua (segurtasun-galdera agertzen denean)

field-password-again = Segurtasunagatik, idatzi berriro pasahitza.
field-activation-code-again = Segurtasunagatik, idatzi berriro aktibazio-kodea.
