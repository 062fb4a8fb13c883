//! `cargo xtask bench`: the release server on SQLite and on PostgreSQL under a loopback load, with
//! every figure also given as a ratio to `/healthz` in the same run. Writes `bench/results.md`.

use std::{
    net::TcpListener,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use crate::{pg::TestPostgres, root, step, tools};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(database_url: &str, port: u16) -> Result<Server, String> {
    let child = Command::new(root().join("target/release/etakirjasto"))
        .arg("serve")
        .env("DATABASE_URL", database_url)
        .env("BIND", format!("127.0.0.1:{port}"))
        .env("ETAKIRJASTO_DEMO", "1")
        .env("RUST_LOG", "warn")
        .env("DATABASE_POOL_SIZE", "16")
        // The contention benchmarks are floods of guest writes from one address on purpose.
        .env("PUBLIC_WRITE_LIMIT", "1000000")
        .env(
            "MESSAGE_LOG",
            std::env::temp_dir().join("etakirjasto-bench-messages.log"),
        )
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    let server = Server(child);
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(server);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err("the server did not start".into())
}

fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

/// Runs the benchmark and writes `bench/results.md`.
pub fn run() -> Result<(), String> {
    step("Building the release server and the load generator");
    tools::cargo(&[
        "build",
        "--release",
        "-p",
        "etakirjasto-api",
        "--bin",
        "etakirjasto",
        "-p",
        "etakirjasto-e2e",
        "--bin",
        "bench",
    ])?;
    let pg = TestPostgres::start()?;
    let secs = std::env::var("BENCH_SECONDS").unwrap_or_else(|_| "5".into());
    let mut report = String::from(
        "# Benchmarks\n\nWritten by `cargo xtask bench`: the release server under a loopback load, 2 cores shared \
         with the load generator. Closed-loop measurements use 16 connections; `slots_4_weeks_at_1000_rps` \
         is open-loop (a request every millisecond, latency counted from when it was due). Both ask for the same \
         four weeks, as patrons looking at one session type do, so most answers come from the slot cache; \
         the `_uncached` measurements ask for a different range every time, so each one is computed. Reading \
         guidance has 10 staff. `booking_contention` sends 10,000 guest bookings at once for 100 one-person slots and \
         checks the table with SQL afterwards; `event_registration_contention` sends 1,000 registrations at once \
         for a 30-seat event. Ratios are to `/healthz` in the same run.\n\n",
    );
    let dir = root().join("target/bench");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    for backend in ["sqlite", "postgres"] {
        let url = if backend == "sqlite" {
            format!("sqlite://{}", dir.join("bench.db").display())
        } else {
            let name = format!("bench_{}", std::process::id());
            let admin = pg.admin_url();
            let port = admin
                .rsplit(':')
                .next()
                .and_then(|p| p.split('/').next())
                .unwrap_or("5432")
                .to_owned();
            tools::run_in(
                "psql",
                &[
                    "-h",
                    "127.0.0.1",
                    "-p",
                    &port,
                    "-U",
                    "postgres",
                    "-q",
                    "-c",
                    &format!("CREATE DATABASE {name}"),
                ],
                &root(),
                &[],
            )?;
            format!(
                "{}/{name}",
                admin
                    .rsplit_once('/')
                    .map(|(base, _)| base)
                    .unwrap_or(&admin)
            )
        };
        let port = free_port()?;
        let _server = start(&url, port)?;
        step(&format!("Adding the bench staff on {backend}"));
        for n in 1..=8 {
            let email = format!("bench{n}@kalajoki.example");
            let status = Command::new(root().join("target/release/etakirjasto"))
                .args([
                    "user",
                    "add",
                    "--library",
                    "kalajoki",
                    "--role",
                    "staff",
                    "--email",
                    &email,
                ])
                .env("DATABASE_URL", &url)
                .env("ETAKIRJASTO_PASSWORD", "bench staff password 2026")
                .stdout(Stdio::null())
                .status()
                .map_err(|e| e.to_string())?;
            if !status.success() {
                return Err(format!("adding {email} failed"));
            }
        }
        step(&format!("Load on {backend} ({secs} s per measurement)"));
        let out = tools::output(
            &root().join("target/release/bench").to_string_lossy(),
            &[&format!("http://127.0.0.1:{port}"), &secs, "16", &url],
        )?;
        eprint!("{out}");
        report.push_str(&format!("## {backend}\n\n```json\n{out}```\n\n"));
    }
    let web = crate::web::build(true)?;
    let budget = 350_000;
    report.push_str(&format!(
        "## web app\n\nThe first load is everything opening the front page downloads (index.html, styles, \
         scripts, the main wasm), gzip -9; the lazy files hold the other pages' code, fetched when one of \
         them is first opened.\n\n```json\n{{\"measure\":\"web_first_load\",\"gzip_bytes\":{},\"budget_bytes\":{budget},\"within_budget\":{},\"lazy_files\":{},\"lazy_gzip_bytes\":{}}}\n```\n",
        web.first_load_gzip,
        web.first_load_gzip <= budget,
        web.lazy_files,
        web.lazy_gzip,
    ));
    std::fs::create_dir_all(root().join("bench")).map_err(|e| e.to_string())?;
    std::fs::write(root().join("bench/results.md"), report).map_err(|e| e.to_string())?;
    eprintln!("bench/results.md written");
    Ok(())
}
