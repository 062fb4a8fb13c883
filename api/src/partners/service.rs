//! Flows over a connection: the admins' work on API clients, the token exchange, and checking a
//! partner's token on each call.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use etakirjasto_shared::{
    ApiCall, ApiClient, ApiClientCredentials, ApiClientInput, ApiScope, ErrorCode, FieldCode, Page,
    PartnerToken, Role, check_api_client, check_origin, scope_string,
};

use super::{
    PartnerCall,
    queries::{self, ClientRow},
};
use crate::{
    audit::{self, Action},
    auth::{AuthUser, extract::role_refused, secrets},
    db::{DbConnection, write_tx},
    error::ApiError,
    libraries::queries::{LibraryRow, find_by_slug},
    pagination::page,
};

/// How long a partner's token lives.
pub const TOKEN_SECONDS: u32 = 900;
/// How long partners' calls are kept in the log.
pub const CALL_LOG_DAYS: i64 = 90;

fn is_admin(user: &AuthUser, library_id: &str) -> bool {
    user.role_in(library_id) == Some(Role::Admin)
}

/// The library of `slug` if the user is its admin: 422 `library` for an unknown slug, 403 else.
fn admin_library(
    conn: &mut DbConnection,
    user: &AuthUser,
    slug: &str,
) -> Result<LibraryRow, ApiError> {
    let library = find_by_slug(conn, slug.trim())?
        .ok_or_else(|| ApiError::invalid(vec![("library".into(), FieldCode::InvalidChoice)]))?;
    if is_admin(user, &library.id) {
        Ok(library)
    } else if user.withheld_roles {
        Err(role_refused(user))
    } else {
        Err(ApiError::forbidden())
    }
}

/// A client of a library the user is admin of, with the library's slug: 404 for everyone else.
fn admin_client(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
) -> Result<(ClientRow, String), ApiError> {
    match queries::find(conn, id)? {
        Some((row, slug)) if is_admin(user, &row.library_id) => Ok((row, slug)),
        Some(_) if user.withheld_roles => Err(role_refused(user)),
        _ => Err(ApiError::not_found()),
    }
}

fn scopes_of(stored: &str) -> Vec<ApiScope> {
    stored.split(' ').filter_map(ApiScope::parse).collect()
}

fn origins_of(stored: &str) -> Vec<String> {
    serde_json::from_str(stored).unwrap_or_default()
}

fn to_wire(row: ClientRow, slug: String, usage: Option<(Option<NaiveDateTime>, i64)>) -> ApiClient {
    let (last, count) = usage.unwrap_or((None, 0));
    ApiClient {
        scopes: scopes_of(&row.scopes),
        allowed_origins: origins_of(&row.allowed_origins),
        client_id: row.id,
        library: slug,
        name: row.name,
        rate_limit_per_minute: u32::try_from(row.rate_limit).unwrap_or(1),
        created_at: row.created_at.and_utc(),
        revoked_at: row.revoked_at.map(|t| t.and_utc()),
        last_call_at: last.map(|t| t.and_utc()),
        calls_last_day: u32::try_from(count).unwrap_or(u32::MAX),
    }
}

fn with_usage(
    conn: &mut DbConnection,
    rows: Vec<ClientRow>,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<Vec<ApiClient>, ApiError> {
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let usage = queries::usage(conn, &ids, (now - Duration::days(1)).naive_utc())?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let u = usage
                .iter()
                .find(|(id, _, _)| *id == row.id)
                .map(|(_, at, n)| (*at, *n));
            to_wire(row, slug.to_owned(), u)
        })
        .collect())
}

