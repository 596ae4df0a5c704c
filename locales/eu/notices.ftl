# Segurtasun-abisuak posta elektronikoz (eta SMS bidez): zer gertatu den kontuan,
# noiz, zer nabigatzailetatik eta zer egin zu izan ez bazara (src/notices/mod.rs).
# Abisu batek ez du inoiz koderik edo pasahitzik. SMSek ez dute estekarik.

## Atal komunak ($name: izena)

notice-greeting = Kaixo, { $name }:
notice-when = Data eta ordua
notice-browser = Nabigatzailea
notice-browser-unknown = Ezin izan da jakin
notice-network = Gutxi gorabeherako sarea
notice-account = Berrikusi zure sarbideen historia eta saio irekiak Mi Cl@ve orrian
notice-footer = Mezu automatikoa da hau: ez erantzun. Cl@ve sistemak ez dizu inoiz eskatuko posta elektronikoz zure pasahitza, aktibazio-kodea edo SMS bidez jasotzen dituzun kodeak.
notice-action-forgot = Aukeratu pasahitz berri bat
notice-action-office = Bilatu Cl@ve erregistro-bulego bat
notice-action-new-code = Lortu aktibazio-kode berri bat
notice-action-not-me = Sartu Mi Cl@ve orrian eta sakatu «Ez naiz ni izan»

## Erabiltzailea aktibatuta

notice-activation-subject = Cl@ve: zure erabiltzailea aktibatu duzu
notice-activation-what = Zure Cl@ve Permanente erabiltzailea aktibatu da, eta haren lehen pasahitza aukeratu da.
notice-activation-if-you = Zu izan bazara, ez duzu ezer egin beharrik: Cl@ve onartzen duten zerbitzuetan identifika zaitezke dagoeneko.
notice-activation-if-not-you = Zu izan ez bazara, norbaitek badaki zure aktibazio-kodea, eta zure mugikorrera bidalitako SMS kodea jaso du. Joan lehenbailehen erregistro-bulego batera zure DNI/NIEarekin.

## Pasahitza aldatuta (aurrekoa jakinda, edo iraungitako pasahitza berritzean)

notice-password-changed-subject = Cl@ve: zure pasahitza aldatu da
notice-password-changed-what = Zure Cl@ve Permanente erabiltzailearen pasahitza aldatu da. Aurreko pasahitzarekin irekitako saioak itxi egin dira.
notice-password-changed-if-you = Zu izan bazara, ez duzu ezer egin beharrik.
notice-password-changed-if-not-you = Zu izan ez bazara, aukeratu orain pasahitz berri bat zure aktibazio-kodearekin eta SMS kode batekin: horrela, beste inor ezingo da sartu.

## Pasahitza berrezarrita aktibazio-kodearekin

notice-password-reset-subject = Cl@ve: pasahitz berri bat ezarri da
notice-password-reset-what = Pasahitz berri bat ezarri da zure Cl@ve Permanente erabiltzailerako, zure aktibazio-kodearekin eta SMS kode batekin. Aurreko pasahitzarekin irekitako saioak itxi egin dira.
notice-password-reset-if-you = Zu izan bazara, ez duzu ezer egin beharrik.
notice-password-reset-if-not-you = Zu izan ez bazara, norbaitek badaki zure aktibazio-kodea, eta zure mugikorrera bidalitako SMS kodea jaso du. Aukeratu beste pasahitz bat orain, eta eskatu aktibazio-kode berri bat erregistro-bulego batean.

## Pasahitza blokeatuta huts egindako saiakerengatik

notice-password-blocked-subject = Cl@ve: zure pasahitza blokeatu egin da
notice-password-blocked-what = Zure Cl@ve Permanente pasahitza blokeatu egin da, 5 saiakera huts egin ondoren. Saiakera horiekin ez da inor sartu zure kontuan.
notice-password-blocked-if-you = Zu izan bazara, desblokeatu pasahitza, berri bat aukeratuz zure aktibazio-kodearekin eta SMS kode batekin.
notice-password-blocked-if-not-you = Zu izan ez bazara, zure kontua babestuta dago oraindik: inor ezin da sartu zure pasahitzik gabe. Pasahitz berria aukeratzen duzunean, berrikusi Mi Cl@ve orrian izan diren saiakerak.

