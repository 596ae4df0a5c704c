# Erabilera bakarreko kodeak (OTP) SMS bidez: SMSaren testua eta kodea idazteko orria.
# SMSek kodea zertarako den eta zenbat irauten duen esaten dute, besterik ez: ez
# DNI/NIEa, ez izena, ez estekarik.

## SMSa ($code: 6 zifrak; $minutes: baliozko minutuak)

sms-otp-login = Cl@ve: saioa hasteko zure kodea { $code } da. { $minutes ->
        [one] { $minutes } minutu
       *[other] { $minutes } minutu
    } barru iraungiko da. Ez eman inori.
sms-otp-challenge = Cl@ve: jarraitzeko zure kodea { $code } da. { $minutes ->
        [one] { $minutes } minutu
       *[other] { $minutes } minutu
    } barru iraungiko da. Ez eman inori.
sms-otp-activation = Cl@ve: zure erabiltzailea aktibatzeko kodea { $code } da. { $minutes ->
        [one] { $minutes } minutu
       *[other] { $minutes } minutu
    } barru iraungiko da. Ez eman inori.
sms-otp-password-reset = Cl@ve: zure pasahitza berrezartzeko kodea { $code } da. { $minutes ->
        [one] { $minutes } minutu
       *[other] { $minutes } minutu
    } barru iraungiko da. Ez eman inori.
sms-otp-password-change = Cl@ve: zure pasahitza aldatzeko kodea { $code } da. { $minutes ->
        [one] { $minutes } minutu
       *[other] { $minutes } minutu
    } barru iraungiko da. Ez eman inori.
sms-otp-unsubscribe = Cl@ve: Cl@ve Permanente sisteman baja emateko kodea { $code } da. { $minutes ->
        [one] { $minutes } minutu
       *[other] { $minutes } minutu
    } barru iraungiko da. Ez eman inori.
sms-otp-code-regeneration = Cl@ve: aktibazio-kode berri bat lortzeko kodea { $code } da. { $minutes ->
        [one] { $minutes } minutu
       *[other] { $minutes } minutu
    } barru iraungiko da. Ez eman inori.
sms-otp-expired-password-renewal = Cl@ve: iraungitako pasahitza berritzeko kodea { $code } da. { $minutes ->
        [one] { $minutes } minutu
       *[other] { $minutes } minutu
    } barru iraungiko da. Ez eman inori.

## Kodearen orria

otp-title = Egiaztapen-kodea
otp-sent = 6 zifrako kode bat duen SMS bat bidali dizugu erregistratutako zure telefono mugikorrera.
otp-validity = Kodea { $minutes ->
        [one] { $minutes } minutu
       *[other] { $minutes } minutu
    } barru iraungiko da, eta behin bakarrik erabil daiteke.
otp-label = SMS bidez jasotako kodea
otp-hint = 6 zifra, zuriunerik eta letrarik gabe.
otp-submit = Jarraitu
otp-resend = Bidali kode berri bat
otp-resend-wait = erabilgarri { $seconds } s barru
otp-resend-ready = Orain kode berri bat eska dezakezu.

## Emaitzak

otp-wrong = Kodea ez da zuzena. { $tries ->
        [one] { $tries } saiakera geratzen zaizu.
       *[other] { $tries } saiakera geratzen zaizkizu.
    }
otp-malformed = Kodeak 6 zifra ditu. Berrikusi idatzi duzuna.
otp-expired = Kodea iraungi da. Eskatu beste bat.
otp-too-many-tries = Kode oker gehiegi sartu dira. Eskatu beste bat.
otp-no-code = Ez dago zain dagoen koderik, edo dagoeneko erabili da. Eskatu beste bat.
otp-cooling-down = Kode berri bat eskatu ahal izango duzu { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundo
    } barru.
otp-hourly-limit = Ordubetean eska daitekeen kode-kopuru handiena eskatu duzu. Beste bat eskatu ahal izango duzu { $minutes ->
        [one] { $minutes } minutu
       *[other] { $minutes } minutu
    } barru.
otp-sms-unavailable = Ezin izan dugu SMSa bidali. Saiatu berriro geroago.

## SMSa iristen ez bada

otp-help-title = Ez zaizu SMSa iristen?
otp-help-more = Laguntza gehiago SMSa iristen ez bada
otp-help-multisim = MultiSIM txartela erabiltzen baduzu, SMSak zenbaki nagusira bidaltzen dira, ez bigarren mailakora. Egiaztatu zure mugikorra zenbaki zuzenarekin erregistratuta dagoela.
otp-help-operator = Ziurtatu zure operadoreak ez duela murriztu zenbaki berezietako SMSak bidaltzea edo jasotzea.
otp-help-other-phone = Baliteke arazoa zure mugikorraren konfigurazioan egotea. Saiatu zure SIM txartela beste telefono batean sartzen: kasuen % 90ean, beste telefono batean probatzean, entregatzeko zain zeuden SMS guztiak jasotzen dira.

# Huts egindako saiakerek pasahitza blokeatzen dutenean bidaltzen den abisua (egunean bat gehienez).
sms-notice-password-blocked = Cl@ve: zure pasahitza blokeatu da, 5 saiakera huts egin ondoren. Zu izan ez bazara, ez da inor sartu: desblokeatu «Pasahitza ahaztu zait» aukeran, zure aktibazio-kodearekin.
# Huts egindako saiakerek aktibazio-kodea blokeatzen dutenean bidaltzen den abisua (eguneko muga bera).
sms-notice-code-blocked = Cl@ve: zure aktibazio-kodea blokeatu da, hainbat saiakera huts egin ondoren. Zu izan ez bazara, kontua babestuta dago: lortu berri bat «Aktibazio-kode berria lortu» aukeran, zure pasahitzarekin.
