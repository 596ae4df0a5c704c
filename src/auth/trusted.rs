//! Trusted browsers (OWASP "Slow Down Online Guessing Attacks with Device
//! Cookies"): a browser in which the citizen has logged in, activated or reset
//! the password carries, in the `clave_device` cookie (HttpOnly), one
//! unguessable token per account, `{id}.{secret}`; the database keeps only the
//! secret's SHA-256 and the lane's failure count.
//!
//! Wrong passwords typed in a trusted browser count in that browser's own lane
//! (five in a row block the password there); all others share the account's
//! "unknown browsers" lane. So a script that knows a DNI/NIE and tries passwords
//! from fresh browsers blocks only the unknown lane: the citizen's own browser
//! logs in at once, and is never asked the security question for its account.
//! A new password (the forgotten-password flow) unblocks every lane.

use axum::http::HeaderMap;

use super::ServiceError;
use super::credentials::Credentials;
use crate::crypto::{constant_time_eq, hash_token, random_token};
use crate::domain::{Device, DocumentId};
use crate::store::sql::TrustedBrowserRecord;
use crate::web::read_cookie;

/// Most accounts one browser remembers (a family's shared computer).
pub const MAX_ACCOUNTS_PER_BROWSER: usize = 5;

/// Which lane a password attempt counts in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lane {
    /// A browser the account has not trusted: the account's shared lane.
    Unknown,
    /// A browser the account trusts: its own lane.
    Trusted(Box<TrustedBrowserRecord>),
}

impl Lane {
    /// Whether the attempt comes from a browser the account trusts.
    pub fn is_trusted(&self) -> bool {
        matches!(self, Lane::Trusted(_))
    }
}

/// One `{id}.{secret}` entry of the cookie.
fn entries(headers: &HeaderMap, name: &str) -> Vec<(String, String)> {
    let Some(value) = read_cookie(headers, name) else {
        return Vec::new();
    };
    value
        .split('~')
        .take(MAX_ACCOUNTS_PER_BROWSER)
        .filter_map(|entry| {
            let (id, secret) = entry.split_once('.')?;
            let safe = |s: &str| {
                (16..=64).contains(&s.len())
                    && s.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            };
            (safe(id) && safe(secret)).then(|| (id.to_owned(), secret.to_owned()))
        })
        .collect()
}

impl Credentials {
    /// The lane of an attempt on `citizen` from the browser that sent `headers`.
    pub async fn lane(
        &self,
        citizen: &DocumentId,
        headers: &HeaderMap,
    ) -> Result<Lane, ServiceError> {
        for (id, secret) in entries(headers, self.cookies().device) {
            if let Some(record) = self.store().trusted_browser(&id).await?
                && record.citizen_id == citizen.as_str()
                && constant_time_eq(record.token_hash.as_bytes(), hash_token(&secret).as_bytes())
            {
                return Ok(Lane::Trusted(Box::new(record)));
            }
        }
        Ok(Lane::Unknown)
    }

    /// The ids of the trusted-browser entries the browser that sent `headers`
    /// carries (for the account page to say "this browser"; not a proof of trust,
    /// which [`Self::lane`] checks with the secret).
    pub fn browser_ids(&self, headers: &HeaderMap) -> Vec<String> {
        entries(headers, self.cookies().device)
            .into_iter()
            .map(|(id, _)| id)
            .collect()
    }

    /// Trusts the browser that sent `headers` for `citizen` (or renews its trust)
    /// and returns the `clave_device` cookie value to send back (this account's
    /// token first, then the others the browser already had) and whether the
    /// account had not trusted this browser before.
    pub async fn trust_browser(
        &self,
        citizen: &str,
        headers: &HeaderMap,
    ) -> Result<(String, bool), ServiceError> {
        let now = self.now();
        let mut kept = Vec::new();
        let mut mine = None;
        for (id, secret) in entries(headers, self.cookies().device) {
            match self.store().trusted_browser(&id).await? {
                Some(record)
                    if record.citizen_id == citizen
                        && constant_time_eq(
                            record.token_hash.as_bytes(),
                            hash_token(&secret).as_bytes(),
                        ) =>
                {
                    self.store().renew_trusted_browser(&id, now).await?;
                    mine = Some(format!("{id}.{secret}"));
                }
                Some(record) if record.citizen_id != citizen => {
                    kept.push(format!("{id}.{secret}"));
                }
                // Gone, or not this browser's: dropped.
                _ => {}
            }
        }
        let new_browser = mine.is_none();
        let mine = match mine {
            Some(entry) => entry,
            None => {
                let (id, secret) = (random_token(16), random_token(32));
                let record = TrustedBrowserRecord {
                    id: id.clone(),
                    citizen_id: citizen.to_owned(),
                    token_hash: hash_token(&secret),
                    created_at: now,
                    last_used_at: now,
                    password_failures: 0,
                    password_blocked: false,
                    activation_code_failures: 0,
                    activation_code_blocked: false,
                    browser: Some(Device::of(headers).describe()),
                };
                self.store().trust_browser(&record).await?;
                format!("{id}.{secret}")
            }
        };
        let mut value = vec![mine];
        value.extend(kept.into_iter().take(MAX_ACCOUNTS_PER_BROWSER - 1));
        Ok((value.join("~"), new_browser))
    }
}

#[cfg(test)]
mod tests {
    use axum::http::{HeaderValue, header};

    use super::*;
    use crate::web::DEVICE_COOKIE;

    fn with_device(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        let cookie = format!("{DEVICE_COOKIE}={value}");
        headers.insert(header::COOKIE, HeaderValue::from_str(&cookie).unwrap());
        headers
    }

    #[test]
    fn the_cookie_yields_at_most_five_well_formed_entries() {
        let good = "aaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
        let value = [good; 7].join("~");
        assert_eq!(
            entries(&with_device(&value), DEVICE_COOKIE).len(),
            MAX_ACCOUNTS_PER_BROWSER
        );
        assert!(entries(&with_device("short.x"), DEVICE_COOKIE).is_empty());
        assert!(entries(&with_device("no-dot-at-all-here"), DEVICE_COOKIE).is_empty());
        assert!(entries(&HeaderMap::new(), DEVICE_COOKIE).is_empty());
    }
}
