//! The account rules as types: a value of these types has passed its rule.
//!
//! Each type has private fields and is made only by parsing (or, for secrets, by
//! generating), so the rest of the crate never re-checks a DNI/NIE, an e-mail or a
//! password: holding the value *is* the proof. Types that travel through serde
//! deserialise through the same `parse` (`#[serde(try_from = "String")]`). Secrets
//! ([`NewPassword`], [`ActivationCode`], [`OtpCode`]) redact their `Debug` and have
//! no `Display`, so they cannot leak into logs by accident.

pub mod activation_code;
pub mod assurance;
pub mod audit;
pub mod citizen;
pub mod client;
pub mod client_profile;
mod common_passwords;
pub mod device;
pub mod document_id;
pub mod email;
pub mod local_time;
pub mod new_password;
pub mod otp;
pub mod password_policy;
mod password_rules;
pub mod person_name;
pub mod phone;
pub mod policy_violation;
pub mod scope;

pub use activation_code::{ActivationCode, ActivationCodeError};
pub use assurance::{ACR_LOW, ACR_SUBSTANTIAL, Amr, Assurance};
pub use audit::AuditKind;
pub use citizen::{
    ACTIVATION_CODE_LIMIT, CitizenEvent, CitizenStatus, FailureLimit, InvalidTransition,
    PASSWORD_LIFETIME_SECS, PASSWORD_LIMIT, password_expired, password_expires_at,
};
pub use client::{ClientKind, RegisteredUri};
pub use client_profile::{ClientProfile, Encryption, JweAlg, JweEnc};
pub use device::{Device, masked_network};
pub use document_id::{DocumentId, DocumentIdError, DocumentKind};
pub use email::{Email, EmailError};
pub use local_time::MadridTime;
pub use new_password::{NewPassword, normalize_password};
pub use otp::{OtpCode, OtpError};
pub use password_policy::{PasswordPolicy, PersonalData, PolicyProfile};
pub use person_name::{PersonName, PersonNameError};
pub use phone::{MobilePhone, PhoneError};
pub use policy_violation::PolicyViolation;
pub use scope::{Scope, Scopes};
