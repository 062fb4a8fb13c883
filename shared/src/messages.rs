//! Messages people receive (email or text message): what they are about, how a person wants to be
//! told, what staff see of sent, pending and failed messages, and a library's own wording.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::Lang;

wire_enum! {
    /// What a message is about. The staff copies go to the staff member who runs the session.
    MessageKind {
        /// A session was booked (to the patron).
        BookingConfirmed => "booking_confirmed",
        /// A session's time changed (to the patron).
        BookingChanged => "booking_changed",
        /// A session was cancelled (to the patron).
        BookingCancelled => "booking_cancelled",
        /// The day before a session (to the patron).
        BookingReminderDay => "booking_reminder_day",
        /// About an hour before a session (to the patron).
        BookingReminderHour => "booking_reminder_hour",
        /// A session was booked with this staff member.
        StaffBookingNew => "staff_booking_new",
        /// A session of this staff member moved.
        StaffBookingChanged => "staff_booking_changed",
        /// A session of this staff member was cancelled.
        StaffBookingCancelled => "staff_booking_cancelled",
        /// A place at an event is confirmed.
        RegistrationConfirmed => "registration_confirmed",
        /// The event is full; the person is on the waiting list.
        RegistrationWaitlisted => "registration_waitlisted",
        /// A place freed up and the person on the waiting list got it.
        RegistrationPromoted => "registration_promoted",
        /// A registration was cancelled (by the person or by staff).
        RegistrationCancelled => "registration_cancelled",
        /// The event's time, place or link changed.
        EventChanged => "event_changed",
        /// The event was cancelled.
        EventCancelled => "event_cancelled",
        /// Staff wrote to everyone registered for an event (their own words in `{message}`).
        EventMessage => "event_message",
        /// The day before an event.
        EventReminderDay => "event_reminder_day",
        /// About an hour before an event.
        EventReminderHour => "event_reminder_hour",
        /// Staff confirmed a care-home programme (to the unit's contact person).
        ProgrammeConfirmed => "programme_confirmed",
        /// Staff proposed another time for a care-home programme.
        ProgrammeProposed => "programme_proposed",
        /// A home-service application was approved (to the applicant).
        HomeServiceApproved => "home_service_approved",
        /// A home-service application was declined, with the reason (to the applicant).
        HomeServiceDeclined => "home_service_declined",
        /// The day before a home visit (to the client, or to their contact person when one is
        /// named): the day, the part of the day and what is brought.
        HomeVisitTomorrow => "home_visit_tomorrow",
        /// The day before a delivery round (to the deliverer): how many stops, and the round's link.
        HomeRoundTomorrow => "home_round_tomorrow",
        /// A home visit already told of is off: cancelled, or moved (the new day in `{what}`).
        HomeVisitOff => "home_visit_off",
        /// An invitation to answer a survey (to the contact people of the library's units, or to
        /// the people registered for an event), with the survey's link and last day.
        SurveyInvitation => "survey_invitation",
    }
}

wire_enum! {
    /// How a message reaches the person.
    MessageChannel {
        /// Email, with a plain-text and an HTML part (and a calendar file where a time is concerned).
        Email => "email",
        /// A text message.
        Sms => "sms",
    }
}

wire_enum! {
    /// Where a message stands.
    MessageStatus {
        /// Waiting to be sent (now or at `due_at`), or to be tried again.
        Pending => "pending",
        /// Handed over to the mail server or the text-message gateway.
        Sent => "sent",
        /// Every attempt on every channel failed.
        Failed => "failed",
        /// Not sent, because what it was about changed first (a reminder of a cancelled session).
        Cancelled => "cancelled",
    }
}

/// How a person wants to be told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"channel": "sms", "language": "fi"})))]
pub struct MessagePreferences {
    /// Email or text message. If one fails, the other is tried when the account has both.
    pub channel: MessageChannel,
    /// The language of messages.
    pub language: Lang,
}

