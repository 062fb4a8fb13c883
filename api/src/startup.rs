//! Building the application: the pool, migrations, keys, the route table and the HTTP server.

use std::{net::TcpListener, path::PathBuf};

use actix_files::{Files, NamedFile};
use actix_web::{
    App,
    dev::{Server, ServiceFactory, ServiceRequest, ServiceResponse, fn_service},
    http::header,
    middleware::{self, Compress, DefaultHeaders},
    web,
};
use tracing_actix_web::TracingLogger;
use utoipa::OpenApi as _;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::{
    AppState, account, auth, bookings, config::Config, db, demo, error, events, guides, health,
    home_service, libraries, messages, openapi::ApiDoc, partners, programmes, services, settings,
    surveys, training,
};

/// The routes under `/api/v1`: one table, every domain's `configure`.
fn api_v1(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(libraries::configure)
        .configure(auth::configure)
        .configure(account::configure)
        .configure(services::configure)
        .configure(bookings::configure)
        .configure(events::configure)
        .configure(programmes::configure)
        .configure(home_service::configure)
        .configure(guides::configure)
        .configure(surveys::configure)
        .configure(training::configure)
        .configure(messages::configure)
        .configure(partners::configure)
        .service(crate::audit::routes::list_audit_log);
}

/// The route table with its OpenAPI document.
pub fn api_app() -> (
    App<
        impl ServiceFactory<
            ServiceRequest,
            Config = (),
            Response = ServiceResponse<actix_web::body::BoxBody>,
            Error = actix_web::Error,
            InitError = (),
        >,
    >,
    utoipa::openapi::OpenApi,
) {
    let (app, mut spec) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(utoipa_actix_web::scope("/api/v1").configure(api_v1))
        .service(health::healthz)
        .service(health::readyz)
        .split_for_parts();
    partners::scopes::document(&mut spec);
    (app, spec)
}

/// A built application, bound to its port but not yet serving.
pub struct Application {
    port: u16,
    server: Server,
}

impl Application {
    /// Opens the database, runs migrations, loads demo data when asked, and binds the listener.
    pub fn build(config: Config) -> Result<Application, String> {
        let pool = db::connect(&config)?;
        let mut conn = pool
            .get()
            .map_err(|e| format!("cannot connect to the database: {e}"))?;
        let ran = db::migrate(&mut conn)?;
        if ran > 0 {
            tracing::info!(migrations = ran, "database migrated");
        }
        if config.demo
            && let Some(signins) = demo::load(&mut conn).map_err(|e| format!("demo data: {e}"))?
        {
            println!("{signins}");
        }
        let secret = match &config.jwt_secret {
            Some(s) => s.clone(),
            None => settings::jwt_secret(&mut conn)
                .map_err(|e| format!("cannot read the signing key: {e}"))?,
        };
        drop(conn);
        spawn_maintenance(
            pool.clone(),
            config.home_service_retention_days,
            config.home_service_notice_hour,
        );
        messages::worker::spawn(pool.clone(), &config)?;
        partners::webhook_worker::spawn(pool.clone(), &config)?;
        let jwt = auth::jwt::JwtKeys::new(&secret, &config.public_url)?;
        let listener = TcpListener::bind(config.bind)
            .map_err(|e| format!("BIND: cannot listen on {}: {e}", config.bind))?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        let state = web::Data::new(AppState {
            pool,
            jwt,
            config,
            slots: Default::default(),
        });
        let server = actix_web::HttpServer::new(move || build_app(state.clone()))
            .listen(listener)
            .map_err(|e| e.to_string())?
            .run();
        Ok(Application { port, server })
    }

