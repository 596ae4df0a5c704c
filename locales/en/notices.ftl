# Security notices by email (and SMS): what happened to the account, when, from what
# browser and what to do if it was not you (src/notices/mod.rs). A notice never
# carries a code or a password. SMS carry no links.

## Common parts ($name: the given name)

notice-greeting = Hello { $name },
notice-when = Date and time
notice-browser = Browser
notice-browser-unknown = Could not be told
notice-network = Approximate network
notice-account = Check your sign-in history and your open sessions in Mi Cl@ve
notice-footer = This message is automatic: please do not reply. Cl@ve will never ask you by email for your password, your activation code or the codes you receive by SMS.
notice-action-forgot = Choose a new password
notice-action-office = Find a Cl@ve registration office
notice-action-new-code = Get a new activation code
notice-action-not-me = Open Mi Cl@ve and press "This wasn't me"

## User activated

notice-activation-subject = Cl@ve: you activated your user
notice-activation-what = Your Cl@ve Permanente user was activated and its first password chosen.
notice-activation-if-you = If it was you, there is nothing to do: you can now sign in to the services that accept Cl@ve.
notice-activation-if-not-you = If it was not you, someone knows your activation code and received the SMS code sent to your mobile. Go to a registration office as soon as you can, with your DNI/NIE.

## Password changed (knowing the old one, or renewing an expired one)

notice-password-changed-subject = Cl@ve: your password was changed
notice-password-changed-what = The password of your Cl@ve Permanente user was changed. The sessions opened with the old password have been closed.
notice-password-changed-if-you = If it was you, there is nothing to do.
notice-password-changed-if-not-you = If it was not you, choose a new password now with your activation code and an SMS code, so that nobody else can get in.

## Password reset with the activation code

notice-password-reset-subject = Cl@ve: a new password was set
notice-password-reset-what = A new password was set for your Cl@ve Permanente user with your activation code and an SMS code. The sessions opened with the old password have been closed.
notice-password-reset-if-you = If it was you, there is nothing to do.
notice-password-reset-if-not-you = If it was not you, someone knows your activation code and received the SMS code sent to your mobile. Choose another password now and ask a registration office for a new activation code.

## Password blocked by failed attempts

notice-password-blocked-subject = Cl@ve: your password was blocked
notice-password-blocked-what = Your Cl@ve Permanente password was blocked after 5 failed attempts. Nobody got into your account with them.
notice-password-blocked-if-you = If it was you, unblock it by choosing a new password with your activation code and an SMS code.
notice-password-blocked-if-not-you = If it was not you, your account is still protected: nobody can get in without your password. Once you choose a new one, check the attempts in Mi Cl@ve.

## Activation code blocked by failed attempts

notice-code-blocked-subject = Cl@ve: your activation code was blocked
notice-code-blocked-what = Your Cl@ve Permanente activation code was blocked after repeated failed attempts. Nobody got into your account with them.
notice-code-blocked-if-you = If it was you, you need a new activation code.
notice-code-blocked-if-not-you = If it was not you, your account is still protected. Get a new code with your password and an SMS code.
notice-code-blocked-if-not-you-pending = As you have not activated your user yet, a registration office gives you the new code; bring your valid DNI/NIE.

## Sign-in from a new browser

notice-new-browser-subject = Cl@ve: a sign-in from a browser you had not used
notice-new-browser-what = Someone signed in with your Cl@ve Permanente user from a browser not used with this account before.
notice-new-browser-if-you = If it was you, there is nothing to do.
notice-new-browser-if-not-you = If it was not you, someone knows your password. Open Mi Cl@ve and press "This wasn't me": every session will be closed and your password blocked until you choose a new one.

## Unsubscribe

notice-unsubscribe-subject = Cl@ve: you closed your Cl@ve Permanente account
notice-unsubscribe-what = Your Cl@ve Permanente user was closed: you can no longer sign in with it, and every session has been closed.
notice-unsubscribe-if-you = If it was you, there is nothing to do. Should you want to come back, register again at a registration office.
notice-unsubscribe-if-not-you = If it was not you, someone knew your password and received the SMS code sent to your mobile. Go to a registration office with your DNI/NIE to register again.

## Notice SMS (only when CLAVE_NOTICE_SMS asks for them; the block ones are in otp.ftl)

sms-notice-activation = Cl@ve: your Cl@ve Permanente user was activated. If it was not you, go to a registration office.
sms-notice-password-changed = Cl@ve: your password was changed. If it was not you, choose a new one with "I forgot my password".
sms-notice-password-reset = Cl@ve: a new password was set with your activation code. If it was not you, choose another one with "I forgot my password".
sms-notice-new-browser = Cl@ve: your account was used from a new browser. If it was not you, open Mi Cl@ve and press "This wasn't me".
sms-notice-unsubscribe = Cl@ve: your Cl@ve Permanente user was closed. If it was not you, go to a registration office.
