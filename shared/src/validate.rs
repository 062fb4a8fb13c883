//! Input rules both the browser and the server apply.
//!
//! Each function returns the cleaned value or the [`FieldCode`] that explains the fault, so a form can
//! show the same message the server would send.

use crate::FieldCode;

/// Longest accepted person name, in characters.
pub const NAME_MAX: usize = 100;
/// Shortest accepted password, in characters.
pub const PASSWORD_MIN: usize = 10;
/// Longest accepted password, in characters.
pub const PASSWORD_MAX: usize = 128;
/// Longest accepted email address (RFC 5321 path limit).
pub const EMAIL_MAX: usize = 254;

/// A person's display name: trimmed, 1 to [`NAME_MAX`] characters, no control characters.
pub fn name(raw: &str) -> Result<String, FieldCode> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(FieldCode::Required);
    }
    if v.chars().count() > NAME_MAX {
        return Err(FieldCode::TooLong);
    }
    if v.chars().any(char::is_control) {
        return Err(FieldCode::InvalidFormat);
    }
    Ok(v.to_owned())
}

/// Free text (answers, notes, descriptions): any characters but control characters other than line
/// breaks and tabs, which databases and screen readers handle badly (PostgreSQL cannot store NUL).
pub fn free_text(raw: &str) -> Result<&str, FieldCode> {
    if raw
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        Err(FieldCode::InvalidFormat)
    } else {
        Ok(raw)
    }
}

/// An identifier the server issued (a UUID); anything else cannot name a stored row.
pub fn is_id(raw: &str) -> bool {
    raw.len() == 36
        && raw.char_indices().all(|(i, c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// An email address: trimmed and lower-cased; one `@`, a dotted domain, no spaces.
pub fn email(raw: &str) -> Result<String, FieldCode> {
    let v = raw.trim().to_lowercase();
    if v.is_empty() {
        return Err(FieldCode::Required);
    }
    if v.len() > EMAIL_MAX {
        return Err(FieldCode::TooLong);
    }
    let Some((local, domain)) = v.split_once('@') else {
        return Err(FieldCode::InvalidFormat);
    };
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '@' || c == '"');
    if domain_ok && local_ok {
        Ok(v)
    } else {
        Err(FieldCode::InvalidFormat)
    }
}

/// A phone number, normalised to E.164 (`+358401234567`).
///
/// Spaces, hyphens and brackets are allowed when typed; a leading `0` is read as a Finnish number;
/// `00` is read as an international prefix. The result has 7 to 15 digits.
pub fn phone(raw: &str) -> Result<String, FieldCode> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(FieldCode::Required);
    }
    if !v.chars().all(|c| c.is_ascii_digit() || " -()+".contains(c))
        || v.rfind('+').is_some_and(|i| i > 0)
    {
        return Err(FieldCode::InvalidFormat);
    }
    let digits: String = v.chars().filter(char::is_ascii_digit).collect();
    let e164 = if v.starts_with('+') {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_owned()
    } else if let Some(rest) = digits.strip_prefix('0') {
        format!("358{rest}")
    } else {
        return Err(FieldCode::InvalidFormat);
    };
    match e164.len() {
        0..=6 => Err(FieldCode::TooShort),
        7..=15 => Ok(format!("+{e164}")),
        _ => Err(FieldCode::TooLong),
    }
}

/// A password: [`PASSWORD_MIN`] to [`PASSWORD_MAX`] characters. Kept exactly as typed.
pub fn password(raw: &str) -> Result<String, FieldCode> {
    let n = raw.chars().count();
    if n == 0 {
        Err(FieldCode::Required)
    } else if n < PASSWORD_MIN {
        Err(FieldCode::TooShort)
    } else if n > PASSWORD_MAX {
        Err(FieldCode::TooLong)
    } else {
        Ok(raw.to_owned())
    }
}

/// A library card number: 5 to 20 digits (spaces allowed when typed, removed here).
pub fn card_number(raw: &str) -> Result<String, FieldCode> {
    let v: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if v.is_empty() {
        return Err(FieldCode::Required);
    }
    if !v.chars().all(|c| c.is_ascii_digit()) {
        return Err(FieldCode::InvalidFormat);
    }
    match v.len() {
        0..=4 => Err(FieldCode::TooShort),
        5..=20 => Ok(v),
        _ => Err(FieldCode::TooLong),
    }
}

