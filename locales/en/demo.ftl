# The demo portal (/demo): a sample e-government site that uses Cl@ve as any relying
# party would. It exists only in the development profile.

## Header and home page

demo-title = Demo e-government site
demo-banner = Demo e-government site: this site is not part of Cl@ve. It is a sample OpenID Connect relying party that identifies citizens through Cl@ve as a real e-government site would.
demo-login-title = Log in to the site
demo-login-intro = To use this site you have to identify yourself. We will take you to Cl@ve and, once you have identified yourself, bring you back here.
demo-acr-label = Level of assurance
demo-acr-hint = The substantial level also asks for a code sent to you by SMS.
demo-acr-low = Low (password)
demo-acr-substantial = Substantial (password and SMS code)
demo-scopes-legend = Data the site will ask for
demo-scope-profile = Name and surnames
demo-scope-profile-hint = name, given_name, family_name, first_surname, second_surname
demo-scope-email = Email address
demo-scope-email-hint = email
demo-scope-phone = Mobile phone
demo-scope-phone-hint = phone_number
demo-scope-nif = DNI/NIE
demo-scope-nif-hint = nif
demo-government-label = Government profile (private_key_jwt, PAR and DPoP)
demo-government-hint = The site logs in as a government-grade relying party: it signs its requests with its own key instead of a shared secret, pushes the authorization request to Cl@ve first, and binds its access token to a key of this login.
demo-government-session = You logged in through the government profile: signed client assertion, pushed request and DPoP-bound access token
demo-login-button = Log in with Cl@ve
demo-citizen-hint = To try it you need an active Cl@ve Permanente user. See the README: register a test citizen with "clave-idp citizen register".

## Logged in

demo-welcome-title = You have logged in with Cl@ve
demo-welcome-intro = This is what the site received from Cl@ve:
demo-claim-sub = Identifier at this site
demo-claim-name = Full name
demo-claim-given-name = Given name
demo-claim-family-name = Surnames
demo-claim-nif = DNI/NIE
demo-claim-email = Email address
demo-claim-phone-number = Mobile phone
demo-claim-acr = Level of assurance
demo-claim-amr = Authentication methods
demo-claim-auth-time = Time of authentication (UTC)
demo-source-userinfo = (from userinfo)
demo-source-id-token = (from the ID token)
demo-raw-id-token = ID token (JSON)
demo-raw-userinfo = Userinfo response (JSON)
demo-logout = Log out
demo-logout-hint = Logging out here also logs you out of Cl@ve.
demo-logged-out = You have logged out of the site and of Cl@ve.

## Errors

demo-error-title = You could not log in to the site
demo-error-detail = Technical detail:
demo-back = Back to the site
demo-error-expired = The login has expired or was already used. Go back to the site and start again.
demo-error-state = Cl@ve's answer does not belong to a login started from this browser. Go back to the site and start again.
demo-error-issuer = The answer does not come from the identity provider the site expected.
demo-error-access-denied = You cancelled the identification at Cl@ve. You can try again whenever you like.
demo-error-provider = Cl@ve could not complete the identification.
demo-error-token = The site could not redeem the authorization code at Cl@ve.
demo-error-par = The site could not send its authorization request to Cl@ve.
demo-error-id-token = The ID token received is not valid.
demo-error-acr = Cl@ve did not confirm the level of assurance the site asked for.
demo-error-userinfo = The site could not obtain your data from Cl@ve.
demo-error-discovery = The site could not reach Cl@ve. Check that CLAVE_ISSUER is an address the server can connect to.
demo-error-unavailable = The site is not available right now. Please try again in a few minutes.
