//! The account's lifecycle and the rules that block or expire its credentials.
//!
//! [`CitizenStatus`] is a small state machine. Each event that can change it is a
//! method that returns the next status or refuses with [`InvalidTransition`], so a
//! caller cannot write "unsubscribe a pending account" without being told no:
//!
//! | from | event | to |
//! |---|---|---|
//! | pending | activate (first password) | active |
//! | pending, active | set a password | active |
//! | legacy | set a password | legacy (only consent migrates it) |
//! | active | unsubscribe | unsubscribed |
//! | legacy | accept the migration | active |
//! | pending, unsubscribed, legacy | new registration act | pending |
//!
//! The SQL store applies these decisions with guarded statements
//! (`UPDATE … WHERE status = $n`), binding the values computed here, so the rules
//! live in one place and the database still settles concurrent changes.
//!
//! The credential rules are here too: [`ACTIVATION_CODE_LIMIT`] (more than 5 wrong
//! entries block the code for good), [`PASSWORD_LIMIT`] (5 consecutive wrong
//! passwords block the password) and the 2-year password lifetime
//! ([`password_expired`]). The counters themselves stay single atomic statements
//! in the store; only their thresholds come from here.

use std::fmt;

use crate::clock::UnixTime;

/// The lifecycle state of an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CitizenStatus {
    /// Registered; the citizen has not activated the account yet.
    Pending,
    /// Activated; can log in.
    Active,
    /// Closed by the citizen; only a new registration act reopens it.
    Unsubscribed,
    /// Imported from the Social Security register; has not consented to Cl@ve.
    Legacy,
}

/// The events that move an account from one status to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CitizenEvent {
    /// The first password is set after the SMS check (activation).
    Activate,
    /// A password is set: activation, recovery, change or renewal.
    SetPassword,
    /// The citizen closes the account.
    Unsubscribe,
    /// A legacy user consents to Cl@ve at a Social Security service.
    AcceptMigration,
    /// An operator records a registration act for an existing DNI/NIE.
    NewRegistrationAct,
}

/// An event that the account's current status does not allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a {from} account cannot {event}")]
pub struct InvalidTransition {
    /// The status the account was in.
    pub from: CitizenStatus,
    /// What was attempted.
    pub event: CitizenEvent,
}

impl CitizenStatus {
    /// Every status, for exhaustive checks and property tests.
    pub const ALL: [CitizenStatus; 4] = [
        CitizenStatus::Pending,
        CitizenStatus::Active,
        CitizenStatus::Unsubscribed,
        CitizenStatus::Legacy,
    ];

    /// The status of an account created by a registration act.
    pub const REGISTERED: CitizenStatus = CitizenStatus::Pending;

    /// The status of an account imported from the Social Security register.
    pub const IMPORTED: CitizenStatus = CitizenStatus::Legacy;

    /// The value stored in the `status` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Active => "active",
            Self::Unsubscribed => "unsubscribed",
            Self::Legacy => "legacy",
        }
    }

    /// Reads the value of the `status` column; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The status after `event`, or why the event is refused.
    pub fn apply(self, event: CitizenEvent) -> Result<CitizenStatus, InvalidTransition> {
        use CitizenStatus::{Active, Legacy, Pending, Unsubscribed};
        let next = match (self, event) {
            (Pending, CitizenEvent::Activate) => Some(Active),
            // A legacy account keeps its status when its password changes: only
            // the citizen's consent migrates it.
            (Pending | Active, CitizenEvent::SetPassword) => Some(Active),
            (Legacy, CitizenEvent::SetPassword) => Some(Legacy),
            (Active, CitizenEvent::Unsubscribe) => Some(Unsubscribed),
            (Legacy, CitizenEvent::AcceptMigration) => Some(Active),
            (Pending | Unsubscribed | Legacy, CitizenEvent::NewRegistrationAct) => Some(Pending),
            _ => None,
        };
        next.ok_or(InvalidTransition { from: self, event })
    }

    /// Pending → active: the first password was set.
    pub fn activate(self) -> Result<CitizenStatus, InvalidTransition> {
        self.apply(CitizenEvent::Activate)
    }

    /// The status after a password is set (activation, recovery, change, renewal).
    pub fn set_password(self) -> Result<CitizenStatus, InvalidTransition> {
        self.apply(CitizenEvent::SetPassword)
    }

    /// Active → unsubscribed: the citizen closed the account.
    pub fn unsubscribe(self) -> Result<CitizenStatus, InvalidTransition> {
        self.apply(CitizenEvent::Unsubscribe)
    }

    /// Legacy → active: the citizen consented to Cl@ve.
    pub fn accept_migration(self) -> Result<CitizenStatus, InvalidTransition> {
        self.apply(CitizenEvent::AcceptMigration)
    }

    /// A new registration act reopens any account that is not active, as pending.
    pub fn new_registration_act(self) -> Result<CitizenStatus, InvalidTransition> {
        self.apply(CitizenEvent::NewRegistrationAct)
    }

    /// The event that leads from this status to `to`, if one does.
    ///
    /// Used by the store to check a requested status change before writing it.
    pub fn event_to(self, to: CitizenStatus) -> Option<CitizenEvent> {
        [
            CitizenEvent::Activate,
            CitizenEvent::Unsubscribe,
            CitizenEvent::AcceptMigration,
            CitizenEvent::NewRegistrationAct,
            CitizenEvent::SetPassword,
        ]
        .into_iter()
        .find(|event| self.apply(*event) == Ok(to))
    }

    /// Whether entering this status voids the account's sessions and tokens.
    pub fn voids_sessions(self) -> bool {
        self == Self::Unsubscribed
    }

    /// Whether an account in this status may log in (and keep receiving tokens) at
    /// a relying party; `social_security` tells whether that party is a Social
    /// Security service, the only place where legacy users may log in.
    pub fn may_log_in_at(self, social_security: bool) -> bool {
        match self {
            Self::Active => true,
            Self::Legacy => social_security,
            Self::Pending | Self::Unsubscribed => false,
        }
    }
}

