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

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_clave-idp"))
            .args(args)
            .current_dir(self.dir.path())
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("CLAVE_CONFIG_DIR", self.dir.path().join("no-config"))
            .env(
                "CLAVE_DATABASE_URL",
                format!("sqlite://{}", self.dir.path().join("clave.db").display()),
            )
            .env("CLAVE_KEY_ENCRYPTION_KEY", "ab".repeat(32))
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
