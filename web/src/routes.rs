//! The one place where the app's addresses are spelled.
//!
//! The server answers every non-API path with `index.html`, so each of these can be opened directly
//! (a bookmark, a link in an email) and the client-side router shows the right page.

/// A page of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// The home page.
    Home,
    /// Signing in.
    SignIn,
    /// Creating an account.
    Register,
    /// The signed-in person's own page.
    Me,
    /// The staff dashboard.
    Staff,
    /// Booking a one-to-one session; the step is in the query (see `pages::book`).
    Book,
    /// The signed-in patron's bookings.
    MyBookings,
    /// Setting up two-step sign-in and renewing recovery codes.
    TwoStep,
    /// The coming events; the filters are in the query.
    Events,
    /// Remote programmes for care homes; the offer being booked is in the query.
    Programmes,
    /// Applying for the home-delivery service; the step is in the query.
    HomeService,
    /// The operating models of the remote services.
    Guides,
    /// The library's open needs surveys.
    Surveys,
}

impl Page {
    /// The path segment the router matches (empty for the home page).
    pub const fn segment(self) -> &'static str {
        match self {
            Page::Home => "",
            Page::SignIn => "sign-in",
            Page::Register => "register",
            Page::Me => "me",
            Page::Staff => "staff",
            Page::Book => "book",
            Page::MyBookings => "bookings",
            Page::TwoStep => "two-step-sign-in",
            Page::Events => "events",
            Page::Programmes => "programmes",
            Page::HomeService => "home-service",
            Page::Guides => "guides",
            Page::Surveys => "surveys",
        }
    }

    /// The address to link to.
    pub const fn href(self) -> &'static str {
        match self {
            Page::Home => "/",
            Page::SignIn => "/sign-in",
            Page::Register => "/register",
            Page::Me => "/me",
            Page::Staff => "/staff",
            Page::Book => "/book",
            Page::MyBookings => "/bookings",
            Page::TwoStep => "/two-step-sign-in",
            Page::Events => "/events",
            Page::Programmes => "/programmes",
            Page::HomeService => "/home-service",
            Page::Guides => "/guides",
            Page::Surveys => "/surveys",
        }
    }
}

/// One operating model's page.
pub fn guide_href(id: &str) -> String {
    format!("{}/{}", Page::Guides.href(), crate::api::encode(id))
}

/// One survey's page, where it is answered (the shareable link).
pub fn survey_href(id: &str) -> String {
    format!("{}/{}", Page::Surveys.href(), crate::api::encode(id))
}

/// The booking form of one care-home programme offer.
pub fn programme_offer_href(id: &str) -> String {
    format!(
        "{}?offer={}",
        Page::Programmes.href(),
        crate::api::encode(id)
    )
}

/// The last segment of the staff's programme bookings (`/staff/programmes`).
pub const STAFF_PROGRAMMES: &str = "programmes";

/// The staff's programme bookings, or one of them being handled.
pub fn staff_programmes_href(booking: Option<&str>) -> String {
    let base = format!("{}/{STAFF_PROGRAMMES}", Page::Staff.href());
    match booking {
        Some(id) => format!("{base}?booking={}", crate::api::encode(id)),
        None => base,
    }
}

/// The last segment of the staff's events page (`/staff/events`).
pub const STAFF_EVENTS: &str = "events";

/// The staff's events, or one event's participants.
pub fn staff_events_href(event: Option<&str>) -> String {
    let base = format!("{}/{STAFF_EVENTS}", Page::Staff.href());
    match event {
        Some(id) => format!("{base}?event={}", crate::api::encode(id)),
        None => base,
    }
}

/// The staff's form for a new event (`new`) or for changing one.
pub fn staff_event_edit_href(event: &str) -> String {
    format!(
        "{}/{STAFF_EVENTS}?edit={}",
        Page::Staff.href(),
        crate::api::encode(event)
    )
}

/// The path segment of the staff's programme offers, under the staff dashboard.
pub const STAFF_OFFERS: &str = "programme-offers";

/// The staff's programme offers, or one to edit (`new` for a new one).
pub fn staff_offers_href(offer: Option<&str>) -> String {
    let base = format!("{}/{STAFF_OFFERS}", Page::Staff.href());
    match offer {
        Some(id) => format!("{base}?offer={}", crate::api::encode(id)),
        None => base,
    }
}

/// The path segment of the staff's organisations, under the staff dashboard.
pub const STAFF_ORGANISATIONS: &str = "organisations";

/// The units the library serves, or one to edit (`new` for a new one).
pub fn staff_organisations_href(organisation: Option<&str>) -> String {
    let base = format!("{}/{STAFF_ORGANISATIONS}", Page::Staff.href());
    match organisation {
        Some(id) => format!("{base}?organisation={}", crate::api::encode(id)),
        None => base,
    }
}

/// The path segment of the home-delivery pages, under the staff dashboard.
pub const STAFF_HOME_SERVICE: &str = "home-service";

/// The home-delivery dashboard, or the round of a day.
pub fn staff_home_service_href(round: Option<chrono::NaiveDate>) -> String {
    let base = format!("{}/{STAFF_HOME_SERVICE}", Page::Staff.href());
    match round {
        Some(day) => format!("{base}?round={day}"),
        None => base,
    }
}

