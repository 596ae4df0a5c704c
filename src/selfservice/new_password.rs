//! Choosing a new password: the policy of DESIGN.md, the confirmation, and not
//! the current password again. Shared by every flow that sets one and by the
//! renewal of an expired password at login.

use crate::crypto::HashError;
use crate::domain::{DocumentId, PasswordPolicy, PersonalData, normalize_password};
use crate::state::AppState;
use crate::store::sql::CitizenRecord;
use crate::web::{FieldError, PageError};

/// Checks a new password and hashes it; `Ok(Err(errors))` lists every problem at
/// once (each failed rule, a confirmation that differs, the current password).
pub async fn check_and_hash(
    state: &AppState,
    citizen: &CitizenRecord,
    new_password: &str,
    confirm: &str,
) -> Result<Result<String, Vec<FieldError>>, PageError> {
    let document = DocumentId::parse(&citizen.id)
        .map_err(|e| PageError::Internal(anyhow::anyhow!("stored DNI/NIE does not parse: {e}")))?;
    let person = PersonalData {
        given_name: &citizen.given_name,
        first_surname: &citizen.first_surname,
        second_surname: citizen.second_surname.as_deref(),
        document: &document,
    };
    let mut errors = Vec::new();
    let checked = PasswordPolicy::new(state.settings.password_policy).check(new_password, &person);
    if let Err(violations) = &checked {
        errors.extend(
            violations
                .iter()
                .map(|v| FieldError::from_error("new_password", v)),
        );
    }
    if normalize_password(new_password) != normalize_password(confirm) {
        errors.push(FieldError::new(
            "new_password_confirm",
            "password-confirm-mismatch",
        ));
    }
    let password = match checked {
        Ok(password) if errors.is_empty() => password,
        _ => return Ok(Err(errors)),
    };
    if citizen.password_hash.is_some() {
        let same = state
            .hasher
            .verify(password.expose(), citizen.password_hash.as_deref())
            .await
            .map_err(hash_failure)?;
        if same {
            return Ok(Err(vec![FieldError::new(
                "new_password",
                "password-same-as-current",
            )]));
        }
    }
    let hash = state
        .hasher
        .hash(password.expose())
        .await
        .map_err(hash_failure)?;
    Ok(Ok(hash))
}

/// Whether `password` (NFC-normalised) matches `stored`; `None` costs the same
/// dummy verification, so unknown accounts take as long as known ones.
pub async fn verify_password(
    state: &AppState,
    password: &str,
    stored: Option<&str>,
) -> Result<bool, PageError> {
    match state.hasher.verify(password, stored).await {
        Ok(matches) => Ok(matches),
        Err(HashError::MalformedHash) => Ok(false),
        Err(other) => Err(hash_failure(other)),
    }
}

/// A hashing failure as a page error: a full pool is "try again shortly".
pub fn hash_failure(error: HashError) -> PageError {
    match error {
        HashError::Busy => PageError::TooManyRequests {
            retry_after_secs: 5,
        },
        other => PageError::Internal(anyhow::anyhow!("password hashing failed: {other:?}")),
    }
}
