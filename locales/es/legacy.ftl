# Usuarios registrados en la Seguridad Social antes de Cl@ve: la incorporación
# (migración) que se les ofrece al identificarse en un servicio de la Seguridad
# Social, y su texto de ayuda. Si cambia el texto del consentimiento
# (legacy-consent-*), cambie también LEGACY_CONSENT_WORDING en
# src/login/legacy.rs.

## Consentimiento al identificarse

legacy-consent-title = Incorpórese a Cl@ve
legacy-consent-why = Se registró en la Seguridad Social antes de la llegada de Cl@ve, así que no ha dado su consentimiento para usar en Cl@ve los datos que registró en la Seguridad Social.
legacy-consent-need = Para poder usar todos los servicios disponibles en Cl@ve debe incorporarse a esta plataforma mediante este proceso de migración.
legacy-consent-data-title = Los datos que pasarían a Cl@ve
legacy-consent-data-intro = Son los que registró en la Seguridad Social:
legacy-consent-data-name = Nombre y apellidos:
legacy-consent-data-phone = Teléfono móvil:
legacy-consent-data-email = Su correo electrónico.
legacy-consent-accept-title = Si acepta
legacy-consent-accept-portals = Podrá identificarse con Cl@ve Permanente en todos los servicios de las administraciones públicas que usan Cl@ve, no solo en los de la Seguridad Social.
legacy-consent-accept-password = Seguirá usando su DNI/NIE y su contraseña de siempre.
legacy-consent-accept-services = Podrá hacer las gestiones de Cl@ve Permanente, como cambiar su contraseña o darse de baja.
legacy-consent-decline-title = Si ahora no acepta
legacy-consent-decline-effect = Continuará igualmente hacia «{ $client }», pero solo podrá usar los servicios de la Seguridad Social. Le volveremos a ofrecer la incorporación la próxima vez que se identifique en uno de ellos.
legacy-consent-accept = Acepto incorporarme a Cl@ve
legacy-consent-decline = Ahora no, continuar hacia «{ $client }»
legacy-consent-required = Elija si acepta incorporarse a Cl@ve o prefiere continuar sin hacerlo.

## Fuera de los servicios de la Seguridad Social

legacy-not-migrated-where = «{ $client }» no es un servicio de la Seguridad Social, así que todavía no puede identificarse en él. Cuando se identifique en un servicio de la Seguridad Social se le ofrecerá incorporarse a Cl@ve; después podrá acceder también aquí.
legacy-help-link = Qué significa incorporarse a Cl@ve si se registró en la Seguridad Social

## Ayuda

legacy-help-title = Usuarios registrados en la Seguridad Social
legacy-help-who = Si se registró en una oficina de la Seguridad Social antes de la llegada de Cl@ve, tiene usuario y contraseña para los servicios de la Seguridad Social, pero no ha dado su consentimiento para usar en Cl@ve los datos que registró allí.
legacy-help-where-title = Dónde se le ofrece la incorporación
legacy-help-where = A todos los usuarios registrados en la Seguridad Social que no están en Cl@ve se les ofrece la incorporación (migración) a Cl@ve cuando se identifican en cualquier servicio de la Seguridad Social o acceden al portal «Tu Seguridad Social».
legacy-help-logo = El logotipo de Cl@ve en el portal «Tu Seguridad Social» indica que es accesible tanto para los usuarios de Cl@ve como para los de la Seguridad Social.
legacy-help-accept-title = Si acepta
legacy-help-accept = Su cuenta pasa a ser una cuenta de Cl@ve Permanente con los datos que registró en la Seguridad Social. Mantiene su contraseña y podrá identificarse en todos los servicios que usan Cl@ve y hacer las gestiones de Cl@ve Permanente.
legacy-help-decline-title = Si no acepta
legacy-help-decline = Puede seguir usando los servicios de la Seguridad Social como hasta ahora. La incorporación se le volverá a ofrecer la próxima vez que se identifique en uno de ellos.
legacy-help-until-title = Mientras no se incorpore
legacy-help-until = Solo los usuarios registrados en Cl@ve pueden hacer las gestiones de Cl@ve Permanente (activar el usuario, recuperar o cambiar la contraseña, obtener un código de activación nuevo o darse de baja) e identificarse en servicios que no son de la Seguridad Social.
