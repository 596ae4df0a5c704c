//! `citizen import-legacy`: the library function on both databases, and the built
//! binary on a SQLite file.

use clave_idp::domain::AuditKind;
use std::process::Command;

use clave_idp::domain::CitizenStatus;
use clave_idp::legacy::{ImportError, import_file};
use clave_idp::store::sql::{AuditEvent, CitizenRecord, NewCitizen, SqlStore};
use serde_json::Value;

use super::{csv_file, line};

const NOW: i64 = 1_790_000_000;
const GOOD: [&str; 3] = ["12345678Z", "X1234567L", "00000000T"];
const OFFICE: &str = "11111111H";

for_each_backend!(
    #[tokio::test]
    [
        sqlite: Some(crate::support::sqlite_store().await),
        postgres: crate::support::postgres_store().await.map(|store| (store, ())),
    ]
    [
        importing_the_same_file_twice_changes_nothing,
        bad_lines_are_reported_by_line_number_and_good_lines_around_them_are_imported,
        a_file_without_the_header_or_missing_writes_nothing,
    ]
);

/// Every citizen of `ids` with its audit trail.
async fn snapshot(db: &SqlStore, ids: &[&str]) -> Vec<(Option<CitizenRecord>, usize)> {
    let mut out = Vec::new();
    for id in ids {
        let trail = db.audit_events_for(id).await.unwrap().len();
        out.push((db.citizen(id).await.unwrap(), trail));
    }
    out
}

async fn importing_the_same_file_twice_changes_nothing(db: SqlStore) {
    let office = NewCitizen {
        id: OFFICE.to_owned(),
        given_name: "Ana".to_owned(),
        first_surname: "Ruiz".to_owned(),
        second_surname: None,
        email: "ana@example.es".to_owned(),
        phone: "+34611223344".to_owned(),
    };
    let audit = AuditEvent::new(NOW, AuditKind::CitizenRegistered, "test").citizen(OFFICE);
    db.register_citizen(&office, "code-hash", NOW, &audit)
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut lines: Vec<String> = GOOD.iter().map(|id| line(id, "Vieja-Clave-1")).collect();
    lines.push(line(OFFICE, "Vieja-Clave-1"));
    let file = csv_file(dir.path(), "ss.csv", &lines);
    let mut all = GOOD.to_vec();
    all.push(OFFICE);

    let first = import_file(&db, &file, NOW, "op", &mut |_| {})
        .await
        .unwrap();
    assert_eq!((first.imported, first.unchanged, first.rejected), (3, 1, 0));
    let after_first = snapshot(&db, &all).await;
    let imported = after_first[0].0.clone().unwrap();
    assert_eq!(imported.status, CitizenStatus::Legacy);
    assert_eq!(imported.password_set_at, Some(NOW));
    assert_eq!(imported.activation_code_hash, None);
    assert_eq!(imported.phone.as_str(), "+34600112233");
    assert!(imported.password_hash.unwrap().starts_with("$2b$"));
    let office_row = after_first[3].0.clone().unwrap();
    assert_eq!(
        office_row.status,
        CitizenStatus::Pending,
        "an office registration stays"
    );
    let trail = db.audit_events_for(GOOD[0]).await.unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].kind, "legacy_imported");
    assert!(
        !trail[0].detail.contains("$2b$"),
        "no hash in the audit trail"
    );

    let mut seen = Vec::new();
    let second = import_file(&db, &file, NOW + 60, "op", &mut |p| seen.push(*p))
        .await
        .unwrap();
    assert_eq!(
        (second.imported, second.unchanged, second.rejected),
        (0, 4, 0)
    );
    assert_eq!(snapshot(&db, &all).await, after_first, "nothing changed");
    let last = seen.last().expect("progress was reported");
    assert_eq!(last.bytes_read, last.total_bytes);
}

async fn bad_lines_are_reported_by_line_number_and_good_lines_around_them_are_imported(
    db: SqlStore,
) {
    let dir = tempfile::tempdir().unwrap();
    let lines = vec![
        line(GOOD[0], "p"),                                                 // 2
        line("12345678A", "p"),                                             // 3: check letter
        line(GOOD[1], "p").replace("$2b$04$", "$md5$"),                     // 4: hash
        "".to_owned(),                                                      // blank, skipped
        line(GOOD[1], "p"),                                                 // 6
        line(OFFICE, "p").replace("rosa@example.es", "rosa-at-example.es"), // 7: email
        "11111111H,Ana,Ruiz".to_owned(),                                    // 8: columns
        line(GOOD[2], "p"),                                                 // 9
    ];
    let file = csv_file(dir.path(), "ss.csv", &lines);
    let report = import_file(&db, &file, NOW, "op", &mut |_| {})
        .await
        .unwrap();
    assert_eq!((report.imported, report.rejected), (3, 4), "{report:?}");
    let at: Vec<(u64, &str)> = report
        .errors
        .iter()
        .map(|e| (e.line, e.reason.split(':').next().unwrap()))
        .collect();
    assert_eq!(
        at[..3],
        [(3, "id"), (4, "password_hash"), (7, "email")],
        "{report:?}"
    );
    assert_eq!(at[3].0, 8);
    assert!(report.errors[3].reason.contains("found 3"));
    for id in GOOD {
        assert!(db.citizen(id).await.unwrap().is_some(), "{id} imported");
    }
    assert!(db.citizen(OFFICE).await.unwrap().is_none());
}

async fn a_file_without_the_header_or_missing_writes_nothing(db: SqlStore) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("no-header.csv");
    std::fs::write(&file, format!("{}\n", line(GOOD[0], "p"))).unwrap();
    let error = import_file(&db, &file, NOW, "op", &mut |_| {})
        .await
        .unwrap_err();
    assert!(matches!(error, ImportError::BadHeader { .. }), "{error}");
    assert!(error.to_string().contains("id,given_name"), "{error}");
    let missing = dir.path().join("missing.csv");
    let error = import_file(&db, &missing, NOW, "op", &mut |_| {})
        .await
        .unwrap_err();
    assert!(matches!(error, ImportError::Unreadable { .. }), "{error}");
    assert!(db.citizen(GOOD[0]).await.unwrap().is_none());
}

#[test]
fn the_command_prints_the_counts_as_json_and_exits_2_for_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("x.db").display());
    let file = csv_file(
        dir.path(),
        "ss.csv",
        &[line(GOOD[0], "p"), line("123", "p"), line(GOOD[1], "p")],
    );
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_clave-idp"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("CLAVE_DATABASE_URL", &database)
            .env_remove("CLAVE_PROFILE")
            .args(args)
            .output()
            .unwrap()
    };
    let path = file.to_str().unwrap();
    let out = run(&["citizen", "import-legacy", path, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["imported"], 2, "{report}");
    assert_eq!(report["unchanged"], 0);
    assert_eq!(report["rejected"], 1);
    assert_eq!(report["errors"][0]["line"], 3);
    assert!(
        report["errors"][0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("id:")
    );

    let again = run(&["--json", "citizen", "import-legacy", path]);
    let report: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(
        (report["imported"].clone(), report["unchanged"].clone()),
        (0.into(), 2.into())
    );

    let missing = dir.path().join("nowhere.csv");
    let out = run(&["citizen", "import-legacy", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("nowhere.csv"), "{stderr}");
    assert!(out.stdout.is_empty());
}
