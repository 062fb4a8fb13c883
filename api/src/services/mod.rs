//! Bookable one-to-one session types, who delivers them, staff availability and bookable slots.
//!
//! Rules: staff of a library manage its session types and say who delivers each (only trained staff);
//! staff set their own weekly availability and exceptions, admins anyone's in their library; anyone may
//! list session types and their bookable times. All times are wall-clock times in the library's zone.

pub mod input;
pub mod queries;
pub mod routes;
pub mod rules;
pub mod slot_cache;

/// Registers the routes under `/api/v1`.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(routes::list_services)
        .service(routes::create_service)
        .service(routes::get_service)
        .service(routes::update_service)
        .service(routes::get_service_staff)
        .service(routes::set_service_staff)
        .service(routes::list_slots)
        .service(routes::get_availability)
        .service(routes::set_availability);
}
