//! Durable store conformance: the same specifications run on SQLite and on
//! PostgreSQL (each test in its own database file or schema).

use clave_idp::domain::AuditKind;
use std::sync::Arc;

use clave_idp::crypto::KeyAlg;
use clave_idp::domain::{CitizenStatus, ClientKind, RegisteredUri};
use clave_idp::store::sql::{
    AuditEvent, ClientRecord, NewCitizen, RefreshRecord, RegisterOutcome, RotateOutcome,
    SigningKeyRecord, SqlStore, StoreError,
};

const NOW: i64 = 1_790_000_000;

for_each_backend!(
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    [
        sqlite: Some(crate::support::sqlite_store().await),
        postgres: crate::support::postgres_store().await.map(|store| (store, ())),
    ]
    [
        a_registration_act_creates_a_pending_citizen_with_an_audit_event,
        registrations_succeed_while_other_writes_commit,
        registering_an_active_citizen_is_refused_and_changes_nothing,
        registering_an_unsubscribed_citizen_reopens_it_with_the_new_code,
        twenty_concurrent_wrong_activation_codes_are_all_counted_and_block_once,
        twenty_concurrent_wrong_passwords_are_all_counted_and_block_once,
        a_right_password_clears_the_failures_but_never_a_block,
        setting_a_password_activates_unblocks_and_restarts_the_expiry,
        regenerating_the_code_unblocks_it,
        unsubscribing_revokes_the_refresh_tokens,
        a_closed_account_sets_no_password_and_a_change_the_lifecycle_refuses_writes_nothing,
        a_stored_citizen_value_that_does_not_parse_is_corrupt,
        a_client_id_can_be_registered_only_once,
        a_client_unknown_a_moment_ago_is_found_once_registered,
        a_refresh_token_rotates_once_and_its_replay_revokes_the_family,
        parallel_rotations_of_one_refresh_token_have_exactly_one_winner,
        superseded_keys_stay_published_until_they_retire,
        a_provider_secret_is_made_once_and_then_shared,
        provider_secrets_are_stored_sealed_and_clear_ones_are_sealed_on_first_read,
    ]
);

fn citizen(id: &str) -> NewCitizen {
    NewCitizen {
        id: id.to_owned(),
        given_name: "María".to_owned(),
        first_surname: "García".to_owned(),
        second_surname: Some("López".to_owned()),
        email: "maria@example.es".to_owned(),
        phone: "+34600112233".to_owned(),
    }
}

fn audit(kind: AuditKind, id: &str) -> AuditEvent {
    AuditEvent::new(NOW, kind, "operator").citizen(id)
}

async fn registered(store: &SqlStore, id: &str) {
    let outcome = store
        .register_citizen(
            &citizen(id),
            "hash-1",
            NOW,
            &audit(AuditKind::CitizenRegistered, id),
        )
        .await
        .unwrap();
    assert_eq!(outcome, RegisterOutcome::Created);
}

async fn active(store: &SqlStore, id: &str) {
    registered(store, id).await;
    assert!(
        store
            .set_password(
                id,
                "$argon2id$x",
                NOW,
                false,
                &audit(AuditKind::CitizenActivated, id)
            )
            .await
            .unwrap()
    );
}

async fn a_registration_act_creates_a_pending_citizen_with_an_audit_event(store: SqlStore) {
    registered(&store, "12345678Z").await;

    let row = store.citizen("12345678Z").await.unwrap().unwrap();
    assert_eq!(row.status, CitizenStatus::Pending);
    assert_eq!(row.activation_code_hash.as_deref(), Some("hash-1"));
    assert_eq!(row.second_surname.as_deref(), Some("López"));
    assert!(row.password_hash.is_none());
    let events = store.audit_events_for("12345678Z").await.unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].kind, "citizen_registered");
    assert!(store.citizen("00000000T").await.unwrap().is_none());
}

