//! HTTP plumbing shared by every route: health and readiness, request ids, the
//! request deadline, and the bounded listener.

pub mod challenge;
pub mod health;
pub mod listener;
pub mod metrics;
pub mod request_id;
pub mod timeout;
