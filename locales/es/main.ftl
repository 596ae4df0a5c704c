# Textos comunes de todas las páginas: plantilla base, pie, páginas de error,
# cambio de idioma, aviso de cookies, indicador de pasos y errores de formulario.
# Cada flujo añade su propio archivo (por ejemplo `login.ftl`) junto a este, con las
# mismas claves en todos los idiomas: una prueba unitaria lo comprueba.

## Plantilla base

site-name = Cl@ve
site-tagline = Identificación electrónica para las Administraciones Públicas
skip-link = Saltar al contenido principal
title-with-errors = Error: { $title }
lang-switch-label = Idioma
lang-name-es = Castellano
lang-name-ca = Català
lang-name-gl = Galego
lang-name-eu = Euskara
lang-name-ca-valencia = Valencià
lang-name-en = English
footer-nav-label = Información del servicio
footer-help = Ayuda
footer-privacy = Privacidad
footer-cookies = Cookies
cookie-notice = Este sitio solo usa cookies técnicas imprescindibles para funcionar.
cookie-notice-link = Más información sobre las cookies
steps = Paso { $current } de { $total }

## Errores de formulario

error-summary-title = Hay un problema
error-prefix = Error:

## Páginas de error

error-reference = Referencia del error: { $id }
error-help-link = Consultar la ayuda
error-home-link = Ir a la página de inicio de Cl@ve
error-start-again = Volver a empezar
error-not-found-title = Página no encontrada
error-not-found-body = No encontramos la página que busca. Compruebe que la dirección es correcta.
error-bad-request-title = No se ha podido procesar la solicitud
error-bad-form = Los datos enviados no son válidos. Vuelva a la página anterior e inténtelo de nuevo.
error-form-too-large = El formulario enviado es demasiado grande. Vuelva a la página anterior e inténtelo de nuevo.
error-csrf-title = El formulario ha caducado
error-csrf-body = Por su seguridad, el formulario ha caducado y no se ha enviado: no ha cambiado nada. Vuelva a empezar desde la primera página.
error-too-many-title = Demasiadas solicitudes
error-too-many-body =
    Ha hecho demasiados intentos seguidos. Espere { $minutes ->
        [one] un minuto
       *[other] { $minutes } minutos
    } y vuelva a intentarlo.
error-unavailable-title = Servicio no disponible temporalmente
error-unavailable-body = El servicio no está disponible en este momento. Inténtelo de nuevo dentro de unos minutos.
error-internal-title = Se ha producido un error
error-internal-body = No hemos podido completar la operación. Inténtelo de nuevo más tarde; si el problema continúa, indique la referencia del error al pedir ayuda.

## Mostrar u ocultar la contraseña (static/clave.js)

password-show = Mostrar
password-hide = Ocultar
password-show-label = Mostrar la contraseña
password-hide-label = Ocultar la contraseña
password-shown = Su contraseña está visible.
password-hidden = Su contraseña está oculta.