#[tokio::test]
async fn the_sqlite_files_are_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let (store, dir) = crate::support::sqlite_store().await;
    registered(&store, "12345678Z").await;
    let mut seen = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let entry = entry.unwrap();
        let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", entry.path().display());
        seen += 1;
    }
    assert!(seen >= 2, "the database and its write-ahead log");
}

/// A transaction that reads and then writes must wait for other writers, not
/// fail: on SQLite a deferred one finds its snapshot stale once another
/// connection has committed.
async fn registrations_succeed_while_other_writes_commit(store: SqlStore) {
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writers: Vec<_> = (0..4)
        .map(|_| {
            let (store, stop) = (store.clone(), Arc::clone(&stop));
            tokio::spawn(async move {
                let mut written = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let event = AuditEvent::new(NOW, AuditKind::LoginFailed, "test");
                    store.append_audit(&event).await.unwrap();
                    written += 1;
                }
                written
            })
        })
        .collect();
    for n in 0..40u32 {
        const LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";
        let id = format!(
            "{:08}{}",
            30_000_000 + n,
            LETTERS[((30_000_000 + n) % 23) as usize] as char
        );
        registered(&store, &id).await;
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for writer in writers {
        assert!(
            writer.await.unwrap() > 0,
            "the other writers did write meanwhile"
        );
    }
}

async fn registering_an_active_citizen_is_refused_and_changes_nothing(store: SqlStore) {
    active(&store, "12345678Z").await;
    let before = store.citizen("12345678Z").await.unwrap().unwrap();

    let mut other = citizen("12345678Z");
    other.email = "someone@else.es".to_owned();
    let outcome = store
        .register_citizen(
            &other,
            "hash-2",
            NOW + 5,
            &audit(AuditKind::CitizenRegistered, "12345678Z"),
        )
        .await
        .unwrap();

    assert_eq!(outcome, RegisterOutcome::AlreadyActive);
    assert_eq!(store.citizen("12345678Z").await.unwrap().unwrap(), before);
    assert_eq!(store.audit_events_for("12345678Z").await.unwrap().len(), 2);
}

async fn registering_an_unsubscribed_citizen_reopens_it_with_the_new_code(store: SqlStore) {
    active(&store, "12345678Z").await;
    assert!(
        store
            .set_status(
                "12345678Z",
                CitizenStatus::Active,
                CitizenStatus::Unsubscribed,
                NOW,
                &audit(AuditKind::CitizenUnsubscribed, "12345678Z")
            )
            .await
            .unwrap()
    );

    let outcome = store
        .register_citizen(
            &citizen("12345678Z"),
            "hash-2",
            NOW + 10,
            &audit(AuditKind::CitizenRegistered, "12345678Z"),
        )
        .await
        .unwrap();

    assert_eq!(
        outcome,
        RegisterOutcome::Reopened {
            previous: CitizenStatus::Unsubscribed
        }
    );
    let row = store.citizen("12345678Z").await.unwrap().unwrap();
    assert_eq!(row.status, CitizenStatus::Pending);
    assert_eq!(row.activation_code_hash.as_deref(), Some("hash-2"));
    assert!(
        row.password_hash.is_none(),
        "the old password must not survive a reopening"
    );
    assert_eq!(row.created_at, NOW);
}

async fn twenty_concurrent_wrong_activation_codes_are_all_counted_and_block_once(store: SqlStore) {
    registered(&store, "12345678Z").await;
    let store = Arc::new(store);

    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let store = Arc::clone(&store);
            tokio::spawn(
                async move { store.record_activation_code_failure("12345678Z", NOW).await },
            )
        })
        .collect();
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.unwrap().unwrap().unwrap());
    }

    let row = store.citizen("12345678Z").await.unwrap().unwrap();
    assert_eq!(row.activation_code_failures, 20);
    assert!(row.activation_code_blocked);
    assert_eq!(results.iter().filter(|r| r.just_blocked).count(), 1);
    let mut counts: Vec<i32> = results.iter().map(|r| r.failures).collect();
    counts.sort_unstable();
    assert_eq!(
        counts,
        (1..=20).collect::<Vec<_>>(),
        "every failure saw its own count"
    );
    for r in &results {
        assert_eq!(
            r.blocked,
            r.failures > 5,
            "blocked only past the fifth wrong code: {r:?}"
        );
    }
}

