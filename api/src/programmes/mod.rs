//! Remote programmes for care homes, assisted-living units and day centres.
//!
//! Rules: an organisation belongs to one library and acts through its contact person's account;
//! staff of the library add and change organisations. Staff publish programme offers with the times
//! they can run them; anyone may list published offers. The contact person (or staff for them) asks
//! for one offered time for the group: a count of residents (never names), the room's equipment,
//! who is with the group, wishes. One time goes to one booking (a lock on the time and a unique
//! index). Staff confirm it (the video link is made then and shown to both sides) or propose another
//! time, which frees the requested one; the unit accepts the proposal or either side cancels before
//! the start. Afterwards staff record how many took part and the unit's feedback. The contact person
//! sees their organisations' bookings, staff their library's (each staff view is audit-logged), and
//! everyone else gets 404.

pub mod queries;
pub mod routes;
pub mod rules;
pub mod service;

/// Registers the routes under `/api/v1`.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(routes::list_programme_offers)
        .service(routes::get_programme_offer)
        .service(routes::create_programme_offer)
        .service(routes::update_programme_offer)
        .service(routes::list_organisations)
        .service(routes::create_organisation)
        .service(routes::get_organisation)
        .service(routes::update_organisation)
        .service(routes::list_my_organisations)
        .service(routes::create_programme_booking)
        .service(routes::list_programme_bookings)
        .service(routes::get_programme_booking)
        .service(routes::confirm_programme_booking)
        .service(routes::propose_programme_time)
        .service(routes::accept_programme_proposal)
        .service(routes::cancel_programme_booking)
        .service(routes::record_programme_outcome);
}
