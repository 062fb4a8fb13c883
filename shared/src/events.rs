//! Remote and hybrid events (the online reading circle, author talks, classes) and registrations with
//! separate on-site and online seats and a waiting list.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{Lang, Localized};

wire_enum! {
    /// What kind of event.
    EventCategory {
        /// A reading circle.
        ReadingCircle => "reading_circle",
        /// An author visit or talk.
        AuthorVisit => "author_visit",
        /// A class (digital skills, languages, …).
        Class => "class",
        /// A programme for an assisted-living unit or care home.
        CareHomeProgramme => "care_home_programme",
        /// Anything else.
        Other => "other",
    }
}

wire_enum! {
    /// Who the event is for.
    Audience {
        /// Everyone.
        Everyone => "everyone",
        /// Adults.
        Adults => "adults",
        /// Older people.
        Elderly => "elderly",
        /// Children.
        Children => "children",
        /// Young people.
        Youth => "youth",
        /// Families.
        Families => "families",
    }
}

wire_enum! {
    /// Where the event happens.
    EventMode {
        /// At the library only.
        OnSite => "on_site",
        /// Over a video link only.
        Online => "online",
        /// Both at the library and online.
        Hybrid => "hybrid",
    }
}

wire_enum! {
    /// Which kind of seat a registration takes.
    SeatType {
        /// A seat in the room.
        OnSite => "on_site",
        /// A place on the video link.
        Online => "online",
    }
}

wire_enum! {
    /// Where an event stands.
    EventStatus {
        /// Going ahead.
        Scheduled => "scheduled",
        /// Cancelled by the library.
        Cancelled => "cancelled",
    }
}

wire_enum! {
    /// Where a registration stands.
    RegistrationStatus {
        /// Has seats.
        Confirmed => "confirmed",
        /// On the waiting list; promoted automatically when seats free up.
        Waitlisted => "waitlisted",
        /// Cancelled.
        Cancelled => "cancelled",
    }
}

impl EventMode {
    /// The seat types this mode offers.
    pub fn seat_types(self) -> &'static [SeatType] {
        match self {
            EventMode::OnSite => &[SeatType::OnSite],
            EventMode::Online => &[SeatType::Online],
            EventMode::Hybrid => &[SeatType::OnSite, SeatType::Online],
        }
    }
}

wire_enum! {
    /// How often a series repeats.
    Frequency {
        /// Every week (or every `interval` weeks).
        Weekly => "weekly",
        /// Every month (or every `interval` months).
        Monthly => "monthly",
    }
}

wire_enum! {
    /// A day of the week.
    Weekday {
        /// Monday.
        Monday => "monday",
        /// Tuesday.
        Tuesday => "tuesday",
        /// Wednesday.
        Wednesday => "wednesday",
        /// Thursday.
        Thursday => "thursday",
        /// Friday.
        Friday => "friday",
        /// Saturday.
        Saturday => "saturday",
        /// Sunday.
        Sunday => "sunday",
    }
}

/// How an event repeats. Every occurrence starts at the first one's wall-clock time in the library's
/// zone (Europe/Helsinki), lasts as long, and has its registration open and close as long before it.
/// "First Tuesday of every month": `{"frequency": "monthly", "weekdays": ["tuesday"],
/// "week_of_month": 1, "count": 10}`; "every Wednesday until 31 May": `{"frequency": "weekly",
/// "until": "2027-05-31"}`. Give `until` or `count`; at most 104 occurrences within two years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "frequency": "monthly", "weekdays": ["tuesday"], "week_of_month": 1, "until": "2027-06-30"
})))]
pub struct Repeat {
    /// Weekly or monthly.
    pub frequency: Frequency,
    /// Every how many weeks or months (1–12).
    #[serde(default = "one")]
    pub interval: u32,
    /// Weekly: the days of the week (default: the first occurrence's day). Monthly with
    /// `week_of_month`: exactly one day. Monthly without it: none (the same date every month).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weekdays: Vec<Weekday>,
    /// Monthly: which of the month's `weekdays`: 1–4 for the first to the fourth, -1 for the last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub week_of_month: Option<i8>,
    /// The last date an occurrence may fall on (in the library's zone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date, example = "2027-05-31"))]
    pub until: Option<NaiveDate>,
    /// How many occurrences in all (2–104), instead of `until`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
}

fn one() -> u32 {
    1
}

