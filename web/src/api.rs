//! The typed client for the Etäkirjasto API, served from the same origin as the app.
//!
//! Every call sends `Accept-Language` in the chosen UI language and returns either the decoded answer
//! or an [`ApiError`] holding a [`Problem`]. The server sends every error as `application/problem+json`;
//! when a body is not a problem (a proxy's HTML page, a dropped connection) the client makes a
//! synthetic `internal` problem, so pages handle exactly one error shape.
//!
//! *Invariant:* the access token is only ever passed in as an argument; this module stores nothing.
//! The refresh token travels in an HttpOnly cookie the browser sends on same-origin requests.

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use web_sys::RequestCredentials;

use chrono::{DateTime, FixedOffset};
use etakirjasto_shared::{
    ApplicationReceipt, ChooseItem, DeclineApplication, HomeServiceApplication,
    HomeServiceApplicationInput, HomeServiceClient, HomeServiceClientInput, HomeServiceFigures,
    HomeServicePerson, HomeServiceRound, HomeServiceVisit, NewVisit, VisitChange,
};
use etakirjasto_shared::{
    Attendance, Booking, BookingOutcome, DeleteAccountRequest, ErrorCode, Event, EventInput,
    EventMessageInput, EventMessageSent, EventSeries, Lang, Library, LibrarySummary, LoginRequest,
    Me, Message, MessageKind, MessagePreferences, MessagePreview, MessageTemplate,
    MessageTemplateInput, MyRegistration, NewBooking, NewProgrammeBooking, NewRegistration,
    OneTimeCode, Organisation, OrganisationInput, Page, Problem, ProgrammeBooking, ProgrammeOffer,
    ProgrammeOfferInput, RecoveryCodes, RegisterRequest, Registration, RescheduleRequest,
    SeatChange, SeatType, SecondFactorSetup, SeriesRegistration, Service, SlotList, TokenResponse,
};
use etakirjasto_shared::{Guide, Scenario};

/// The API's path prefix.
const BASE: &str = "/api/v1";

/// A failed call: the server's problem document and, for 429 answers, how long to wait.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    /// What went wrong, with the fields at fault.
    pub problem: Problem,
    /// Seconds from the `Retry-After` header, when the server sent one.
    pub retry_after: Option<u32>,
}

impl ApiError {
    /// An error made here rather than by the server, with the standard wording of `code`.
    pub fn local(code: ErrorCode, lang: Lang) -> Self {
        ApiError {
            problem: Problem::new(code, lang),
            retry_after: None,
        }
    }

    /// The machine-readable code.
    pub fn code(&self) -> ErrorCode {
        self.problem.code
    }
}

/// Result of an API call.
pub type ApiResult<T> = Result<T, ApiError>;

/// `GET /api/v1/libraries`: the libraries this instance serves.
pub async fn libraries(lang: Lang) -> ApiResult<Page<LibrarySummary>> {
    let req = builder(Request::get(&format!("{BASE}/libraries")), lang, None);
    answer(req.build(), lang).await
}

/// `GET /api/v1/libraries/{slug}`: one library with its branches.
pub async fn library(slug: &str, lang: Lang) -> ApiResult<Library> {
    let req = builder(
        Request::get(&format!("{BASE}/libraries/{slug}")),
        lang,
        None,
    );
    answer(req.build(), lang).await
}

/// `POST /api/v1/auth/register`: creates a patron account and signs it in.
pub async fn register(body: &RegisterRequest, lang: Lang) -> ApiResult<TokenResponse> {
    post(&format!("{BASE}/auth/register"), body, lang, None).await
}

/// `POST /api/v1/auth/login`: signs in with email/phone and password or card and PIN.
pub async fn login(body: &LoginRequest, lang: Lang) -> ApiResult<TokenResponse> {
    post(&format!("{BASE}/auth/login"), body, lang, None).await
}

/// `POST /api/v1/auth/refresh`: trades the refresh cookie for a new access token (and a new cookie).
pub async fn refresh(lang: Lang) -> ApiResult<TokenResponse> {
    post(&format!("{BASE}/auth/refresh"), &EmptyBody {}, lang, None).await
}

/// `POST /api/v1/auth/logout`: ends the session on the server and clears the cookie.
pub async fn logout(lang: Lang, token: Option<&str>) -> ApiResult<()> {
    let req = builder(Request::post(&format!("{BASE}/auth/logout")), lang, token);
    text_answer(req.json(&EmptyBody {}), lang).await.map(drop)
}

/// `GET /api/v1/me`: the signed-in person.
pub async fn me(token: &str, lang: Lang) -> ApiResult<Me> {
    let req = builder(Request::get(&format!("{BASE}/me")), lang, Some(token));
    answer(req.build(), lang).await
}

/// `POST /api/v1/me/second-factor`: a new authenticator key, not yet in force.
pub async fn start_second_factor(token: &str, lang: Lang) -> ApiResult<SecondFactorSetup> {
    post(
        &format!("{BASE}/me/second-factor"),
        &EmptyBody {},
        lang,
        Some(token),
    )
    .await
}

/// `POST /api/v1/me/second-factor/confirm`: turns two-step sign-in on with the app's current code.
pub async fn confirm_second_factor(
    token: &str,
    code: &str,
    lang: Lang,
) -> ApiResult<RecoveryCodes> {
    let body = OneTimeCode {
        one_time_code: code.to_owned(),
    };
    post(
        &format!("{BASE}/me/second-factor/confirm"),
        &body,
        lang,
        Some(token),
    )
    .await
}

/// `POST /api/v1/me/second-factor/recovery-codes`: ten new recovery codes for the old ones.
pub async fn renew_recovery_codes(token: &str, code: &str, lang: Lang) -> ApiResult<RecoveryCodes> {
    let body = OneTimeCode {
        one_time_code: code.to_owned(),
    };
    post(
        &format!("{BASE}/me/second-factor/recovery-codes"),
        &body,
        lang,
        Some(token),
    )
    .await
}

/// `GET /api/v1/me/export`: everything held on the signed-in person, as the JSON text the server sent.
///
/// The text is kept as it came rather than decoded into `AccountExport`, so the file the person saves
/// is exactly the server's document, including anything this version of the app does not know yet.
pub async fn export_my_data(token: &str, lang: Lang) -> ApiResult<String> {
    let req = builder(
        Request::get(&format!("{BASE}/me/export")),
        lang,
        Some(token),
    );
    text_answer(req.build(), lang).await
}

