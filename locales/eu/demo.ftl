# Erakustaldiko egoitza (/demo): Cl@ve edozein zerbitzuk bezala erabiltzen duen
# adibide-egoitza elektronikoa. Garapen-profilean bakarrik dago.

## Goiburua eta orri nagusia

demo-title = Erakustaldiko egoitza elektronikoa
demo-banner = Erakustaldiko egoitza elektronikoa: gune hau ez da Cl@ve sistemaren parte. OpenID Connect erabiltzen duen adibide-zerbitzu bat da, eta Cl@ve sistemaren aurrean identifikatzen da, benetako egoitza elektroniko batek egingo lukeen bezala.
demo-login-title = Sartu egoitzan
demo-login-intro = Egoitza honetan izapideak egiteko, identifikatu egin behar duzu. Cl@ve sistemara eramango zaitugu, eta identifikatu ondoren, hona itzuliko zara.
demo-acr-label = Segurtasun-maila
demo-acr-hint = Maila substantzialak, gainera, SMS bidez jasoko duzun kode bat eskatzen du.
demo-acr-low = Baxua (pasahitza)
demo-acr-substantial = Substantziala (pasahitza eta SMS kodea)
demo-scopes-legend = Egoitzak eskatuko dituen datuak
demo-scope-profile = Izen-abizenak
demo-scope-profile-hint = name, given_name, family_name, first_surname eta second_surname
demo-scope-email = Helbide elektronikoa
demo-scope-email-hint = email
demo-scope-phone = Telefono mugikorra
demo-scope-phone-hint = phone_number
demo-scope-nif = DNI/NIE
demo-scope-nif-hint = nif
demo-government-label = Gobernu-profila (private_key_jwt, PAR eta DPoP)
demo-government-hint = Egoitza gobernu-mailako bezero gisa identifikatzen da: bere eskaerak bere gako propioarekin sinatzen ditu, partekatutako sekretu baten ordez; baimen-eskaera aldez aurretik bidaltzen dio Cl@ve sistemari, eta bere sarbide-tokena sarbide honetako gako bati lotzen dio.
demo-government-session = Gobernu-profilarekin sartu zara: bezeroaren baieztapen sinatua, PAR bidez bidalitako eskaera eta DPoP bidez lotutako sarbide-tokena
demo-login-button = Sartu Cl@ve bidez
demo-citizen-hint = Probatzeko, Cl@ve Permanente erabiltzaile aktibo bat behar duzu. Ikusi README fitxategia: erregistratu proba-herritar bat «clave-idp citizen register» komandoarekin.

## Saioa hasita

demo-welcome-title = Cl@ve bidez sartu zara
demo-welcome-intro = Hauek dira egoitzak Cl@ve sistematik jaso dituen datuak:
demo-claim-sub = Egoitza honetako identifikatzailea
demo-claim-name = Izen osoa
demo-claim-given-name = Izena
demo-claim-family-name = Abizenak
demo-claim-nif = DNI/NIE
demo-claim-email = Helbide elektronikoa
demo-claim-phone-number = Telefono mugikorra
demo-claim-acr = Segurtasun-maila
demo-claim-amr = Identifikazio-metodoak
demo-claim-auth-time = Identifikazioaren unea (UTC)
demo-source-userinfo = (userinfo-tik)
demo-source-id-token = (identitate-tokenetik)
demo-raw-id-token = Identitate-tokena (JSON)
demo-raw-userinfo = userinfo erantzuna (JSON)
demo-logout = Itxi saioa
demo-logout-hint = Saioa hemen ixten duzunean, Cl@ve sisteman ere itxiko duzu.
demo-logged-out = Saioa itxi duzu egoitzan eta Cl@ve sisteman.

## Erroreak

demo-error-title = Ezin izan zara egoitzan sartu
demo-error-detail = Xehetasun teknikoa:
demo-back = Itzuli egoitzara
demo-error-expired = Sarbidea iraungi da edo dagoeneko erabili da. Itzuli egoitzara eta hasi berriro.
demo-error-state = Cl@ve sistemaren erantzuna ez dagokio nabigatzaile honetatik hasitako sarbide bati. Itzuli egoitzara eta hasi berriro.
demo-error-issuer = Erantzuna ez dator egoitzak espero zuen identitate-hornitzailetik.
demo-error-access-denied = Cl@ve sistemako identifikazioa bertan behera utzi duzu. Nahi duzunean saia zaitezke berriro.
demo-error-provider = Cl@ve sistemak ezin izan du identifikazioa osatu.
demo-error-token = Egoitzak ezin izan du baimen-kodea Cl@ve sisteman trukatu.
demo-error-par = Egoitzak ezin izan dio bere baimen-eskaera Cl@ve sistemari bidali.
demo-error-id-token = Jasotako identitate-tokena ez da baliozkoa.
demo-error-acr = Cl@ve sistemak ez du berretsi egoitzak eskatutako segurtasun-maila.
demo-error-userinfo = Egoitzak ezin izan ditu zure datuak Cl@ve sistematik lortu.
demo-error-discovery = Egoitza ezin izan da Cl@ve sistemarekin konektatu. Egiaztatu zerbitzaria CLAVE_ISSUER helbidera konekta daitekeela.
demo-error-unavailable = Egoitza ez dago erabilgarri une honetan. Saiatu berriro minutu batzuk barru.
