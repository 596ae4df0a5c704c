//! `clave-idp citizen …`: the registration office's operations.

use clap::Subcommand;
use serde_json::json;

use super::{CliError, Context};
use crate::domain::AuditKind;
use crate::domain::{
    ActivationCode, CitizenStatus, DocumentId, Email, MobilePhone, PersonName, password_expires_at,
};
use crate::store::sql::{AuditEvent, AuditRecord, CitizenRecord, NewCitizen, RegisterOutcome};

#[derive(Debug, Subcommand)]
pub(crate) enum CitizenCommand {
    /// Record a registration act and print the new activation code (shown once).
    Register {
        /// DNI or NIE, with its check letter.
        #[arg(long)]
        id: String,
        /// Given name.
        #[arg(long)]
        given_name: String,
        /// First surname.
        #[arg(long)]
        first_surname: String,
        /// Second surname (optional).
        #[arg(long)]
        second_surname: Option<String>,
        /// Email address.
        #[arg(long)]
        email: String,
        /// Mobile phone (E.164; Spanish numbers may omit +34).
        #[arg(long)]
        phone: String,
    },
    /// Issue a new activation code (the old one stops working; unblocks).
    RegenerateCode {
        /// DNI or NIE.
        #[arg(long)]
        id: String,
    },
    /// Show a citizen's account (never its secrets).
    Show {
        /// DNI or NIE.
        #[arg(long)]
        id: String,
    },
    /// Print a citizen's whole history (the audit trail about them, newest first),
    /// as a GDPR access request needs it; the export is itself recorded.
    History {
        /// DNI or NIE.
        #[arg(long)]
        id: String,
    },
    /// Import Social Security users from a CSV export (header:
    /// id,given_name,first_surname,second_surname,email,phone,password_hash).
    /// Bad lines are reported and skipped; a DNI/NIE already present is left as it
    /// is, so running the same file again changes nothing.
    ImportLegacy {
        /// The CSV file.
        file: std::path::PathBuf,
    },
}

pub(crate) async fn run(ctx: &Context, command: CitizenCommand) -> Result<(), CliError> {
    match command {
        CitizenCommand::Register {
            id,
            given_name,
            first_surname,
            second_surname,
            email,
            phone,
        } => {
            let citizen = NewCitizen {
                id: parse_id(&id)?.as_str().to_owned(),
                given_name: field("--given-name", PersonName::parse(&given_name))?
                    .as_str()
                    .to_owned(),
                first_surname: field("--first-surname", PersonName::parse(&first_surname))?
                    .as_str()
                    .to_owned(),
                second_surname: match second_surname.as_deref().map(str::trim) {
                    None | Some("") => None,
                    Some(name) => Some(
                        field("--second-surname", PersonName::parse(name))?
                            .as_str()
                            .to_owned(),
                    ),
                },
                email: field("--email", Email::parse(&email))?.as_str().to_owned(),
                phone: field("--phone", MobilePhone::parse(&phone))?
                    .as_str()
                    .to_owned(),
            };
            register(ctx, &citizen).await
        }
        CitizenCommand::RegenerateCode { id } => regenerate(ctx, &parse_id(&id)?).await,
        CitizenCommand::Show { id } => show(ctx, &parse_id(&id)?).await,
        CitizenCommand::History { id } => history(ctx, &parse_id(&id)?).await,
        CitizenCommand::ImportLegacy { file } => {
            super::import_legacy::import_legacy(ctx, &file).await
        }
    }
}

fn parse_id(raw: &str) -> Result<DocumentId, CliError> {
    field("--id", DocumentId::parse(raw))
}

fn field<T, E: std::fmt::Display>(name: &str, parsed: Result<T, E>) -> Result<T, CliError> {
    parsed.map_err(|e| CliError::Input(format!("{name}: {e}")))
}

