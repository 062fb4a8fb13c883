//! HTTP handlers for accounts and sign-in.

use actix_web::{
    FromRequest, HttpRequest, HttpResponse, Responder,
    cookie::{Cookie, SameSite, time::Duration as CookieDuration},
    get, post, web,
};
use chrono::Utc;
use etakirjasto_shared::{
    LoginRequest, Me, OneTimeCode, Problem, RecoveryCodes, RefreshRequest, RegisterRequest,
    SecondFactorSetup, TokenResponse,
};

use super::{extract::AuthUser, queries, rules, second_factor, service};
use crate::{AppState, db, error::ApiError, openapi::JsonBodyErrors};

/// Name of the HttpOnly cookie that carries the refresh token for the web app.
pub const REFRESH_COOKIE: &str = "etakirjasto_refresh";
const COOKIE_PATH: &str = "/api/v1/auth";

/// The refresh-token cookie (an empty value with max-age 0 clears it).
pub fn refresh_cookie(state: &AppState, value: &str, max_age_secs: i64) -> Cookie<'static> {
    Cookie::build(REFRESH_COOKIE, value.to_owned())
        .path(COOKIE_PATH)
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.config.secure_cookies())
        .max_age(CookieDuration::seconds(max_age_secs))
        .finish()
}

fn with_tokens(
    state: &AppState,
    mut resp: actix_web::HttpResponseBuilder,
    tokens: TokenResponse,
) -> HttpResponse {
    let cookie = refresh_cookie(
        state,
        &tokens.refresh_token,
        tokens.refresh_expires_in as i64,
    );
    resp.cookie(cookie)
        .insert_header(("Cache-Control", "no-store"))
        .json(tokens)
}

/// The client's address for throttling: the socket peer, or `X-Forwarded-For` behind a trusted proxy.
fn client_ip(req: &HttpRequest, state: &AppState) -> String {
    crate::throttle::source(req, state)
}

/// Create a patron account.
///
/// Registers a patron in a library with a name and either email or phone with a password, or a
/// library card number with its PIN. Signs the new account in: the answer holds the tokens, and the
/// refresh token is also set as an HttpOnly cookie.
#[utoipa::path(
    tag = "auth",
    operation_id = "register",
    request_body = RegisterRequest,
    responses(
        JsonBodyErrors,
        (status = 201, description = "Account created and signed in.", body = TokenResponse),
        (status = 409, description = "An account with this email, phone or card already exists (`account_exists`).", body = Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:etakirjasto:problem:account_exists", "title": "An account with these details already exists. Please sign in.", "status": 409, "code": "account_exists", "errors": [{"field": "email", "code": "taken", "message": "This is already used by another account."}]})),
        (status = 422, description = "Fields are missing or invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:etakirjasto:problem:invalid_input", "title": "Please check the marked fields.", "status": 422, "code": "invalid_input", "errors": [{"field": "password", "code": "too_short", "message": "This is too short."}]})),
        (status = 429, description = "Too many of these from one address; see `Retry-After` (`too_many_requests`).", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
#[post("/auth/register")]
#[tracing::instrument(skip_all)]
pub async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<RegisterRequest>,
) -> Result<HttpResponse, ApiError> {
    use crate::throttle::{self, Write};
    let account = rules::parse_registration(&body).map_err(ApiError::invalid)?;
    throttle::spend(&state, &req, Write::Account).await?;
    let st = state.clone();
    let tokens = db::run(&state.pool, move |conn| {
        service::register(conn, &st.jwt, account, Utc::now())
    })
    .await;
    throttle::refund(&state, &req, Write::Account, &tokens).await;
    let tokens = tokens?;
    Ok(with_tokens(&state, HttpResponse::Created(), tokens))
}

