//! Typed configuration, read from the environment in one place.
//!
//! | variable | default | meaning |
//! | --- | --- | --- |
//! | `DATABASE_URL` | `sqlite://data/etakirjasto.db` | `sqlite://PATH` (embedded) or `postgres://…` (production, several processes) |
//! | `BIND` | `127.0.0.1:8080` | address and port to listen on |
//! | `PUBLIC_URL` | `http://<BIND>` | the address people use; its scheme decides whether cookies are `Secure` |
//! | `WEB_DIST` | `web/dist` | the built web app (`cargo xtask build-web` writes it) |
//! | `JWT_SECRET` | generated on first start and kept in the database | key that signs access tokens; at least 32 bytes |
//! | `DATABASE_POOL_SIZE` | `8` | connections per process |
//! | `TRUST_FORWARDED_FOR` | `false` | take the client address from `X-Forwarded-For` (only behind a trusted proxy) |
//! | `ETAKIRJASTO_DEMO` | `false` | `serve` loads the demo data into an empty database |
//! | `MEETING_BASE_URL` | `https://meet.jit.si` | video sessions get a unique, unguessable room under this address |
//! | `SMTP_URL` | unset: emails go to `MESSAGE_LOG` | mail server, `smtp://host:25`, `smtp://host:587?tls=required` or `smtps://user:password@host` |
//! | `MAIL_FROM` | `Etäkirjasto <noreply@etakirjasto.invalid>` | the sender of emails |
//! | `SMS_GATEWAY_URL` | unset: text messages go to `MESSAGE_LOG` | HTTP gateway that takes `POST {"to","text","reference"}` as JSON |
//! | `SMS_GATEWAY_TOKEN` | unset | sent to the gateway as `Authorization: Bearer …` |
//! | `MESSAGE_LOG` | `data/messages.log` | where the `log` channel writes messages (never to the server log: they hold personal data) |
//! | `MESSAGES_WORKER` | `true` | whether this process delivers messages from the outbox |
//! | `MESSAGE_CLAIM_SECONDS` | `120` | how long a process holds messages it took for sending before another may take them |
//! | `MESSAGE_POLL_MS` | `1000` | how often the worker looks for due messages when not woken |
//! | `HOME_SERVICE_RETENTION_DAYS` | `365` | days after a home-service client's service ended (or an application was declined) before their personal data is erased; 0 erases at the next daily run |
//! | `RUST_LOG` | `info` | log filter |
//!
//! An empty variable counts as unset. A bad value stops start-up with one line naming the variable.

use std::{fmt, net::SocketAddr, path::PathBuf};

/// A value that must never be printed: `Debug` shows `[redacted]`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: String) -> Self {
        Secret(value)
    }

    /// The secret itself, for the one place that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// Which database the URL selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite file.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

/// The server's settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// `postgres://…` or a SQLite path (without the `sqlite://` prefix).
    pub database_url: String,
    /// Which backend `database_url` selects.
    pub backend: Backend,
    /// Listen address.
    pub bind: SocketAddr,
    /// Public base URL without a trailing slash.
    pub public_url: String,
    /// Folder of the built web app.
    pub web_dist: PathBuf,
    /// Explicit JWT key; `None` means the key kept in the database.
    pub jwt_secret: Option<Secret>,
    /// Connections per process.
    pub pool_size: u32,
    /// Whether `X-Forwarded-For` is trusted.
    pub trust_forwarded_for: bool,
    /// Whether `serve` loads demo data into an empty database.
    pub demo: bool,
    /// Base address of video meeting rooms, without a trailing slash.
    pub meeting_base_url: String,
    /// How messages are delivered.
    pub messages: MessageConfig,
    /// Days after which ended home-service clients' and declined applications' personal data is
    /// erased.
    pub home_service_retention_days: u32,
    /// The hour (library time, 0–23) from which clients and deliverers are told, the day before,
    /// of tomorrow's home visits.
    pub home_service_notice_hour: u32,
    /// How many anonymous writes of one kind one address may make in a window.
    pub public_write_limit: u32,
    /// The window's length in seconds.
    pub public_write_window_seconds: u32,
    /// How webhooks are delivered.
    pub webhooks: WebhookConfig,
}

/// How the webhook worker delivers partners' webhooks.
#[derive(Debug, Clone)]
pub struct WebhookConfig {
    /// The wait before the first retry, in seconds; each next wait is twice the last.
    pub retry_seconds: u32,
    /// Whether `http://` URLs and loopback or private addresses are accepted (development and
    /// tests only: in production a partner's URL is `https://` on a public host).
    pub allow_http: bool,
}

