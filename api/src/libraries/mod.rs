//! Libraries and their branches.
//!
//! Rules: one instance may serve several libraries; every domain row belongs to one. A library is
//! named in addresses by its slug. Its hours and time zone (`Europe/Helsinki`) are public, and so are
//! its phone number and branches, so people who cannot use the web service can find the phone.

pub mod branding;
pub mod kirkanta;
pub mod queries;
pub mod routes;

/// Registers the routes under `/api/v1`.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(routes::list_libraries)
        .service(routes::get_library)
        .service(routes::list_closures)
        .service(routes::add_closure)
        .service(routes::delete_closure)
        .service(routes::set_library_scenario)
        .service(routes::import_branches)
        .service(branding::set_branding)
        .service(branding::put_logo)
        .service(branding::delete_logo)
        .service(branding::get_logo);
}
