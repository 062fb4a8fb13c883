//! Partner systems' access: API clients with scopes, the OAuth 2.0 client-credentials token, and
//! the log of a client's calls.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::FieldCode;

/// What a partner system may do with its tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ApiScope {
    /// Read public events and series, and their calendar files.
    #[serde(rename = "events:read")]
    EventsRead,
    /// Read session types and their bookable times.
    #[serde(rename = "slots:read")]
    SlotsRead,
    /// Book one-to-one sessions for patrons (as guests, with their contact details), and read,
    /// move or cancel them with the manage token.
    #[serde(rename = "bookings:write")]
    BookingsWrite,
    /// Register patrons for events and series (as guests), and read or cancel the registration
    /// with the manage token.
    #[serde(rename = "registrations:write")]
    RegistrationsWrite,
    /// Read published operating models, as JSON or Markdown.
    #[serde(rename = "guides:read")]
    GuidesRead,
    /// Subscribe to webhooks of the library's events and bookings.
    #[serde(rename = "webhooks:manage")]
    WebhooksManage,
}

impl ApiScope {
    /// Every scope, in order.
    pub const ALL: &'static [ApiScope] = &[
        ApiScope::EventsRead,
        ApiScope::SlotsRead,
        ApiScope::BookingsWrite,
        ApiScope::RegistrationsWrite,
        ApiScope::GuidesRead,
        ApiScope::WebhooksManage,
    ];

    /// The name used on the wire and in the `scope` parameter.
    pub fn as_str(self) -> &'static str {
        match self {
            ApiScope::EventsRead => "events:read",
            ApiScope::SlotsRead => "slots:read",
            ApiScope::BookingsWrite => "bookings:write",
            ApiScope::RegistrationsWrite => "registrations:write",
            ApiScope::GuidesRead => "guides:read",
            ApiScope::WebhooksManage => "webhooks:manage",
        }
    }

    /// Parses a scope's name.
    pub fn parse(s: &str) -> Option<ApiScope> {
        ApiScope::ALL.iter().copied().find(|x| x.as_str() == s)
    }
}

/// Space-separated scope names, in `ApiScope::ALL`'s order (the form of OAuth's `scope`).
pub fn scope_string(scopes: &[ApiScope]) -> String {
    ApiScope::ALL
        .iter()
        .filter(|s| scopes.contains(s))
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The fewest and most calls a client may be allowed per minute.
pub const RATE_LIMIT_RANGE: (u32, u32) = (1, 10_000);
/// The most browser origins one client may name.
pub const MAX_ORIGINS: usize = 20;

/// What a library's admin sets for an API client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "library": "kalajoki",
    "name": "Kalajoki city website",
    "scopes": ["events:read", "registrations:write"],
    "allowed_origins": ["https://www.kalajoki.fi"],
    "rate_limit_per_minute": 120
})))]
pub struct ApiClientInput {
    /// The library the client acts for (its slug). Fixed once the client exists.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// The partner system, as the library's staff know it (1–100 characters).
    #[cfg_attr(feature = "openapi", schema(example = "Kalajoki city website"))]
    pub name: String,
    /// What its tokens may do: at least one scope.
    pub scopes: Vec<ApiScope>,
    /// Web origins (`https://host[:port]`; `http` only for `localhost`) whose pages may call the API
    /// with the client's tokens from a browser. Empty: server-to-server only. At most 20.
    #[serde(default)]
    pub allowed_origins: Vec<String>,
    /// Calls allowed per minute with the client's tokens (1–10000); the next is 429 with
    /// `Retry-After`.
    #[cfg_attr(
        feature = "openapi",
        schema(example = 120, minimum = 1, maximum = 10000)
    )]
    pub rate_limit_per_minute: u32,
}

