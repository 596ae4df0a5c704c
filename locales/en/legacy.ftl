# Users registered with the Social Security before Cl@ve: the migration offered to
# them when they identify themselves at a Social Security service, and its help
# text. If you change the consent text (legacy-consent-*), change
# LEGACY_CONSENT_WORDING in src/legacy/consent.rs too.

## Consent at login

legacy-consent-title = Join Cl@ve
legacy-consent-why = You registered with the Social Security before Cl@ve existed, so you have not given your consent to use in Cl@ve the data you registered with the Social Security.
legacy-consent-need = To use all the services available in Cl@ve you must join this platform through this migration process.
legacy-consent-data-title = The data that would move to Cl@ve
legacy-consent-data-intro = They are the data you registered with the Social Security:
legacy-consent-data-name = Name and surnames:
legacy-consent-data-phone = Mobile phone:
legacy-consent-data-email = Your email address.
legacy-consent-accept-title = If you accept
legacy-consent-accept-portals = You will be able to identify yourself with Cl@ve Permanente at every public administration service that uses Cl@ve, not only at the Social Security's.
legacy-consent-accept-password = You will keep using your DNI/NIE and your usual password.
legacy-consent-accept-services = You will be able to use the Cl@ve Permanente procedures, such as changing your password or closing your account.
legacy-consent-decline-title = If you do not accept now
legacy-consent-decline-effect = You will still continue to “{ $client }”, but you will only be able to use Social Security services. We will offer you to join again the next time you identify yourself at one of them.
legacy-consent-accept = I agree to join Cl@ve
legacy-consent-decline = Not now, continue to “{ $client }”
legacy-consent-required = Choose whether you agree to join Cl@ve or prefer to continue without joining.

## Outside the Social Security services

legacy-not-migrated-where = “{ $client }” is not a Social Security service, so you cannot identify yourself there yet. When you identify yourself at a Social Security service you will be offered to join Cl@ve; after that you will be able to log in here too.
legacy-help-link = What joining Cl@ve means if you registered with the Social Security

## Help

legacy-help-title = Users registered with the Social Security
legacy-help-who = If you registered at a Social Security office before Cl@ve existed, you have a username and password for the Social Security services, but you have not given your consent to use in Cl@ve the data you registered there.
legacy-help-where-title = Where you are offered to join
legacy-help-where = All users registered with the Social Security who are not in Cl@ve are offered the migration to Cl@ve when they identify themselves at any Social Security service, or when they visit the “Tu Seguridad Social” portal.
legacy-help-logo = The Cl@ve logo on the “Tu Seguridad Social” portal shows that it is open to Cl@ve users as well as to Social Security users.
legacy-help-accept-title = If you accept
legacy-help-accept = Your account becomes a Cl@ve Permanente account with the data you registered with the Social Security. You keep your password and can identify yourself at every service that uses Cl@ve and use its procedures.
legacy-help-decline-title = If you do not accept
legacy-help-decline = You can keep using the Social Security services as before. You will be offered to join again the next time you identify yourself at one of them.
legacy-help-until-title = Until you join
legacy-help-until = Only users registered in Cl@ve can use the Cl@ve Permanente procedures (activating the user, recovering or changing the password, getting a new activation code or closing the account) and identify themselves at services that are not the Social Security's.
