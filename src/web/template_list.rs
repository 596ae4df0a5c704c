//! THE list of templates compiled into the binary: add yours here.
//!
//! Templates are embedded with `include_str!` so the binary needs no `templates/`
//! folder at run time and a template syntax error fails the start-up (and the
//! `every_template_renders_in_every_language` test), not a citizen's request.
//! The name is the path under `templates/`; pages extend `base.html` and import
//! `macros/forms.html`.

/// `(name, source)` of every template, parsed once by [`super::Templates::new`].
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    // Web layer: layout, partials, macros, shared pages.
    ("base.html", include_str!("../../templates/base.html")),
    (
        "partials/steps.html",
        include_str!("../../templates/partials/steps.html"),
    ),
    (
        "partials/errors.html",
        include_str!("../../templates/partials/errors.html"),
    ),
    (
        "partials/lang_switch.html",
        include_str!("../../templates/partials/lang_switch.html"),
    ),
    (
        "macros/forms.html",
        include_str!("../../templates/macros/forms.html"),
    ),
    (
        "partials/cancel.html",
        include_str!("../../templates/partials/cancel.html"),
    ),
    (
        "partials/question.html",
        include_str!("../../templates/partials/question.html"),
    ),
    (
        "partials/question_alternative.html",
        include_str!("../../templates/partials/question_alternative.html"),
    ),
    ("error.html", include_str!("../../templates/error.html")),
    ("cookies.html", include_str!("../../templates/cookies.html")),
    ("privacy.html", include_str!("../../templates/privacy.html")),
    ("help.html", include_str!("../../templates/help.html")),
    ("home.html", include_str!("../../templates/home.html")),
    // Pages of the flows: append one line per template below, e.g.
    // ("login/form.html", include_str!("../../templates/login/form.html")),
    // The Cl@ve login screens and the protocol's own pages.
    (
        "login/method.html",
        include_str!("../../templates/login/method.html"),
    ),
    (
        "login/password.html",
        include_str!("../../templates/login/password.html"),
    ),
    (
        "login/otp_form.html",
        include_str!("../../templates/login/otp_form.html"),
    ),
    (
        "login/otp.html",
        include_str!("../../templates/login/otp.html"),
    ),
    (
        "login/renew_otp.html",
        include_str!("../../templates/login/renew_otp.html"),
    ),
    (
        "login/renew.html",
        include_str!("../../templates/login/renew.html"),
    ),
    (
        "login/account_status.html",
        include_str!("../../templates/login/account_status.html"),
    ),
    (
        "oidc/authorize_error.html",
        include_str!("../../templates/oidc/authorize_error.html"),
    ),
    (
        "oidc/logout_confirm.html",
        include_str!("../../templates/oidc/logout_confirm.html"),
    ),
    (
        "oidc/logout_done.html",
        include_str!("../../templates/oidc/logout_done.html"),
    ),
    // The self-service flows.
    (
        "selfservice/activation_start.html",
        include_str!("../../templates/selfservice/activation_start.html"),
    ),
    (
        "selfservice/reset_start.html",
        include_str!("../../templates/selfservice/reset_start.html"),
    ),
    (
        "selfservice/password_start.html",
        include_str!("../../templates/selfservice/password_start.html"),
    ),
    (
        "selfservice/code.html",
        include_str!("../../templates/selfservice/code.html"),
    ),
    (
        "selfservice/password.html",
        include_str!("../../templates/selfservice/password.html"),
    ),
    (
        "selfservice/password_rules.html",
        include_str!("../../templates/selfservice/password_rules.html"),
    ),
    (
        "selfservice/unsubscribe_confirm.html",
        include_str!("../../templates/selfservice/unsubscribe_confirm.html"),
    ),
    (
        "selfservice/done.html",
        include_str!("../../templates/selfservice/done.html"),
    ),
    (
        "selfservice/new_code.html",
        include_str!("../../templates/selfservice/new_code.html"),
    ),
    (
        "selfservice/status.html",
        include_str!("../../templates/selfservice/status.html"),
    ),
    // The demo portal (development profile only).
    (
        "demo/header.html",
        include_str!("../../templates/demo/header.html"),
    ),
    (
        "demo/home.html",
        include_str!("../../templates/demo/home.html"),
    ),
    (
        "demo/error.html",
        include_str!("../../templates/demo/error.html"),
    ),
    // Legacy Social Security users: the migration offer and its help text.
    (
        "legacy/consent.html",
        include_str!("../../templates/legacy/consent.html"),
    ),
    (
        "legacy/not_migrated.html",
        include_str!("../../templates/legacy/not_migrated.html"),
    ),
    (
        "legacy/help.html",
        include_str!("../../templates/legacy/help.html"),
    ),
    // The security notices (src/notices/): the same words as plain text and HTML.
    (
        "email/notice.txt",
        include_str!("../../templates/email/notice.txt"),
    ),
    (
        "email/notice.html",
        include_str!("../../templates/email/notice.html"),
    ),
    // The citizen's account page.
    (
        "account/overview.html",
        include_str!("../../templates/account/overview.html"),
    ),
    (
        "account/not_me.html",
        include_str!("../../templates/account/not_me.html"),
    ),
    (
        "account/ended.html",
        include_str!("../../templates/account/ended.html"),
    ),
];

