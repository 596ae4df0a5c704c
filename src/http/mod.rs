//! HTTP plumbing shared by every route: health and readiness, request ids, the
//! request deadline.

pub mod health;
pub mod metrics;
pub mod request_id;
pub mod timeout;
