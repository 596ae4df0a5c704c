//! The OTP service under test: a `ManualClock`, an outbox file to read codes from, and
//! a sender that can be told to fail.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use async_trait::async_trait;
use clave_idp::clock::ManualClock;
use clave_idp::domain::{DocumentId, MobilePhone};
use clave_idp::otp::{OtpKey, OtpPolicy, OtpPurpose, OtpService, SendOutcome, VerifyOutcome};
use clave_idp::sms::{OutboxSender, SmsError, SmsMessage, SmsSender, read_outbox};
use clave_idp::store::ephemeral::EphemeralStore;
use clave_idp::web::i18n::Lang;

pub(super) type Store = Arc<dyn EphemeralStore>;

pub(super) const ACCOUNT: &str = "12345678Z";
pub(super) const PHONE: &str = "+34600111222";
pub(super) const START: i64 = 1_700_000_000;

/// [`ACCOUNT`] as the DNI/NIE the service takes.
pub(super) fn account() -> DocumentId {
    ACCOUNT.parse().unwrap()
}

/// [`PHONE`] as the mobile the service takes.
pub(super) fn phone() -> MobilePhone {
    PHONE.parse().unwrap()
}

/// An outbox sender that fails while `failing` is set.
#[derive(Debug)]
pub(super) struct FlakySender {
    outbox: OutboxSender,
    pub(super) failing: AtomicBool,
}

#[async_trait]
impl SmsSender for FlakySender {
    async fn send(&self, msg: &SmsMessage) -> Result<(), SmsError> {
        if self.failing.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(SmsError::Unavailable("gateway down (test)".into()));
        }
        self.outbox.send(msg).await
    }

    fn name(&self) -> &'static str {
        "flaky"
    }
}

pub(super) struct Fixture {
    pub(super) otp: Arc<OtpService>,
    pub(super) clock: ManualClock,
    pub(super) sms: Arc<FlakySender>,
    pub(super) outbox: PathBuf,
    _dir: tempfile::TempDir,
}

pub(super) fn fixture(store: Store) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let outbox = dir.path().join("sms-outbox.jsonl");
    let clock = ManualClock::new(START);
    let sms = Arc::new(FlakySender {
        outbox: OutboxSender::with_clock(&outbox, Arc::new(clock.clone())),
        failing: AtomicBool::new(false),
    });
    let otp = OtpService::new(
        store,
        sms.clone(),
        Arc::new(clock.clone()),
        OtpKey::from_secret("test-otp-key"),
        OtpPolicy::default(),
    );
    Fixture {
        otp: Arc::new(otp),
        clock,
        sms,
        outbox,
        _dir: dir,
    }
}

impl Fixture {
    pub(super) async fn send(&self, flow: &str, purpose: OtpPurpose) -> SendOutcome {
        self.send_for(flow, purpose, ACCOUNT).await
    }

    pub(super) async fn send_for(
        &self,
        flow: &str,
        purpose: OtpPurpose,
        account: &str,
    ) -> SendOutcome {
        self.otp
            .send(flow, purpose, &account.parse().unwrap(), &phone(), Lang::Es)
            .await
            .unwrap()
    }

    pub(super) async fn verify(
        &self,
        flow: &str,
        purpose: OtpPurpose,
        typed: &str,
    ) -> VerifyOutcome {
        self.otp.verify(flow, purpose, typed).await.unwrap()
    }

    /// The six-digit code of the last SMS.
    pub(super) fn last_code(&self) -> String {
        let entries = read_outbox(&self.outbox);
        let body = &entries.last().expect("an SMS was sent").body;
        code_in(body).expect("the SMS holds a six-digit code")
    }

    pub(super) fn sms_count(&self) -> usize {
        read_outbox(&self.outbox).len()
    }
}

/// The first run of exactly six ASCII digits in `text`.
pub(super) fn code_in(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|run| run.len() == 6)
        .map(str::to_owned)
}

/// A well-formed code that is not `code`.
pub(super) fn other_than(code: &str) -> String {
    let n: u32 = code.parse().unwrap();
    format!("{:06}", (n + 1) % 1_000_000)
}

pub(super) fn is_sent(outcome: SendOutcome) -> bool {
    matches!(outcome, SendOutcome::Sent { .. })
}
