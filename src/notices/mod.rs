//! Security notices: telling the citizen, by email to the registered address and
//! by SMS to the registered mobile, that something happened to their account —
//! activation completed, the password changed (or was reset or renewed), the
//! password or the activation code blocked by failed attempts, a sign-in from a
//! browser not seen before, the account closed (`docs/architecture.md`,
//! "Notifications").
//!
//! Each email says what happened, when (Madrid time), from what browser and
//! network, what to do if it was not the citizen, and links to `/account`; it is
//! rendered from `templates/email/notice.txt` and `notice.html` with the
//! `notices.ftl` catalogs. Block notices also go by SMS, always (a citizen who
//! cannot log in may not read email on the phone); the others only with
//! `CLAVE_NOTICE_SMS`. An SMS carries no link, as the code SMS do not (a link is
//! what phishing imitates).
//!
//! **Caps.** Anyone who knows a DNI/NIE can cause a block, and anyone with the
//! password a new-browser sign-in, so notices must not become a way to flood a
//! citizen's inbox or phone ([`Cap`]): one block notice a day per account
//! (password and code share it), one new-browser notice a day per account and
//! browser kind and [`NEW_BROWSER_A_DAY`] a day per account, [`OTHERS_A_DAY`] a
//! day per account for each other kind. Counters live in the ephemeral store,
//! keyed by hashes, never by a DNI/NIE in clear.
//!
//! **Language.** A notice the citizen caused by acting now (a password change, an
//! unsubscribe) is in the language of the page they used; one anybody can cause
//! (a block, a new browser) is in the language the citizen last used
//! (`citizens.language`), so an attacker's page does not choose it.
//!
//! Sending never fails the request: the email is handed to the sender (an append
//! for `outbox`, a queue for `smtp`), the SMS is sent off the request path, and a
//! fault is logged and counted (`clave_notices_total`).

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use tera::Context;

use crate::clock::SharedClock;
use crate::crypto::hash_token;
use crate::domain::{CitizenStatus, Device, MadridTime, masked_network};
use crate::email::{EmailMessage, EmailSender};
use crate::routes;
use crate::sms::{SmsMessage, SmsSender};
use crate::store::ephemeral::EphemeralStore;
use crate::store::ephemeral::keys::Space;
use crate::store::sql::CitizenRecord;
use crate::web::Web;
use crate::web::i18n::{Lang, tr, tr_args};

#[cfg(test)]
mod tests;

/// A day: the window of every cap.
const DAY: Duration = Duration::from_secs(24 * 3600);
/// New-browser notices to one account in a day, over every browser kind.
pub const NEW_BROWSER_A_DAY: u64 = 3;
/// Notices of each other kind (activation, password changed, unsubscribe) to one
/// account in a day.
pub const OTHERS_A_DAY: u64 = 3;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Notice {
    /// The citizen activated their user (first password set).
    Activated,
    /// The password was changed, knowing the old one (the change flow, or the
    /// renewal of an expired password at login).
    PasswordChanged,
    /// A new password was chosen with the activation code (forgotten or blocked).
    PasswordReset,
    /// Failed attempts blocked the password.
    PasswordBlocked,
    /// Failed attempts blocked the activation code.
    CodeBlocked,
    /// A sign-in from a browser this account had not used.
    NewBrowser,
    /// The citizen closed their account.
    Unsubscribed,
}

impl Notice {
    /// Every kind.
    pub const ALL: [Notice; 7] = [
        Notice::Activated,
        Notice::PasswordChanged,
        Notice::PasswordReset,
        Notice::PasswordBlocked,
        Notice::CodeBlocked,
        Notice::NewBrowser,
        Notice::Unsubscribed,
    ];

    /// The purpose written in the outbox, logs and metrics (README, "Notifications").
    pub fn purpose(self) -> &'static str {
        match self {
            Notice::Activated => "activation",
            Notice::PasswordChanged => "password_changed",
            Notice::PasswordReset => "password_reset",
            Notice::PasswordBlocked => "password_blocked",
            Notice::CodeBlocked => "activation_code_blocked",
            Notice::NewBrowser => "new_browser",
            Notice::Unsubscribed => "unsubscribe",
        }
    }

    /// The stem of the notice's catalog keys (`notice-{stem}-subject`, …).
    fn stem(self) -> &'static str {
        match self {
            Notice::Activated => "activation",
            Notice::PasswordChanged => "password-changed",
            Notice::PasswordReset => "password-reset",
            Notice::PasswordBlocked => "password-blocked",
            Notice::CodeBlocked => "code-blocked",
            Notice::NewBrowser => "new-browser",
            Notice::Unsubscribed => "unsubscribe",
        }
    }

    /// Whether anybody who knows the DNI/NIE (or the password) can cause it: then
    /// the citizen's own language is used, not the page's.
    fn caused_by_anyone(self) -> bool {
        matches!(
            self,
            Notice::PasswordBlocked | Notice::CodeBlocked | Notice::NewBrowser
        )
    }

    /// Whether the SMS goes whatever the settings say: a blocked citizen is told
    /// on the phone as well, as before email notices existed.
    fn sms_always(self) -> bool {
        matches!(self, Notice::PasswordBlocked | Notice::CodeBlocked)
    }
}

