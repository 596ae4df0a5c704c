-- The government-grade settings of a relying party (its keys, signed and pushed
-- requests, sender-constrained tokens, encrypted responses, back-channel logout):
-- one JSON object in the names of RFC 7591 §2 and OIDC Registration §2, read into
-- domain::ClientProfile. '{}' is a portal of the OpenID Basic profile, as every
-- portal registered before this migration is. The twin in the other backend's
-- migrations describes the same column.
ALTER TABLE relying_parties ADD COLUMN profile TEXT NOT NULL DEFAULT '{}';