/// Extra context (a JSON object) the template test needs to render a template whose
/// variables go beyond the base context; add `(name, r#"{"field": "value"}"#)` when
/// your template reads variables of its own.
#[cfg(test)]
pub(crate) const SAMPLE_CONTEXTS: &[(&str, &str)] = &[
    (
        "email/notice.txt",
        r#"{"subject": "S", "greeting": "Hola", "what": "W", "when": "04/12/2026 19:30 CET", "browser": "Firefox", "network": "203.0.113.x", "if_you": "Y", "if_not_you": "N", "action_label": "A", "action_url": "https://a/b", "account_url": "https://a/account"}"#,
    ),
    (
        "email/notice.html",
        r#"{"subject": "S", "greeting": "Hola", "what": "W", "when": "04/12/2026 19:30 CET", "browser": "Firefox", "network": "203.0.113.x", "if_you": "Y", "if_not_you": "N", "action_label": "A", "action_url": "https://a/b", "account_url": "https://a/account"}"#,
    ),
    (
        "macros/forms.html",
        r#"{"note": "macro files render to nothing; their use is tested in templates.rs"}"#,
    ),
    (
        "partials/cancel.html",
        r#"{"tx": "t", "client_name": "Sede"}"#,
    ),
    ("login/method.html", r#"{"tx": "t", "client_name": "Sede"}"#),
    (
        "login/password.html",
        r#"{"tx": "t", "client_name": "Sede", "username": "12345678Z"}"#,
    ),
    (
        "login/otp_form.html",
        r#"{"tx": "t", "phone": "+34 *** *** 233", "notice": "n", "action": "/login/otp", "resend_action": "/login/otp/resend", "hidden_name": "tx", "hidden_value": "t", "resend_after_secs": 60, "validity_minutes": 5}"#,
    ),
    (
        "login/otp.html",
        r#"{"tx": "t", "client_name": "Sede", "phone": "+34 *** *** 233", "notice": null, "resend_after_secs": 60, "validity_minutes": 5}"#,
    ),
    (
        "login/renew_otp.html",
        r#"{"tx": "t", "client_name": "Sede", "phone": "+34 *** *** 233", "notice": null, "resend_after_secs": 60, "validity_minutes": 5}"#,
    ),
    ("login/renew.html", r#"{"tx": "t", "client_name": "Sede"}"#),
    (
        "login/account_status.html",
        r#"{"message_key": "login-blocked", "tx": "t", "client_name": "Sede"}"#,
    ),
    (
        "oidc/authorize_error.html",
        r#"{"message_key": "error-authorize-unknown-client", "detail": "x"}"#,
    ),
    (
        "oidc/logout_confirm.html",
        r#"{"client_name": "Sede", "client_id": "c", "post_logout_redirect_uri": "https://a/b", "state": "s"}"#,
    ),
    (
        "selfservice/activation_start.html",
        r#"{"username": "", "email": "", "key": "activation", "base": "/activate"}"#,
    ),
    (
        "selfservice/reset_start.html",
        r#"{"username": "", "email": "", "key": "reset", "base": "/password/forgot"}"#,
    ),
    (
        "selfservice/password_start.html",
        r#"{"username": "", "email": "", "key": "change", "base": "/password/change"}"#,
    ),
    (
        "selfservice/code.html",
        r#"{"flow": "f", "base": "/activate", "phone": "+34 *** *** 233", "notice": null, "validity_minutes": 5, "resend_after_secs": 60}"#,
    ),
    (
        "selfservice/password.html",
        r#"{"flow": "f", "base": "/activate", "intro_key": "activation-password-intro"}"#,
    ),
    (
        "selfservice/unsubscribe_confirm.html",
        r#"{"flow": "f", "base": "/unsubscribe"}"#,
    ),
    (
        "selfservice/done.html",
        r#"{"message_key": "activation-done", "kind": "activation"}"#,
    ),
    (
        "selfservice/new_code.html",
        r#"{"activation_code": "ABCD-EFGH-JKMN-PQRS"}"#,
    ),
    (
        "selfservice/status.html",
        r#"{"message_key": "selfservice-code-blocked"}"#,
    ),
    (
        "demo/home.html",
        r#"{"logged_out": true, "acr_low": "l", "acr_substantial": "s", "session": {"claims": [{"name": "nif", "label_key": "demo-claim-nif", "value": "12345678Z", "source": "userinfo"}, {"name": "acr", "label_key": "demo-claim-acr", "value": "l", "source": "id_token"}], "id_token_json": "{}", "userinfo_json": "{}"}}"#,
    ),
    (
        "demo/error.html",
        r#"{"message_key": "demo-error-access-denied", "detail": "access_denied"}"#,
    ),
    (
        "legacy/consent.html",
        r#"{"tx": "t", "client_name": "Sede", "citizen_name": "María García López", "phone": "+34 *** *** 233"}"#,
    ),
    (
        "legacy/not_migrated.html",
        r#"{"tx": "t", "client_name": "Sede"}"#,
    ),
    (
        "account/overview.html",
        r#"{"given_name": "María", "done_key": "account-done-session-ended", "older": 7, "newer": true,
            "history": [{"when": {"text": "04/12/2026 07:41 CET", "datetime": "2026-12-04T07:41:00+01:00"}, "event_key": "account-event-login", "portal": "Sede", "level_key": "account-level-low", "browser": "Firefox · Linux", "network": "203.0.113.x", "warning": false},
                        {"when": {"text": "04/12/2026 07:40 CET", "datetime": "2026-12-04T07:40:00+01:00"}, "event_key": "account-event-password-blocked", "portal": null, "level_key": null, "browser": null, "network": null, "warning": true}],
            "sessions": [{"sid": "s1", "started": {"text": "t", "datetime": "d"}, "level_key": "account-level-substantial", "browser": "", "network": "203.0.113.x", "current": true}],
            "browsers": [{"id": "b1", "browser": "Chrome · Android", "first": {"text": "t", "datetime": "d"}, "last": {"text": "t", "datetime": "d"}, "blocked": true, "current": false}],
            "portals": [{"name": "Sede", "last": {"text": "t", "datetime": "d"}, "scopes": "openid profile"}]}"#,
    ),
    (
        "account/ended.html",
        r#"{"message_key": "account-not-me-done", "not_me": true}"#,
    ),
];
