//! The database: one connection type for both backends, the pool, migrations and transactions.
//!
//! *Invariant:* every query in the crate is written once against [`DbConnection`] and runs on SQLite
//! and PostgreSQL alike; where the SQL must differ, the code matches on the variant here, not in domains.
//! SQLite runs in WAL mode with `synchronous=FULL`, foreign keys on and a busy timeout; writes that must
//! not race use [`write_tx`], which on SQLite is an immediate transaction (the write lock is taken at
//! `BEGIN`, so two writers queue instead of failing on lock upgrade).

use std::{
    sync::atomic::{AtomicI64, Ordering},
    time::{Duration, Instant},
};

use diesel::{
    Connection, RunQueryDsl,
    connection::{AnsiTransactionManager, SimpleConnection, TransactionManager},
    pg::PgConnection,
    r2d2::{ConnectionManager, CustomizeConnection, Pool, PooledConnection},
    sqlite::SqliteConnection,
};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::config::{Backend, Config};

/// A connection to either backend.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    /// PostgreSQL, for production and several processes.
    Pg(PgConnection),
    /// Embedded SQLite.
    Sqlite(SqliteConnection),
}

/// The connection pool.
pub type DbPool = Pool<ConnectionManager<DbConnection>>;
/// A connection taken from the pool.
pub type PooledConn = PooledConnection<ConnectionManager<DbConnection>>;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");
const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/postgres");

/// When the pool last failed to open a connection (Unix milliseconds), or 0 when it has opened one
/// since: the database is then taken to be down, and requests give up waiting for a connection at
/// once instead of queueing behind a burst.
static LAST_CONNECT_FAILURE: AtomicI64 = AtomicI64::new(0);
/// How long a request waits for a free connection while the database is up (a burst of thousands).
const BUSY_WAIT: Duration = Duration::from_secs(30);
/// How long a failure to connect counts as "the database is down".
const DOWN_FOR_MS: i64 = 5_000;

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

fn database_down() -> bool {
    let failed = LAST_CONNECT_FAILURE.load(Ordering::Relaxed);
    failed != 0 && now_ms() - failed < DOWN_FOR_MS
}

/// Records failures to connect (and logs them without the URL, which may hold a password).
#[derive(Debug)]
struct ConnectErrors;

impl diesel::r2d2::HandleError<diesel::r2d2::Error> for ConnectErrors {
    fn handle_error(&self, error: diesel::r2d2::Error) {
        LAST_CONNECT_FAILURE.store(now_ms(), Ordering::Relaxed);
        tracing::warn!(%error, "cannot open a database connection");
    }
}

/// Sets the SQLite pragmas on every new pooled connection, and notes that the database is reachable.
#[derive(Debug)]
struct SqlitePragmas;

impl CustomizeConnection<DbConnection, diesel::r2d2::Error> for SqlitePragmas {
    fn on_acquire(&self, conn: &mut DbConnection) -> Result<(), diesel::r2d2::Error> {
        LAST_CONNECT_FAILURE.store(0, Ordering::Relaxed);
        if let DbConnection::Sqlite(c) = conn {
            c.batch_execute(
                "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                 PRAGMA foreign_keys = ON;",
            )
            .map_err(diesel::r2d2::Error::QueryError)?;
        }
        Ok(())
    }
}

/// Opens the pool for `config`; for SQLite creates the file's folder first.
pub fn connect(config: &Config) -> Result<DbPool, String> {
    let url = match config.backend {
        Backend::Sqlite => {
            let path = std::path::Path::new(&config.database_url);
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
            config.database_url.clone()
        }
        Backend::Postgres => config.database_url.clone(),
    };
    Pool::builder()
        .max_size(config.pool_size)
        .connection_timeout(Duration::from_secs(5))
        .connection_customizer(Box::new(SqlitePragmas))
        .error_handler(Box::new(ConnectErrors))
        .build(ConnectionManager::<DbConnection>::new(url))
        .map_err(|e| format!("cannot open the database: {e}"))
}

/// Runs every pending migration; returns how many ran.
pub fn migrate(conn: &mut DbConnection) -> Result<usize, String> {
    let ran = match conn {
        DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
        DbConnection::Pg(c) => c.run_pending_migrations(PG_MIGRATIONS).map(|v| v.len()),
    };
    ran.map_err(|e| format!("migration failed: {e}"))
}

/// Reverts every migration (used by the migration tests: up → down → up).
pub fn revert_all(conn: &mut DbConnection) -> Result<(), String> {
    let res = match conn {
        DbConnection::Sqlite(c) => c.revert_all_migrations(SQLITE_MIGRATIONS).map(|_| ()),
        DbConnection::Pg(c) => c.revert_all_migrations(PG_MIGRATIONS).map(|_| ()),
    };
    res.map_err(|e| format!("revert failed: {e}"))
}

/// Runs `f` in a transaction that holds the write lock from its start.
///
/// On SQLite this is `BEGIN IMMEDIATE`; on PostgreSQL an ordinary transaction (row locks and
/// constraints there decide races). `f` may itself open nested transactions (savepoints).
pub fn write_tx<T, E>(
    conn: &mut DbConnection,
    f: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    match conn {
        DbConnection::Pg(_) => conn.transaction(f),
        DbConnection::Sqlite(c) => {
            AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?;
            let result = f(conn);
            let DbConnection::Sqlite(c) = conn else {
                unreachable!("the variant cannot change")
            };
            match result {
                Ok(value) => {
                    AnsiTransactionManager::commit_transaction(c)?;
                    Ok(value)
                }
                Err(e) => {
                    // The original error matters more than a failed rollback.
                    let _ = AnsiTransactionManager::rollback_transaction(c);
                    Err(e)
                }
            }
        }
    }
}

/// True when the database answers a trivial query.
pub fn ping(conn: &mut DbConnection) -> bool {
    diesel::sql_query("SELECT 1").execute(conn).is_ok()
}

/// A pooled connection: waits up to [`BUSY_WAIT`] while every connection is busy, but gives up within
/// a second when the database cannot be reached (503 `database_unavailable`).
fn checkout(pool: &DbPool) -> Result<PooledConn, diesel::r2d2::PoolError> {
    let started = Instant::now();
    loop {
        match pool.get_timeout(Duration::from_secs(1)) {
            Ok(conn) => return Ok(conn),
            Err(e) if database_down() || started.elapsed() >= BUSY_WAIT => return Err(e),
            Err(_) => continue,
        }
    }
}

/// Runs blocking database work on actix's thread pool with a pooled connection.
pub async fn run<T, F>(pool: &DbPool, f: F) -> Result<T, crate::error::ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConnection) -> Result<T, crate::error::ApiError> + Send + 'static,
{
    let pool = pool.clone();
    actix_web::web::block(move || {
        let mut conn = checkout(&pool)?;
        f(&mut conn)
    })
    .await?
}
