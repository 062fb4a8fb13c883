//! The OpenAPI document: the same function serves `/api/openapi.json` and writes `openapi/openapi.json`.

use utoipa::{
    Modify, OpenApi,
    openapi::security::{
        ClientCredentials, Flow, HttpAuthScheme, HttpBuilder, OAuth2, Scopes, SecurityScheme,
    },
};

/// Static parts of the document; paths and schemas are collected from the route table.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Etäkirjasto API",
        description = "The remote library's API: libraries, accounts and sign-in, and (as they land) \
one-to-one sessions, events, home delivery, surveys and operating models. JSON everywhere, snake_case \
fields, RFC 3339 times with offsets, errors as RFC 9457 `application/problem+json` with a machine-readable \
`code` and the fields at fault. Lists page with `limit` and `cursor` and accept `library=<slug>`. \
Send `Accept-Language: fi`, `sv` or `en` to choose the language of error messages.",
        license(name = "EUPL-1.2", identifier = "EUPL-1.2"),
    ),
    servers((url = "/", description = "This server")),
    tags(
        (name = "health", description = "Liveness and readiness."),
        (name = "libraries", description = "Libraries, branches and opening hours."),
        (name = "auth", description = "Accounts, sign-in and tokens."),
        (name = "account", description = "A person's own data: export and deletion."),
        (name = "bookings", description = "Booking, seeing and cancelling one-to-one sessions."),
        (name = "events", description = "Remote and hybrid events: listing, registration with on-site and online seats, the waiting list."),
        (name = "messages", description = "Messages people receive by email or text message (confirmations, changes, reminders the day before and an hour before, waiting-list promotions): a person's channel and language, the library's sent, pending and failed messages, resending, and the library's own wording."),
        (name = "programmes", description = "Remote programmes for care homes, assisted-living units and day centres: organisations and their contact person, programme offers with times, a unit's bookings for its group."),
        (name = "home-service", description = "The home-delivery service (kotipalvelu): applications from people who cannot visit the library (or from a relative or care worker for them), reviewed by the library's home-service staff; clients, their visits planned ahead, the items chosen (with a warning on repeats), the day's round by postcode and street, and figures per month. Every read and change of the personal data is audit-logged."),
        (name = "guides", description = "Operating models of the remote services: purpose, audience, steps, roles, equipment, how a patron gets the service, and a variant per scenario (library closed, patrons unable to visit, staff working remotely). Markdown with safe HTML, every edit kept as a version, published under an open licence (CC BY 4.0 by default) as JSON and Markdown, and copied by other libraries as the start of their own."),
        (name = "surveys", description = "Needs surveys: questionnaires in Finnish, Swedish and English (single and multiple choice with \"other, please specify\", 1–5 scales, numbers, free text), answered on the web with or without an account or entered by staff from paper and phone, with results, a cross-tabulation and a CSV for the library's staff."),
        (name = "training", description = "Staff training and competence: training modules in Markdown with a checklist and a practice session with a colleague, each staff member's progress, the competence matrix (staff × session types) with the admins' sign-offs that decide who is offered in a session type's bookable times, and each person's confidence before and after training."),
        (name = "partners", description = "Partner systems' access: a library's admins make API clients with scopes, browser origins and a rate limit; a partner trades the client's id and secret for a 15-minute token (`POST /api/v1/oauth/token`, OAuth 2.0 client credentials) and calls the operations its scopes open (each names them under the `partner` scheme). Every call is logged with the client."),
        (name = "services", description = "Bookable one-to-one sessions: session types, staff availability, bookable times."),
    ),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "Access token from `POST /api/v1/auth/login`, valid 15 minutes.",
                    ))
                    .build(),
            ),
        );
        let scopes = Scopes::from_iter([
            ("events:read", "Read public events and series."),
            ("slots:read", "Read session types and their bookable times."),
            (
                "bookings:write",
                "Book one-to-one sessions for patrons, and manage them with the manage token.",
            ),
            (
                "registrations:write",
                "Register patrons for events and series, and manage the registrations with the manage token.",
            ),
            ("guides:read", "Read published operating models."),
            (
                "webhooks:manage",
                "Subscribe to webhooks of the library's events and bookings.",
            ),
        ]);
        components.add_security_scheme(
            "partner",
            SecurityScheme::OAuth2(OAuth2::with_description(
                [Flow::ClientCredentials(ClientCredentials::new(
                    "/api/v1/oauth/token",
                    scopes,
                ))],
                "Partner systems: a token from `POST /api/v1/oauth/token` (client credentials) for an API client a library's admin made; valid 15 minutes.",
            )),
        );
    }
}