/// One occurrence of a series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Occurrence {
    /// The occurrence's event id.
    pub event_id: String,
    /// Start, RFC 3339 with the library's offset.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime, example = "2026-12-01T18:00:00+02:00"))]
    pub start: DateTime<FixedOffset>,
    /// End, RFC 3339 with the library's offset.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime, example = "2026-12-01T19:30:00+02:00"))]
    pub end: DateTime<FixedOffset>,
    /// Going ahead or cancelled.
    pub status: EventStatus,
    /// True when registering for it is possible right now.
    pub registration_open: bool,
}

/// A series of events: the rule it was made from and every occurrence, each an event of its own
/// that staff can move or cancel alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventSeries {
    /// Stable identifier.
    pub id: String,
    /// The library's slug.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// The rule the occurrences were made from.
    pub repeat: Repeat,
    /// Every occurrence in time order, past ones included.
    pub occurrences: Vec<Occurrence>,
}

/// Why an occurrence was left out of a registration for a whole series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkippedOccurrence {
    /// The occurrence's event id.
    pub event_id: String,
    /// `registration_closed` (not open yet, closed, started or cancelled) or `conflict` (already
    /// registered for it).
    pub code: crate::ErrorCode,
}

/// The answer to registering for a whole series: a registration for every upcoming occurrence open
/// for registration (each confirmed or waiting on its own), and the occurrences left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SeriesRegistration {
    /// The series.
    pub series_id: String,
    /// One registration per occurrence, in time order; guests get a manage token for each.
    pub registrations: Vec<Registration>,
    /// Upcoming occurrences that were not registered for, and why.
    pub skipped: Vec<SkippedOccurrence>,
}

/// An event as staff create or change it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "library": "kalajoki",
    "title": {"fi": "Etälukupiiri", "sv": "Läscirkel på distans", "en": "Online reading circle"},
    "description": {"fi": "Keskustelemme kuukauden kirjasta.", "sv": "Vi diskuterar månadens bok.", "en": "We talk about the book of the month."},
    "category": "reading_circle", "audience": "adults", "mode": "online",
    "start": "2026-12-01T18:00:00+02:00", "end": "2026-12-01T19:30:00+02:00",
    "join_url": "https://meet.jit.si/etakirjasto-lukupiiri", "online_capacity": 12
})))]
pub struct EventInput {
    /// The library's slug.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// Title.
    pub title: Localized,
    /// What happens, in plain words.
    pub description: Localized,
    /// Kind of event.
    pub category: EventCategory,
    /// Who it is for.
    pub audience: Audience,
    /// Where it happens.
    pub mode: EventMode,
    /// Start (RFC 3339).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime, example = "2026-12-01T18:00:00+02:00"))]
    pub start: DateTime<FixedOffset>,
    /// End (RFC 3339), after the start.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime, example = "2026-12-01T19:30:00+02:00"))]
    pub end: DateTime<FixedOffset>,
    /// The branch, for on-site and hybrid events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch: Option<String>,
    /// The room, for on-site and hybrid events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<String>,
    /// The video link (`https://…`), for online and hybrid events; shown only to registered
    /// participants and staff, from `join_visible_minutes` before the start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join_url: Option<String>,
    /// How many minutes before the start the link is shown (default 30).
    #[serde(default = "thirty")]
    #[cfg_attr(feature = "openapi", schema(maximum = 10080, example = 30))]
    pub join_visible_minutes: u32,
    /// Seats in the room (on-site and hybrid events).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(maximum = 10000, example = 0))]
    pub on_site_capacity: u32,
    /// Places on the video link (online and hybrid events).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(maximum = 10000, example = 12))]
    pub online_capacity: u32,
    /// Most seats one registration may take (default 4).
    #[serde(default = "four")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 20, example = 4))]
    pub max_seats_per_registration: u32,
    /// Whether people register (default true); without registration anyone may just come.
    #[serde(default = "yes")]
    pub registration_required: bool,
    /// When registration opens (default: at once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub registration_opens: Option<DateTime<FixedOffset>>,
    /// When registration closes (default: at the start).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub registration_closes: Option<DateTime<FixedOffset>>,
    /// Accessibility: captions, induction loop, step-free access, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessibility_note: Option<Localized>,
    /// Makes a series: the event repeats by this rule (only when creating; an occurrence is changed
    /// alone). The answer is the first occurrence; its `series` names the series.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat: Option<Repeat>,
}

fn thirty() -> u32 {
    30
}

fn four() -> u32 {
    4
}

