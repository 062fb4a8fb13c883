//! Remote and hybrid events and their registrations.
//!
//! Rules: staff of a library create, change and cancel its events. Anyone may list them and
//! register: a signed-in patron once per event, a guest with a name and an email or phone (and gets a
//! secret manage token), staff for someone who phoned, with their consent. Each registration takes
//! seats of one type (on site or online); it is confirmed while seats of that type are free and
//! nobody waits for them, otherwise it joins that type's waiting list. Registrations of one event
//! change one at a time under a lock on the event, so confirmed seats never exceed capacity and the
//! waiting list keeps its order without gaps. A freed seat (cancellation, raised capacity) goes to
//! the first waiting person who fits, but nobody is promoted once registration has closed or the
//! event has started. The video link is shown only to staff and to confirmed participants, from a
//! set time before the start; never in the listing.
//!
//! A series ("first Tuesday of every month") is made once from a repeat rule into ordinary events
//! that name it (`recurrence.rs` expands the rule in the library's zone, `series.rs` holds its
//! flows); one occurrence is moved or cancelled as any event, and a patron may register for one
//! occurrence or for every upcoming one at once.

pub mod export;
pub mod ics;
pub mod queries;
pub mod recurrence;
pub mod routes;
pub mod rules;
pub mod series;
pub mod service;

/// Registers the routes under `/api/v1`.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(routes::events_feed)
        .service(routes::list_events)
        .service(routes::get_event)
        .service(routes::get_event_calendar)
        .service(routes::create_event)
        .service(routes::update_event)
        .service(routes::cancel_event)
        .service(routes::message_event_participants)
        .service(routes::register_for_event)
        .service(routes::list_registrations)
        .service(routes::get_registration)
        .service(routes::cancel_registration)
        .service(routes::get_event_series)
        .service(routes::cancel_event_series)
        .service(routes::register_for_series)
        .service(routes::export_registrations)
        .service(routes::mark_attendance)
        .service(routes::change_seat_type)
        .service(routes::list_my_registrations);
}
