-- Trusted browsers (OWASP "Slow Down Online Guessing Attacks with Device
-- Cookies"): a browser in which the citizen logged in, activated or reset the
-- password carries an unguessable token for that account; only its SHA-256 is
-- kept here. Wrong passwords typed in a trusted browser count in that browser's
-- own lane (its five consecutive failures block it there), all others in the
-- account's "unknown browsers" lane (citizens.password_failures). A new password
-- clears every lane. The twin in migrations/postgres/ describes the same table.
CREATE TABLE trusted_browsers (
    id                TEXT PRIMARY KEY,
    citizen_id        TEXT NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    token_hash        TEXT NOT NULL,
    created_at        INTEGER NOT NULL,
    last_used_at      INTEGER NOT NULL,
    password_failures INTEGER NOT NULL DEFAULT 0,
    password_blocked  BOOLEAN NOT NULL DEFAULT FALSE
);

-- A citizen's browsers (the account page lists them; a new password unblocks them).
CREATE INDEX trusted_browsers_by_citizen ON trusted_browsers (citizen_id);
