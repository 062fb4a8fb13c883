//! Operating models ("guides"): how each remote service works, for this library and its neighbours.
//!
//! Rules: a model belongs to one library and describes one service: its purpose, who it is for, how
//! it works step by step, roles, equipment and how a patron gets it, plus a variant for each scenario
//! in which it works differently (library closed, patrons unable to visit, staff working remotely).
//! Texts are Markdown, given back with safe HTML (`markdown.rs`). Published models are open to
//! everyone under their licence (CC BY 4.0 unless chosen otherwise), as JSON and as Markdown (one
//! model, or a library's bundle); drafts are seen only by the library's staff. Every save is a new
//! version in `guide_revisions`, and an edit based on an older version than the stored one is 409.
//! Staff of any library on the instance copy a model they can read as a draft of their own, which
//! names its origin for attribution.

pub mod demo;
pub mod markdown;
pub mod queries;
pub mod routes;
pub mod service;

/// Registers the routes under `/api/v1`.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(routes::list_guides)
        .service(routes::create_guide)
        .service(routes::get_guide)
        .service(routes::update_guide)
        .service(routes::get_guide_markdown)
        .service(routes::list_guide_revisions)
        .service(routes::copy_guide)
        .service(routes::get_library_guides_markdown);
}
