//! Bookable one-to-one session types ("services"), staff availability and bookable slots.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::Lang;

/// How a session is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SessionMode {
    /// A video call in the browser.
    Video,
    /// A phone call.
    Phone,
    /// At the library.
    InPerson,
}

impl SessionMode {
    /// The snake_case name as stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            SessionMode::Video => "video",
            SessionMode::Phone => "phone",
            SessionMode::InPerson => "in_person",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<SessionMode> {
        match s {
            "video" => Some(SessionMode::Video),
            "phone" => Some(SessionMode::Phone),
            "in_person" => Some(SessionMode::InPerson),
            _ => None,
        }
    }
}

/// A text in the three languages. Finnish is required; Swedish and English fall back to Finnish.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"fi": "Lukuneuvonta", "sv": "Läsråd", "en": "Reading guidance"})))]
pub struct Localized {
    /// Finnish.
    #[cfg_attr(feature = "openapi", schema(min_length = 1))]
    pub fi: String,
    /// Swedish; empty means the Finnish text is shown.
    #[serde(default)]
    pub sv: String,
    /// English; empty means the Finnish text is shown.
    #[serde(default)]
    pub en: String,
}

impl Localized {
    /// The text in `lang`, or the Finnish text when that translation is missing.
    pub fn get(&self, lang: Lang) -> &str {
        let t = lang.pick(&self.fi, &self.sv, &self.en);
        if t.trim().is_empty() { &self.fi } else { t }
    }
}

/// A bookable kind of one-to-one session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Service {
    /// Stable identifier.
    pub id: String,
    /// The library's slug.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// Name.
    pub name: Localized,
    /// What happens in the session, in plain words.
    pub description: Localized,
    /// Length of the session in minutes.
    #[cfg_attr(feature = "openapi", schema(example = 45))]
    pub duration_minutes: u32,
    /// How the session can be held.
    pub modes: Vec<SessionMode>,
    /// Free time the staff member needs before the session, in minutes.
    pub buffer_before_minutes: u32,
    /// Free time the staff member needs after the session, in minutes.
    pub buffer_after_minutes: u32,
    /// How long before the start a session can be booked at the latest, in minutes.
    #[cfg_attr(feature = "openapi", schema(example = 1440))]
    pub min_notice_minutes: u32,
    /// How far ahead sessions can be booked, in days.
    #[cfg_attr(feature = "openapi", schema(example = 60))]
    pub booking_window_days: u32,
    /// How long before the start a booking can still be cancelled or moved, in minutes.
    #[cfg_attr(feature = "openapi", schema(example = 120))]
    pub cancellation_cutoff_minutes: u32,
    /// Questions asked when booking (at most five).
    pub questions: Vec<Localized>,
    /// Rules the patron must accept before booking (for e-services help), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ground_rules: Option<Localized>,
    /// Whether the service can be booked now.
    pub active: bool,
}

/// A new session type, or the full new state of one (staff only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "library": "kalajoki",
    "name": {"fi": "Lukuneuvonta", "sv": "Läsråd", "en": "Reading guidance"},
    "description": {"fi": "Kirjastonhoitaja ehdottaa sinulle luettavaa.", "sv": "En bibliotekarie föreslår läsning för dig.", "en": "A librarian suggests what to read next."},
    "duration_minutes": 45, "modes": ["video", "phone", "in_person"], "buffer_before_minutes": 0,
    "buffer_after_minutes": 15, "min_notice_minutes": 1440, "booking_window_days": 60,
    "cancellation_cutoff_minutes": 120,
    "questions": [{"fi": "Mitä olet lukenut mielelläsi?", "sv": "Vad har du tyckt om att läsa?", "en": "What have you enjoyed reading?"}],
    "active": true
})))]
pub struct ServiceInput {
    /// The library's slug.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// Name.
    pub name: Localized,
    /// What happens in the session, in plain words.
    pub description: Localized,
    /// Length in minutes, 5 to 240.
    #[cfg_attr(feature = "openapi", schema(minimum = 5, maximum = 240, example = 45))]
    pub duration_minutes: u32,
    /// How the session can be held; at least one.
    pub modes: Vec<SessionMode>,
    /// Free time before, in minutes (0 to 120).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(maximum = 120))]
    pub buffer_before_minutes: u32,
    /// Free time after, in minutes (0 to 120).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(maximum = 120))]
    pub buffer_after_minutes: u32,
    /// Minimum notice in minutes (0 to 30 days).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(maximum = 43200, example = 1440))]
    pub min_notice_minutes: u32,
    /// Booking window in days (1 to 365).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 365, example = 60))]
    pub booking_window_days: u32,
    /// Cancellation cut-off in minutes (0 to 7 days).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(maximum = 10080, example = 120))]
    pub cancellation_cutoff_minutes: u32,
    /// Questions asked when booking (at most five).
    #[serde(default)]
    pub questions: Vec<Localized>,
    /// Rules the patron must accept, if any.
    #[serde(default)]
    pub ground_rules: Option<Localized>,
    /// Whether the service can be booked.
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

/// Which staff members deliver a service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"staff_ids": []})))]
pub struct ServiceStaff {
    /// Account ids of staff members of the service's library.
    pub staff_ids: Vec<String>,
}

/// One interval of weekly availability, in the library's time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct WeeklyInterval {
    /// ISO weekday: 1 is Monday, 7 is Sunday.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 7, example = 1))]
    pub weekday: u8,
    /// Start, `HH:MM`.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "09:00", pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$")
    )]
    pub start: String,
    /// End, `HH:MM`, after the start.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "12:00", pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$")
    )]
    pub end: String,
}

/// A date on which a staff member's availability differs from the weekly pattern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AvailabilityException {
    /// The date, `YYYY-MM-DD`, in the library's time zone.
    #[cfg_attr(feature = "openapi", schema(example = "2026-12-24"))]
    pub date: String,
    /// `unavailable` removes time (a holiday, a sick day); `available` adds extra hours.
    pub kind: ExceptionKind,
    /// Start, `HH:MM`; leave out both times for the whole day (only with `unavailable`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// End, `HH:MM`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

/// What an exception does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ExceptionKind {
    /// Not available.
    Unavailable,
    /// Available in addition to the weekly pattern.
    Available,
}

/// A staff member's availability in one library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "library": "kalajoki",
    "weekly": [{"weekday": 1, "start": "09:00", "end": "12:00"}, {"weekday": 1, "start": "13:00", "end": "15:00"}],
    "exceptions": [{"date": "2026-12-24", "kind": "unavailable"}]
})))]
pub struct Availability {
    /// The library's slug.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// The weekly pattern.
    pub weekly: Vec<WeeklyInterval>,
    /// Dates that differ from the pattern.
    #[serde(default)]
    pub exceptions: Vec<AvailabilityException>,
}

/// A time that can be booked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Slot {
    /// Start, RFC 3339 with the library's offset.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime, example = "2026-12-01T10:00:00+02:00"))]
    pub start: DateTime<FixedOffset>,
    /// End, RFC 3339 with the library's offset.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime, example = "2026-12-01T10:45:00+02:00"))]
    pub end: DateTime<FixedOffset>,
    /// How many staff members could take it.
    pub staff_available: u32,
}

/// The bookable times of a service in a range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SlotList {
    /// The service.
    pub service_id: String,
    /// The library's IANA time zone; the offsets of the times follow it.
    #[cfg_attr(feature = "openapi", schema(example = "Europe/Helsinki"))]
    pub time_zone: String,
    /// Bookable times in order.
    pub slots: Vec<Slot>,
}
