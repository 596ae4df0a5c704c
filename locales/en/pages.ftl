# Information pages of the web layer: cookies and privacy.

## Cookies

cookies-title = Cookies
cookies-intro = Cl@ve only uses technical cookies, strictly necessary for the service to work securely. We use no analytics, advertising or third-party cookies, so we do not ask for your consent.
cookies-table-caption = Cookies this site uses
cookies-col-name = Name
cookies-col-purpose = What it is for
cookies-col-duration = How long it lasts
cookie-session-purpose = Keeps your session while you log in or manage your account, so you are not asked for the same details at every step.
cookie-session-duration = Until you close your browser or finish the process.
cookie-csrf-purpose = Protects forms against forged submissions from other websites.
cookie-csrf-duration = Until you close your browser.
cookie-lang-purpose = Remembers the language you chose.
cookie-lang-duration = One year.
cookie-device-purpose = Remembers that you have signed in with this browser, so that someone trying passwords from elsewhere cannot block your access from here. It holds neither your password nor your details.
cookie-device-duration = One year from your last sign-in.
cookie-account-login-purpose = Ties the sign-in to your account page (Mi Cl@ve) to this browser, so that no one else can finish it for you.
cookie-account-login-duration = Ten minutes, or until the sign-in ends.
cookies-manage = You can delete these cookies in your browser settings. If you block them, you will not be able to log in or send forms.

## Privacy

privacy-title = Privacy
privacy-intro = This service processes your personal data only to identify you to the Spanish public administrations and to manage your Cl@ve Permanente registration.
privacy-data-heading = What data we keep
privacy-data = The details you gave when you registered (DNI/NIE, name and surnames, e-mail address and mobile phone); your password, stored so that nobody can read it; and a record of security operations (logins, password changes, unsubscriptions) with their dates.
privacy-sharing-heading = Who we share it with
privacy-sharing = When you use an online public service, we only send it the data that service needs and is authorised to receive. Each service gets a different identifier for you, so services cannot link your visits to one another, except those that need your DNI/NIE to process your request.
privacy-rights-heading = Your rights
privacy-rights = You can exercise your rights of access, rectification, erasure and the others granted by the General Data Protection Regulation before the body responsible for this service, through the channels listed in the help pages. You can close your Cl@ve Permanente account at any time.
privacy-cookies = To see which cookies we use, read the cookies page.

## Front page

home-title = Cl@ve Permanente
home-intro = Here you can manage your Cl@ve Permanente user.
home-portals = To identify yourself at an online service, go to that service's website and choose “Cl@ve”: it will bring you here.
