//! The `etakirjasto` binary: a shim over `etakirjasto_api::cli`.

/// mimalloc instead of the system allocator: request handling allocates many small, short-lived
/// values, and `cargo xtask bench` showed a fifth of the slot listing's time in glibc's malloc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    etakirjasto_api::telemetry::init();
    etakirjasto_api::cli::run(std::env::args().skip(1).collect())
}
