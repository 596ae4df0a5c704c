//! The non-cognitive alternative to the security question (WCAG 2.2 SC 3.3.8,
//! "Accessible Authentication (Minimum)": an authentication step may not rest on
//! a cognitive function test, such as a sum, without another way through). Past
//! the soft quotas a page without scripts offers, beside the question, a code
//! sent by SMS to the mobile registered for the DNI/NIE typed: form button
//! `challenge_sms=send`, then field `challenge_code`.
//!
//! The page answers the same whether or not the DNI/NIE is registered (the same
//! record read, the send off the request path), so the button tells nobody who
//! has an account. Sends are bounded like every SMS: the address's code quota,
//! the flow's cool-down and the account's hourly cap (`otp`).

use std::net::IpAddr;
use std::sync::Arc;

use super::Guard;
use crate::domain::{CitizenStatus, DocumentId};
use crate::otp::{OtpPurpose, OtpService, VerifyOutcome};
use crate::store::sql::SqlStore;
use crate::web::{Lang, PageError};

impl Guard {
    /// Sends the alternative's code for the form bound to `bound` to the mobile
    /// registered for `id`, if there is one; answers alike either way.
    pub async fn send_alternative(
        &self,
        (otp, db): (&Arc<OtpService>, &SqlStore),
        ip: IpAddr,
        bound: &str,
        id: &DocumentId,
        lang: Lang,
    ) -> Result<(), PageError> {
        self.code_quota(ip).await?;
        let citizen = db.citizen(id.as_str()).await?;
        metrics::counter!("clave_challenges_total", "kind" => "sms", "outcome" => "served")
            .increment(1);
        let Some(citizen) = citizen.filter(|c| c.status != CitizenStatus::Unsubscribed) else {
            return Ok(());
        };
        let (otp, bound, id) = (Arc::clone(otp), bound.to_owned(), id.clone());
        // Off the request path: a slow gateway must not tell a registered
        // DNI/NIE from an unknown one by the time the page takes.
        tokio::spawn(async move {
            if let Err(error) = otp
                .send(&bound, OtpPurpose::Challenge, &id, &citizen.phone, lang)
                .await
            {
                tracing::warn!(%error, "could not send the challenge code");
            }
        });
        Ok(())
    }

    /// Whether `typed` is the alternative's code sent for the form bound to
    /// `bound` (each code allows the OTP policy's tries, then dies).
    pub async fn alternative_passed(
        &self,
        otp: &OtpService,
        bound: &str,
        typed: &str,
    ) -> Result<bool, PageError> {
        if typed.trim().is_empty() {
            return Ok(false);
        }
        let outcome = otp
            .verify(bound, OtpPurpose::Challenge, typed.trim())
            .await
            .map_err(|e| PageError::Internal(e.into()))?;
        let passed = matches!(outcome, VerifyOutcome::Verified);
        let outcome = if passed { "solved" } else { "failed" };
        metrics::counter!("clave_challenges_total", "kind" => "sms", "outcome" => outcome)
            .increment(1);
        Ok(passed)
    }
}
