# El portal de demostración (/demo): una sede electrónica de ejemplo que usa Cl@ve
# como lo haría cualquier parte usuaria. Solo existe en el perfil de desarrollo.

## Cabecera y página principal

demo-title = Sede electrónica de demostración
demo-banner = Sede electrónica de demostración: este sitio no forma parte de Cl@ve. Es una parte usuaria de OpenID Connect de ejemplo que se identifica ante Cl@ve como lo haría una sede electrónica real.
demo-login-title = Acceda a la sede
demo-login-intro = Para hacer trámites en esta sede tiene que identificarse. Le llevaremos a Cl@ve y, cuando se identifique, volverá aquí.
demo-acr-label = Nivel de seguridad
demo-acr-hint = El nivel sustancial pide además un código que recibirá por SMS.
demo-acr-low = Bajo (contraseña)
demo-acr-substantial = Sustancial (contraseña y código SMS)
demo-scopes-legend = Datos que pedirá la sede
demo-scope-profile = Nombre y apellidos
demo-scope-profile-hint = name, given_name, family_name, first_surname, second_surname
demo-scope-email = Correo electrónico
demo-scope-email-hint = email
demo-scope-phone = Teléfono móvil
demo-scope-phone-hint = phone_number
demo-scope-nif = DNI/NIE
demo-scope-nif-hint = nif
demo-government-label = Perfil gubernamental (private_key_jwt, PAR y DPoP)
demo-government-hint = La sede se identifica como un cliente de nivel gubernamental: firma sus peticiones con su propia clave en lugar de un secreto compartido, envía antes la petición de autorización a Cl@ve y vincula su token de acceso a una clave de este acceso.
demo-government-session = Ha accedido con el perfil gubernamental: aserción de cliente firmada, petición enviada por PAR y token de acceso vinculado por DPoP
demo-login-button = Acceder con Cl@ve
demo-citizen-hint = Para probarlo necesita un usuario de Cl@ve Permanente activo. Consulte el README: registre un ciudadano de prueba con «clave-idp citizen register».

## Sesión iniciada

demo-welcome-title = Ha accedido con Cl@ve
demo-welcome-intro = Estos son los datos que la sede ha recibido de Cl@ve:
demo-claim-sub = Identificador en esta sede
demo-claim-name = Nombre completo
demo-claim-given-name = Nombre
demo-claim-family-name = Apellidos
demo-claim-nif = DNI/NIE
demo-claim-email = Correo electrónico
demo-claim-phone-number = Teléfono móvil
demo-claim-acr = Nivel de seguridad
demo-claim-amr = Métodos de identificación
demo-claim-auth-time = Momento de la identificación (UTC)
demo-source-userinfo = (de userinfo)
demo-source-id-token = (del token de identidad)
demo-raw-id-token = Token de identidad (JSON)
demo-raw-userinfo = Respuesta de userinfo (JSON)
demo-logout = Cerrar sesión
demo-logout-hint = Al cerrar la sesión también la cerrará en Cl@ve.
demo-logged-out = Ha cerrado la sesión en la sede y en Cl@ve.

## Errores

demo-error-title = No ha podido acceder a la sede
demo-error-detail = Detalle técnico:
demo-back = Volver a la sede
demo-error-expired = El acceso ha caducado o ya se usó. Vuelva a la sede y empiece de nuevo.
demo-error-state = La respuesta de Cl@ve no corresponde a un acceso iniciado desde este navegador. Vuelva a la sede y empiece de nuevo.
demo-error-issuer = La respuesta no viene del proveedor de identidad que esperaba la sede.
demo-error-access-denied = Ha cancelado la identificación en Cl@ve. Puede volver a intentarlo cuando quiera.
demo-error-provider = Cl@ve no ha podido completar la identificación.
demo-error-token = La sede no ha podido canjear el código de autorización en Cl@ve.
demo-error-par = La sede no ha podido enviar su petición de autorización a Cl@ve.
demo-error-id-token = El token de identidad recibido no es válido.
demo-error-acr = Cl@ve no ha confirmado el nivel de seguridad que pidió la sede.
demo-error-userinfo = La sede no ha podido recibir de Cl@ve los datos que pidió.
demo-error-discovery = La sede no ha podido contactar con Cl@ve. Compruebe que CLAVE_ISSUER es una dirección a la que el servidor puede conectarse.
demo-error-unavailable = La sede no está disponible en este momento. Inténtelo de nuevo en unos minutos.
