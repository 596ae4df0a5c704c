//! Browser-bound transactions: a login or a self-service flow in progress, kept
//! in the ephemeral store under a random id, with the stage the citizen is at.
//!
//! One type, [`Transaction`], serves both: the id travels in the pages' URLs and
//! forms, and the transaction is bound to the browser that started it (a hash of
//! its CSRF token), so an id copied into another browser leads nowhere; it carries
//! its own deadline, checked against the injected clock. What differs — the
//! purpose and its stages — is the type parameter: [`Login`] here (the
//! authorization endpoint starts it, the login screens move it on) and the
//! self-service flows' own purpose in `selfservice::flow`. Stages change only
//! through methods that refuse a step the citizen cannot take from where they are
//! ([`InvalidStep`]), in the manner of a state machine.

use std::collections::BTreeMap;
use std::ops::{Deref, DerefMut};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::Browsers;
use crate::crypto::{hash_token, random_token};
use crate::oauth::request::AuthRequest;
use crate::store::ephemeral::keys::{
    KeySpace, LOGIN_TX_METHOD_SECS, LOGIN_TX_SECS, Space, ttl_for,
};
use crate::store::sql::ClientRecord;
use crate::web::{Lang, PageContext, PageError};

/// What a kind of transaction is for: where it is stored, how long it lives, and
/// the page that says it is gone.
pub trait Purpose: Sized + Serialize + DeserializeOwned + Send + Sync {
    /// Its key space.
    const SPACE: KeySpace<Transaction<Self>>;
    /// How long the citizen has to take the first step (a purpose may extend
    /// the deadline as the citizen moves on).
    const LIFETIME_SECS: i64;
    /// The message of the "expired, start again" page.
    const EXPIRED: &'static str;
}

/// A step the citizen cannot take from the stage they are at (a replayed or
/// out-of-order form): answered with the "expired, start again" page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("this step cannot be taken from the transaction's current stage")]
pub struct InvalidStep {
    expired: &'static str,
}

impl InvalidStep {
    /// A refused step of a transaction for `P`.
    pub fn of<P: Purpose>() -> Self {
        Self {
            expired: P::EXPIRED,
        }
    }
}

/// A transaction in progress; reads as its purpose (`Deref`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Transaction<P> {
    /// What it is for, and how far it got.
    pub purpose: P,
    /// Hash of the browser's CSRF token.
    browser: String,
    /// Deadline.
    pub expires_at: i64,
}

impl<P> Deref for Transaction<P> {
    type Target = P;

    fn deref(&self) -> &P {
        &self.purpose
    }
}

impl<P> DerefMut for Transaction<P> {
    fn deref_mut(&mut self) -> &mut P {
        &mut self.purpose
    }
}

