# The help page (/help): the Cl@ve Permanente guidance in the citizen's words. Each
# section has a title (help-<section>-title) that the table of contents links to.

help-title = Cl@ve Permanente help
help-intro = Here you can find how to activate your user, what to do if the SMS does not arrive, how to get back in if you forget your password or your activation code, and answers to other common questions.
help-toc-title = Contents
help-back-to-top = Back to contents
help-action-activate = Activate your user
help-action-forgot = Set a new password
help-action-regenerate = Get a new activation code
help-action-change = Change your password
help-action-unsubscribe = Close your Cl@ve Permanente account
help-action-legacy = More about joining Cl@ve

## What it is and how to use it

help-what-title = What Cl@ve Permanente is and how to use it
help-what-body = Cl@ve Permanente lets you identify yourself to the online services of the Spanish public administrations with a user, which is always your DNI/NIE, and a password you choose.
help-what-use-intro = To use it:
help-what-use-1 = Go to the online service you want to use and choose to identify yourself with Cl@ve.
help-what-use-2 = On the Cl@ve screen, choose Cl@ve Permanente.
help-what-use-3 = Enter your DNI/NIE and your password. If the service requires it, also enter the code you will receive by SMS.
help-what-use-4 = If the details are right, you go back to the service, identified.

## Activation

help-activate-title = How to activate your user
help-activate-before = Before you start you need:
help-activate-need-act = the activation code you were given when you registered in Cl@ve;
help-activate-need-email = the email address you gave when you registered;
help-activate-need-phone = the mobile phone you gave when you registered, at hand, because we will send you an SMS.
help-activate-steps-intro = The steps are:
help-activate-step-1 = Register with Cl@ve at a registration office. At the end you are given an activation code.
help-activate-step-2 = Go to "Activate your user" and enter your DNI/NIE, your email address and the activation code.
help-activate-step-3 = If the details are right, you receive an SMS with a single-use code on your mobile. Enter it on the page.
help-activate-step-4 = Choose your password; it must meet the requirements shown on the page. From then on you can use Cl@ve Permanente.
help-activate-blocked = If you enter the activation code wrongly more than 5 times, it is blocked and you need a new one: you will have to register with Cl@ve again.
help-activate-delay = If you registered recently and your details are not recognised, they may not be available yet because of communication problems. Try again after 24 hours.
help-activate-keep = Keep your activation code after activating your user: you will need it if you forget your password.

## SMS

help-sms-title = If the SMS does not arrive
help-sms-intro = We send you a code by SMS to activate your user and to set a new password, and also to confirm a password change or closing your account. If it does not arrive, check the following:
help-sms-multisim = If you use a multi-SIM card, SMS messages go to the main number, not to the secondary one. Check that your phone is registered with the right number.
help-sms-operator = Make sure your operator does not restrict sending or receiving SMS messages from special numbers.
help-sms-other-phone = The problem may be your phone's settings. Try putting your SIM card in another phone: in 90 % of cases, doing so delivers all the pending SMS messages.
help-sms-recent = If you registered recently, your details may take up to 24 hours to be available.
help-sms-resend = You can ask for a new code on the same page after a few seconds. Each new code cancels the previous one and expires after a few minutes.

## Forgotten details

help-forgot-title = If you forget your password or your activation code
help-forgot-user = You cannot forget your user: it is always your DNI/NIE, and it cannot be changed.
help-forgot-password-title = You forgot your password, or it is blocked
help-forgot-password = You can set a new one if you still have your activation code. Go to "Set a new password", enter your DNI/NIE and the activation code, confirm with the code we send you by SMS and choose the new password. If it was blocked, it is unblocked.
help-forgot-code-title = You lost your activation code
help-forgot-code-know-password = If you still remember your password, you can get a new activation code: go to "Get a new activation code" with your DNI/NIE and your password, and confirm with the SMS code.
help-forgot-code-both = If you lost your activation code and do not remember your password either, you have to register with Cl@ve again to receive a new code.

## Password

help-password-title = Password requirements and expiry
help-password-intro = So that nobody can guess it, your password must meet these requirements:
help-password-long = If it has 16 characters or more, you can use any characters you like.
help-password-expiry = Your password expires after 2 years. If you go to a service after that, we ask you to choose a new one before you continue. You can also change it whenever you like in "Change your password"; from then on it is valid for another 2 years.
help-password-blocked = After 5 failed attempts in a row the password is blocked. To unblock it, set a new one with your activation code.
help-password-tips-intro = We also recommend that you:
help-password-tip-unique = do not use the same password on other sites;
help-password-tip-phrase = use a long phrase that is easy for you to remember but hard for others to guess;
help-password-tip-secret = never tell it to anyone or write it where others can see it: neither Cl@ve nor any public administration will ever ask you for it by phone or email;
help-password-tip-manager = use a password manager if you find it hard to remember.

## Social Security users

help-legacy-title = If you registered with the Social Security before Cl@ve
help-legacy-body = If you registered with the Social Security before Cl@ve existed, you have not yet consented to using in Cl@ve the details the Social Security holds about you. Until you do, you can identify yourself only at Social Security services.
help-legacy-migration = To use every Cl@ve service you need to join Cl@ve. We offer it when you identify yourself at any Social Security service or go to the “Tu Seguridad Social” portal: you only have to accept.
help-legacy-operations = Until you join, you cannot use the account services (change or recover your password, close your account or get a new activation code): only people who registered at a Cl@ve office can use them.
help-legacy-logo = The Cl@ve logo on the “Tu Seguridad Social” portal means it accepts both Cl@ve users and Social Security users.

## Closing your account

help-unsubscribe-title = Close your account
help-unsubscribe-body = If you no longer want your Cl@ve Permanente user, you can close it. We ask for your DNI/NIE, your password and an SMS code to confirm. If you later want to use it again, you will have to register with Cl@ve again.

## Registration

help-register-title = Where to register with Cl@ve
help-register-body = The Cl@ve registration, which gives you the activation code, is done at a Cl@ve registration office, for example the offices of the Tax Agency (Agencia Tributaria) or of the Social Security. Bring your valid DNI/NIE and the email address and mobile number you want to register.
help-register-again = You need to register again if you blocked or lost your activation code and do not remember your password, or if you closed your account and want to use Cl@ve Permanente again.

## Security question

help-question-title = The security question
help-question-body = Sometimes we ask you to answer a security question. It stops automated programs from trying other people's passwords. Answer it and carry on as usual.
