//! Maintenance: expired refresh tokens and audit events past their retention are
//! purged in batches, and nothing a replay check or the history still needs goes.

use clave_idp::domain::AuditKind;
use clave_idp::store::sql::{
    AuditEvent, PoolRef, REFRESH_PURGE_GRACE_SECS, RefreshRecord, RotateOutcome, SqlStore,
};

use crate::harness::{ClientSpec, TestApp};

both_backends!(
    refresh_families_dead_past_the_grace_go_and_every_row_a_replay_check_needs_stays,
    audit_events_past_the_retention_go_and_recent_ones_stay,
);

const ID: &str = "12345678Z";
const DAY: i64 = 86_400;

/// How many refresh-token rows have one of these hashes.
async fn refresh_rows(db: &SqlStore, hashes: &[String]) -> usize {
    let mut found = 0;
    for hash in hashes {
        let sql = "SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = $1";
        let count: i64 = match db.pool() {
            PoolRef::Postgres(pool) => sqlx::query_scalar(sql).bind(hash).fetch_one(pool).await,
            PoolRef::Sqlite(pool) => sqlx::query_scalar(sql).bind(hash).fetch_one(pool).await,
        }
        .unwrap();
        found += count as usize;
    }
    found
}

fn token(hash: &str, family: &str, issued_at: i64, expires_at: i64) -> RefreshRecord {
    RefreshRecord {
        token_hash: hash.to_owned(),
        family_id: family.to_owned(),
        client_id: "sede".to_owned(),
        citizen_id: ID.to_owned(),
        grant_data: "{}".to_owned(),
        issued_at,
        expires_at,
    }
}

/// A family of two tokens: the first issued at `issued_at`, expiring at
/// `first_expires` and rotated a second later into the second, which expires at
/// `second_expires`. Returns both hashes.
async fn family(
    db: &SqlStore,
    name: &str,
    issued_at: i64,
    first_expires: i64,
    second_expires: i64,
) -> Vec<String> {
    let first = token(&format!("{name}-1"), name, issued_at, first_expires);
    db.insert_refresh_token(&first).await.unwrap();
    let rotated_at = issued_at + 1;
    let second = token(&format!("{name}-2"), name, rotated_at, second_expires);
    let outcome = db
        .rotate_refresh_token(&first.token_hash, "sede", &second, rotated_at)
        .await
        .unwrap();
    assert!(matches!(outcome, RotateOutcome::Rotated(_)), "{outcome:?}");
    vec![first.token_hash, second.token_hash]
}

async fn refresh_families_dead_past_the_grace_go_and_every_row_a_replay_check_needs_stays(
    app: TestApp,
) {
    app.active_citizen(ID).await;
    app.client(ClientSpec::confidential("sede")).await;
    let db = &app.state.db;
    let now = app.clock_now();
    let ttl = 12 * 3600;
    let long_ago = now - REFRESH_PURGE_GRACE_SECS - 3 * DAY;
    // Three families whose newest token expired more than the grace ago: six rows,
    // more than one batch of two.
    let mut dead = Vec::new();
    for n in 0..3 {
        let name = format!("dead{n}");
        dead.extend(family(db, &name, long_ago, long_ago + ttl, long_ago + ttl + 1).await);
    }
    // A family still alive: its first token expired long ago, but a replay of it
    // must still revoke the family (RFC 9700 §4.14.2).
    let live = family(db, "live", long_ago, long_ago + ttl, now + ttl).await;
    // A family whose newest token expired a minute ago, within the grace.
    let recent = family(db, "recent", now - ttl, now - 3600, now - 60).await;

    let purged = db
        .purge_expired(now, app.state.settings.audit_retention_secs(), 2)
        .await
        .unwrap();

    assert_eq!(purged.refresh_tokens, 6, "{purged:?}");
    assert_eq!(refresh_rows(db, &dead).await, 0);
    assert_eq!(refresh_rows(db, &live).await, 2);
    assert_eq!(refresh_rows(db, &recent).await, 2);
    assert!(
        db.live_refresh_token(&live[1], now)
            .await
            .unwrap()
            .is_some()
    );
    let replay = db
        .rotate_refresh_token(&live[0], "sede", &token("x", "x", now, now + ttl), now)
        .await
        .unwrap();
    assert_eq!(replay, RotateOutcome::Reused, "the replay is still seen");
    assert!(
        db.live_refresh_token(&live[1], now)
            .await
            .unwrap()
            .is_none()
    );
}

async fn audit_events_past_the_retention_go_and_recent_ones_stay(app: TestApp) {
    app.active_citizen(ID).await;
    let db = &app.state.db;
    let now = app.clock_now();
    let retention = app.state.settings.audit_retention_secs();
    assert_eq!(
        retention,
        730 * DAY,
        "CLAVE_AUDIT_RETENTION_DAYS defaults to 730"
    );
    let before = db.audit_events_for(ID).await.unwrap().len();
    for n in 0..5 {
        let event = AuditEvent::new(now - retention - 10 - n, AuditKind::LoginFailed, "citizen")
            .citizen(ID);
        db.append_audit(&event).await.unwrap();
    }
    let kept =
        AuditEvent::new(now - retention + 60, AuditKind::LoginSucceeded, "citizen").citizen(ID);
    db.append_audit(&kept).await.unwrap();

    let purged = db.purge_expired(now, retention, 2).await.unwrap();

    assert_eq!(purged.audit_events, 5, "{purged:?}");
    let events = db.audit_events_for(ID).await.unwrap();
    assert_eq!(events.len(), before + 1);
    assert!(events.iter().all(|e| e.at >= now - retention), "{events:?}");
    assert!(events.iter().any(|e| e.kind == "login_succeeded"));
}
