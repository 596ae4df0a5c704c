//! The notices without HTTP: what each says in each language, the caps, the
//! language chosen, and that a failing sender fails nobody.

use std::sync::Mutex;

use async_trait::async_trait;

use super::*;
use crate::clock::ManualClock;
use crate::email::EmailError;
use crate::settings::Settings;
use crate::sms::SmsError;
use crate::store::ephemeral::memory::MemoryStore;
use crate::web::Templates;
use crate::web::csrf::CsrfKey;

/// 4 December 2026, 18:30 UTC: 19:30 in Madrid (CET).
const NOW: i64 = 1_796_409_000;

#[derive(Debug, Default)]
struct Emails {
    sent: Mutex<Vec<EmailMessage>>,
    fail: bool,
}

#[async_trait]
impl EmailSender for Emails {
    async fn send(&self, msg: &EmailMessage) -> Result<(), EmailError> {
        if self.fail {
            return Err(EmailError::Unavailable("relay down".into()));
        }
        self.sent.lock().unwrap().push(msg.clone());
        Ok(())
    }

    fn name(&self) -> &'static str {
        "test"
    }
}

#[derive(Debug, Default)]
struct Texts {
    sent: Mutex<Vec<SmsMessage>>,
}

#[async_trait]
impl SmsSender for Texts {
    async fn send(&self, msg: &SmsMessage) -> Result<(), SmsError> {
        self.sent.lock().unwrap().push(msg.clone());
        Ok(())
    }

    fn name(&self) -> &'static str {
        "test"
    }
}

struct Rig {
    notices: Notices,
    emails: Arc<Emails>,
    texts: Arc<Texts>,
}

impl Rig {
    fn new(sms_for_all: bool) -> Self {
        Self::with_emails(Emails::default(), sms_for_all)
    }

    fn with_emails(emails: Emails, sms_for_all: bool) -> Self {
        let emails = Arc::new(emails);
        let texts = Arc::new(Texts::default());
        let settings = Settings {
            issuer: "https://clave.example.es".into(),
            ..Settings::default()
        };
        let web = Web::new(
            Templates::new().unwrap(),
            CsrfKey::from_secret("k"),
            &settings,
        );
        let notices = Notices::new(
            emails.clone(),
            texts.clone(),
            Arc::new(MemoryStore::new()),
            web,
            Arc::new(ManualClock::new(NOW)),
            sms_for_all,
        );
        Self {
            notices,
            emails,
            texts,
        }
    }

    fn emails(&self) -> Vec<EmailMessage> {
        self.emails.sent.lock().unwrap().clone()
    }

    /// The SMS sent so far, once the spawned sends have run.
    async fn texts(&self) -> Vec<SmsMessage> {
        for _ in 0..20 {
            tokio::task::yield_now().await;
        }
        self.texts.sent.lock().unwrap().clone()
    }
}

/// The sample citizen with markup in her given name, which every notice must
/// show as text.
fn maria() -> CitizenRecord {
    CitizenRecord {
        given_name: "María <b>".into(),
        ..CitizenRecord::sample()
    }
}

