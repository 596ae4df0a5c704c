//! What a service can fail with, whatever page or endpoint called it.

use crate::crypto::HashError;
use crate::store::StoreError;
use crate::store::ephemeral::EphemeralError;
use crate::web::PageError;

/// How long a caller is asked to wait when the hashing pool is full: one queue's
/// worth of argon2 verifications is gone in well under this.
pub const BUSY_RETRY_AFTER_SECS: u64 = 2;

/// A service failure. None of them means the citizen did something wrong.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// At capacity (the password-hashing pool and its queue are full); nothing
    /// was checked or changed.
    #[error("at capacity")]
    Busy,
    /// A store is down; nothing was changed.
    #[error("a store is unavailable: {0:#}")]
    Unavailable(anyhow::Error),
    /// A bug or broken data.
    #[error("internal error: {0:#}")]
    Internal(anyhow::Error),
}

impl From<HashError> for ServiceError {
    fn from(error: HashError) -> Self {
        match error {
            HashError::Busy => ServiceError::Busy,
            other => ServiceError::Internal(anyhow::anyhow!("password hashing failed: {other:?}")),
        }
    }
}

impl From<StoreError> for ServiceError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Unavailable(_) => ServiceError::Unavailable(error.into()),
            StoreError::Conflict | StoreError::Corrupt(_) => ServiceError::Internal(error.into()),
        }
    }
}

impl From<EphemeralError> for ServiceError {
    fn from(error: EphemeralError) -> Self {
        ServiceError::Unavailable(error.into())
    }
}

impl From<ServiceError> for PageError {
    fn from(error: ServiceError) -> Self {
        match error {
            // 503, not 429: the citizen is not over any quota; the provider is full.
            ServiceError::Busy => PageError::Busy {
                retry_after_secs: BUSY_RETRY_AFTER_SECS,
            },
            ServiceError::Unavailable(cause) => PageError::Unavailable(cause),
            ServiceError::Internal(cause) => PageError::Internal(cause),
        }
    }
}

#[cfg(test)]
mod tests {
    use axum::http::{StatusCode, header};
    use axum::response::IntoResponse;

    use super::*;

    #[test]
    fn a_full_hashing_pool_is_a_503_with_a_short_retry_after_never_a_429() {
        let page: PageError = ServiceError::from(HashError::Busy).into();
        let response = page.into_response();
        // 429 would tell the citizen they are over a quota; they are not.
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            response.headers()[header::RETRY_AFTER],
            BUSY_RETRY_AFTER_SECS.to_string().as_str()
        );
    }

    #[test]
    fn a_store_outage_is_a_503_and_a_bug_a_500() {
        let down: PageError = ServiceError::Unavailable(anyhow::anyhow!("down")).into();
        assert_eq!(
            down.into_response().status(),
            StatusCode::SERVICE_UNAVAILABLE
        );
        let bug: PageError = ServiceError::Internal(anyhow::anyhow!("bug")).into();
        assert_eq!(
            bug.into_response().status(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }
}
