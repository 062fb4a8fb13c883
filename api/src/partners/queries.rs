//! Diesel queries for API clients, their tokens and calls.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::{
    db::DbConnection,
    schema::{api_client_calls, api_client_tokens, api_clients, libraries},
};

/// An API client as stored.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = api_clients)]
pub struct ClientRow {
    pub id: String,
    pub library_id: String,
    pub name: String,
    pub secret_hash: String,
    /// Space-separated scope names.
    pub scopes: String,
    /// A JSON array of origins.
    pub allowed_origins: String,
    pub rate_limit: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub revoked_at: Option<NaiveDateTime>,
}

/// A client with its library's slug.
pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<(ClientRow, String)>> {
    if !etakirjasto_shared::validate::is_id(id) {
        return Ok(None);
    }
    api_clients::table
        .inner_join(libraries::table)
        .filter(api_clients::id.eq(id))
        .select((ClientRow::as_select(), libraries::slug))
        .first(conn)
        .optional()
}

/// A library's clients, newest first.
pub fn of_library(conn: &mut DbConnection, library_id: &str) -> QueryResult<Vec<ClientRow>> {
    api_clients::table
        .filter(api_clients::library_id.eq(library_id))
        .order((api_clients::created_at.desc(), api_clients::id))
        .select(ClientRow::as_select())
        .load(conn)
}

/// The origins of every client that is not revoked, as stored.
pub fn live_origins(conn: &mut DbConnection) -> QueryResult<Vec<String>> {
    api_clients::table
        .filter(api_clients::revoked_at.is_null())
        .filter(api_clients::allowed_origins.ne("[]"))
        .select(api_clients::allowed_origins)
        .load(conn)
}

