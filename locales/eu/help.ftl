# Laguntza-orria (/help): Cl@ve Permanente sistemaren argibideak, herritarraren
# hitzekin. Atal bakoitzak izenburu bat du (help-<atala>-title), eta aurkibideak
# hartara eramaten du. Zu tratamendua, gainerako orrietan bezala.

help-title = Cl@ve Permanente sistemaren laguntza
help-intro = Hemen aurkituko duzu nola aktibatu zure erabiltzailea, zer egin SMSa iristen ez bazaizu, nola berreskuratu sarbidea pasahitza edo aktibazio-kodea ahazten bazaizu, eta ohiko beste zalantza batzuen erantzunak.
help-toc-title = Edukia
help-back-to-top = Itzuli aurkibidera
help-action-activate = Zure erabiltzailea aktibatu
help-action-forgot = Pasahitz berria ezarri
help-action-regenerate = Aktibazio-kode berria lortu
help-action-change = Pasahitza aldatu
help-action-unsubscribe = Cl@ve Permanente sisteman baja eman
help-action-legacy = Cl@ve sistemara igarotzeari buruz gehiago

## Zer den eta nola erabiltzen den

help-what-title = Zer den Cl@ve Permanente eta nola erabiltzen den
help-what-body = Cl@ve Permanente sistemari esker, Administrazio Publikoen zerbitzu elektronikoetan identifika zaitezke erabiltzaile batekin (beti zure DNI/NIEa da) eta zuk aukeratutako pasahitz batekin.
help-what-use-intro = Erabiltzeko:
help-what-use-1 = Sartu erabili nahi duzun zerbitzu elektronikoan, eta aukeratu Cl@ve bidez identifikatzea.
help-what-use-2 = Cl@ve pantailan, aukeratu Cl@ve Permanente.
help-what-use-3 = Idatzi zure DNI/NIEa eta pasahitza. Zerbitzuak eskatzen badu, idatzi SMS bidez jasoko duzun kodea ere.
help-what-use-4 = Datuak zuzenak badira, zerbitzura itzuliko zara, identifikatuta.

## Aktibazioa

help-activate-title = Zure erabiltzailea nola aktibatu
help-activate-before = Hasi aurretik, hauek behar dituzu:
help-activate-need-act = Cl@ve sisteman erregistratu zinenean eman zizuten aktibazio-kodea;
help-activate-need-email = erregistro horretan eman zenuen helbide elektronikoa;
help-activate-need-phone = eskura, erregistro horretan eman zenuen telefono mugikorra, SMS bat bidaliko baitizugu.
help-activate-steps-intro = Urratsak hauek dira:
help-activate-step-1 = Erregistratu Cl@ve sisteman, erregistro-bulego batean. Amaitzean, aktibazio-kode bat emango dizute.
help-activate-step-2 = Sartu «Zure erabiltzailea aktibatu» atalean, eta idatzi zure DNI/NIEa, helbide elektronikoa eta aktibazio-kodea.
help-activate-step-3 = Datuak zuzenak badira, erabilera bakarreko kode bat duen SMS bat jasoko duzu mugikorrean. Idatzi kode hori orrian.
help-activate-step-4 = Aukeratu zure pasahitza; orrian adierazitako baldintzak bete behar ditu. Une horretatik aurrera, Cl@ve Permanente erabili ahal izango duzu.
help-activate-blocked = Aktibazio-kodea 5 aldiz baino gehiagotan gaizki idazten baduzu, blokeatu egingo da, eta berri bat beharko duzu: erregistro berri bat egin beharko duzu Cl@ve sisteman.
help-activate-delay = Duela gutxi erregistratu bazara eta zure datuak ezagutzen ez badira, baliteke komunikazio-arazoengatik oraindik erabilgarri ez egotea. Saiatu berriro 24 ordu igarotakoan.
help-activate-keep = Gorde aktibazio-kodea zure erabiltzailea aktibatu ondoren: pasahitza ahazten bazaizu, beharko duzu.

## SMSa

help-sms-title = SMSa iristen ez bazaizu
help-sms-intro = Kode bat bidaltzen dizugu SMS bidez zure erabiltzailea aktibatzeko eta pasahitz berria ezartzeko, bai eta pasahitz-aldaketa edo baja berresteko ere. Iristen ez bazaizu, egiaztatu hau:
help-sms-multisim = MultiSIM txartela erabiltzen baduzu, SMSak zenbaki nagusira bidaltzen dira, ez bigarren mailakora. Egiaztatu zure mugikorra zenbaki zuzenarekin erregistratuta dagoela.
help-sms-operator = Ziurtatu zure operadoreak ez duela murriztu zenbaki berezietako SMSak bidaltzea edo jasotzea.
help-sms-other-phone = Baliteke arazoa telefonoaren konfigurazioan egotea. Saiatu zure SIM txartela beste telefono batean jartzen: kasuen % 90ean, hala eginda, zain zeuden SMS guztiak iristen dira.
help-sms-recent = Duela gutxi erregistratu bazara, zure datuak erabilgarri egon arte 24 ordu ere igaro daitezke.
help-sms-resend = Segundo batzuk igarotakoan, kode berri bat eska dezakezu orri beretik. Kode berri bakoitzak aurrekoa baliogabetzen du, eta minutu gutxiren buruan iraungitzen da.

## Ahanzturak

