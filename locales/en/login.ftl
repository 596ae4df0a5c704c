# The Cl@ve screens between a portal's request and its answer: method selection,
# Cl@ve Permanente, SMS code, renewal of an expired password, logout and errors of
# the authorization request.

## Method selection

login-method-title = Identify yourself with Cl@ve
login-method-intro = The service “{ $client }” asks you to identify yourself. Choose how.
login-method-legend = Identification method
login-method-permanente = Cl@ve Permanente
login-method-permanente-hint = With your DNI/NIE and your password. If the service requires it, also with a code you will receive by SMS.
login-method-required = Choose an identification method.
login-continue = Continue
login-cancel = Cancel and return to “{ $client }”
login-no-account = No Cl@ve Permanente yet? Activate your user

## Cl@ve Permanente

login-password-title = Cl@ve Permanente
login-password-task = Enter your DNI/NIE and your password
login-password-intro = Enter your DNI/NIE and your password to access “{ $client }”.
field-username = DNI/NIE
field-username-hint = For example, 12345678Z or X1234567L.
field-password = Password
login-submit = Log in
login-password-required = Enter your password.
login-wrong-credentials = The DNI/NIE or the password is not correct. If you have not activated your user yet, activate it first.
login-block-warning = After 5 failed attempts in a row the password is blocked. You can set a new one with your activation code under “I forgot my password”.
login-forgot-password = I forgot my password or it is blocked
login-activate = Activate my Cl@ve Permanente user
login-help = Help

## Account status

login-account-status-title = You cannot log in with this account
login-blocked = Your password is blocked, after too many failed attempts or because you asked for it with "This wasn't me" in Mi Cl@ve. You can set a new one with your activation code.
login-unsubscribed = You closed your Cl@ve Permanente account. To use it again you must register in Cl@ve again at a registration office.
login-not-activated = Your Cl@ve Permanente user is not activated yet. Activate it with the activation code you received when you registered.
login-legacy = You registered with the Social Security before Cl@ve existed and have not yet consented to use your data in Cl@ve. You can use them at Social Security services, where you will be offered to join Cl@ve.

## SMS code

login-otp-title = Confirm with the SMS code
otp-resent = We have sent you a new code. The previous one no longer works.

## Expired password

login-renew-title = Your password has expired
login-renew-caption = Renew your expired password
login-renew-task = Choose a new password
login-renew-intro = Cl@ve Permanente passwords expire after 2 years. To continue, confirm it is you with the code we sent you by SMS and choose a new password.
login-renew-password-intro = Choose your new password. Then you will continue to “{ $client }”.
login-renew-submit = Save and continue
field-new-password = New password
field-new-password-hint = It must follow the rules above.
field-new-password-confirm = Repeat the new password
password-rules-title = Password requirements
password-rule-length = At least 8 characters (at most 128).
password-rule-groups = If it has fewer than 16 characters, at least three of these groups: lower case, upper case, digits and special characters (¡!$?%&#@/\()=¿?*[];,:._<>+-).
password-rule-personal = It must not contain your name, your surnames or your DNI/NIE, nor be a very common password.
password-rule-length-name = Length
password-rule-groups-name = Kinds of characters
password-rule-met = Met
password-rule-unmet = Not met yet
password-confirm-mismatch = The two passwords do not match.
password-same-as-current = The new password must differ from the current one.

## Logout

logout-title = Log out
logout-question = Do you want to end your Cl@ve session?
logout-question-client = The service “{ $client }” asks you to end your Cl@ve session. Do you want to end it?
logout-confirm = Log out
logout-done-title = Logged out
logout-done-body = You have ended your Cl@ve session. You can close this window.

## Request errors

error-authorize-title = Identification cannot start
error-authorize-detail = Technical detail for the service:
error-authorize-bad-request = The service's request is not valid. Go back to the service and try again.
error-authorize-no-client = The request does not say which service sent it. Go back to the service and try again.
error-authorize-no-redirect = The request does not say where to return. Go back to the service and try again.
error-authorize-unknown-client = The service that sent you here is not registered in Cl@ve.
error-authorize-bad-redirect = The request's return address is not registered for this service, so we cannot send you back to it.
error-login-expired = Your identification has expired or is not valid. Go back to the service and try again.
error-logout-bad-request = The logout request is not valid.
error-logout-bad-redirect = The address to return to after logging out is not registered for this service.
