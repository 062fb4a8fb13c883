//! Webhooks: a partner's subscriptions, the outbox rows written with each change, and the checks of
//! a subscription's URL.
//!
//! *Invariant:* a delivery is written by the transaction that makes the change it tells of, so a
//! partner is told of every committed change and of nothing rolled back. Payloads are thin: the
//! kind, the library and the id and address of what changed (and a booking's session type and
//! times), never a person's details; the partner reads the rest with its token.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use etakirjasto_shared::{
    ApiScope, ErrorCode, FieldCode, Webhook, WebhookCreated, WebhookDelivery, WebhookInput,
    WebhookKind,
};
use serde_json::json;

use super::PartnerCall;
use crate::{
    db::{DbConnection, write_tx},
    error::ApiError,
    schema::{api_clients, libraries, webhook_deliveries, webhooks},
};

/// Subscriptions one client may hold.
pub const MAX_PER_CLIENT: i64 = 10;

/// A subscription as stored.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhooks)]
pub struct WebhookRow {
    pub id: String,
    pub client_id: String,
    pub url: String,
    /// Space-separated kinds.
    pub kinds: String,
    pub secret: String,
    pub created_at: NaiveDateTime,
}

/// A delivery as stored.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_deliveries)]
pub struct DeliveryRow {
    pub id: String,
    pub webhook_id: String,
    pub kind: String,
    pub payload: String,
    pub created_at: NaiveDateTime,
    pub due_at: NaiveDateTime,
    pub attempts: i32,
    pub status: String,
    pub claim: Option<String>,
    pub claimed_until: Option<NaiveDateTime>,
    pub last_status: Option<i32>,
    pub delivered_at: Option<NaiveDateTime>,
}

fn kinds_of(stored: &str) -> Vec<WebhookKind> {
    stored.split(' ').filter_map(WebhookKind::parse).collect()
}

/// The scope a client needs to be told of a kind of change: what it could read or do anyway.
fn scope_for(kind: WebhookKind) -> ApiScope {
    match kind {
        WebhookKind::EventCreated | WebhookKind::EventChanged | WebhookKind::EventCancelled => {
            ApiScope::EventsRead
        }
        WebhookKind::BookingCreated
        | WebhookKind::BookingChanged
        | WebhookKind::BookingCancelled => ApiScope::BookingsWrite,
    }
}

fn has_scope(stored: &str, scope: ApiScope) -> bool {
    stored.split(' ').any(|s| s == scope.as_str())
}

/// Checks a subscription's URL: `https://` on a public host, or (when `allow_http`) also `http://`
/// and loopback or private addresses.
pub fn check_url(raw: &str, allow_http: bool) -> Result<String, FieldCode> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldCode::Required);
    }
    if raw.len() > 500 {
        return Err(FieldCode::TooLong);
    }
    let url = reqwest::Url::parse(raw).map_err(|_| FieldCode::InvalidFormat)?;
    if !url.username().is_empty() || url.password().is_some() || url.fragment().is_some() {
        return Err(FieldCode::InvalidFormat);
    }
    match url.scheme() {
        "https" => {}
        "http" if allow_http => {}
        _ => return Err(FieldCode::InvalidChoice),
    }
    let private = match url.host() {
        None => return Err(FieldCode::InvalidFormat),
        Some(url::Host::Domain(d)) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            d == "localhost"
                || d.ends_with(".localhost")
                || d.ends_with(".local")
                || d.ends_with(".internal")
                || !d.contains('.')
        }
        Some(url::Host::Ipv4(ip)) => !is_public(std::net::IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => !is_public(std::net::IpAddr::V6(ip)),
    };
    if private && !allow_http {
        return Err(FieldCode::InvalidChoice);
    }
    Ok(url.to_string())
}

/// True for an address on the public internet: not loopback, private, link-local, shared (CGNAT),
/// unspecified, broadcast, multicast or documentation, also when written as an IPv4-mapped IPv6
/// address. The worker posts only to such addresses (checked again when the name is resolved).
pub fn is_public(ip: std::net::IpAddr) -> bool {
    use std::net::IpAddr;
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_documentation()
                || a == 0
                || (a == 100 && (64..128).contains(&b))
                || a >= 224)
        }
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public(IpAddr::V4(v4)),
            None => {
                let first = v6.segments()[0];
                !(v6.is_loopback()
                    || v6.is_unspecified()
                    || (first & 0xfe00) == 0xfc00
                    || (first & 0xffc0) == 0xfe80
                    || (first & 0xff00) == 0xff00)
            }
        },
    }
}

