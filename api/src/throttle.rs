//! Holds back floods of anonymous writes: guest bookings and registrations, home-service
//! applications and new accounts. Each of them can send a message to an address the caller gives,
//! so an unchecked flood would send mail and text messages to strangers at the library's cost.
//!
//! Each source (the kind of write and the caller's address) may make `PUBLIC_WRITE_LIMIT` writes in
//! a window of `PUBLIC_WRITE_WINDOW_SECONDS` from its first; the next is 429 with `Retry-After`
//! until the window ends. The count lives in the database (`write_budget`), so every process behind
//! a load balancer shares it; each spend is one transaction that holds the source's row.

use std::net::IpAddr;

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
    /// An answer to a survey without an account.
    SurveyResponse,
}

impl Write {
    fn name(self) -> &'static str {
        match self {
            Write::Booking => "booking",
            Write::Registration => "registration",
            Write::Application => "application",
            Write::Account => "account",
            Write::SurveyResponse => "survey_response",
        }
    }
}

/// The caller's address: the socket peer, or behind a trusted proxy the last `X-Forwarded-For`
/// entry (the one the proxy added; the entries before it are the caller's to write). An IPv6
/// address counts by its /64 network, which one household or device holds whole.
pub fn source(req: &HttpRequest, state: &AppState) -> String {
    let forwarded = state
        .config
        .trust_forwarded_for
        .then(|| req.headers().get_all("x-forwarded-for").last())
        .flatten()
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .and_then(|v| v.trim().parse::<IpAddr>().ok());
    match forwarded.or_else(|| req.peer_addr().map(|a| a.ip())) {
        Some(IpAddr::V6(v6)) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Some(ip) => ip.to_string(),
        None => "unknown".into(),
    }
}

/// Counts one `write` from the caller; 429 with `Retry-After` when the source's budget is spent.
/// Call [`refund`] when the write is then refused for its content: mistakes do not use the budget.
///
/// A partner's call is counted against its client's own rate limit instead (`partners`), so many
/// patrons booking through one partner server do not share one address's budget.
pub async fn spend(state: &AppState, req: &HttpRequest, write: Write) -> Result<(), ApiError> {
    if crate::partners::call_of(req).is_some()
        && matches!(write, Write::Booking | Write::Registration)
    {
        return Ok(());
    }
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

/// Gives back what [`spend`] took, for a write refused for its content (4xx other than 429).
pub async fn refund(
    state: &AppState,
    req: &HttpRequest,
    write: Write,
    outcome: &Result<impl Sized, ApiError>,
) {
    let refused = matches!(outcome, Err(e @ ApiError::Client(_)) if e.code() != etakirjasto_shared::ErrorCode::TooManyRequests);
    let partner = crate::partners::call_of(req).is_some()
        && matches!(write, Write::Booking | Write::Registration);
    if !refused || partner {
        return;
    }
    let key = format!("{}:{}", write.name(), source(req, state));
    let given_back = db::run(&state.pool, move |conn| {
        write_tx(conn, |conn| {
            diesel::update(
                write_budget::table
                    .find(&key)
                    .filter(write_budget::count.gt(0)),
            )
            .set(write_budget::count.eq(write_budget::count - 1))
            .execute(conn)
        })?;
        Ok(())
    })
    .await;
    if let Err(e) = given_back {
        tracing::warn!(error = %e, "giving back a write budget failed");
    }
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
    // Seconds until the window ends, rounded up: waiting that long is enough.
    let left = |start: NaiveDateTime| {
        let ms = (start + window - now.naive_utc()).num_milliseconds().max(1);
        ((ms + 999) / 1000) as u64
    };
    // A spent budget is refused on a plain read, without the write lock: a flood does not queue
    // behind it.
    if let Some((start, count)) = current(conn, key, false)?
        && start + window > now.naive_utc()
        && count >= i64::from(limit)
    {
        return Err(ApiError::too_many(left(start)));
    }
    // Ok(Err(seconds)) when the budget is spent.
    let attempt = |conn: &mut DbConnection| -> QueryResult<Result<(), u64>> {
        write_tx(conn, |conn| {
            let row = current(conn, key, true)?;
            let now = now.naive_utc();
            match row {
                Some((start, count)) if start + window > now => {
                    if count >= i64::from(limit) {
                        return Ok(Err(left(start)));
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

/// The source's window and count; with `hold`, its row held until the transaction ends (on
/// PostgreSQL; SQLite's write transaction holds the whole database).
fn current(
    conn: &mut DbConnection,
    key: &str,
    hold: bool,
) -> QueryResult<Option<(NaiveDateTime, i64)>> {
    let q = write_budget::table
        .find(key)
        .select((write_budget::window_start, write_budget::count));
    let row: Option<(NaiveDateTime, i32)> = match conn {
        DbConnection::Pg(c) if hold => q.for_update().first(c).optional()?,
        DbConnection::Pg(c) => q.first(c).optional()?,
        DbConnection::Sqlite(c) => q.first(c).optional()?,
    };
    Ok(row.map(|(start, count)| (start, i64::from(count))))
}

/// Forgets windows that ended more than a day ago.
pub fn prune(conn: &mut DbConnection, now: DateTime<Utc>) -> QueryResult<usize> {
    let before = (now - Duration::days(1)).naive_utc();
    diesel::delete(write_budget::table.filter(write_budget::window_start.lt(before))).execute(conn)
}
