# Páginas informativas de la capa web: cookies y privacidad.

## Cookies

cookies-title = Cookies
cookies-intro = Cl@ve solo usa cookies técnicas, estrictamente necesarias para que el servicio funcione de forma segura. No usamos cookies de análisis, de publicidad ni de terceros; por eso no le pedimos consentimiento.
cookies-table-caption = Cookies que usa este sitio
cookies-col-name = Nombre
cookies-col-purpose = Para qué sirve
cookies-col-duration = Duración
cookie-session-purpose = Mantiene su sesión mientras se identifica o gestiona su cuenta, para no pedirle los mismos datos en cada paso.
cookie-session-duration = Hasta que cierre el navegador o termine el proceso.
cookie-csrf-purpose = Protege los formularios frente a envíos falsificados desde otros sitios web.
cookie-csrf-duration = Hasta que cierre el navegador.
cookie-lang-purpose = Recuerda el idioma que ha elegido.
cookie-lang-duration = Un año.
cookie-device-purpose = Recuerda que ya se ha identificado en este navegador, para que quien pruebe contraseñas desde otros no pueda bloquear su acceso desde aquí. No guarda su contraseña ni sus datos.
cookie-device-duration = Un año desde su último acceso.
cookie-account-login-purpose = Vincula a este navegador la identificación para entrar en su página de cuenta (Mi Cl@ve), para que nadie más pueda completarla por usted.
cookie-account-login-duration = Diez minutos, o hasta que termine la identificación.
cookies-manage = Puede borrar estas cookies desde la configuración de su navegador. Si las bloquea, no podrá identificarse ni enviar formularios.

## Privacidad

privacy-title = Privacidad
privacy-intro = Este servicio trata sus datos personales solo para identificarle ante las Administraciones Públicas y para gestionar su registro en Cl@ve Permanente.
privacy-data-heading = Qué datos guardamos
privacy-data = Los datos que facilitó en el registro en Cl@ve (DNI/NIE, nombre y apellidos, correo electrónico y teléfono móvil); su contraseña, guardada de forma que nadie pueda leerla; y un historial de las operaciones de seguridad (accesos, cambios de contraseña, bajas) con la fecha de cada una.
privacy-sharing-heading = Con quién los compartimos
privacy-sharing = Cuando accede a un servicio electrónico, solo enviamos a ese servicio los datos que necesita y tiene autorizados. Cada servicio recibe un identificador distinto para usted, de modo que los servicios no pueden relacionar entre sí sus accesos, salvo los que necesitan su DNI/NIE para tramitar su solicitud.
privacy-rights-heading = Sus derechos
privacy-rights = Puede ejercer sus derechos de acceso, rectificación, supresión y los demás que reconoce el Reglamento General de Protección de Datos ante el órgano responsable de este servicio, por los medios indicados en la ayuda. Puede darse de baja en Cl@ve Permanente cuando quiera.
privacy-cookies = Para saber qué cookies usamos, consulte la página de cookies.

## Portada

home-title = Cl@ve Permanente
home-intro = Desde aquí puede gestionar su usuario de Cl@ve Permanente.
home-portals = Para identificarse en un servicio electrónico, entre en la web de ese servicio y elija «Cl@ve»: le traerá aquí.
