//! Tests of the SMTP sender against a scripted plain-SMTP server on 127.0.0.1.

use super::*;
use std::collections::VecDeque;
use std::sync::Mutex;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::Notify;

use crate::clock::ManualClock;

/// Every test finishes well within this, or fails.
const BOUND: Duration = Duration::from_secs(5);

/// A fake relay speaking just enough SMTP: its answers to `DATA` are scripted (the
/// last one repeats; 354 means "go on"), and it records what it received.
#[derive(Default)]
struct Relay {
    data_replies: Mutex<VecDeque<u16>>,
    connections: Mutex<usize>,
    messages: Mutex<Vec<String>>,
    closed: Notify,
    received: Notify,
}

impl Relay {
    fn connections(&self) -> usize {
        *self.connections.lock().unwrap()
    }

    fn messages(&self) -> Vec<String> {
        self.messages.lock().unwrap().clone()
    }

    fn next_data_reply(&self) -> u16 {
        let mut script = self.data_replies.lock().unwrap();
        if script.len() > 1 {
            script.pop_front().unwrap()
        } else {
            *script.front().unwrap()
        }
    }
}

/// Starts a relay answering `DATA` with `script`; its `smtp://` URL.
async fn relay(script: &[u16]) -> (String, Arc<Relay>) {
    let relay = Arc::new(Relay {
        data_replies: Mutex::new(script.iter().copied().collect()),
        ..Relay::default()
    });
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("smtp://{}", listener.local_addr().unwrap());
    let shared = Arc::clone(&relay);
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            *shared.connections.lock().unwrap() += 1;
            let relay = Arc::clone(&shared);
            tokio::spawn(async move {
                let _ = converse(socket, &relay).await;
                relay.closed.notify_waiters();
            });
        }
    });
    (url, relay)
}

/// One SMTP session (RFC 5321 §4.1), without extensions.
async fn converse(socket: tokio::net::TcpStream, relay: &Relay) -> std::io::Result<()> {
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read).lines();
    write.write_all(b"220 fake.relay ESMTP\r\n").await?;
    while let Some(line) = lines.next_line().await? {
        let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" | "HELO" => b"250 fake.relay\r\n",
            "MAIL" | "RCPT" | "RSET" | "NOOP" => b"250 OK\r\n",
            "QUIT" => {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            }
            "DATA" => match relay.next_data_reply() {
                354 => {
                    write.write_all(b"354 go ahead\r\n").await?;
                    let mut data = String::new();
                    while let Some(line) = lines.next_line().await? {
                        if line == "." {
                            break;
                        }
                        data.push_str(&line);
                        data.push('\n');
                    }
                    relay.messages.lock().unwrap().push(data);
                    relay.received.notify_waiters();
                    b"250 queued\r\n"
                }
                451 => b"451 4.3.0 try again later\r\n",
                _ => b"550 5.7.1 refused\r\n",
            },
            _ => b"502 unknown\r\n",
        };
        write.write_all(reply).await?;
    }
    Ok(())
}

fn options() -> SmtpOptions {
    SmtpOptions {
        first_backoff: Duration::from_millis(20),
        ..SmtpOptions::new(Duration::from_secs(2), 3)
    }
}

fn sender(url: &str, options: SmtpOptions) -> SmtpSender {
    let from: Mailbox = "\"Cl@ve\" <no-reply@clave.test>".parse().unwrap();
    SmtpSender::start(
        url,
        from,
        options,
        Arc::new(ManualClock::new(1_700_000_000)),
    )
    .unwrap()
}

fn notice() -> EmailMessage {
    EmailMessage {
        to: "ana@example.es".into(),
        subject: "Password changed".into(),
        text: "Your Cl@ve password was changed. Not you? Visit /account.".into(),
        html: "<p>Your Cl@ve password was <b>changed</b>.</p>".into(),
        purpose: "password_changed".into(),
    }
}

/// Waits until the relay holds `count` messages.
async fn received(relay: &Relay, count: usize) -> Vec<String> {
    tokio::time::timeout(BOUND, async {
        loop {
            let notified = relay.received.notified();
            let messages = relay.messages();
            if messages.len() >= count {
                return messages;
            }
            notified.await;
        }
    })
    .await
    .expect("the relay received the message in time")
}

