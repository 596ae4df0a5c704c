# Páginas informativas de la capa web: cookies y privacidad.

## Cookies

cookies-title = Cookies
cookies-intro = Cl@ve solo usa cookies técnicas, estrictamente necesarias para que el servicio funcione de forma segura. No usamos cookies de análisis, de publicidad ni de terceros; por eso no te pedimos consentimiento.
cookies-table-caption = Cookies que usa este sitio
cookies-col-name = Nombre
cookies-col-purpose = Para qué sirve
cookies-col-duration = Duración
cookie-session-purpose = Mantiene tu sesión mientras te identificas o gestionas tu cuenta, para no pedirte los mismos datos en cada paso.
cookie-session-duration = Hasta que cierras el navegador o terminas el proceso.
cookie-csrf-purpose = Protege los formularios frente a envíos falsificados desde otros sitios web.
cookie-csrf-duration = Hasta que cierras el navegador.
cookie-lang-purpose = Recuerda el idioma que has elegido.
cookie-lang-duration = Un año.
cookie-device-purpose = Recuerda que ya te has identificado en este navegador, para que quien pruebe contraseñas desde otros no pueda bloquear tu acceso desde aquí. No guarda tu contraseña ni tus datos.
cookie-device-duration = Un año desde tu último acceso.
cookie-account-login-purpose = Vincula a este navegador la identificación para entrar en tu página de cuenta (Mi Cl@ve), para que nadie más pueda completarla por ti.
cookie-account-login-duration = Diez minutos, o hasta que termine la identificación.
cookies-manage = Puedes borrar estas cookies desde la configuración de tu navegador. Si las bloqueas, no podrás identificarte ni enviar formularios.

## Privacidad

privacy-title = Privacidad
privacy-intro = Este servicio trata tus datos personales solo para identificarte ante las Administraciones Públicas y para gestionar tu registro en Cl@ve Permanente.
privacy-data-heading = Qué datos guardamos
privacy-data = Los datos que facilitaste en el acto de registro (DNI/NIE, nombre y apellidos, correo electrónico y teléfono móvil); tu contraseña, guardada de forma que nadie pueda leerla; y un registro de las operaciones de seguridad (accesos, cambios de contraseña, bajas) con su fecha.
privacy-sharing-heading = Con quién los compartimos
privacy-sharing = Cuando accedes a un servicio electrónico, solo le enviamos los datos que ese servicio necesita y tiene autorizados. Cada servicio recibe un identificador distinto para ti, de modo que los servicios no pueden relacionar tus accesos entre sí, salvo los que necesitan tu DNI/NIE para tramitar tu solicitud.
privacy-rights-heading = Tus derechos
privacy-rights = Puedes ejercer tus derechos de acceso, rectificación, supresión y los demás que reconoce el Reglamento General de Protección de Datos ante el órgano responsable de este servicio, por los medios indicados en la ayuda. Puedes darte de baja en Cl@ve Permanente cuando quieras.
privacy-cookies = Para saber qué cookies usamos, consulta la página de cookies.

## Portada

home-title = Cl@ve Permanente
home-intro = Desde aquí puedes gestionar tu usuario de Cl@ve Permanente.
home-portals = Para identificarte en un servicio electrónico, entra en el portal de ese servicio y elige «Cl@ve»: te traerá aquí.