fn yes() -> bool {
    true
}

/// Seats of one type: how many there are and how many are taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Seats {
    /// Seats in all.
    pub capacity: u32,
    /// Seats held by confirmed registrations.
    pub taken: u32,
    /// People (registrations) waiting.
    pub waiting: u32,
}

/// An event as everyone sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Event {
    /// Stable identifier.
    pub id: String,
    /// The library's slug.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// Title.
    pub title: Localized,
    /// What happens.
    pub description: Localized,
    /// Kind of event.
    pub category: EventCategory,
    /// Who it is for.
    pub audience: Audience,
    /// Where it happens.
    pub mode: EventMode,
    /// Start, RFC 3339 with the library's offset.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime, example = "2026-12-01T18:00:00+02:00"))]
    pub start: DateTime<FixedOffset>,
    /// End, RFC 3339 with the library's offset.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime, example = "2026-12-01T19:30:00+02:00"))]
    pub end: DateTime<FixedOffset>,
    /// The branch's id, for on-site and hybrid events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch: Option<String>,
    /// The room.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<String>,
    /// Seats in the room (on-site and hybrid events).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_site: Option<Seats>,
    /// Places on the video link (online and hybrid events).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online: Option<Seats>,
    /// Most seats one registration may take.
    pub max_seats_per_registration: u32,
    /// Whether people register.
    pub registration_required: bool,
    /// When registration opens.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub registration_opens: DateTime<Utc>,
    /// When registration closes.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub registration_closes: DateTime<Utc>,
    /// True when registering is possible right now.
    pub registration_open: bool,
    /// Accessibility: captions, induction loop, step-free access, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessibility_note: Option<Localized>,
    /// Going ahead or cancelled.
    pub status: EventStatus,
    /// The video link: only in answers to the library's staff, and to registered participants from
    /// `join_visible_minutes` before the start until the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join_url: Option<String>,
    /// How many minutes before the start registered participants see the link.
    pub join_visible_minutes: u32,
    /// The series this event is an occurrence of (`GET /api/v1/event-series/{id}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
}

/// A registration request. Signed-in patrons register under their account; guests (and staff
/// registering someone who phoned) give a name and an email address or phone number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "seat_type": "online", "seats": 1, "name": "Maija Meikäläinen", "email": "guest@example.fi"
})))]
pub struct NewRegistration {
    /// On-site or online.
    pub seat_type: SeatType,
    /// How many people (1 up to the event's `max_seats_per_registration`).
    #[serde(default = "one")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 20, example = 1))]
    pub seats: u32,
    /// Accessibility or other needs, seen by staff.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs: Option<String>,
    /// Guest's name (required without an account).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Guest's email (email or phone is required without an account).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Guest's phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Language for messages about this registration (default Finnish).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    /// Staff registering someone who phoned: the person agreed to it and to their details being stored.
    #[serde(default)]
    pub patron_consent: bool,
}

/// A registration as its person and the library's staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Registration {
    /// Stable identifier.
    pub id: String,
    /// The event.
    pub event_id: String,
    /// On-site or online.
    pub seat_type: SeatType,
    /// How many people.
    pub seats: u32,
    /// Confirmed, waitlisted or cancelled.
    pub status: RegistrationStatus,
    /// Place on the waiting list of this seat type (1 = next), when waitlisted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waitlist_position: Option<u32>,
    /// The person's (or guest's) name.
    pub contact_name: String,
    /// Email, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_email: Option<String>,
    /// Phone, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_phone: Option<String>,
    /// Needs the person told the library about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs: Option<String>,
    /// True when staff registered the person.
    pub booked_by_staff: bool,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// The video link, for a confirmed online seat from `join_visible_minutes` before the start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join_url: Option<String>,
    /// The guest's secret for managing the registration; given once, in the answer to the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manage_token: Option<String>,
    /// Whether the person came, once staff have marked it after the start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attended: Option<bool>,
}

/// One of the signed-in person's registrations, with its event (the event's video link only for a
/// confirmed seat in its window).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyRegistration {
    /// The event.
    pub event: Event,
    /// The registration.
    pub registration: Registration,
}

/// Staff mark whether a participant came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"attended": true})))]
pub struct Attendance {
    /// True if they took part.
    pub attended: bool,
}

/// Staff move a registration to the other kind of seat (hybrid events).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"seat_type": "on_site"})))]
pub struct SeatChange {
    /// The seat type to move to.
    pub seat_type: SeatType,
}