/// Whether `id` has the shape of a transaction id (before any lookup).
pub fn well_formed(id: &str) -> bool {
    (16..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl<P: Purpose> Transaction<P> {
    /// Stores a new transaction for this browser; returns its id.
    pub async fn begin(
        browsers: &Browsers,
        ctx: &PageContext,
        purpose: P,
    ) -> Result<(String, Self), PageError> {
        let id = random_token(24);
        let tx = Transaction {
            purpose,
            browser: hash_token(ctx.csrf_token()),
            expires_at: browsers.now() + P::LIFETIME_SECS,
        };
        tx.save(browsers, &id).await?;
        Ok((id, tx))
    }

    /// The transaction `id` of this browser, still live; else the "expired" page
    /// (nothing tells a stranger whether the id exists).
    pub async fn load(browsers: &Browsers, ctx: &PageContext, id: &str) -> Result<Self, PageError> {
        if !well_formed(id) {
            return Err(PageError::BadRequest(P::EXPIRED));
        }
        match P::SPACE.get(browsers.store(), id).await? {
            Some(tx)
                if tx.expires_at > browsers.now() && tx.browser == hash_token(ctx.csrf_token()) =>
            {
                Ok(tx)
            }
            _ => Err(PageError::BadRequest(P::EXPIRED)),
        }
    }

    /// Saves the transaction's progress; the store keeps it until its own
    /// deadline (plus the skew margin), not for the space's longest life.
    pub async fn save(&self, browsers: &Browsers, id: &str) -> Result<(), PageError> {
        let left = self.expires_at - browsers.now();
        P::SPACE
            .put_for(browsers.store(), id, self, ttl_for(left))
            .await?;
        Ok(())
    }

    /// Removes the transaction (finished or cancelled).
    pub async fn remove(browsers: &Browsers, id: &str) -> Result<(), PageError> {
        P::SPACE.delete(browsers.store(), id).await?;
        Ok(())
    }
}

impl From<InvalidStep> for PageError {
    fn from(step: InvalidStep) -> Self {
        PageError::BadRequest(step.expired)
    }
}

/// A login in progress.
pub type LoginTx = Transaction<Login>;

/// The pages of a login whose password expired: the method, the password, the
/// renewal's SMS code and the new password (the renewal's code also gives the
/// substantial level, so no other SMS follows).
pub const RENEWAL_STEPS: u32 = 4;

/// The most bytes one login transaction takes as stored JSON, with every
/// parameter of `GET /authorize` at its cap (src/oauth/params.rs): checked by
/// a unit test here, and by `tests/it/bounds.rs` through HTTP.
pub const MAX_LOGIN_TX_BYTES: usize = 5 * 1024;

/// What a login is for: the checked authorization request, the portal, the stage.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Login {
    /// The checked authorization request.
    pub request: AuthRequest,
    /// The portal's name, shown on every page.
    pub client_name: String,
    /// Its name in the other languages of the pages, where it registered one
    /// (`client_name#en`): at most one per language the provider speaks.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub client_names: BTreeMap<String, String>,
    /// Whether the portal is a Social Security service.
    pub social_security: bool,
    /// Progress.
    pub stage: Stage,
}

impl Purpose for Login {
    const SPACE: KeySpace<Transaction<Self>> = KeySpace::new(Space::LoginTx);
    const LIFETIME_SECS: i64 = LOGIN_TX_METHOD_SECS;
    const EXPIRED: &'static str = "error-login-expired";
}

/// The step of a login the citizen is at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "stage", rename_all = "snake_case")]
pub enum Stage {
    /// Choosing the Cl@ve method.
    Method,
    /// Typing DNI/NIE and password.
    Password,
    /// Password right; typing the SMS code (level of assurance substantial).
    Otp {
        /// The citizen.
        citizen_id: String,
    },
    /// Password right but expired: SMS code, then a new password.
    Renew {
        /// The citizen.
        citizen_id: String,
        /// Whether the SMS code was already accepted.
        otp_verified: bool,
    },
    /// Password right; a legacy Social Security user at a Social Security portal
    /// is asked to consent to the migration to Cl@ve (`/login/legacy`).
    LegacyConsent {
        /// The citizen.
        citizen_id: String,
    },
}

/// Where a right password leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterPassword {
    /// The SMS code of level substantial.
    Otp,
    /// The renewal of an expired password.
    Renew,
    /// The migration offer to a legacy user.
    LegacyConsent,
}

impl LoginTx {
    /// Stores a new login for `request` at `client`; returns its id.
    pub async fn start(
        browsers: &Browsers,
        ctx: &PageContext,
        request: AuthRequest,
        client: &ClientRecord,
    ) -> Result<String, PageError> {
        let client_names = Lang::ALL
            .iter()
            .filter_map(|lang| {
                let name = client.profile.localized_name(lang.code())?;
                Some((lang.code().to_owned(), name.to_owned()))
            })
            .collect();
        let login = Login {
            request,
            client_name: client.name.clone(),
            client_names,
            social_security: client.social_security,
            stage: Stage::Method,
        };
        Ok(Self::begin(browsers, ctx, login).await?.0)
    }

    /// The method was chosen at `now`: on to the password, and the short life
    /// of an untouched transaction becomes the time to finish the login.
    pub fn choose_method(&mut self, now: i64) {
        if self.stage == Stage::Method {
            self.method_chosen();
            self.expires_at = self.expires_at.max(now + LOGIN_TX_SECS);
        }
    }
}

impl Login {
    /// The portal's name as a page in `lang` shows it: its name in that
    /// language where it registered one, else its `client_name`.
    pub fn client_name_in(&self, lang: Lang) -> &str {
        self.client_names
            .get(lang.code())
            .unwrap_or(&self.client_name)
    }

    /// The pages this login shows, for "Step N of M" (docs/style.md): the
    /// method and the password, and the SMS code at the substantial level. An
    /// expired password adds its own two (the code and the new password) when
    /// it turns out expired: [`RENEWAL_STEPS`].
    pub fn steps(&self) -> u32 {
        if self.request.assurance == crate::domain::Assurance::Substantial {
            3
        } else {
            2
        }
    }