/// Sign in.
///
/// Takes `{"email", "password"}`, `{"phone", "password"}` or `{"card_number", "pin"}`. Accounts with
/// two-step sign-in (all staff) also send `one_time_code`: without it a right password is answered
/// 401 `second_factor_required`, so the client asks for the code and sends everything again. Repeated
/// failures for one account or from one address, wrong codes included, are answered 429 with
/// `Retry-After`, whether or not the account exists.
#[utoipa::path(
    tag = "auth",
    operation_id = "login",
    request_body = LoginRequest,
    responses(
        JsonBodyErrors,
        (status = 200, description = "Signed in.", body = TokenResponse),
        (status = 401, description = "Wrong sign-in details (`invalid_credentials`); the right password but the code is needed (`second_factor_required`) or wrong, used already or expired (`second_factor_invalid`).", body = Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:etakirjasto:problem:invalid_credentials", "title": "Those sign-in details do not match. Check them and try again.", "status": 401, "code": "invalid_credentials"})),
        (status = 422, description = "Fields are missing or malformed.", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts; see `Retry-After`.", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
#[post("/auth/login")]
#[tracing::instrument(skip_all)]
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let creds = rules::parse_login(&body).map_err(ApiError::invalid)?;
    let code = body.into_inner().one_time_code;
    let ip = client_ip(&req, &state);
    let st = state.clone();
    let tokens = db::run(&state.pool, move |conn| {
        service::login(conn, &st.jwt, creds, code.as_deref(), &ip, Utc::now())
    })
    .await?;
    Ok(with_tokens(&state, HttpResponse::Ok(), tokens))
}

fn presented_refresh(req: &HttpRequest, body: Option<&RefreshRequest>) -> Option<String> {
    body.and_then(|b| b.refresh_token.clone())
        .filter(|t| !t.is_empty())
        .or_else(|| req.cookie(REFRESH_COOKIE).map(|c| c.value().to_owned()))
}

/// Renew the tokens.
///
/// Exchanges a refresh token (from the body or the HttpOnly cookie) for a new access token and a new
/// refresh token. Each refresh token works once: using one twice ends its whole session.
#[utoipa::path(
    tag = "auth",
    operation_id = "refresh",
    request_body(content = RefreshRequest, description = "May be `{}` when the cookie is sent."),
    responses(
        JsonBodyErrors,
        (status = 422, description = "An unknown field was sent (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
        (status = 200, description = "New tokens.", body = TokenResponse),
        (status = 401, description = "The refresh token is missing, unknown, expired, revoked or reused (`invalid_refresh_token`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/refresh")]
#[tracing::instrument(skip_all)]
pub async fn refresh(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let token = presented_refresh(&req, Some(&body))
        .ok_or_else(|| ApiError::client(etakirjasto_shared::ErrorCode::InvalidRefreshToken))?;
    let st = state.clone();
    let tokens = db::run(&state.pool, move |conn| {
        service::refresh(conn, &st.jwt, &token, Utc::now())
    })
    .await?;
    Ok(with_tokens(&state, HttpResponse::Ok(), tokens))
}

/// Sign out.
///
/// Ends the session of the refresh token (body or cookie) and, when a bearer token is sent, of that
/// token: both stop working at once. Always answers 204, also for unknown tokens.
#[utoipa::path(
    tag = "auth",
    operation_id = "logout",
    request_body(content = RefreshRequest, description = "May be `{}` when the cookie is sent."),
    responses(
        JsonBodyErrors,
        (status = 422, description = "An unknown field was sent (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
        (status = 204, description = "Signed out; the cookie is cleared."),
    )
)]
#[post("/auth/logout")]
#[tracing::instrument(skip_all)]
pub async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let token = presented_refresh(&req, Some(&body));
    let bearer_session = AuthUser::extract(&req).await.ok().map(|u| u.session_id);
    db::run(&state.pool, move |conn| {
        let now = Utc::now();
        if let Some(t) = token {
            service::logout(conn, &t, now)?;
        }
        if let Some(sid) = bearer_session {
            queries::revoke_session(conn, &sid, now.naive_utc())?;
        }
        Ok(())
    })
    .await?;
    let mut gone = refresh_cookie(&state, "", 0);
    gone.make_removal();
    Ok(HttpResponse::NoContent().cookie(gone).finish())
}

/// The signed-in person.
///
/// Name, contact details, the libraries the person belongs to with the role in each, and whether the
/// account uses two-step sign-in (`second_factor`) or, being staff, still has to pass it in this
/// session (`second_factor_needed`).
#[utoipa::path(
    tag = "auth",
    operation_id = "get_me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The signed-in person.", body = Me),
        (status = 401, description = "No valid access token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me")]
