//! A self-service flow in progress: which flow, for which citizen, at which step,
//! kept as a browser-bound transaction ([`crate::auth::transaction`]) like a login.
//!
//! A flow exists only after the citizen proved who they are on the first page
//! (activation code or password), so every later step knows the citizen.

use serde::{Deserialize, Serialize};

use crate::auth::Browsers;
use crate::auth::transaction::{InvalidStep, Purpose, Transaction};
use crate::otp::OtpPurpose;
use crate::routes;
use crate::store::ephemeral::keys::{FLOW_SECS, KeySpace, Space};
use crate::web::{PageContext, PageError};

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

    /// Whether the first page checks the password (else the activation code).
    pub fn checks_password(self) -> bool {
        matches!(
            self,
            FlowKind::PasswordChange | FlowKind::Unsubscribe | FlowKind::CodeRegeneration
        )
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

    /// The catalog key of what the flow did, for a page of it seen again after
    /// its end (a new activation code is shown once only: that page says so).
    pub fn done_key(self) -> &'static str {
        match self {
            FlowKind::Activation => "activation-done",
            FlowKind::PasswordReset => "reset-done",
            FlowKind::PasswordChange => "change-done",
            FlowKind::Unsubscribe => "unsubscribe-done",
            FlowKind::CodeRegeneration => "regenerate-already-done",
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

/// A flow in progress: a browser-bound transaction ([`Transaction`]) whose
/// purpose is [`SelfService`].
pub type Flow = Transaction<SelfService>;

/// What a self-service flow is for: which flow, for which citizen, at which step.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SelfService {
    /// Which flow.
    pub kind: FlowKind,
    /// The citizen (DNI/NIE), proved on the first page.
    pub citizen_id: String,
    /// Progress.
    pub stage: Stage,
    /// The login this flow was opened from (the login page's "forgotten
    /// password" or "activate" link), to continue to its portal at the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login: Option<String>,
}

impl Purpose for SelfService {
    const SPACE: KeySpace<Transaction<Self>> = KeySpace::new(Space::Flow);
    const LIFETIME_SECS: i64 = FLOW_SECS;
    const EXPIRED: &'static str = "selfservice-expired";
}

impl SelfService {
    /// The SMS code was accepted: on to the flow's next step (or its end).
    pub fn code_accepted(&mut self) -> Result<Stage, InvalidStep> {
        if self.stage != Stage::Code {
            return Err(InvalidStep::of::<SelfService>());
        }
        self.stage = self.kind.after_code();
        Ok(self.stage)
    }
}

impl Flow {
    /// Starts a flow at the code step for `citizen_id`; returns its id.
    pub async fn start(
        browsers: &Browsers,
        ctx: &PageContext,
        kind: FlowKind,
        citizen_id: &str,
        login: Option<String>,
    ) -> Result<(String, Flow), PageError> {
        let purpose = SelfService {
            kind,
            citizen_id: citizen_id.to_owned(),
            stage: Stage::Code,
            login,
        };
        Self::begin(browsers, ctx, purpose).await
    }

    /// The live flow `id` of this browser, of this kind and at `stage`; once it
    /// is finished, the page that says it is done; else the "start again" page.
    pub async fn load_at(
        browsers: &Browsers,
        ctx: &PageContext,
        kind: FlowKind,
        id: &str,
        stage: Stage,
    ) -> Result<Flow, PageError> {
        let flow = Self::load(browsers, ctx, id).await?;
        if flow.kind != kind {
            Err(PageError::BadRequest(SelfService::EXPIRED))
        } else if flow.stage == stage {
            Ok(flow)
        } else if flow.stage == Stage::Done {
            Err(PageError::AlreadyDone(kind.done_key()))
        } else {
            Err(PageError::BadRequest(SelfService::EXPIRED))
        }
    }

    /// Marks the flow finished: kept until it would have expired, so that a page
    /// of it seen again (Back, a resent form) says it is done, and nothing of it
    /// can run twice.
    pub async fn finish(mut self, browsers: &Browsers, id: &str) -> Result<(), PageError> {
        self.stage = Stage::Done;
        self.save(browsers, id).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_accepted_once_and_leads_where_the_flow_goes() {
        let mut flow = SelfService {
            kind: FlowKind::Unsubscribe,
            citizen_id: "12345678Z".into(),
            stage: Stage::Code,
            login: None,
        };
        assert_eq!(flow.code_accepted(), Ok(Stage::Confirm));
        assert_eq!(
            flow.code_accepted(),
            Err(InvalidStep::of::<SelfService>()),
            "not twice"
        );
        let mut regenerate = SelfService {
            kind: FlowKind::CodeRegeneration,
            ..flow
        };
        regenerate.stage = Stage::Code;
        assert_eq!(regenerate.code_accepted(), Ok(Stage::Done));
    }
}
