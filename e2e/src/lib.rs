//! Helpers for the end-to-end tests: start the real `etakirjasto` binary on a free port with a fresh
//! database (a SQLite file in a temporary folder, or a new database on the throwaway PostgreSQL that
//! `cargo xtask test` starts) and talk to it over TCP.
//!
//! Environment: `ETAKIRJASTO_BIN` (default `target/debug/etakirjasto`) and `ETAKIRJASTO_TEST_PG`
//! (a superuser URL; required for the PostgreSQL half of every test).

use std::{
    net::TcpListener,
    path::PathBuf,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use diesel::{Connection, RunQueryDsl, pg::PgConnection};
use etakirjasto_shared::totp;
use serde_json::{Value, json};

/// The signing key the test servers use, so tests can forge tokens with or without it.
pub const TEST_JWT_SECRET: &str = "e2e-test-signing-key-0123456789-abcdefghijklmnop";

/// Which database a test server uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A SQLite file in a temporary folder.
    Sqlite,
    /// A fresh database on the test PostgreSQL.
    Postgres,
}

/// Runs one test body against both backends, as two named tests.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident => $body:ident;)+) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $name() {
                    super::$body($crate::TestApp::spawn($crate::Backend::Sqlite).await).await;
                }
            )+
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $name() {
                    super::$body($crate::TestApp::spawn($crate::Backend::Postgres).await).await;
                }
            )+
        }
    };
}

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .to_path_buf()
}

/// The server binary under test.
pub fn binary() -> PathBuf {
    let bin = std::env::var("ETAKIRJASTO_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root().join("target/debug/etakirjasto"));
    assert!(
        bin.exists(),
        "{} is missing: run `cargo xtask test` (or `cargo build -p etakirjasto-api`)",
        bin.display()
    );
    bin
}

/// A database URL for a fresh, empty database on `backend`, and the folder that holds it.
pub fn fresh_database(backend: Backend) -> (String, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = match backend {
        Backend::Sqlite => format!("sqlite://{}", dir.path().join("test.db").display()),
        Backend::Postgres => {
            let admin = std::env::var("ETAKIRJASTO_TEST_PG")
                .expect("ETAKIRJASTO_TEST_PG is not set: run the tests with `cargo xtask test`, which starts PostgreSQL");
            let name = format!("t_{}", uuid::Uuid::new_v4().simple());
            let mut conn = PgConnection::establish(&admin).expect("connect to the test PostgreSQL");
            diesel::sql_query(format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .expect("create database");
            let base = admin.rsplit_once('/').expect("URL has a database").0;
            format!("{base}/{name}")
        }
    };
    (url, dir)
}

/// A free TCP port on 127.0.0.1.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port()
}

/// A running server.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    /// The database it uses.
    pub database_url: String,
    /// Which backend.
    pub backend: Backend,
    /// A client without cookies.
    pub client: reqwest::Client,
    child: Child,
    /// Temporary folder of the SQLite file and the logs.
    pub dir: tempfile::TempDir,
    /// Authenticator secrets of accounts that set up two-step sign-in in this test, by email.
    secrets: std::sync::Mutex<std::collections::HashMap<String, String>>,
    /// The last time step whose code each account used (a code works once).
    used_steps: std::sync::Mutex<std::collections::HashMap<String, i64>>,
    /// The extra environment it was started with (kept for a restart).
    envs: Vec<(String, String)>,
}

impl TestApp {
    /// Starts a server with a fresh database and the demo data.
    pub async fn spawn(backend: Backend) -> TestApp {
        Self::spawn_with(backend, &[]).await
    }

    /// Starts a server with extra environment variables.
    pub async fn spawn_with(backend: Backend, envs: &[(&str, &str)]) -> TestApp {
        let (database_url, dir) = fresh_database(backend);
        Self::spawn_on(backend, database_url, dir, envs).await
    }