fn checked(input: &WebhookInput, allow_http: bool) -> Result<(String, String), ApiError> {
    let mut faults = Vec::new();
    let url = check_url(&input.url, allow_http).map_err(|c| faults.push(("url".to_owned(), c)));
    if input.kinds.is_empty() {
        faults.push(("kinds".into(), FieldCode::Required));
    }
    for (i, k) in input.kinds.iter().enumerate() {
        if input.kinds[..i].contains(k) {
            faults.push((format!("kinds[{i}]"), FieldCode::Taken));
        }
    }
    match url {
        Ok(url) if faults.is_empty() => {
            let kinds = WebhookKind::ALL
                .iter()
                .filter(|k| input.kinds.contains(k))
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            Ok((url, kinds))
        }
        _ => Err(ApiError::invalid(faults)),
    }
}

fn counts(conn: &mut DbConnection, id: &str) -> QueryResult<(u32, u32)> {
    let count = |conn: &mut DbConnection, status: &str| -> QueryResult<u32> {
        let n: i64 = webhook_deliveries::table
            .filter(webhook_deliveries::webhook_id.eq(id))
            .filter(webhook_deliveries::status.eq(status))
            .count()
            .get_result(conn)?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    };
    Ok((count(conn, "pending")?, count(conn, "failed")?))
}

fn to_wire(conn: &mut DbConnection, row: WebhookRow) -> QueryResult<Webhook> {
    let (pending, failed) = counts(conn, &row.id)?;
    Ok(Webhook {
        kinds: kinds_of(&row.kinds),
        id: row.id,
        url: row.url,
        created_at: row.created_at.and_utc(),
        pending,
        failed,
    })
}

/// Subscribes the partner's client; the signing secret is in the answer only.
pub fn create(
    conn: &mut DbConnection,
    call: &PartnerCall,
    input: WebhookInput,
    allow_http: bool,
    now: DateTime<Utc>,
) -> Result<WebhookCreated, ApiError> {
    let (url, kinds) = checked(&input, allow_http)?;
    // A client is told only of what its scopes let it read or do: events with `events:read`,
    // bookings with `bookings:write`.
    let scopes = super::queries::find(conn, &call.client_id)?
        .map(|(c, _)| c.scopes)
        .unwrap_or_default();
    if let Some(kind) = input
        .kinds
        .iter()
        .find(|k| !has_scope(&scopes, scope_for(**k)))
    {
        return Err(
            ApiError::client(ErrorCode::InsufficientScope).with_detail(format!(
                "`{}` needs the scope `{}`.",
                kind.as_str(),
                scope_for(*kind).as_str()
            )),
        );
    }
    let secret = format!(
        "whsec_{}",
        base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            crate::auth::secrets::random_token().as_bytes()
        )
    );
    let row = WebhookRow {
        id: uuid::Uuid::new_v4().to_string(),
        client_id: call.client_id.clone(),
        url,
        kinds,
        secret: secret.clone(),
        created_at: now.naive_utc(),
    };
    write_tx(conn, |conn| {
        // Under the client's row lock, so two subscriptions at once cannot pass the limit.
        lock_client(conn, &call.client_id)?;
        let held: i64 = webhooks::table
            .filter(webhooks::client_id.eq(&call.client_id))
            .count()
            .get_result(conn)?;
        if held >= MAX_PER_CLIENT {
            return Err(ApiError::client(etakirjasto_shared::ErrorCode::Conflict)
                .with_detail(format!("A client may hold {MAX_PER_CLIENT} webhooks.")));
        }
        diesel::insert_into(webhooks::table)
            .values(&row)
            .execute(conn)?;
        Ok(())
    })?;
    Ok(WebhookCreated {
        webhook: to_wire(conn, row)?,
        secret,
    })
}

fn lock_client(conn: &mut DbConnection, id: &str) -> QueryResult<()> {
    match conn {
        DbConnection::Pg(pg) => api_clients::table
            .find(id)
            .select(api_clients::id)
            .for_no_key_update()
            .first::<String>(pg)
            .map(|_| ()),
        DbConnection::Sqlite(_) => Ok(()),
    }
}

/// The client's subscriptions, oldest first.
pub fn list(conn: &mut DbConnection, call: &PartnerCall) -> Result<Vec<Webhook>, ApiError> {
    let rows: Vec<WebhookRow> = webhooks::table
        .filter(webhooks::client_id.eq(&call.client_id))
        .order((webhooks::created_at, webhooks::id))
        .select(WebhookRow::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| to_wire(conn, r))
        .collect::<QueryResult<_>>()?)
}