/// A message as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Message {
    /// Identifier.
    pub id: String,
    /// The library (slug).
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// What it is about.
    pub kind: MessageKind,
    /// The booking, event registration or programme booking it is about.
    pub subject_id: String,
    /// The account it was sent to, when the person has one.
    pub user_id: Option<String>,
    /// The recipient's name.
    #[cfg_attr(feature = "openapi", schema(example = "Maija Meikäläinen"))]
    pub recipient_name: String,
    /// The recipient's email address, if known.
    pub email: Option<String>,
    /// The recipient's phone number, if known.
    pub phone: Option<String>,
    /// The channel tried first (the next one to try while pending).
    pub channel: MessageChannel,
    /// The message's language.
    pub language: Lang,
    /// The subject line of the email.
    #[cfg_attr(feature = "openapi", schema(example = "Aikasi on varattu"))]
    pub subject: String,
    /// The text as sent (a guest's private link shows as `[link]`).
    pub body: String,
    /// Where it stands.
    pub status: MessageStatus,
    /// When it is (or was) due, in the library's time: now for confirmations, before the session for
    /// reminders.
    pub due_at: DateTime<FixedOffset>,
    /// Delivery attempts so far.
    pub attempts: i32,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
    /// How it went out: `email`, `sms`, or `log` when no mail server or gateway is configured.
    #[cfg_attr(feature = "openapi", schema(example = "email"))]
    pub sent_via: Option<String>,
    /// When it was handed over, in the library's time.
    pub sent_at: Option<DateTime<FixedOffset>>,
    /// When it was written, in the library's time.
    pub created_at: DateTime<FixedOffset>,
    /// Whether it carries a calendar file (`.ics`).
    pub has_calendar_file: bool,
}

/// A message kind's wording in one language: the library's own, or the built-in one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageTemplate {
    /// What the message is about.
    pub kind: MessageKind,
    /// The language.
    pub language: Lang,
    /// The email's subject line.
    #[cfg_attr(feature = "openapi", schema(example = "Aikasi on varattu"))]
    pub subject: String,
    /// The text, with placeholders in braces such as `{name}` and `{when}`.
    pub body: String,
    /// True when the library changed the built-in wording.
    pub customised: bool,
    /// The placeholders this kind may use.
    #[cfg_attr(feature = "openapi", schema(example = json!(["name", "what", "when", "how", "link", "library", "library_phone"])))]
    pub placeholders: Vec<String>,
}

/// A library's own wording of a message kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "subject": "Aikasi on varattu",
    "body": "Hei {name},\n\nsinulle on varattu {what} {when}.\n{how}\n\nJos et pääse, peru aika: {link}\nKysyttävää? Soita meille: {library_phone}.\n\n{library}"
})))]
pub struct MessageTemplateInput {
    /// The email's subject line (at most 150 characters).
    #[cfg_attr(feature = "openapi", schema(max_length = 150))]
    pub subject: String,
    /// The text (at most 4,000 characters), with the kind's placeholders in braces.
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub body: String,
}

/// A message written out with example values, as the person would receive it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessagePreview {
    /// The subject line.
    pub subject: String,
    /// The plain text (also the text message).
    pub text: String,
    /// The HTML part of the email.
    pub html: String,
}

/// Staff's message to everyone registered for an event (confirmed and waiting).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "message": "Tällä kertaa luemme Tove Janssonin Kesäkirjan. Kirjoja voi lainata kirjastosta."
})))]
pub struct EventMessageInput {
    /// What to tell them, in plain words (at most 2,000 characters). It is sent in the library's
    /// wording of `event_message`, with the event's name, time and link.
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub message: String,
}

/// How many people a message to an event's participants was written to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventMessageSent {
    /// Registrations with an email address or phone number to write to.
    #[cfg_attr(feature = "openapi", schema(example = 14))]
    pub recipients: u32,
}
