//! The one gate every form that checks a credential passes first: the attempt is
//! counted, past the address's hard quota it is refused (429 with the true wait),
//! past a soft quota it goes on only with the right answer to the security
//! question. Counted before anything is checked, so a bot that cannot answer can
//! never make an account's failure block happen; given back by the caller
//! ([`Guard::not_a_failure`]) when the attempt was no failure.

use std::net::IpAddr;

use super::question::{self, Question};
use super::{Counted, Gate, Guard, Scope};
use crate::store::ephemeral::EphemeralStore;
use crate::web::{FieldError, Lang, PageError};

/// What the form carried for the security question.
#[derive(Debug, Clone, Copy)]
pub struct Answer<'a> {
    /// The question's id (hidden field `captcha_id`).
    pub id: &'a str,
    /// The citizen's answer (`captcha_answer`).
    pub answer: &'a str,
}

/// The gate's verdict on a posted form.
#[derive(Debug)]
pub enum Screening {
    /// Go on. `next` is the question to show if the form comes back (the quotas
    /// asked for one and it was answered).
    Pass {
        /// The next question, if one must be shown with the form again.
        next: Option<Question>,
        /// The attempt as counted: give it back if it was no failure.
        counted: Counted,
    },
    /// Not without the right answer: show the form again with `next` and `error`.
    Stopped {
        /// The new question.
        next: Question,
        /// What was wrong with the answer.
        error: FieldError,
    },
}

impl Guard {
    /// Counts one attempt of `scope` from `ip` for `account` and screens the form
    /// bound to `bound` (the question is single use and valid only for it). A
    /// browser the account trusts (`trusted`) is neither counted here nor asked:
    /// its failures count in its own lane (`auth::trusted`), so pressure from
    /// elsewhere never reaches it.
    pub async fn screen(
        &self,
        store: &dyn EphemeralStore,
        lang: Lang,
        attempt: (Scope, IpAddr, Option<&str>),
        trusted: bool,
        bound: &str,
        answer: Answer<'_>,
    ) -> Result<Screening, PageError> {
        if trusted {
            return Ok(Screening::Pass {
                next: None,
                counted: Counted::default(),
            });
        }
        let (scope, ip, account) = attempt;
        let (gate, counted) = self.gate(scope, ip, account).await?;
        match gate {
            Gate::Refused(wait) => Err(PageError::TooManyRequests {
                retry_after_secs: wait.as_secs().max(1),
            }),
            Gate::Open => Ok(Screening::Pass {
                next: None,
                counted,
            }),
            Gate::Question => {
                let answered = question::check(store, answer.id, bound, answer.answer).await?;
                let next = question::ask(store, lang, bound).await?;
                if answered {
                    return Ok(Screening::Pass {
                        next: Some(next),
                        counted,
                    });
                }
                let key = if answer.answer.trim().is_empty() {
                    "question-required"
                } else {
                    "question-wrong"
                };
                Ok(Screening::Stopped {
                    next,
                    error: FieldError::new("captcha_answer", key),
                })
            }
        }
    }
}
