//! Ephemeral store conformance suite (filled in by the ephemeral store work).
