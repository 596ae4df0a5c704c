//! The Cl@ve screens between the authorization request and the code: method
//! selection, Cl@ve Permanente (DNI/NIE + password), the SMS code for level of
//! assurance substantial, the renewal of an expired password, and the migration
//! offered to legacy Social Security users ([`legacy`]).
//!
//! Each screen reads the login transaction ([`crate::auth::transaction::LoginTx`]) named by the
//! `tx` query parameter or form field, checks the citizen is at that step, and
//! moves the transaction on. The last step starts the SSO session and sends the
//! citizen back to the portal with a code ([`complete`]).

mod complete;
mod legacy;
mod method;
mod otp;
mod password;
mod renew;

pub use legacy::LEGACY_CONSENT_WORDING;

use axum::Router;
use axum::routing::{get, post};
use serde::Deserialize;

use crate::routes;
use crate::state::AppState;

/// The `tx` query parameter of the login pages.
#[derive(Debug, Deserialize)]
pub struct TxQuery {
    /// The login transaction id.
    #[serde(default)]
    pub tx: String,
}

/// The login screens.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(routes::LOGIN, get(method::show).post(method::choose))
        .route(routes::LOGIN_CANCEL, post(method::cancel))
        .route(
            routes::LOGIN_PASSWORD,
            get(password::show).post(password::submit),
        )
        .route(routes::LOGIN_OTP, get(otp::show).post(otp::submit))
        .route(routes::LOGIN_OTP_RESEND, post(otp::resend))
        .route(routes::LOGIN_RENEW, get(renew::show).post(renew::submit))
        .route(routes::LOGIN_LEGACY, get(legacy::show).post(legacy::submit))
}

impl From<crate::otp::OtpServiceError> for crate::web::PageError {
    fn from(error: crate::otp::OtpServiceError) -> Self {
        match error {
            crate::otp::OtpServiceError::Unavailable(e) => e.into(),
            crate::otp::OtpServiceError::SmsUnavailable(e) => {
                crate::web::PageError::Unavailable(e.into())
            }
        }
    }
}
