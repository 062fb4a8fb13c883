//! The one error type at the HTTP boundary, mapped to RFC 9457 problems in one place.
//!
//! Handlers return `Result<_, ApiError>` and end in `?`. Client errors carry a machine code from
//! `shared` and the fields at fault; unexpected errors are logged with their cause chain and answered
//! as an opaque 500. The [`problems`] middleware renders every error answer (ours, actix's and panics)
//! as `application/problem+json` in the language of the request's `Accept-Language`.

use std::{fmt, panic::AssertUnwindSafe};

use actix_web::{
    HttpRequest, HttpResponse, ResponseError,
    body::{BoxBody, MessageBody},
    dev::{ServiceRequest, ServiceResponse},
    error::{JsonPayloadError, PathError, QueryPayloadError},
    http::{StatusCode, header},
    middleware::Next,
    web,
};
use etakirjasto_shared::{ErrorCode, FieldCode, FieldError, Lang, Problem};
use futures_util::FutureExt;

/// Largest JSON body accepted, in bytes.
pub const JSON_LIMIT: usize = 64 * 1024;

/// An error a handler returns.
#[derive(Debug)]
pub enum ApiError {
    /// The client can fix it: 4xx with a code and maybe fields.
    Client(Box<ClientError>),
    /// The database did not answer: 503 `database_unavailable`.
    Unavailable(String),
    /// Anything else: logged, answered as an opaque 500.
    Internal(Box<dyn std::error::Error + Send + Sync>),
}

/// The parts of a client error.
#[derive(Debug)]
pub struct ClientError {
    /// The machine-readable code; decides the status.
    pub code: ErrorCode,
    /// A specific explanation, when there is one worth giving.
    pub detail: Option<String>,
    /// Fields at fault.
    pub fields: Vec<(String, FieldCode)>,
    /// Seconds to wait, for 429.
    pub retry_after: Option<u64>,
}

impl ApiError {
    /// A client error with only a code.
    pub fn client(code: ErrorCode) -> Self {
        ApiError::Client(Box::new(ClientError {
            code,
            detail: None,
            fields: Vec::new(),
            retry_after: None,
        }))
    }

    /// 404 `not_found`.
    pub fn not_found() -> Self {
        Self::client(ErrorCode::NotFound)
    }

    /// 401 `unauthorized`.
    pub fn unauthorized() -> Self {
        Self::client(ErrorCode::Unauthorized)
    }

    /// 403 `forbidden`.
    pub fn forbidden() -> Self {
        Self::client(ErrorCode::Forbidden)
    }

    /// 422 `invalid_input` for the given fields.
    pub fn invalid(fields: Vec<(String, FieldCode)>) -> Self {
        ApiError::Client(Box::new(ClientError {
            code: ErrorCode::InvalidInput,
            detail: None,
            fields,
            retry_after: None,
        }))
    }

    /// 429 with `Retry-After`.
    pub fn too_many(retry_after: u64) -> Self {
        ApiError::Client(Box::new(ClientError {
            code: ErrorCode::TooManyRequests,
            detail: None,
            fields: Vec::new(),
            retry_after: Some(retry_after.max(1)),
        }))
    }

    /// An unexpected error with a message.
    pub fn internal(message: impl Into<String>) -> Self {
        ApiError::Internal(message.into().into())
    }

    /// Adds a specific detail to a client error.
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        if let ApiError::Client(c) = &mut self {
            c.detail = Some(detail.into());
        }
        self
    }

    /// The machine code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::Client(c) => c.code,
            ApiError::Unavailable(_) => ErrorCode::DatabaseUnavailable,
            ApiError::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The problem answer in `lang`.
    pub fn render(&self, lang: Lang) -> HttpResponse {
        let (problem, retry_after) = self.to_problem(lang);
        problem_response(problem, retry_after, lang)
    }

    /// The problem document in `lang`, with the `Retry-After` seconds if any.
    pub fn to_problem(&self, lang: Lang) -> (Problem, Option<u64>) {
        let mut problem = Problem::new(self.code(), lang);
        let mut retry_after = None;
        match self {
            ApiError::Client(c) => {
                problem.detail = c.detail.clone();
                problem.errors = c
                    .fields
                    .iter()
                    .map(|(f, code)| FieldError::new(f.clone(), *code, lang))
                    .collect();
                retry_after = c.retry_after;
            }
            ApiError::Unavailable(_) => retry_after = Some(5),
            ApiError::Internal(_) => {}
        }
        (problem, retry_after)
    }
}