/// How the outbox worker delivers messages.
#[derive(Debug, Clone)]
pub struct MessageConfig {
    /// Mail server URL (may hold a password); `None` sends emails to the message log.
    pub smtp_url: Option<Secret>,
    /// The sender.
    pub mail_from: String,
    /// Text-message gateway; `None` sends text messages to the message log.
    pub sms_gateway_url: Option<String>,
    /// The gateway's bearer token.
    pub sms_gateway_token: Option<Secret>,
    /// The message log file.
    pub log_file: PathBuf,
    /// Whether this process runs the worker.
    pub worker: bool,
    /// How long a claim on a message lasts.
    pub claim_seconds: u64,
    /// How often the worker looks for due messages.
    pub poll_ms: u64,
}

/// A configuration error: names the variable and what is wrong.
#[derive(Debug, thiserror::Error)]
#[error("{var}: {message}")]
pub struct ConfigError {
    /// The environment variable at fault.
    pub var: &'static str,
    /// What is wrong with it.
    pub message: String,
}

impl Config {
    /// Reads the configuration from the process environment.
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
    }

    /// Reads the configuration through `get`, so tests can pass their own variables.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let err = |var: &'static str, message: String| ConfigError { var, message };
        let raw_db = get("DATABASE_URL").unwrap_or_else(|| "sqlite://data/etakirjasto.db".into());
        let (backend, database_url) =
            parse_database_url(&raw_db).map_err(|m| err("DATABASE_URL", m))?;
        let bind_raw = get("BIND").unwrap_or_else(|| "127.0.0.1:8080".into());
        let bind: SocketAddr = bind_raw.parse().map_err(|_| {
            err(
                "BIND",
                format!("`{bind_raw}` is not an address like 127.0.0.1:8080"),
            )
        })?;
        let public_url = match get("PUBLIC_URL") {
            Some(u) if u.starts_with("http://") || u.starts_with("https://") => {
                u.trim_end_matches('/').to_owned()
            }
            Some(u) => {
                return Err(err(
                    "PUBLIC_URL",
                    format!("`{u}` must start with http:// or https://"),
                ));
            }
            None => format!("http://{bind}"),
        };
        let web_dist = PathBuf::from(get("WEB_DIST").unwrap_or_else(|| "web/dist".into()));
        let jwt_secret = match get("JWT_SECRET") {
            Some(s) if s.len() < 32 => {
                return Err(err("JWT_SECRET", "must be at least 32 bytes long".into()));
            }
            Some(s) => Some(Secret::new(s)),
            None => None,
        };
        let pool_size = match get("DATABASE_POOL_SIZE") {
            Some(v) => v
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=256).contains(n))
                .ok_or_else(|| {
                    err(
                        "DATABASE_POOL_SIZE",
                        format!("`{v}` is not a number from 1 to 256"),
                    )
                })?,
            None => 8,
        };
        let trust_forwarded_for =
            parse_bool(get("TRUST_FORWARDED_FOR")).map_err(|m| err("TRUST_FORWARDED_FOR", m))?;
        let demo = parse_bool(get("ETAKIRJASTO_DEMO")).map_err(|m| err("ETAKIRJASTO_DEMO", m))?;
        let meeting_base_url = match get("MEETING_BASE_URL") {
            Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
                u.trim_end_matches('/').to_owned()
            }
            Some(u) => {
                return Err(err(
                    "MEETING_BASE_URL",
                    format!("`{u}` must start with https://"),
                ));
            }
            None => "https://meet.jit.si".to_owned(),
        };
        let number = |var: &'static str, default: u64, range: std::ops::RangeInclusive<u64>| {
            match get(var) {
                Some(v) => v
                    .parse::<u64>()
                    .ok()
                    .filter(|n| range.contains(n))
                    .ok_or_else(|| {
                        err(
                            var,
                            format!(
                                "`{v}` is not a number from {} to {}",
                                range.start(),
                                range.end()
                            ),
                        )
                    }),
                None => Ok(default),
            }
        };
        let smtp_url = match get("SMTP_URL") {
            Some(u) if u.starts_with("smtp://") || u.starts_with("smtps://") => {
                Some(Secret::new(u))
            }
            Some(_) => {
                return Err(err(
                    "SMTP_URL",
                    "must start with smtp:// or smtps://".into(),
                ));
            }
            None => None,
        };
        let sms_gateway_url = match get("SMS_GATEWAY_URL") {
            Some(u) if u.starts_with("https://") || u.starts_with("http://") => Some(u),
            Some(u) => {
                return Err(err(
                    "SMS_GATEWAY_URL",
                    format!("`{u}` must start with https://"),
                ));
            }
            None => None,
        };
        let messages = MessageConfig {
            smtp_url,
            mail_from: get("MAIL_FROM")
                .unwrap_or_else(|| "Etäkirjasto <noreply@etakirjasto.invalid>".into()),
            sms_gateway_url,
            sms_gateway_token: get("SMS_GATEWAY_TOKEN").map(Secret::new),
            log_file: PathBuf::from(
                get("MESSAGE_LOG").unwrap_or_else(|| "data/messages.log".into()),
            ),
            worker: match get("MESSAGES_WORKER") {
                None => true,
                v => parse_bool(v).map_err(|m| err("MESSAGES_WORKER", m))?,
            },
            claim_seconds: number("MESSAGE_CLAIM_SECONDS", 120, 1..=86_400)?,
            poll_ms: number("MESSAGE_POLL_MS", 1000, 10..=600_000)?,
        };
        Ok(Config {
            database_url,
            backend,
            bind,
            public_url,
            web_dist,
            jwt_secret,
            pool_size,
            trust_forwarded_for,
            demo,
            meeting_base_url,
            messages,
            home_service_retention_days: number("HOME_SERVICE_RETENTION_DAYS", 365, 0..=3650)?
                as u32,
            home_service_notice_hour: number("HOME_SERVICE_NOTICE_HOUR", 14, 0..=23)? as u32,
            public_write_limit: number("PUBLIC_WRITE_LIMIT", 30, 1..=1_000_000)? as u32,
            public_write_window_seconds: number("PUBLIC_WRITE_WINDOW_SECONDS", 600, 1..=86_400)?
                as u32,
            webhooks: WebhookConfig {
                retry_seconds: number("WEBHOOK_RETRY_SECONDS", 30, 1..=3600)? as u32,
                allow_http: parse_bool(get("WEBHOOK_ALLOW_HTTP"))
                    .map_err(|m| err("WEBHOOK_ALLOW_HTTP", m))?,
            },
        })
    }

    /// True when cookies must carry the `Secure` attribute.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