/// An API client as its library's admins see it. The secret is never shown again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiClient {
    /// The client's id: the `client_id` of the token request.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "6d2f4c2e-8f3b-4c55-9a6e-2b7d0e1f3a90")
    )]
    pub client_id: String,
    /// The library's slug.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// The partner system's name.
    #[cfg_attr(feature = "openapi", schema(example = "Kalajoki city website"))]
    pub name: String,
    /// What its tokens may do.
    pub scopes: Vec<ApiScope>,
    /// Web origins allowed to call from a browser.
    pub allowed_origins: Vec<String>,
    /// Calls allowed per minute.
    #[cfg_attr(feature = "openapi", schema(example = 120))]
    pub rate_limit_per_minute: u32,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// When it was revoked; a revoked client gets no tokens and its tokens stop at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<DateTime<Utc>>,
    /// Its last call with a token, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_call_at: Option<DateTime<Utc>>,
    /// Calls in the last 24 hours.
    #[cfg_attr(feature = "openapi", schema(example = 42))]
    pub calls_last_day: u32,
}

/// A new client, or a client with a new secret: the secret is shown this once and stored only as a
/// hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiClientCredentials {
    /// The client.
    pub client: ApiClient,
    /// The secret for `POST /api/v1/oauth/token`. Keep it in the partner system's secret store;
    /// it cannot be read again (make a new one if it is lost).
    #[cfg_attr(
        feature = "openapi",
        schema(example = "eks_Qm9vay1jbHViLXNlY3JldC1kby1ub3QtdXNlLWluLXByb2Q")
    )]
    pub client_secret: String,
}

/// The token request (RFC 6749 §4.4, client credentials). The client may instead authenticate
/// with HTTP Basic (`client_id:client_secret`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "grant_type": "client_credentials",
    "client_id": "6d2f4c2e-8f3b-4c55-9a6e-2b7d0e1f3a90",
    "client_secret": "eks_Qm9vay1jbHViLXNlY3JldC1kby1ub3QtdXNlLWluLXByb2Q",
    "scope": "events:read registrations:write"
})))]
pub struct PartnerTokenRequest {
    /// Always `client_credentials`.
    #[cfg_attr(feature = "openapi", schema(example = "client_credentials"))]
    pub grant_type: String,
    /// The client's id (unless given with HTTP Basic).
    #[serde(default)]
    pub client_id: Option<String>,
    /// The client's secret (unless given with HTTP Basic).
    #[serde(default)]
    pub client_secret: Option<String>,
    /// The scopes wanted, space-separated; without it, every scope the client has.
    #[serde(default)]
    pub scope: Option<String>,
}

/// A token for the partner's calls: send it as `Authorization: Bearer <access_token>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerToken {
    /// The token.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "ekp_c2hvcnQtbGl2ZWQtdG9rZW4tZXhhbXBsZS1vbmx5")
    )]
    pub access_token: String,
    /// Always `Bearer`.
    #[cfg_attr(feature = "openapi", schema(example = "Bearer"))]
    pub token_type: String,
    /// Seconds until it expires; then ask for a new one.
    #[cfg_attr(feature = "openapi", schema(example = 900))]
    pub expires_in: u32,
    /// The scopes granted, space-separated.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "events:read registrations:write")
    )]
    pub scope: String,
}

/// One call a partner made with a token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiCall {
    /// When.
    pub at: DateTime<Utc>,
    /// The HTTP method.
    #[cfg_attr(feature = "openapi", schema(example = "POST"))]
    pub method: String,
    /// The route pattern called (the path's values are not kept).
    #[cfg_attr(
        feature = "openapi",
        schema(example = "/api/v1/events/{id}/registrations")
    )]
    pub route: String,
    /// The status answered.
    #[cfg_attr(feature = "openapi", schema(example = 201))]
    pub status: u16,
}

/// A kind of change a webhook tells of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum WebhookKind {
    /// An event was published (each occurrence of a new series too).
    #[serde(rename = "event.created")]
    EventCreated,
    /// An event's details changed.
    #[serde(rename = "event.changed")]
    EventChanged,
    /// An event was cancelled.
    #[serde(rename = "event.cancelled")]
    EventCancelled,
    /// A one-to-one session was booked.
    #[serde(rename = "booking.created")]
    BookingCreated,
    /// A booking moved to another time.
    #[serde(rename = "booking.changed")]
    BookingChanged,
    /// A booking was cancelled.
    #[serde(rename = "booking.cancelled")]
    BookingCancelled,
}