async fn register(ctx: &Context, citizen: &NewCitizen) -> Result<(), CliError> {
    let code = ActivationCode::generate();
    let now = ctx.now();
    let audit = AuditEvent::new(now, AuditKind::CitizenRegistered, "operator")
        .citizen(&citizen.id)
        .detail("operator", ctx.operator());
    let outcome = ctx
        .db
        .register_citizen(citizen, &code.hash(), now, &audit)
        .await
        .map_err(anyhow::Error::from)?;
    let outcome_word = match outcome {
        RegisterOutcome::AlreadyActive => {
            return Err(CliError::Refused(format!(
                "{} already has an active Cl@ve Permanente account; nothing was changed. \
                 To issue a new activation code use `clave-idp citizen regenerate-code --id {}`.",
                citizen.id, citizen.id
            )));
        }
        RegisterOutcome::Created => "created",
        RegisterOutcome::Reopened { .. } => "reopened",
    };
    // A pending account already had a code the citizen may still hold; the office
    // must know that code is now dead, or the citizen will try it and fail.
    let replaced_code = outcome
        == RegisterOutcome::Reopened {
            previous: CitizenStatus::Pending,
        };
    let grouped = code.expose_grouped();
    ctx.print(
        json!({
            "id": citizen.id,
            "status": "pending",
            "outcome": outcome_word,
            "replaced_code": replaced_code,
            "activation_code": grouped,
        }),
        || {
            let replaced = if replaced_code {
                "It was still pending: this replaced the earlier activation code, which no \
                 longer works.\n"
            } else {
                ""
            };
            format!(
                "Registered {} ({outcome_word}); the account is pending activation.\n{replaced}\
                 Activation code (give it to the citizen; it is not stored and is shown only once):\n  {grouped}",
                citizen.id
            )
        },
    );
    Ok(())
}

async fn regenerate(ctx: &Context, id: &DocumentId) -> Result<(), CliError> {
    let Some(citizen) = ctx
        .db
        .citizen(id.as_str())
        .await
        .map_err(anyhow::Error::from)?
    else {
        return Err(CliError::Refused(format!(
            "{id} is not registered in Cl@ve; record a registration act with `clave-idp citizen register`."
        )));
    };
    match citizen.status {
        CitizenStatus::Pending | CitizenStatus::Active => {}
        CitizenStatus::Unsubscribed => {
            return Err(CliError::Refused(format!(
                "{id} unsubscribed from Cl@ve Permanente; a new registration act reopens the account."
            )));
        }
        CitizenStatus::Legacy => {
            return Err(CliError::Refused(format!(
                "{id} is a Social Security user who has not migrated to Cl@ve; a registration act \
                 at a Cl@ve office (or the migration offered at login) is needed first."
            )));
        }
    }
    let code = ActivationCode::generate();
    let now = ctx.now();
    let audit = AuditEvent::new(now, AuditKind::ActivationCodeRegenerated, "operator")
        .citizen(id.as_str())
        .detail("operator", ctx.operator())
        .detail("was_blocked", citizen.activation_code_blocked);
    let done = ctx
        .db
        .replace_activation_code(id.as_str(), &code.hash(), now, &audit)
        .await
        .map_err(anyhow::Error::from)?;
    if !done {
        return Err(CliError::Refused(format!(
            "{id} is not registered in Cl@ve."
        )));
    }
    let grouped = code.expose_grouped();
    ctx.print(
        json!({ "id": id.as_str(), "activation_code": grouped }),
        || format!("New activation code for {id} (the previous one no longer works):\n  {grouped}"),
    );
    Ok(())
}

async fn show(ctx: &Context, id: &DocumentId) -> Result<(), CliError> {
    let Some(citizen) = ctx
        .db
        .citizen(id.as_str())
        .await
        .map_err(anyhow::Error::from)?
    else {
        return Err(CliError::Refused(format!(
            "{id} is not registered in Cl@ve."
        )));
    };
    let view = citizen_view(&citizen);
    ctx.print(view.clone(), || {
        let mut lines = Vec::new();
        if let serde_json::Value::Object(map) = &view {
            for (key, value) in map {
                let shown = match value {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Null => "-".to_owned(),
                    other => other.to_string(),
                };
                lines.push(format!("{key:<26} {shown}"));
            }
        }
        lines.join("\n")
    });
    Ok(())
}