## Aktibazio-kodea blokeatuta huts egindako saiakerengatik

notice-code-blocked-subject = Cl@ve: zure aktibazio-kodea blokeatu egin da
notice-code-blocked-what = Zure Cl@ve Permanente aktibazio-kodea blokeatu egin da, hainbat saiakera huts egin ondoren. Saiakera horiekin ez da inor sartu zure kontuan.
notice-code-blocked-if-you = Zu izan bazara, aktibazio-kode berri bat behar duzu.
notice-code-blocked-if-not-you = Zu izan ez bazara, zure kontua babestuta dago oraindik. Lortu kode berri bat zure pasahitzarekin eta SMS kode batekin.
notice-code-blocked-if-not-you-pending = Oraindik zure erabiltzailea aktibatu ez duzunez, kode berria erregistro-bulego batean emango dizute; eraman indarrean dagoen DNI/NIEa.

## Sarbidea nabigatzaile berri batetik

notice-new-browser-subject = Cl@ve: sarbide berria, aurretik erabili ez duzun nabigatzaile batetik
notice-new-browser-what = Norbait zure Cl@ve Permanente erabiltzailearekin identifikatu da, kontu honekin aurretik erabili ez duzun nabigatzaile batetik.
notice-new-browser-if-you = Zu izan bazara, ez duzu ezer egin beharrik.
notice-new-browser-if-not-you = Zu izan ez bazara, norbaitek badaki zure pasahitza. Sartu Mi Cl@ve orrian eta sakatu «Ez naiz ni izan»: zure saio guztiak itxiko dira, eta pasahitza blokeatuta geratuko da, berri bat aukeratu arte.

## Baja

notice-unsubscribe-subject = Cl@ve: Cl@ve Permanente sisteman baja eman duzu
notice-unsubscribe-what = Zure Cl@ve Permanente erabiltzaileari baja eman zaio: ezingo zara harekin identifikatu, eta zure saio guztiak itxi dira.
notice-unsubscribe-if-you = Zu izan bazara, ez duzu ezer egin beharrik. Egunen batean itzuli nahi baduzu, erregistratu berriro erregistro-bulego batean.
notice-unsubscribe-if-not-you = Zu izan ez bazara, norbaitek bazekien zure pasahitza, eta zure mugikorrera bidalitako SMS kodea jaso du. Joan erregistro-bulego batera zure DNI/NIEarekin, berriro alta emateko.

## Abisuen SMSak (CLAVE_NOTICE_SMS aukerak eskatzen badu bakarrik; blokeoenak otp.ftl fitxategian daude)

sms-notice-activation = Cl@ve: zure Cl@ve Permanente erabiltzailea aktibatu da. Zu izan ez bazara, joan erregistro-bulego batera.
sms-notice-password-changed = Cl@ve: zure pasahitza aldatu da. Zu izan ez bazara, aukeratu berri bat «Pasahitza ahaztu zait edo blokeatuta dago» aukeran.
sms-notice-password-reset = Cl@ve: pasahitz berri bat ezarri da zure aktibazio-kodearekin. Zu izan ez bazara, aukeratu beste bat «Pasahitza ahaztu zait edo blokeatuta dago» aukeran.
sms-notice-new-browser = Cl@ve: nabigatzaile berri batetik sartu dira zure kontuan. Zu izan ez bazara, sartu Mi Cl@ve orrian eta sakatu «Ez naiz ni izan».
sms-notice-unsubscribe = Cl@ve: zure Cl@ve Permanente erabiltzaileari baja eman zaio. Zu izan ez bazara, joan erregistro-bulego batera.
