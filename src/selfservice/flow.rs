//! A self-service flow in progress: which flow, for which citizen, at which step,
//! kept in the ephemeral store under a random id and bound to the browser that
//! started it (a hash of its CSRF token), like a login transaction.
//!
//! A flow exists only after the citizen proved who they are on the first page
//! (activation code or password), so every later step knows the citizen.

use serde::{Deserialize, Serialize};

use crate::crypto::{hash_token, random_token};
use crate::otp::OtpPurpose;
use crate::routes;
use crate::state::AppState;
use crate::store::ephemeral::EphemeralStoreExt;
use crate::web::{PageContext, PageError};

/// How long a citizen has to finish a flow.
pub const FLOW_TTL_SECS: i64 = 20 * 60;

/// The self-service flows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlowKind {
    /// First password for a registered citizen (activation code + SMS).
    Activation,
    /// Forgotten or blocked password (activation code + SMS).
    PasswordReset,
    /// Password change (current password + SMS).
    PasswordChange,
    /// Closing the account (password + SMS).
    Unsubscribe,
    /// A new activation code (password + SMS).
    CodeRegeneration,
}

impl FlowKind {
    /// Every flow.
    pub const ALL: [FlowKind; 5] = [
        FlowKind::Activation,
        FlowKind::PasswordReset,
        FlowKind::PasswordChange,
        FlowKind::Unsubscribe,
        FlowKind::CodeRegeneration,
    ];

    /// The flow's paths ([`crate::routes`]).
    pub fn paths(self) -> routes::FlowPaths {
        match self {
            FlowKind::Activation => routes::ACTIVATION,
            FlowKind::PasswordReset => routes::PASSWORD_RESET,
            FlowKind::PasswordChange => routes::PASSWORD_CHANGE,
            FlowKind::Unsubscribe => routes::UNSUBSCRIBE,
            FlowKind::CodeRegeneration => routes::CODE_REGENERATION,
        }
    }

    /// The entry page, also the base the step forms post under.
    pub fn path(self) -> &'static str {
        self.paths().start
    }

    /// The prefix of the flow's catalog keys (`{prefix}-title`, …).
    pub fn key(self) -> &'static str {
        match self {
            FlowKind::Activation => "activation",
            FlowKind::PasswordReset => "reset",
            FlowKind::PasswordChange => "change",
            FlowKind::Unsubscribe => "unsubscribe",
            FlowKind::CodeRegeneration => "regenerate",
        }
    }

    /// What the SMS code confirms.
    pub fn otp_purpose(self) -> OtpPurpose {
        match self {
            FlowKind::Activation => OtpPurpose::Activation,
            FlowKind::PasswordReset => OtpPurpose::PasswordReset,
            FlowKind::PasswordChange => OtpPurpose::PasswordChange,
            FlowKind::Unsubscribe => OtpPurpose::Unsubscribe,
            FlowKind::CodeRegeneration => OtpPurpose::CodeRegeneration,
        }
    }

    /// The step after the SMS code.
    pub fn after_code(self) -> Stage {
        match self {
            FlowKind::Activation | FlowKind::PasswordReset | FlowKind::PasswordChange => {
                Stage::Password
            }
            FlowKind::Unsubscribe => Stage::Confirm,
            FlowKind::CodeRegeneration => Stage::Done,
        }
    }

    /// How many pages the flow has (for "Step 2 of 3").
    pub fn steps(self) -> u32 {
        match self {
            FlowKind::CodeRegeneration => 2,
            _ => 3,
        }
    }
}

/// Where a flow is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Waiting for the SMS code.
    Code,
    /// Code accepted; choosing the new password.
    Password,
    /// Code accepted; confirming an irreversible step.
    Confirm,
    /// Finished.
    Done,
}

/// A flow in progress.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Flow {
    /// Which flow.
    pub kind: FlowKind,
    /// The citizen (DNI/NIE), proved on the first page.
    pub citizen_id: String,
    /// Progress.
    pub stage: Stage,
    browser: String,
    /// Deadline.
    pub expires_at: i64,
}

fn key(id: &str) -> String {
    format!("flow:{id}")
}

fn well_formed(id: &str) -> bool {
    (16..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl Flow {
    /// Starts a flow at the code step for `citizen_id`; returns its id.
    pub async fn start(
        state: &AppState,
        ctx: &PageContext,
        kind: FlowKind,
        citizen_id: &str,
    ) -> Result<(String, Flow), PageError> {
        let id = random_token(24);
        let flow = Flow {
            kind,
            citizen_id: citizen_id.to_owned(),
            stage: Stage::Code,
            browser: hash_token(ctx.csrf_token()),
            expires_at: state.now() + FLOW_TTL_SECS,
        };
        flow.save(state, &id).await?;
        Ok((id, flow))
    }

    /// The live flow `id` of this browser, of this kind and at `stage`; else the
    /// "start again" page.
    pub async fn load(
        state: &AppState,
        ctx: &PageContext,
        kind: FlowKind,
        id: &str,
        stage: Stage,
    ) -> Result<Flow, PageError> {
        if !well_formed(id) {
            return Err(PageError::BadRequest("selfservice-expired"));
        }
        let flow: Option<Flow> = state.ephemeral.get_json(&key(id)).await?;
        match flow {
            Some(flow)
                if flow.kind == kind
                    && flow.stage == stage
                    && flow.expires_at > state.now()
                    && flow.browser == hash_token(ctx.csrf_token()) =>
            {
                Ok(flow)
            }
            _ => Err(PageError::BadRequest("selfservice-expired")),
        }
    }

    /// Saves the flow's progress.
    pub async fn save(&self, state: &AppState, id: &str) -> Result<(), PageError> {
        let ttl = std::time::Duration::from_secs(FLOW_TTL_SECS as u64 + 30);
        state.ephemeral.put_json(&key(id), self, ttl).await?;
        Ok(())
    }

    /// Ends the flow.
    pub async fn remove(state: &AppState, id: &str) -> Result<(), PageError> {
        state.ephemeral.delete(&key(id)).await?;
        Ok(())
    }
}
