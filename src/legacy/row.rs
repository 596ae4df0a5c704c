//! One line of the Social Security register export, through the domain types.
//!
//! The file starts with the header [`HEADER`]; every later line is one citizen.
//! Each column is parsed by the type that owns its rule ([`DocumentId`],
//! [`PersonName`], [`Email`], [`MobilePhone`], [`LegacyHash`]), so an imported
//! citizen is as valid as one recorded at a registration office. A refused line
//! gets one reason naming the column, in the English of the operator commands.

use crate::domain::{DocumentId, Email, MobilePhone, PersonName};
use crate::store::sql::NewLegacyCitizen;

use super::hash::{LegacyHash, LegacyHashKind};

/// The header row, column by column.
pub const HEADER: [&str; 7] = [
    "id",
    "given_name",
    "first_surname",
    "second_surname",
    "email",
    "phone",
    "password_hash",
];

/// Whether `fields` is [`HEADER`] (spaces around names, letter case and a UTF-8
/// byte-order mark are tolerated: spreadsheets add them).
pub fn is_header<'a>(fields: impl IntoIterator<Item = &'a str>) -> bool {
    let mut found = 0;
    for (index, field) in fields.into_iter().enumerate() {
        let name = field.trim_start_matches('\u{feff}').trim();
        if HEADER
            .get(index)
            .is_none_or(|want| !want.eq_ignore_ascii_case(name))
        {
            return false;
        }
        found += 1;
    }
    found == HEADER.len()
}

/// A line that passed every rule.
#[derive(Debug, Clone)]
pub struct LegacyRow {
    /// The citizen to insert.
    pub citizen: NewLegacyCitizen,
    /// The family of the imported hash.
    pub hash_kind: LegacyHashKind,
}

/// Parses the fields of one line (after the header).
pub fn parse_row<'a>(fields: impl IntoIterator<Item = &'a str>) -> Result<LegacyRow, String> {
    let fields: Vec<&str> = fields.into_iter().collect();
    let [id, given, first, second, email, phone, hash] = fields.as_slice() else {
        return Err(format!(
            "expected {} columns ({}), found {}",
            HEADER.len(),
            HEADER.join(","),
            fields.len()
        ));
    };
    let name = |column: &str, raw: &str| {
        PersonName::parse(raw)
            .map(|n| n.as_str().to_owned())
            .map_err(|e| format!("{column}: {e}"))
    };
    let hash = LegacyHash::parse(hash).map_err(|e| format!("password_hash: {e}"))?;
    Ok(LegacyRow {
        citizen: NewLegacyCitizen {
            id: DocumentId::parse(id)
                .map_err(|e| format!("id: {e}"))?
                .as_str()
                .to_owned(),
            given_name: name("given_name", given)?,
            first_surname: name("first_surname", first)?,
            second_surname: match second.trim() {
                "" => None,
                raw => Some(name("second_surname", raw)?),
            },
            email: Email::parse(email)
                .map_err(|e| format!("email: {e}"))?
                .as_str()
                .to_owned(),
            phone: MobilePhone::parse(phone)
                .map_err(|e| format!("phone: {e}"))?
                .as_str()
                .to_owned(),
            password_hash: hash.as_str().to_owned(),
        },
        hash_kind: hash.kind(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASH: &str = "$2b$04$EGdrhbKUv8Oc9vGiXX0HQOxSg445d458Muh7DAHskb6QbtCvdxcie";

    fn line(id: &str, email: &str, second: &str) -> Vec<String> {
        [id, "josé", "Pérez", second, email, "600 11 22 33", HASH]
            .map(str::to_owned)
            .to_vec()
    }

    fn parse(fields: &[String]) -> Result<LegacyRow, String> {
        parse_row(fields.iter().map(String::as_str))
    }

    #[test]
    fn a_good_line_is_normalised_by_the_domain_types() {
        let row = parse(&line("12345678z", "Jose@Example.ES", "")).unwrap();
        assert_eq!(row.citizen.id, "12345678Z");
        assert_eq!(row.citizen.phone, "+34600112233");
        assert_eq!(row.citizen.second_surname, None);
        assert_eq!(row.citizen.password_hash, HASH);
        assert_eq!(row.hash_kind, LegacyHashKind::Bcrypt);
    }

    #[test]
    fn each_bad_column_is_named_in_the_reason() {
        let bad_id = parse(&line("12345678A", "a@b.es", "")).unwrap_err();
        assert!(bad_id.starts_with("id: "), "{bad_id}");
        let bad_email = parse(&line("12345678Z", "no-at-sign", "")).unwrap_err();
        assert!(bad_email.starts_with("email: "), "{bad_email}");
        let bad_second = parse(&line("12345678Z", "a@b.es", "1234")).unwrap_err();
        assert!(bad_second.starts_with("second_surname: "), "{bad_second}");
        let mut bad_hash = line("12345678Z", "a@b.es", "");
        bad_hash[6] = "md5:abc".to_owned();
        assert!(parse(&bad_hash).unwrap_err().starts_with("password_hash: "));
        let short = parse(&line("12345678Z", "a@b.es", "")[..3]).unwrap_err();
        assert!(short.contains("found 3"), "{short}");
    }

    #[test]
    fn the_header_is_recognised_with_spreadsheet_noise_only() {
        assert!(is_header(HEADER));
        let noisy = [
            "\u{feff}id",
            " Given_Name",
            "first_surname",
            "second_surname",
            "email ",
            "phone",
            "password_hash",
        ];
        assert!(is_header(noisy));
        assert!(!is_header(HEADER[..6].iter().copied()));
        let mut swapped = HEADER;
        swapped.swap(4, 5);
        assert!(!is_header(swapped));
        let longer = HEADER.iter().copied().chain(["extra"]);
        assert!(!is_header(longer));
    }
}
