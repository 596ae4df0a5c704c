# Orri guztietako testu komunak: oinarrizko txantiloia, orri-oina, errore-orriak,
# hizkuntza-aldaketa, cookien oharra, urratsen adierazlea eta formularioetako erroreak.
# Fluxu bakoitzak bere fitxategia gehitzen du (adibidez, `login.ftl`) honen ondoan,
# gako berekin hizkuntza guztietan: unitate-proba batek egiaztatzen du.

## Oinarrizko txantiloia

site-name = Cl@ve
site-tagline = Administrazio Publikoetarako identifikazio elektronikoa
skip-link = Joan eduki nagusira
title-with-errors = Errorea: { $title }
lang-switch-label = Hizkuntza
lang-name-es = Castellano
lang-name-ca = Català
lang-name-gl = Galego
lang-name-eu = Euskara
lang-name-ca-valencia = Valencià
lang-name-en = English
footer-nav-label = Gune honi buruzko informazioa
footer-help = Laguntza
footer-privacy = Pribatutasuna
footer-cookies = Cookieak
cookie-notice = Gune honek funtzionatzeko ezinbestekoak diren cookie teknikoak baino ez ditu erabiltzen.
cookie-notice-link = Cookieei buruzko informazio gehiago
steps = { $current }. urratsa (guztira { $total })

## Formularioetako erroreak

error-summary-title = Arazo bat dago
error-prefix = Errorea:

## Errore-orriak

error-reference = Errorearen erreferentzia: { $id }
error-help-link = Kontsultatu laguntza
error-home-link = Joan Cl@ve hasiera-orrira
error-start-again = Hasi berriro
error-not-found-title = Ez da orria aurkitu
error-not-found-body = Ez dugu aurkitu bilatzen ari zaren orria. Egiaztatu helbidea zuzena dela.
error-bad-request-title = Ezin izan da eskaera prozesatu
error-bad-form = Bidalitako datuak ez dira baliozkoak. Itzuli aurreko orrira eta saiatu berriro.
error-form-too-large = Bidalitako formularioa handiegia da. Itzuli aurreko orrira eta saiatu berriro.
error-csrf-title = Formularioa iraungi da
error-csrf-body = Zure segurtasunerako, formularioa iraungi egin da eta ez da bidali: ez da ezer aldatu. Hasi berriro lehen orritik.
error-too-many-title = Eskaera gehiegi
error-too-many-body =
    Saiakera gehiegi egin dituzu jarraian. Itxaron { $minutes ->
        [one] minutu bat
       *[other] { $minutes } minutu
    } eta saiatu berriro.
error-unavailable-title = Sistema ez dago erabilgarri aldi baterako
error-unavailable-body = Sistema ez dago erabilgarri une honetan. Saiatu berriro minutu batzuk barru.
error-internal-title = Errore bat gertatu da
error-internal-body = Ezin izan dugu eragiketa osatu. Saiatu berriro geroago; arazoak jarraitzen badu, adierazi errorearen erreferentzia laguntza eskatzean.

## Pasahitza erakutsi edo ezkutatu (static/clave.js)

password-show = Erakutsi
password-hide = Ezkutatu
password-show-label = Erakutsi pasahitza
password-hide-label = Ezkutatu pasahitza
password-shown = Zure pasahitza ikusgai dago.
password-hidden = Zure pasahitza ezkutatuta dago.
