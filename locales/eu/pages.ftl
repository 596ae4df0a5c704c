# Web-geruzako informazio-orriak: cookieak eta pribatutasuna.

## Cookieak

cookies-title = Cookieak
cookies-intro = Cl@ve sistemak cookie teknikoak baino ez ditu erabiltzen, sistemak modu seguruan funtziona dezan guztiz beharrezkoak direnak. Ez dugu analisi-, publizitate- edo hirugarrenen cookierik erabiltzen; horregatik, ez dizugu baimenik eskatzen.
cookies-table-caption = Gune honek erabiltzen dituen cookieak
cookies-col-name = Izena
cookies-col-purpose = Zertarako den
cookies-col-duration = Iraupena
cookie-session-purpose = Zure saioa mantentzen du identifikatzen zaren edo kontua kudeatzen duzun bitartean, urrats bakoitzean datu berak eskatu behar ez izateko.
cookie-session-duration = Nabigatzailea itxi edo prozesua amaitu arte.
cookie-csrf-purpose = Formularioak babesten ditu beste webgune batzuetatik egindako bidalketa faltsuen aurka.
cookie-csrf-duration = Nabigatzailea itxi arte.
cookie-lang-purpose = Aukeratu duzun hizkuntza gogoratzen du.
cookie-lang-duration = Urtebete.
cookie-device-purpose = Nabigatzaile honetan dagoeneko identifikatu zarela gogoratzen du, beste nabigatzaile batzuetatik pasahitzak probatzen dituenak zure sarbidea hemendik blokeatu ez dezan. Ez ditu gordetzen ez zure pasahitza, ez zure datuak.
cookie-device-duration = Urtebete, zure azken sarbidetik aurrera.
cookie-account-login-purpose = Zure kontu-orrian (Mi Cl@ve) sartzeko identifikazioa nabigatzaile honi lotzen dio, beste inork zure ordez osatu ez dezan.
cookie-account-login-duration = Hamar minutu, edo identifikazioa amaitu arte.
cookies-manage = Cookie hauek nabigatzailearen konfigurazioan ezaba ditzakezu. Blokeatzen badituzu, ezingo zara identifikatu, ezta formularioak bidali ere.

## Pribatutasuna

privacy-title = Pribatutasuna
privacy-intro = Sistema honek zure datu pertsonalak tratatzen ditu, Administrazio Publikoen aurrean zu identifikatzeko eta Cl@ve Permanente sisteman duzun erregistroa kudeatzeko soilik.
privacy-data-heading = Zer datu gordetzen ditugun
privacy-data = Erregistratu zinenean emandako datuak (DNI/NIEa, izen-abizenak, helbide elektronikoa eta telefono mugikorra); zure pasahitza, inork irakurri ezin duen moduan gordeta; eta segurtasun-eragiketen erregistro bat (sarbideak, pasahitz-aldaketak, bajak), bakoitzaren datarekin.
privacy-sharing-heading = Norekin partekatzen ditugun
privacy-sharing = Zerbitzu elektroniko batean sartzen zarenean, zerbitzu horrek behar dituen eta jasotzeko baimena duen datuak soilik bidaltzen dizkiogu. Zerbitzu bakoitzak identifikatzaile desberdin bat jasotzen du zuretzat; horrela, zerbitzuek ezin dituzte zure sarbideak elkarren artean lotu, zure eskaera izapidetzeko zure DNI/NIEa behar dutenek izan ezik.
privacy-rights-heading = Zure eskubideak
privacy-rights = Datuak Babesteko Erregelamendu Orokorrak aitortzen dizkizun eskubideak (sarbidea, zuzentzea, ezabatzea eta gainerakoak) erabil ditzakezu sistema honen arduradun den organoaren aurrean, laguntzan adierazitako bideetatik. Cl@ve Permanente sisteman baja eman dezakezu nahi duzunean.
privacy-cookies = Zer cookie erabiltzen ditugun jakiteko, ikusi cookieei buruzko orria.

## Hasiera-orria

# Marka-izena, itzuli gabe.
home-title = Cl@ve Permanente
home-intro = Hemendik zure Cl@ve Permanente erabiltzailea kudea dezakezu.
home-portals = Zerbitzu elektroniko batean identifikatzeko, sartu zerbitzu horren webgunean eta aukeratu «Cl@ve»: hona ekarriko zaitu.