fn parse_database_url(raw: &str) -> Result<(Backend, String), String> {
    if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
        Ok((Backend::Postgres, raw.to_owned()))
    } else if let Some(path) = raw
        .strip_prefix("sqlite://")
        .or_else(|| raw.strip_prefix("sqlite:"))
    {
        if path.is_empty() {
            return Err("the SQLite path is empty".into());
        }
        Ok((Backend::Sqlite, path.to_owned()))
    } else {
        Err("must start with sqlite:// or postgres://".into())
    }
}

fn parse_bool(v: Option<String>) -> Result<bool, String> {
    match v.as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("") | Some("0") | Some("false") | Some("no") => Ok(false),
        Some("1") | Some("true") | Some("yes") => Ok(true),
        Some(other) => Err(format!("`{other}` is not true or false")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn with(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_are_embedded_sqlite_on_localhost() {
        let c = with(&[]).unwrap();
        assert_eq!(c.backend, Backend::Sqlite);
        assert_eq!(c.database_url, "data/etakirjasto.db");
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(c.public_url, "http://127.0.0.1:8080");
        assert!(!c.secure_cookies());
    }

    #[test]
    fn bad_values_name_the_variable() {
        for (var, value) in [
            ("DATABASE_URL", "mysql://x"),
            ("BIND", "localhost"),
            ("PUBLIC_URL", "example.fi"),
            ("JWT_SECRET", "short"),
            ("DATABASE_POOL_SIZE", "0"),
            ("TRUST_FORWARDED_FOR", "maybe"),
            ("SMTP_URL", "mail.example.fi"),
            ("SMS_GATEWAY_URL", "gateway"),
            ("MESSAGE_CLAIM_SECONDS", "0"),
            ("MESSAGES_WORKER", "perhaps"),
        ] {
            let e = with(&[(var, value)]).unwrap_err();
            assert_eq!(e.var, var, "case {var}={value}");
        }
    }

    #[test]
    fn secrets_do_not_print() {
        let c = with(&[
            ("JWT_SECRET", "0123456789abcdef0123456789abcdef-secret"),
            ("SMTP_URL", "smtps://user:0123456789abcdef@mail.example.fi"),
            ("SMS_GATEWAY_TOKEN", "0123456789abcdef-token"),
        ])
        .unwrap();
        let printed = format!("{c:?}");
        assert!(
            !printed.contains("0123456789abcdef") && printed.contains("[redacted]"),
            "{printed}"
        );
    }
}