pub fn insert(conn: &mut DbConnection, row: &ClientRow) -> QueryResult<()> {
    diesel::insert_into(api_clients::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Saves name, scopes, origins and rate limit of a client that is not revoked; false if it is.
pub fn update(conn: &mut DbConnection, row: &ClientRow) -> QueryResult<bool> {
    diesel::update(
        api_clients::table
            .find(&row.id)
            .filter(api_clients::revoked_at.is_null()),
    )
    .set((
        api_clients::name.eq(&row.name),
        api_clients::scopes.eq(&row.scopes),
        api_clients::allowed_origins.eq(&row.allowed_origins),
        api_clients::rate_limit.eq(row.rate_limit),
        api_clients::updated_at.eq(row.updated_at),
    ))
    .execute(conn)
    .map(|n| n == 1)
}

/// Replaces the secret of a client that is not revoked and ends its tokens; false if revoked.
pub fn set_secret(
    conn: &mut DbConnection,
    id: &str,
    secret_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let changed = diesel::update(
        api_clients::table
            .find(id)
            .filter(api_clients::revoked_at.is_null()),
    )
    .set((
        api_clients::secret_hash.eq(secret_hash),
        api_clients::updated_at.eq(now),
    ))
    .execute(conn)?;
    end_tokens(conn, id)?;
    Ok(changed == 1)
}

/// Revokes a client (once; a second time keeps the first time) and ends its tokens.
pub fn revoke(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(
        api_clients::table
            .find(id)
            .filter(api_clients::revoked_at.is_null()),
    )
    .set((
        api_clients::revoked_at.eq(now),
        api_clients::updated_at.eq(now),
    ))
    .execute(conn)?;
    // Nothing more is posted to it, not even what was waiting.
    let hooks = crate::schema::webhooks::table
        .filter(crate::schema::webhooks::client_id.eq(id))
        .select(crate::schema::webhooks::id);
    diesel::delete(
        crate::schema::webhook_deliveries::table
            .filter(crate::schema::webhook_deliveries::status.eq("pending"))
            .filter(crate::schema::webhook_deliveries::webhook_id.eq_any(hooks)),
    )
    .execute(conn)?;
    end_tokens(conn, id)
}

fn end_tokens(conn: &mut DbConnection, client_id: &str) -> QueryResult<()> {
    diesel::delete(api_client_tokens::table.filter(api_client_tokens::client_id.eq(client_id)))
        .execute(conn)
        .map(|_| ())
}

pub fn insert_token(
    conn: &mut DbConnection,
    token_hash: &str,
    client_id: &str,
    scopes: &str,
    expires_at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(api_client_tokens::table)
        .values((
            api_client_tokens::token_hash.eq(token_hash),
            api_client_tokens::client_id.eq(client_id),
            api_client_tokens::scopes.eq(scopes),
            api_client_tokens::expires_at.eq(expires_at),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Deletes one token.
pub fn delete_token(conn: &mut DbConnection, token_hash: &str) -> QueryResult<()> {
    diesel::delete(api_client_tokens::table.find(token_hash))
        .execute(conn)
        .map(|_| ())
}

/// The live token with this hash: its scopes and its client, if the client is not revoked.
pub fn live_token(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<(String, ClientRow)>> {
    api_client_tokens::table
        .inner_join(api_clients::table)
        .filter(api_client_tokens::token_hash.eq(token_hash))
        .filter(api_client_tokens::expires_at.gt(now))
        .filter(api_clients::revoked_at.is_null())
        .select((api_client_tokens::scopes, ClientRow::as_select()))
        .first(conn)
        .optional()
}

/// Deletes tokens that expired before `now`.
pub fn prune_tokens(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(api_client_tokens::table.filter(api_client_tokens::expires_at.le(now)))
        .execute(conn)
}

/// Deletes calls logged before `before`.
pub fn prune_calls(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(api_client_calls::table.filter(api_client_calls::at.lt(before))).execute(conn)
}

pub fn log_call(
    conn: &mut DbConnection,
    client_id: &str,
    at: NaiveDateTime,
    method: &str,
    route: &str,
    status: u16,
) -> QueryResult<()> {
    diesel::insert_into(api_client_calls::table)
        .values((
            api_client_calls::id.eq(uuid::Uuid::new_v4().to_string()),
            api_client_calls::client_id.eq(client_id),
            api_client_calls::at.eq(chrono::SubsecRound::trunc_subsecs(at, 6)),
            api_client_calls::method.eq(method),
            api_client_calls::route.eq(route),
            api_client_calls::status.eq(i32::from(status)),
        ))
        .execute(conn)
        .map(|_| ())
}

/// A logged call: id, when, method, route, status.
pub type CallRow = (String, NaiveDateTime, String, String, i32);

/// A client's calls, newest first, before the cursor `(at, id)`.
pub fn calls(
    conn: &mut DbConnection,
    client_id: &str,
    before: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> QueryResult<Vec<CallRow>> {
    let mut q = api_client_calls::table
        .filter(api_client_calls::client_id.eq(client_id))
        .into_boxed();
    if let Some((at, id)) = before {
        q = q.filter(
            api_client_calls::at
                .lt(at)
                .or(api_client_calls::at.eq(at).and(api_client_calls::id.lt(id))),
        );
    }
    q.order((api_client_calls::at.desc(), api_client_calls::id.desc()))
        .select((
            api_client_calls::id,
            api_client_calls::at,
            api_client_calls::method,
            api_client_calls::route,
            api_client_calls::status,
        ))
        .limit(limit)
        .load(conn)
}

/// The last call and the number of calls since `since`, per client of the library.
pub fn usage(
    conn: &mut DbConnection,
    client_ids: &[String],
    since: NaiveDateTime,
) -> QueryResult<Vec<(String, Option<NaiveDateTime>, i64)>> {
    use diesel::dsl::{count_star, max};
    let last: Vec<(String, Option<NaiveDateTime>)> = api_client_calls::table
        .filter(api_client_calls::client_id.eq_any(client_ids))
        .group_by(api_client_calls::client_id)
        .select((api_client_calls::client_id, max(api_client_calls::at)))
        .load(conn)?;
    let recent: Vec<(String, i64)> = api_client_calls::table
        .filter(api_client_calls::client_id.eq_any(client_ids))
        .filter(api_client_calls::at.ge(since))
        .group_by(api_client_calls::client_id)
        .select((api_client_calls::client_id, count_star()))
        .load(conn)?;
    Ok(last
        .into_iter()
        .map(|(id, at)| {
            let n = recent.iter().find(|(r, _)| *r == id).map_or(0, |(_, n)| *n);
            (id, at, n)
        })
        .collect())
}