/// Where the request that caused a notice came from, as the notice shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// The browser and operating system (`User-Agent`).
    pub device: Device,
    /// The client address (through trusted proxies); shown masked.
    pub ip: IpAddr,
}

/// The daily caps (module documentation).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Cap {
    /// At most one a day under this key.
    Once(String),
    /// At most one a day under the first key and `limit` a day under the second.
    OnceAndCount(String, String, u64),
    /// At most `limit` a day under this key.
    Count(String, u64),
}

impl Cap {
    fn of(notice: Notice, citizen: &str, device: &Device) -> Self {
        let account = hash_token(citizen);
        match notice {
            // Keyed as before notices went by email, so a deploy keeps today's caps.
            Notice::PasswordBlocked | Notice::CodeBlocked => {
                Cap::Once(Space::BlockNotice.key(&account))
            }
            Notice::NewBrowser => Cap::OnceAndCount(
                Space::NoticeSent.key(&format!(
                    "new_browser:{}",
                    hash_token(&format!("{citizen}\n{}", device.describe()))
                )),
                Space::NoticeSent.key(&format!("new_browser_day:{account}")),
                NEW_BROWSER_A_DAY,
            ),
            other => Cap::Count(
                Space::NoticeSent.key(&format!("{}:{account}", other.purpose())),
                OTHERS_A_DAY,
            ),
        }
    }

    /// Takes one notice from the cap: whether it may be sent. A store fault sends
    /// nothing (better one notice lost than a flood).
    async fn take(&self, store: &dyn EphemeralStore) -> Result<bool, String> {
        match self {
            Cap::Once(key) => once_a_day(store, key).await,
            Cap::OnceAndCount(first, second, limit) => {
                Ok(once_a_day(store, first).await? && count_a_day(store, second, *limit).await?)
            }
            Cap::Count(key, limit) => count_a_day(store, key, *limit).await,
        }
    }
}

/// Whether nothing was sent under `key` today (and marks it).
async fn once_a_day(store: &dyn EphemeralStore, key: &str) -> Result<bool, String> {
    store
        .put_new(key, b"1", DAY)
        .await
        .map_err(|e| e.to_string())
}

/// Whether fewer than `limit` were sent under `key` today (and counts this one).
async fn count_a_day(store: &dyn EphemeralStore, key: &str, limit: u64) -> Result<bool, String> {
    store
        .increment(key, DAY)
        .await
        .map(|n| n <= limit)
        .map_err(|e| e.to_string())
}

/// The variables of the notice templates (`templates/email/notice.*`).
#[derive(Debug, Serialize)]
struct Letter {
    lang: &'static str,
    subject: String,
    greeting: String,
    what: String,
    when: String,
    browser: String,
    network: String,
    if_you: String,
    if_not_you: String,
    action_label: String,
    action_url: String,
    account_url: Option<String>,
}

/// Sends the notices.
#[derive(Clone)]
pub struct Notices {
    inner: Arc<Inner>,
}

struct Inner {
    email: Arc<dyn EmailSender>,
    sms: Arc<dyn SmsSender>,
    store: Arc<dyn EphemeralStore>,
    web: Web,
    clock: SharedClock,
    /// Every kind goes by SMS too (`CLAVE_NOTICE_SMS`), not only blocks.
    sms_for_all: bool,
}

impl std::fmt::Debug for Notices {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Notices")
            .field("email", &self.inner.email.name())
            .field("sms", &self.inner.sms.name())
            .field("sms_for_all", &self.inner.sms_for_all)
            .finish_non_exhaustive()
    }
}

impl Notices {
    /// Notices sent through `email` and `sms`, rendered with `web`'s templates and
    /// links to its issuer, capped with counters in `store`; `sms_for_all` sends
    /// every kind by SMS too.
    pub fn new(
        email: Arc<dyn EmailSender>,
        sms: Arc<dyn SmsSender>,
        store: Arc<dyn EphemeralStore>,
        web: Web,
        clock: SharedClock,
        sms_for_all: bool,
    ) -> Self {
        Self {
            inner: Arc::new(Inner {
                email,
                sms,
                store,
                web,
                clock,
                sms_for_all,
            }),
        }
    }