async fn twenty_concurrent_wrong_passwords_are_all_counted_and_block_once(store: SqlStore) {
    active(&store, "12345678Z").await;
    let store = Arc::new(store);

    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let store = Arc::clone(&store);
            tokio::spawn(async move { store.record_password_failure("12345678Z", NOW).await })
        })
        .collect();
    let mut just_blocked = 0;
    for task in tasks {
        let count = task.await.unwrap().unwrap().unwrap();
        assert_eq!(count.blocked, count.failures >= 5, "{count:?}");
        just_blocked += usize::from(count.just_blocked);
    }

    let row = store.citizen("12345678Z").await.unwrap().unwrap();
    assert_eq!(row.password_failures, 20);
    assert!(row.password_blocked);
    assert_eq!(just_blocked, 1);
}

async fn a_right_password_clears_the_failures_but_never_a_block(store: SqlStore) {
    active(&store, "12345678Z").await;
    for _ in 0..3 {
        store
            .record_password_failure("12345678Z", NOW)
            .await
            .unwrap();
    }
    store.clear_password_failures("12345678Z").await.unwrap();
    assert_eq!(
        store
            .citizen("12345678Z")
            .await
            .unwrap()
            .unwrap()
            .password_failures,
        0
    );

    for _ in 0..5 {
        store
            .record_password_failure("12345678Z", NOW)
            .await
            .unwrap();
    }
    store.clear_password_failures("12345678Z").await.unwrap();
    let row = store.citizen("12345678Z").await.unwrap().unwrap();
    assert!(row.password_blocked);
    assert_eq!(row.password_failures, 5);
}

async fn setting_a_password_activates_unblocks_and_restarts_the_expiry(store: SqlStore) {
    active(&store, "12345678Z").await;
    for _ in 0..5 {
        store
            .record_password_failure("12345678Z", NOW)
            .await
            .unwrap();
    }

    let later = NOW + 1_000;
    assert!(
        store
            .set_password(
                "12345678Z",
                "$argon2id$new",
                later,
                true,
                &audit(AuditKind::PasswordReset, "12345678Z")
            )
            .await
            .unwrap()
    );

    let row = store.citizen("12345678Z").await.unwrap().unwrap();
    assert_eq!(row.status, CitizenStatus::Active);
    assert!(!row.password_blocked);
    assert_eq!(row.password_failures, 0);
    assert_eq!(row.password_set_at, Some(later));
    assert_eq!(row.sessions_valid_after, later);
    assert_eq!(row.password_hash.as_deref(), Some("$argon2id$new"));
}

async fn regenerating_the_code_unblocks_it(store: SqlStore) {
    registered(&store, "12345678Z").await;
    for _ in 0..6 {
        store
            .record_activation_code_failure("12345678Z", NOW)
            .await
            .unwrap();
    }
    assert!(
        store
            .citizen("12345678Z")
            .await
            .unwrap()
            .unwrap()
            .activation_code_blocked
    );

    assert!(
        store
            .replace_activation_code(
                "12345678Z",
                "hash-9",
                NOW,
                &audit(AuditKind::ActivationCodeRegenerated, "12345678Z")
            )
            .await
            .unwrap()
    );
    assert!(
        !store
            .replace_activation_code(
                "00000000T",
                "hash-9",
                NOW,
                &audit(AuditKind::ActivationCodeRegenerated, "00000000T")
            )
            .await
            .unwrap()
    );

    let row = store.citizen("12345678Z").await.unwrap().unwrap();
    assert!(!row.activation_code_blocked);
    assert_eq!(row.activation_code_failures, 0);
    assert_eq!(row.activation_code_hash.as_deref(), Some("hash-9"));
}

