-- Indexes for the periodic purge (src/store/sql/retention.rs); the SQLite
-- twin in migrations/sqlite/ creates the same ones. Each purge batch finds its rows by
-- time, so a batch reads the few rows it deletes instead of the whole table.
--
-- On a PostgreSQL database that already holds a large audit trail, an operator may
-- build these beforehand with CREATE INDEX CONCURRENTLY under the same names: IF
-- NOT EXISTS then makes this migration a no-op instead of a table lock.

-- Refresh tokens whose expiry is past the purge's cut-off.
CREATE INDEX IF NOT EXISTS refresh_tokens_expiry ON refresh_tokens (expires_at);

-- Audit events older than CLAVE_AUDIT_RETENTION_DAYS.
CREATE INDEX IF NOT EXISTS audit_events_at ON audit_events (at);
