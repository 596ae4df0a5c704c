# Usuarios rexistrados na Seguridade Social antes de Cl@ve: a incorporación
# (migración) que se lles ofrece ao identificarse nun servizo da Seguridade
# Social, e o seu texto de axuda. Se cambia o texto do consentimento
# (legacy-consent-*), cambie tamén LEGACY_CONSENT_WORDING en
# src/legacy/consent.rs.

## Consentimento ao identificarse

legacy-consent-title = Incorpórese a Cl@ve
legacy-consent-why = Rexistrouse na Seguridade Social antes da chegada de Cl@ve, polo que non deu o seu consentimento para usar en Cl@ve os datos que rexistrou na Seguridade Social.
legacy-consent-need = Para poder usar todos os servizos dispoñibles en Cl@ve, debe incorporarse a esta plataforma mediante este proceso de migración.
legacy-consent-data-title = Os datos que pasarían a Cl@ve
legacy-consent-data-intro = Son os que rexistrou na Seguridade Social:
legacy-consent-data-name = Nome e apelidos:
legacy-consent-data-phone = Teléfono móbil:
legacy-consent-data-email = O seu correo electrónico.
legacy-consent-accept-title = Se acepta
legacy-consent-accept-portals = Poderá identificarse con Cl@ve Permanente en todos os servizos das administracións públicas que usan Cl@ve, non só nos da Seguridade Social.
legacy-consent-accept-password = Seguirá usando o seu DNI/NIE e o seu contrasinal de sempre.
legacy-consent-accept-services = Poderá facer as xestións de Cl@ve Permanente, como cambiar o seu contrasinal ou darse de baixa.
legacy-consent-decline-title = Se agora non acepta
legacy-consent-decline-effect = Continuará igualmente cara a «{ $client }», pero só poderá usar os servizos da Seguridade Social. Ofrecerémoslle de novo a incorporación a próxima vez que se identifique nun deles.
legacy-consent-accept = Acepto incorporarme a Cl@ve
legacy-consent-decline = Agora non, continuar cara a «{ $client }»
legacy-consent-required = Indique se acepta incorporarse a Cl@ve ou se prefire continuar sen facelo.

## Fóra dos servizos da Seguridade Social

legacy-not-migrated-where = «{ $client }» non é un servizo da Seguridade Social, polo que aínda non pode identificarse nel. Cando se identifique nun servizo da Seguridade Social, ofreceráselle incorporarse a Cl@ve; despois poderá acceder tamén aquí.
legacy-help-link = Que significa incorporarse a Cl@ve se se rexistrou na Seguridade Social

## Axuda

legacy-help-title = Usuarios rexistrados na Seguridade Social
legacy-help-who = Se se rexistrou nunha oficina da Seguridade Social antes da chegada de Cl@ve, ten usuario e contrasinal para os servizos da Seguridade Social, pero non deu o seu consentimento para usar en Cl@ve os datos que rexistrou alí.
legacy-help-where-title = Onde se lle ofrece a incorporación
legacy-help-where = Cl@ve ofrece a incorporación (migración) a todos os usuarios rexistrados na Seguridade Social que non están en Cl@ve cando se identifican en calquera servizo da Seguridade Social ou acceden ao portal «Tu Seguridad Social».
legacy-help-logo = O logotipo de Cl@ve no portal «Tu Seguridad Social» indica que é accesible tanto para os usuarios de Cl@ve como para os da Seguridade Social.
legacy-help-accept-title = Se acepta
legacy-help-accept = A súa conta pasa a ser unha conta de Cl@ve Permanente cos datos que rexistrou na Seguridade Social. Mantén o seu contrasinal e poderá identificarse en todos os servizos que usan Cl@ve e facer as súas xestións.
legacy-help-decline-title = Se non acepta
legacy-help-decline = Pode seguir usando os servizos da Seguridade Social como ata agora. Ofreceráselle de novo a incorporación a próxima vez que se identifique nun deles.
legacy-help-until-title = Mentres non se incorpore
legacy-help-until = Só os usuarios rexistrados en Cl@ve poden facer as xestións de Cl@ve Permanente (activar o usuario, recuperar ou cambiar o contrasinal, obter un código de activación novo ou darse de baixa) e identificarse en servizos que non son da Seguridade Social.