help-forgot-title = Pasahitza edo aktibazio-kodea ahazten bazaizu
help-forgot-user = Erabiltzailea ezin zaizu ahaztu: beti zure DNI/NIEa da, eta ezin da aldatu.
help-forgot-password-title = Pasahitza ahaztu zaizu edo blokeatuta dago
help-forgot-password = Pasahitz berri bat ezar dezakezu, aktibazio-kodea gordetzen baduzu. Sartu «Pasahitz berria ezarri» atalean, idatzi zure DNI/NIEa eta aktibazio-kodea, berretsi SMS bidez bidaliko dizugun kodearekin, eta aukeratu pasahitz berria. Blokeatuta bazegoen, desblokeatu egingo da.
help-forgot-code-title = Aktibazio-kodea galdu duzu
help-forgot-code-know-password = Pasahitza oraindik gogoratzen baduzu, aktibazio-kode berri bat lor dezakezu: sartu «Aktibazio-kode berria lortu» atalean zure DNI/NIEarekin eta pasahitzarekin, eta berretsi SMS kodearekin.
help-forgot-code-both = Aktibazio-kodea galdu baduzu eta pasahitza ere ez baduzu gogoratzen, erregistro berri bat egin beharko duzu Cl@ve sisteman, kode berri bat jasotzeko.

## Pasahitza

help-password-title = Pasahitzaren baldintzak eta iraungitzea
help-password-intro = Inork asma ez dezan, zure pasahitzak baldintza hauek bete behar ditu:
help-password-long = 16 karaktere edo gehiago baditu, nahi dituzun karaktereak erabil ditzakezu.
help-password-expiry = Pasahitza 2 urtera iraungitzen da. Epe hori igarota zerbitzu batean sartzen bazara, pasahitz berri bat aukeratzeko eskatuko dizugu, jarraitu aurretik. Nahi duzunean ere alda dezakezu, «Pasahitza aldatu» atalean; une horretatik aurrera, beste 2 urte izango dituzu.
help-password-blocked = Jarraian 5 saiakera huts egin ondoren, pasahitza blokeatu egiten da. Desblokeatzeko, ezarri pasahitz berri bat zure aktibazio-kodearekin.
help-password-tips-intro = Gainera, hau gomendatzen dizugu:
help-password-tip-unique = pasahitz bera beste leku batzuetan ez erabiltzea;
help-password-tip-phrase = esaldi luze bat erabiltzea, zuretzat gogoratzeko erraza, baina besteentzat asmatzeko zaila;
help-password-tip-secret = inori ez esatea, eta besteek ikus dezaketen lekuren batean ez idaztea: ez Cl@ve sistemak, ez beste inongo administraziok, ez dizu inoiz eskatuko telefonoz edo posta elektronikoz;
help-password-tip-manager = gogoratzea kostatzen bazaizu, pasahitz-kudeatzaile bat erabiltzea.

## Gizarte Segurantzako erabiltzaileak

help-legacy-title = Gizarte Segurantzan Cl@ve baino lehen erregistratu bazinen
help-legacy-body = Gizarte Segurantzan Cl@ve sortu aurretik erregistratu bazinen, oraindik ez duzu baimenik eman Gizarte Segurantzan dituzun datuak Cl@ve sisteman erabiltzeko. Bitartean, Gizarte Segurantzaren zerbitzuetan soilik identifika zaitezke.
help-legacy-migration = Cl@ve sistemaren zerbitzu guztiak erabiltzeko, Cl@ve sistemara igaro behar duzu. Gizarte Segurantzaren edozein zerbitzutan identifikatzen zarenean edo «Tu Seguridad Social» atarian sartzen zarenean eskainiko dizugu: onartu besterik ez duzu egin behar.
help-legacy-operations = Igarotzen ez zaren bitartean, ezin izango dituzu zure kontuko izapideak egin (pasahitza aldatu edo berreskuratu, baja eman edo aktibazio-kode berri bat lortu): Cl@ve erregistro-bulego batean erregistratu zirenek soilik egin ditzakete.
help-legacy-logo = «Tu Seguridad Social» atariko Cl@ve logotipoak adierazten du atariak bai Cl@ve sistemako erabiltzaileak, bai Gizarte Segurantzakoak onartzen dituela.

## Baja

help-unsubscribe-title = Baja eman
help-unsubscribe-body = Zure Cl@ve Permanente erabiltzailea mantendu nahi ez baduzu, baja eman dezakezu. Berresteko, zure DNI/NIEa, pasahitza eta SMS kode bat eskatuko dizkizugu. Geroago berriro erabili nahi baduzu, erregistro berri bat egin beharko duzu Cl@ve sisteman.

## Erregistroa

help-register-title = Non erregistratu Cl@ve sisteman
help-register-body = Cl@ve sisteman erregistratzeko, eta aktibazio-kodea jasotzeko, joan Cl@ve erregistro-bulego batera; adibidez, Zerga Agentziaren edo Gizarte Segurantzaren bulego batera. Eraman indarrean dagoen zure DNI/NIEa, eta erregistratu nahi dituzun helbide elektronikoa eta telefono mugikorra.
help-register-again = Erregistro berri bat egin behar duzu aktibazio-kodea blokeatu edo galdu baduzu eta pasahitza gogoratzen ez baduzu, edo baja eman baduzu eta Cl@ve Permanente berriro erabili nahi baduzu.

## Segurtasun-galdera

help-question-title = Segurtasun-galdera
help-question-body = Batzuetan, segurtasun-galdera bati erantzuteko eskatuko dizugu. Programa automatikoek beste pertsona batzuen pasahitzak proba ditzaten eragozteko balio du. Erantzun, eta jarraitu ohi bezala.
