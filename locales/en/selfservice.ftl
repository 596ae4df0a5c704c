# The citizen's own account management: activation, forgotten or blocked password,
# password change, unsubscribe and activation-code regeneration.

## Shared

selfservice-continue = Continue
selfservice-save-password = Save the password
selfservice-expired = This procedure has expired or is not valid. Start again from the beginning.
selfservice-already-done-title = This is already done
selfservice-continue-to = Continue to “{ $client }”

## What each step asks (the <h1>; the procedure's name goes above it, docs/style.md)

selfservice-task-registration-data = Enter your registration details
selfservice-task-identify = Identify yourself with your DNI/NIE and your password
selfservice-task-code = Enter the code we sent you by SMS
selfservice-task-first-password = Choose your password
selfservice-task-new-password = Choose your new password
selfservice-code-blocked = Your activation code is blocked because it was entered wrongly more than 5 times. To get a new one you must register in Cl@ve again or regenerate the activation code.
selfservice-code-blocked-pending = Your activation code is blocked because it was entered wrongly more than 5 times. As you have not activated your user yet, a Cl@ve registration office gives you a new code: bring your valid DNI/NIE.
selfservice-legacy = You registered with the Social Security before Cl@ve existed. To use these procedures you must first join Cl@ve: you will be offered to when you identify yourself at a Social Security service.
selfservice-unsubscribed = You closed your Cl@ve Permanente account. To use it again you must register in Cl@ve again.
selfservice-code-block-warning = If you enter the activation code wrongly more than 5 times, it will be blocked and you will need a new one.
field-email = Email
field-email-hint = The one you gave when you registered.
field-activation-code = Activation code
field-activation-code-hint = The one you were given when you registered, for example ABCD-EFGH-JKMN-PQRS. Upper or lower case, with or without hyphens.

## Activation

activation-title = Activate your Cl@ve Permanente user
activation-intro = Enter your DNI/NIE, the email address you gave when you registered and the activation code the registration office gave you. Then we will send an SMS to the mobile you registered.
activation-mismatch = The details do not match the registration. Check the DNI/NIE, the email and the activation code.
activation-already-active = Your user is already activated. If you do not remember the password, use “I forgot my password”.
activation-password-intro = Choose the password you will log in with from now on.
activation-done-title = User activated
activation-done = Your Cl@ve Permanente user is activated.
activation-services = From now on you can identify yourself with your DNI/NIE and your password at the online services that accept Cl@ve, for example:
activation-service-tax = the Tax Agency's online office,
activation-service-social-security = the “Tu Seguridad Social” portal,
activation-service-other = and the online offices of other public administrations.
activation-keep-code = Keep your activation code: you will need it if you forget the password.

## Forgotten or blocked password

reset-title = Set a new password
reset-intro = If you forgot your password or it is blocked, you can set a new one with your activation code. We will send an SMS to the mobile you registered.
reset-mismatch = The details are not correct. Check the DNI/NIE and the activation code.
reset-not-activated = Your user is not activated yet: activate it first with your activation code.
reset-password-intro = Choose your new password. If it was blocked, it will be unblocked.
reset-done-title = Password changed
reset-done = Your new password is active and your user unblocked. Sessions opened with the previous password have been closed.

## Password change

change-title = Change your password
change-intro = Identify yourself with your DNI/NIE and your current password. We will send you an SMS to confirm the change.
change-password-intro = Choose your new password. It must differ from the current one.
change-done-title = Password changed
change-done = Your new password is active and valid for 2 years. Your other open sessions have been closed.

## Unsubscribe

unsubscribe-title = Close your Cl@ve Permanente account
unsubscribe-intro = Identify yourself with your DNI/NIE and your password. We will send you an SMS to confirm.
unsubscribe-confirm-intro = Before you confirm, note what closing your account means:
unsubscribe-task-confirm = Confirm that you want to close your account
unsubscribe-consequence-logins = You will no longer be able to identify yourself with Cl@ve Permanente at any service.
unsubscribe-consequence-sessions = All the sessions you have open at services will be closed.
unsubscribe-consequence-reopen = If you want to use it again later, you will have to register in Cl@ve again.
unsubscribe-confirm-button = Close my account
unsubscribe-keep = No, I want to keep my user
unsubscribe-done-title = Account closed
unsubscribe-done = You have closed your Cl@ve Permanente account. To use it again you must register in Cl@ve again.

## Activation-code regeneration

regenerate-title = Get a new activation code
regenerate-intro = Identify yourself with your DNI/NIE and your password. We will send you an SMS and, once you confirm it, you will see your new activation code.
regenerate-done-title = New activation code
regenerate-done = This is your new activation code. The previous one no longer works.
regenerate-already-done = Your new activation code was already made. For your security it is shown only once; if you did not write it down, get another one.
regenerate-keep = Write it down and keep it somewhere safe: it is shown only this once and you will need it if you forget the password.
