//! The SMS text of a code, from the translations in `locales/*/otp.ftl`.
//!
//! The text names the operation and the validity and carries nothing else: no DNI/NIE,
//! no name, no link (a link in an OTP SMS is what phishing imitates). The page texts of
//! the code entry page (`otp-*` keys) live in the same files.

use crate::web::i18n::{Lang, tr_args};

use super::OtpPurpose;

/// The SMS for `code`, sent for `purpose`, valid `minutes`, in `lang`.
pub(super) fn sms_body(lang: Lang, purpose: OtpPurpose, code: &str, minutes: u64) -> String {
    let minutes = minutes.to_string();
    let text = tr_args(
        lang,
        purpose.sms_key(),
        &[("code", code), ("minutes", minutes.as_str())],
    );
    // Bidi isolation marks would cost characters on a phone and hide the code from
    // copy-and-paste helpers; the loader disables them, this makes sure.
    text.replace(['\u{2068}', '\u{2069}'], "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_purpose_has_an_sms_in_every_language_with_the_code_and_the_minutes() {
        for &lang in Lang::ALL {
            for purpose in OtpPurpose::ALL {
                let body = sms_body(lang, purpose, "004711", 5);
                assert!(body.starts_with("Cl@ve: "), "{lang} {purpose:?}: {body}");
                assert!(body.contains("004711"), "{lang} {purpose:?}: {body}");
                assert!(body.contains(" 5 min"), "{lang} {purpose:?}: {body}");
            }
        }
    }

    #[test]
    fn the_spanish_activation_sms_reads_as_specified() {
        assert_eq!(
            sms_body(Lang::Es, OtpPurpose::Activation, "123456", 5),
            "Cl@ve: su código para activar su usuario es 123456. Caduca en 5 minutos. \
             No lo comparta con nadie."
        );
    }

    #[test]
    fn one_minute_is_singular() {
        let es = sms_body(Lang::Es, OtpPurpose::Login, "123456", 1);
        let en = sms_body(Lang::En, OtpPurpose::Login, "123456", 1);
        assert!(es.contains("1 minuto."), "{es}");
        assert!(en.contains("1 minute."), "{en}");
    }

    #[test]
    fn each_purpose_says_a_different_thing() {
        for &lang in Lang::ALL {
            let mut bodies: Vec<String> = OtpPurpose::ALL
                .iter()
                .map(|&p| sms_body(lang, p, "123456", 5))
                .collect();
            bodies.sort();
            bodies.dedup();
            assert_eq!(bodies.len(), OtpPurpose::ALL.len());
        }
    }
}
