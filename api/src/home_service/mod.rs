//! The home-delivery service (kotipalvelu): library materials brought home to people who cannot
//! visit.
//!
//! Rules: anyone may apply, for themselves or for someone else, without an account; the answer holds
//! only a reference. Only the library's staff who also have its home-service role
//! (`home_service_staff`) see applications and clients; the library's other staff get 403 and
//! everyone outside the library 404. Every read and every decision is written to the audit log with
//! the record's id, never its data. An application is decided once (a conditional update): approving
//! makes a client from it in the same transaction.

pub mod queries;
pub mod routes;
pub mod rules;
pub mod service;

/// Registers the routes under `/api/v1`.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(routes::create_home_service_application)
        .service(routes::list_home_service_applications)
        .service(routes::get_home_service_application)
        .service(routes::approve_home_service_application)
        .service(routes::decline_home_service_application);
}
