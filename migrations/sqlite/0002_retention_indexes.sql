-- Indexes for the periodic purge (src/store/sql/retention.rs); the PostgreSQL
-- twin in migrations/postgres/ creates the same ones. Each purge batch finds its rows by
-- time, so a batch reads the few rows it deletes instead of the whole table.

-- Refresh tokens whose expiry is past the purge's cut-off.
CREATE INDEX IF NOT EXISTS refresh_tokens_expiry ON refresh_tokens (expires_at);

-- Audit events older than CLAVE_AUDIT_RETENTION_DAYS.
CREATE INDEX IF NOT EXISTS audit_events_at ON audit_events (at);
