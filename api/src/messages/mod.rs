//! Messages that reach people: email, text message, or the message log.
//!
//! Rules: every message is written into the outbox (`messages`) in the same transaction as the
//! change that causes it (a booking made, moved or cancelled; a registration, a promotion from the
//! waiting list, an event changed or cancelled; a care-home programme confirmed or another time
//! proposed), rendered at once in the recipient's language with the library's wording or the
//! built-in one. Reminders are written at the same time with a due time: the day before at the same
//! wall-clock time and an hour before; none whose time has already passed, and a change or
//! cancellation drops the pending ones. The worker (`worker.rs`) delivers due messages with claims,
//! so several processes never send one twice and a process that dies loses nothing. A person
//! chooses email or text message; a failure tries the other. Staff of the library list messages
//! (each shown row audit-logged), send one again, and change the wording per language with a
//! preview.

pub mod channels;
pub mod outbox;
pub mod queries;
pub mod routes;
pub mod service;
pub mod templates;
pub mod worker;

/// Registers the routes under `/api/v1`.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(routes::get_my_message_preferences)
        .service(routes::set_my_message_preferences)
        .service(routes::list_messages)
        .service(routes::resend_message)
        .service(routes::list_message_templates)
        .service(routes::set_message_template)
        .service(routes::reset_message_template)
        .service(routes::preview_message_template);
}
