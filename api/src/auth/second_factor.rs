//! Two-step sign-in: a password (or card PIN) and then a code from an authenticator app (RFC 6238),
//! or one of ten single-use recovery codes.
//!
//! Rules: anyone may turn it on; staff must, because staff tools show patrons' personal data. A staff
//! session that has not passed the second step is treated as a patron's (see [`super::extract`]).
//! An app code is accepted once (the last used time step is stored and compared-and-set, so two
//! processes cannot both accept it). Recovery codes are stored as SHA-256 hashes and used once.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use etakirjasto_shared::{ErrorCode, FieldCode, RecoveryCodes, SecondFactorSetup, totp};
use rand::{Rng, RngCore};

use super::{AuthUser, queries, secrets};
use crate::{
    db::{DbConnection, write_tx},
    error::ApiError,
    schema::{recovery_codes, second_factors, sessions},
};

/// The name apps show beside the code.
const ISSUER: &str = "Etäkirjasto";
/// How many recovery codes an account gets.
const RECOVERY_CODES: usize = 10;
/// Letters and digits that cannot be mistaken for one another when read aloud or typed.
const RECOVERY_ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";

/// A stored authenticator secret.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = second_factors)]
pub struct FactorRow {
    pub user_id: String,
    pub secret: String,
    pub created_at: NaiveDateTime,
    pub enabled_at: Option<NaiveDateTime>,
    pub last_step: Option<i64>,
}

/// The account's factor, pending or enabled.
pub fn find(conn: &mut DbConnection, user_id: &str) -> QueryResult<Option<FactorRow>> {
    second_factors::table
        .find(user_id)
        .select(FactorRow::as_select())
        .first(conn)
        .optional()
}

/// True when the account signs in in two steps.
pub fn is_enabled(conn: &mut DbConnection, user_id: &str) -> QueryResult<bool> {
    Ok(find(conn, user_id)?.is_some_and(|f| f.enabled_at.is_some()))
}

/// True when the session passed the second step.
pub fn session_passed(conn: &mut DbConnection, session_id: &str) -> QueryResult<bool> {
    Ok(sessions::table
        .find(session_id)
        .select(sessions::second_factor)
        .first::<bool>(conn)
        .optional()?
        .unwrap_or(false))
}

/// Starts (or restarts) setting up two-step sign-in: a new secret, not yet in force.
pub fn start(
    conn: &mut DbConnection,
    user: &AuthUser,
    now: DateTime<Utc>,
) -> Result<SecondFactorSetup, ApiError> {
    let mut secret = [0u8; 20];
    rand::rng().fill_bytes(&mut secret);
    let text = totp::encode_secret(&secret);
    let account = queries::find_user(conn, &user.user_id)?;
    let label = account
        .email
        .or(account.phone)
        .or(account.card_number)
        .unwrap_or(account.name);
    write_tx(conn, |conn| {
        if is_enabled(conn, &user.user_id)? {
            return Err(ApiError::client(ErrorCode::SecondFactorEnabled));
        }
        diesel::delete(second_factors::table.find(&user.user_id)).execute(conn)?;
        diesel::insert_into(second_factors::table)
            .values((
                second_factors::user_id.eq(&user.user_id),
                second_factors::secret.eq(&text),
                second_factors::created_at.eq(now.naive_utc()),
            ))
            .execute(conn)?;
        Ok(())
    })?;
    let otpauth_uri = otpauth_uri(&text, &label);
    Ok(SecondFactorSetup {
        qr_svg: qr_svg(&otpauth_uri)?,
        secret: text,
        otpauth_uri,
    })
}

fn otpauth_uri(secret: &str, label: &str) -> String {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    format!(
        "otpauth://totp/{issuer}:{label}?secret={secret}&issuer={issuer}&algorithm=SHA1&digits=6&period=30",
        issuer = enc(ISSUER),
        label = enc(label),
    )
}

fn qr_svg(data: &str) -> Result<String, ApiError> {
    let code = qrcode::QrCode::with_error_correction_level(data, qrcode::EcLevel::M)
        .map_err(|e| ApiError::internal(format!("qr: {e}")))?;
    Ok(code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build())
}

