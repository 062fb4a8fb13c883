//! Holds back floods of anonymous writes: guest bookings and registrations, home-service
//! applications and new accounts. Each of them can send a message to an address the caller gives,
//! so an unchecked flood would send mail and text messages to strangers at the library's cost.
//!
//! Each source (the kind of write and the caller's address) may make `PUBLIC_WRITE_LIMIT` writes in
//! a window of `PUBLIC_WRITE_WINDOW_SECONDS` from its first; the next is 429 with `Retry-After`
//! until the window ends. The count lives in the database (`write_budget`), so every process behind
//! a load balancer shares it; each spend is one transaction that holds the source's row.

use actix_web::HttpRequest;
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::{
    AppState,
    db::{self, DbConnection, write_tx},
    error::ApiError,
    schema::write_budget,
};

/// A kind of anonymous write, counted apart from the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Write {
    /// A guest's booking of a one-to-one session.
    Booking,
    /// A guest's registration for an event or a series.
    Registration,
    /// A home-service application.
    Application,
    /// A new patron account.
    Account,
}

impl Write {
    fn name(self) -> &'static str {
        match self {
            Write::Booking => "booking",
            Write::Registration => "registration",
            Write::Application => "application",
            Write::Account => "account",
        }
    }
}

/// The caller's address: the socket peer, or `X-Forwarded-For` behind a trusted proxy.
pub fn source(req: &HttpRequest, state: &AppState) -> String {
    if state.config.trust_forwarded_for
        && let Some(ip) = req.connection_info().realip_remote_addr()
    {
        return ip.to_owned();
    }
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// Counts one `write` from the caller; 429 with `Retry-After` when the source's budget is spent.
pub async fn spend(state: &AppState, req: &HttpRequest, write: Write) -> Result<(), ApiError> {
    let key = format!("{}:{}", write.name(), source(req, state));
    let (limit, window) = (
        state.config.public_write_limit,
        state.config.public_write_window_seconds,
    );
    db::run(&state.pool, move |conn| {
        spend_in(conn, &key, limit, window, Utc::now())
    })
    .await
}

/// [`spend`] on a connection: `limit` writes per `window_seconds` for `key`.
pub fn spend_in(
    conn: &mut DbConnection,
    key: &str,
    limit: u32,
    window_seconds: u32,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let window = Duration::seconds(i64::from(window_seconds));
    // Ok(Err(seconds)) when the budget is spent.
    let attempt = |conn: &mut DbConnection| -> QueryResult<Result<(), u64>> {
        write_tx(conn, |conn| {
            let row = current(conn, key)?;
            let now = now.naive_utc();
            match row {
                Some((start, count)) if start + window > now => {
                    if count >= i64::from(limit) {
                        let left = (start + window - now).num_seconds().max(1);
                        return Ok(Err(left as u64));
                    }
                    diesel::update(write_budget::table.find(key))
                        .set(write_budget::count.eq(write_budget::count + 1))
                        .execute(conn)?;
                }
                Some(_) => {
                    diesel::update(write_budget::table.find(key))
                        .set((
                            write_budget::window_start.eq(now),
                            write_budget::count.eq(1),
                        ))
                        .execute(conn)?;
                }
                None => {
                    diesel::insert_into(write_budget::table)
                        .values((
                            write_budget::key.eq(key),
                            write_budget::window_start.eq(now),
                            write_budget::count.eq(1),
                        ))
                        .execute(conn)?;
                }
            }
            Ok(Ok(()))
        })
    };
    let spent = match attempt(conn) {
        // Two processes inserted the source's first row at once: the row is there now, and the
        // second attempt counts against it under its lock.
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => attempt(conn)?,
        other => other?,
    };
    spent.map_err(ApiError::too_many)
}

/// The source's window and count, its row held until the transaction ends (on PostgreSQL; SQLite's
/// write transaction holds the whole database).
fn current(conn: &mut DbConnection, key: &str) -> QueryResult<Option<(NaiveDateTime, i64)>> {
    let q = write_budget::table
        .find(key)
        .select((write_budget::window_start, write_budget::count));
    let row: Option<(NaiveDateTime, i32)> = match conn {
        DbConnection::Pg(c) => q.for_update().first(c).optional()?,
        DbConnection::Sqlite(c) => q.first(c).optional()?,
    };
    Ok(row.map(|(start, count)| (start, i64::from(count))))
}

/// Forgets windows that ended more than a day ago.
pub fn prune(conn: &mut DbConnection, now: DateTime<Utc>) -> QueryResult<usize> {
    let before = (now - Duration::days(1)).naive_utc();
    diesel::delete(write_budget::table.filter(write_budget::window_start.lt(before))).execute(conn)
}
