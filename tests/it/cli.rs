//! The operator command line, run as the built binary on a SQLite file.

use std::process::{Command, Output};

struct Cli {
    dir: tempfile::TempDir,
}

impl Cli {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// The binary in the temporary folder with a clean environment: no config
    /// files, a fixed key-encryption key, the database left to the caller.
    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_clave-idp"));
        command
            .args(args)
            .current_dir(self.dir.path())
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("CLAVE_CONFIG_DIR", self.dir.path().join("no-config"))
            .env("CLAVE_KEY_ENCRYPTION_KEY", "ab".repeat(32));
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args)
            .env(
                "CLAVE_DATABASE_URL",
                format!("sqlite://{}", self.dir.path().join("clave.db").display()),
            )
            .output()
            .unwrap()
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const REGISTER: [&str; 12] = [
    "citizen",
    "register",
    "--id",
    "12345678z",
    "--given-name",
    "María",
    "--first-surname",
    "García",
    "--email",
    "maria@example.es",
    "--phone",
    "600112233",
];

#[test]
fn registering_a_citizen_prints_the_activation_code_once_and_refuses_an_active_one() {
    let cli = Cli::new();
    let mut args = vec!["--json"];
    args.extend(REGISTER);
    let output = cli.run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert_eq!(json["id"], "12345678Z");
    assert_eq!(json["outcome"], "created");
    assert_eq!(json["replaced_code"], false);
    let code = json["activation_code"].as_str().unwrap();
    assert!(
        clave_idp::domain::ActivationCode::parse(code).is_ok(),
        "{code}"
    );

    let text = cli.run(&REGISTER);
    assert!(text.status.success());
    assert!(
        stdout(&text).contains("reopened"),
        "a pending account gets a new code: {}",
        stdout(&text)
    );

    let shown = cli.run(&["--json", "citizen", "show", "--id", "12345678Z"]);
    let shown: serde_json::Value = serde_json::from_str(stdout(&shown).trim()).unwrap();
    assert_eq!(shown["status"], "pending");
    assert!(
        shown.get("activation_code").is_none(),
        "show never prints secrets"
    );
}

#[test]
fn registering_a_pending_citizen_again_says_the_earlier_code_no_longer_works() {
    let cli = Cli::new();
    let first = cli.run(&REGISTER);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        !stdout(&first).contains("replaced"),
        "a new citizen had no earlier code: {}",
        stdout(&first)
    );

    let again = cli.run(&REGISTER);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).contains("replaced the earlier activation code, which no longer works"),
        "{}",
        stdout(&again)
    );

    let mut args = vec!["--json"];
    args.extend(REGISTER);
    let json = cli.run(&args);
    let json: serde_json::Value = serde_json::from_str(stdout(&json).trim()).unwrap();
    assert_eq!(json["outcome"], "reopened");
    assert_eq!(json["replaced_code"], true);
}

#[test]
fn commands_run_from_different_folders_share_the_database_of_the_data_dir() {
    let cli = Cli::new();
    let data_dir = cli.dir.path().join("project");
    let database = data_dir.join("data/clave.db");
    let expected = format!("database: sqlite://{}", database.display());
    for folder in ["here", "there"] {
        std::fs::create_dir_all(cli.dir.path().join(folder)).unwrap();
    }

    let register = cli
        .command(&REGISTER)
        .current_dir(cli.dir.path().join("here"))
        .env("CLAVE_DATA_DIR", &data_dir)
        .output()
        .unwrap();
    assert!(register.status.success(), "{}", stderr(&register));
    assert!(
        stderr(&register).contains(&expected),
        "{}",
        stderr(&register)
    );
    assert!(database.is_file(), "the SQLite file is under the data dir");

    let show = cli
        .command(&["--json", "citizen", "show", "--id", "12345678Z"])
        .current_dir(cli.dir.path().join("there"))
        .env("CLAVE_DATA_DIR", &data_dir)
        .output()
        .unwrap();
    assert!(show.status.success(), "{}", stderr(&show));
    assert!(stderr(&show).contains(&expected), "{}", stderr(&show));
    let shown: serde_json::Value = serde_json::from_str(stdout(&show).trim()).unwrap();
    assert_eq!(shown["status"], "pending");

    let elsewhere = cli
        .command(&["citizen", "show", "--id", "12345678Z"])
        .current_dir(cli.dir.path().join("there"))
        .output()
        .unwrap();
    let other = cli.dir.path().join("there/data/clave.db");
    assert!(
        stderr(&elsewhere).contains(&format!("database: sqlite://{}", other.display())),
        "without CLAVE_DATA_DIR the folder's own database is named: {}",
        stderr(&elsewhere)
    );
    assert_eq!(elsewhere.status.code(), Some(3), "and it is another one");
}

