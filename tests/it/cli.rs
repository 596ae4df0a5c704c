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
