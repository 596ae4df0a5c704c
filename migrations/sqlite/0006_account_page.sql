-- What the citizen's account page ("Mi Cl@ve", docs/architecture.md, "The
-- account page") reads: each sign-in's portal, level of assurance and browser
-- (in plain words, never the raw User-Agent header) beside the address the
-- trail already keeps; the browser each trusted browser was first seen as; and
-- the language the citizen last used, which the security notices are written in.
-- The twin in the other backend's migrations describes the same columns.
ALTER TABLE audit_events ADD COLUMN client_id TEXT;
ALTER TABLE audit_events ADD COLUMN acr TEXT;
ALTER TABLE audit_events ADD COLUMN browser TEXT;
ALTER TABLE trusted_browsers ADD COLUMN browser TEXT;
ALTER TABLE citizens ADD COLUMN language TEXT;

-- "This citizen, newest first", a page at a time: the history and the export
-- read this index backwards from an id.
CREATE INDEX IF NOT EXISTS audit_events_citizen_newest ON audit_events (citizen_id, id);
