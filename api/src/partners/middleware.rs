//! The gate for partner tokens and cross-origin browsers, before any handler runs.

use actix_web::{
    HttpMessage, HttpResponse,
    body::{BoxBody, MessageBody},
    dev::{ServiceRequest, ServiceResponse},
    http::header::{self, HeaderValue},
    middleware::Next,
    web,
};
use chrono::Utc;

use super::{
    scopes::{self, Needs, OPERATIONS},
    service,
};
use crate::{
    AppState, db,
    error::{ApiError, request_lang},
};

/// A bearer token that is a partner's (`ekp_…`); user tokens are JWTs.
fn partner_token(req: &ServiceRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && token.starts_with("ekp_")).then(|| token.to_owned())
}

/// The `Origin` of a cross-origin request to the API, normalised; `None` for same-origin requests
/// and everything outside `/api/`.
fn cross_origin(req: &ServiceRequest) -> Option<String> {
    if !req.path().starts_with("/api/") {
        return None;
    }
    let origin = req.headers().get(header::ORIGIN)?.to_str().ok()?;
    let host = req.connection_info().host().to_ascii_lowercase();
    let normalised = etakirjasto_shared::check_origin(origin).ok();
    let same = origin
        .to_ascii_lowercase()
        .split_once("://")
        .is_some_and(|(_, rest)| rest.trim_end_matches('/') == host);
    if same {
        None
    } else {
        // An origin we cannot read is never allowed: keep it as given, so nothing matches it.
        Some(normalised.unwrap_or_else(|| origin.to_owned()))
    }
}

fn refuse(req: ServiceRequest, error: ApiError) -> ServiceResponse<BoxBody> {
    let lang = request_lang(req.request());
    let (req, _) = req.into_parts();
    ServiceResponse::new(req, error.render(lang))
}

fn allow_origin(res: &mut ServiceResponse<BoxBody>, origin: &str) {
    let headers = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(origin) {
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
        headers.insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static("Retry-After, Location, Content-Language"),
        );
    }
}

/// Answers browsers' preflights, checks partner tokens (scope, rate limit), runs the call as a
/// guest's with [`super::PartnerCall`] in its extensions and logs it.
pub async fn partner_calls(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let origin = cross_origin(&req);
    let token = partner_token(&req).filter(|_| req.path().starts_with("/api/v1/"));
    if origin.is_none() && token.is_none() {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let preflight = req.method() == actix_web::http::Method::OPTIONS
        && req
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    if preflight && let Some(origin) = origin.clone() {
        let check = origin.clone();
        let allowed = db::run(&state.pool, move |conn| {
            service::origin_allowed(conn, &check)
        })
        .await;
        return Ok(match allowed {
            Ok(true) => {
                let resp = HttpResponse::NoContent()
                    .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, origin))
                    .insert_header((
                        header::ACCESS_CONTROL_ALLOW_METHODS,
                        "GET, POST, PUT, DELETE",
                    ))
                    .insert_header((
                        header::ACCESS_CONTROL_ALLOW_HEADERS,
                        "Authorization, Content-Type, Accept-Language, X-Manage-Token",
                    ))
                    .insert_header((header::ACCESS_CONTROL_MAX_AGE, "600"))
                    .insert_header((header::VARY, "Origin"))
                    .finish();
                let (req, _) = req.into_parts();
                ServiceResponse::new(req, resp)
            }
            Ok(false) => refuse(
                req,
                ApiError::forbidden().with_detail("This origin is not allowed to call the API."),
            ),
            Err(e) => refuse(req, e),
        });
    }
    let Some(token) = token else {
        // A cross-origin call without a partner token: served, but the browser is not told it may
        // read the answer.
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let method = req.method().as_str().to_owned();
    // The router decodes `%xx` before it matches; a partner's path is matched here only as written,
    // so one with escapes (which no operation's path needs) is treated as no operation: refused.
    let found = (!req.path().contains('%'))
        .then(|| OPERATIONS.find(&method, req.path()))
        .flatten()
        .map(|(id, route)| (scopes::needs(id), route));
    let now = Utc::now();
    let checked = db::run(&state.pool, move |conn| {
        let Some((call, scopes, origins, limit)) = service::authenticate(conn, &token, now)? else {
            return Ok(None);
        };
        let allowed = match &found {
            // No operation of the document: nothing a partner may call.
            None | Some((None, _)) => false,
            Some((Some(Needs::AnyScope), _)) => true,
            Some((Some(Needs::Scope(s)), _)) => scopes.contains(s),
        };
        let spent = if allowed {
            crate::throttle::spend_in(conn, &format!("partner:{}", call.client_id), limit, 60, now)
        } else {
            Err(ApiError::client(
                etakirjasto_shared::ErrorCode::InsufficientScope,
            ))
        };
        let route = found.map_or_else(|| "(unknown)".to_owned(), |(_, r)| r);
        Ok(Some((call, origins, route, spent)))
    })
    .await;
    let (call, origins, route, spent) = match checked {
        Ok(Some(found)) => found,
        Ok(None) => return Ok(refuse(req, ApiError::unauthorized())),
        Err(e) => return Ok(refuse(req, e)),
    };
    let readable = origin.filter(|o| origins.contains(o));
    req.headers_mut().remove(header::AUTHORIZATION);
    req.extensions_mut().insert(call.clone());
    let mut res = match spent {
        Ok(()) => next.call(req).await?.map_into_boxed_body(),
        Err(e) => refuse(req, e),
    };
    let status = res.status().as_u16();
    let logged = db::run(&state.pool, move |conn| {
        super::queries::log_call(
            conn,
            &call.client_id,
            Utc::now().naive_utc(),
            &method,
            &route,
            status,
        )
        .map_err(ApiError::from)
    })
    .await;
    if let Err(e) = logged {
        tracing::warn!(error = %e, "logging a partner's call failed");
    }
    if let Some(origin) = readable {
        allow_origin(&mut res, &origin);
    }
    res.headers_mut()
        .append(header::VARY, HeaderValue::from_static("Origin"));
    Ok(res)
}