fn one(
    conn: &mut DbConnection,
    row: ClientRow,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<ApiClient, ApiError> {
    with_usage(conn, vec![row], slug, now)?
        .pop()
        .ok_or_else(|| ApiError::internal("client vanished"))
}

/// The input checked, with the origins normalised and the scopes in order.
fn checked(input: ApiClientInput) -> Result<(String, String, String, i32), ApiError> {
    let faults = check_api_client(&input);
    if !faults.is_empty() {
        return Err(ApiError::invalid(faults));
    }
    let origins: Vec<String> = input
        .allowed_origins
        .iter()
        .filter_map(|o| check_origin(o).ok())
        .collect();
    Ok((
        input.name.trim().to_owned(),
        scope_string(&input.scopes),
        serde_json::to_string(&origins).map_err(|e| ApiError::internal(e.to_string()))?,
        i32::try_from(input.rate_limit_per_minute).unwrap_or(1),
    ))
}

/// The library's clients, newest first (its admins).
pub fn list(
    conn: &mut DbConnection,
    user: &AuthUser,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<Vec<ApiClient>, ApiError> {
    let library = admin_library(conn, user, slug)?;
    let rows = queries::of_library(conn, &library.id)?;
    with_usage(conn, rows, &library.slug, now)
}

/// One client (its library's admins).
pub fn read(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    now: DateTime<Utc>,
) -> Result<ApiClient, ApiError> {
    let (row, slug) = admin_client(conn, user, id)?;
    one(conn, row, &slug, now)
}

fn new_secret() -> (String, String) {
    let secret = format!("eks_{}", secrets::random_token());
    let hash = secrets::token_hash(&secret);
    (secret, hash)
}

/// Makes a client; its secret is in the answer only.
pub fn create(
    conn: &mut DbConnection,
    user: &AuthUser,
    input: ApiClientInput,
    now: DateTime<Utc>,
) -> Result<ApiClientCredentials, ApiError> {
    let library = admin_library(conn, user, &input.library)?;
    let (name, scopes, origins, rate_limit) = checked(input)?;
    let (secret, secret_hash) = new_secret();
    let at = now.naive_utc();
    let row = ClientRow {
        id: uuid::Uuid::new_v4().to_string(),
        library_id: library.id.clone(),
        name,
        secret_hash,
        scopes,
        allowed_origins: origins,
        rate_limit,
        created_at: at,
        updated_at: at,
        revoked_at: None,
    };
    write_tx(conn, |conn| {
        queries::insert(conn, &row)?;
        audit::record_about(
            conn,
            Some(&user.user_id),
            Action::ApiClientCreated,
            None,
            Some(&row.id),
            Some(&library.id),
            at,
        )
    })?;
    Ok(ApiClientCredentials {
        client: to_wire(row, library.slug, None),
        client_secret: secret,
    })
}

/// Changes a client's name, scopes, origins and rate limit; 409 `conflict` once revoked. Tokens
/// already given lose at once what the client loses.
pub fn update(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    input: ApiClientInput,
    now: DateTime<Utc>,
) -> Result<ApiClient, ApiError> {
    let (mut row, slug) = admin_client(conn, user, id)?;
    if input.library.trim() != slug {
        return Err(ApiError::invalid(vec![(
            "library".into(),
            FieldCode::InvalidChoice,
        )]));
    }
    let (name, scopes, origins, rate_limit) = checked(input)?;
    row.name = name;
    row.scopes = scopes;
    row.allowed_origins = origins;
    row.rate_limit = rate_limit;
    row.updated_at = now.naive_utc();
    write_tx(conn, |conn| {
        if !queries::update(conn, &row)? {
            return Err(revoked());
        }
        audit::record_about(
            conn,
            Some(&user.user_id),
            Action::ApiClientChanged,
            None,
            Some(&row.id),
            Some(&row.library_id),
            row.updated_at,
        )?;
        Ok(())
    })?;
    read(conn, user, id, now)
}

fn revoked() -> ApiError {
    ApiError::client(ErrorCode::Conflict).with_detail("The client was revoked.")
}

/// Gives a client a new secret: the old one and every token made with it stop at once.
pub fn renew_secret(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    now: DateTime<Utc>,
) -> Result<ApiClientCredentials, ApiError> {
    let (row, _) = admin_client(conn, user, id)?;
    let (secret, hash) = new_secret();
    let at = now.naive_utc();
    write_tx(conn, |conn| {
        if !queries::set_secret(conn, &row.id, &hash, at)? {
            return Err(revoked());
        }
        audit::record_about(
            conn,
            Some(&user.user_id),
            Action::ApiClientSecretRenewed,
            None,
            Some(&row.id),
            Some(&row.library_id),
            at,
        )?;
        Ok(())
    })?;
    Ok(ApiClientCredentials {
        client: read(conn, user, id, now)?,
        client_secret: secret,
    })
}

/// Revokes a client for good: no more tokens, and those given stop at once. A second time changes
/// nothing.
pub fn revoke(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    now: DateTime<Utc>,
) -> Result<ApiClient, ApiError> {
    let (row, _) = admin_client(conn, user, id)?;
    if row.revoked_at.is_none() {
        let at = now.naive_utc();
        write_tx(conn, |conn| {
            queries::revoke(conn, &row.id, at)?;
            audit::record_about(
                conn,
                Some(&user.user_id),
                Action::ApiClientRevoked,
                None,
                Some(&row.id),
                Some(&row.library_id),
                at,
            )
        })?;
    }
    read(conn, user, id, now)
}

/// A client's calls, newest first (its library's admins).
pub fn calls(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    before: Option<(NaiveDateTime, String)>,
    limit: u32,
) -> Result<Page<ApiCall>, ApiError> {
    let (row, _) = admin_client(conn, user, id)?;
    let rows = queries::calls(conn, &row.id, before, i64::from(limit) + 1)?;
    Ok(page(
        rows,
        limit,
        |r| format!("{}|{}", r.1.and_utc().timestamp_micros(), r.0),
        |(_, at, method, route, status)| ApiCall {
            at: at.and_utc(),
            method,
            route,
            status: u16::try_from(status).unwrap_or(0),
        },
    ))
}

/// Why a token request was refused, with OAuth's error code (RFC 6749 §5.2).
#[derive(Debug)]
pub struct TokenRefusal {
    /// The problem to answer.
    pub error: ApiError,
    /// `invalid_client`, `unsupported_grant_type`, `invalid_scope` or `invalid_request`.
    pub oauth: &'static str,
}

impl TokenRefusal {
    fn new(error: ApiError, oauth: &'static str) -> Self {
        TokenRefusal { error, oauth }
    }

    fn field(field: &str, oauth: &'static str) -> Self {
        Self::new(
            ApiError::invalid(vec![(field.into(), FieldCode::InvalidChoice)]),
            oauth,
        )
    }
}

impl From<ApiError> for TokenRefusal {
    fn from(error: ApiError) -> Self {
        TokenRefusal::new(error, "invalid_request")
    }
}

impl From<diesel::result::Error> for TokenRefusal {
    fn from(error: diesel::result::Error) -> Self {
        ApiError::from(error).into()
    }
}

/// Equal-time comparison of two hashes.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The client-credentials exchange: a token with the scopes asked for (all the client's when none
/// are named). Counts against the client's rate limit.
pub fn issue_token(
    conn: &mut DbConnection,
    grant_type: &str,
    client_id: &str,
    client_secret: &str,
    scope: Option<&str>,
    now: DateTime<Utc>,
) -> Result<PartnerToken, TokenRefusal> {
    if grant_type != "client_credentials" {
        return Err(TokenRefusal::field("grant_type", "unsupported_grant_type"));
    }
    let hash = secrets::token_hash(client_secret);
    let client = queries::find(conn, client_id)?.map(|(row, _)| row);
    let Some(client) = client.filter(|c| c.revoked_at.is_none() && same(&c.secret_hash, &hash))
    else {
        return Err(TokenRefusal::new(
            ApiError::client(ErrorCode::InvalidClient),
            "invalid_client",
        ));
    };
    let has = scopes_of(&client.scopes);
    let wanted: Vec<ApiScope> = match scope.map(str::trim).filter(|s| !s.is_empty()) {
        None => has.clone(),
        Some(s) => {
            let mut out = Vec::new();
            for name in s.split(' ').filter(|n| !n.is_empty()) {
                match ApiScope::parse(name) {
                    Some(x) if has.contains(&x) => out.push(x),
                    _ => return Err(TokenRefusal::field("scope", "invalid_scope")),
                }
            }
            out
        }
    };
    crate::throttle::spend_in(
        conn,
        &format!("partner:{}", client.id),
        u32::try_from(client.rate_limit).unwrap_or(1),
        60,
        now,
    )?;
    let token = format!("ekp_{}", secrets::random_token());
    let scopes = scope_string(&wanted);
    let expires = now + Duration::seconds(i64::from(TOKEN_SECONDS));
    let token_hash = secrets::token_hash(&token);
    queries::insert_token(conn, &token_hash, &client.id, &scopes, expires.naive_utc())?;
    // A new secret or a revocation that committed meanwhile ended every token then stored; one made
    // with the old secret after that is taken back here, so none outlives it.
    let still = queries::find(conn, &client.id)?
        .is_some_and(|(c, _)| c.revoked_at.is_none() && same(&c.secret_hash, &hash));
    if !still {
        queries::delete_token(conn, &token_hash)?;
        return Err(TokenRefusal::new(
            ApiError::client(ErrorCode::InvalidClient),
            "invalid_client",
        ));
    }
    Ok(PartnerToken {
        access_token: token,
        token_type: "Bearer".into(),
        expires_in: TOKEN_SECONDS,
        scope: scopes,
    })
}

/// A checked partner token: the call, the scopes it may use, the client's origins and its rate
/// limit per minute.
pub type Checked = (PartnerCall, Vec<ApiScope>, Vec<String>, u32);

/// A live partner token's client and the scopes the call may use (those of the token the client
/// still has), with the origins the client names; `None` for an unknown, expired or revoked one.
pub fn authenticate(
    conn: &mut DbConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<Checked>, ApiError> {
    let Some((token_scopes, client)) =
        queries::live_token(conn, &secrets::token_hash(token), now.naive_utc())?
    else {
        return Ok(None);
    };
    let has = scopes_of(&client.scopes);
    let scopes = scopes_of(&token_scopes)
        .into_iter()
        .filter(|s| has.contains(s))
        .collect();
    Ok(Some((
        PartnerCall {
            client_id: client.id,
            library_id: client.library_id,
        },
        scopes,
        origins_of(&client.allowed_origins),
        u32::try_from(client.rate_limit).unwrap_or(1),
    )))
}

/// True when some client that is not revoked names `origin`.
pub fn origin_allowed(conn: &mut DbConnection, origin: &str) -> Result<bool, ApiError> {
    Ok(queries::live_origins(conn)?
        .iter()
        .any(|stored| origins_of(stored).iter().any(|o| o == origin)))
}

/// What a partner may act on: the session type or event must be its library's (403 else); a
/// missing one is left to the operation (404).
pub enum Target<'a> {
    /// A session type, by id.
    Service(&'a str),
    /// An event, by id.
    Event(&'a str),
    /// An event series, by id.
    Series(&'a str),
}

/// 403 when a partner call is about another library's session type or event.
pub fn check_library(
    conn: &mut DbConnection,
    call: &PartnerCall,
    target: Target<'_>,
) -> Result<(), ApiError> {
    let library = match target {
        Target::Service(id) => crate::services::queries::find(conn, id)?.map(|(s, _)| s.library_id),
        Target::Event(id) => crate::events::queries::find(conn, id)?.map(|(e, _, _)| e.library_id),
        Target::Series(id) => {
            crate::events::queries::find_series(conn, id)?.map(|(s, _, _)| s.library_id)
        }
    };
    match library {
        Some(l) if l != call.library_id => {
            Err(ApiError::forbidden().with_detail("This API client acts for another library."))
        }
        _ => Ok(()),
    }
}

/// Deletes expired tokens and calls older than the log keeps.
pub fn prune(conn: &mut DbConnection, now: DateTime<Utc>) -> Result<(), ApiError> {
    queries::prune_tokens(conn, now.naive_utc())?;
    queries::prune_calls(conn, (now - Duration::days(CALL_LOG_DAYS)).naive_utc())?;
    Ok(())
}