/// `POST /api/v1/me/delete`: deletes the signed-in patron's account after the password or PIN is
/// given again. On success the server has also cleared the refresh cookie.
pub async fn delete_account(token: &str, body: &DeleteAccountRequest, lang: Lang) -> ApiResult<()> {
    let req = builder(
        Request::post(&format!("{BASE}/me/delete")),
        lang,
        Some(token),
    );
    text_answer(req.json(body), lang).await.map(drop)
}

/// Who asks about a booking: a signed-in patron with the access token, or a guest with the secret
/// manage token the booking answer gave.
#[derive(Debug, Clone, Copy)]
pub enum BookingKey<'a> {
    /// The access token.
    Bearer(&'a str),
    /// A guest's manage token, sent as `X-Manage-Token`.
    Manage(&'a str),
}

/// `GET /api/v1/services?library=…`: the bookable kinds of session of one library.
pub async fn services(library: &str, lang: Lang) -> ApiResult<Page<Service>> {
    let url = format!("{BASE}/services?library={}", encode(library));
    answer(builder(Request::get(&url), lang, None).build(), lang).await
}

/// `GET /api/v1/services/{id}/slots?from=…&to=…`: the free times of a service in a range.
pub async fn slots(service_id: &str, from: &str, to: &str, lang: Lang) -> ApiResult<SlotList> {
    let url = format!(
        "{BASE}/services/{}/slots?from={}&to={}",
        encode(service_id),
        encode(from),
        encode(to)
    );
    answer(builder(Request::get(&url), lang, None).build(), lang).await
}

/// `POST /api/v1/bookings`: books a session, as the signed-in patron (`token`) or as a guest.
pub async fn create_booking(
    body: &NewBooking,
    lang: Lang,
    token: Option<&str>,
) -> ApiResult<Booking> {
    post(&format!("{BASE}/bookings"), body, lang, token).await
}

/// `GET /api/v1/bookings?mine=true&from=…`: the signed-in patron's own bookings starting from `from`.
pub async fn my_bookings(token: &str, from: &str, lang: Lang) -> ApiResult<Page<Booking>> {
    let req = builder(
        Request::get(&format!(
            "{BASE}/bookings?mine=true&limit=100&from={}",
            encode(from)
        )),
        lang,
        Some(token),
    );
    answer(req.build(), lang).await
}

/// `GET /api/v1/bookings/{id}`: one booking.
pub async fn booking(id: &str, key: BookingKey<'_>, lang: Lang) -> ApiResult<Booking> {
    let req = keyed(
        Request::get(&format!("{BASE}/bookings/{}", encode(id))),
        lang,
        key,
    );
    answer(req.build(), lang).await
}

/// `POST /api/v1/bookings/{id}/cancel`: cancels a booking before its cut-off.
pub async fn cancel_booking(id: &str, key: BookingKey<'_>, lang: Lang) -> ApiResult<Booking> {
    let url = format!("{BASE}/bookings/{}/cancel", encode(id));
    let req = keyed(Request::post(&url), lang, key).json(&EmptyBody {});
    answer(req, lang).await
}

/// `POST /api/v1/bookings/{id}/reschedule`: moves a booking to another offered time.
pub async fn reschedule_booking(
    id: &str,
    key: BookingKey<'_>,
    start: DateTime<FixedOffset>,
    lang: Lang,
) -> ApiResult<Booking> {
    let url = format!("{BASE}/bookings/{}/reschedule", encode(id));
    let req = keyed(Request::post(&url), lang, key).json(&RescheduleRequest { start });
    answer(req, lang).await
}

/// Which of a library's bookings staff ask for: those starting in `[from, to)`, optionally only one
/// staff member's.
#[derive(Debug, Clone, PartialEq)]
pub struct BookingRange {
    /// The library's slug.
    pub library: String,
    /// The earliest start (RFC 3339).
    pub from: String,
    /// The start after the last one wanted (RFC 3339).
    pub to: String,
    /// Only this staff member's sessions.
    pub staff_id: Option<String>,
}

/// `GET /api/v1/events?…`: coming events; `filters` is the query string of the filters (already
/// encoded). Follows `next_cursor` up to 200 events.
pub async fn events(filters: &str, lang: Lang) -> ApiResult<Vec<Event>> {
    every_page(
        &format!("{BASE}/events?limit=100&{filters}"),
        lang,
        None,
        200,
    )
    .await
}

/// `GET /api/v1/events/{id}`: one event (with the video link for a registered person in its window).
pub async fn event(id: &str, lang: Lang, token: Option<&str>) -> ApiResult<Event> {
    let url = format!("{BASE}/events/{}", encode(id));
    answer(builder(Request::get(&url), lang, token).build(), lang).await
}

/// `POST /api/v1/events/{id}/registrations`: registers the signed-in person (`token`) or a guest.
pub async fn register_for_event(
    id: &str,
    body: &NewRegistration,
    lang: Lang,
    token: Option<&str>,
) -> ApiResult<Registration> {
    post(
        &format!("{BASE}/events/{}/registrations", encode(id)),
        body,
        lang,
        token,
    )
    .await
}

/// `GET /api/v1/event-series/{id}`: a series with its occurrences.
pub async fn event_series(id: &str, lang: Lang) -> ApiResult<EventSeries> {
    let req = builder(
        Request::get(&format!("{BASE}/event-series/{}", encode(id))),
        lang,
        None,
    );
    answer(req.build(), lang).await
}

/// `POST /api/v1/event-series/{id}/registrations`: registers for every coming session of a series.
pub async fn register_for_series(
    id: &str,
    body: &NewRegistration,
    lang: Lang,
    token: Option<&str>,
) -> ApiResult<SeriesRegistration> {
    post(
        &format!("{BASE}/event-series/{}/registrations", encode(id)),
        body,
        lang,
        token,
    )
    .await
}

/// The address of an event's calendar file, for "add to my calendar".
pub fn event_calendar_href(id: &str) -> String {
    format!("{BASE}/events/{}/calendar.ics", encode(id))
}

/// `GET /api/v1/bookings?library=…&from=…&to=…`: every booking of a library in a range, for its
/// staff, in order of start. Follows `next_cursor` until the last page.
pub async fn library_bookings(
    token: &str,
    range: &BookingRange,
    lang: Lang,
) -> ApiResult<Vec<Booking>> {
    let mut url = format!(
        "{BASE}/bookings?limit=100&library={}&from={}&to={}",
        encode(&range.library),
        encode(&range.from),
        encode(&range.to)
    );
    if let Some(staff) = &range.staff_id {
        url.push_str(&format!("&staff_id={}", encode(staff)));
    }
    every_page(&url, lang, Some(token), usize::MAX).await
}

/// `POST /api/v1/bookings/{id}/outcome`: staff mark a session held or a no-show, or keep a note.
pub async fn record_outcome(
    id: &str,
    token: &str,
    body: &BookingOutcome,
    lang: Lang,
) -> ApiResult<Booking> {
    post(
        &format!("{BASE}/bookings/{}/outcome", encode(id)),
        body,
        lang,
        Some(token),
    )
    .await
}

/// `GET /api/v1/me/registrations`: the signed-in person's event registrations with their events.
pub async fn my_registrations(token: &str, lang: Lang) -> ApiResult<Vec<MyRegistration>> {
    let req = builder(
        Request::get(&format!("{BASE}/me/registrations")),
        lang,
        Some(token),
    );
    answer(req.build(), lang).await
}

/// `GET /api/v1/events/{id}/registrations/{rid}`: one registration, for its owner (signed in or a
/// guest with the manage token).
pub async fn registration(
    event_id: &str,
    id: &str,
    key: BookingKey<'_>,
    lang: Lang,
) -> ApiResult<Registration> {
    let url = format!(
        "{BASE}/events/{}/registrations/{}",
        encode(event_id),
        encode(id)
    );
    answer(keyed(Request::get(&url), lang, key).build(), lang).await
}

/// `POST /api/v1/events/{id}/registrations/{rid}/cancel`: cancels one's own registration.
pub async fn cancel_registration(
    event_id: &str,
    id: &str,
    key: BookingKey<'_>,
    lang: Lang,
) -> ApiResult<Registration> {
    let url = format!(
        "{BASE}/events/{}/registrations/{}/cancel",
        encode(event_id),
        encode(id)
    );
    answer(
        keyed(Request::post(&url), lang, key).json(&EmptyBody {}),
        lang,
    )
    .await
}

/// `GET /api/v1/programme-offers`: the published care-home programmes with their coming times (and,
/// for the library's staff, unpublished ones).
pub async fn programme_offers(lang: Lang, token: Option<&str>) -> ApiResult<Vec<ProgrammeOffer>> {
    every_page(
        &format!("{BASE}/programme-offers?limit=100"),
        lang,
        token,
        200,
    )
    .await
}

/// `POST /api/v1/events` (no `id`) or `PUT /api/v1/events/{id}`: staff create an event (or a series,
/// with `repeat`) or change one.
pub async fn save_event(
    token: &str,
    id: Option<&str>,
    body: &EventInput,
    lang: Lang,
) -> ApiResult<Event> {
    let req = match id {
        Some(id) => Request::put(&format!("{BASE}/events/{}", encode(id))),
        None => Request::post(&format!("{BASE}/events")),
    };
    with_json(req, body, lang, Some(token)).await
}

/// `POST /api/v1/programme-offers` (no `id`) or `PUT /api/v1/programme-offers/{id}`: staff publish
/// or change a programme offer and its times.
pub async fn save_programme_offer(
    token: &str,
    id: Option<&str>,
    body: &ProgrammeOfferInput,
    lang: Lang,
) -> ApiResult<ProgrammeOffer> {
    let req = match id {
        Some(id) => Request::put(&format!("{BASE}/programme-offers/{}", encode(id))),
        None => Request::post(&format!("{BASE}/programme-offers")),
    };
    with_json(req, body, lang, Some(token)).await
}

/// `GET /api/v1/organisations`: the units a library serves (staff).
pub async fn organisations(token: &str, library: &str, lang: Lang) -> ApiResult<Vec<Organisation>> {
    let url = format!("{BASE}/organisations?limit=100&library={}", encode(library));
    every_page(&url, lang, Some(token), usize::MAX).await
}

/// `POST /api/v1/organisations` (no `id`) or `PUT /api/v1/organisations/{id}`: staff add or change a
/// unit and name its contact person.
pub async fn save_organisation(
    token: &str,
    id: Option<&str>,
    body: &OrganisationInput,
    lang: Lang,
) -> ApiResult<Organisation> {
    let req = match id {
        Some(id) => Request::put(&format!("{BASE}/organisations/{}", encode(id))),
        None => Request::post(&format!("{BASE}/organisations")),
    };
    with_json(req, body, lang, Some(token)).await
}

/// `PUT /api/v1/events/{id}/registrations/{rid}/seat-type`: staff move a registration to the other
/// kind of seat.
pub async fn move_seat(
    token: &str,
    event_id: &str,
    id: &str,
    seat_type: SeatType,
    lang: Lang,
) -> ApiResult<Registration> {
    with_json(
        Request::put(&format!(
            "{BASE}/events/{}/registrations/{}/seat-type",
            encode(event_id),
            encode(id)
        )),
        &SeatChange { seat_type },
        lang,
        Some(token),
    )
    .await
}

/// `GET /api/v1/programme-offers?library=…`: one library's offers, unpublished ones too for its
/// staff, every page.
pub async fn library_programme_offers(
    library: &str,
    lang: Lang,
    token: &str,
) -> ApiResult<Vec<ProgrammeOffer>> {
    let url = format!(
        "{BASE}/programme-offers?limit=100&library={}",
        encode(library)
    );
    every_page(&url, lang, Some(token), usize::MAX).await
}

/// `GET /api/v1/guides?library=…`: the library's operating models (its drafts too for its staff),
/// only those that matter in `scenario` when given; every page.
pub async fn guides(
    library: &str,
    scenario: Option<Scenario>,
    lang: Lang,
    token: Option<&str>,
) -> ApiResult<Vec<Guide>> {
    let mut url = format!("{BASE}/guides?limit=100&library={}", encode(library));
    if let Some(s) = scenario {
        url.push_str(&format!("&scenario={}", s.as_str()));
    }
    every_page(&url, lang, token, usize::MAX).await
}

/// `GET /api/v1/guides/{id}`: one operating model.
pub async fn guide(id: &str, lang: Lang, token: Option<&str>) -> ApiResult<Guide> {
    let req = builder(
        Request::get(&format!("{BASE}/guides/{}", encode(id))),
        lang,
        token,
    );
    answer(req.build(), lang).await
}

/// `POST /api/v1/guides`: a new operating model.
pub async fn create_guide(
    token: &str,
    body: &etakirjasto_shared::GuideInput,
    lang: Lang,
) -> ApiResult<Guide> {
    post(&format!("{BASE}/guides"), body, lang, Some(token)).await
}

/// `PUT /api/v1/guides/{id}`: saves an edit made on `body.version`.
pub async fn update_guide(
    token: &str,
    id: &str,
    body: &etakirjasto_shared::GuideEdit,
    lang: Lang,
) -> ApiResult<Guide> {
    let url = format!("{BASE}/guides/{}", encode(id));
    with_json(Request::put(&url), body, lang, Some(token)).await
}

/// `POST /api/v1/guides/{id}/copy`: a draft copy in `library`.
pub async fn copy_guide(token: &str, id: &str, library: &str, lang: Lang) -> ApiResult<Guide> {
    let body = etakirjasto_shared::GuideCopyInput {
        library: library.to_owned(),
    };
    let url = format!("{BASE}/guides/{}/copy", encode(id));
    post(&url, &body, lang, Some(token)).await
}

/// `GET /api/v1/guides/{id}/revisions`: the newest versions, at most 100.
pub async fn guide_revisions(
    token: &str,
    id: &str,
    lang: Lang,
) -> ApiResult<Vec<etakirjasto_shared::GuideRevision>> {
    let req = builder(
        Request::get(&format!("{BASE}/guides/{}/revisions?limit=100", encode(id))),
        lang,
        Some(token),
    );
    answer::<Page<etakirjasto_shared::GuideRevision>>(req.build(), lang)
        .await
        .map(|p| p.items)
}

/// The address of one model's Markdown file.
pub fn guide_markdown_href(id: &str) -> String {
    format!("{BASE}/guides/{}/markdown", encode(id))
}

/// The address of a library's Markdown bundle of its models.
pub fn guides_bundle_href(library: &str) -> String {
    format!("{BASE}/libraries/{}/guides.md", encode(library))
}

/// `GET /api/v1/surveys`: the library's surveys (in `state` when given), drafts too for its staff.
pub async fn surveys(
    library: &str,
    state: Option<etakirjasto_shared::SurveyState>,
    lang: Lang,
    token: Option<&str>,
) -> ApiResult<Vec<etakirjasto_shared::Survey>> {
    let mut url = format!("{BASE}/surveys?limit=100&library={}", encode(library));
    if let Some(s) = state {
        url.push_str(&format!("&state={}", s.as_str()));
    }
    every_page(&url, lang, token, usize::MAX).await
}

/// `GET /api/v1/surveys/{id}`: one survey with its questions.
pub async fn survey(
    id: &str,
    lang: Lang,
    token: Option<&str>,
) -> ApiResult<etakirjasto_shared::Survey> {
    let req = builder(
        Request::get(&format!("{BASE}/surveys/{}", encode(id))),
        lang,
        token,
    );
    answer(req.build(), lang).await
}

/// `POST /api/v1/surveys/{id}/responses`: an answer.
pub async fn answer_survey(
    id: &str,
    body: &etakirjasto_shared::SurveyResponseInput,
    lang: Lang,
    token: Option<&str>,
) -> ApiResult<etakirjasto_shared::SurveyResponseReceipt> {
    post(
        &format!("{BASE}/surveys/{}/responses", encode(id)),
        body,
        lang,
        token,
    )
    .await
}

/// `GET /api/v1/surveys/{id}/results`: the results, cross-tabulated `by` one question.
pub async fn survey_results(
    token: &str,
    id: &str,
    by: Option<&str>,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::SurveyResults> {
    let mut url = format!("{BASE}/surveys/{}/results", encode(id));
    if let Some(by) = by {
        url.push_str(&format!("?by={}", encode(by)));
    }
    let req = builder(Request::get(&url), lang, Some(token));
    answer(req.build(), lang).await
}

/// `POST /api/v1/surveys/{id}/invitations`: invites a group to answer.
pub async fn invite_to_survey(
    token: &str,
    id: &str,
    body: &etakirjasto_shared::SurveyInvitationInput,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::SurveyInvitationReceipt> {
    post(
        &format!("{BASE}/surveys/{}/invitations", encode(id)),
        body,
        lang,
        Some(token),
    )
    .await
}

/// `GET /api/v1/surveys/{id}/responses.csv`: every response as a spreadsheet, in `lang`.
pub async fn survey_responses_csv(token: &str, id: &str, lang: Lang) -> ApiResult<String> {
    let req = builder(
        Request::get(&format!("{BASE}/surveys/{}/responses.csv", encode(id))),
        lang,
        Some(token),
    );
    text_answer(req.build(), lang).await
}

/// `GET /api/v1/me/organisations`: the units the signed-in person acts for.
pub async fn my_organisations(token: &str, lang: Lang) -> ApiResult<Vec<Organisation>> {
    let req = builder(
        Request::get(&format!("{BASE}/me/organisations")),
        lang,
        Some(token),
    );
    answer(req.build(), lang).await
}

/// `GET /api/v1/programme-bookings`: the bookings the person sees (their units', or their library's
/// for staff) going on at or after `from` (RFC 3339).
pub async fn programme_bookings(
    token: &str,
    from: &str,
    lang: Lang,
) -> ApiResult<Vec<ProgrammeBooking>> {
    let url = format!("{BASE}/programme-bookings?limit=100&from={}", encode(from));
    every_page(&url, lang, Some(token), usize::MAX).await
}

/// `POST /api/v1/programme-bookings`: a unit asks for a programme time.
pub async fn create_programme_booking(
    token: &str,
    body: &NewProgrammeBooking,
    lang: Lang,
) -> ApiResult<ProgrammeBooking> {
    post(
        &format!("{BASE}/programme-bookings"),
        body,
        lang,
        Some(token),
    )
    .await
}

/// A step in a programme booking's life: `confirm`, `propose`, `accept` or `cancel` (`POST`), or
/// `outcome` (`PUT`).
pub async fn programme_step(
    token: &str,
    id: &str,
    step: &str,
    body: &impl Serialize,
    lang: Lang,
) -> ApiResult<ProgrammeBooking> {
    let url = format!("{BASE}/programme-bookings/{}/{step}", encode(id));
    let method = if step == "outcome" {
        Request::put(&url)
    } else {
        Request::post(&url)
    };
    with_json(method, body, lang, Some(token)).await
}

/// `GET /api/v1/me/message-preferences`: how the person wants to be told.
pub async fn message_preferences(token: &str, lang: Lang) -> ApiResult<MessagePreferences> {
    let req = builder(
        Request::get(&format!("{BASE}/me/message-preferences")),
        lang,
        Some(token),
    );
    answer(req.build(), lang).await
}

/// `PUT /api/v1/me/message-preferences`: saves the person's channel and language.
pub async fn set_message_preferences(
    token: &str,
    body: &MessagePreferences,
    lang: Lang,
) -> ApiResult<MessagePreferences> {
    with_json(
        Request::put(&format!("{BASE}/me/message-preferences")),
        body,
        lang,
        Some(token),
    )
    .await
}

/// `GET /api/v1/messages`: the library's messages matching `filters` (a query string without `?`),
/// newest first, at most 100.
pub async fn messages(token: &str, filters: &str, lang: Lang) -> ApiResult<Page<Message>> {
    let req = builder(
        Request::get(&format!("{BASE}/messages?limit=100&{filters}")),
        lang,
        Some(token),
    );
    answer(req.build(), lang).await
}

/// `POST /api/v1/messages/{id}/resend`: sends a message again.
pub async fn resend_message(token: &str, id: &str, lang: Lang) -> ApiResult<Message> {
    post(
        &format!("{BASE}/messages/{}/resend", encode(id)),
        &EmptyBody {},
        lang,
        Some(token),
    )
    .await
}

/// `GET /api/v1/libraries/{slug}/message-templates`: every kind's wording in every language.
pub async fn message_templates(
    token: &str,
    library: &str,
    lang: Lang,
) -> ApiResult<Vec<MessageTemplate>> {
    let req = builder(
        Request::get(&format!(
            "{BASE}/libraries/{}/message-templates",
            encode(library)
        )),
        lang,
        Some(token),
    );
    answer(req.build(), lang).await
}

/// The address of one kind's wording in one language.
fn template_url(library: &str, kind: MessageKind, in_lang: Lang) -> String {
    format!(
        "{BASE}/libraries/{}/message-templates/{}/{}",
        encode(library),
        kind.as_str(),
        in_lang.code()
    )
}

/// `PUT …/message-templates/{kind}/{lang}`: saves the library's own wording.
pub async fn set_message_template(
    token: &str,
    library: &str,
    kind: MessageKind,
    in_lang: Lang,
    body: &MessageTemplateInput,
    lang: Lang,
) -> ApiResult<MessageTemplate> {
    with_json(
        Request::put(&template_url(library, kind, in_lang)),
        body,
        lang,
        Some(token),
    )
    .await
}

/// `DELETE …/message-templates/{kind}/{lang}`: back to the built-in wording.
pub async fn reset_message_template(
    token: &str,
    library: &str,
    kind: MessageKind,
    in_lang: Lang,
    lang: Lang,
) -> ApiResult<MessageTemplate> {
    let req = builder(
        Request::delete(&template_url(library, kind, in_lang)),
        lang,
        Some(token),
    );
    answer(req.build(), lang).await
}

/// `POST …/message-templates/{kind}/{lang}/preview`: the wording written out with example values.
pub async fn preview_message_template(
    token: &str,
    library: &str,
    kind: MessageKind,
    in_lang: Lang,
    body: &MessageTemplateInput,
    lang: Lang,
) -> ApiResult<MessagePreview> {
    post(
        &format!("{}/preview", template_url(library, kind, in_lang)),
        body,
        lang,
        Some(token),
    )
    .await
}

/// `GET /api/v1/events/{id}/registrations`: the participant list (staff).
pub async fn event_registrations(
    token: &str,
    event_id: &str,
    lang: Lang,
) -> ApiResult<Vec<Registration>> {
    let req = builder(
        Request::get(&format!("{BASE}/events/{}/registrations", encode(event_id))),
        lang,
        Some(token),
    );
    answer(req.build(), lang).await
}

/// `GET /api/v1/events/{id}/registrations.csv`: the participant list as a spreadsheet, in `lang`.
pub async fn event_registrations_csv(token: &str, event_id: &str, lang: Lang) -> ApiResult<String> {
    let req = builder(
        Request::get(&format!(
            "{BASE}/events/{}/registrations.csv",
            encode(event_id)
        )),
        lang,
        Some(token),
    );
    text_answer(req.build(), lang).await
}

/// `PUT /api/v1/events/{id}/registrations/{rid}/attendance`: whether the person took part.
pub async fn mark_attendance(
    token: &str,
    event_id: &str,
    id: &str,
    attended: bool,
    lang: Lang,
) -> ApiResult<Registration> {
    with_json(
        Request::put(&format!(
            "{BASE}/events/{}/registrations/{}/attendance",
            encode(event_id),
            encode(id)
        )),
        &Attendance { attended },
        lang,
        Some(token),
    )
    .await
}

/// `POST /api/v1/events/{id}/message`: staff write to everyone registered.
pub async fn message_event(
    token: &str,
    event_id: &str,
    body: &EventMessageInput,
    lang: Lang,
) -> ApiResult<EventMessageSent> {
    post(
        &format!("{BASE}/events/{}/message", encode(event_id)),
        body,
        lang,
        Some(token),
    )
    .await
}

/// `POST /api/v1/events/{id}/cancel`: staff cancel the event; everyone registered is told.
pub async fn cancel_event(token: &str, event_id: &str, lang: Lang) -> ApiResult<Event> {
    post(
        &format!("{BASE}/events/{}/cancel", encode(event_id)),
        &EmptyBody {},
        lang,
        Some(token),
    )
    .await
}

/// `GET /api/v1/home-service/applications?status=submitted`: the home-service queue, oldest first.
pub async fn home_service_queue(
    token: &str,
    library: &str,
    lang: Lang,
) -> ApiResult<Vec<HomeServiceApplication>> {
    let url = format!(
        "{BASE}/home-service/applications?limit=100&status=submitted&library={}",
        encode(library)
    );
    every_page(&url, lang, Some(token), usize::MAX).await
}

/// `POST /api/v1/home-service/applications`: anyone applies, no account needed.
pub async fn apply_home_service(
    body: &HomeServiceApplicationInput,
    lang: Lang,
) -> ApiResult<ApplicationReceipt> {
    post(
        &format!("{BASE}/home-service/applications"),
        body,
        lang,
        None,
    )
    .await
}

/// `POST /api/v1/home-service/applications/{id}/approve`: the person becomes a client.
pub async fn approve_application(
    token: &str,
    id: &str,
    lang: Lang,
) -> ApiResult<HomeServiceApplication> {
    let url = format!("{BASE}/home-service/applications/{}/approve", encode(id));
    post(&url, &no_details(), lang, Some(token)).await
}

/// `POST /api/v1/home-service/applications/{id}/decline` with the reason the applicant is given.
pub async fn decline_application(
    token: &str,
    id: &str,
    reason: &str,
    lang: Lang,
) -> ApiResult<HomeServiceApplication> {
    let url = format!("{BASE}/home-service/applications/{}/decline", encode(id));
    let body = DeclineApplication {
        reason: reason.to_owned(),
    };
    post(&url, &body, lang, Some(token)).await
}

/// `GET /api/v1/home-service/visits`: the library's visits from `from` to `to`, optionally in one
/// state.
pub async fn home_visits(
    token: &str,
    library: &str,
    from: &str,
    to: &str,
    status: Option<&str>,
    lang: Lang,
) -> ApiResult<Vec<HomeServiceVisit>> {
    let status = status.map(|s| format!("&status={s}")).unwrap_or_default();
    let url = format!(
        "{BASE}/home-service/visits?library={}&from={from}&to={to}{status}",
        encode(library)
    );
    answer(builder(Request::get(&url), lang, Some(token)).build(), lang).await
}

/// `GET /api/v1/home-service/rounds?date=…`: a day's round (a volunteer gets their own stops).
pub async fn home_round(token: &str, date: &str, lang: Lang) -> ApiResult<HomeServiceRound> {
    let url = format!("{BASE}/home-service/rounds?date={}", encode(date));
    answer(builder(Request::get(&url), lang, Some(token)).build(), lang).await
}

/// `GET /api/v1/home-service/clients?library=…`: the library's clients by name, every page.
pub async fn home_clients(
    token: &str,
    library: &str,
    lang: Lang,
) -> ApiResult<Vec<HomeServiceClient>> {
    let url = format!(
        "{BASE}/home-service/clients?limit=100&library={}",
        encode(library)
    );
    every_page(&url, lang, Some(token), usize::MAX).await
}

/// `PUT /api/v1/libraries/{slug}/scenario`: admins switch the library's scenario.
pub async fn set_scenario(
    token: &str,
    slug: &str,
    body: &etakirjasto_shared::ScenarioInput,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::ActiveScenario> {
    let url = format!("{BASE}/libraries/{}/scenario", encode(slug));
    with_json(Request::put(&url), body, lang, Some(token)).await
}

/// `GET /api/v1/audit-log?library=…`: one page of the audit log, newest first, optionally of one
/// record or one action, from `cursor`.
pub async fn audit_log(
    token: &str,
    library: &str,
    record: Option<&str>,
    action: Option<&str>,
    cursor: Option<&str>,
    lang: Lang,
) -> ApiResult<Page<etakirjasto_shared::AuditEntry>> {
    let mut url = format!("{BASE}/audit-log?limit=50&library={}", encode(library));
    for (key, value) in [("record", record), ("action", action), ("cursor", cursor)] {
        if let Some(v) = value {
            url.push_str(&format!("&{key}={}", encode(v)));
        }
    }
    answer(builder(Request::get(&url), lang, Some(token)).build(), lang).await
}

/// `GET /api/v1/home-service/people?library=…`: who can choose and bring materials.
pub async fn home_people(
    token: &str,
    library: &str,
    lang: Lang,
) -> ApiResult<Vec<HomeServicePerson>> {
    let url = format!("{BASE}/home-service/people?library={}", encode(library));
    answer(builder(Request::get(&url), lang, Some(token)).build(), lang).await
}

/// `GET /api/v1/home-service/clients/{id}`: one client's profile.
pub async fn home_client(token: &str, id: &str, lang: Lang) -> ApiResult<HomeServiceClient> {
    let url = format!("{BASE}/home-service/clients/{}", encode(id));
    answer(builder(Request::get(&url), lang, Some(token)).build(), lang).await
}

/// `PUT /api/v1/home-service/clients/{id}`: the whole profile, changed.
pub async fn update_home_client(
    token: &str,
    id: &str,
    body: &HomeServiceClientInput,
    lang: Lang,
) -> ApiResult<HomeServiceClient> {
    let url = format!("{BASE}/home-service/clients/{}", encode(id));
    with_json(Request::put(&url), body, lang, Some(token)).await
}

/// `GET /api/v1/home-service/clients/{id}/visits`: every visit of the client, with its items.
pub async fn home_client_visits(
    token: &str,
    id: &str,
    lang: Lang,
) -> ApiResult<Vec<HomeServiceVisit>> {
    let url = format!("{BASE}/home-service/clients/{}/visits", encode(id));
    answer(builder(Request::get(&url), lang, Some(token)).build(), lang).await
}

/// `POST /api/v1/home-service/clients/{id}/visits`: a visit added by hand.
pub async fn add_home_visit(
    token: &str,
    client_id: &str,
    body: &NewVisit,
    lang: Lang,
) -> ApiResult<HomeServiceVisit> {
    let url = format!("{BASE}/home-service/clients/{}/visits", encode(client_id));
    post(&url, body, lang, Some(token)).await
}

/// `PUT /api/v1/home-service/visits/{id}`: a visit recorded (delivered or missed) or changed.
pub async fn update_home_visit(
    token: &str,
    id: &str,
    body: &VisitChange,
    lang: Lang,
) -> ApiResult<HomeServiceVisit> {
    let url = format!("{BASE}/home-service/visits/{}", encode(id));
    with_json(Request::put(&url), body, lang, Some(token)).await
}

/// `POST /api/v1/home-service/visits/{id}/items`: an item chosen (409 `already_delivered` for a
/// repeat unless `allow_repeat`).
pub async fn choose_home_item(
    token: &str,
    visit_id: &str,
    body: &ChooseItem,
    lang: Lang,
) -> ApiResult<HomeServiceVisit> {
    let url = format!("{BASE}/home-service/visits/{}/items", encode(visit_id));
    post(&url, body, lang, Some(token)).await
}

/// `DELETE /api/v1/home-service/visits/{id}/items/{item}`: an item taken off a planned visit.
pub async fn remove_home_item(
    token: &str,
    visit_id: &str,
    item_id: &str,
    lang: Lang,
) -> ApiResult<HomeServiceVisit> {
    let url = format!(
        "{BASE}/home-service/visits/{}/items/{}",
        encode(visit_id),
        encode(item_id)
    );
    answer(
        builder(Request::delete(&url), lang, Some(token)).build(),
        lang,
    )
    .await
}

/// `GET /api/v1/home-service/figures`: counts per month from `from` to `to` (`YYYY-MM`).
pub async fn home_figures(
    token: &str,
    library: &str,
    from: &str,
    to: &str,
    lang: Lang,
) -> ApiResult<HomeServiceFigures> {
    let url = format!(
        "{BASE}/home-service/figures?library={}&from={from}&to={to}",
        encode(library)
    );
    answer(builder(Request::get(&url), lang, Some(token)).build(), lang).await
}

/// The `{}` body of steps that take no details.
pub fn no_details() -> impl Serialize {
    EmptyBody {}
}

/// Follows `next_cursor` from `url` (which has a query already) until the last page or `cap` items.
async fn every_page<T: DeserializeOwned>(
    url: &str,
    lang: Lang,
    token: Option<&str>,
    cap: usize,
) -> ApiResult<Vec<T>> {
    let mut all = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let page_url = match &cursor {
            Some(c) => format!("{url}&cursor={}", encode(c)),
            None => url.to_owned(),
        };
        let page: Page<T> =
            answer(builder(Request::get(&page_url), lang, token).build(), lang).await?;
        all.extend(page.items);
        match page.next_cursor {
            Some(next) if all.len() < cap => cursor = Some(next),
            _ => return Ok(all),
        }
    }
}

fn keyed(req: RequestBuilder, lang: Lang, key: BookingKey<'_>) -> RequestBuilder {
    match key {
        BookingKey::Bearer(token) => builder(req, lang, Some(token)),
        BookingKey::Manage(token) => builder(req, lang, None).header("X-Manage-Token", token),
    }
}

/// Percent-encodes a query or path part (a time's `+` would otherwise arrive as a space).
pub fn encode(part: &str) -> String {
    String::from(js_sys::encode_uri_component(part))
}

/// The `{}` body that refresh and logout expect; the cookie carries the token.
#[derive(Serialize)]
struct EmptyBody {}

/// Adds the headers every call carries.
fn builder(req: RequestBuilder, lang: Lang, token: Option<&str>) -> RequestBuilder {
    // Same-origin credentials are the fetch default, but the refresh cookie is the whole session,
    // so say it out loud rather than rely on a default.
    let req = req
        .header("Accept", "application/json")
        .header("Accept-Language", lang.code())
        .credentials(RequestCredentials::SameOrigin);
    match token {
        Some(token) => req.header("Authorization", &format!("Bearer {token}")),
        None => req,
    }
}

async fn post<T: DeserializeOwned>(
    url: &str,
    body: &impl Serialize,
    lang: Lang,
    token: Option<&str>,
) -> ApiResult<T> {
    with_json(Request::post(url), body, lang, token).await
}

/// Sends `req` with `body` as JSON and decodes the answer.
async fn with_json<T: DeserializeOwned>(
    req: RequestBuilder,
    body: &impl Serialize,
    lang: Lang,
    token: Option<&str>,
) -> ApiResult<T> {
    let body =
        serde_json::to_string(body).map_err(|_| ApiError::local(ErrorCode::Internal, lang))?;
    let req = builder(req, lang, token)
        .header("Content-Type", "application/json")
        .body(body);
    answer(req, lang).await
}

/// Sends a built request; a request that could not be built or a network failure becomes `internal`.
async fn send(req: Result<Request, gloo_net::Error>, lang: Lang) -> ApiResult<Response> {
    let req = req.map_err(|_| ApiError::local(ErrorCode::Internal, lang))?;
    req.send()
        .await
        .map_err(|_| ApiError::local(ErrorCode::Internal, lang))
}

/// Sends a request and decodes a success body as `T`, or the error body as a problem.
///
/// Only the decoding is generic: the waiting happens in [`text_answer`], one function for every
/// answer type, which keeps the wasm small.
async fn answer<T: DeserializeOwned>(
    req: Result<Request, gloo_net::Error>,
    lang: Lang,
) -> ApiResult<T> {
    let text = text_answer(req, lang).await?;
    serde_json::from_str(&text).map_err(|_| ApiError::local(ErrorCode::Internal, lang))
}

/// Sends a request and returns a success body as text, or the error body as a problem.
async fn text_answer(req: Result<Request, gloo_net::Error>, lang: Lang) -> ApiResult<String> {
    let resp = send(req, lang).await?;
    if resp.ok() {
        resp.text()
            .await
            .map_err(|_| ApiError::local(ErrorCode::Internal, lang))
    } else {
        Err(problem_of(resp, lang).await)
    }
}

/// Reads the problem envelope of a failed answer, falling back to a synthetic `internal` problem.
async fn problem_of(resp: Response, lang: Lang) -> ApiError {
    let retry_after = resp
        .headers()
        .get("Retry-After")
        .and_then(|v| v.trim().parse::<u32>().ok());
    let problem = resp
        .json::<Problem>()
        .await
        .unwrap_or_else(|_| Problem::new(ErrorCode::Internal, lang));
    ApiError {
        problem,
        retry_after,
    }
}

/// `GET /api/v1/training/modules`: the library's training modules with the caller's progress.
pub async fn training_modules(
    token: &str,
    library: &str,
    lang: Lang,
) -> ApiResult<Vec<etakirjasto_shared::TrainingModule>> {
    let req = builder(
        Request::get(&format!(
            "{BASE}/training/modules?library={}",
            encode(library)
        )),
        lang,
        Some(token),
    );
    answer(req.build(), lang).await
}

/// `GET /api/v1/training/modules/{id}`: one module with the caller's progress.
pub async fn training_module(
    token: &str,
    id: &str,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::TrainingModule> {
    let req = builder(
        Request::get(&format!("{BASE}/training/modules/{}", encode(id))),
        lang,
        Some(token),
    );
    answer(req.build(), lang).await
}

/// `PUT /api/v1/training/modules/{id}/progress`: ticks an item done or takes the tick back.
pub async fn set_training_progress(
    token: &str,
    id: &str,
    body: &etakirjasto_shared::ProgressInput,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::TrainingModule> {
    let url = format!("{BASE}/training/modules/{}/progress", encode(id));
    with_json(Request::put(&url), body, lang, Some(token)).await
}

/// `POST /api/v1/training/modules/{id}/practices`: books a practice with a colleague.
pub async fn book_training_practice(
    token: &str,
    id: &str,
    body: &etakirjasto_shared::PracticeInput,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::PracticeSession> {
    post(
        &format!("{BASE}/training/modules/{}/practices", encode(id)),
        body,
        lang,
        Some(token),
    )
    .await
}

/// `PUT /api/v1/training/practices/{id}`: records a practice held, or cancels it.
pub async fn update_training_practice(
    token: &str,
    id: &str,
    body: &etakirjasto_shared::PracticeUpdate,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::PracticeSession> {
    let url = format!("{BASE}/training/practices/{}", encode(id));
    with_json(Request::put(&url), body, lang, Some(token)).await
}

/// `GET /api/v1/training/matrix`: the competence matrix and the team's readiness.
pub async fn competence_matrix(
    token: &str,
    library: &str,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::CompetenceMatrix> {
    let req = builder(
        Request::get(&format!(
            "{BASE}/training/matrix?library={}",
            encode(library)
        )),
        lang,
        Some(token),
    );
    answer(req.build(), lang).await
}

/// `PUT /api/v1/services/{id}/competences/{staff_id}`: an admin's sign-off, given or taken back.
pub async fn set_competence(
    token: &str,
    service: &str,
    staff: &str,
    competent: bool,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::MatrixCell> {
    let url = format!(
        "{BASE}/services/{}/competences/{}",
        encode(service),
        encode(staff)
    );
    let body = etakirjasto_shared::CompetenceInput { competent };
    with_json(Request::put(&url), &body, lang, Some(token)).await
}

/// `PUT /api/v1/services/{id}/confidence`: the caller's own confidence rating.
pub async fn set_my_confidence(
    token: &str,
    service: &str,
    body: &etakirjasto_shared::ConfidenceInput,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::MatrixCell> {
    let url = format!("{BASE}/services/{}/confidence", encode(service));
    with_json(Request::put(&url), body, lang, Some(token)).await
}

/// `POST /api/v1/surveys`: a new survey.
pub async fn create_survey(
    token: &str,
    body: &etakirjasto_shared::SurveyInput,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::Survey> {
    post(&format!("{BASE}/surveys"), body, lang, Some(token)).await
}

/// `PUT /api/v1/surveys/{id}`: saves a change made on `body.version`.
pub async fn update_survey(
    token: &str,
    id: &str,
    body: &etakirjasto_shared::SurveyEdit,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::Survey> {
    let url = format!("{BASE}/surveys/{}", encode(id));
    with_json(Request::put(&url), body, lang, Some(token)).await
}

/// `POST /api/v1/training/modules`: a new training module (admins).
pub async fn create_training_module(
    token: &str,
    body: &etakirjasto_shared::TrainingModuleInput,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::TrainingModule> {
    post(&format!("{BASE}/training/modules"), body, lang, Some(token)).await
}

/// `PUT /api/v1/training/modules/{id}`: saves a change made on `body.version` (admins).
pub async fn update_training_module(
    token: &str,
    id: &str,
    body: &etakirjasto_shared::TrainingModuleEdit,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::TrainingModule> {
    let url = format!("{BASE}/training/modules/{}", encode(id));
    with_json(Request::put(&url), body, lang, Some(token)).await
}

/// `GET /api/v1/api-clients?library=…`: the library's partner systems (admins).
pub async fn api_clients(
    token: &str,
    library: &str,
    lang: Lang,
) -> ApiResult<Vec<etakirjasto_shared::ApiClient>> {
    let url = format!("{BASE}/api-clients?library={}", encode(library));
    answer(builder(Request::get(&url), lang, Some(token)).build(), lang).await
}

/// `POST /api/v1/api-clients`: a new partner system; the secret is in this answer only.
pub async fn create_api_client(
    token: &str,
    body: &etakirjasto_shared::ApiClientInput,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::ApiClientCredentials> {
    post(&format!("{BASE}/api-clients"), body, lang, Some(token)).await
}

/// `PUT /api/v1/api-clients/{id}`: a partner system's name, scopes, origins and rate limit.
pub async fn update_api_client(
    token: &str,
    id: &str,
    body: &etakirjasto_shared::ApiClientInput,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::ApiClient> {
    let url = format!("{BASE}/api-clients/{}", encode(id));
    with_json(Request::put(&url), body, lang, Some(token)).await
}

/// `POST /api/v1/api-clients/{id}/secret`: a new secret (the old one stops).
pub async fn renew_api_client_secret(
    token: &str,
    id: &str,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::ApiClientCredentials> {
    let url = format!("{BASE}/api-clients/{}/secret", encode(id));
    post(&url, &EmptyBody {}, lang, Some(token)).await
}

/// `POST /api/v1/api-clients/{id}/revoke`: ends a partner system's access for good.
pub async fn revoke_api_client(
    token: &str,
    id: &str,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::ApiClient> {
    let url = format!("{BASE}/api-clients/{}/revoke", encode(id));
    post(&url, &EmptyBody {}, lang, Some(token)).await
}

/// `GET /api/v1/api-clients/{id}/calls`: a partner system's latest calls.
pub async fn api_client_calls(
    token: &str,
    id: &str,
    lang: Lang,
) -> ApiResult<Page<etakirjasto_shared::ApiCall>> {
    let url = format!("{BASE}/api-clients/{}/calls?limit=25", encode(id));
    answer(builder(Request::get(&url), lang, Some(token)).build(), lang).await
}

/// `PUT /api/v1/libraries/{slug}/branding`: the library's colour (admins).
pub async fn set_branding(
    token: &str,
    slug: &str,
    brand_color: Option<String>,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::Branding> {
    let url = format!("{BASE}/libraries/{}/branding", encode(slug));
    let body = etakirjasto_shared::BrandingInput { brand_color };
    with_json(Request::put(&url), &body, lang, Some(token)).await
}

/// `PUT /api/v1/libraries/{slug}/logo` with the chosen image file as the body (admins).
pub async fn put_logo(
    token: &str,
    slug: &str,
    file: &web_sys::File,
    lang: Lang,
) -> ApiResult<etakirjasto_shared::Branding> {
    let url = format!("{BASE}/libraries/{}/logo", encode(slug));
    let req = builder(Request::put(&url), lang, Some(token))
        .header("Content-Type", &file.type_())
        .body(file.clone());
    answer(req, lang).await
}

/// `DELETE /api/v1/libraries/{slug}/logo` (admins).
pub async fn delete_logo(token: &str, slug: &str, lang: Lang) -> ApiResult<()> {
    let url = format!("{BASE}/libraries/{}/logo", encode(slug));
    let res = send(
        builder(Request::delete(&url), lang, Some(token)).build(),
        lang,
    )
    .await?;
    if res.ok() {
        Ok(())
    } else {
        Err(problem_of(res, lang).await)
    }
}
