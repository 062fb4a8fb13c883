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
