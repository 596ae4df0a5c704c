# Herritarrak bere kontua kudeatzea: aktibazioa, ahaztutako edo blokeatutako
# pasahitza, pasahitz-aldaketa, baja eta aktibazio-kodea berriro sortzea.

## Komunak

selfservice-continue = Jarraitu
selfservice-save-password = Gorde pasahitza
selfservice-expired = Izapide hau iraungi da edo ez da baliozkoa. Hasi berriro hasieratik.
selfservice-already-done-title = Izapide hau eginda dago dagoeneko
selfservice-continue-to = Jarraitu «{ $client }» zerbitzura

## Urrats bakoitzak eskatzen duena (<h1>; izapidearen izena haren gainean, docs/style.md)

selfservice-task-registration-data = Idatzi zure erregistro-datuak
selfservice-task-identify = Identifikatu zure DNI/NIEarekin eta pasahitzarekin
selfservice-task-code = Idatzi SMS bidez bidali dizugun kodea
selfservice-task-first-password = Aukeratu zure pasahitza
selfservice-task-new-password = Aukeratu zure pasahitz berria
selfservice-code-blocked = Zure aktibazio-kodea blokeatuta dago, 5 aldiz baino gehiagotan gaizki sartu delako. Berri bat lortzeko, erregistro berri bat egin behar duzu Cl@ve sisteman, edo aktibazio-kodea berriro sortu.
selfservice-code-blocked-pending = Zure aktibazio-kodea blokeatuta dago, 5 aldiz baino gehiagotan gaizki sartu delako. Oraindik zure erabiltzailea aktibatu ez duzunez, kode berria Cl@ve erregistro-bulego batean emango dizute: eraman indarrean dagoen DNI/NIEa.
selfservice-legacy = Gizarte Segurantzan erregistratu zinen, Cl@ve sortu aurretik. Izapide hauek erabiltzeko, lehenik Cl@ve sistemara igaro behar duzu: Gizarte Segurantzaren zerbitzu batean identifikatzen zarenean eskainiko zaizu.
selfservice-unsubscribed = Cl@ve Permanente sisteman baja eman zenuen. Berriro erabiltzeko, erregistro berri bat egin behar duzu Cl@ve sisteman.
selfservice-code-block-warning = Aktibazio-kodea 5 aldiz baino gehiagotan gaizki sartzen baduzu, blokeatu egingo da, eta berri bat beharko duzu.
field-email = Helbide elektronikoa
field-email-hint = Erregistratzean eman zenuena.
field-activation-code = Aktibazio-kodea
field-activation-code-hint = Erregistratzean eman zizutena; adibidez, ABCD-EFGH-JKMN-PQRS. Berdin da letra larriz edo xehez idazten duzun, marratxoekin edo gabe.

## Aktibazioa

activation-title = Zure Cl@ve Permanente erabiltzailea aktibatu
activation-intro = Idatzi zure DNI/NIEa, erregistratzean eman zenuen helbide elektronikoa eta erregistro-bulegoan eman zizuten aktibazio-kodea. Ondoren, SMS bat bidaliko dizugu erregistratu zenuen mugikorrera.
activation-mismatch = Datuak ez datoz bat erregistroko datuekin. Berrikusi DNI/NIEa, helbide elektronikoa eta aktibazio-kodea.
activation-already-active = Zure erabiltzailea aktibatuta dago dagoeneko. Pasahitza gogoratzen ez baduzu, erabili «Pasahitza ahaztu zait» aukera.
activation-password-intro = Aukeratu hemendik aurrera sartzeko erabiliko duzun pasahitza.
activation-done-title = Erabiltzailea aktibatuta
activation-done = Zure Cl@ve Permanente erabiltzailea aktibatuta dago.
activation-services = Hemendik aurrera, zure DNI/NIEarekin eta pasahitzarekin identifika zaitezke Cl@ve onartzen duten zerbitzu elektronikoetan; adibidez:
activation-service-tax = Zerga Agentziaren egoitza elektronikoa,
activation-service-social-security = «Tu Seguridad Social» ataria,
activation-service-other = eta beste administrazio publiko batzuen egoitza elektronikoak.
activation-keep-code = Gorde zure aktibazio-kodea: pasahitza ahazten bazaizu, beharko duzu.