    /// The port actually bound (useful with port 0).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until stopped.
    pub async fn run(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// Housekeeping every ten minutes: sign-in attempts older than a day are forgotten, and once a day
/// (and at start-up) home visits are planned ahead for every client and the home-service retention
/// rule erases what has been kept long enough; every time, the day-before notices of home visits
/// due are written. Safe to run in every process at once (the deletes are idempotent; planning holds
/// each client's row; each notice is written by the one transaction that claims its key).
fn spawn_maintenance(pool: db::DbPool, retention_days: u32, notice_hour: u32) {
    actix_web::rt::spawn(async move {
        let mut tick = actix_web::rt::time::interval(std::time::Duration::from_secs(600));
        let mut planned_on = None;
        loop {
            tick.tick().await;
            let today = chrono::Utc::now().date_naive();
            if planned_on != Some(today) {
                match db::run(&pool, |conn| {
                    home_service::visits::replan_all(conn, None, chrono::Utc::now())
                })
                .await
                {
                    Ok(n) => {
                        planned_on = Some(today);
                        tracing::info!(clients = n, "home visits planned ahead");
                    }
                    Err(e) => tracing::warn!(error = %e, "planning home visits failed"),
                }
                match db::run(&pool, move |conn| {
                    home_service::privacy::apply_retention(conn, retention_days, chrono::Utc::now())
                })
                .await
                {
                    Ok((0, 0)) => {}
                    Ok((clients, applications)) => tracing::info!(
                        clients,
                        applications,
                        "home-service personal data past its retention erased"
                    ),
                    Err(e) => tracing::warn!(error = %e, "home-service retention failed"),
                }
            }
            match db::run(&pool, move |conn| {
                home_service::notices::notify_tomorrow(conn, notice_hour, chrono::Utc::now())
            })
            .await
            {
                Ok(0) => {}
                Ok(n) => tracing::info!(messages = n, "home visits of tomorrow told of"),
                Err(e) => tracing::warn!(error = %e, "telling of tomorrow's home visits failed"),
            }
            let before = chrono::Utc::now().naive_utc() - chrono::Duration::hours(24);
            match db::run(&pool, move |conn| {
                crate::throttle::prune(conn, chrono::Utc::now())?;
                partners::service::prune(conn, chrono::Utc::now())?;
                partners::webhooks::prune(conn, chrono::Utc::now(), 30)?;
                Ok(auth::queries::prune_attempts(conn, before)?)
            })
            .await
            {
                Ok(n) if n > 0 => tracing::info!(deleted = n, "old sign-in attempts forgotten"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "housekeeping failed"),
            }
        }
    });
}

fn build_app(
    state: web::Data<AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl actix_web::body::MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let (app, spec) = api_app();
    let dist = state.config.web_dist.clone();
    let routes = std::rc::Rc::new(RouteMethods::from_spec(&spec));
    app.app_data(state)
        .configure(error::extractor_configs)
        .service(SwaggerUi::new("/api/docs/{_:.*}").url("/api/openapi.json", spec))
        .service(web::redirect("/api/docs", "/api/docs/"))
        .service(static_files(dist.clone(), routes.clone()))
        .default_service(fallback(dist, routes))
        .wrap(middleware::from_fn(partners::middleware::partner_calls))
        .wrap(middleware::from_fn(forget_slots_after_writes))
        .wrap(middleware::from_fn(response_headers))
        .wrap(middleware::from_fn(error::problems))
        .wrap(Compress::default())
        .wrap(
            DefaultHeaders::new()
                .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
                .add((header::REFERRER_POLICY, "no-referrer"))
                .add(("Cross-Origin-Opener-Policy", "same-origin"))
                .add((
                    "Permissions-Policy",
                    "camera=(), microphone=(), geolocation=(), payment=()",
                ))
                .add((header::X_FRAME_OPTIONS, "DENY")),
        )
        .wrap(TracingLogger::<crate::telemetry::RouteSpan>::new())
}

/// The web app: files from `WEB_DIST`, and `index.html` for any other non-API path so deep links work.
fn static_files(dist: PathBuf, routes: std::rc::Rc<RouteMethods>) -> actix_web::Scope {
    if !dist.is_dir() {
        tracing::warn!(dir = %dist.display(), "WEB_DIST does not exist; only the API is served (run `cargo xtask build-web`)");
        return web::scope("");
    }
    let fallback = fallback(dist.clone(), routes);
    web::scope("").service(
        Files::new("/", dist)
            .index_file("index.html")
            .default_handler(fallback),
    )
}

/// What answers a request no route took: 405 with `Allow` for a known path with another method, a
/// 404 problem under `/api` and for content-hashed files that are not there, and otherwise the web app's `index.html`, so deep links work.
fn fallback(
    dist: PathBuf,
    routes: std::rc::Rc<RouteMethods>,
) -> impl actix_web::dev::ServiceFactory<
    ServiceRequest,
    Config = (),
    Response = ServiceResponse,
    Error = actix_web::Error,
    InitError = (),
> + Clone {
    let index = dist.join("index.html");
    fn_service(move |req: ServiceRequest| {
        let index = index.clone();
        let routes = routes.clone();
        async move {
            let (req, _) = req.into_parts();
            if let Some(allow) = routes.allow_header(req.path()) {
                let mut resp =
                    error::ApiError::client(etakirjasto_shared::ErrorCode::MethodNotAllowed)
                        .render(error::request_lang(&req));
                resp.headers_mut()
                    .insert(header::ALLOW, header::HeaderValue::from_str(&allow)?);
                return Ok(ServiceResponse::new(req, resp));
            }
            let api_path = req.path() == "/api" || req.path().starts_with("/api/");
            // A hashed file that is not here belongs to another build (a tab opened before a
            // deploy asks for a lazy page's old code): 404, so the app can tell and reload.
            if api_path || is_hashed_asset(req.path()) || !index.is_file() {
                let resp = error::ApiError::not_found().render(error::request_lang(&req));
                return Ok(ServiceResponse::new(req, resp));
            }
            let resp = NamedFile::open(&index)?.into_response(&req);
            Ok(ServiceResponse::new(req, resp))
        }
    })
}

/// The methods of every documented path, so a request with another method gets 405 with `Allow`
/// instead of 404.
pub struct RouteMethods(Vec<(Vec<String>, String)>);

impl RouteMethods {
    /// Reads the paths and methods from the OpenAPI document.
    pub fn from_spec(spec: &utoipa::openapi::OpenApi) -> RouteMethods {
        let json = serde_json::to_value(&spec.paths).unwrap_or_default();
        let routes = json
            .as_object()
            .into_iter()
            .flatten()
            .map(|(path, item)| {
                let mut methods: Vec<String> = item
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(m, _)| m.to_ascii_uppercase())
                    .filter(|m| ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(&m.as_str()))
                    .collect();
                methods.sort();
                (
                    path.split('/').map(str::to_owned).collect(),
                    methods.join(", "),
                )
            })
            .collect();
        RouteMethods(routes)
    }

    /// The `Allow` value for a path that some operation has, `None` for unknown paths.
    pub fn allow_header(&self, path: &str) -> Option<String> {
        let parts: Vec<&str> = path.split('/').collect();
        self.0.iter().find_map(|(template, allow)| {
            let same = template.len() == parts.len()
                && template
                    .iter()
                    .zip(&parts)
                    .all(|(t, p)| t == p || (t.starts_with('{') && !p.is_empty()));
            same.then(|| allow.clone())
        })
    }
}

/// The web app's policy: its own scripts (and WebAssembly) only, no inline scripts or styles, no
/// framing, and calls to this server only.
pub const APP_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
form-action 'self'; frame-ancestors 'none'";
/// Swagger UI sets inline styles from its script; everything else stays as strict as the app's.
pub const DOCS_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
form-action 'self'; frame-ancestors 'none'";

/// After a request that may have written (any method but GET, HEAD, OPTIONS), slot listings read the
/// calendar generation from the database again, so this process never lists from before its own write.
async fn forget_slots_after_writes(
    req: ServiceRequest,
    next: middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    let writes = !req.method().is_safe();
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let res = next.call(req).await;
    if writes && let Some(state) = state {
        state.slots.forget_generation();
    }
    res
}

/// Security and caching headers on every answer. Hashed file names never change content, so browsers
/// may keep them a year; everything else of the web app (index.html) is revalidated, and API answers
/// are not cached unless they say so.
async fn response_headers(
    req: ServiceRequest,
    next: middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    let path = req.path().to_owned();
    let mut res = next.call(req).await?;
    let headers = res.headers_mut();
    let csp = if path.starts_with("/api/docs") {
        DOCS_CSP
    } else {
        APP_CSP
    };
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        header::HeaderValue::from_static(csp),
    );
    if !headers.contains_key(header::CACHE_CONTROL) {
        let value = if is_hashed_asset(&path) {
            "public, max-age=31536000, immutable"
        } else if path.starts_with("/api/") {
            "no-store"
        } else {
            "no-cache"
        };
        headers.insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static(value),
        );
    }
    Ok(res)
}

/// True for names like `/web-0123456789abcdef_bg.wasm`: a 16-hex-digit content hash after a dash.
fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    name.split(['-', '_', '.']).any(|part| {
        part.len() == 16
            && part
                .chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn hashed_assets_are_recognised() {
        assert!(super::is_hashed_asset("/web-0123456789abcdef_bg.wasm"));
        assert!(super::is_hashed_asset("/style-0123456789abcdef.css"));
        assert!(super::is_hashed_asset(
            "/split___staff_route_view_13968195589351225864-85a850fa09be70df.wasm"
        ));
        assert!(super::is_hashed_asset("/__wasm_split-a6278dc5d09dc927.js"));
        assert!(!super::is_hashed_asset(
            "/bookings/0f8fa8a2-1b6c-4f0e-9d6a-0123456789ab"
        ));
        assert!(!super::is_hashed_asset("/index.html"));
        assert!(!super::is_hashed_asset("/api/v1/libraries"));
    }
}
