//! Hashing of passwords, PINs and refresh tokens, and random token generation.
//!
//! Passwords and PINs use argon2id with a random salt. Refresh tokens are 256 random bits, so a fast
//! SHA-256 of them is enough to store: only the hash is kept.

use std::sync::LazyLock;

use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Hashes a password or PIN with argon2id.
pub fn hash_secret(secret: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(secret.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| format!("argon2: {e}"))
}

/// Checks a password or PIN against a stored hash.
pub fn verify_secret(secret: &str, hash: &str) -> bool {
    Argon2::default()
        .verify_password(secret.as_bytes(), hash)
        .is_ok()
}

/// A hash to verify against when the account does not exist, so that the answer takes as long
/// as for a real account and does not reveal which accounts exist.
pub fn burn_time(secret: &str) {
    static DUMMY: LazyLock<String> =
        LazyLock::new(|| hash_secret("not a real password").unwrap_or_default());
    let _ = verify_secret(secret, &DUMMY);
}

/// 256 random bits, base64url.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// SHA-256 of a token, hex.
pub fn token_hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_only_the_right_secret() {
        let h = hash_secret("1234").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_secret("1234", &h));
        assert!(!verify_secret("1235", &h));
    }

    #[test]
    fn tokens_are_random_and_hashes_stable() {
        assert_ne!(random_token(), random_token());
        assert_eq!(token_hash("a"), token_hash("a"));
        assert_eq!(token_hash("a").len(), 64);
    }
}
