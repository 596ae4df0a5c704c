//! Why the demo portal could not go on, as its error page shows it: a catalog key
//! for the citizen, a status, and a technical detail for the developer trying the
//! demo (error texts of the `openidconnect` crate and the provider's `error`
//! codes; never a token or a secret).

use axum::http::StatusCode;

/// A flow of the portal that stopped; see the module docs.
#[derive(Debug)]
pub struct Failure {
    /// The catalog key of the explanation.
    pub key: &'static str,
    /// The status of the page.
    pub status: StatusCode,
    /// What went wrong, for the developer.
    pub detail: Option<String>,
}

impl Failure {
    /// A failure shown with `status`.
    pub fn new(key: &'static str, status: StatusCode) -> Self {
        Self {
            key,
            status,
            detail: None,
        }
    }

    /// A failure of a call to the provider (502) with the error as detail.
    pub fn provider(key: &'static str, error: &dyn std::error::Error) -> Self {
        Self::new(key, StatusCode::BAD_GATEWAY).detail(error_chain(error))
    }

    /// Adds the technical detail.
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
}

/// An error and its sources, on one line.
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_detail_names_the_error_and_every_cause() {
        let cause = std::io::Error::other("connection refused");
        let error = anyhow::Error::new(cause).context("discovery failed");
        let failure = Failure::provider("demo-error-discovery", error.as_ref());
        assert_eq!(failure.status, StatusCode::BAD_GATEWAY);
        assert_eq!(
            failure.detail.as_deref(),
            Some("discovery failed: connection refused")
        );
    }
}