#[tracing::instrument(skip_all)]
pub async fn me(state: web::Data<AppState>, user: AuthUser) -> Result<impl Responder, ApiError> {
    let me = db::run(&state.pool, move |conn| {
        let row = queries::find_user(conn, &user.user_id)?;
        let memberships = queries::memberships_of(conn, &user.user_id)?;
        service::me_of(conn, row, memberships, &user.session_id)
    })
    .await?;
    Ok(web::Json(me))
}

/// Start setting up two-step sign-in.
///
/// Creates a new secret for an authenticator app (shown as text, as an `otpauth://` address and as a
/// QR code). It is not in force until confirmed with a code from the app; starting again replaces an
/// unconfirmed secret. Staff must set it up before staff tools open to them.
#[utoipa::path(
    tag = "auth",
    operation_id = "start_second_factor",
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The secret to add to the app.", body = SecondFactorSetup),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Two-step sign-in is already on (`second_factor_enabled`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/second-factor")]
#[tracing::instrument(skip_all)]
pub async fn start_second_factor(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<HttpResponse, ApiError> {
    let setup = db::run(&state.pool, move |conn| {
        second_factor::start(conn, &user, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(setup))
}

/// Confirm two-step sign-in.
///
/// Takes the code the app shows now. From then on every sign-in asks for a code; this session counts
/// as having passed it. Answers with ten single-use recovery codes, shown only this once.
#[utoipa::path(
    tag = "auth",
    operation_id = "confirm_second_factor",
    security(("bearer" = [])),
    request_body = OneTimeCode,
    responses(
        JsonBodyErrors,
        (status = 200, description = "Two-step sign-in is on; keep these recovery codes safe.", body = RecoveryCodes),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Setting up was not started (`conflict`) or it is already on (`second_factor_enabled`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The code is wrong or too old (`invalid_input`, field `one_time_code`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/second-factor/confirm")]
#[tracing::instrument(skip_all)]
pub async fn confirm_second_factor(
    state: web::Data<AppState>,
    user: AuthUser,
    body: web::Json<OneTimeCode>,
) -> Result<HttpResponse, ApiError> {
    let code = body.into_inner().one_time_code;
    let codes = db::run(&state.pool, move |conn| {
        second_factor::confirm(conn, &user, &code, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(codes))
}

/// New recovery codes.
///
/// Replaces the account's recovery codes with ten new ones, confirmed with the code the app shows now.
/// The old codes stop working.
#[utoipa::path(
    tag = "auth",
    operation_id = "renew_recovery_codes",
    security(("bearer" = [])),
    request_body = OneTimeCode,
    responses(
        JsonBodyErrors,
        (status = 200, description = "The new codes, shown only this once.", body = RecoveryCodes),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Two-step sign-in is not on (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The code is wrong, used already or too old (`invalid_input`, field `one_time_code`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/second-factor/recovery-codes")]
#[tracing::instrument(skip_all)]
pub async fn renew_recovery_codes(
    state: web::Data<AppState>,
    user: AuthUser,
    body: web::Json<OneTimeCode>,
) -> Result<HttpResponse, ApiError> {
    let code = body.into_inner().one_time_code;
    let codes = db::run(&state.pool, move |conn| {
        second_factor::renew_recovery_codes(conn, &user, &code, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(codes))
}
