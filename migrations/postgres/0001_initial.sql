-- The durable store of clave-idp (PostgreSQL). The SQLite twin lives in
-- migrations/sqlite/ and must describe the same tables and columns: the code runs
-- the same queries on both. Timestamps are Unix seconds (BIGINT) everywhere, so
-- comparisons and the injected clock work alike on both databases.

-- Citizens: one row per DNI/NIE (the user code, upper case, never changes).
CREATE TABLE citizens (
    id                        TEXT PRIMARY KEY,
    given_name                TEXT NOT NULL,
    first_surname             TEXT NOT NULL,
    second_surname            TEXT,
    email                     TEXT NOT NULL,
    phone                     TEXT NOT NULL,
    -- pending: registered, not yet activated; active; unsubscribed; legacy:
    -- imported from the Social Security register, no consent to Cl@ve yet.
    status                    TEXT NOT NULL
        CHECK (status IN ('pending', 'active', 'unsubscribed', 'legacy')),
    -- Activation code: only its hash. More than 5 wrong entries block it for good
    -- (until a new registration act or a regeneration issues another one).
    activation_code_hash      TEXT,
    activation_code_failures  INTEGER NOT NULL DEFAULT 0,
    activation_code_blocked   BOOLEAN NOT NULL DEFAULT FALSE,
    activation_code_issued_at BIGINT,
    -- Password: PHC string (argon2id, or bcrypt for imported legacy users).
    -- 5 consecutive failures block it; it expires 2 years after password_set_at.
    password_hash             TEXT,
    password_set_at           BIGINT,
    password_failures         INTEGER NOT NULL DEFAULT 0,
    password_blocked          BOOLEAN NOT NULL DEFAULT FALSE,
    -- Sessions and tokens issued before this instant are no longer honoured
    -- (unsubscribe, password reset).
    sessions_valid_after      BIGINT NOT NULL DEFAULT 0,
    created_at                BIGINT NOT NULL,
    updated_at                BIGINT NOT NULL
);

-- Relying parties (e-government portals). Secrets are stored hashed; redirect URIs
-- are JSON arrays matched exactly.
CREATE TABLE relying_parties (
    client_id                 TEXT PRIMARY KEY,
    name                      TEXT NOT NULL,
    secret_hash               TEXT,            -- NULL for public clients (PKCE required)
    redirect_uris             TEXT NOT NULL,   -- JSON array of strings
    post_logout_redirect_uris TEXT NOT NULL,   -- JSON array of strings
    sector                    TEXT NOT NULL,   -- pairwise subject sector
    social_security           BOOLEAN NOT NULL DEFAULT FALSE,
    require_pkce              BOOLEAN NOT NULL DEFAULT FALSE,
    id_token_alg              TEXT NOT NULL DEFAULT 'RS256',
    created_at                BIGINT NOT NULL
);

-- Signing keys shared by every instance. A key is published in the JWKS from
-- created_at until retires_at, and signs from activates_at on.
CREATE TABLE signing_keys (
    kid          TEXT PRIMARY KEY,
    alg          TEXT NOT NULL,
    private_jwk  TEXT NOT NULL,
    public_jwk   TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    activates_at BIGINT NOT NULL,
    retires_at   BIGINT
);

-- Refresh tokens (hashed), rotated at every use. A token presented again after it
-- was rotated revokes its whole family.
CREATE TABLE refresh_tokens (
    token_hash  TEXT PRIMARY KEY,
    family_id   TEXT NOT NULL,
    client_id   TEXT NOT NULL REFERENCES relying_parties (client_id),
    citizen_id  TEXT NOT NULL REFERENCES citizens (id),
    grant_data  TEXT NOT NULL,   -- JSON: scope, claims, auth_time, acr, amr, sid
    issued_at   BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT,
    revoked     BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_citizen ON refresh_tokens (citizen_id);

-- Audit trail of every change to an account or to the provider's configuration.
-- Never holds a secret.
CREATE TABLE audit_events (
    id         BIGSERIAL PRIMARY KEY,
    at         BIGINT NOT NULL,
    kind       TEXT NOT NULL,
    citizen_id TEXT,
    actor      TEXT NOT NULL,   -- operator, citizen, system
    ip         TEXT,
    outcome    TEXT NOT NULL,   -- success, failure, ...
    detail     TEXT NOT NULL    -- JSON object
);
CREATE INDEX audit_events_citizen ON audit_events (citizen_id, at);

-- Secrets the instances must share, made once by whichever instance needs one
-- first: the pairwise-subject salt, the CSRF and cookie keys.
CREATE TABLE provider_secrets (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
