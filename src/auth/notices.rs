//! Telling the citizen, by SMS to the registered mobile, that failed attempts
//! blocked their password or their activation code: what happened and how to
//! get back in. At most one
//! such notice a day per account, so an attacker cannot use the block to flood
//! a citizen's phone; sent off the request path, so a slow gateway never delays
//! the answer. Like the code SMS, the text carries no link (a link is what
//! phishing imitates) and no personal data.

use std::sync::Arc;
use std::time::Duration;

use crate::crypto::hash_token;
use crate::domain::MobilePhone;
use crate::sms::{SmsMessage, SmsSender};
use crate::store::ephemeral::EphemeralStore;
use crate::store::ephemeral::keys::Space;
use crate::web::i18n::{Lang, tr};

/// A day: the most one account hears about blocks.
const ONE_A_DAY: Duration = Duration::from_secs(24 * 3600);

/// Sends block notices.
#[derive(Clone)]
pub struct BlockNotices {
    sms: Arc<dyn SmsSender>,
    store: Arc<dyn EphemeralStore>,
}

impl BlockNotices {
    /// Notices sent through `sms`, capped with counters in `store`.
    pub fn new(sms: Arc<dyn SmsSender>, store: Arc<dyn EphemeralStore>) -> Self {
        Self { sms, store }
    }

    /// The password of the account `citizen` was just blocked in a lane: tell the
    /// citizen at `phone`, in `lang`, unless they were told today already.
    pub async fn password_blocked(&self, citizen: &str, phone: &MobilePhone, lang: Lang) {
        self.tell(
            citizen,
            phone,
            lang,
            "sms-notice-password-blocked",
            "password_blocked",
        )
        .await;
    }

    /// The activation code of `citizen` was just blocked in a lane: tell the
    /// citizen, unless they heard about a block today already.
    pub async fn code_blocked(&self, citizen: &str, phone: &MobilePhone, lang: Lang) {
        self.tell(
            citizen,
            phone,
            lang,
            "sms-notice-code-blocked",
            "activation_code_blocked",
        )
        .await;
    }

    async fn tell(
        &self,
        citizen: &str,
        phone: &MobilePhone,
        lang: Lang,
        text: &'static str,
        purpose: &'static str,
    ) {
        // Keyed by a hash: the store never holds a DNI/NIE in clear.
        let key = Space::BlockNotice.key(&hash_token(citizen));
        match self.store.put_new(&key, b"1", ONE_A_DAY).await {
            Ok(true) => {}
            Ok(false) => return,
            Err(error) => {
                tracing::warn!(%error, "could not check the daily cap of block notices");
                return;
            }
        }
        let message = SmsMessage {
            to: phone.as_str().to_owned(),
            body: tr(lang, text),
            purpose: purpose.to_owned(),
        };
        let sms = Arc::clone(&self.sms);
        tokio::spawn(async move {
            if let Err(error) = sms.send(&message).await {
                tracing::warn!(%error, "could not send the block notice");
            }
        });
    }
}
