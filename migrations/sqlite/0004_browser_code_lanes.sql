-- Activation-code lanes of trusted browsers: a wrong activation code typed in a
-- browser the citizen trusts counts in that browser's own lane (five block the
-- code there), all others in the account's "unknown browsers" lane
-- (citizens.activation_code_failures). A new code clears every lane. The twin in
-- the other backend's migrations describes the same columns.
ALTER TABLE trusted_browsers ADD COLUMN activation_code_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE trusted_browsers ADD COLUMN activation_code_blocked BOOLEAN NOT NULL DEFAULT FALSE;
