//! Export and deletion as plain functions over a connection.

use chrono::{DateTime, Duration, Utc};
use etakirjasto_shared::{AccountExport, DeleteAccountRequest, ErrorCode, FieldCode};

use super::queries;
use crate::{
    audit::{self, Action},
    auth::{
        AuthUser, queries as auth_queries,
        rules::{self, THROTTLE_WINDOW_MINUTES},
        secrets,
    },
    db::{DbConnection, write_tx},
    error::ApiError,
};

/// Everything held on the signed-in person; the export itself is audit-logged.
pub fn export(
    conn: &mut DbConnection,
    user: AuthUser,
    now: DateTime<Utc>,
) -> Result<AccountExport, ApiError> {
    let row = auth_queries::find_user(conn, &user.user_id)?;
    let keys = queries::attempt_keys(
        row.email.as_deref(),
        row.phone.as_deref(),
        row.card_number.as_deref(),
    );
    let sessions = queries::sessions_of(conn, &row.id)?;
    let sign_in_attempts = queries::attempts_of(conn, &keys)?;
    audit::record(
        conn,
        Some(&row.id),
        Action::AccountExported,
        Some(&row.id),
        None,
        now.naive_utc(),
    )?;
    let memberships = auth_queries::memberships_of(conn, &user.user_id)?;
    let account = crate::auth::service::me_of(conn, row, memberships, &user.session_id)?;
    let bookings = crate::bookings::service::of_patron(conn, &user.user_id)?;
    let event_registrations = crate::events::service::of_patron(conn, &user.user_id, now)?;
    Ok(AccountExport {
        bookings,
        event_registrations,
        exported_at: now,
        account,
        sessions,
        sign_in_attempts,
    })
}

/// Deletes the signed-in patron's account after checking the password or PIN again.
pub fn delete(
    conn: &mut DbConnection,
    user: AuthUser,
    confirm: DeleteAccountRequest,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    // The account's real roles: a staff session without the second step looks like a patron's.
    let roles = auth_queries::memberships_of(conn, &user.user_id)?;
    if user.withheld_roles || roles.iter().any(|m| m.role.is_staff()) {
        return Err(ApiError::client(ErrorCode::Conflict)
            .with_detail("Staff and admin accounts are removed by an admin of the library."));
    }
    let naive = now.naive_utc();
    let row = auth_queries::find_user(conn, &user.user_id)?;
    // Wrong confirmations are throttled like sign-ins, so a stolen access token cannot guess the password.
    let throttle_key = format!("delete:{}", row.id);
    let since = naive - Duration::minutes(THROTTLE_WINDOW_MINUTES);
    if let Some(wait) = rules::account_wait(
        &auth_queries::account_attempts(conn, &throttle_key, since)?,
        naive,
    ) {
        return Err(ApiError::too_many(wait));
    }
    let (field, ok) = match (
        &confirm.password,
        &confirm.pin,
        &row.password_hash,
        &row.pin_hash,
    ) {
        (Some(p), _, Some(hash), _) => ("password", secrets::verify_secret(p, hash)),
        (_, Some(p), _, Some(hash)) => ("pin", secrets::verify_secret(p, hash)),
        (None, None, Some(_), _) => {
            return Err(ApiError::invalid(vec![(
                "password".into(),
                FieldCode::Required,
            )]));
        }
        (None, None, None, _) => {
            return Err(ApiError::invalid(vec![("pin".into(), FieldCode::Required)]));
        }
        (Some(_), _, None, _) => ("password", false),
        (None, Some(_), _, None) => ("pin", false),
    };
    if !ok {
        auth_queries::record_attempt(conn, &throttle_key, "-", false, naive)?;
        return Err(ApiError::invalid(vec![(
            field.into(),
            FieldCode::Incorrect,
        )]));
    }
    let mut keys = queries::attempt_keys(
        row.email.as_deref(),
        row.phone.as_deref(),
        row.card_number.as_deref(),
    );
    keys.push(throttle_key);
    write_tx(conn, |conn| {
        queries::delete_account(conn, &row.id, &keys)?;
        audit::record(
            conn,
            Some(&row.id),
            Action::AccountDeleted,
            Some(&row.id),
            None,
            naive,
        )?;
        Ok::<_, ApiError>(())
    })
}
