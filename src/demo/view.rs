//! How the home page shows what the portal received: one row per claim, in a fixed
//! order, taken from userinfo or else from the ID token, and both responses as JSON
//! for the curious.

use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::records::DemoSession;

/// The claims shown, in order, with the catalog key of their description.
const SHOWN: [(&str, &str); 10] = [
    ("sub", "demo-claim-sub"),
    ("name", "demo-claim-name"),
    ("given_name", "demo-claim-given-name"),
    ("family_name", "demo-claim-family-name"),
    ("nif", "demo-claim-nif"),
    ("email", "demo-claim-email"),
    ("phone_number", "demo-claim-phone-number"),
    ("acr", "demo-claim-acr"),
    ("amr", "demo-claim-amr"),
    ("auth_time", "demo-claim-auth-time"),
];

/// One claim as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimRow {
    /// The claim's name (`nif`).
    pub name: &'static str,
    /// The catalog key of its description.
    pub label_key: &'static str,
    /// Its value, as text.
    pub value: String,
    /// `userinfo` or `id_token`.
    pub source: &'static str,
}

/// What the home page shows of a session.
#[derive(Debug, Clone, Serialize)]
pub struct SessionView {
    /// The claims, in the order of [`SHOWN`]; absent ones are left out.
    pub claims: Vec<ClaimRow>,
    /// The ID token's claims, pretty JSON.
    pub id_token_json: String,
    /// The userinfo response, pretty JSON.
    pub userinfo_json: String,
    /// The access token's type when not `Bearer` (the government profile's `DPoP`).
    pub token_type: Option<String>,
}

impl SessionView {
    /// The view of `session`.
    pub fn of(session: &DemoSession) -> Self {
        let claims = SHOWN
            .iter()
            .filter_map(|&(name, label_key)| {
                let (value, source) = match session.userinfo.get(name) {
                    Some(value) => (value, "userinfo"),
                    None => (session.id_token_claims.get(name)?, "id_token"),
                };
                Some(ClaimRow {
                    name,
                    label_key,
                    value: as_text(name, value),
                    source,
                })
            })
            .collect();
        Self {
            claims,
            id_token_json: pretty(&session.id_token_claims),
            userinfo_json: pretty(&session.userinfo),
            token_type: session.token_type.clone(),
        }
    }
}

/// A claim value as text: strings as they are, lists joined, `auth_time` as a UTC
/// date and time.
fn as_text(name: &str, value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Array(items) => items
            .iter()
            .map(|item| as_text(name, item))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Number(number) if name == "auth_time" => number
            .as_i64()
            .and_then(|secs| OffsetDateTime::from_unix_timestamp(secs).ok())
            .and_then(|at| at.format(&Rfc3339).ok())
            .unwrap_or_else(|| number.to_string()),
        other => other.to_string(),
    }
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn session(id_token: Value, userinfo: Value) -> DemoSession {
        DemoSession {
            id_token: "h.p.s".to_owned(),
            id_token_claims: id_token,
            userinfo,
            token_type: None,
        }
    }

    #[test]
    fn claims_come_from_userinfo_first_then_from_the_id_token_in_a_fixed_order() {
        let view = SessionView::of(&session(
            json!({"sub": "abc", "acr": "http://eidas.europa.eu/LoA/low", "amr": ["pwd"], "auth_time": 0}),
            json!({"sub": "abc", "nif": "12345678Z", "name": "María García López"}),
        ));
        let rows: Vec<(&str, &str, &str)> = view
            .claims
            .iter()
            .map(|r| (r.name, r.value.as_str(), r.source))
            .collect();
        assert_eq!(
            rows,
            [
                ("sub", "abc", "userinfo"),
                ("name", "María García López", "userinfo"),
                ("nif", "12345678Z", "userinfo"),
                ("acr", "http://eidas.europa.eu/LoA/low", "id_token"),
                ("amr", "pwd", "id_token"),
                ("auth_time", "1970-01-01T00:00:00Z", "id_token"),
            ]
        );
    }

    #[test]
    fn lists_are_joined_and_both_responses_are_kept_as_json() {
        let view = SessionView::of(&session(json!({"amr": ["pwd", "sms"]}), json!({})));
        assert_eq!(view.claims[0].value, "pwd, sms");
        assert!(view.id_token_json.contains("\"sms\""));
        assert_eq!(view.userinfo_json, "{}");
    }
}