impl fmt::Display for CitizenStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for CitizenEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Activate => "be activated",
            Self::SetPassword => "set a password",
            Self::Unsubscribe => "be unsubscribed",
            Self::AcceptMigration => "accept the legacy migration",
            Self::NewRegistrationAct => "be registered again",
        })
    }
}

/// A consecutive-failure limit on a credential.
///
/// The store counts failures in one atomic statement and sets the block when the
/// new count reaches [`FailureLimit::blocks_at`], which it binds as a parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailureLimit {
    blocks_at: i32,
}

/// More than 5 wrong activation codes block the code for good.
pub const ACTIVATION_CODE_LIMIT: FailureLimit = FailureLimit { blocks_at: 6 };

/// 5 consecutive wrong passwords block the password (not a timed lockout).
pub const PASSWORD_LIMIT: FailureLimit = FailureLimit { blocks_at: 5 };

impl FailureLimit {
    /// The failure count at which the credential is blocked.
    pub const fn blocks_at(self) -> i32 {
        self.blocks_at
    }

    /// Whether this many failures block the credential.
    pub fn is_blocked(self, failures: i32) -> bool {
        failures >= self.blocks_at
    }

    /// Whether the failure that brought the count to `failures` set the block:
    /// true for exactly one count, so one caller sees the block happen.
    pub fn just_blocked(self, failures: i32) -> bool {
        failures == self.blocks_at
    }
}

/// How long a password lasts after it was set: 2 years. Any change restarts it.
pub const PASSWORD_LIFETIME_SECS: i64 = 2 * 365 * 24 * 3600;

/// When a password set at `set_at` expires.
pub fn password_expires_at(set_at: UnixTime) -> UnixTime {
    set_at.saturating_add(PASSWORD_LIFETIME_SECS)
}

/// Whether a password set at `set_at` has expired at `now`. A password with no
/// recorded set time counts as expired, so the citizen is asked for a new one.
pub fn password_expired(set_at: Option<UnixTime>, now: UnixTime) -> bool {
    set_at.is_none_or(|at| now >= password_expires_at(at))
}

#[cfg(test)]
mod tests {
    use super::CitizenStatus::{Active, Legacy, Pending, Unsubscribed};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_pending_account_is_activated_and_an_active_one_is_not_activated_again() {
        assert_eq!(Pending.activate(), Ok(Active));
        for status in [Active, Unsubscribed, Legacy] {
            assert_eq!(
                status.activate(),
                Err(InvalidTransition {
                    from: status,
                    event: CitizenEvent::Activate
                })
            );
        }
    }

    #[test]
    fn only_an_active_account_can_be_unsubscribed() {
        assert_eq!(Active.unsubscribe(), Ok(Unsubscribed));
        for status in [Pending, Unsubscribed, Legacy] {
            assert!(status.unsubscribe().is_err(), "{status}");
        }
    }

    #[test]
    fn only_a_legacy_account_accepts_the_migration() {
        assert_eq!(Legacy.accept_migration(), Ok(Active));
        for status in [Pending, Active, Unsubscribed] {
            assert!(status.accept_migration().is_err(), "{status}");
        }
    }

    #[test]
    fn a_new_registration_act_reopens_every_account_but_an_active_one() {
        for status in [Pending, Unsubscribed, Legacy] {
            assert_eq!(status.new_registration_act(), Ok(Pending), "{status}");
        }
        assert!(Active.new_registration_act().is_err());
    }

    #[test]
    fn setting_a_password_activates_but_keeps_legacy_and_refuses_a_closed_account() {
        assert_eq!(Pending.set_password(), Ok(Active));
        assert_eq!(Active.set_password(), Ok(Active));
        assert_eq!(Legacy.set_password(), Ok(Legacy));
        assert!(Unsubscribed.set_password().is_err());
    }

