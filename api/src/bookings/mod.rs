//! Bookings of one-to-one sessions.
//!
//! Rules: a time can be booked only if the slots endpoint offers it at that moment. A staff member
//! never has two live bookings whose times, buffers included, overlap: the database write locks the
//! staff member and re-checks, so of many simultaneous requests for one time exactly as many succeed as
//! there are free staff, and the rest get 409 `slot_taken` with nothing written. Patrons see and cancel
//! their own bookings, guests theirs through a secret manage token, staff their library's; anyone else
//! gets 404. Video sessions get an unguessable meeting room shown only to the patron and staff.

pub mod ics;
pub mod queries;
pub mod routes;
pub mod rules;
pub mod service;

/// Registers the routes under `/api/v1`.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(routes::create_booking)
        .service(routes::list_bookings)
        .service(routes::get_booking)
        .service(routes::cancel_booking)
        .service(routes::reschedule_booking)
        .service(routes::record_outcome)
        .service(routes::get_booking_calendar);
}