impl WebhookKind {
    /// Every kind, in order.
    pub const ALL: &'static [WebhookKind] = &[
        WebhookKind::EventCreated,
        WebhookKind::EventChanged,
        WebhookKind::EventCancelled,
        WebhookKind::BookingCreated,
        WebhookKind::BookingChanged,
        WebhookKind::BookingCancelled,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            WebhookKind::EventCreated => "event.created",
            WebhookKind::EventChanged => "event.changed",
            WebhookKind::EventCancelled => "event.cancelled",
            WebhookKind::BookingCreated => "booking.created",
            WebhookKind::BookingChanged => "booking.changed",
            WebhookKind::BookingCancelled => "booking.cancelled",
        }
    }

    /// Parses the wire name.
    pub fn parse(s: &str) -> Option<WebhookKind> {
        WebhookKind::ALL.iter().copied().find(|k| k.as_str() == s)
    }
}

/// A partner's subscription.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "url": "https://tapahtumat.kalajoki.fi/hooks/etakirjasto",
    "kinds": ["event.created", "event.changed", "event.cancelled"]
})))]
pub struct WebhookInput {
    /// Where to post: `https://` on a public host.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "https://tapahtumat.kalajoki.fi/hooks/etakirjasto")
    )]
    pub url: String,
    /// The kinds of change to tell of: at least one.
    pub kinds: Vec<WebhookKind>,
}

/// A subscription as the partner sees it (the secret is never shown again).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Webhook {
    /// The subscription's id.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "0b7e9c1a-3d44-4f0e-9a51-7c2d8e6f1b23")
    )]
    pub id: String,
    /// Where it posts.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "https://tapahtumat.kalajoki.fi/hooks/etakirjasto")
    )]
    pub url: String,
    /// The kinds it tells of.
    pub kinds: Vec<WebhookKind>,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// Deliveries waiting for their next attempt.
    #[cfg_attr(feature = "openapi", schema(example = 0))]
    pub pending: u32,
    /// Deliveries given up after every attempt failed.
    #[cfg_attr(feature = "openapi", schema(example = 0))]
    pub failed: u32,
}

/// A new subscription with its signing secret, shown this once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookCreated {
    /// The subscription.
    pub webhook: Webhook,
    /// The signing secret (`whsec_` and Base64): check each post's `webhook-signature` with it.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
    )]
    pub secret: String,
}

/// One post of a change to a subscription, and how it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookDelivery {
    /// The delivery's id: the `webhook-id` header, the same on every retry.
    pub id: String,
    /// The kind of change.
    pub kind: WebhookKind,
    /// The body posted, as JSON text (`{"id", "type", "created_at", "library", "data"}`).
    #[cfg_attr(
        feature = "openapi",
        schema(
            example = r#"{"id":"4f1c…","type":"event.changed","created_at":"2026-12-01T10:00:00Z","library":"kalajoki","data":{"event_id":"…","url":"/api/v1/events/…"}}"#
        )
    )]
    pub payload: String,
    /// When the change was made.
    pub created_at: DateTime<Utc>,
    /// `pending`, `delivered` or `failed`.
    #[cfg_attr(feature = "openapi", schema(example = "delivered"))]
    pub status: String,
    /// Attempts so far.
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub attempts: u32,
    /// The status the partner answered last; absent when it could not be reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_status: Option<u16>,
    /// When it was delivered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered_at: Option<DateTime<Utc>>,
}

/// Checks an origin: `https://host[:port]` (or `http` for `localhost`, `127.0.0.1`, `[::1]`),
/// lowercase, nothing after the host and port. Gives the normalised origin.
pub fn check_origin(origin: &str) -> Result<String, FieldCode> {
    let origin = origin.trim();
    if origin.is_empty() {
        return Err(FieldCode::Required);
    }
    if origin.len() > 200 {
        return Err(FieldCode::TooLong);
    }
    let lower = origin.to_ascii_lowercase();
    let (scheme, rest) = lower.split_once("://").ok_or(FieldCode::InvalidFormat)?;
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) if !h.is_empty() && !p.contains(']') => (h, Some(p)),
        _ => (rest, None),
    };
    let host_ok = !host.is_empty()
        && (host == "[::1]"
            || host.split('.').all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            }));
    let port_ok = port.is_none_or(|p| p.parse::<u16>().is_ok_and(|n| n > 0));
    if !host_ok || !port_ok {
        return Err(FieldCode::InvalidFormat);
    }
    let local = matches!(host, "localhost" | "127.0.0.1" | "[::1]");
    match scheme {
        "https" => {}
        "http" if local => {}
        _ => return Err(FieldCode::InvalidChoice),
    }
    Ok(match port {
        Some(p) => format!("{scheme}://{host}:{p}"),
        None => format!("{scheme}://{host}"),
    })
}