/// The text an HTML body shows (the entities Tera writes, decoded).
fn unescape(html: &str) -> String {
    html.replace("&#x2F;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn firefox() -> Source {
    Source {
        device: Device::from_user_agent(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
        ),
        ip: "203.0.113.57".parse().unwrap(),
    }
}

fn chrome() -> Source {
    Source {
        device: Device::from_user_agent(
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
        ),
        ip: "198.51.100.9".parse().unwrap(),
    }
}

#[tokio::test]
async fn every_notice_says_what_when_where_and_what_to_do_in_every_language() {
    for &lang in Lang::ALL {
        for notice in Notice::ALL {
            let rig = Rig::new(true);
            rig.notices.tell(notice, &maria(), lang, firefox()).await;
            let emails = rig.emails();
            assert_eq!(emails.len(), 1, "{notice:?} in {lang}");
            let email = &emails[0];
            let what = format!("{notice:?} in {lang}");
            assert_eq!(email.to, "maria@example.es", "{what}");
            assert_eq!(email.purpose, notice.purpose(), "{what}");
            assert_eq!(
                email.subject,
                tr(lang, &format!("notice-{}-subject", notice.stem()))
            );
            // Tera escapes `/` in HTML too; read it back as a mail reader would.
            let html = unescape(&email.html);
            for body in [&email.text, &html] {
                // A key the catalog lacks comes back as the key itself.
                assert!(
                    !body.contains("notice-"),
                    "{what}: a key is missing:\n{body}"
                );
                assert!(body.contains("04/12/2026 19:30 CET"), "{what}: when");
                assert!(body.contains("Firefox · Windows"), "{what}: browser");
                assert!(body.contains("203.0.113.x"), "{what}: network");
                assert!(!body.contains("203.0.113.57"), "{what}: the full address");
                assert!(
                    body.contains(&tr(lang, &format!("notice-{}-if-not-you", notice.stem()))),
                    "{what}: what to do"
                );
                assert_eq!(
                    body.contains("https://clave.example.es/account"),
                    notice != Notice::Unsubscribed,
                    "{what}: the link to the account page"
                );
            }
            assert!(
                email.text.contains("María <b>"),
                "{what}: plain text is not escaped"
            );
            assert!(
                email.html.contains("María &lt;b&gt;"),
                "{what}: HTML is escaped"
            );
            assert!(
                email
                    .html
                    .contains(&format!("<html lang=\"{}\">", lang.code())),
                "{what}"
            );
            let texts = rig.texts().await;
            assert_eq!(texts.len(), 1, "{what}: the SMS");
            assert_eq!(texts[0].to, "+34600112233");
            assert_eq!(texts[0].purpose, notice.purpose());
            assert!(!texts[0].body.starts_with("sms-notice"), "{what}: SMS text");
            assert!(
                !texts[0].body.contains("http"),
                "{what}: an SMS has no link"
            );
        }
    }
}

#[tokio::test]
async fn the_actions_point_where_the_citizen_can_act() {
    let rig = Rig::new(false);
    let citizen = maria();
    rig.notices
        .tell(Notice::PasswordBlocked, &citizen, Lang::Es, firefox())
        .await;
    rig.notices
        .tell(Notice::NewBrowser, &citizen, Lang::Es, firefox())
        .await;
    rig.notices
        .tell(Notice::Unsubscribed, &citizen, Lang::Es, firefox())
        .await;
    let pending = CitizenRecord {
        id: "00000000T".parse().unwrap(),
        status: CitizenStatus::Pending,
        ..maria()
    };
    rig.notices
        .tell(Notice::CodeBlocked, &pending, Lang::Es, firefox())
        .await;
    let emails = rig.emails();
    let bodies: Vec<&str> = emails.iter().map(|e| e.text.as_str()).collect();
    assert!(bodies[0].contains("https://clave.example.es/password/forgot"));
    assert!(bodies[1].contains("https://clave.example.es/account"));
    assert!(bodies[2].contains("https://clave.example.es/help#register"));
    // A citizen who never activated has no password to get a new code with.
    assert!(bodies[3].contains("https://clave.example.es/help#register"));
    assert!(!bodies[3].contains("/activation-code/regenerate"));
    assert!(bodies[3].contains(&tr(Lang::Es, "notice-code-blocked-if-not-you-pending")));
}

#[tokio::test]
async fn blocks_are_told_once_a_day_for_password_and_code_together_and_always_by_sms() {
    let rig = Rig::new(false);
    for _ in 0..5 {
        rig.notices
            .tell(Notice::PasswordBlocked, &maria(), Lang::Es, firefox())
            .await;
        rig.notices
            .tell(Notice::CodeBlocked, &maria(), Lang::Es, chrome())
            .await;
    }
    let emails = rig.emails();
    assert_eq!(emails.len(), 1);
    assert_eq!(emails[0].purpose, "password_blocked");
    let texts = rig.texts().await;
    assert_eq!(texts.len(), 1, "SMS without CLAVE_NOTICE_SMS: blocks only");
    assert_eq!(texts[0].body, tr(Lang::Es, "sms-notice-password-blocked"));
    // Another account has its own cap.
    let ana = CitizenRecord {
        id: "87654321X".parse().unwrap(),
        ..maria()
    };
    rig.notices
        .tell(Notice::PasswordBlocked, &ana, Lang::Es, firefox())
        .await;
    assert_eq!(rig.emails().len(), 2);
}

#[tokio::test]
async fn new_browsers_are_told_once_per_browser_kind_and_a_few_a_day() {
    let rig = Rig::new(false);
    // The same browser kind without its cookie (private windows, a script): once.
    for _ in 0..10 {
        rig.notices
            .tell(Notice::NewBrowser, &maria(), Lang::Es, firefox())
            .await;
    }
    assert_eq!(rig.emails().len(), 1);
    // Every kind a script can claim: a few a day, however many.
    let agents = [
        "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) Version/17.1 Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0) Chrome/131.0 Safari/537.36 Edg/131.0",
        "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0",
        "curl/8.5.0",
    ];
    for agent in agents {
        let source = Source {
            device: Device::from_user_agent(agent),
            ip: "192.0.2.1".parse().unwrap(),
        };
        rig.notices
            .tell(Notice::NewBrowser, &maria(), Lang::Es, source)
            .await;
    }
    assert_eq!(rig.emails().len() as u64, NEW_BROWSER_A_DAY);
    assert!(
        rig.texts().await.is_empty(),
        "no SMS without CLAVE_NOTICE_SMS"
    );
}

#[tokio::test]
async fn the_other_kinds_are_capped_per_kind_and_account() {
    let rig = Rig::new(false);
    for _ in 0..10 {
        rig.notices
            .tell(Notice::PasswordChanged, &maria(), Lang::Es, firefox())
            .await;
    }
    rig.notices
        .tell(Notice::PasswordReset, &maria(), Lang::Es, firefox())
        .await;
    let emails = rig.emails();
    assert_eq!(emails.len() as u64, OTHERS_A_DAY + 1);
    assert_eq!(emails.last().unwrap().purpose, "password_reset");
}

#[tokio::test]
async fn what_anybody_can_cause_is_in_the_citizens_language_the_rest_in_the_pages() {
    let rig = Rig::new(false);
    let english = CitizenRecord {
        language: Some("en".into()),
        ..maria()
    };
    // An attacker's Spanish page blocks the password: the citizen reads English.
    rig.notices
        .tell(Notice::PasswordBlocked, &english, Lang::Es, firefox())
        .await;
    rig.notices
        .tell(Notice::NewBrowser, &english, Lang::Es, firefox())
        .await;
    // The citizen changes the password on a Spanish page: Spanish.
    rig.notices
        .tell(Notice::PasswordChanged, &english, Lang::Es, firefox())
        .await;
    let subjects: Vec<String> = rig.emails().into_iter().map(|e| e.subject).collect();
    assert_eq!(
        subjects,
        [
            tr(Lang::En, "notice-password-blocked-subject"),
            tr(Lang::En, "notice-new-browser-subject"),
            tr(Lang::Es, "notice-password-changed-subject"),
        ]
    );
    // No stored language: the page's.
    let rig = Rig::new(false);
    rig.notices
        .tell(Notice::PasswordBlocked, &maria(), Lang::En, firefox())
        .await;
    assert_eq!(
        rig.emails()[0].subject,
        tr(Lang::En, "notice-password-blocked-subject")
    );
}

#[tokio::test]
async fn an_unknown_browser_is_said_so_and_a_failing_relay_fails_nobody() {
    let rig = Rig::with_emails(
        Emails {
            fail: true,
            ..Emails::default()
        },
        false,
    );
    let source = Source {
        device: Device::from_user_agent(""),
        ip: "2001:db8:1:2::5".parse().unwrap(),
    };
    // Returns normally; the SMS of a block still goes.
    rig.notices
        .tell(Notice::PasswordBlocked, &maria(), Lang::Es, source)
        .await;
    assert!(rig.emails().is_empty());
    assert_eq!(rig.texts().await.len(), 1);

    let rig = Rig::new(false);
    rig.notices
        .tell(Notice::PasswordChanged, &maria(), Lang::En, source)
        .await;
    let text = &rig.emails()[0].text;
    assert!(
        text.contains(&tr(Lang::En, "notice-browser-unknown")),
        "{text}"
    );
    assert!(text.contains("2001:db8:1::/48"), "{text}");
}