#[tokio::test]
async fn a_notice_reaches_the_relay_as_text_and_html_alternatives() {
    let (url, relay) = relay(&[354]).await;
    let sender = sender(&url, options());

    sender.send(&notice()).await.unwrap();

    let data = received(&relay, 1).await.remove(0);
    assert!(data.contains("Subject: Password changed"), "{data}");
    assert!(data.contains("To: ana@example.es"), "{data}");
    assert!(data.contains("no-reply@clave.test"), "{data}");
    assert!(data.contains("Message-ID: <"), "{data}");
    assert!(data.contains("@clave.test>"), "{data}");
    assert!(data.contains("Date: Tue, 14 Nov 2023 22:13:20"), "{data}");
    assert!(data.contains("multipart/alternative"), "{data}");
    assert!(data.contains("text/plain"), "{data}");
    assert!(data.contains("text/html"), "{data}");
    assert!(data.contains("Not you? Visit /account."), "{data}");
    assert!(data.contains("<b>changed</b>"), "{data}");
    assert_eq!(sender.name(), "smtp");
}

#[tokio::test]
async fn a_transient_refusal_is_retried_until_the_relay_takes_the_message() {
    let (url, relay) = relay(&[451, 354]).await;
    let sender = sender(&url, options());

    sender.send(&notice()).await.unwrap();

    let messages = received(&relay, 1).await;
    assert_eq!(messages.len(), 1);
    assert_eq!(relay.connections(), 2, "one refused attempt, one delivery");
}

#[tokio::test]
async fn a_permanent_refusal_is_not_retried() {
    let (url, relay) = relay(&[550]).await;
    let sender = sender(&url, options());

    let closed = relay.closed.notified();
    sender.send(&notice()).await.unwrap();
    tokio::time::timeout(BOUND, closed)
        .await
        .expect("the attempt ended in time");
    // Ten times the first back-off: a retry would have connected by now.
    tokio::time::sleep(Duration::from_millis(200)).await;

    assert_eq!(relay.connections(), 1);
    assert!(relay.messages().is_empty());
}

#[tokio::test]
async fn sending_returns_at_once_and_a_full_queue_drops_the_message() {
    let (url, relay) = relay(&[354]).await;
    let sender = sender(
        &url,
        SmtpOptions {
            queue_capacity: 1,
            ..options()
        },
    );

    // No await yields between the two sends: the delivery task has not taken the
    // first one off the queue yet.
    let first = sender.send(&notice()).await;
    let second = sender.send(&notice()).await;

    assert_eq!(first, Ok(()));
    assert!(
        matches!(second, Err(EmailError::Unavailable(_))),
        "{second:?}"
    );
    assert_eq!(received(&relay, 1).await.len(), 1);
}

#[tokio::test]
async fn a_recipient_that_is_not_an_address_is_rejected_before_queueing() {
    let (url, relay) = relay(&[354]).await;
    let sender = sender(&url, options());

    let bad = EmailMessage {
        to: "not an address".into(),
        ..notice()
    };

    assert!(matches!(
        sender.send(&bad).await,
        Err(EmailError::Rejected(_))
    ));
    assert_eq!(relay.connections(), 0);
}

#[tokio::test]
async fn a_malformed_url_is_refused_without_repeating_it() {
    let from: Mailbox = "no-reply@clave.test".parse().unwrap();
    let clock: SharedClock = Arc::new(ManualClock::new(0));
    for url in ["ftp://user:s3cret@relay", "smtp://user:s3cret@", "s3cret"] {
        let error = SmtpSender::start(url, from.clone(), options(), Arc::clone(&clock))
            .unwrap_err()
            .to_string();
        assert!(!error.contains("s3cret"), "{error}");
    }
}

#[test]
fn starting_outside_a_runtime_is_an_error_not_a_panic() {
    let from: Mailbox = "no-reply@clave.test".parse().unwrap();
    let clock: SharedClock = Arc::new(ManualClock::new(0));
    let started = SmtpSender::start("smtp://127.0.0.1:2525", from, options(), clock);
    assert!(matches!(started, Err(EmailError::Unavailable(_))));
}

#[tokio::test]
async fn debug_output_names_the_relay_without_its_credentials() {
    let from: Mailbox = "no-reply@clave.test".parse().unwrap();
    let clock: SharedClock = Arc::new(ManualClock::new(0));
    let sender = SmtpSender::start(
        "smtps://mailer:pa55word@smtp.example.es:465",
        from,
        options(),
        clock,
    )
    .unwrap();
    let shown = format!("{sender:?}");
    assert!(shown.contains("smtps://smtp.example.es:465"), "{shown}");
    assert!(
        !shown.contains("pa55word") && !shown.contains("mailer"),
        "{shown}"
    );
}