fn own(conn: &mut DbConnection, call: &PartnerCall, id: &str) -> Result<WebhookRow, ApiError> {
    if !etakirjasto_shared::validate::is_id(id) {
        return Err(ApiError::not_found());
    }
    webhooks::table
        .find(id)
        .filter(webhooks::client_id.eq(&call.client_id))
        .select(WebhookRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

/// Ends a subscription and drops what it had not delivered.
pub fn delete(conn: &mut DbConnection, call: &PartnerCall, id: &str) -> Result<(), ApiError> {
    let row = own(conn, call, id)?;
    write_tx(conn, |conn| {
        diesel::delete(
            webhook_deliveries::table.filter(webhook_deliveries::webhook_id.eq(&row.id)),
        )
        .execute(conn)?;
        diesel::delete(webhooks::table.find(&row.id)).execute(conn)?;
        Ok::<_, ApiError>(())
    })
}

/// A subscription's latest deliveries, newest first.
pub fn deliveries(
    conn: &mut DbConnection,
    call: &PartnerCall,
    id: &str,
) -> Result<Vec<WebhookDelivery>, ApiError> {
    let row = own(conn, call, id)?;
    let rows: Vec<DeliveryRow> = webhook_deliveries::table
        .filter(webhook_deliveries::webhook_id.eq(&row.id))
        .order((
            webhook_deliveries::created_at.desc(),
            webhook_deliveries::id.desc(),
        ))
        .limit(50)
        .select(DeliveryRow::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|d| WebhookDelivery {
            kind: WebhookKind::parse(&d.kind).unwrap_or(WebhookKind::EventChanged),
            payload: d.payload,
            id: d.id,
            created_at: d.created_at.and_utc(),
            status: d.status,
            attempts: u32::try_from(d.attempts).unwrap_or(0),
            last_status: d.last_status.and_then(|s| u16::try_from(s).ok()),
            delivered_at: d.delivered_at.map(|t| t.and_utc()),
        })
        .collect())
}

/// Writes a delivery for each live subscription of the library's clients to `kind` (inside the
/// change's transaction). `data` names what changed.
fn enqueue(
    conn: &mut DbConnection,
    library_id: &str,
    kind: WebhookKind,
    data: serde_json::Value,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    let subscribed: Vec<(String, String, String)> = webhooks::table
        .inner_join(api_clients::table.inner_join(libraries::table))
        .filter(api_clients::library_id.eq(library_id))
        .filter(api_clients::revoked_at.is_null())
        .select((webhooks::id, webhooks::kinds, api_clients::scopes))
        .load(conn)?;
    let at = chrono::SubsecRound::trunc_subsecs(now.naive_utc(), 6);
    for (webhook_id, kinds, scopes) in subscribed {
        // The client's scopes as they are now: one it lost stops the telling.
        if !kinds_of(&kinds).contains(&kind) || !has_scope(&scopes, scope_for(kind)) {
            continue;
        }
        let slug: String = libraries::table
            .find(library_id)
            .select(libraries::slug)
            .first(conn)?;
        let id = uuid::Uuid::new_v4().to_string();
        let payload = json!({
            "id": id,
            "type": kind.as_str(),
            "created_at": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            "library": slug,
            "data": data,
        });
        diesel::insert_into(webhook_deliveries::table)
            .values(&DeliveryRow {
                id,
                webhook_id,
                kind: kind.as_str().to_owned(),
                payload: payload.to_string(),
                created_at: at,
                due_at: at,
                attempts: 0,
                status: "pending".into(),
                claim: None,
                claimed_until: None,
                last_status: None,
                delivered_at: None,
            })
            .execute(conn)?;
    }
    super::webhook_worker::wake();
    Ok(())
}

/// Tells subscribers of an event's change.
pub fn event(
    conn: &mut DbConnection,
    row: &crate::events::queries::EventRow,
    kind: WebhookKind,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    enqueue(
        conn,
        &row.library_id,
        kind,
        json!({
            "event_id": row.id,
            "series_id": row.series_id,
            "starts_at": row.starts_at.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            "url": format!("/api/v1/events/{}", row.id),
        }),
        now,
    )
}

/// Tells subscribers of a booking's change (no personal details).
pub fn booking(
    conn: &mut DbConnection,
    row: &crate::bookings::queries::BookingRow,
    kind: WebhookKind,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    enqueue(
        conn,
        &row.library_id,
        kind,
        json!({
            "booking_id": row.id,
            "service_id": row.service_id,
            "starts_at": row.starts_at.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            "ends_at": row.ends_at.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            "status": row.status,
        }),
        now,
    )
}

/// Deletes delivered and failed deliveries older than `days`.
pub fn prune(conn: &mut DbConnection, now: DateTime<Utc>, days: i64) -> QueryResult<usize> {
    diesel::delete(
        webhook_deliveries::table
            .filter(webhook_deliveries::status.ne("pending"))
            .filter(webhook_deliveries::created_at.lt((now - Duration::days(days)).naive_utc())),
    )
    .execute(conn)
}
