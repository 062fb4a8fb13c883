//! Needs surveys: ask patrons and non-users which remote services they want.
//!
//! Rules: a survey belongs to one library; its staff write the questions (single or multiple
//! choice with "other, please specify", a 1–5 scale, a number, free text) in fi/sv/en, the first
//! and last day (the library's dates), the audience (anyone, signed-in patrons, the contact people
//! of the library's units) and whether contact details are asked for. Published surveys are open
//! to read; anyone in the audience answers while it is open, a signed-in person once (kept by a
//! hash of survey and account, so the answer does not name the account); answers without an
//! account are throttled per address. Staff enter answers given on paper or by phone, marked so.
//! Results (counts, percentages of those who answered, means and medians, free texts, a
//! cross-tabulation by one question) and the CSV of responses are the library's staff's; a CSV
//! holding contact details is audit-logged. Once a survey has answers, a change may reword and
//! add, never remove or retype what was answered.

pub mod demo;
pub mod queries;
pub mod routes;
pub mod rules;
pub mod service;

/// Registers the routes under `/api/v1`.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(routes::list_surveys)
        .service(routes::create_survey)
        .service(routes::export_survey_responses)
        .service(routes::get_survey_results)
        .service(routes::answer_survey)
        .service(routes::invite_to_survey)
        .service(routes::get_survey)
        .service(routes::update_survey);
}
