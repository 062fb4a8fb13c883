//! Etäkirjasto's web app: a Leptos app rendered in the browser, talking to the API on the same origin.
//!
//! Code map: [`app`] wires the router and shared state; [`routes`] spells every address; [`api`] is the
//! typed client; [`session`] and [`prefs`] hold who is signed in and the reader's language and text
//! size; [`library`] loads the library's name and phone number; [`i18n`] holds every visible word in
//! Finnish, Swedish and English; [`pages`] has one module per page and [`components`] the shared parts; [`lazy_routes`] marks
//! the pages whose code is loaded on first visit.

mod api;
mod app;
mod components;
mod i18n;
mod lazy_routes;
mod library;
mod pages;
mod prefs;
mod routes;
mod session;

/// Mounts the app on `<body>`. Panics are written to the browser console, where tests see them.
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
