//! Sign-in flows as plain functions over a connection: register, log in, refresh, log out.
//!
//! Refresh tokens rotate on every use. A token used twice means it was stolen or replayed, so the
//! whole session (the token family) is revoked: the thief and the owner both have to sign in again.

use chrono::{DateTime, Duration, Utc};
use etakirjasto_shared::{ErrorCode, FieldCode, Role, TokenResponse};

use super::{
    jwt::{ACCESS_TTL_SECS, JwtKeys},
    queries::{self, UserRow},
    rules::{self, Credentials, NewAccount, THROTTLE_WINDOW_MINUTES},
    second_factor::{self, SecondStep},
    secrets,
};
use crate::{
    db::{DbConnection, write_tx},
    error::ApiError,
    libraries,
};

/// How long one refresh token is valid.
pub const REFRESH_TTL_DAYS: i64 = 30;
/// How long a session may be kept alive by refreshing before a new sign-in is needed.
pub const SESSION_MAX_DAYS: i64 = 180;

/// Creates a patron account and signs it in.
pub fn register(
    conn: &mut DbConnection,
    keys: &JwtKeys,
    account: NewAccount,
    now: DateTime<Utc>,
) -> Result<TokenResponse, ApiError> {
    let library = match &account.library {
        Some(slug) => libraries::queries::find_by_slug(conn, slug)?
            .ok_or_else(|| ApiError::invalid(vec![("library".into(), FieldCode::InvalidChoice)]))?,
        None => libraries::queries::the_only_library(conn)?
            .ok_or_else(|| ApiError::invalid(vec![("library".into(), FieldCode::Required)]))?,
    };
    // Hash outside the write lock: argon2 takes a while and needs no database.
    let password_hash = account
        .password
        .as_deref()
        .map(secrets::hash_secret)
        .transpose()
        .map_err(ApiError::internal)?;
    let pin_hash = account
        .pin
        .as_deref()
        .map(secrets::hash_secret)
        .transpose()
        .map_err(ApiError::internal)?;
    let naive = now.naive_utc();
    let user = UserRow {
        id: uuid::Uuid::new_v4().to_string(),
        name: account.name,
        email: account.email,
        phone: account.phone,
        card_number: account.card_number,
        password_hash,
        pin_hash,
        created_at: naive,
        credentials_changed_at: naive,
    };
    write_tx(conn, |conn| {
        let taken = queries::taken_fields(
            conn,
            user.email.as_deref(),
            user.phone.as_deref(),
            user.card_number.as_deref(),
        )?;
        if !taken.is_empty() {
            return Err(account_exists(&taken));
        }
        match queries::insert_user(conn, &user) {
            Err(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            )) => {
                return Err(account_exists(&[]));
            }
            other => other?,
        }
        queries::insert_membership(conn, &user.id, &library.id, Role::Patron, naive)?;
        Ok(())
    })?;
    start_session(conn, keys, user, false, now)
}

fn account_exists(fields: &[&str]) -> ApiError {
    let mut e = ApiError::client(ErrorCode::AccountExists);
    if let ApiError::Client(c) = &mut e {
        c.fields = fields
            .iter()
            .map(|f| ((*f).to_owned(), FieldCode::Taken))
            .collect();
    }
    e
}

/// Checks credentials (with throttling) and signs the account in.
pub fn login(
    conn: &mut DbConnection,
    keys: &JwtKeys,
    creds: Credentials,
    one_time_code: Option<&str>,
    client_ip: &str,
    now: DateTime<Utc>,
) -> Result<TokenResponse, ApiError> {
    let naive = now.naive_utc();
    let since = naive - Duration::minutes(THROTTLE_WINDOW_MINUTES);
    let key = creds.account_key();
    let account_wait = rules::account_wait(&queries::account_attempts(conn, &key, since)?, naive);
    let address_wait = rules::address_wait(
        &mut queries::address_failures(conn, client_ip, since)?,
        naive,
    );
    if let Some(wait) = account_wait.max(address_wait) {
        return Err(ApiError::too_many(wait));
    }
    let (column, value, secret) = match &creds {
        Credentials::Email { email, password } => ("email", email, password),
        Credentials::Phone { phone, password } => ("phone", phone, password),
        Credentials::Card { card_number, pin } => ("card_number", card_number, pin),
    };
    let user = queries::find_user_by(conn, column, value)?;
    let stored = user.as_ref().and_then(|u| {
        if column == "card_number" {
            u.pin_hash.clone()
        } else {
            u.password_hash.clone()
        }
    });
    let ok = match &stored {
        Some(hash) => secrets::verify_secret(secret, hash),
        None => {
            secrets::burn_time(secret);
            false
        }
    };
    let (ok, user) = match (ok, user) {
        (true, Some(user)) => (true, user),
        _ => {
            queries::record_attempt(conn, &key, client_ip, false, naive)?;
            return Err(ApiError::client(ErrorCode::InvalidCredentials));
        }
    };
    // The password was right; an account with two-step sign-in also needs its code. A wrong code
    // counts as a failed attempt, so codes cannot be guessed faster than passwords; only a complete
    // sign-in counts as a success (a success clears the count, so "the password without a code" must
    // not, or someone holding the password could reset the count between guesses).
    let second = second_factor::check(conn, &user.id, one_time_code, now)?;
    if second != SecondStep::Missing {
        queries::record_attempt(
            conn,
            &key,
            client_ip,
            ok && second != SecondStep::Wrong,
            naive,
        )?;
    }
    match second {
        SecondStep::Missing => Err(ApiError::client(ErrorCode::SecondFactorRequired)),
        SecondStep::Wrong => Err(ApiError::client(ErrorCode::SecondFactorInvalid)),
        SecondStep::Passed => start_session(conn, keys, user, true, now),
        SecondStep::NotUsed => start_session(conn, keys, user, false, now),
    }
}