/// Serialises a problem with its content type and headers.
pub fn problem_response(problem: Problem, retry_after: Option<u64>, lang: Lang) -> HttpResponse {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut builder = HttpResponse::build(status);
    builder.content_type("application/problem+json");
    builder.insert_header((header::CONTENT_LANGUAGE, lang.code()));
    if problem.code == ErrorCode::Unauthorized {
        builder.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
    }
    if let Some(secs) = retry_after {
        builder.insert_header((header::RETRY_AFTER, secs.to_string()));
    }
    builder.body(serde_json::to_string(&problem).unwrap_or_default())
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Client(c) => write!(f, "client error {}", c.code.as_str()),
            ApiError::Unavailable(why) => write!(f, "database unavailable: {why}"),
            ApiError::Internal(e) => {
                write!(f, "internal error: {e}")?;
                let mut source = e.source();
                while let Some(cause) = source {
                    write!(f, "\n  caused by: {cause}")?;
                    source = cause.source();
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ApiError {}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.code().status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        // The `problems` middleware renders again in the request's language.
        self.render(Lang::default())
    }
}

/// True when the error means the connection to the database was lost (the server stopped, the
/// network dropped): the request can be retried once the database is back, so it is a 503.
fn connection_lost(e: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind as K, Error as E};
    match e {
        E::DatabaseError(K::ClosedConnection | K::UnableToSendCommand, _) => true,
        E::DatabaseError(_, info) => {
            let m = info.message();
            [
                "server closed the connection",
                "terminating connection",
                "connection to server",
                "no connection to the server",
                "could not receive data",
                "could not send data",
                "Connection reset",
                "Broken pipe",
                "connection is bad",
                "EOF detected",
                "unexpected EOF",
            ]
            .iter()
            .any(|p| m.contains(p))
        }
        E::BrokenTransactionManager => true,
        E::RollbackErrorOnCommit { commit_error, .. } => connection_lost(commit_error),
        E::RollbackTransaction | E::AlreadyInTransaction | E::NotInTransaction => false,
        _ => false,
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind as K, Error as E};
        if connection_lost(&e) {
            return ApiError::Unavailable(e.to_string());
        }
        match e {
            E::NotFound => ApiError::not_found(),
            E::DatabaseError(K::UniqueViolation | K::ExclusionViolation, _) => {
                ApiError::client(ErrorCode::Conflict)
            }
            // PostgreSQL cannot store NUL in text; inputs are checked for it, and this is the net below.
            E::DatabaseError(_, info) if info.message().contains("invalid byte sequence") => {
                ApiError::client(ErrorCode::MalformedRequest)
                    .with_detail("Text must not contain the NUL character.")
            }
            other => ApiError::Internal(Box::new(other)),
        }
    }
}

impl From<diesel::r2d2::PoolError> for ApiError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        ApiError::Unavailable(e.to_string())
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        ApiError::Internal(Box::new(e))
    }
}

/// Extension for results of database work: a missing row becomes a given client error.
pub trait OrNotFound<T> {
    /// `Ok(None)` instead of `Err(NotFound)`.
    fn optional_row(self) -> Result<Option<T>, ApiError>;
}

impl<T> OrNotFound<T> for Result<T, diesel::result::Error> {
    fn optional_row(self) -> Result<Option<T>, ApiError> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(diesel::result::Error::NotFound) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }
}

