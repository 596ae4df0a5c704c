# Textos comuns de totes les pàgines: plantilla base, peu, pàgines d'error,
# canvi d'idioma, avís de galetes, indicador de passos i errors de formulari.
# Cada flux afegeix el seu propi fitxer (per exemple `login.ftl`) al costat d'aquest, amb les
# mateixes claus en tots els idiomes: una prova unitària ho comprova.

## Plantilla base

site-name = Cl@ve
site-tagline = Identificació electrònica per a les administracions públiques
skip-link = Anar al contingut principal
title-with-errors = Error: { $title }
lang-switch-label = Idioma
lang-name-es = Castellano
lang-name-ca = Català
lang-name-gl = Galego
lang-name-eu = Euskara
lang-name-ca-valencia = Valencià
lang-name-en = English
footer-nav-label = Informació del servei
footer-help = Ajuda
footer-privacy = Privadesa
footer-cookies = Galetes
cookie-notice = Aquest lloc només utilitza les galetes tècniques imprescindibles per funcionar.
cookie-notice-link = Més informació sobre les galetes
steps = Pas { $current } de { $total }

## Errors de formulari

error-summary-title = Hi ha un problema
error-prefix = Error:

## Pàgines d'error

error-reference = Referència de l'error: { $id }
error-help-link = Consultar l'ajuda
error-home-link = Anar a la pàgina d'inici de Cl@ve
error-start-again = Tornar a començar
error-not-found-title = No s'ha trobat la pàgina
error-not-found-body = No trobem la pàgina que busca. Comprovi que l'adreça és correcta.
error-bad-request-title = No s'ha pogut processar la sol·licitud
error-bad-form = Les dades enviades no són vàlides. Torni a la pàgina anterior i provi-ho de nou.
error-form-too-large = El formulari enviat és massa gran. Torni a la pàgina anterior i provi-ho de nou.
error-csrf-title = El formulari ha caducat
error-csrf-body = Per seguretat, el formulari ha caducat i no s'ha enviat: no ha canviat res. Torni a començar des de la primera pàgina.
error-too-many-title = Massa sol·licituds
error-too-many-body =
    Ha fet massa intents seguits. Esperi { $minutes ->
        [one] un minut
       *[other] { $minutes } minuts
    } i torni-ho a provar.
error-unavailable-title = Servei temporalment no disponible
error-unavailable-body = El servei no està disponible en aquest moment. Torni-ho a provar d'aquí a uns minuts.
error-internal-title = S'ha produït un error
error-internal-body = No hem pogut completar l'operació. Torni-ho a provar més tard; si el problema continua, indiqui la referència de l'error quan demani ajuda.

## Mostrar o amagar la contrasenya (static/clave.js)

password-show = Mostrar
password-hide = Amagar
password-show-label = Mostrar la contrasenya
password-hide-label = Amagar la contrasenya
password-shown = La contrasenya és visible.
password-hidden = La contrasenya està amagada.
