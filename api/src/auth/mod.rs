//! Accounts and sign-in.
//!
//! Rules: patrons register themselves (email or phone with a password, or a library card with a PIN);
//! staff and admins are created by an admin or the `etakirjasto user add` command. Passwords and PINs
//! are stored as argon2id hashes, refresh tokens as SHA-256 hashes. Access tokens last 15 minutes and
//! name their session; refresh tokens rotate on every use and a reused one revokes its session.
//! Sign-in failures are counted in the database per account and per address, so throttling holds
//! across several server processes and does not reveal whether an account exists.

pub mod extract;
pub mod jwt;
pub mod queries;
pub mod routes;
pub mod rules;
pub mod second_factor;
pub mod secrets;
pub mod service;

pub use extract::{Admin, AuthUser, MaybeUser, Staff};

/// Registers the routes under `/api/v1`.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(routes::register)
        .service(routes::login)
        .service(routes::refresh)
        .service(routes::logout)
        .service(routes::me)
        .service(routes::start_second_factor)
        .service(routes::confirm_second_factor)
        .service(routes::renew_recovery_codes);
}
