# Usuarios registrados en la Seguridad Social antes de Cl@ve: la incorporación
# (migración) que se les ofrece al identificarse en un servicio de la Seguridad
# Social, y su texto de ayuda. Si cambias el texto del consentimiento
# (legacy-consent-*), cambia también LEGACY_CONSENT_WORDING en
# src/legacy/consent.rs.

## Consentimiento al identificarse

legacy-consent-title = Incorpórate a Cl@ve
legacy-consent-why = Te registraste en la Seguridad Social antes de la llegada de Cl@ve, así que no has dado tu consentimiento para usar en Cl@ve los datos que registraste en la Seguridad Social.
legacy-consent-need = Para poder usar todos los servicios disponibles en Cl@ve debes incorporarte a esta plataforma mediante este proceso de migración.
legacy-consent-data-title = Los datos que pasarían a Cl@ve
legacy-consent-data-intro = Son los que registraste en la Seguridad Social:
legacy-consent-data-name = Nombre y apellidos:
legacy-consent-data-phone = Teléfono móvil:
legacy-consent-data-email = Tu correo electrónico.
legacy-consent-accept-title = Si aceptas
legacy-consent-accept-portals = Podrás identificarte con Cl@ve Permanente en todos los servicios de las administraciones públicas que usan Cl@ve, no solo en los de la Seguridad Social.
legacy-consent-accept-password = Seguirás usando tu DNI/NIE y tu contraseña de siempre.
legacy-consent-accept-services = Podrás hacer las gestiones de Cl@ve Permanente, como cambiar tu contraseña o darte de baja.
legacy-consent-decline-title = Si ahora no aceptas
legacy-consent-decline-effect = Continuarás igualmente hacia «{ $client }», pero solo podrás usar los servicios de la Seguridad Social. Te volveremos a ofrecer la incorporación la próxima vez que te identifiques en uno de ellos.
legacy-consent-accept = Acepto incorporarme a Cl@ve
legacy-consent-decline = Ahora no, continuar hacia «{ $client }»
legacy-consent-required = Elige si aceptas incorporarte a Cl@ve o prefieres continuar sin hacerlo.

## Fuera de los servicios de la Seguridad Social

legacy-not-migrated-where = «{ $client }» no es un servicio de la Seguridad Social, así que todavía no puedes identificarte en él. Cuando te identifiques en un servicio de la Seguridad Social se te ofrecerá incorporarte a Cl@ve; después podrás acceder también aquí.
legacy-help-link = Qué significa incorporarte a Cl@ve si te registraste en la Seguridad Social

## Ayuda

legacy-help-title = Usuarios registrados en la Seguridad Social
legacy-help-who = Si te registraste en una oficina de la Seguridad Social antes de la llegada de Cl@ve, tienes usuario y contraseña para los servicios de la Seguridad Social, pero no has dado tu consentimiento para usar en Cl@ve los datos que registraste allí.
legacy-help-where-title = Dónde se te ofrece la incorporación
legacy-help-where = A todos los usuarios registrados en la Seguridad Social que no están en Cl@ve se les ofrece la incorporación (migración) a Cl@ve cuando se identifican en cualquier servicio de la Seguridad Social o acceden al portal Tu Seguridad Social.
legacy-help-logo = El logotipo de Cl@ve en el portal Tu Seguridad Social indica que es accesible tanto para los usuarios de Cl@ve como para los de la Seguridad Social.
legacy-help-accept-title = Si aceptas
legacy-help-accept = Tu cuenta pasa a ser una cuenta de Cl@ve Permanente con los datos que registraste en la Seguridad Social. Mantienes tu contraseña y podrás identificarte en todos los servicios que usan Cl@ve y hacer sus gestiones.
legacy-help-decline-title = Si no aceptas
legacy-help-decline = Puedes seguir usando los servicios de la Seguridad Social como hasta ahora. La incorporación se te volverá a ofrecer la próxima vez que te identifiques en uno de ellos.
legacy-help-until-title = Mientras no te incorpores
legacy-help-until = Solo los usuarios registrados en Cl@ve pueden hacer las gestiones de Cl@ve Permanente (activar el usuario, recuperar o cambiar la contraseña, obtener un código de activación nuevo o darse de baja) e identificarse en servicios que no son de la Seguridad Social.