fn client(id: &str) -> ClientRecord {
    ClientRecord {
        client_id: id.to_owned(),
        name: "Sede".to_owned(),
        kind: ClientKind::Confidential {
            secret_hash: "h".to_owned(),
        },
        redirect_uris: vec![RegisteredUri::parse("https://sede.example/cb").unwrap()],
        post_logout_redirect_uris: vec![],
        sector: "sede.example".to_owned(),
        social_security: false,
        require_pkce: false,
        id_token_alg: KeyAlg::Rs256,
        created_at: NOW,
        profile: Default::default(),
    }
}

fn refresh(hash: &str, family: &str) -> RefreshRecord {
    RefreshRecord {
        token_hash: hash.to_owned(),
        family_id: family.to_owned(),
        client_id: "sede".to_owned(),
        citizen_id: "12345678Z".to_owned(),
        grant_data: "{}".to_owned(),
        issued_at: NOW,
        expires_at: NOW + 3600,
    }
}

async fn unsubscribing_revokes_the_refresh_tokens(store: SqlStore) {
    active(&store, "12345678Z").await;
    store
        .insert_client(
            &client("sede"),
            &AuditEvent::new(NOW, AuditKind::ClientRegistered, "operator"),
        )
        .await
        .unwrap();
    store
        .insert_refresh_token(&refresh("r1", "f1"))
        .await
        .unwrap();
    assert!(store.live_refresh_token("r1", NOW).await.unwrap().is_some());

    store
        .set_status(
            "12345678Z",
            CitizenStatus::Active,
            CitizenStatus::Unsubscribed,
            NOW,
            &audit(AuditKind::CitizenUnsubscribed, "12345678Z"),
        )
        .await
        .unwrap();

    assert!(store.live_refresh_token("r1", NOW).await.unwrap().is_none());
    let row = store.citizen("12345678Z").await.unwrap().unwrap();
    assert_eq!(row.status, CitizenStatus::Unsubscribed);
    assert_eq!(row.sessions_valid_after, NOW);
}

async fn a_closed_account_sets_no_password_and_a_change_the_lifecycle_refuses_writes_nothing(
    store: SqlStore,
) {
    active(&store, "12345678Z").await;
    registered(&store, "X1234567L").await;
    let unsubscribe = |id: &'static str, from| {
        let store = store.clone();
        async move {
            store
                .set_status(
                    id,
                    from,
                    CitizenStatus::Unsubscribed,
                    NOW,
                    &audit(AuditKind::CitizenUnsubscribed, id),
                )
                .await
                .unwrap()
        }
    };
    assert!(unsubscribe("12345678Z", CitizenStatus::Active).await);

    let set_password = store
        .set_password(
            "12345678Z",
            "$argon2id$new",
            NOW + 1,
            false,
            &audit(AuditKind::PasswordReset, "12345678Z"),
        )
        .await
        .unwrap();
    let reopen = store
        .set_status(
            "12345678Z",
            CitizenStatus::Unsubscribed,
            CitizenStatus::Active,
            NOW + 1,
            &audit(AuditKind::LegacyMigrationAccepted, "12345678Z"),
        )
        .await
        .unwrap();
    let pending_closed = unsubscribe("X1234567L", CitizenStatus::Pending).await;

    assert!(!set_password && !reopen && !pending_closed);
    let closed = store.citizen("12345678Z").await.unwrap().unwrap();
    assert_eq!(closed.status, CitizenStatus::Unsubscribed);
    assert_eq!(closed.password_hash.as_deref(), Some("$argon2id$x"));
    let pending = store.citizen("X1234567L").await.unwrap().unwrap();
    assert_eq!(pending.status, CitizenStatus::Pending);
    let events = store.audit_events_for("12345678Z").await.unwrap();
    assert!(
        events
            .iter()
            .all(|e| e.kind != "password_reset" && e.kind != "legacy_migration_accepted")
    );
}

