//! Access tokens: HS256 JWTs, 15 minutes, algorithm fixed by the server.
//!
//! *Invariant:* only HS256 is accepted (so `alg: none` and key-confusion tricks fail), and `exp`, `nbf`,
//! `iss`, `aud` and `sub` are required and checked with a 30-second leeway.

use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};

use crate::config::Secret;

/// How long an access token lives, in seconds.
pub const ACCESS_TTL_SECS: i64 = 15 * 60;
/// The audience every access token names.
pub const AUDIENCE: &str = "etakirjasto-api";
/// Clock skew tolerated when checking `exp` and `nbf`, in seconds.
pub const LEEWAY_SECS: u64 = 30;

/// What an access token says.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// The user's id.
    pub sub: String,
    /// The session (refresh-token family) the token belongs to; revoked with it.
    pub sid: String,
    /// Issuer: the server's public URL.
    pub iss: String,
    /// Audience: [`AUDIENCE`].
    pub aud: String,
    /// Issued at (seconds since the epoch).
    pub iat: i64,
    /// Not valid before.
    pub nbf: i64,
    /// Expires at.
    pub exp: i64,
}

/// The keys and rules for signing and checking access tokens.
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    issuer: String,
}

impl JwtKeys {
    /// Keys from a shared secret; `issuer` is the server's public URL.
    pub fn new(secret: &Secret, issuer: &str) -> Result<Self, String> {
        let bytes = secret.expose().as_bytes();
        let encoding = EncodingKey::from_secret(bytes).map_err(|e| format!("JWT key: {e}"))?;
        let decoding = DecodingKey::from_secret(bytes).map_err(|e| format!("JWT key: {e}"))?;
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = LEEWAY_SECS;
        validation.validate_nbf = true;
        validation.validate_exp = true;
        validation.set_audience(&[AUDIENCE]);
        validation.set_issuer(&[issuer]);
        validation.set_required_spec_claims(&["exp", "nbf", "iss", "aud", "sub"]);
        Ok(JwtKeys {
            encoding,
            decoding,
            validation,
            issuer: issuer.to_owned(),
        })
    }

    /// Signs a token for `user_id` in `session_id`, issued at `now`.
    pub fn issue(
        &self,
        user_id: &str,
        session_id: &str,
        now: DateTime<Utc>,
    ) -> Result<String, String> {
        let iat = now.timestamp();
        let claims = Claims {
            sub: user_id.to_owned(),
            sid: session_id.to_owned(),
            iss: self.issuer.clone(),
            aud: AUDIENCE.to_owned(),
            iat,
            nbf: iat,
            exp: iat + ACCESS_TTL_SECS,
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| format!("JWT sign: {e}"))
    }

    /// Checks a token's signature and claims; `None` for any fault.
    pub fn verify(&self, token: &str) -> Option<Claims> {
        decode::<Claims>(token, &self.decoding, &self.validation)
            .ok()
            .map(|d| d.claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> JwtKeys {
        JwtKeys::new(&Secret::new("k".repeat(40)), "http://test").unwrap()
    }

    #[test]
    fn a_fresh_token_verifies_and_names_its_session() {
        let k = keys();
        let t = k.issue("u1", "s1", Utc::now()).unwrap();
        let c = k.verify(&t).expect("valid");
        assert_eq!((c.sub.as_str(), c.sid.as_str()), ("u1", "s1"));
    }

    #[test]
    fn expired_future_and_foreign_tokens_fail() {
        let k = keys();
        let old = k
            .issue("u", "s", Utc::now() - chrono::Duration::hours(1))
            .unwrap();
        assert!(k.verify(&old).is_none(), "expired");
        let future = k
            .issue("u", "s", Utc::now() + chrono::Duration::hours(1))
            .unwrap();
        assert!(k.verify(&future).is_none(), "not yet valid");
        let other = JwtKeys::new(&Secret::new("o".repeat(40)), "http://test").unwrap();
        assert!(
            k.verify(&other.issue("u", "s", Utc::now()).unwrap())
                .is_none(),
            "other key"
        );
        let other_iss = JwtKeys::new(&Secret::new("k".repeat(40)), "http://elsewhere").unwrap();
        assert!(
            k.verify(&other_iss.issue("u", "s", Utc::now()).unwrap())
                .is_none(),
            "other issuer"
        );
    }
}
