//! Bookings of one-to-one sessions.

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};

use crate::{Lang, Localized, SessionMode};

/// Where a booking stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    /// Booked and going ahead.
    Confirmed,
    /// Cancelled by the patron or the library.
    Cancelled,
    /// The session took place.
    Held,
    /// The patron did not come.
    NoShow,
}

impl BookingStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            BookingStatus::Confirmed => "confirmed",
            BookingStatus::Cancelled => "cancelled",
            BookingStatus::Held => "held",
            BookingStatus::NoShow => "no_show",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<BookingStatus> {
        match s {
            "confirmed" => Some(BookingStatus::Confirmed),
            "cancelled" => Some(BookingStatus::Cancelled),
            "held" => Some(BookingStatus::Held),
            "no_show" => Some(BookingStatus::NoShow),
            _ => None,
        }
    }
}

/// A booking request. Signed-in patrons are booked under their account; guests give a name and an
/// email address or phone number, and get a secret manage token back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "service_id": "4c1f6f44-5b7c-4f7e-9d0a-3f4f0b7d9a11", "start": "2026-12-07T09:00:00+02:00", "mode": "video",
    "answers": ["Dekkarit ja elämäkerrat."], "name": "Maija Meikäläinen", "email": "guest@example.fi"
})))]
pub struct NewBooking {
    /// The session type.
    pub service_id: String,
    /// The start, exactly as listed by the slots endpoint (RFC 3339).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime, example = "2026-12-07T09:00:00+02:00"))]
    pub start: DateTime<FixedOffset>,
    /// How the session is held; one of the service's modes.
    pub mode: SessionMode,
    /// Answers to the service's questions, in order.
    #[serde(default)]
    pub answers: Vec<String>,
    /// True when the patron accepts the service's ground rules (required when it has them).
    #[serde(default)]
    pub accept_ground_rules: bool,
    /// Guest's name (required without an account).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Guest's email address (email or phone is required without an account).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number to call for a phone session; defaults to the account's number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Language for messages about this booking (default Finnish).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    /// Staff booking on a patron's behalf (the patron phoned): the patron agreed to the booking and to
    /// their details being stored. Staff give the patron's `name` and `phone` or `email` like a guest.
    #[serde(default)]
    pub patron_consent: bool,
}

/// A question with the patron's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Answer {
    /// The question asked.
    pub question: Localized,
    /// The patron's answer.
    pub answer: String,
}

/// A booking as the patron and the library's staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Booking {
    /// Stable identifier.
    pub id: String,
    /// The session type.
    pub service_id: String,
    /// The session type's name.
    pub service_name: Localized,
    /// The library's slug.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// Start, RFC 3339 with the library's offset.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime, example = "2026-12-07T09:00:00+02:00"))]
    pub start: DateTime<FixedOffset>,
    /// End, RFC 3339 with the library's offset.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime, example = "2026-12-07T09:45:00+02:00"))]
    pub end: DateTime<FixedOffset>,
    /// How the session is held.
    pub mode: SessionMode,
    /// Where the booking stands.
    pub status: BookingStatus,
    /// The staff member's id (compare with `GET /api/v1/me` to find one's own sessions).
    pub staff_id: String,
    /// The staff member's name.
    pub staff_name: String,
    /// The patron's (or guest's) name.
    pub contact_name: String,
    /// The patron's email, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_email: Option<String>,
    /// The number the librarian calls for a phone session (the librarian always calls the patron).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_phone: Option<String>,
    /// The video meeting room, for video sessions; shown only to the patron and the library's staff.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_url: Option<String>,
    /// Questions and answers.
    pub answers: Vec<Answer>,
    /// True when staff booked on the patron's behalf.
    pub booked_by_staff: bool,
    /// Until when the patron can cancel.
    pub cancellable_until: DateTime<Utc>,
    /// When it was booked.
    pub created_at: DateTime<Utc>,
    /// Staff's internal note; present only in answers to the library's staff.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_note: Option<String>,
    /// The guest's secret for managing the booking; given once, in the answer to the booking request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manage_token: Option<String>,
}

/// Moving a booking to another time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"start": "2026-12-08T13:00:00+02:00"})))]
pub struct RescheduleRequest {
    /// The new start, exactly as listed by the slots endpoint (RFC 3339).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime, example = "2026-12-08T13:00:00+02:00"))]
    pub start: DateTime<FixedOffset>,
}

/// What staff record after a session.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"status": "held", "internal_note": "Suositeltu dekkareita."})))]
pub struct BookingOutcome {
    /// `held` or `no_show`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<BookingStatus>,
    /// A note for the library's staff only (never shown to the patron).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_note: Option<String>,
}
