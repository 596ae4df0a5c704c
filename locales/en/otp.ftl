# One-time codes (OTP) by SMS: the SMS text and the page where the code is typed.
# Messages say what the code is for and how long it lasts, and nothing else: no
# DNI/NIE, no name, no links.

## SMS ($code: the 6 digits; $minutes: minutes of validity)

sms-otp-login = Cl@ve: your code to log in is { $code }. It expires in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. Do not share it with anyone.
sms-otp-challenge = Cl@ve: your code to continue is { $code }. It expires in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. Do not share it with anyone.
sms-otp-activation = Cl@ve: your code to activate your user is { $code }. It expires in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. Do not share it with anyone.
sms-otp-password-reset = Cl@ve: your code to reset your password is { $code }. It expires in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. Do not share it with anyone.
sms-otp-password-change = Cl@ve: your code to change your password is { $code }. It expires in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. Do not share it with anyone.
sms-otp-unsubscribe = Cl@ve: your code to close your Cl@ve Permanente account is { $code }. It expires in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. Do not share it with anyone.
sms-otp-code-regeneration = Cl@ve: your code to get a new activation code is { $code }. It expires in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. Do not share it with anyone.
sms-otp-expired-password-renewal = Cl@ve: your code to renew your expired password is { $code }. It expires in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. Do not share it with anyone.

## Code page

otp-title = Verification code
otp-sent = We have sent an SMS with a 6-digit code to your registered mobile phone.
otp-validity = The code expires in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } and can be used only once.
otp-label = Code received by SMS
otp-hint = 6 digits, no spaces or letters.
otp-submit = Continue
otp-resend = Send a new code
otp-resend-wait = available in { $seconds } s
otp-resend-ready = You can now ask for a new code.

## Outcomes

otp-wrong = The code is not correct. { $tries ->
        [one] You have { $tries } try left.
       *[other] You have { $tries } tries left.
    }
otp-malformed = The code has 6 digits. Please check what you typed.
otp-expired = The code has expired. Please ask for a new one.
otp-too-many-tries = Too many wrong codes were entered. Please ask for a new one.
otp-no-code = There is no pending code, or it has already been used. Please ask for a new one.
otp-cooling-down = You can ask for a new code in { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }.
otp-hourly-limit = You have asked for the maximum number of codes in one hour. You can ask for another in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
otp-sms-unavailable = We could not send the SMS. Please try again later.

## If the SMS does not arrive

otp-help-title = Not receiving the SMS?
otp-help-more = More help if the SMS does not arrive
otp-help-multisim = If you use a multi-SIM card, SMS messages are sent to the main number, not to the secondary one. Check that your mobile phone is registered with the correct number.
otp-help-operator = Make sure your operator does not restrict sending or receiving SMS messages from special numbers.
otp-help-other-phone = The problem may be your phone's settings. Try putting your SIM card in another phone: in 90% of cases, all the SMS messages pending delivery arrived when tested on another phone.

# The notice sent when failed attempts block the password (at most one a day).
sms-notice-password-blocked = Cl@ve: your password was blocked after 5 failed attempts. If it was not you, nobody got in: unblock it with "Forgotten password" and your activation code.
# The notice sent when failed attempts block the activation code (the same daily cap).
sms-notice-code-blocked = Cl@ve: your activation code was blocked after repeated failed attempts. If it was not you, your account is still safe: get a new one with "Get a new activation code" and your password.
