# O portal de demostración (/demo): unha sede electrónica de exemplo que usa Cl@ve
# como o faría calquera parte usuaria. Só existe no perfil de desenvolvemento.

## Cabeceira e páxina principal

demo-title = Sede electrónica de demostración
demo-banner = Sede electrónica de demostración: este sitio non forma parte de Cl@ve. É unha parte usuaria de OpenID Connect de exemplo que se identifica ante Cl@ve como o faría unha sede electrónica real.
demo-login-title = Acceda á sede
demo-login-intro = Para facer trámites nesta sede ten que identificarse. Pasará a Cl@ve e, cando se identifique, volverá aquí.
demo-acr-label = Nivel de seguridade
demo-acr-hint = O nivel substancial pide ademais un código que recibirá por SMS.
demo-acr-low = Baixo (contrasinal)
demo-acr-substantial = Substancial (contrasinal e código SMS)
demo-scopes-legend = Datos que pedirá a sede
demo-scope-profile = Nome e apelidos
demo-scope-profile-hint = name, given_name, family_name, first_surname, second_surname
demo-scope-email = Correo electrónico
demo-scope-email-hint = email
demo-scope-phone = Teléfono móbil
demo-scope-phone-hint = phone_number
demo-scope-nif = DNI/NIE
demo-scope-nif-hint = nif
demo-government-label = Perfil gobernamental (private_key_jwt, PAR e DPoP)
demo-government-hint = A sede identifícase como un cliente de nivel gobernamental: asina as súas peticións coa súa propia clave en vez de cun segredo compartido, envía antes a petición de autorización a Cl@ve e vincula o seu token de acceso a unha clave deste acceso.
demo-government-session = Accedeu co perfil gobernamental: aserción de cliente asinada, petición enviada por PAR e token de acceso vinculado por DPoP
demo-login-button = Acceder con Cl@ve
demo-citizen-hint = Para probalo necesita un usuario de Cl@ve Permanente activo. Consulte o README: rexistre un cidadán de proba con «clave-idp citizen register».

## Sesión iniciada

demo-welcome-title = Accedeu con Cl@ve
demo-welcome-intro = Estes son os datos que a sede recibiu de Cl@ve:
demo-claim-sub = Identificador nesta sede
demo-claim-name = Nome completo
demo-claim-given-name = Nome
demo-claim-family-name = Apelidos
demo-claim-nif = DNI/NIE
demo-claim-email = Correo electrónico
demo-claim-phone-number = Teléfono móbil
demo-claim-acr = Nivel de seguridade
demo-claim-amr = Métodos de identificación
demo-claim-auth-time = Momento da identificación (UTC)
demo-source-userinfo = (obtido de userinfo)
demo-source-id-token = (obtido do token de identidade)
demo-raw-id-token = Token de identidade (JSON)
demo-raw-userinfo = Resposta de userinfo (JSON)
demo-logout = Pechar sesión
demo-logout-hint = Ao pechar a sesión aquí, tamén a pechará en Cl@ve.
demo-logged-out = Pechou a sesión na sede e en Cl@ve.

## Erros

demo-error-title = Non puido acceder á sede
demo-error-detail = Detalles técnicos:
demo-back = Volver á sede
demo-error-expired = O acceso caducou ou xa se usou. Volva á sede e comece de novo.
demo-error-state = A resposta de Cl@ve non corresponde a un acceso iniciado desde este navegador. Volva á sede e comece de novo.
demo-error-issuer = A resposta non vén do provedor de identidade que esperaba a sede.
demo-error-access-denied = Cancelou a identificación en Cl@ve. Pode volver intentalo cando queira.
demo-error-provider = Cl@ve non puido completar a identificación.
demo-error-token = A sede non puido trocar o código de autorización en Cl@ve.
demo-error-par = A sede non puido enviar a súa petición de autorización a Cl@ve.
demo-error-id-token = O token de identidade recibido non é válido.
demo-error-acr = Cl@ve non confirmou o nivel de seguridade que pediu a sede.
demo-error-userinfo = A sede non puido obter os seus datos de Cl@ve.
demo-error-discovery = A sede non puido contactar con Cl@ve. Comprobe que CLAVE_ISSUER é un enderezo ao que o servidor se pode conectar.
demo-error-unavailable = A sede non está dispoñible neste momento. Inténteo de novo nuns minutos.
