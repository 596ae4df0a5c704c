# Textos comúns de todas as páxinas: modelo base, pé, páxinas de erro, cambio de
# idioma, aviso de cookies, indicador de pasos e erros de formulario.
# Cada fluxo engade o seu propio ficheiro (por exemplo `login.ftl`) xunto a este, coas
# mesmas claves en todos os idiomas: unha proba unitaria compróbao.

## Modelo base

site-name = Cl@ve
site-tagline = Identificación electrónica para as administracións públicas
skip-link = Saltar ao contido principal
title-with-errors = Erro: { $title }
lang-switch-label = Idioma
lang-name-es = Castellano
lang-name-ca = Català
lang-name-gl = Galego
lang-name-eu = Euskara
lang-name-ca-valencia = Valencià
lang-name-en = English
footer-nav-label = Información do servizo
footer-help = Axuda
footer-privacy = Privacidade
footer-cookies = Cookies
cookie-notice = Este sitio só usa as cookies técnicas imprescindibles para funcionar.
cookie-notice-link = Máis información sobre as cookies
steps = Paso { $current } de { $total }

## Erros de formulario

error-summary-title = Hai un problema
error-prefix = Erro:

## Páxinas de erro

error-reference = Referencia do erro: { $id }
error-help-link = Consultar a axuda
error-home-link = Ir á páxina de inicio de Cl@ve
error-start-again = Comezar de novo
error-not-found-title = Non se atopou a páxina
error-not-found-body = Non atopamos a páxina que busca. Comprobe que o enderezo é correcto.
error-bad-request-title = Non se puido procesar a solicitude
error-bad-form = Os datos enviados non son válidos. Volva á páxina anterior e inténteo de novo.
error-form-too-large = O formulario enviado é demasiado grande. Volva á páxina anterior e inténteo de novo.
error-csrf-title = O formulario caducou
error-csrf-body = Pola súa seguridade, o formulario caducou e non se enviou: non cambiou nada. Comece de novo desde a primeira páxina.
error-too-many-title = Demasiadas solicitudes
error-too-many-body =
    Fixo demasiados intentos seguidos. Agarde { $minutes ->
        [one] un minuto
       *[other] { $minutes } minutos
    } e volva intentalo.
error-unavailable-title = Servizo non dispoñible temporalmente
error-unavailable-body = O servizo non está dispoñible neste momento. Inténteo de novo dentro duns minutos.
error-internal-title = Produciuse un erro
error-internal-body = Non puidemos completar a operación. Inténteo de novo máis tarde; se o problema continúa, indique a referencia do erro ao pedir axuda.

## Mostrar ou ocultar o contrasinal (static/clave.js)

password-show = Mostrar
password-hide = Ocultar
password-show-label = Mostrar o contrasinal
password-hide-label = Ocultar o contrasinal
password-shown = O seu contrasinal está visible.
password-hidden = O seu contrasinal está oculto.
