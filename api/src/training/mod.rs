//! Staff training and competence: staff confidence in delivering the remote services.
//!
//! Rules: a library's admins write training modules (Markdown in fi/sv/en with a checklist, and
//! optionally a practice session with a colleague) and name the session types each is required
//! for. Staff tick their own items and book practice sessions with a colleague; a practice counts
//! once the colleague or an admin records it held (not before its start; the trainee may only call
//! it off). A module is complete when every current item is ticked and, where it has one, a
//! practice was held. An admin signs a staff member off for a session type once every module
//! required for it is complete (`competences`; nothing to sign off where none is required); a
//! sign-off stays when modules change later, until an admin takes it back. Taking it back locks the
//! person's account row as a booking for them does, and the booking re-checks the sign-offs under
//! that lock, so no booking is made for them after the admin was told it is gone.
//! Where a session type has a required module, its bookable times offer only the staff who deliver
//! it *and* are signed off (`services::queries::calendars`); a session type without one offers
//! everyone who delivers it. Staff rate their own confidence per session type before and after
//! training (1–5). The matrix (staff × session types) shows each person's standing to the library's
//! admins and their own row to other staff, with the team's readiness per session type to all (a
//! mean confidence to non-admins only from three ratings up).

pub mod demo;
pub mod queries;
pub mod routes;
pub mod rules;
pub mod service;

/// Registers the routes under `/api/v1`.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(routes::list_training_modules)
        .service(routes::create_training_module)
        .service(routes::get_competence_matrix)
        .service(routes::get_training_module)
        .service(routes::update_training_module)
        .service(routes::set_training_progress)
        .service(routes::book_training_practice)
        .service(routes::update_training_practice)
        .service(routes::set_competence)
        .service(routes::set_my_confidence);
}