    #[test]
    fn the_refusal_names_the_status_and_the_event() {
        let error = Pending.unsubscribe().unwrap_err();
        assert_eq!(
            error.to_string(),
            "a pending account cannot be unsubscribed"
        );
    }

    #[test]
    fn the_status_change_to_unsubscribed_is_found_and_voids_sessions() {
        assert_eq!(
            Active.event_to(Unsubscribed),
            Some(CitizenEvent::Unsubscribe)
        );
        assert_eq!(Legacy.event_to(Active), Some(CitizenEvent::AcceptMigration));
        assert_eq!(Pending.event_to(Unsubscribed), None);
        assert!(Unsubscribed.voids_sessions());
        assert!(!Active.voids_sessions());
    }

    #[test]
    fn active_accounts_log_in_anywhere_and_legacy_ones_only_at_social_security() {
        assert!(Active.may_log_in_at(false) && Active.may_log_in_at(true));
        assert!(Legacy.may_log_in_at(true) && !Legacy.may_log_in_at(false));
        for status in [Pending, Unsubscribed] {
            assert!(!status.may_log_in_at(true) && !status.may_log_in_at(false));
        }
    }

    #[test]
    fn the_stored_names_round_trip_and_nothing_else_parses() {
        for status in CitizenStatus::ALL {
            assert_eq!(CitizenStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(CitizenStatus::parse("Active"), None);
        assert_eq!(CitizenStatus::parse(""), None);
    }

    #[test]
    fn the_sixth_wrong_activation_code_blocks_it() {
        assert!(!ACTIVATION_CODE_LIMIT.is_blocked(5));
        assert!(ACTIVATION_CODE_LIMIT.is_blocked(6));
        assert!(ACTIVATION_CODE_LIMIT.just_blocked(6));
        assert!(!ACTIVATION_CODE_LIMIT.just_blocked(7));
    }

    #[test]
    fn the_fifth_consecutive_wrong_password_blocks_it() {
        assert!(!PASSWORD_LIMIT.is_blocked(4));
        assert!(PASSWORD_LIMIT.is_blocked(5));
        assert!(PASSWORD_LIMIT.just_blocked(5));
        assert!(!PASSWORD_LIMIT.just_blocked(6));
    }

    #[test]
    fn a_password_expires_exactly_two_years_after_it_was_set() {
        let set_at = 1_700_000_000;
        let two_years = 2 * 365 * 24 * 3600;
        assert!(!password_expired(Some(set_at), set_at + two_years - 1));
        assert!(password_expired(Some(set_at), set_at + two_years));
        assert_eq!(password_expires_at(set_at), set_at + two_years);
    }

    #[test]
    fn a_password_without_a_set_time_counts_as_expired() {
        assert!(password_expired(None, 0));
    }

    fn any_status() -> impl Strategy<Value = CitizenStatus> {
        prop::sample::select(CitizenStatus::ALL.to_vec())
    }

    fn any_event() -> impl Strategy<Value = CitizenEvent> {
        prop::sample::select(vec![
            CitizenEvent::Activate,
            CitizenEvent::SetPassword,
            CitizenEvent::Unsubscribe,
            CitizenEvent::AcceptMigration,
            CitizenEvent::NewRegistrationAct,
        ])
    }

    proptest! {
        #[test]
        fn no_sequence_of_events_reopens_a_closed_account_but_a_registration_act(
            events in prop::collection::vec(any_event(), 0..20),
        ) {
            let mut status = Unsubscribed;
            for event in events {
                if let Ok(next) = status.apply(event) {
                    if status == Unsubscribed {
                        prop_assert_eq!(event, CitizenEvent::NewRegistrationAct);
                    }
                    status = next;
                }
            }
        }

        #[test]
        fn a_refused_event_reports_where_it_came_from(
            status in any_status(),
            event in any_event(),
        ) {
            if let Err(refused) = status.apply(event) {
                prop_assert_eq!(refused, InvalidTransition { from: status, event });
            }
        }

        #[test]
        fn a_failure_limit_blocks_from_its_threshold_on_and_sets_the_block_once(
            failures in 0i32..1000,
        ) {
            for limit in [ACTIVATION_CODE_LIMIT, PASSWORD_LIMIT] {
                prop_assert_eq!(limit.is_blocked(failures), failures >= limit.blocks_at());
                prop_assert_eq!(
                    limit.just_blocked(failures),
                    limit.is_blocked(failures) && !limit.is_blocked(failures - 1)
                );
            }
        }

        #[test]
        fn a_password_is_valid_before_its_lifetime_and_expired_after(
            set_at in 0i64..4_000_000_000,
            age in 0i64..(4 * PASSWORD_LIFETIME_SECS),
        ) {
            prop_assert_eq!(
                password_expired(Some(set_at), set_at + age),
                age >= PASSWORD_LIFETIME_SECS
            );
        }
    }
}
