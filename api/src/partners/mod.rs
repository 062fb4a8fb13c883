//! Partner systems: API clients, their tokens, scopes, rate limits, browser origins and call log.
//!
//! Rules: a library's admins make an API client for a partner system (its website, event calendar,
//! library system) with scopes, the web origins it may call from and a rate limit per minute. The
//! secret is shown once and stored as a SHA-256; a new one can be made (the old one and its tokens
//! stop), and the client can be revoked for good. The partner trades id and secret for a token at
//! `POST /api/v1/oauth/token` (client credentials, RFC 6749 §4.4): `ekp_…`, valid 15 minutes,
//! stored as a SHA-256 with the scopes asked for.
//!
//! A call with a partner token goes through [`middleware::partner_calls`] before any handler: the
//! token must be live and its client not revoked; the operation (found from the method and path in
//! the OpenAPI document) must be open to partners and need a scope both token and client still
//! have ([`scopes`]), else 403 `insufficient_scope`; the client's budget for the minute is spent
//! (`throttle::spend_in` under `partner:<client>`, shared by every process), else 429. The call then
//! runs as a guest's (the `Authorization` header is taken off, so no user extractor sees it) with a
//! [`PartnerCall`] in the request's extensions: the per-address budget for guests' writes does not
//! apply, and bookings and registrations are refused (403) for another library's session types and
//! events. Every call with a token is written to `api_client_calls` with its route pattern and status.
//!
//! CORS: nothing is open by default. A browser's preflight from an origin some live client names is
//! answered; a call then gets `Access-Control-Allow-Origin` only when its token's client names the
//! origin.

pub mod middleware;
pub mod queries;
pub mod routes;
pub mod scopes;
pub mod service;
pub mod webhook_routes;
pub mod webhook_worker;
pub mod webhooks;

/// A call made with a partner token, in the request's extensions.
#[derive(Debug, Clone)]
pub struct PartnerCall {
    /// The client's id.
    pub client_id: String,
    /// The library the client acts for.
    pub library_id: String,
}

/// The partner making the call: 401 for anyone else. Operations that take it are the partners'
/// own (their webhooks).
#[derive(Debug, Clone)]
pub struct Partner(pub PartnerCall);

impl actix_web::FromRequest for Partner {
    type Error = crate::error::ApiError;
    type Future = std::future::Ready<Result<Partner, crate::error::ApiError>>;

    fn from_request(req: &actix_web::HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        std::future::ready(
            call_of(req)
                .map(Partner)
                .ok_or_else(crate::error::ApiError::unauthorized),
        )
    }
}

/// The partner call a request is, if any.
pub fn call_of(req: &actix_web::HttpRequest) -> Option<PartnerCall> {
    use actix_web::HttpMessage;
    req.extensions().get::<PartnerCall>().cloned()
}

/// Registers the routes under `/api/v1`.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(routes::issue_token)
        .service(routes::list_api_clients)
        .service(routes::create_api_client)
        .service(routes::get_api_client)
        .service(routes::update_api_client)
        .service(routes::new_api_client_secret)
        .service(routes::revoke_api_client)
        .service(routes::list_api_client_calls)
        .service(webhook_routes::create_webhook)
        .service(webhook_routes::list_webhooks)
        .service(webhook_routes::delete_webhook)
        .service(webhook_routes::list_webhook_deliveries);
}
