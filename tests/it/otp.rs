//! The OTP service against both ephemeral stores: codes are read back from an outbox
//! file, time is a `ManualClock`, and every check runs on `memory` and, when
//! `CLAVE_TEST_REDIS_URL` is set, on `redis` under its own key prefix.

mod fixture;
mod sending;
mod verifying;

use std::sync::Arc;
use std::time::Duration;

use clave_idp::otp::OtpPurpose::Activation;
use clave_idp::otp::{OtpKey, OtpPolicy, OtpService, VerifyOutcome};
use clave_idp::store::ephemeral::memory::MemoryStore;
use clave_idp::store::ephemeral::redis::RedisStore;
use clave_idp::web::i18n::Lang;

use self::fixture::{START, Store, account, fixture, phone};
use self::sending::*;
use self::verifying::*;
use crate::support;

for_each_backend!(
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    [
        memory: Some((std::sync::Arc::new(super::MemoryStore::new()), ())),
        redis: super::redis_store().await.map(|store| (store, ())),
    ]
    [
        a_sent_code_verifies_once_and_a_replay_gets_no_code,
        a_code_works_until_five_minutes_and_expires_after,
        three_wrong_tries_void_the_code_even_if_the_fourth_is_right,
        fifty_concurrent_wrong_guesses_count_at_most_three_then_the_right_code_is_refused,
        a_malformed_entry_is_not_counted_as_a_try,
        a_resend_waits_sixty_seconds_and_kills_the_old_code,
        a_resend_starts_with_all_the_tries_again,
        of_ten_concurrent_sends_exactly_one_goes_out,
        the_sixth_send_of_an_account_within_the_hour_is_refused,
        a_code_does_not_verify_for_another_purpose_or_another_flow,
        a_failed_sms_keeps_the_previous_code_and_lets_the_citizen_retry_at_once,
        the_sms_carries_the_code_and_what_it_is_for_and_nothing_else_secret,
    ]
);

async fn redis_store() -> Option<Store> {
    let Some(url) = support::test_redis_url() else {
        support::skipped("OTP service on Redis", "CLAVE_TEST_REDIS_URL");
        return None;
    };
    let prefix = format!("{}:", support::unique_name("otp"));
    let store = RedisStore::connect(&url, &prefix, Duration::from_secs(2))
        .await
        .unwrap();
    Some(Arc::new(store))
}

#[tokio::test]
async fn the_otp_key_is_made_once_and_shared_through_the_database() {
    let (db, _dir) = support::sqlite_store().await;
    let store: Store = Arc::new(MemoryStore::new());
    let f = fixture(Arc::clone(&store));
    let kek = clave_idp::kek::Kek::parse(&clave_idp::kek::Kek::generate()).unwrap();
    let first = OtpKey::load(&db, &kek, START).await.unwrap();
    let second = OtpKey::load(&db, &kek, START + 10).await.unwrap();
    let sender = OtpService::new(
        Arc::clone(&store),
        f.sms.clone(),
        Arc::new(f.clock.clone()),
        first,
        OtpPolicy::default(),
    );
    let checker = OtpService::new(
        store,
        f.sms.clone(),
        Arc::new(f.clock.clone()),
        second,
        OtpPolicy::default(),
    );

    sender
        .send("flow", Activation, &account(), &phone(), Lang::Es)
        .await
        .unwrap();

    let outcome = checker.verify("flow", Activation, &f.last_code()).await;
    assert_eq!(outcome.unwrap(), VerifyOutcome::Verified);
}