    /// Starts a server on a given database (for example one reached through a [`TcpCut`]).
    pub async fn spawn_on(
        backend: Backend,
        database_url: String,
        dir: tempfile::TempDir,
        envs: &[(&str, &str)],
    ) -> TestApp {
        let port = free_port();
        let base = format!("http://127.0.0.1:{port}");
        let child = start_process(&database_url, port, dir.path(), envs);
        let app = TestApp {
            base,
            database_url,
            backend,
            client: reqwest::Client::new(),
            child,
            dir,
            secrets: Default::default(),
            used_steps: Default::default(),
            envs: envs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        };
        app.wait_healthy().await;
        app
    }

    /// Kills the server with SIGKILL (no chance to clean up) and starts it again on the same
    /// database and port.
    pub async fn kill_and_restart(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let port: u16 = self
            .base
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .expect("port");
        let envs: Vec<(&str, &str)> = self
            .envs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        self.child = start_process(&self.database_url, port, self.dir.path(), &envs);
        self.wait_healthy().await;
    }

    async fn wait_healthy(&self) {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(30) {
            if let Ok(r) = self.client.get(self.url("/healthz")).send().await
                && r.status() == 200
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("server did not start: {}", self.log());
    }

    /// The server's log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }

    /// An absolute URL for `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A client that keeps cookies, like a browser.
    pub fn browser_client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .expect("client")
    }

