# Strings shared by every page: base layout, footer, error pages, language switch,
# cookie notice, step indicator and form errors. Each flow adds its own file (for
# example `login.ftl`) next to this one, with the same keys in every language: a
# unit test checks it.

## Base layout

site-name = Cl@ve
site-tagline = Electronic identification for Spanish public administrations
skip-link = Skip to main content
title-with-errors = Error: { $title }
lang-switch-label = Language
lang-name-es = Castellano
lang-name-ca = Català
lang-name-gl = Galego
lang-name-eu = Euskara
lang-name-ca-valencia = Valencià
lang-name-en = English
footer-nav-label = About this service
footer-help = Help
footer-privacy = Privacy
footer-cookies = Cookies
cookie-notice = This site only uses the cookies it strictly needs to work.
cookie-notice-link = More about cookies
steps = Step { $current } of { $total }

## Form errors

error-summary-title = There is a problem
error-prefix = Error:

## Error pages

error-reference = Error reference: { $id }
error-help-link = Get help
error-home-link = Go to the Cl@ve home page
error-start-again = Start again
error-not-found-title = Page not found
error-not-found-body = We could not find the page you are looking for. Check that the address is correct.
error-bad-request-title = We could not process the request
error-bad-form = The data sent is not valid. Go back to the previous page and try again.
error-form-too-large = The form sent is too large. Go back to the previous page and try again.
error-csrf-title = The form has expired
error-csrf-body = For your security, the form expired and was not sent: nothing has changed. Start again from the first page.
error-too-many-title = Too many requests
error-too-many-body =
    You have made too many attempts in a row. Wait { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    } and try again.
error-unavailable-title = Service temporarily unavailable
error-unavailable-body = The service is temporarily unavailable. Please try again in a few minutes.
error-internal-title = Something went wrong
error-internal-body = We could not complete the operation. Please try again later; if the problem continues, quote the error reference when you ask for help.

## Show or hide the password (static/clave.js)

password-show = Show
password-hide = Hide
password-show-label = Show password
password-hide-label = Hide password
password-shown = Your password is visible.
password-hidden = Your password is hidden.