    /// Tells `citizen` that `notice` happened, caused by a request from `source`
    /// on a page in `page_lang`; within the caps, never failing the caller.
    pub async fn tell(
        &self,
        notice: Notice,
        citizen: &CitizenRecord,
        page_lang: Lang,
        source: Source,
    ) {
        let kind = notice.purpose();
        let cap = Cap::of(notice, citizen.id.as_str(), &source.device);
        match cap.take(self.inner.store.as_ref()).await {
            Ok(true) => {}
            Ok(false) => {
                metrics::counter!("clave_notices_total", "kind" => kind, "outcome" => "capped")
                    .increment(1);
                return;
            }
            Err(error) => {
                tracing::warn!(%error, kind, "could not check the daily cap of notices");
                metrics::counter!("clave_notices_total", "kind" => kind, "outcome" => "failed")
                    .increment(1);
                return;
            }
        }
        let lang = language(notice, citizen, page_lang);
        let letter = self.letter(notice, citizen, lang, source);
        let sent = match self.email_of(notice, citizen, &letter) {
            Ok(message) => self
                .inner
                .email
                .send(&message)
                .await
                .map_err(|e| e.to_string()),
            Err(error) => Err(error),
        };
        let outcome = match sent {
            Ok(()) => "sent",
            Err(error) => {
                tracing::warn!(%error, kind, "could not send the notice email");
                "failed"
            }
        };
        metrics::counter!("clave_notices_total", "kind" => kind, "outcome" => outcome).increment(1);
        if notice.sms_always() || self.inner.sms_for_all {
            let message = SmsMessage {
                to: citizen.phone.as_str().to_owned(),
                body: tr(lang, &format!("sms-notice-{}", notice.stem())),
                purpose: kind.to_owned(),
            };
            let sms = Arc::clone(&self.inner.sms);
            tokio::spawn(async move {
                if let Err(error) = sms.send(&message).await {
                    tracing::warn!(%error, kind, "could not send the notice SMS");
                }
            });
        }
    }

    /// What the notice says, in `lang`.
    fn letter(
        &self,
        notice: Notice,
        citizen: &CitizenRecord,
        lang: Lang,
        source: Source,
    ) -> Letter {
        let issuer = self.inner.web.issuer().trim_end_matches('/');
        let link = |path: &str| format!("{issuer}{path}");
        let stem = notice.stem();
        let key = |part: &str| format!("notice-{stem}-{part}");
        let when = MadridTime::at(self.inner.clock.now())
            .map(|time| time.display())
            .unwrap_or_default();
        let browser = match source.device.describe() {
            known if !known.is_empty() => known,
            _ => tr(lang, "notice-browser-unknown"),
        };
        let register = link(&format!("{}#register", routes::HELP));
        let (action_label, action_url) = match notice {
            Notice::Activated | Notice::Unsubscribed => {
                (tr(lang, "notice-action-office"), register)
            }
            Notice::PasswordChanged | Notice::PasswordReset | Notice::PasswordBlocked => (
                tr(lang, "notice-action-forgot"),
                link(routes::PASSWORD_RESET.start),
            ),
            // A citizen who never activated has no password to get a new code with:
            // the registration office gives one.
            Notice::CodeBlocked if citizen.status == CitizenStatus::Pending => {
                (tr(lang, "notice-action-office"), register)
            }
            Notice::CodeBlocked => (
                tr(lang, "notice-action-new-code"),
                link(routes::CODE_REGENERATION.start),
            ),
            Notice::NewBrowser => (tr(lang, "notice-action-not-me"), link(routes::ACCOUNT)),
        };
        let if_not_you = match notice {
            Notice::CodeBlocked if citizen.status == CitizenStatus::Pending => {
                tr(lang, "notice-code-blocked-if-not-you-pending")
            }
            _ => tr(lang, &key("if-not-you")),
        };
        Letter {
            lang: lang.code(),
            subject: tr(lang, &key("subject")),
            greeting: tr_args(lang, "notice-greeting", &[("name", &citizen.given_name)]),
            what: tr(lang, &key("what")),
            when,
            browser,
            network: masked_network(&source.ip.to_string()),
            if_you: tr(lang, &key("if-you")),
            if_not_you,
            action_label,
            action_url,
            // After an unsubscribe there is no account left to open.
            account_url: (notice != Notice::Unsubscribed).then(|| link(routes::ACCOUNT)),
        }
    }

    fn email_of(
        &self,
        notice: Notice,
        citizen: &CitizenRecord,
        letter: &Letter,
    ) -> Result<EmailMessage, String> {
        let context = Context::from_serialize(letter).map_err(|e| e.to_string())?;
        let templates = self.inner.web.templates();
        let render = |name: &str| templates.render(name, &context).map_err(|e| e.to_string());
        Ok(EmailMessage {
            to: citizen.email.as_str().to_owned(),
            subject: letter.subject.clone(),
            text: render("email/notice.txt")?,
            html: render("email/notice.html")?,
            purpose: notice.purpose().to_owned(),
        })
    }
}

/// The language of a notice (module documentation, "Language").
fn language(notice: Notice, citizen: &CitizenRecord, page_lang: Lang) -> Lang {
    let stored = citizen.language.as_deref().and_then(Lang::from_tag);
    match (notice.caused_by_anyone(), stored) {
        (true, Some(lang)) => lang,
        _ => page_lang,
    }
}
