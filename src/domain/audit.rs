//! What the audit trail records: one kind per event that matters to an account,
//! a relying party or a key. The citizen's history and the operator's export are
//! read from these names, so they are stable.

/// The kind of an audit event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuditKind {
    /// A registration act (new citizen, or a closed account reopened).
    CitizenRegistered,
    /// The citizen chose a first password.
    CitizenActivated,
    /// A new activation code was issued.
    ActivationCodeRegenerated,
    /// A wrong activation code was entered.
    ActivationCodeFailed,
    /// A login finished and a code went back to the portal.
    LoginSucceeded,
    /// A wrong password at login.
    LoginFailed,
    /// A wrong password on a self-service first page.
    PasswordCheckFailed,
    /// A forgotten or blocked password was replaced.
    PasswordReset,
    /// The citizen changed the password.
    PasswordChanged,
    /// An expired password was renewed at login.
    PasswordRenewed,
    /// An imported or weak hash was upgraded (the password did not change).
    PasswordRehashed,
    /// The citizen closed the account.
    CitizenUnsubscribed,
    /// A citizen was imported from the Social Security register.
    LegacyImported,
    /// A legacy user consented to the migration to Cl@ve.
    LegacyMigrationAccepted,
    /// A legacy user declined the migration, for now.
    LegacyMigrationDeclined,
    /// A relying party was registered.
    ClientRegistered,
    /// A relying party's metadata was changed.
    ClientUpdated,
    /// A signing key was made.
    SigningKeyAdded,
    /// A portal received a code from the citizen's live session (single sign-on).
    SingleSignOn,
    /// The citizen logged out, or ended one session on the account page.
    SessionEnded,
    /// The citizen ended every session ("end all sessions").
    AllSessionsEnded,
    /// The citizen forgot one trusted browser.
    BrowserForgotten,
    /// The citizen said a sign-in was not theirs ("this wasn't me").
    NotMeReported,
    /// An operator exported the citizen's history (`citizen history`).
    HistoryExported,
}

impl AuditKind {
    /// The name stored in the trail.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditKind::CitizenRegistered => "citizen_registered",
            AuditKind::CitizenActivated => "citizen_activated",
            AuditKind::ActivationCodeRegenerated => "activation_code_regenerated",
            AuditKind::ActivationCodeFailed => "activation_code_failed",
            AuditKind::LoginSucceeded => "login_succeeded",
            AuditKind::LoginFailed => "login_failed",
            AuditKind::PasswordCheckFailed => "password_check_failed",
            AuditKind::PasswordReset => "password_reset",
            AuditKind::PasswordChanged => "password_changed",
            AuditKind::PasswordRenewed => "password_renewed",
            AuditKind::PasswordRehashed => "password_rehashed",
            AuditKind::CitizenUnsubscribed => "citizen_unsubscribed",
            AuditKind::LegacyImported => "legacy_imported",
            AuditKind::LegacyMigrationAccepted => "legacy_migration_accepted",
            AuditKind::LegacyMigrationDeclined => "legacy_migration_declined",
            AuditKind::ClientRegistered => "client_registered",
            AuditKind::ClientUpdated => "client_updated",
            AuditKind::SigningKeyAdded => "signing_key_added",
            AuditKind::SingleSignOn => "sso_login",
            AuditKind::SessionEnded => "session_ended",
            AuditKind::AllSessionsEnded => "all_sessions_ended",
            AuditKind::BrowserForgotten => "browser_forgotten",
            AuditKind::NotMeReported => "not_me_reported",
            AuditKind::HistoryExported => "history_exported",
        }
    }
}

impl std::fmt::Display for AuditKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