#[test]
fn a_wrong_check_letter_is_refused_with_a_clear_message_and_writes_nothing() {
    let cli = Cli::new();
    let mut args = REGISTER.to_vec();
    args[3] = "12345678A";
    let output = cli.run(&args);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("check letter"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).is_empty());
    let shown = cli.run(&["citizen", "show", "--id", "12345678Z"]);
    assert_eq!(shown.status.code(), Some(3), "nothing was registered");
}

#[test]
fn a_citizens_history_is_exported_newest_first_and_the_export_is_recorded() {
    let cli = Cli::new();
    assert!(cli.run(&REGISTER).status.success());
    let regenerated = cli.run(&["citizen", "regenerate-code", "--id", "12345678Z"]);
    assert!(regenerated.status.success(), "{}", stderr(&regenerated));

    let output = cli.run(&["--json", "citizen", "history", "--id", "12345678z"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert_eq!(json["id"], "12345678Z");
    assert_eq!(json["citizen"]["status"], "pending");
    assert_eq!(json["citizen"]["email"], "maria@example.es");
    let kinds: Vec<&str> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["activation_code_regenerated", "citizen_registered"],
        "newest first"
    );
    let newest = &json["events"][0];
    assert!(newest["at"].as_str().unwrap().ends_with('Z'), "{newest}");
    assert!(newest["detail"].is_object(), "detail as JSON: {newest}");
    assert!(
        !stdout(&output).contains("activation_code\""),
        "never a secret"
    );

    // The export is part of the history the next export shows.
    let again = cli.run(&["--json", "citizen", "history", "--id", "12345678Z"]);
    let again: serde_json::Value = serde_json::from_str(stdout(&again).trim()).unwrap();
    assert_eq!(again["events"][0]["kind"], "history_exported");
    assert_eq!(again["events"][0]["detail"]["events"], 2);
    assert_eq!(again["events"].as_array().unwrap().len(), 3);

    let text = cli.run(&["citizen", "history", "--id", "12345678Z"]);
    assert!(text.status.success());
    assert!(
        stdout(&text).starts_with("History of 12345678Z: 4 events, newest first"),
        "{}",
        stdout(&text)
    );

    // Nobody to export: refused, and nothing recorded.
    let unknown = cli.run(&["citizen", "history", "--id", "87654321X"]);
    assert_eq!(unknown.status.code(), Some(3), "{}", stderr(&unknown));
    assert!(
        stderr(&unknown).contains("not registered"),
        "{}",
        stderr(&unknown)
    );
    let wrong = cli.run(&["citizen", "history", "--id", "12345678A"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        stderr(&wrong).contains("check letter"),
        "{}",
        stderr(&wrong)
    );
}

#[test]
fn a_client_is_registered_with_an_id_and_secret_from_the_safe_alphabet() {
    let cli = Cli::new();
    let output = cli.run(&[
        "--json",
        "client",
        "add",
        "--name",
        "Sede",
        "--redirect-uri",
        "https://sede.example/cb",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    for field in ["client_id", "client_secret"] {
        let value = json[field].as_str().unwrap();
        assert!(
            value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "{field}: {value}"
        );
    }
    let bad = cli.run(&[
        "client",
        "add",
        "--name",
        "Sede",
        "--redirect-uri",
        "https://sede.example/cb#frag",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--redirect-uri"), "{}", stderr(&bad));
}

#[test]
fn a_wrong_setting_stops_the_command_naming_it() {
    let cli = Cli::new();
    let output = Command::new(env!("CARGO_BIN_EXE_clave-idp"))
        .args(["migrate"])
        .current_dir(cli.dir.path())
        .env("CLAVE_CONFIG_DIR", cli.dir.path())
        .env("CLAVE_SMS", "carrier-pigeon")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("CLAVE_SMS"), "{}", stderr(&output));
}

#[test]
fn a_client_is_registered_from_a_metadata_file_shown_and_updated() {
    let cli = Cli::new();
    let file = cli.dir.path().join("sede.json");
    std::fs::write(
        &file,
        r#"{
            "client_id": "sede-hacienda",
            "client_name": "Sede de Hacienda",
            "redirect_uris": ["https://sede.example/cb"],
            "post_logout_redirect_uris": ["https://sede.example/bye"],
            "token_endpoint_auth_method": "client_secret_basic",
            "id_token_signed_response_alg": "ES256",
            "grant_types": ["authorization_code", "refresh_token"],
            "logo_uri": "https://sede.example/logo.png"
        }"#,
    )
    .unwrap();
    let path = file.to_str().unwrap();
    // A flag wins over the file.
    let added = cli.run(&[
        "--json",
        "client",
        "add",
        "--metadata",
        path,
        "--name",
        "Sede AEAT",
    ]);
    assert!(added.status.success(), "{}", stderr(&added));
    let json: serde_json::Value = serde_json::from_str(stdout(&added).trim()).unwrap();
    assert_eq!(json["client_id"], "sede-hacienda");
    assert_eq!(json["name"], "Sede AEAT");
    assert!(json["client_secret"].as_str().is_some());

    let shown = cli.run(&["--json", "client", "show", "--id", "sede-hacienda"]);
    assert!(shown.status.success(), "{}", stderr(&shown));
    let text = stdout(&shown);
    assert!(
        !text.contains(json["client_secret"].as_str().unwrap()),
        "never the secret"
    );
    let metadata: serde_json::Value = serde_json::from_str(text.trim()).unwrap();
    assert_eq!(metadata["client_name"], "Sede AEAT");
    assert_eq!(metadata["id_token_signed_response_alg"], "ES256");
    assert_eq!(metadata["redirect_uris"][0], "https://sede.example/cb");
    assert_eq!(
        metadata["token_endpoint_auth_method"],
        "client_secret_basic"
    );

    std::fs::write(
        &file,
        r#"{"redirect_uris": ["https://sede.example/cb", "https://sede.example/cb2"],
            "client_name": "Sede electrónica"}"#,
    )
    .unwrap();
    let updated = cli.run(&[
        "client",
        "update",
        "--id",
        "sede-hacienda",
        "--metadata",
        path,
    ]);
    assert!(updated.status.success(), "{}", stderr(&updated));
    let shown = cli.run(&["--json", "client", "show", "--id", "sede-hacienda"]);
    let metadata: serde_json::Value = serde_json::from_str(stdout(&shown).trim()).unwrap();
    assert_eq!(metadata["client_name"], "Sede electrónica");
    assert_eq!(metadata["redirect_uris"][1], "https://sede.example/cb2");
    assert_eq!(metadata["id_token_signed_response_alg"], "ES256", "kept");

    // Each refusal names the field and changes nothing.
    for (file_text, field, code) in [
        (
            r#"{"token_endpoint_auth_method": "private_key_jwt"}"#,
            "token_endpoint_auth_method",
            3,
        ),
        (
            r#"{"redirect_uris": ["https://sede.example/cb#top"]}"#,
            "redirect_uris",
            2,
        ),
        (r#"{"jwks_uri": "http://sede.example/jwks"}"#, "jwks_uri", 2),
        (
            r#"{"id_token_encrypted_response_alg": "ECDH-ES"}"#,
            "id_token_encrypted_response_alg",
            2,
        ),
        (
            r#"{"token_endpoint_auth_method": "none"}"#,
            "token_endpoint_auth_method",
            3,
        ),
        (
            r#"{"redirect_uris": ["https://other.example/cb"]}"#,
            "clave_sector",
            3,
        ),
    ] {
        std::fs::write(&file, file_text).unwrap();
        let refused = cli.run(&[
            "client",
            "update",
            "--id",
            "sede-hacienda",
            "--metadata",
            path,
        ]);
        assert_eq!(
            refused.status.code(),
            Some(code),
            "{file_text}: {}",
            stderr(&refused)
        );
        assert!(
            stderr(&refused).contains(field),
            "{file_text}: {}",
            stderr(&refused)
        );
    }
    let shown = cli.run(&["--json", "client", "show", "--id", "sede-hacienda"]);
    let after: serde_json::Value = serde_json::from_str(stdout(&shown).trim()).unwrap();
    assert_eq!(after, metadata, "nothing changed");
    let missing = cli.run(&["client", "show", "--id", "nobody"]);
    assert_eq!(missing.status.code(), Some(3));
}
