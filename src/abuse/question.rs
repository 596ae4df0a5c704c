//! The security question, Cl@ve's measure against bots that would block citizens
//! by brute force: a sum written in words, readable by a screen reader and
//! translated, asked once an IP or an account makes too many attempts.
//!
//! The answer is kept server-side under a random id, bound to the form it was
//! asked on (a login transaction, a flow, a page), valid a few minutes, and taken
//! on the first check, right or wrong: each answer can be tried once.

use rand::RngExt;
use serde::{Deserialize, Serialize};

use crate::crypto::random_token;
use crate::store::ephemeral::keys::{KeySpace, Space};
use crate::store::ephemeral::{EphemeralError, EphemeralStore};
use crate::web::{Lang, tr_args};

const ES: [&str; 19] = [
    "cero",
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
];
const EN: [&str; 19] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
];

// The operands are 1 to 9 (`ask`): the other languages need no more words.
// Catalan and Valencian name the number one "u" ("u més dos").
const CA: [&str; 10] = [
    "zero", "u", "dos", "tres", "quatre", "cinc", "sis", "set", "vuit", "nou",
];
const GL: [&str; 10] = [
    "cero", "un", "dous", "tres", "catro", "cinco", "seis", "sete", "oito", "nove",
];
const EU: [&str; 10] = [
    "zero",
    "bat",
    "bi",
    "hiru",
    "lau",
    "bost",
    "sei",
    "zazpi",
    "zortzi",
    "bederatzi",
];

/// A question to show: its id (hidden field `captcha_id`) and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// The id of the stored answer.
    pub id: String,
    /// The question, in the page's language.
    pub text: String,
    /// The tag of the form a proof-of-work challenge is fetched for
    /// (`/challenge?form=…`, see [`super::pow::Pow::form_tag`]).
    pub pow_form: String,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    answer: u32,
    bound_to: String,
}

/// Questions asked ([`Space::Question`]).
const QUESTIONS: KeySpace<Stored> = KeySpace::new(Space::Question);

fn word(lang: Lang, n: u32) -> &'static str {
    let words: &[&str] = match lang {
        Lang::Es => &ES,
        Lang::Ca | Lang::CaValencia => &CA,
        Lang::Gl => &GL,
        Lang::Eu => &EU,
        Lang::En => &EN,
    };
    words.get(n as usize).copied().unwrap_or("?")
}

/// Asks a new question for the form `bound_to`.
pub async fn ask(
    store: &dyn EphemeralStore,
    lang: Lang,
    bound_to: &str,
) -> Result<Question, EphemeralError> {
    let (a, b) = {
        let mut rng = rand::rng();
        (rng.random_range(1..=9u32), rng.random_range(1..=9u32))
    };
    let id = random_token(16);
    let stored = Stored {
        answer: a + b,
        bound_to: bound_to.to_owned(),
    };
    QUESTIONS.put(store, &id, &stored).await?;
    let text = tr_args(
        lang,
        "question-sum",
        &[("a", word(lang, a)), ("b", word(lang, b))],
    );
    metrics::counter!("clave_challenges_total", "kind" => "question", "outcome" => "served")
        .increment(1);
    Ok(Question {
        id,
        text,
        pow_form: String::new(),
    })
}

/// Whether `answer` answers question `id` asked for `bound_to`; the question is
/// used up either way.
pub async fn check(
    store: &dyn EphemeralStore,
    id: &str,
    bound_to: &str,
    answer: &str,
) -> Result<bool, EphemeralError> {
    if id.is_empty() || id.len() > 64 {
        return Ok(false);
    }
    let Some(stored) = QUESTIONS.take(store, id).await? else {
        return Ok(false);
    };
    let right = stored.bound_to == bound_to && parse_answer(answer) == Some(stored.answer);
    let outcome = if right { "solved" } else { "failed" };
    metrics::counter!("clave_challenges_total", "kind" => "question", "outcome" => outcome)
        .increment(1);
    Ok(right)
}

/// Reads an answer written in digits or in words (either language, with or
/// without accents).
pub fn parse_answer(answer: &str) -> Option<u32> {
    let answer = answer.trim().to_lowercase();
    if let Ok(n) = answer.parse::<u32>() {
        return Some(n);
    }
    let plain = answer.replace('é', "e");
    (0u32..19).find(|&n| {
        let es = ES[n as usize].replace('é', "e");
        plain == es || plain == EN[n as usize]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ephemeral::memory::MemoryStore;

    #[test]
    fn answers_in_digits_or_words_are_understood() {
        assert_eq!(parse_answer(" 12 "), Some(12));
        assert_eq!(parse_answer("Doce"), Some(12));
        assert_eq!(parse_answer("dieciseis"), Some(16));
        assert_eq!(parse_answer("sixteen"), Some(16));
        assert_eq!(parse_answer("many"), None);
    }

    fn solve(text: &str) -> u32 {
        let numbers: Vec<u32> = text
            .split(|c: char| !c.is_alphanumeric() && c != 'é')
            .filter_map(|w| (1..10).find(|&n| w == ES[n as usize] || w == EN[n as usize]))
            .collect();
        numbers.iter().sum()
    }

    /// The sum as a reader of `lang` reads it, from that language's words only.
    fn solve_in(lang: Lang, text: &str) -> Option<u32> {
        let numbers: Vec<u32> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter_map(|w| (1..10).find(|&n| w == word(lang, n)))
            .collect();
        (numbers.len() == 2).then(|| numbers.iter().sum())
    }

    #[tokio::test]
    async fn every_language_asks_in_its_own_number_words() {
        let store = MemoryStore::new();
        for &lang in Lang::ALL {
            for _ in 0..20 {
                let q = ask(&store, lang, "f").await.unwrap();
                let sum = solve_in(lang, &q.text)
                    .unwrap_or_else(|| panic!("{lang:?}: two numbers in its words: {}", q.text));
                if lang != Lang::En {
                    let english = q
                        .text
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| EN[1..10].contains(w))
                        .count();
                    assert_eq!(english, 0, "{lang:?} in English words: {}", q.text);
                }
                assert!(check(&store, &q.id, "f", &sum.to_string()).await.unwrap());
            }
        }
    }

    #[tokio::test]
    async fn a_question_is_answered_once_for_its_own_form() {
        let store = MemoryStore::new();
        let q = ask(&store, Lang::Es, "login:tx1").await.unwrap();
        let right = solve(&q.text).to_string();
        assert!(
            !q.text.chars().any(|c| c.is_ascii_digit()),
            "written in words: {}",
            q.text
        );
        assert!(check(&store, &q.id, "login:tx1", &right).await.unwrap());
        assert!(
            !check(&store, &q.id, "login:tx1", &right).await.unwrap(),
            "single use"
        );

        let q = ask(&store, Lang::En, "login:tx1").await.unwrap();
        let right = solve(&q.text).to_string();
        assert!(
            !check(&store, &q.id, "login:other", &right).await.unwrap(),
            "bound to its form"
        );
        let q = ask(&store, Lang::En, "f").await.unwrap();
        assert!(!check(&store, &q.id, "f", "99").await.unwrap());
        assert!(
            !check(&store, &q.id, "f", &solve(&q.text).to_string())
                .await
                .unwrap(),
            "a wrong answer uses it up"
        );
    }
}
