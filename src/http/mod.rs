//! HTTP plumbing shared by every route: health and readiness, request ids.

pub mod health;
pub mod metrics;
pub mod request_id;