/// The complete document, as served and as committed.
pub fn spec() -> utoipa::openapi::OpenApi {
    crate::startup::api_app().1
}

/// The document as pretty JSON with a trailing newline, the committed file's exact form.
pub fn spec_json() -> String {
    let mut s = spec()
        .to_pretty_json()
        .expect("the OpenAPI document serialises");
    s.push('\n');
    s
}

/// The refusals of every operation for the library's staff, documented once: 401 (not signed in)
/// and 403 (signed in, but not staff of the library concerned, or staff who have not set up two-step
/// sign-in).
pub struct StaffOnlyErrors;

impl utoipa::IntoResponses for StaffOnlyErrors {
    fn responses() -> std::collections::BTreeMap<
        String,
        utoipa::openapi::RefOr<utoipa::openapi::response::Response>,
    > {
        [
            (
                "401",
                problem_response(
                    "Not signed in (`unauthorized`).",
                    serde_json::json!({"type": "urn:etakirjasto:problem:unauthorized", "title": "Please sign in to continue.", "status": 401, "code": "unauthorized"}),
                ),
            ),
            (
                "403",
                problem_response(
                    "Not staff of the library concerned (`forbidden`), or staff without two-step sign-in (`second_factor_setup_required`).",
                    serde_json::json!({"type": "urn:etakirjasto:problem:forbidden", "title": "You are not allowed to do this.", "status": 403, "code": "forbidden"}),
                ),
            ),
        ]
        .into_iter()
        .map(|(status, response)| (status.to_owned(), response))
        .collect()
    }
}

/// A problem-document response with an example.
fn problem_response(
    description: &str,
    example: serde_json::Value,
) -> utoipa::openapi::RefOr<utoipa::openapi::response::Response> {
    use utoipa::openapi::{ContentBuilder, response::ResponseBuilder};
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            ContentBuilder::new()
                .schema(Some(utoipa::openapi::Ref::from_schema_name("Problem")))
                .example(Some(example))
                .build(),
        )
        .build()
        .into()
}

/// The errors every operation with a JSON body can answer, so they are documented once:
/// 400 (not JSON or the wrong shape), 413 (too large) and 415 (not `application/json`).
pub struct JsonBodyErrors;

impl utoipa::IntoResponses for JsonBodyErrors {
    fn responses() -> std::collections::BTreeMap<
        String,
        utoipa::openapi::RefOr<utoipa::openapi::response::Response>,
    > {
        let problem = problem_response;
        [
            (
                "400",
                problem(
                    "The body is not valid JSON or has the wrong shape (`malformed_request`).",
                    serde_json::json!({"type": "urn:etakirjasto:problem:malformed_request", "title": "The request is not valid.", "status": 400, "code": "malformed_request", "detail": "The body is not valid JSON (line 1, column 12)."}),
                ),
            ),
            (
                "413",
                problem(
                    "The body is larger than 64 KiB (`payload_too_large`).",
                    serde_json::json!({"type": "urn:etakirjasto:problem:payload_too_large", "title": "What you sent is too large.", "status": 413, "code": "payload_too_large"}),
                ),
            ),
            (
                "415",
                problem(
                    "The body is not sent as `application/json` (`unsupported_media_type`).",
                    serde_json::json!({"type": "urn:etakirjasto:problem:unsupported_media_type", "title": "Send the data as JSON.", "status": 415, "code": "unsupported_media_type"}),
                ),
            ),
        ]
        .into_iter()
        .map(|(status, response)| (status.to_owned(), response))
        .collect()
    }
}