    /// The method was chosen: on to the password (again, if the citizen came
    /// back to the method screen).
    pub fn method_chosen(&mut self) {
        if self.stage == Stage::Method {
            self.stage = Stage::Password;
        }
    }

    /// The password form was posted: from any stage the citizen may start the
    /// password step again (back button, a second tab); a later stage is dropped.
    pub fn at_password(&mut self) {
        if self.stage != Stage::Method {
            self.stage = Stage::Password;
        }
    }

    /// The right password for `citizen_id`, or the legacy consent given: on to
    /// `next`. Refused unless the citizen is at the password or consent step.
    pub fn password_accepted(
        &mut self,
        citizen_id: &str,
        next: AfterPassword,
    ) -> Result<(), InvalidStep> {
        let consented = match &self.stage {
            Stage::Method | Stage::Password => false,
            Stage::LegacyConsent { citizen_id: who } if who == citizen_id => true,
            _ => return Err(InvalidStep::of::<Login>()),
        };
        let citizen_id = citizen_id.to_owned();
        self.stage = match next {
            AfterPassword::Otp => Stage::Otp { citizen_id },
            AfterPassword::Renew => Stage::Renew {
                citizen_id,
                otp_verified: false,
            },
            AfterPassword::LegacyConsent if !consented => Stage::LegacyConsent { citizen_id },
            AfterPassword::LegacyConsent => return Err(InvalidStep::of::<Login>()),
        };
        Ok(())
    }

