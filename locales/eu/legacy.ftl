# Cl@ve sortu aurretik Gizarte Segurantzan erregistratutako erabiltzaileak: Gizarte
# Segurantzaren zerbitzu batean identifikatzean eskaintzen zaien igarotzea
# (migrazioa), eta haren laguntza-testua. Baimenaren testua aldatzen baduzu
# (legacy-consent-*), aldatu LEGACY_CONSENT_WORDING ere
# src/legacy/consent.rs fitxategian.

## Baimena identifikatzean

legacy-consent-title = Igaro zaitez Cl@ve sistemara
legacy-consent-why = Gizarte Segurantzan Cl@ve sortu aurretik erregistratu zinen; beraz, ez duzu baimenik eman Gizarte Segurantzan erregistratu zenituen datuak Cl@ve sisteman erabiltzeko.
legacy-consent-need = Cl@ve sisteman eskuragarri dauden zerbitzu guztiak erabili ahal izateko, plataforma honetara igaro behar duzu, migrazio-prozesu honen bidez.
legacy-consent-data-title = Cl@ve sistemara igaroko liratekeen datuak
legacy-consent-data-intro = Gizarte Segurantzan erregistratu zenituenak dira:
legacy-consent-data-name = Izen-abizenak:
legacy-consent-data-phone = Telefono mugikorra:
legacy-consent-data-email = Zure helbide elektronikoa.
legacy-consent-accept-title = Onartzen baduzu
legacy-consent-accept-portals = Cl@ve Permanente bidez identifikatu ahal izango zara Cl@ve erabiltzen duten administrazio publikoen zerbitzu guztietan, ez Gizarte Segurantzarenetan bakarrik.
legacy-consent-accept-password = Betiko DNI/NIEa eta pasahitza erabiltzen jarraituko duzu.
legacy-consent-accept-services = Cl@ve Permanente sistemako izapideak egin ahal izango dituzu; adibidez, pasahitza aldatu edo baja eman.
legacy-consent-decline-title = Orain onartzen ez baduzu
legacy-consent-decline-effect = Hala ere, «{ $client }» zerbitzura joango zara, baina Gizarte Segurantzaren zerbitzuak soilik erabili ahal izango dituzu. Horietako batean identifikatzen zaren hurrengo aldian, igarotzea eskainiko dizugu berriro.
legacy-consent-accept = Cl@ve sistemara igarotzea onartzen dut
legacy-consent-decline = Orain ez; jarraitu «{ $client }» zerbitzura
legacy-consent-required = Aukeratu Cl@ve sistemara igarotzea onartzen duzun, edo hori egin gabe jarraitu nahiago duzun.

## Gizarte Segurantzaren zerbitzuetatik kanpo

legacy-not-migrated-where = «{ $client }» zerbitzua ez da Gizarte Segurantzarena; beraz, oraindik ezin zara bertan identifikatu. Gizarte Segurantzaren zerbitzu batean identifikatzen zarenean, Cl@ve sistemara igarotzea eskainiko zaizu; ondoren, hemen ere sartu ahal izango zara.
legacy-help-link = Zer esan nahi du Cl@ve sistemara igarotzeak, Gizarte Segurantzan erregistratu bazinen

## Laguntza

legacy-help-title = Gizarte Segurantzan erregistratutako erabiltzaileak
legacy-help-who = Gizarte Segurantzaren bulego batean Cl@ve sortu aurretik erregistratu bazinen, erabiltzailea eta pasahitza dituzu Gizarte Segurantzaren zerbitzuetarako, baina ez duzu baimenik eman han erregistratu zenituen datuak Cl@ve sisteman erabiltzeko.
legacy-help-where-title = Non eskaintzen zaizu igarotzea
legacy-help-where = Gizarte Segurantzan erregistratuta egon eta Cl@ve sisteman ez dauden erabiltzaile guztiei Cl@ve sistemara igarotzea (migrazioa) eskaintzen zaie, Gizarte Segurantzaren edozein zerbitzutan identifikatzen direnean edo «Tu Seguridad Social» atarian sartzen direnean.
legacy-help-logo = «Tu Seguridad Social» atariko Cl@ve logotipoak adierazten du ataria erabilgarri dagoela bai Cl@ve sistemako erabiltzaileentzat, bai Gizarte Segurantzakoentzat.
legacy-help-accept-title = Onartzen baduzu
legacy-help-accept = Zure kontua Cl@ve Permanente kontu bihurtzen da, Gizarte Segurantzan erregistratu zenituen datuekin. Zure pasahitza mantentzen duzu, eta Cl@ve erabiltzen duten zerbitzu guztietan identifikatu eta haien izapideak egin ahal izango dituzu.
legacy-help-decline-title = Onartzen ez baduzu
legacy-help-decline = Gizarte Segurantzaren zerbitzuak orain arte bezala erabiltzen jarrai dezakezu. Horietako batean identifikatzen zaren hurrengo aldian, igarotzea eskainiko zaizu berriro.
legacy-help-until-title = Igarotzen ez zaren bitartean
legacy-help-until = Cl@ve sisteman erregistratutako erabiltzaileek soilik egin ditzakete Cl@ve Permanente sistemako izapideak (erabiltzailea aktibatu, pasahitza berreskuratu edo aldatu, aktibazio-kode berri bat lortu edo baja eman), eta Gizarte Segurantzarenak ez diren zerbitzuetan identifikatu.
