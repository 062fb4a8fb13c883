//! The `etakirjasto` binary: a shim over `etakirjasto_api::cli`.

fn main() -> std::process::ExitCode {
    etakirjasto_api::telemetry::init();
    etakirjasto_api::cli::run(std::env::args().skip(1).collect())
}