    /// The renewal's SMS code was accepted: on to the new password.
    pub fn renewal_code_accepted(&mut self) -> Result<(), InvalidStep> {
        match &self.stage {
            Stage::Renew {
                citizen_id,
                otp_verified: false,
            } => {
                self.stage = Stage::Renew {
                    citizen_id: citizen_id.clone(),
                    otp_verified: true,
                };
                Ok(())
            }
            _ => Err(InvalidStep::of::<Login>()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn login(stage: Stage) -> Login {
        let request = AuthRequest {
            client_id: "sede".into(),
            redirect_uri: "https://sede.example/cb".into(),
            scope: crate::domain::Scopes::parse_known("openid"),
            state: None,
            nonce: None,
            code_challenge: None,
            prompt_none: false,
            prompt_login: false,
            max_age: None,
            assurance: crate::domain::Assurance::Low,
            claims: Default::default(),
            login_hint: None,
            ui_locales: None,
            id_token_hint: None,
            dpop_jkt: None,
        };
        Login {
            request,
            client_name: "Sede".into(),
            client_names: BTreeMap::from([("en".to_owned(), "Sede (en)".to_owned())]),
            social_security: false,
            stage,
        }
    }

    #[test]
    fn a_page_shows_the_portal_name_of_its_language_where_there_is_one() {
        let login = login(Stage::Method);
        assert_eq!(login.client_name_in(Lang::En), "Sede (en)");
        assert_eq!(login.client_name_in(Lang::Es), "Sede");
    }

    /// The longest query `GET /authorize` accepts (every capped parameter at its
    /// cap, the worst characters for JSON) kept as a transaction.
    fn maximal() -> LoginTx {
        use crate::oauth::params::{Params, max_len};
        let quote = |name: &str| "\"".repeat(max_len(name));
        let claims = format!(
            r#"{{"userinfo":{{"nif":null,"email":null,"{}":null}},"id_token":{{"acr":{{"values":["http://eidas.europa.eu/LoA/substantial"]}}}}}}"#,
            "z".repeat(3900)
        );
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        query
            .append_pair("client_id", &"c".repeat(max_len("client_id")))
            .append_pair("redirect_uri", "https://sede.example/cb")
            .append_pair("response_type", "code")
            .append_pair(
                "scope",
                &format!(
                    "openid profile email phone nif offline_access {}",
                    "x".repeat(900)
                ),
            )
            .append_pair("state", &quote("state"))
            .append_pair("nonce", &quote("nonce"))
            .append_pair("login_hint", &quote("login_hint"))
            .append_pair("ui_locales", &quote("ui_locales"))
            .append_pair("claims", &claims)
            .append_pair("code_challenge", &"A".repeat(128))
            .append_pair("code_challenge_method", "S256")
            .append_pair("prompt", "login consent")
            .append_pair("max_age", "9999999999")
            .append_pair("acr_values", &"a".repeat(max_len("acr_values")))
            .append_pair("id_token_hint", &"h".repeat(8000));
        let params = Params::parse(query.finish().as_bytes()).unwrap();
        let mut client = crate::store::sql::ClientRecord {
            client_id: "c".repeat(max_len("client_id")),
            name: "Sede".into(),
            kind: crate::domain::ClientKind::from_secret_hash(Some("h".into())),
            redirect_uris: vec![
                crate::domain::RegisteredUri::parse("https://sede.example/cb").unwrap(),
            ],
            post_logout_redirect_uris: vec![],
            sector: "sede.example".into(),
            social_security: false,
            require_pkce: false,
            id_token_alg: crate::crypto::KeyAlg::Rs256,
            created_at: 0,
            profile: Default::default(),
        };
        let request = crate::oauth::request::check(&params, &client).unwrap();
        client.name = "P".repeat(200);
        Transaction {
            purpose: Login {
                request,
                client_name: client.name,
                client_names: BTreeMap::new(),
                social_security: false,
                stage: Stage::Method,
            },
            browser: hash_token("csrf"),
            expires_at: 0,
        }
    }

    #[test]
    fn a_maximal_login_transaction_is_stored_compactly() {
        let kept = serde_json::to_vec(&maximal()).unwrap();
        // Echoed parameters at their caps, JSON-escaped (1024 + 512 + 64 + 128
        // quotes, each two bytes), and the rest: claims and scopes are kept as
        // the names the provider knows, the ID token hint not at all.
        assert!(kept.len() <= MAX_LOGIN_TX_BYTES, "{} bytes", kept.len());
        assert!(
            kept.len() > 4_000,
            "the test is maximal: {} bytes",
            kept.len()
        );
    }

    #[test]
    fn choosing_the_method_extends_the_short_first_deadline() {
        let mut tx = maximal();
        tx.expires_at = 1_000 + LOGIN_TX_METHOD_SECS;
        tx.choose_method(1_100);
        assert_eq!(tx.stage, Stage::Password);
        assert_eq!(tx.expires_at, 1_100 + LOGIN_TX_SECS);
        tx.choose_method(1_200);
        assert_eq!(tx.expires_at, 1_100 + LOGIN_TX_SECS, "only once");
    }

    #[test]
    fn a_login_walks_method_password_code_in_order() {
        let mut tx = login(Stage::Method);
        tx.method_chosen();
        assert_eq!(tx.stage, Stage::Password);
        tx.password_accepted("12345678Z", AfterPassword::Renew)
            .unwrap();
        tx.renewal_code_accepted().unwrap();
        assert_eq!(
            tx.stage,
            Stage::Renew {
                citizen_id: "12345678Z".into(),
                otp_verified: true
            }
        );
    }

    #[test]
    fn a_step_out_of_order_is_refused() {
        let mut tx = login(Stage::Password);
        assert_eq!(tx.renewal_code_accepted(), Err(InvalidStep::of::<Login>()));
        let mut tx = login(Stage::Otp {
            citizen_id: "12345678Z".into(),
        });
        assert_eq!(
            tx.password_accepted("12345678Z", AfterPassword::Otp),
            Err(InvalidStep::of::<Login>()),
            "a code step cannot be skipped by posting a password form again"
        );
    }

    #[test]
    fn consent_moves_on_only_for_the_citizen_who_was_asked() {
        let mut tx = login(Stage::LegacyConsent {
            citizen_id: "12345678Z".into(),
        });
        assert_eq!(
            tx.password_accepted("X1234567L", AfterPassword::Otp),
            Err(InvalidStep::of::<Login>())
        );
        assert_eq!(
            tx.password_accepted("12345678Z", AfterPassword::LegacyConsent),
            Err(InvalidStep::of::<Login>()),
            "consent is asked once"
        );
        tx.password_accepted("12345678Z", AfterPassword::Otp)
            .unwrap();
        assert!(matches!(tx.stage, Stage::Otp { .. }));
    }

    #[test]
    fn the_password_step_can_be_taken_again_from_a_later_stage() {
        let mut tx = login(Stage::Otp {
            citizen_id: "12345678Z".into(),
        });
        tx.at_password();
        assert_eq!(tx.stage, Stage::Password);
        let mut fresh = login(Stage::Method);
        fresh.at_password();
        assert_eq!(fresh.stage, Stage::Method, "the method is chosen first");
    }
}
