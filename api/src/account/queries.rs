//! What is stored about one account, for export and deletion.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use etakirjasto_shared::{SessionRecord, SignInRecord};

use crate::{
    db::DbConnection,
    schema::{login_attempts, memberships, sessions, users},
};

/// The account's sessions, newest first.
pub fn sessions_of(conn: &mut DbConnection, user_id: &str) -> QueryResult<Vec<SessionRecord>> {
    let rows: Vec<(NaiveDateTime, NaiveDateTime, Option<NaiveDateTime>)> = sessions::table
        .filter(sessions::user_id.eq(user_id))
        .order(sessions::created_at.desc())
        .select((
            sessions::created_at,
            sessions::expires_at,
            sessions::revoked_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(c, e, r)| SessionRecord {
            created_at: c.and_utc(),
            expires_at: e.and_utc(),
            revoked_at: r.map(|r| r.and_utc()),
        })
        .collect())
}

/// The keys under which the account's sign-in attempts are counted.
pub fn attempt_keys(email: Option<&str>, phone: Option<&str>, card: Option<&str>) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(e) = email {
        keys.push(format!("email:{e}"));
    }
    if let Some(p) = phone {
        keys.push(format!("phone:{p}"));
    }
    if let Some(c) = card {
        keys.push(format!("card:{c}"));
    }
    keys
}

/// Sign-in attempts under `keys`, newest first.
pub fn attempts_of(conn: &mut DbConnection, keys: &[String]) -> QueryResult<Vec<SignInRecord>> {
    let rows: Vec<(NaiveDateTime, bool)> = login_attempts::table
        .filter(login_attempts::account_key.eq_any(keys))
        .order(login_attempts::attempted_at.desc())
        .select((login_attempts::attempted_at, login_attempts::succeeded))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(at, succeeded)| SignInRecord {
            at: at.and_utc(),
            succeeded,
        })
        .collect())
}

/// Deletes the account with its memberships, sessions (their refresh tokens cascade), two-step
/// sign-in secret and recovery codes, and sign-in attempts; its bookings stay, anonymised.
pub fn delete_account(conn: &mut DbConnection, user_id: &str, keys: &[String]) -> QueryResult<()> {
    diesel::delete(login_attempts::table.filter(login_attempts::account_key.eq_any(keys)))
        .execute(conn)?;
    diesel::delete(memberships::table.filter(memberships::user_id.eq(user_id))).execute(conn)?;
    diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).execute(conn)?;
    diesel::delete(
        crate::schema::recovery_codes::table
            .filter(crate::schema::recovery_codes::user_id.eq(user_id)),
    )
    .execute(conn)?;
    diesel::delete(crate::schema::second_factors::table.find(user_id)).execute(conn)?;
    // Messages first: they are found through the bookings and registrations still naming the patron.
    crate::messages::queries::forget_user(conn, user_id)?;
    crate::bookings::queries::anonymise_patron(conn, user_id)?;
    crate::events::queries::anonymise_patron(conn, user_id)?;
    crate::programmes::queries::forget_user(conn, user_id)?;
    crate::training::queries::forget_user(conn, user_id)?;
    diesel::delete(users::table.find(user_id)).execute(conn)?;
    Ok(())
}