async fn a_stored_citizen_value_that_does_not_parse_is_corrupt(store: SqlStore) {
    let mut bad_email = citizen("12345678Z");
    bad_email.email = "maria-at-example.es".to_owned();
    let lower_case_id = citizen("x1234567l");
    for (id, new) in [("12345678Z", bad_email), ("x1234567l", lower_case_id)] {
        store
            .register_citizen(
                &new,
                "hash-1",
                NOW,
                &audit(AuditKind::CitizenRegistered, id),
            )
            .await
            .unwrap();

        let read = store.citizen(id).await;

        assert!(
            matches!(read, Err(StoreError::Corrupt(_))),
            "{id}: {read:?}"
        );
    }
}

async fn a_client_id_can_be_registered_only_once(store: SqlStore) {
    let event = AuditEvent::new(NOW, AuditKind::ClientRegistered, "operator");
    store.insert_client(&client("sede"), &event).await.unwrap();
    let again = store.insert_client(&client("sede"), &event).await;
    assert!(matches!(again, Err(StoreError::Conflict)), "{again:?}");
    assert_eq!(store.client("sede").await.unwrap().unwrap(), client("sede"));
    assert!(store.client("other").await.unwrap().is_none());
}

/// Relying parties are kept in memory once read; an id that was unknown is not,
/// so a portal registered while the provider runs can log citizens in at once.
async fn a_client_unknown_a_moment_ago_is_found_once_registered(store: SqlStore) {
    assert!(store.client("late").await.unwrap().is_none());
    let event = AuditEvent::new(NOW, AuditKind::ClientRegistered, "operator");
    store.insert_client(&client("late"), &event).await.unwrap();
    assert_eq!(store.client("late").await.unwrap(), Some(client("late")));
    assert_eq!(store.client("late").await.unwrap(), Some(client("late")));
}

async fn a_refresh_token_rotates_once_and_its_replay_revokes_the_family(store: SqlStore) {
    active(&store, "12345678Z").await;
    store
        .insert_client(
            &client("sede"),
            &AuditEvent::new(NOW, AuditKind::ClientRegistered, "operator"),
        )
        .await
        .unwrap();
    store
        .insert_refresh_token(&refresh("r1", "f1"))
        .await
        .unwrap();

    let rotated = store
        .rotate_refresh_token("r1", "sede", &refresh("r2", "ignored"), NOW + 1)
        .await
        .unwrap();
    let RotateOutcome::Rotated(next) = rotated else {
        panic!("expected a rotation, got {rotated:?}")
    };
    assert_eq!(next.family_id, "f1");
    assert!(
        store
            .live_refresh_token("r2", NOW + 1)
            .await
            .unwrap()
            .is_some()
    );

    let wrong_client = store
        .rotate_refresh_token("r2", "other", &refresh("r3", "x"), NOW + 2)
        .await
        .unwrap();
    assert_eq!(wrong_client, RotateOutcome::Invalid);
    let replay = store
        .rotate_refresh_token("r1", "sede", &refresh("r4", "x"), NOW + 2)
        .await
        .unwrap();
    assert_eq!(replay, RotateOutcome::Reused);
    assert!(
        store
            .live_refresh_token("r2", NOW + 2)
            .await
            .unwrap()
            .is_none(),
        "the family is revoked"
    );
    let expired = store
        .rotate_refresh_token("r2", "sede", &refresh("r5", "x"), NOW + 2)
        .await
        .unwrap();
    assert_eq!(expired, RotateOutcome::Invalid);
}

async fn parallel_rotations_of_one_refresh_token_have_exactly_one_winner(store: SqlStore) {
    active(&store, "12345678Z").await;
    store
        .insert_client(
            &client("sede"),
            &AuditEvent::new(NOW, AuditKind::ClientRegistered, "operator"),
        )
        .await
        .unwrap();
    store
        .insert_refresh_token(&refresh("r1", "f1"))
        .await
        .unwrap();
    let store = Arc::new(store);

    let tasks: Vec<_> = (0..8)
        .map(|i| {
            let store = Arc::clone(&store);
            tokio::spawn(async move {
                store
                    .rotate_refresh_token("r1", "sede", &refresh(&format!("n{i}"), "x"), NOW + 1)
                    .await
            })
        })
        .collect();
    let mut winners = 0;
    for task in tasks {
        if let RotateOutcome::Rotated(_) = task.await.unwrap().unwrap() {
            winners += 1;
        }
    }
    assert_eq!(winners, 1);
}