fn start_session(
    conn: &mut DbConnection,
    keys: &JwtKeys,
    user: UserRow,
    second_factor: bool,
    now: DateTime<Utc>,
) -> Result<TokenResponse, ApiError> {
    let naive = now.naive_utc();
    let session_id = uuid::Uuid::new_v4().to_string();
    let refresh = secrets::random_token();
    queries::create_session(
        conn,
        &queries::NewSession {
            id: &session_id,
            user_id: &user.id,
            created_at: naive,
            expires_at: naive + Duration::days(SESSION_MAX_DAYS),
            second_factor,
        },
        &secrets::token_hash(&refresh),
        naive + Duration::days(REFRESH_TTL_DAYS),
    )?;
    issue(conn, keys, user, &session_id, refresh, now)
}

fn issue(
    conn: &mut DbConnection,
    keys: &JwtKeys,
    user: UserRow,
    session_id: &str,
    refresh: String,
    now: DateTime<Utc>,
) -> Result<TokenResponse, ApiError> {
    let access = keys
        .issue(&user.id, session_id, now)
        .map_err(ApiError::internal)?;
    let memberships = queries::memberships_of(conn, &user.id)?;
    let me = me_of(conn, user, memberships, session_id)?;
    Ok(TokenResponse {
        access_token: access,
        token_type: "Bearer".into(),
        expires_in: ACCESS_TTL_SECS as u64,
        refresh_token: refresh,
        refresh_expires_in: (REFRESH_TTL_DAYS * 24 * 3600) as u64,
        user: me,
    })
}

/// The wire form of the signed-in person, with where they stand on two-step sign-in in this session.
pub fn me_of(
    conn: &mut DbConnection,
    user: UserRow,
    memberships: Vec<queries::MembershipRow>,
    session_id: &str,
) -> Result<etakirjasto_shared::Me, ApiError> {
    let enabled = second_factor::is_enabled(conn, &user.id)?;
    let staff = memberships.iter().any(|m| m.role.is_staff());
    let passed = second_factor::session_passed(conn, session_id)?;
    let mut me = queries::to_me(user, memberships);
    me.second_factor = enabled;
    me.second_factor_needed = staff && !passed;
    Ok(me)
}

/// Exchanges a refresh token for new tokens, rotating it; a reused token revokes its session.
pub fn refresh(
    conn: &mut DbConnection,
    keys: &JwtKeys,
    token: &str,
    now: DateTime<Utc>,
) -> Result<TokenResponse, ApiError> {
    let naive = now.naive_utc();
    let hash = secrets::token_hash(token);
    let invalid = || ApiError::client(ErrorCode::InvalidRefreshToken);
    let outcome = write_tx(conn, |conn| {
        let Some(found) = queries::find_refresh(conn, &hash)? else {
            return Ok(Err(invalid()));
        };
        if found.session_revoked_at.is_some()
            || found.session_expires <= naive
            || found.token_expires <= naive
        {
            return Ok(Err(invalid()));
        }
        if found.used_at.is_some() || !queries::mark_used(conn, &hash, naive)? {
            tracing::warn!(session = %found.session_id, "refresh token reused; revoking its session");
            queries::revoke_session(conn, &found.session_id, naive)?;
            return Ok(Err(invalid()));
        }
        let next = secrets::random_token();
        let expires = (naive + Duration::days(REFRESH_TTL_DAYS)).min(found.session_expires);
        queries::insert_refresh_token(
            conn,
            &found.session_id,
            &secrets::token_hash(&next),
            naive,
            expires,
        )?;
        Ok::<_, ApiError>(Ok((found, next)))
    })?;
    // The revocation above must be committed even though the answer is an error.
    let (found, next) = outcome?;
    let user = queries::find_user(conn, &found.user_id)?;
    issue(conn, keys, user, &found.session_id, next, now)
}

/// Ends the session a refresh token belongs to. Unknown tokens are ignored.
pub fn logout(conn: &mut DbConnection, token: &str, now: DateTime<Utc>) -> Result<(), ApiError> {
    if let Some(found) = queries::find_refresh(conn, &secrets::token_hash(token))? {
        queries::revoke_session(conn, &found.session_id, now.naive_utc())?;
    }
    Ok(())
}
