//! The home-delivery service (kotipalvelu): library materials brought home to people who cannot
//! visit.
//!
//! Rules: anyone may apply, for themselves or for someone else, without an account; the answer holds
//! only a reference. Only the library's staff who also have its home-service role
//! (`home_service_staff`) see applications and clients; the library's other staff get 403 and
//! everyone outside the library 404. Every read and every decision is written to the audit log with
//! the record's id, never its data. An application is decided once (a conditional update): approving
//! makes a client from it in the same transaction. A client's chooser and deliverer are kept by id
//! and by name, so removing an account never removes the history that names them.

pub mod notices;
pub mod privacy;
pub mod queries;
pub mod routes;
pub mod rules;
pub mod schedule;
pub mod service;
pub mod visit_routes;
pub mod visits;

/// Registers the routes under `/api/v1`.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(routes::create_home_service_application)
        .service(routes::list_home_service_applications)
        .service(routes::get_home_service_application)
        .service(routes::approve_home_service_application)
        .service(routes::decline_home_service_application)
        .service(routes::list_home_service_clients)
        .service(routes::get_home_service_client)
        .service(routes::update_home_service_client)
        .service(routes::export_home_service_client)
        .service(routes::erase_home_service_client)
        .service(visit_routes::list_home_service_client_visits)
        .service(visit_routes::add_home_service_visit)
        .service(visit_routes::list_home_service_visits)
        .service(visit_routes::update_home_service_visit)
        .service(visit_routes::choose_home_service_item)
        .service(visit_routes::remove_home_service_item)
        .service(visit_routes::get_home_service_round)
        .service(visit_routes::get_home_service_figures)
        .service(visit_routes::list_home_service_people);
}
