//! Logging: structured lines on stderr, filtered by `RUST_LOG` (default `info`).
//!
//! *Invariant:* no personal data, passwords or tokens in log fields; handlers use
//! `#[tracing::instrument(skip_all)]` and log identifiers only.

use tracing_subscriber::{EnvFilter, fmt};

/// Installs the global subscriber once.
pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,actix_server=warn"));
    let _ = fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .try_init();
}

/// The span of each request names its method and route pattern (`/api/v1/bookings/{id}`), never
/// the path's values or the query string: a search such as `?recipient=maija@example.fi` would
/// otherwise put an address into every line logged during the request.
pub struct RouteSpan;

impl tracing_actix_web::RootSpanBuilder for RouteSpan {
    fn on_request_start(request: &actix_web::dev::ServiceRequest) -> tracing::Span {
        let route = request
            .match_pattern()
            .unwrap_or_else(|| "(no route)".to_owned());
        tracing::info_span!(
            "HTTP request",
            http.method = %request.method(),
            http.route = %route,
            http.status_code = tracing::field::Empty,
            otel.status_code = tracing::field::Empty,
            exception.message = tracing::field::Empty,
            exception.details = tracing::field::Empty,
        )
    }

    fn on_request_end<B: actix_web::body::MessageBody>(
        span: tracing::Span,
        outcome: &Result<actix_web::dev::ServiceResponse<B>, actix_web::Error>,
    ) {
        tracing_actix_web::DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}
