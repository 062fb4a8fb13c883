//! Etäkirjasto's server: the JSON REST API under `/api/v1`, its OpenAPI document, and the host of the
//! web app. `main.rs` is a shim over [`cli`]; [`startup::Application`] builds the real app, which tests
//! start on port 0 with a fresh database.

pub mod account;
pub mod audit;
pub mod auth;
pub mod bookings;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod events;
pub mod guides;
pub mod health;
pub mod home_service;
pub mod ical;
pub mod libraries;
pub mod messages;
pub mod openapi;
pub mod pagination;
pub mod partners;
pub mod programmes;
pub mod schema;
pub mod services;
pub mod settings;
pub mod startup;
pub mod surveys;
pub mod telemetry;
pub mod throttle;
pub mod training;

/// What every handler can reach.
pub struct AppState {
    /// Database connections.
    pub pool: db::DbPool,
    /// Access-token keys.
    pub jwt: auth::jwt::JwtKeys,
    /// Settings.
    pub config: config::Config,
    /// Slot listings cached under the calendar generation.
    pub slots: services::slot_cache::SlotCache,
}
