//! Every path the provider serves, named once.
//!
//! The routers (`oidc::routes`, `login::routes`, `selfservice::routes`,
//! `web::routes`, `startup::router`) and every redirect build their paths from
//! these names, so a URL seen in a browser is found here and followed to the one
//! handler its router names. Paths that other programs depend on (discovery, the
//! self-service entry pages, health) are stable: see `docs/architecture.md`.
//! Templates write the few paths their forms post to literally (tera escapes `/`
//! in variables); `web::template_list` renders each of them in a test.

/// OpenID Connect Discovery 1.0 §4.
pub const DISCOVERY: &str = "/.well-known/openid-configuration";
/// The provider's public keys (RFC 7517).
pub const JWKS: &str = "/jwks";
/// The authorization endpoint (OIDC Core §3.1.2).
pub const AUTHORIZE: &str = "/authorize";
/// The token endpoint (OIDC Core §3.1.3).
pub const TOKEN: &str = "/token";
/// The userinfo endpoint (OIDC Core §5.3).
pub const USERINFO: &str = "/userinfo";
/// Token introspection (RFC 7662).
pub const INTROSPECT: &str = "/introspect";
/// Pushed authorization requests (RFC 9126).
pub const PAR: &str = "/par";
/// Token revocation (RFC 7009).
pub const REVOKE: &str = "/revoke";
/// RP-initiated logout (OIDC RP-Initiated Logout 1.0 §2).
pub const LOGOUT: &str = "/logout";
/// The citizen's answer to "log out of Cl@ve?".
pub const LOGOUT_CONFIRM: &str = "/logout/confirm";

/// The method-selection screen, first page of every login.
pub const LOGIN: &str = "/login";
/// "Cancel and go back to the portal" (`access_denied` to the portal).
pub const LOGIN_CANCEL: &str = "/login/cancel";
/// Cl@ve Permanente: DNI/NIE and password.
pub const LOGIN_PASSWORD: &str = "/login/permanente";
/// The SMS code of a login at level of assurance substantial.
pub const LOGIN_OTP: &str = "/login/otp";
/// Sends the login's SMS code again.
pub const LOGIN_OTP_RESEND: &str = "/login/otp/resend";
/// The SMS code and new password of an expired password, at login.
pub const LOGIN_RENEW: &str = "/login/renew";
/// The migration offered to a legacy Social Security user, at login.
pub const LOGIN_LEGACY: &str = "/login/legacy";

/// The paths of one self-service flow: its entry page and its steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlowPaths {
    /// The entry page (stable: portals and help pages link to it).
    pub start: &'static str,
    /// The SMS code.
    pub code: &'static str,
    /// Sends the SMS code again.
    pub code_resend: &'static str,
    /// The new password.
    pub password: &'static str,
    /// The confirmation of an irreversible step.
    pub confirm: &'static str,
    /// The end page, reached by a redirect after the step that finishes the flow
    /// (Post/Redirect/Get: Back and reload never send that step again).
    pub done: &'static str,
}

/// Activation: activation code + SMS code + first password.
pub const ACTIVATION: FlowPaths = FlowPaths {
    start: "/activate",
    code: "/activate/code",
    code_resend: "/activate/code/resend",
    password: "/activate/password",
    confirm: "/activate/confirm",
    done: "/activate/done",
};
/// Forgotten or blocked password: activation code + SMS code + new password.
pub const PASSWORD_RESET: FlowPaths = FlowPaths {
    start: "/password/forgot",
    code: "/password/forgot/code",
    code_resend: "/password/forgot/code/resend",
    password: "/password/forgot/password",
    confirm: "/password/forgot/confirm",
    done: "/password/forgot/done",
};
/// Password change: current password + SMS code + new password.
pub const PASSWORD_CHANGE: FlowPaths = FlowPaths {
    start: "/password/change",
    code: "/password/change/code",
    code_resend: "/password/change/code/resend",
    password: "/password/change/password",
    confirm: "/password/change/confirm",
    done: "/password/change/done",
};
/// Closing the account: password + SMS code + confirmation.
pub const UNSUBSCRIBE: FlowPaths = FlowPaths {
    start: "/unsubscribe",
    code: "/unsubscribe/code",
    code_resend: "/unsubscribe/code/resend",
    password: "/unsubscribe/password",
    confirm: "/unsubscribe/confirm",
    done: "/unsubscribe/done",
};
/// A new activation code: password + SMS code.
pub const CODE_REGENERATION: FlowPaths = FlowPaths {
    start: "/activation-code/regenerate",
    code: "/activation-code/regenerate/code",
    code_resend: "/activation-code/regenerate/code/resend",
    password: "/activation-code/regenerate/password",
    confirm: "/activation-code/regenerate/confirm",
    done: "/activation-code/regenerate/done",
};