/// Maps a JSON body error: size → 413, content type → 415, a missing or unknown field → 422 naming
/// the field, anything else → 400.
pub fn json_error(err: JsonPayloadError) -> ApiError {
    match err {
        JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
            ApiError::client(ErrorCode::PayloadTooLarge)
                .with_detail(format!("The body must be at most {JSON_LIMIT} bytes."))
        }
        JsonPayloadError::ContentType => ApiError::client(ErrorCode::UnsupportedMediaType)
            .with_detail("Send the body with Content-Type: application/json."),
        JsonPayloadError::Deserialize(e) => serde_error(&e),
        other => ApiError::client(ErrorCode::MalformedRequest).with_detail(other.to_string()),
    }
}

fn serde_error(e: &serde_json::Error) -> ApiError {
    let msg = e.to_string();
    let quoted = || msg.split('`').nth(1).map(str::to_owned);
    if msg.starts_with("missing field")
        && let Some(field) = quoted()
    {
        return ApiError::invalid(vec![(field, FieldCode::Required)]);
    }
    if msg.starts_with("unknown field")
        && let Some(field) = quoted()
    {
        return ApiError::invalid(vec![(field, FieldCode::UnknownField)]);
    }
    let detail = if e.is_syntax() || e.is_eof() {
        format!(
            "The body is not valid JSON (line {}, column {}).",
            e.line(),
            e.column()
        )
    } else {
        format!("The body does not have the expected shape: {msg}")
    };
    ApiError::client(ErrorCode::MalformedRequest).with_detail(detail)
}

/// Body, query and path extractor settings with our error mapping.
pub fn extractor_configs(cfg: &mut web::ServiceConfig) {
    cfg.app_data(
        web::JsonConfig::default()
            .limit(JSON_LIMIT)
            .error_handler(|e, _| json_error(e).into()),
    )
    .app_data(
        web::QueryConfig::default().error_handler(|e: QueryPayloadError, _| {
            ApiError::client(ErrorCode::InvalidInput)
                .with_detail(e.to_string())
                .into()
        }),
    )
    .app_data(
        web::PathConfig::default().error_handler(|_: PathError, _| ApiError::not_found().into()),
    );
}

/// The request's language from `Accept-Language`; Finnish when absent.
pub fn request_lang(req: &HttpRequest) -> Lang {
    req.headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default()
}

/// Middleware: renders every error answer as a problem in the request's language, logs unexpected
/// errors once with their cause chain, and turns a panic in a handler into a 500 problem.
pub async fn problems(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let lang = request_lang(req.request());
    // The request must not be cloned here: routing needs it unshared. A panic or a service error is
    // answered through `Rendered`, which carries the language instead.
    let res = match AssertUnwindSafe(next.call(req)).catch_unwind().await {
        Ok(Ok(res)) => res.map_into_boxed_body(),
        Ok(Err(err)) => {
            let (problem, retry) = match err.as_error::<ApiError>() {
                Some(api) => api.to_problem(lang),
                None => (
                    Problem::new(code_for_status(err.as_response_error().status_code()), lang),
                    None,
                ),
            };
            return Err(Rendered(problem, retry, lang).into());
        }
        Err(_) => {
            tracing::error!("a handler panicked");
            return Err(Rendered(Problem::new(ErrorCode::Internal, lang), None, lang).into());
        }
    };
    if let Some(err) = res.response().error() {
        let resp = match err.as_error::<ApiError>() {
            Some(api) => {
                if matches!(api, ApiError::Internal(_) | ApiError::Unavailable(_)) {
                    tracing::error!(path = %res.request().path(), error = %api, "request failed");
                }
                api.render(lang)
            }
            None => {
                let status = res.status();
                if status.is_server_error() {
                    tracing::error!(path = %res.request().path(), error = %err, "request failed");
                }
                problem_response(Problem::new(code_for_status(status), lang), None, lang)
            }
        };
        return Ok(res.into_response(resp));
    }
    let status = res.status();
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
    if (status.is_client_error() || status.is_server_error()) && !is_problem {
        let resp = problem_response(Problem::new(code_for_status(status), lang), None, lang);
        return Ok(res.into_response(resp));
    }
    Ok(res)
}

