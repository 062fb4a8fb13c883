//! Time-based one-time codes (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), the kind every
//! authenticator app shows.

use hmac::{Hmac, Mac};

/// Seconds a code stays the current one.
pub const STEP_SECONDS: i64 = 30;
/// Digits in a code.
pub const DIGITS: u32 = 6;

/// The time step of a Unix time.
pub fn step_of(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// The code for `step` (RFC 4226 dynamic truncation), zero-padded to six digits.
pub fn code_at(secret: &[u8], step: i64) -> String {
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(&step.to_be_bytes());
    let hash = mac.finalize().into_bytes();
    let offset = usize::from(hash[19] & 0x0f);
    let bin = u32::from_be_bytes([
        hash[offset] & 0x7f,
        hash[offset + 1],
        hash[offset + 2],
        hash[offset + 3],
    ]);
    format!("{:06}", bin % 10u32.pow(DIGITS))
}

/// The secret as the base32 text apps take (no padding).
pub fn encode_secret(secret: &[u8]) -> String {
    data_encoding::BASE32_NOPAD.encode(secret)
}

/// Reads a base32 secret (case, spaces and padding as people type them are forgiven).
pub fn decode_secret(text: &str) -> Option<Vec<u8>> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '=')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    data_encoding::BASE32_NOPAD.decode(cleaned.as_bytes()).ok()
}

/// The step within one step either side of `now_step` whose code is `code`, if any and if it is later
/// than `last_used` (a code is accepted once). Compares in constant time.
pub fn matching_step(
    secret: &[u8],
    code: &str,
    now_step: i64,
    last_used: Option<i64>,
) -> Option<i64> {
    let code = code.trim();
    if code.len() != DIGITS as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut found = None;
    for step in now_step - 1..=now_step + 1 {
        let expected = code_at(secret, step);
        let same = expected
            .bytes()
            .zip(code.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
        if same && last_used.is_none_or(|l| step > l) && found.is_none() {
            found = Some(step);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1 column (8 digits there; the last six are ours).
    #[test]
    fn rfc_6238_vectors() {
        let secret = b"12345678901234567890";
        for (time, eight) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(code_at(secret, step_of(time)), eight[2..], "at {time}");
        }
    }

    #[test]
    fn base32_round_trip_forgives_how_people_type() {
        let secret = b"12345678901234567890";
        let text = encode_secret(secret);
        assert_eq!(text, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert_eq!(
            decode_secret("gezd gnbv gy3t qojq gezd gnbv gy3t qojq").unwrap(),
            secret
        );
        assert!(decode_secret("not base32!").is_none());
    }

    #[test]
    fn a_code_is_accepted_once_and_only_near_now() {
        let secret = b"12345678901234567890";
        let now = 1_000_000;
        let code = code_at(secret, now);
        assert_eq!(matching_step(secret, &code, now, None), Some(now));
        assert_eq!(
            matching_step(secret, &code, now, Some(now)),
            None,
            "replayed"
        );
        assert_eq!(
            matching_step(secret, &code, now + 1, None),
            Some(now),
            "a step late is fine"
        );
        assert_eq!(matching_step(secret, &code, now + 2, None), None, "too old");
        assert_eq!(matching_step(secret, "12345", now, None), None);
        assert_eq!(matching_step(secret, "abcdef", now, None), None);
    }
}