/// A card PIN: 4 to 8 digits, as Finnish libraries issue them.
pub fn pin(raw: &str) -> Result<String, FieldCode> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(FieldCode::Required);
    }
    if !v.chars().all(|c| c.is_ascii_digit()) {
        return Err(FieldCode::InvalidFormat);
    }
    match v.len() {
        0..=3 => Err(FieldCode::TooShort),
        4..=8 => Ok(v.to_owned()),
        _ => Err(FieldCode::TooLong),
    }
}

/// A library's short name in addresses: 2 to 40 of `a-z`, `0-9` and `-`, not starting or ending with `-`.
pub fn slug(raw: &str) -> Result<String, FieldCode> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(FieldCode::Required);
    }
    if v.len() < 2 {
        return Err(FieldCode::TooShort);
    }
    if v.len() > 40 {
        return Err(FieldCode::TooLong);
    }
    let ok = v
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !v.starts_with('-')
        && !v.ends_with('-');
    if ok {
        Ok(v.to_owned())
    } else {
        Err(FieldCode::InvalidFormat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_text_and_ids() {
        assert_eq!(free_text("rivi\nrivi\tsarake"), Ok("rivi\nrivi\tsarake"));
        assert_eq!(free_text("nul\u{0}"), Err(FieldCode::InvalidFormat));
        assert!(is_id("4c1f6f44-5b7c-4f7e-9d0a-3f4f0b7d9a11"));
        assert!(!is_id("4c1f6f44-5b7c-4f7e-9d0a-3f4f0b7d9a1"));
        assert!(!is_id("4c1f6f44x5b7c-4f7e-9d0a-3f4f0b7d9a11"));
    }

    #[test]
    fn emails() {
        assert_eq!(email(" Maija@Example.FI ").unwrap(), "maija@example.fi");
        for (bad, why) in [
            ("", FieldCode::Required),
            ("maija", FieldCode::InvalidFormat),
            ("maija@example", FieldCode::InvalidFormat),
            ("ma ija@example.fi", FieldCode::InvalidFormat),
            ("@example.fi", FieldCode::InvalidFormat),
            ("maija@.fi", FieldCode::InvalidFormat),
        ] {
            assert_eq!(email(bad), Err(why), "case {bad:?}");
        }
    }

    #[test]
    fn phones_are_normalised_to_e164() {
        assert_eq!(phone("040 123 4567").unwrap(), "+358401234567");
        assert_eq!(phone("+358 40-123 4567").unwrap(), "+358401234567");
        assert_eq!(phone("0046 8 123 456 78").unwrap(), "+46812345678");
        assert_eq!(phone("12345678"), Err(FieldCode::InvalidFormat));
        assert_eq!(phone("040 abc"), Err(FieldCode::InvalidFormat));
        assert_eq!(phone("1+2"), Err(FieldCode::InvalidFormat));
        assert_eq!(phone("+12"), Err(FieldCode::TooShort));
        assert_eq!(phone("+1234567890123456"), Err(FieldCode::TooLong));
    }

    #[test]
    fn passwords_cards_pins_names_slugs() {
        assert_eq!(password("short"), Err(FieldCode::TooShort));
        assert!(password("long enough pass").is_ok());
        assert_eq!(card_number("1234 5678 90").unwrap(), "1234567890");
        assert_eq!(card_number("12a45"), Err(FieldCode::InvalidFormat));
        assert_eq!(pin("123"), Err(FieldCode::TooShort));
        assert_eq!(pin("1234").unwrap(), "1234");
        assert_eq!(name("   "), Err(FieldCode::Required));
        assert_eq!(name(&"x".repeat(101)), Err(FieldCode::TooLong));
        assert_eq!(slug("kalajoki").unwrap(), "kalajoki");
        assert_eq!(slug("Kalajoki"), Err(FieldCode::InvalidFormat));
        assert_eq!(slug("-a"), Err(FieldCode::InvalidFormat));
    }
}
