# Zerbitzuaren eskaeraren eta haren erantzunaren arteko Cl@ve pantailak: metodoa
# aukeratzea, Cl@ve Permanente, SMS kodea, iraungitako pasahitza berritzea, saioa
# ixtea eta baimen-eskaeraren erroreak.

## Metodoa aukeratzea

login-method-title = Identifikatu Cl@ve bidez
login-method-intro = «{ $client }» zerbitzuak identifika zaitezen eskatzen dizu. Aukeratu nola egin nahi duzun.
login-method-legend = Identifikazio-metodoa
# Marka-izena, itzuli gabe.
login-method-permanente = Cl@ve Permanente
login-method-permanente-hint = Zure DNI/NIEarekin eta pasahitzarekin. Zerbitzuak eskatzen badu, SMS bidez jasoko duzun kode batekin ere bai.
login-method-required = Aukeratu identifikazio-metodo bat.
login-continue = Jarraitu
login-cancel = Utzi eta itzuli «{ $client }» zerbitzura
login-no-account = Oraindik ez duzu Cl@ve Permanente erabiltzailerik? Aktibatu zure erabiltzailea

## Cl@ve Permanente

# Marka-izena, itzuli gabe.
login-password-title = Cl@ve Permanente
login-password-task = Idatzi zure DNI/NIEa eta pasahitza
login-password-intro = Idatzi zure DNI/NIEa eta pasahitza «{ $client }» zerbitzuan sartzeko.
field-username = DNI/NIE
field-username-hint = Adibidez, 12345678Z edo X1234567L.
field-password = Pasahitza
login-submit = Sartu
login-password-required = Idatzi zure pasahitza.
login-wrong-credentials = DNI/NIEa edo pasahitza ez dira zuzenak. Oraindik ez baduzu zure erabiltzailea aktibatu, aktibatu lehenik.
login-block-warning = Jarraian 5 saiakera huts egin ondoren, pasahitza blokeatu egiten da. Pasahitz berri bat ezarri ahal izango duzu zure aktibazio-kodearekin, «Pasahitza ahaztu zait» aukeran.
login-forgot-password = Pasahitza ahaztu zait edo blokeatuta dago
login-activate = Nire Cl@ve Permanente erabiltzailea aktibatu
login-help = Laguntza

## Kontuaren egoera

login-account-status-title = Ezin zara kontu honekin sartu
login-blocked = Zure pasahitza blokeatuta dago, huts egindako saiakeren kopurua gainditu delako edo zuk eskatu zenuelako Mi Cl@ve orriko «Ez naiz ni izan» aukeraren bidez. Pasahitz berri bat ezar dezakezu zure aktibazio-kodearekin.
login-unsubscribed = Cl@ve Permanente sisteman baja eman zenuen. Berriro erabiltzeko, erregistro berri bat egin behar duzu Cl@ve sisteman, erregistro-bulego batean.
login-not-activated = Zure Cl@ve Permanente erabiltzailea oraindik ez dago aktibatuta. Aktibatu erregistratzean jaso zenuen aktibazio-kodearekin.
login-legacy = Gizarte Segurantzan Cl@ve sortu aurretik erregistratu zinen, eta oraindik ez duzu baimenik eman zure datuak Cl@ve sisteman erabiltzeko. Gizarte Segurantzaren zerbitzuetan erabil ditzakezu, eta han Cl@ve sistemara igarotzea eskainiko zaizu.

## SMS kodea

login-otp-title = Berretsi SMS kodearekin
otp-resent = Kode berri bat bidali dizugu. Aurrekoak ez du balio jada.

## Iraungitako pasahitza

login-renew-title = Zure pasahitza iraungi da
login-renew-caption = Iraungitako pasahitza berritu
login-renew-task = Aukeratu pasahitz berri bat
login-renew-intro = Cl@ve Permanente pasahitzak 2 urtera iraungitzen dira. Jarraitzeko, berretsi zure identitatea SMS bidez bidali dizugun kodearekin, eta aukeratu pasahitz berri bat.
login-renew-password-intro = Aukeratu zure pasahitz berria. Ondoren, «{ $client }» zerbitzura joango zara.
login-renew-submit = Gorde eta jarraitu
field-new-password = Pasahitz berria
field-new-password-hint = Goian adierazitako arauak bete behar ditu.
field-new-password-confirm = Errepikatu pasahitz berria
password-rules-title = Pasahitzaren baldintzak
password-rule-length = Gutxienez 8 karaktere (gehienez 128).
password-rule-groups = 16 karaktere baino gutxiago baditu, talde hauetako hiru gutxienez: letra xeheak, letra larriak, zenbakiak eta karaktere bereziak (¡!$?%&#@/\()=¿?*[];,:._<>+-).
password-rule-personal = Ezin ditu zure izena, abizenak edo DNI/NIEa eduki, eta ezin da oso pasahitz ohikoa izan.
password-rule-length-name = Luzera
password-rule-groups-name = Karaktere motak
password-rule-met = Beteta
password-rule-unmet = Oraindik bete gabe
password-confirm-mismatch = Bi pasahitzak ez datoz bat.
password-same-as-current = Pasahitz berriak egungoaren desberdina izan behar du.

## Saioa ixtea

logout-title = Saioa itxi
logout-question = Zure Cl@ve saioa itxi nahi duzu?
logout-question-client = «{ $client }» zerbitzuak zure Cl@ve saioa ixteko eskatzen dizu. Itxi nahi duzu?
logout-confirm = Itxi saioa
logout-done-title = Saioa itxita
logout-done-body = Zure Cl@ve saioa itxi duzu. Leiho hau itx dezakezu.

## Eskaeraren erroreak

error-authorize-title = Ezin da identifikazioa hasi
error-authorize-detail = Zerbitzuarentzako xehetasun teknikoa:
error-authorize-bad-request = Zerbitzuaren eskaera ez da baliozkoa. Itzuli zerbitzura eta saiatu berriro.
error-authorize-no-client = Eskaerak ez du adierazten zein zerbitzuk bidaltzen duen. Itzuli zerbitzura eta saiatu berriro.
error-authorize-no-redirect = Eskaerak ez du adierazten nora itzuli. Itzuli zerbitzura eta saiatu berriro.
error-authorize-unknown-client = Hona bidali zaituen zerbitzua ez dago altan emanda Cl@ve sisteman.
error-authorize-bad-redirect = Eskaeraren itzulera-helbidea ez dago erregistratuta zerbitzu honetarako; beraz, ezin zaitugu hara itzuli.
error-login-expired = Zure identifikazioa iraungi da edo ez da baliozkoa. Itzuli zerbitzura eta saiatu berriro.
error-logout-bad-request = Saioa ixteko eskaera ez da baliozkoa.
error-logout-bad-redirect = Saioa itxi ondoren itzultzeko helbidea ez dago erregistratuta zerbitzu honetarako.