/// Confirms setup with a code from the app: two-step sign-in is on from now, this session counts as
/// having passed it, and the account gets fresh recovery codes.
pub fn confirm(
    conn: &mut DbConnection,
    user: &AuthUser,
    code: &str,
    now: DateTime<Utc>,
) -> Result<RecoveryCodes, ApiError> {
    let naive = now.naive_utc();
    write_tx(conn, |conn| {
        let factor = find(conn, &user.user_id)?;
        let Some(factor) = factor else {
            return Err(ApiError::client(ErrorCode::Conflict)
                .with_detail("Start setting up two-step sign-in first."));
        };
        if factor.enabled_at.is_some() {
            return Err(ApiError::client(ErrorCode::SecondFactorEnabled));
        }
        let secret = totp::decode_secret(&factor.secret)
            .ok_or_else(|| ApiError::internal("stored secret is not base32"))?;
        let Some(step) = totp::matching_step(&secret, code, totp::step_of(now.timestamp()), None)
        else {
            return Err(wrong_code());
        };
        diesel::update(second_factors::table.find(&user.user_id))
            .set((
                second_factors::enabled_at.eq(naive),
                second_factors::last_step.eq(step),
            ))
            .execute(conn)?;
        diesel::update(sessions::table.find(&user.session_id))
            .set(sessions::second_factor.eq(true))
            .execute(conn)?;
        replace_recovery_codes(conn, &user.user_id)
    })
}

/// New recovery codes in place of the old ones, for a session that passed the second step, confirmed
/// with a current app code.
pub fn renew_recovery_codes(
    conn: &mut DbConnection,
    user: &AuthUser,
    code: &str,
    now: DateTime<Utc>,
) -> Result<RecoveryCodes, ApiError> {
    if !is_enabled(conn, &user.user_id)? {
        return Err(ApiError::client(ErrorCode::Conflict)
            .with_detail("Two-step sign-in is not on for this account."));
    }
    write_tx(conn, |conn| {
        if !accept_app_code(conn, &user.user_id, code, now)? {
            return Err(wrong_code());
        }
        replace_recovery_codes(conn, &user.user_id)
    })
}

fn wrong_code() -> ApiError {
    ApiError::invalid(vec![("one_time_code".into(), FieldCode::Incorrect)])
}

fn replace_recovery_codes(
    conn: &mut DbConnection,
    user_id: &str,
) -> Result<RecoveryCodes, ApiError> {
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id)))
        .execute(conn)?;
    let mut rng = rand::rng();
    let codes: Vec<String> = (0..RECOVERY_CODES)
        .map(|_| {
            let chars: Vec<char> = (0..12)
                .map(|_| RECOVERY_ALPHABET[rng.random_range(0..RECOVERY_ALPHABET.len())] as char)
                .collect();
            format!(
                "{}-{}-{}",
                chars[0..4].iter().collect::<String>(),
                chars[4..8].iter().collect::<String>(),
                chars[8..12].iter().collect::<String>()
            )
        })
        .collect();
    for code in &codes {
        diesel::insert_into(recovery_codes::table)
            .values((
                recovery_codes::user_id.eq(user_id),
                recovery_codes::code_hash.eq(recovery_hash(code)),
            ))
            .execute(conn)?;
    }
    Ok(RecoveryCodes {
        recovery_codes: codes,
    })
}

/// Recovery codes are compared without case, spaces or hyphens, as people type them.
fn recovery_hash(code: &str) -> String {
    let cleaned: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    secrets::token_hash(&format!("recovery:{cleaned}"))
}