/// Events read from the trail at a time, so a long history is never one query.
const HISTORY_BATCH: u32 = 500;

async fn history(ctx: &Context, id: &DocumentId) -> Result<(), CliError> {
    let citizen = ctx
        .db
        .citizen(id.as_str())
        .await
        .map_err(anyhow::Error::from)?;
    let mut events = Vec::new();
    let mut before = None;
    loop {
        let batch = ctx
            .db
            .audit_page(id.as_str(), before, HISTORY_BATCH)
            .await
            .map_err(anyhow::Error::from)?;
        let full = batch.len() == HISTORY_BATCH as usize;
        before = batch.last().map(|event| event.id);
        events.extend(batch.iter().map(event_view));
        if !full {
            break;
        }
    }
    if citizen.is_none() && events.is_empty() {
        return Err(CliError::Refused(format!(
            "{id} is not registered in Cl@ve and no event is recorded about it."
        )));
    }
    // Who read a citizen's personal data, and when, is part of that data.
    let audit = AuditEvent::new(ctx.now(), AuditKind::HistoryExported, &ctx.operator())
        .citizen(id.as_str())
        .detail("events", events.len());
    ctx.db
        .append_audit(&audit)
        .await
        .map_err(anyhow::Error::from)?;
    let view = json!({
        "id": id,
        "citizen": citizen.as_ref().map(citizen_view),
        "events": events,
    });
    ctx.print(view.clone(), || {
        let mut lines = vec![format!(
            "History of {id}: {} events, newest first",
            events.len()
        )];
        for event in &events {
            let text = |name: &str| event[name].as_str().unwrap_or("-").to_owned();
            lines.push(format!(
                "{}  {:<28} {:<8} portal={} acr={} ip={} browser={} {}",
                text("at"),
                text("kind"),
                text("outcome"),
                text("portal"),
                text("acr"),
                text("ip"),
                text("browser"),
                event["detail"]
            ));
        }
        lines.join("\n")
    });
    Ok(())
}

/// One event of the trail as the export prints it: the whole record, the address
/// unmasked (it is the citizen's own data), the detail as JSON.
fn event_view(event: &AuditRecord) -> serde_json::Value {
    let detail: serde_json::Value =
        serde_json::from_str(&event.detail).unwrap_or_else(|_| json!(event.detail));
    json!({
        "id": event.id,
        "at": rfc3339(event.at),
        "kind": event.kind,
        "actor": event.actor,
        "outcome": event.outcome,
        "portal": event.client_id,
        "acr": event.acr,
        "ip": event.ip,
        "browser": event.browser,
        "detail": detail,
    })
}

fn citizen_view(c: &CitizenRecord) -> serde_json::Value {
    let expires = c.password_set_at.map(password_expires_at);
    json!({
        "id": c.id,
        "given_name": c.given_name,
        "first_surname": c.first_surname,
        "second_surname": c.second_surname,
        "email": c.email,
        "phone": c.phone,
        "status": c.status.as_str(),
        "activation_code_failures": c.activation_code_failures,
        "activation_code_blocked": c.activation_code_blocked,
        "has_password": c.password_hash.is_some(),
        "password_set_at": c.password_set_at.map(rfc3339),
        "password_expires_at": expires.map(rfc3339),
        "password_failures": c.password_failures,
        "password_blocked": c.password_blocked,
        "created_at": rfc3339(c.created_at),
        "updated_at": rfc3339(c.updated_at),
    })
}

/// Formats Unix seconds as RFC 3339 UTC.
pub(crate) fn rfc3339(at: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(at)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| at.to_string())
}
