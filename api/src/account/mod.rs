//! A person's own data: download everything held on them, and delete the account.
//!
//! Rules: the export is a JSON document of everything stored about the person. Deleting needs the
//! password (or card PIN) again, is throttled like sign-in, and is for patrons: staff and admin
//! accounts are removed by an admin so a library is never left without one. Deletion removes the
//! account, its memberships, sessions and sign-in attempts; records that statistics need (bookings,
//! registrations) keep their rows with the person's link removed. Both actions are audit-logged.

pub mod queries;
pub mod routes;
pub mod service;

/// Registers the routes under `/api/v1`.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(routes::export).service(routes::delete);
}