fn key(kid: &str, activates_at: i64) -> SigningKeyRecord {
    SigningKeyRecord {
        kid: kid.to_owned(),
        alg: "RS256".to_owned(),
        private_jwk: "{}".to_owned(),
        public_jwk: "{}".to_owned(),
        created_at: NOW,
        activates_at,
        retires_at: None,
    }
}

async fn superseded_keys_stay_published_until_they_retire(store: SqlStore) {
    let event = AuditEvent::new(NOW, AuditKind::SigningKeyAdded, "operator");
    store
        .insert_key(&key("k1", NOW), None, &event)
        .await
        .unwrap();
    store
        .insert_key(&key("k2", NOW + 900), Some(NOW + 900 + 3600), &event)
        .await
        .unwrap();

    let kids = |keys: Vec<SigningKeyRecord>| keys.into_iter().map(|k| k.kid).collect::<Vec<_>>();
    assert_eq!(kids(store.published_keys(NOW).await.unwrap()), ["k1", "k2"]);
    assert_eq!(
        kids(store.published_keys(NOW + 900 + 3600).await.unwrap()),
        ["k2"]
    );
}

async fn provider_secrets_are_stored_sealed_and_clear_ones_are_sealed_on_first_read(
    store: SqlStore,
) {
    use clave_idp::kek::Kek;
    let kek = Kek::parse(&Kek::generate()).unwrap();
    let made = kek.shared_secret(&store, "csrf_key", NOW).await.unwrap();
    assert_eq!(
        made,
        kek.shared_secret(&store, "csrf_key", NOW + 1)
            .await
            .unwrap()
    );
    let raw = store
        .secret_or_insert("csrf_key", "unused", NOW)
        .await
        .unwrap();
    assert!(
        !raw.contains(&made),
        "the database holds only the sealed form"
    );
    assert_eq!(raw.split('.').count(), 5, "a compact JWE: {raw}");
    // Another key-encryption key opens nothing: a clear error, not another secret.
    let other = Kek::parse(&Kek::generate()).unwrap();
    let error = other
        .shared_secret(&store, "csrf_key", NOW)
        .await
        .unwrap_err();
    assert!(
        error.to_string().contains("CLAVE_KEY_ENCRYPTION_KEY"),
        "{error}"
    );
    // A secret an earlier version stored in clear keeps its value, sealed now.
    store
        .secret_or_insert("otp_key", "clear-old-value", NOW)
        .await
        .unwrap();
    assert_eq!(
        kek.shared_secret(&store, "otp_key", NOW).await.unwrap(),
        "clear-old-value"
    );
    let raw = store
        .secret_or_insert("otp_key", "unused", NOW)
        .await
        .unwrap();
    assert!(
        !raw.contains("clear-old-value") && raw.split('.').count() == 5,
        "{raw}"
    );
    assert_eq!(
        kek.shared_secret(&store, "otp_key", NOW).await.unwrap(),
        "clear-old-value"
    );
}

async fn a_provider_secret_is_made_once_and_then_shared(store: SqlStore) {
    let first = store
        .secret_or_insert("pairwise", "aaa", NOW)
        .await
        .unwrap();
    let second = store
        .secret_or_insert("pairwise", "bbb", NOW)
        .await
        .unwrap();
    let other = store.secret_or_insert("csrf", "ccc", NOW).await.unwrap();
    assert_eq!(
        (first.as_str(), second.as_str(), other.as_str()),
        ("aaa", "aaa", "ccc")
    );
}