/// Accepts an app code once: the step it belongs to must be later than the last one used, and the
/// update is a compare-and-set so that two simultaneous sign-ins cannot both use it.
fn accept_app_code(
    conn: &mut DbConnection,
    user_id: &str,
    code: &str,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    let Some(factor) = find(conn, user_id)? else {
        return Ok(false);
    };
    let Some(secret) = totp::decode_secret(&factor.secret) else {
        return Ok(false);
    };
    let Some(step) = totp::matching_step(
        &secret,
        code,
        totp::step_of(now.timestamp()),
        factor.last_step,
    ) else {
        return Ok(false);
    };
    let n = diesel::update(
        second_factors::table.filter(
            second_factors::user_id.eq(user_id).and(
                second_factors::last_step
                    .is_null()
                    .or(second_factors::last_step.lt(step)),
            ),
        ),
    )
    .set(second_factors::last_step.eq(step))
    .execute(conn)?;
    Ok(n == 1)
}

/// What the second step of a sign-in came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondStep {
    /// The account does not use two-step sign-in.
    NotUsed,
    /// A right code: the session passes.
    Passed,
    /// The account needs a code and none was given.
    Missing,
    /// The code was wrong, used or too old.
    Wrong,
}

/// Checks the second step for an account whose password was right.
pub fn check(
    conn: &mut DbConnection,
    user_id: &str,
    code: Option<&str>,
    now: DateTime<Utc>,
) -> Result<SecondStep, ApiError> {
    if !is_enabled(conn, user_id)? {
        return Ok(SecondStep::NotUsed);
    }
    let Some(code) = code.map(str::trim).filter(|c| !c.is_empty()) else {
        return Ok(SecondStep::Missing);
    };
    if code.len() > 32 {
        return Ok(SecondStep::Wrong);
    }
    if accept_app_code(conn, user_id, code, now)? {
        return Ok(SecondStep::Passed);
    }
    let used = diesel::update(
        recovery_codes::table.filter(
            recovery_codes::user_id
                .eq(user_id)
                .and(recovery_codes::code_hash.eq(recovery_hash(code)))
                .and(recovery_codes::used_at.is_null()),
        ),
    )
    .set(recovery_codes::used_at.eq(now.naive_utc()))
    .execute(conn)?;
    Ok(if used == 1 {
        SecondStep::Passed
    } else {
        SecondStep::Wrong
    })
}

/// Turns two-step sign-in on with a known secret (demo accounts and tests), without recovery codes.
pub fn enable_with_secret(
    conn: &mut DbConnection,
    user_id: &str,
    secret_base32: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(second_factors::table.find(user_id)).execute(conn)?;
    diesel::insert_into(second_factors::table)
        .values((
            second_factors::user_id.eq(user_id),
            second_factors::secret.eq(secret_base32),
            second_factors::created_at.eq(now),
            second_factors::enabled_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Turns two-step sign-in off for an account that lost its phone and its recovery codes (the
/// `etakirjasto user reset-second-factor` command): its sessions end, and staff must set it up again.
pub fn reset(conn: &mut DbConnection, user_id: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::delete(second_factors::table.find(user_id)).execute(conn)?;
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id)))
        .execute(conn)?;
    diesel::update(
        sessions::table.filter(
            sessions::user_id
                .eq(user_id)
                .and(sessions::revoked_at.is_null()),
        ),
    )
    .set(sessions::revoked_at.eq(now))
    .execute(conn)
    .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn otpauth_uri_escapes_the_label_and_issuer() {
        let uri = otpauth_uri("ABC", "liisa@kalajoki.example");
        assert_eq!(
            uri,
            "otpauth://totp/Et%C3%A4kirjasto:liisa%40kalajoki.example?secret=ABC&issuer=Et%C3%A4kirjasto&algorithm=SHA1&digits=6&period=30"
        );
    }

    #[test]
    fn recovery_codes_match_however_they_are_typed() {
        assert_eq!(
            recovery_hash("7kq4-m2xp-9dfa"),
            recovery_hash(" 7KQ4 M2XP 9DFA ")
        );
        assert_ne!(
            recovery_hash("7kq4-m2xp-9dfa"),
            recovery_hash("7kq4-m2xp-9dfb")
        );
    }

    #[test]
    fn the_qr_code_is_an_svg() {
        let svg = qr_svg("otpauth://totp/x?secret=ABC").unwrap();
        assert!(svg.contains("<svg"), "{svg}");
    }
}