/// A problem already worded in the request's language, passed up as an error so actix sends it.
#[derive(Debug)]
struct Rendered(Problem, Option<u64>, Lang);

impl fmt::Display for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "problem {}", self.0.code.as_str())
    }
}

impl ResponseError for Rendered {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.0.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        problem_response(self.0.clone(), self.1, self.2)
    }
}

fn code_for_status(status: StatusCode) -> ErrorCode {
    match status.as_u16() {
        401 => ErrorCode::Unauthorized,
        403 => ErrorCode::Forbidden,
        404 => ErrorCode::NotFound,
        405 => ErrorCode::MethodNotAllowed,
        409 => ErrorCode::Conflict,
        413 => ErrorCode::PayloadTooLarge,
        415 => ErrorCode::UnsupportedMediaType,
        422 => ErrorCode::InvalidInput,
        429 => ErrorCode::TooManyRequests,
        503 => ErrorCode::DatabaseUnavailable,
        400..=499 => ErrorCode::MalformedRequest,
        _ => ErrorCode::Internal,
    }
}

#[cfg(test)]
mod tests {
    use actix_web::{App, middleware::from_fn, test, web};

    use super::*;

    #[::core::prelude::v1::test]
    fn a_lost_connection_is_503_and_other_database_errors_500() {
        use diesel::result::{DatabaseErrorKind as K, Error as E};
        let lost = E::DatabaseError(
            K::Unknown,
            Box::new("server closed the connection unexpectedly".to_owned()),
        );
        assert_eq!(ApiError::from(lost).code(), ErrorCode::DatabaseUnavailable);
        assert_eq!(
            ApiError::from(E::BrokenTransactionManager).code(),
            ErrorCode::DatabaseUnavailable
        );
        let other = E::DatabaseError(K::Unknown, Box::new("syntax error".to_owned()));
        assert_eq!(ApiError::from(other).code(), ErrorCode::Internal);
    }

    #[actix_web::test]
    async fn a_panicking_handler_answers_a_500_problem_in_the_asked_language() {
        async fn boom() -> HttpResponse {
            panic!("handler bug")
        }
        let app = test::init_service(
            App::new()
                .wrap(from_fn(problems))
                .route("/boom", web::get().to(boom)),
        )
        .await;
        let req = test::TestRequest::get()
            .uri("/boom")
            .insert_header(("Accept-Language", "en"))
            .to_request();
        // The middleware passes the rendered problem up as an error; the server sends its response.
        let Err(err) = test::try_call_service(&app, req).await else {
            panic!("the panic must become an error answer");
        };
        let resp = err.error_response();
        assert_eq!(resp.status(), 500);
        assert_eq!(
            resp.headers().get(header::CONTENT_TYPE).unwrap(),
            "application/problem+json"
        );
        let bytes = actix_web::body::to_bytes(resp.into_body()).await.unwrap();
        let body: Problem = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(body.code, ErrorCode::Internal);
        assert_eq!(body.title, ErrorCode::Internal.message(Lang::En));
    }

    #[actix_web::test]
    async fn plain_error_answers_become_problems() {
        let app = test::init_service(App::new().wrap(from_fn(problems)).route(
            "/gone",
            web::get().to(|| async { HttpResponse::Forbidden().finish() }),
        ))
        .await;
        let resp =
            test::call_service(&app, test::TestRequest::get().uri("/gone").to_request()).await;
        assert_eq!(resp.status(), 403);
        let body: Problem = test::read_body_json(resp).await;
        assert_eq!(body.code, ErrorCode::Forbidden);
    }
}
