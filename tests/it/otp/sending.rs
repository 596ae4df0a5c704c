//! Sending codes: the cool-down (also under concurrency), the hourly cap, a failing
//! gateway, and what the SMS says.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use clave_idp::otp::OtpPurpose::{Activation, Unsubscribe};
use clave_idp::otp::VerifyOutcome::{Verified, Wrong};
use clave_idp::otp::{OtpServiceError, SendOutcome};
use clave_idp::sms::read_outbox;
use clave_idp::web::i18n::Lang;

use super::fixture::{PHONE, Store, account, code_in, fixture, is_sent, other_than, phone};

pub(super) async fn a_resend_waits_sixty_seconds_and_kills_the_old_code(store: Store) {
    let f = fixture(store);
    f.send("flow", Activation).await;
    let old = f.last_code();

    let refused = f.send("flow", Activation).await;
    assert_eq!(refused, SendOutcome::CoolingDown { retry_in_secs: 60 });
    f.clock.advance(45);
    let refused = f.send("flow", Activation).await;
    assert_eq!(refused, SendOutcome::CoolingDown { retry_in_secs: 15 });
    assert_eq!(f.sms_count(), 1);
    f.clock.advance(15);
    assert!(is_sent(f.send("flow", Activation).await));
    let new = f.last_code();

    if old != new {
        assert_eq!(
            f.verify("flow", Activation, &old).await,
            Wrong { tries_left: 2 }
        );
    }
    assert_eq!(f.verify("flow", Activation, &new).await, Verified);
}

pub(super) async fn a_resend_starts_with_all_the_tries_again(store: Store) {
    let f = fixture(store);
    f.send("flow", Activation).await;
    let wrong = other_than(&f.last_code());
    f.verify("flow", Activation, &wrong).await;
    f.verify("flow", Activation, &wrong).await;

    f.clock.advance(60);
    f.send("flow", Activation).await;
    let code = f.last_code();
    let wrong = other_than(&code);

    assert_eq!(
        f.verify("flow", Activation, &wrong).await,
        Wrong { tries_left: 2 }
    );
    assert_eq!(f.verify("flow", Activation, &code).await, Verified);
}

pub(super) async fn of_ten_concurrent_sends_exactly_one_goes_out(store: Store) {
    let f = fixture(store);
    for round in 0..2 {
        let sends: Vec<_> = (0..10)
            .map(|_| {
                let otp = Arc::clone(&f.otp);
                tokio::spawn(async move {
                    otp.send("flow", Activation, &account(), &phone(), Lang::Es)
                        .await
                        .unwrap()
                })
            })
            .collect();
        let mut sent = 0;
        for send in sends {
            sent += usize::from(is_sent(send.await.unwrap()));
        }
        // Round 0 claims a fresh flow, round 1 replaces a finished cool-down.
        assert_eq!(sent, 1, "round {round}");
        f.clock.advance(60);
    }
    assert_eq!(f.sms_count(), 2);
}

pub(super) async fn the_sixth_send_of_an_account_within_the_hour_is_refused(store: Store) {
    let f = fixture(store);
    for n in 0..5 {
        assert!(is_sent(f.send(&format!("flow-{n}"), Activation).await));
    }

    let sixth = f.send("flow-5", Activation).await;

    let SendOutcome::HourlyLimit { retry_in_secs } = sixth else {
        panic!("expected the hourly limit, got {sixth:?}");
    };
    assert!((1..=3600).contains(&retry_in_secs), "{retry_in_secs}");
    assert_eq!(f.sms_count(), 5);
    assert!(is_sent(f.send_for("flow-6", Activation, "X1234567L").await));
}

pub(super) async fn a_failed_sms_keeps_the_previous_code_and_lets_the_citizen_retry_at_once(
    store: Store,
) {
    let f = fixture(store);
    f.sms.failing.store(true, Ordering::SeqCst);
    let first = f
        .otp
        .send("flow", Activation, &account(), &phone(), Lang::Es)
        .await;
    assert!(
        matches!(first, Err(OtpServiceError::SmsUnavailable(_))),
        "{first:?}"
    );
    f.sms.failing.store(false, Ordering::SeqCst);
    assert!(
        is_sent(f.send("flow", Activation).await),
        "no cool-down without an SMS"
    );
    let code = f.last_code();

    f.clock.advance(60);
    f.sms.failing.store(true, Ordering::SeqCst);
    let resend = f
        .otp
        .send("flow", Activation, &account(), &phone(), Lang::Es)
        .await;
    assert!(
        matches!(resend, Err(OtpServiceError::SmsUnavailable(_))),
        "{resend:?}"
    );
    assert_eq!(f.sms_count(), 1);

    assert_eq!(f.verify("flow", Activation, &code).await, Verified);
    f.sms.failing.store(false, Ordering::SeqCst);
    assert!(is_sent(f.send("flow", Activation).await));
    assert_eq!(f.verify("flow", Activation, &f.last_code()).await, Verified);
}

pub(super) async fn the_sms_carries_the_code_and_what_it_is_for_and_nothing_else_secret(
    store: Store,
) {
    let f = fixture(store);
    let flow = "flow-4f9a1c";
    f.otp
        .send(flow, Activation, &account(), &phone(), Lang::Es)
        .await
        .unwrap();
    f.otp
        .send(
            "flow-en",
            Unsubscribe,
            &"X1234567L".parse().unwrap(),
            &phone(),
            Lang::En,
        )
        .await
        .unwrap();

    let entries = read_outbox(&f.outbox);
    let (es, en) = (&entries[0], &entries[1]);
    let code = code_in(&es.body).unwrap();
    assert_eq!((es.to.as_str(), es.purpose.as_str()), (PHONE, "activation"));
    assert!(es.body.contains("activar su usuario"), "{}", es.body);
    assert!(es.body.contains("5 minutos"), "{}", es.body);
    assert!(
        en.body.contains("close your Cl@ve Permanente account") && en.body.contains("5 minutes"),
        "{}",
        en.body
    );
    assert_eq!(en.purpose, "unsubscribe");
    for body in [&es.body, &en.body] {
        assert!(
            !body.contains("1234567") && !body.contains("flow"),
            "{body}"
        );
        assert!(
            !body.contains('\u{2068}') && !body.contains('\u{2069}'),
            "{body:?}"
        );
        let digits: String = body.chars().filter(char::is_ascii_digit).collect();
        assert_eq!(digits.len(), 7, "only the code and the minutes: {body}");
    }
    assert!(es.body.contains(&code));
}
