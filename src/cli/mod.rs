//! The operator command line (README, "Registering a citizen and a portal"): `serve`, `migrate`,
//! `citizen …`, `client …`, `keys rotate`.
//!
//! Every command that prints a result also takes `--json` and then prints exactly
//! one JSON object on stdout. Errors go to stderr with a non-zero exit status:
//! 2 for input the operator must correct, 3 for a request the rules refuse (e.g.
//! registering an active DNI/NIE), 1 for anything else (an unreachable database).

mod citizen;
mod client;
mod client_metadata;
mod import_legacy;
mod keys;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::clock::{Clock, SystemClock};
use crate::settings::Settings;
use crate::store::sql::SqlStore;

#[derive(Debug, Parser)]
#[command(
    name = "clave-idp",
    version,
    about = "Cl@ve Permanente OpenID Connect identity provider"
)]
struct Cli {
    /// Folder holding default.toml and <profile>.toml.
    #[arg(
        long,
        global = true,
        env = "CLAVE_CONFIG_DIR",
        default_value = "config"
    )]
    config_dir: PathBuf,
    /// Print the result as one JSON object.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the identity provider.
    Serve,
    /// Bring the database schema up to date.
    Migrate,
    /// Registration-office operations on citizens.
    #[command(subcommand)]
    Citizen(citizen::CitizenCommand),
    /// Register relying parties (e-government portals).
    #[command(subcommand)]
    Client(client::ClientCommand),
    /// Signing-key operations.
    #[command(subcommand)]
    Keys(keys::KeysCommand),
}

/// A command failure, with the exit status it maps to.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The operator's input is wrong; the message says how.
    #[error("{0}")]
    Input(String),
    /// The rules refuse the request; nothing changed.
    #[error("{0}")]
    Refused(String),
    /// Anything else.
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl CliError {
    fn exit_code(&self) -> u8 {
        match self {
            CliError::Input(_) => 2,
            CliError::Refused(_) => 3,
            CliError::Other(_) => 1,
        }
    }
}

/// What a command needs: settings, the database, the clock, the output mode.
pub(crate) struct Context {
    pub settings: Settings,
    pub db: SqlStore,
    pub clock: SystemClock,
    pub json: bool,
}

impl Context {
    pub fn now(&self) -> i64 {
        self.clock.now()
    }

    /// Prints a result: the JSON object with `--json`, else the text.
    pub fn print(&self, json: serde_json::Value, text: impl FnOnce() -> String) {
        if self.json {
            println!("{json}");
        } else {
            println!("{}", text());
        }
    }

    /// Who is acting, for the audit trail.
    pub fn operator(&self) -> String {
        std::env::var("USER").unwrap_or_else(|_| "unknown".to_owned())
    }
}

/// Parses the command line and runs the command; the binary's whole `main`.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::load(&cli.config_dir) {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(dispatch(cli, settings)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(error.exit_code())
        }
    }
}

async fn dispatch(cli: Cli, settings: Settings) -> Result<(), CliError> {
    if let Command::Serve = cli.command {
        return crate::startup::serve(settings)
            .await
            .map_err(CliError::Other);
    }
    // Operator commands log only warnings, on stderr, so stdout stays parseable.
    crate::telemetry::init_for_cli();
    // On stderr, so stdout stays parseable: a command run from another folder than
    // `serve` shows at once that it opened another SQLite file.
    eprintln!(
        "database: {}",
        crate::settings::redact_url(&settings.database_url)
    );
    let db = connect_and_migrate(&settings).await?;
    let ctx = Context {
        settings,
        db,
        clock: SystemClock,
        json: cli.json,
    };
    let result = match cli.command {
        Command::Serve => Ok(()),
        Command::Migrate => {
            let backend = format!("{:?}", ctx.db.backend()).to_lowercase();
            ctx.print(
                serde_json::json!({ "migrated": true, "backend": backend }),
                || format!("The {backend} database is up to date."),
            );
            Ok(())
        }
        Command::Citizen(command) => citizen::run(&ctx, command).await,
        Command::Client(command) => client::run(&ctx, command).await,
        Command::Keys(command) => keys::run(&ctx, command).await,
    };
    ctx.db.close().await;
    result
}

/// Connects to the configured database and runs the migrations.
pub(crate) async fn connect_and_migrate(settings: &Settings) -> Result<SqlStore, CliError> {
    let shown = crate::settings::redact_url(&settings.database_url);
    let db = SqlStore::connect(&settings.database_url, settings.store_timeout())
        .await
        .map_err(|e| anyhow::anyhow!("cannot open the database {shown}: {e}"))?;
    db.migrate()
        .await
        .map_err(|e| anyhow::anyhow!("cannot migrate the database {shown}: {e}"))?;
    Ok(db)
}