/// The first page of the flow `path` belongs to, where a citizen starts again
/// after an error there (a form or a flow that expired); `None` where only the
/// portal can start again (a login) or nothing needs starting.
pub fn start_of(path: &str) -> Option<&'static str> {
    let within = |start: &str| {
        path == start
            || path
                .strip_prefix(start)
                .is_some_and(|rest| rest.starts_with('/'))
    };
    [
        ACTIVATION,
        PASSWORD_RESET,
        PASSWORD_CHANGE,
        UNSUBSCRIBE,
        CODE_REGENERATION,
    ]
    .into_iter()
    .map(|flow| flow.start)
    .chain([ACCOUNT])
    .find(|start| within(start))
}

/// The home page.
pub const HOME: &str = "/";
/// Help for citizens.
pub const HELP: &str = "/help";
/// Help about the migration of legacy Social Security users.
pub const HELP_LEGACY: &str = "/help/legacy";
/// The cookie notice.
pub const COOKIES: &str = "/cookies";
/// The privacy notice.
pub const PRIVACY: &str = "/privacy";
/// The language switch (`?lang=…&next=…`).
pub const LANGUAGE: &str = "/language";
/// CSS, scripts and images embedded in the binary.
pub const STATIC: &str = "/static/{*file}";

/// Liveness: 200 while the process runs.
pub const HEALTHZ: &str = "/healthz";
/// Readiness: 200 only while the database and the ephemeral store answer.
pub const READYZ: &str = "/readyz";
/// Prometheus metrics.
pub const METRICS: &str = "/metrics";
/// A proof-of-work challenge for the form `?form=` (`abuse::pow`), fetched by
/// the vendored ALTCHA widget.
pub const CHALLENGE: &str = "/challenge";

/// The citizen's account page, "Mi Cl@ve" (stable: portals link to it and
/// discovery names it, `account_management_uri`).
pub const ACCOUNT: &str = "/account";
/// Where the account page's own login comes back (its redirect URI).
pub const ACCOUNT_CALLBACK: &str = "/account/callback";
/// Ends one open session of the citizen (`sid`).
pub const ACCOUNT_SESSION_END: &str = "/account/sessions/end";
/// Ends every session and SSO of the citizen (stable).
pub const ACCOUNT_SESSIONS_END_ALL: &str = "/account/sessions/end-all";
/// Forgets one trusted browser (`id`).
pub const ACCOUNT_BROWSER_FORGET: &str = "/account/browsers/forget";
/// "This wasn't me" (stable): GET asks, POST acts.
pub const ACCOUNT_NOT_ME: &str = "/account/not-me";

/// The demo portal's home (development profile).
pub const DEMO: &str = "/demo";
/// The demo portal starts a login.
pub const DEMO_LOGIN: &str = "/demo/login";
/// The demo portal's redirect URI.
pub const DEMO_CALLBACK: &str = "/demo/callback";
/// The demo portal logs out.
pub const DEMO_LOGOUT: &str = "/demo/logout";

/// `path?tx=…`: a login screen of the transaction `tx` (ids are URL-safe).
pub fn login_step(path: &str, tx: &str) -> String {
    format!("{path}?tx={tx}")
}

/// `path?tx=…&notice=…`: a code screen with what the last send did.
pub fn login_step_with_notice(path: &str, tx: &str, notice: &str) -> String {
    format!("{path}?tx={tx}&notice={notice}")
}

/// `path?flow=…&notice=…`: a self-service step of the flow `flow`.
pub fn flow_step(path: &str, flow: &str, notice: Option<&str>) -> String {
    match notice {
        Some(notice) => format!("{path}?flow={flow}&notice={notice}"),
        None => format!("{path}?flow={flow}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FLOWS: [FlowPaths; 5] = [
        ACTIVATION,
        PASSWORD_RESET,
        PASSWORD_CHANGE,
        UNSUBSCRIBE,
        CODE_REGENERATION,
    ];

    #[test]
    fn every_step_of_a_flow_lives_under_its_entry_page() {
        for flow in FLOWS {
            for step in [
                flow.code,
                flow.code_resend,
                flow.password,
                flow.confirm,
                flow.done,
            ] {
                let rest = step.strip_prefix(flow.start).unwrap_or_default();
                assert!(rest.starts_with('/'), "{step} is not under {}", flow.start);
            }
        }
    }

    #[test]
    fn step_urls_carry_their_transaction_and_notice() {
        assert_eq!(login_step(LOGIN_OTP, "abc"), "/login/otp?tx=abc");
        assert_eq!(
            login_step_with_notice(LOGIN_RENEW, "abc", "sent"),
            "/login/renew?tx=abc&notice=sent"
        );
        assert_eq!(
            flow_step(ACTIVATION.code, "f1", Some("resent")),
            "/activate/code?flow=f1&notice=resent"
        );
        assert_eq!(
            flow_step(UNSUBSCRIBE.confirm, "f1", None),
            "/unsubscribe/confirm?flow=f1"
        );
    }
}
