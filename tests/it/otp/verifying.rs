//! Checking codes: single use, expiry by the clock, tries (also under concurrency),
//! malformed entries, and the binding to a flow and a purpose.

use std::sync::Arc;

use clave_idp::otp::OtpPurpose::{Activation, Unsubscribe};
use clave_idp::otp::SendOutcome;
use clave_idp::otp::VerifyOutcome::{Expired, Malformed, NoCode, TooManyTries, Verified, Wrong};

use super::fixture::{START, Store, fixture, other_than};

pub(super) async fn a_sent_code_verifies_once_and_a_replay_gets_no_code(store: Store) {
    let f = fixture(store);
    let sent = f.send("flow-1", Activation).await;
    assert_eq!(
        sent,
        SendOutcome::Sent {
            expires_at: START + 300,
            resend_after: START + 60
        }
    );
    let code = f.last_code();

    assert_eq!(f.verify("flow-1", Activation, &code).await, Verified);
    assert_eq!(f.verify("flow-1", Activation, &code).await, NoCode);
}

pub(super) async fn a_code_works_until_five_minutes_and_expires_after(store: Store) {
    let f = fixture(store);
    f.send("early", Activation).await;
    let early = f.last_code();
    f.send("late", Activation).await;
    let late = f.last_code();

    f.clock.advance(299);
    assert_eq!(f.verify("early", Activation, &early).await, Verified);
    f.clock.advance(2);
    assert_eq!(f.verify("late", Activation, &late).await, Expired);
}

pub(super) async fn three_wrong_tries_void_the_code_even_if_the_fourth_is_right(store: Store) {
    let f = fixture(store);
    f.send("flow", Activation).await;
    let code = f.last_code();
    let wrong = other_than(&code);

    assert_eq!(
        f.verify("flow", Activation, &wrong).await,
        Wrong { tries_left: 2 }
    );
    assert_eq!(
        f.verify("flow", Activation, &wrong).await,
        Wrong { tries_left: 1 }
    );
    assert_eq!(f.verify("flow", Activation, &wrong).await, TooManyTries);
    assert_eq!(f.verify("flow", Activation, &code).await, TooManyTries);
}

pub(super) async fn fifty_concurrent_wrong_guesses_count_at_most_three_then_the_right_code_is_refused(
    store: Store,
) {
    let f = fixture(store);
    f.send("flow", Activation).await;
    let code = f.last_code();
    let wrong = other_than(&code);

    let guesses: Vec<_> = (0..50)
        .map(|_| {
            let otp = Arc::clone(&f.otp);
            let wrong = wrong.clone();
            tokio::spawn(async move { otp.verify("flow", Activation, &wrong).await.unwrap() })
        })
        .collect();
    let mut outcomes = Vec::new();
    for guess in guesses {
        outcomes.push(guess.await.unwrap());
    }

    let told_wrong = outcomes
        .iter()
        .filter(|o| matches!(o, Wrong { .. }))
        .count();
    assert_eq!(told_wrong, 2, "{outcomes:?}");
    assert!(
        outcomes
            .iter()
            .all(|o| matches!(o, Wrong { .. } | TooManyTries))
    );
    assert_eq!(f.verify("flow", Activation, &code).await, TooManyTries);
}

pub(super) async fn a_malformed_entry_is_not_counted_as_a_try(store: Store) {
    let f = fixture(store);
    f.send("flow", Activation).await;
    let code = f.last_code();

    for typed in ["12345", "1234567", "12a456", "", "123-456"] {
        assert_eq!(f.verify("flow", Activation, typed).await, Malformed);
    }
    let spaced = format!("{} {}", &code[..3], &code[3..]);
    assert_eq!(f.verify("flow", Activation, &spaced).await, Verified);
}

pub(super) async fn a_code_does_not_verify_for_another_purpose_or_another_flow(store: Store) {
    let f = fixture(store);
    f.send("flow-a", Activation).await;
    let code = f.last_code();

    assert_eq!(f.verify("flow-a", Unsubscribe, &code).await, NoCode);
    assert_eq!(f.verify("flow-b", Activation, &code).await, NoCode);
    assert_eq!(f.verify("flow-a", Activation, &code).await, Verified);
}