/// One home-delivery client's page.
pub fn staff_home_client_href(client: &str) -> String {
    format!(
        "{}/{STAFF_HOME_SERVICE}?client={}",
        Page::Staff.href(),
        crate::api::encode(client)
    )
}

/// The path segment of the staff's operating model editor, under the staff dashboard.
pub const STAFF_GUIDES: &str = "guides";

/// The staff's operating models (`edit` = a model's id or `new`).
pub fn staff_guide_href(edit: &str) -> String {
    format!(
        "{}/{STAFF_GUIDES}?edit={}",
        Page::Staff.href(),
        crate::api::encode(edit)
    )
}

/// The library's operating models for its staff.
pub fn staff_guides_href() -> String {
    format!("{}/{STAFF_GUIDES}", Page::Staff.href())
}

/// The path segment of the staff's surveys, under the staff dashboard.
pub const STAFF_SURVEYS: &str = "surveys";

/// The library's surveys for its staff.
pub fn staff_surveys_href() -> String {
    format!("{}/{STAFF_SURVEYS}", Page::Staff.href())
}

/// The survey editor: `new`, or a survey's id.
pub fn staff_survey_edit_href(id: &str) -> String {
    format!(
        "{}/{STAFF_SURVEYS}?edit={}",
        Page::Staff.href(),
        crate::api::encode(id)
    )
}

/// One survey's results, cross-tabulated `by` one question when given.
pub fn staff_survey_results_href(id: &str, by: Option<&str>) -> String {
    let mut href = format!(
        "{}/{STAFF_SURVEYS}?results={}",
        Page::Staff.href(),
        crate::api::encode(id)
    );
    if let Some(by) = by {
        href.push_str(&format!("&by={}", crate::api::encode(by)));
    }
    href
}

/// The path segment of the staff's training, under the staff dashboard.
pub const STAFF_TRAINING: &str = "training";

/// The staff's training, competence and the team's readiness.
pub fn staff_training_href() -> String {
    format!("{}/{STAFF_TRAINING}", Page::Staff.href())
}

/// The training-module editor: `new`, or a module's id.
pub fn staff_training_edit_href(id: &str) -> String {
    format!(
        "{}/{STAFF_TRAINING}?edit={}",
        Page::Staff.href(),
        crate::api::encode(id)
    )
}

/// The path segment of the admins' page of partner systems, under the staff dashboard.
pub const STAFF_API_CLIENTS: &str = "api-clients";

/// The admins' partner systems (API clients).
pub fn staff_api_clients_href() -> String {
    format!("{}/{STAFF_API_CLIENTS}", Page::Staff.href())
}

/// The path segment of the admins' audit log, under the staff dashboard.
pub const STAFF_AUDIT: &str = "audit";

/// The audit log, optionally of one record.
pub fn staff_audit_href(record: Option<&str>) -> String {
    let base = format!("{}/{STAFF_AUDIT}", Page::Staff.href());
    match record {
        Some(r) => format!("{base}?record={}", crate::api::encode(r)),
        None => base,
    }
}

/// The path segment of the staff's messages page, under the staff dashboard.
pub const STAFF_MESSAGES: &str = "messages";

/// The staff's messages page.
pub fn staff_messages_href() -> String {
    format!("{}/{STAFF_MESSAGES}", Page::Staff.href())
}

/// A guest's page of one event registration, with its manage token in the fragment (see
/// [`booking_href`]).
pub fn registration_href(event_id: &str, id: &str, token: &str) -> String {
    format!(
        "{}/{REGISTRATIONS}/{}#token={}",
        event_href(event_id),
        crate::api::encode(id),
        crate::api::encode(token)
    )
}

/// The segment between an event and one of its registrations.
pub const REGISTRATIONS: &str = "registrations";

/// The address of one event's page.
pub fn event_href(id: &str) -> String {
    format!("{}/{}", Page::Events.href(), crate::api::encode(id))
}

/// The address of one booking, for a guest holding its manage token. The token goes in the fragment,
/// which browsers never send to the server, so it does not end up in access logs.
pub fn booking_href(id: &str, token: &str) -> String {
    format!(
        "{}/{}#token={}",
        Page::MyBookings.href(),
        crate::api::encode(id),
        crate::api::encode(token)
    )
}

/// The address of choosing a new time for a booking: the two weeks from `from` (Unix seconds) and
/// the `day` whose times are shown, `by=staff` when staff came from the dashboard, and a guest's
/// manage token in the fragment as in [`booking_href`].
pub fn reschedule_href(
    id: &str,
    from: Option<i64>,
    day: Option<chrono::NaiveDate>,
    by_staff: bool,
    token: Option<&str>,
) -> String {
    let mut query = Vec::new();
    if let Some(from) = from {
        query.push(format!("from={from}"));
    }
    if let Some(day) = day {
        query.push(format!("day={day}"));
    }
    if by_staff {
        query.push("by=staff".to_owned());
    }
    let mut href = format!(
        "{}/{}/{RESCHEDULE}",
        Page::MyBookings.href(),
        crate::api::encode(id)
    );
    if !query.is_empty() {
        href = format!("{href}?{}", query.join("&"));
    }
    match token {
        Some(token) => format!("{href}#token={}", crate::api::encode(token)),
        None => href,
    }
}

/// The last path segment of choosing a new time: `/bookings/{id}/reschedule`.
pub const RESCHEDULE: &str = "reschedule";