## Ahaztutako edo blokeatutako pasahitza

reset-title = Pasahitz berria ezarri
reset-intro = Pasahitza ahaztu bazaizu edo blokeatuta badago, berri bat ezar dezakezu zure aktibazio-kodearekin. SMS bat bidaliko dizugu erregistratu zenuen mugikorrera.
reset-mismatch = Datuak ez dira zuzenak. Berrikusi DNI/NIEa eta aktibazio-kodea.
reset-not-activated = Zure erabiltzailea oraindik ez dago aktibatuta: aktibatu lehenik zure aktibazio-kodearekin.
reset-password-intro = Aukeratu zure pasahitz berria. Blokeatuta bazegoen, desblokeatu egingo da.
reset-done-title = Pasahitza aldatuta
reset-done = Zure pasahitz berria aktibo dago dagoeneko, eta zure erabiltzailea desblokeatuta. Aurreko pasahitzarekin irekitako saioak itxi egin dira.

## Pasahitz-aldaketa

change-title = Pasahitza aldatu
change-intro = Identifikatu zure DNI/NIEarekin eta egungo pasahitzarekin. SMS bat bidaliko dizugu aldaketa berresteko.
change-password-intro = Aukeratu zure pasahitz berria. Egungoaren desberdina izan behar du.
change-done-title = Pasahitza aldatuta
change-done = Zure pasahitz berria aktibo dago dagoeneko, eta 2 urtez izango da baliozkoa. Irekita zeuden gainerako saioak itxi egin dira.

## Baja

unsubscribe-title = Cl@ve Permanente sisteman baja eman
unsubscribe-intro = Identifikatu zure DNI/NIEarekin eta pasahitzarekin. SMS bat bidaliko dizugu baja berresteko.
unsubscribe-confirm-intro = Berretsi aurretik, kontuan izan zer esan nahi duen baja emateak:
unsubscribe-task-confirm = Berretsi baja eman nahi duzula
unsubscribe-consequence-logins = Aurrerantzean, ezingo zara Cl@ve Permanente bidez identifikatu inongo zerbitzutan.
unsubscribe-consequence-sessions = Zerbitzuetan irekita dituzun saio guztiak itxi egingo dira.
unsubscribe-consequence-reopen = Geroago berriro erabili nahi baduzu, erregistro berri bat egin beharko duzu Cl@ve sisteman.
unsubscribe-confirm-button = Berretsi baja
unsubscribe-keep = Ez, nire erabiltzailea mantendu nahi dut
unsubscribe-done-title = Baja emanda
unsubscribe-done = Cl@ve Permanente sisteman baja eman duzu. Berriro erabiltzeko, erregistro berri bat egin behar duzu Cl@ve sisteman.

## Aktibazio-kodea berriro sortzea

regenerate-title = Aktibazio-kode berria lortu
regenerate-intro = Identifikatu zure DNI/NIEarekin eta pasahitzarekin. SMS bat bidaliko dizugu, eta, berretsitakoan, zure aktibazio-kode berria ikusiko duzu.
regenerate-done-title = Aktibazio-kode berria
regenerate-done = Hau da zure aktibazio-kode berria. Aurrekoak ez du balio jada.
regenerate-already-done = Zure aktibazio-kode berria sortu da dagoeneko. Segurtasunagatik, behin bakarrik erakusten da; apuntatu ez bazenuen, lortu beste bat.
regenerate-keep = Apuntatu eta gorde leku seguru batean: behin bakarrik erakusten da, eta pasahitza ahazten bazaizu, beharko duzu.
