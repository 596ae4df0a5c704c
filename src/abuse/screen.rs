//! The one gate every form that checks a credential passes first: the attempt is
//! counted, past the address's hard quota it is refused (429 with the true wait),
//! past a soft quota it goes on only with a solved challenge: the proof-of-work
//! the browser solves by itself ([`super::pow`]), or, without scripts, the right
//! answer to the security question or the code of its SMS alternative
//! ([`super::alternative`]). Counted before anything is checked, so a bot that cannot answer can
//! never make an account's failure block happen; given back by the caller
//! ([`Guard::not_a_failure`]) when the attempt was no failure.

use std::net::IpAddr;

use super::question::{self, Question};
use super::{Counted, Gate, Guard, Scope};
use crate::store::ephemeral::EphemeralStore;
use crate::web::{FieldError, Lang, PageError};

/// What the form carried for the challenge.
#[derive(Debug, Clone, Copy, Default)]
pub struct Answer<'a> {
    /// The question's id (hidden field `captcha_id`).
    pub id: &'a str,
    /// The citizen's answer (`captcha_answer`).
    pub answer: &'a str,
    /// The proof-of-work the widget solved (field `altcha`).
    pub pow: &'a str,
    /// Whether the form carried the right code of the SMS alternative (checked
    /// by the caller with [`Guard::alternative_passed`]).
    pub alternative: bool,
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
    /// A new security question for the form bound to `bound`, with the form tag
    /// its proof-of-work challenge is fetched for.
    pub async fn ask(
        &self,
        store: &dyn EphemeralStore,
        lang: Lang,
        bound: &str,
    ) -> Result<Question, PageError> {
        let mut next = question::ask(store, lang, bound).await?;
        next.pow_form = self.pow.form_tag(bound);
        Ok(next)
    }

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
                let answered = if answer.alternative {
                    true
                } else if !answer.pow.is_empty() {
                    self.pow
                        .solved(store, answer.pow, bound, self.now())
                        .await?
                } else {
                    question::check(store, answer.id, bound, answer.answer).await?
                };
                let next = self.ask(store, lang, bound).await?;
                if answered {
                    return Ok(Screening::Pass {
                        next: Some(next),
                        counted,
                    });
                }
                let key = if answer.answer.trim().is_empty() && answer.pow.is_empty() {
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