    /// POSTs JSON and returns status and body.
    pub async fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        let r = self
            .client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("request");
        status_json(r).await
    }

    /// Sends `method` to `path` with an optional bearer token and JSON body; returns status and body.
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut req = self
            .client
            .request(method.parse().expect("method"), self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        status_json(req.send().await.expect("request")).await
    }

    /// GETs with an optional bearer token.
    pub async fn get(&self, path: &str, token: Option<&str>) -> (u16, Value) {
        let mut req = self.client.get(self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        status_json(req.send().await.expect("request")).await
    }

    /// Registers a patron with email and password; returns the token response.
    pub async fn register(&self, name: &str, email: &str, password: &str) -> Value {
        let (status, body) = self
            .post(
                "/api/v1/auth/register",
                &json!({"name": name, "email": email, "password": password}),
            )
            .await;
        assert_eq!(status, 201, "register {email}: {body}");
        body
    }

    /// Signs in with email and password; returns status and body.
    pub async fn login(&self, email: &str, password: &str) -> (u16, Value) {
        self.post(
            "/api/v1/auth/login",
            &json!({"email": email, "password": password}),
        )
        .await
    }

    /// Signs in and returns an access token whose session may use the account's roles: two-step
    /// sign-in is passed with the current code (the demo staff's known secret, or the secret of an
    /// account set up earlier in this test), and a staff account without it sets it up first.
    pub async fn token_for(&self, email: &str, password: &str) -> String {
        let (status, body) = self.login(email, password).await;
        if status == 200 {
            let token = body["access_token"].as_str().expect("token").to_owned();
            if body["user"]["second_factor_needed"] == true {
                self.set_up_second_factor(email, &token).await;
            }
            return token;
        }
        assert_eq!(
            (status, body["code"].as_str()),
            (401, Some("second_factor_required")),
            "login {email}: {body}"
        );
        let secret = self
            .secrets
            .lock()
            .unwrap()
            .get(email)
            .cloned()
            .unwrap_or_else(|| demo::STAFF_SECRET.to_owned());
        // A code is accepted once, and the server accepts the next step's code a step early: when this
        // account signed in moments ago, use that one, or wait for a fresh step.
        let step = loop {
            let now = totp::step_of(chrono::Utc::now().timestamp());
            let last = self.used_steps.lock().unwrap().get(email).copied();
            match last {
                Some(l) if l > now => {
                    let into_step = chrono::Utc::now().timestamp() % totp::STEP_SECONDS;
                    tokio::time::sleep(Duration::from_secs(
                        (totp::STEP_SECONDS - into_step) as u64 + 1,
                    ))
                    .await;
                }
                Some(l) if l >= now => break now + 1,
                _ => break now,
            }
        };
        self.used_steps
            .lock()
            .unwrap()
            .insert(email.to_owned(), step);
        let code = totp::code_at(&totp::decode_secret(&secret).unwrap(), step);
        let (status, body) = self
            .post(
                "/api/v1/auth/login",
                &json!({"email": email, "password": password, "one_time_code": code}),
            )
            .await;
        assert_eq!(status, 200, "login {email} with a code: {body}");
        body["access_token"].as_str().expect("token").to_owned()
    }

    /// Sets up two-step sign-in for the signed-in account and remembers its secret.
    pub async fn set_up_second_factor(&self, email: &str, token: &str) -> Vec<String> {
        let r = self
            .client
            .post(self.url("/api/v1/me/second-factor"))
            .bearer_auth(token)
            .send()
            .await
            .expect("request");
        let (status, setup) = status_json(r).await;
        assert_eq!(status, 201, "{setup}");
        let secret = setup["secret"].as_str().unwrap().to_owned();
        let step = totp::step_of(chrono::Utc::now().timestamp());
        self.used_steps
            .lock()
            .unwrap()
            .insert(email.to_owned(), step);
        let code = totp::code_at(&totp::decode_secret(&secret).unwrap(), step);
        let r = self
            .client
            .post(self.url("/api/v1/me/second-factor/confirm"))
            .bearer_auth(token)
            .json(&json!({"one_time_code": code}))
            .send()
            .await
            .expect("request");
        let (status, codes) = status_json(r).await;
        assert_eq!(status, 200, "{codes}");
        self.secrets
            .lock()
            .unwrap()
            .insert(email.to_owned(), secret);
        codes["recovery_codes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_owned())
            .collect()
    }

    /// Adds a second library, `oulu`, with one staff member (through the command line, as an instance
    /// admin would); returns that staff member's email and password.
    pub fn add_other_library(&self) -> (&'static str, &'static str) {
        let (email, password) = ("henkilokunta@oulu.example", "oulun salasana 1");
        let out = self.cli(
            &[
                "library",
                "add",
                "--slug",
                "oulu",
                "--name",
                "Oulun kaupunginkirjasto",
            ],
            &[],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = self.cli(
            &[
                "user",
                "add",
                "--library",
                "oulu",
                "--role",
                "staff",
                "--email",
                email,
            ],
            &[("ETAKIRJASTO_PASSWORD", password)],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        (email, password)
    }

    /// Runs a CLI subcommand of the binary against this server's database.
    pub fn cli(&self, args: &[&str], envs: &[(&str, &str)]) -> std::process::Output {
        Command::new(binary())
            .args(args)
            .env("DATABASE_URL", &self.database_url)
            .env("RUST_LOG", "warn")
            .envs(envs.iter().copied())
            .stdin(Stdio::null())
            .output()
            .expect("run etakirjasto")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `etakirjasto serve` on `port` with the demo data; its stderr is appended to `server.log`.
fn start_process(
    database_url: &str,
    port: u16,
    dir: &std::path::Path,
    envs: &[(&str, &str)],
) -> Child {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("server.log"))
        .expect("log file");
    Command::new(binary())
        .arg("serve")
        .env("DATABASE_URL", database_url)
        .env("BIND", format!("127.0.0.1:{port}"))
        .env("WEB_DIST", dir.join("no-web-app"))
        .env("MESSAGE_LOG", dir.join("messages.log"))
        .env("MESSAGE_POLL_MS", "100")
        .env("JWT_SECRET", TEST_JWT_SECRET)
        .env("ETAKIRJASTO_DEMO", "1")
        .env("DATABASE_POOL_SIZE", "16")
        .env("RUST_LOG", "warn")
        // Tests make many guest writes from one address; `floods.rs` tests the limit itself.
        .env("PUBLIC_WRITE_LIMIT", "1000000")
        .envs(envs.iter().copied())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("start etakirjasto")
}

/// Status and JSON body (or `null` when the body is empty or not JSON).
pub async fn status_json(r: reqwest::Response) -> (u16, Value) {
    let status = r.status().as_u16();
    let text = r.text().await.unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

pub mod smtp;

/// The demo accounts: (email, password).
pub mod demo {
    /// Admin.
    pub const ADMIN: (&str, &str) = ("admin@kalajoki.example", "demo-admin-2026");
    /// Staff.
    pub const STAFF: (&str, &str) = ("liisa@kalajoki.example", "demo-staff-2026");
    /// Patron.
    pub const PATRON: (&str, &str) = ("maija@example.fi", "demo-patron-2026");
    /// Patron's card and PIN.
    pub const CARD: (&str, &str) = ("2000123456", "1234");
    /// The demo care home's contact person (Palvelukoti Kotirinne).
    pub const CARE_HOME_CONTACT: (&str, &str) = ("sari@kotirinne.example", "demo-kotirinne-2026");
    /// The demo home-service volunteer (brings materials to Toivo Niemi and Saimi Heikkinen).
    pub const VOLUNTEER: (&str, &str) = ("veikko@example.fi", "demo-vapaaehtoinen-2026");
    /// The demo staff's and admin's authenticator secret (api/src/demo.rs).
    pub const STAFF_SECRET: &str = "ETAKIRJASTODEMOSTAFFKOODIAAAAAAA";
}

/// Runs a query returning one text column directly against a test server's database.
pub fn query_strings(database_url: &str, sql: &str) -> Vec<String> {
    use diesel::{QueryableByName, sql_types::Text, sqlite::SqliteConnection};
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        value: String,
    }
    let rows: Vec<Row> = if let Some(path) = database_url.strip_prefix("sqlite://") {
        let mut conn = SqliteConnection::establish(path).expect("open SQLite");
        // The server writes at the same time; wait for its lock as the server's own connections do.
        diesel::sql_query("PRAGMA busy_timeout = 10000")
            .execute(&mut conn)
            .expect("busy timeout");
        diesel::sql_query(sql).load(&mut conn).expect("query")
    } else {
        let mut conn = PgConnection::establish(database_url).expect("connect");
        diesel::sql_query(sql).load(&mut conn).expect("query")
    };
    rows.into_iter().map(|r| r.value).collect()
}

/// A TCP relay that a test can cut, as if the machine behind it stopped: [`TcpCut::cut`] drops every
/// open connection and refuses new ones until [`TcpCut::restore`].
pub struct TcpCut {
    /// The port to connect to instead of the target.
    pub port: u16,
    cut: std::sync::Arc<std::sync::atomic::AtomicBool>,
    open: std::sync::Arc<std::sync::Mutex<Vec<tokio::task::AbortHandle>>>,
    accept: tokio::task::JoinHandle<()>,
}

impl TcpCut {
    /// Relays 127.0.0.1:`port` to `target` (`host:port`).
    pub async fn start(target: String) -> TcpCut {
        use std::sync::atomic::Ordering;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind relay");
        let port = listener.local_addr().unwrap().port();
        let cut = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let open = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let (c, o) = (cut.clone(), open.clone());
        let accept = tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                if c.load(Ordering::SeqCst) {
                    drop(inbound);
                    continue;
                }
                let target = target.clone();
                let task = tokio::spawn(async move {
                    if let Ok(mut outbound) = tokio::net::TcpStream::connect(&target).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
                o.lock().unwrap().push(task.abort_handle());
            }
        });
        TcpCut {
            port,
            cut,
            open,
            accept,
        }
    }

    /// Drops every open connection and refuses new ones.
    pub fn cut(&self) {
        self.cut.store(true, std::sync::atomic::Ordering::SeqCst);
        for task in self.open.lock().unwrap().drain(..) {
            task.abort();
        }
    }

    /// Accepts connections again.
    pub fn restore(&self) {
        self.cut.store(false, std::sync::atomic::Ordering::SeqCst);
    }
}

impl Drop for TcpCut {
    fn drop(&mut self) {
        self.accept.abort();
        self.cut();
    }
}