/// Checks an API client's input; the faults by field name.
pub fn check_api_client(input: &ApiClientInput) -> Vec<(String, FieldCode)> {
    let mut faults = Vec::new();
    let name = input.name.trim();
    if name.is_empty() {
        faults.push(("name".into(), FieldCode::Required));
    } else if name.chars().count() > 100 {
        faults.push(("name".into(), FieldCode::TooLong));
    }
    if input.scopes.is_empty() {
        faults.push(("scopes".into(), FieldCode::Required));
    }
    for (i, s) in input.scopes.iter().enumerate() {
        if input.scopes[..i].contains(s) {
            faults.push((format!("scopes[{i}]"), FieldCode::Taken));
        }
    }
    if input.allowed_origins.len() > MAX_ORIGINS {
        faults.push(("allowed_origins".into(), FieldCode::TooLong));
    }
    let mut seen = Vec::new();
    for (i, o) in input.allowed_origins.iter().enumerate() {
        match check_origin(o) {
            Ok(o) if seen.contains(&o) => {
                faults.push((format!("allowed_origins[{i}]"), FieldCode::Taken))
            }
            Ok(o) => seen.push(o),
            Err(code) => faults.push((format!("allowed_origins[{i}]"), code)),
        }
    }
    let (low, high) = RATE_LIMIT_RANGE;
    if !(low..=high).contains(&input.rate_limit_per_minute) {
        faults.push(("rate_limit_per_minute".into(), FieldCode::OutOfRange));
    }
    faults
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_checked_and_normalised() {
        assert_eq!(
            check_origin("https://WWW.Kalajoki.fi/"),
            Ok("https://www.kalajoki.fi".into())
        );
        assert_eq!(
            check_origin("https://a.fi:8443"),
            Ok("https://a.fi:8443".into())
        );
        assert_eq!(
            check_origin("http://localhost:3000"),
            Ok("http://localhost:3000".into())
        );
        assert_eq!(check_origin("http://a.fi"), Err(FieldCode::InvalidChoice));
        assert_eq!(
            check_origin("https://a.fi/path"),
            Err(FieldCode::InvalidFormat)
        );
        assert_eq!(
            check_origin("https://*.a.fi"),
            Err(FieldCode::InvalidFormat)
        );
        assert_eq!(check_origin("a.fi"), Err(FieldCode::InvalidFormat));
        assert_eq!(
            check_origin("https://a.fi:0"),
            Err(FieldCode::InvalidFormat)
        );
        assert_eq!(check_origin(" "), Err(FieldCode::Required));
    }

    #[test]
    fn scopes_round_trip_and_order() {
        for s in ApiScope::ALL {
            assert_eq!(ApiScope::parse(s.as_str()), Some(*s));
            let json = serde_json::to_string(s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
        }
        assert_eq!(
            scope_string(&[ApiScope::GuidesRead, ApiScope::EventsRead]),
            "events:read guides:read"
        );
    }

    #[test]
    fn a_client_input_names_each_fault() {
        let input = ApiClientInput {
            library: "kalajoki".into(),
            name: " ".into(),
            scopes: vec![ApiScope::EventsRead, ApiScope::EventsRead],
            allowed_origins: vec![
                "https://a.fi".into(),
                "https://A.fi/".into(),
                "ftp://b".into(),
            ],
            rate_limit_per_minute: 0,
        };
        let fields: Vec<String> = check_api_client(&input)
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            fields,
            [
                "name",
                "scopes[1]",
                "allowed_origins[1]",
                "allowed_origins[2]",
                "rate_limit_per_minute"
            ]
        );
    }
}
