//! A throwaway PostgreSQL for the tests: its own data folder under `target/`, a free port on
//! 127.0.0.1, trust authentication, stopped and deleted when dropped.
//!
//! PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user and its
//! commands run through `runuser`.

use std::{
    net::TcpListener,
    path::{Path, PathBuf},
    process::Command,
    time::{Duration, Instant},
};

use crate::{root, step, tools::run_in};

/// A running test cluster.
pub struct TestPostgres {
    dir: PathBuf,
    port: u16,
    bin: PathBuf,
    as_postgres: bool,
}

fn pg_bin_dir() -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|p| p.join("initdb").exists())
        .collect();
    dirs.sort();
    dirs.pop()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

impl TestPostgres {
    /// Installs PostgreSQL from Debian's packages if missing, then starts a fresh cluster.
    pub fn start() -> Result<TestPostgres, String> {
        let bin = match pg_bin_dir() {
            Some(b) => b,
            None => {
                step("Installing PostgreSQL from Debian's packages (apt-get install postgresql)");
                let env = [("DEBIAN_FRONTEND", "noninteractive".to_owned())];
                run_in("apt-get", &["update"], &root(), &env)?;
                run_in("apt-get", &["install", "-y", "postgresql"], &root(), &env)?;
                pg_bin_dir().ok_or("PostgreSQL is not installed under /usr/lib/postgresql")?
            }
        };
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| e.to_string())?
            .port();
        let dir = root().join(format!("target/test-postgres-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let as_postgres = is_root();
        let pg = TestPostgres {
            dir,
            port,
            bin,
            as_postgres,
        };
        if as_postgres {
            // The folders above must let the postgres user reach its data folder.
            run_in(
                "chown",
                &["-R", "postgres:postgres", &pg.dir.to_string_lossy()],
                &root(),
                &[],
            )?;
            let mut p = pg.dir.parent();
            while let Some(d) = p {
                let _ = run_in("chmod", &["o+x", &d.to_string_lossy()], &root(), &[]);
                p = d.parent();
            }
        }
        let data = pg.dir.join("data");
        pg.pg(
            "initdb",
            &[
                "-D",
                &data.to_string_lossy(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-sync",
            ],
        )?;
        let opts = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200",
            pg.port,
            pg.dir.display()
        );
        let log = pg.dir.join("postgres.log");
        pg.pg(
            "pg_ctl",
            &[
                "-D",
                &data.to_string_lossy(),
                "-l",
                &log.to_string_lossy(),
                "-o",
                &opts,
                "-w",
                "start",
            ],
        )?;
        pg.wait_ready()?;
        eprintln!("PostgreSQL {} on 127.0.0.1:{}", pg.bin.display(), pg.port);
        Ok(pg)
    }

    fn pg(&self, tool: &str, args: &[&str]) -> Result<(), String> {
        let program = self.bin.join(tool);
        let out = if self.as_postgres {
            let mut all = vec!["-u", "postgres", "--", program.to_str().unwrap_or(tool)];
            all.extend_from_slice(args);
            Command::new("runuser")
                .args(&all)
                .current_dir(&self.dir)
                .output()
        } else {
            Command::new(&program)
                .args(args)
                .current_dir(&self.dir)
                .output()
        }
        .map_err(|e| format!("cannot run {tool}: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "{tool} failed: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ))
        }
    }

    fn wait_ready(&self) -> Result<(), String> {
        let started = Instant::now();
        let isready = self.bin.join("pg_isready");
        while started.elapsed() < Duration::from_secs(30) {
            let ok = Command::new(&isready)
                .args([
                    "-h",
                    "127.0.0.1",
                    "-p",
                    &self.port.to_string(),
                    "-U",
                    "postgres",
                ])
                .output()
                .map(|o| o.status.success())
                .unwrap_or(false);
            if ok {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        Err("PostgreSQL did not become ready within 30 s".into())
    }

    /// URL of the `postgres` database as superuser; tests create their own databases through it.
    pub fn admin_url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }
}

impl Drop for TestPostgres {
    fn drop(&mut self) {
        let data = self.data();
        let _ = self.pg(
            "pg_ctl",
            &[
                "-D",
                &data.to_string_lossy(),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
        );
        let _ = std::fs::remove_dir_all(Path::new(&self.dir));
    }
}
