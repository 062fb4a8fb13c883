//! Remote programmes for care homes, assisted-living units and day centres: the organisations and
//! their contact person, the programme offers staff publish with the times they can run them, and a
//! unit's booking of a time for its group.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::Localized;

wire_enum! {
    /// What kind of organisation.
    OrganisationKind {
        /// An assisted-living unit.
        AssistedLiving => "assisted_living",
        /// A care home.
        CareHome => "care_home",
        /// A day centre.
        DayCentre => "day_centre",
        /// Anything else that serves a group.
        Other => "other",
    }
}

wire_enum! {
    /// Where a programme booking stands.
    ProgrammeStatus {
        /// The unit asked for the time; staff have not answered yet.
        Requested => "requested",
        /// Staff cannot run it then and proposed another time (`proposed_start`); the unit accepts
        /// it or cancels.
        Proposed => "proposed",
        /// Agreed; both see the video link.
        Confirmed => "confirmed",
        /// It took place; staff recorded how many took part and the unit's feedback.
        Held => "held",
        /// Cancelled by the unit or the library.
        Cancelled => "cancelled",
    }
}

/// An organisation as staff create or change it. The contact person must already have an account
/// (they register as anyone does); they act for the group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "library": "kalajoki", "name": "Palvelukoti Kotirinne", "kind": "assisted_living",
    "address": "Rinnetie 4, 85100 Kalajoki", "phone": "0401112223",
    "contact_email": "hoitaja@kotirinne.example"
})))]
pub struct OrganisationInput {
    /// The library that serves it (slug).
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// The organisation's name.
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 100, example = "Palvelukoti Kotirinne")
    )]
    pub name: String,
    /// What kind of organisation.
    pub kind: OrganisationKind,
    /// Street address (the organisation's, not a person's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub address: Option<String>,
    /// The organisation's phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The email of the contact person's account.
    #[cfg_attr(feature = "openapi", schema(example = "hoitaja@kotirinne.example"))]
    pub contact_email: String,
}

/// The person who acts for an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationContact {
    /// Their name.
    pub name: String,
    /// Their email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Their phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// An assisted-living unit, care home or day centre that books programmes for its residents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Organisation {
    /// Stable identifier.
    pub id: String,
    /// The library's slug.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: OrganisationKind,
    /// Street address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The contact person; absent after they deleted their account, until staff name a new one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<OrganisationContact>,
}

/// A programme offer as staff create or change it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "library": "kalajoki",
    "title": {"fi": "Muistojen tuokio", "sv": "Minnesstund", "en": "Reminiscence session"},
    "description": {"fi": "Katselemme vanhoja kuvia ja muistelemme yhdessä.", "sv": "Vi tittar på gamla bilder och minns tillsammans.", "en": "We look at old pictures and remember together."},
    "duration_minutes": 45, "max_residents": 12,
    "times": ["2026-12-08T13:00:00+02:00", "2026-12-10T13:00:00+02:00"]
})))]
pub struct ProgrammeOfferInput {
    /// The library's slug.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// Title.
    pub title: Localized,
    /// What happens, in plain words.
    pub description: Localized,
    /// How long one session lasts (15–240 minutes).
    #[cfg_attr(feature = "openapi", schema(minimum = 15, maximum = 240, example = 45))]
    pub duration_minutes: u32,
    /// The largest group it suits (1–200); none for any size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 200, example = 12))]
    pub max_residents: Option<u32>,
    /// The times staff can run it (RFC 3339 on whole minutes, each in the future, at most 100). Changing an offer
    /// replaces its free times with these; a time a unit has asked for cannot be left out.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>, example = json!(["2026-12-08T13:00:00+02:00"])))]
    pub times: Vec<DateTime<FixedOffset>>,
    /// Shown to units (default true); an unpublished offer is seen by staff only.
    #[serde(default = "yes")]
    pub published: bool,
}

fn yes() -> bool {
    true
}

/// A time an offer can be run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgrammeTime {
    /// Identifier, to book it with.
    pub id: String,
    /// Start, RFC 3339 with the library's offset.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime, example = "2026-12-08T13:00:00+02:00"))]
    pub start: DateTime<FixedOffset>,
    /// End.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime, example = "2026-12-08T13:45:00+02:00"))]
    pub end: DateTime<FixedOffset>,
    /// False when a unit has already asked for it.
    pub available: bool,
}

/// A programme the library runs over video for a unit's group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgrammeOffer {
    /// Stable identifier.
    pub id: String,
    /// The library's slug.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// Title.
    pub title: Localized,
    /// Description.
    pub description: Localized,
    /// Length of one session in minutes.
    pub duration_minutes: u32,
    /// The largest group it suits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_residents: Option<u32>,
    /// Shown to units.
    pub published: bool,
    /// Its coming times, soonest first.
    pub times: Vec<ProgrammeTime>,
}

/// A unit's request for a programme time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "time_id": "3f1c1a52-9a0e-4a51-9d2f-0d9d2b8e6c11",
    "organisation_id": "7a0b5f8e-2d7c-4f0e-9a43-51c1b0c2d9e4",
    "residents": 8, "equipment": "Large TV with a webcam and a speakerphone",
    "onsite_contact_name": "Sari Hoitaja", "onsite_contact_phone": "0401234567",
    "wishes": "Songs from the 1950s, please."
})))]
pub struct NewProgrammeBooking {
    /// The offer's time (`times[].id`).
    pub time_id: String,
    /// The organisation booking; the caller must be its contact person (or the library's staff).
    pub organisation_id: String,
    /// How many residents will take part (a count, never names).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 200, example = 8))]
    pub residents: u32,
    /// The room's equipment: screen, camera, microphone, speakers.
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub equipment: String,
    /// Who is with the group on the day.
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub onsite_contact_name: String,
    /// Their phone number, for the library to call if the link fails.
    pub onsite_contact_phone: String,
    /// Wishes: themes, music, what works for the group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub wishes: Option<String>,
}

/// Staff confirming a requested time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"message": "Welcome! We call five minutes before."})))]
pub struct ProgrammeConfirmation {
    /// The video link to use (`https://…`); left out, the library makes an unguessable room.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_url: Option<String>,
    /// A note to the unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub message: Option<String>,
}

/// Staff proposing another of the offer's free times; the proposal holds that time until the unit
/// accepts it or the booking is cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"time_id": "3f1c1a52-9a0e-4a51-9d2f-0d9d2b8e6c11", "message": "Tuesday is full; would Thursday suit?"})))]
pub struct ProgrammeProposal {
    /// One of the same offer's free times (`times[].id`).
    pub time_id: String,
    /// Why, and a note to the unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub message: Option<String>,
}

/// What staff record after the programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"participants": 7, "feedback": "The residents enjoyed the old photographs."})))]
pub struct ProgrammeOutcome {
    /// How many residents took part (0–200).
    #[cfg_attr(feature = "openapi", schema(maximum = 200, example = 7))]
    pub participants: u32,
    /// The unit's feedback.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub feedback: Option<String>,
}

/// The organisation a booking is for, by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationRef {
    /// Identifier.
    pub id: String,
    /// Name.
    pub name: String,
}

/// A unit's booking of a programme. Seen by the organisation's contact person and the library's staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgrammeBooking {
    /// Stable identifier.
    pub id: String,
    /// The offer.
    pub offer_id: String,
    /// The offer's title.
    pub title: Localized,
    /// The library's slug.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// The unit.
    pub organisation: OrganisationRef,
    /// Where it stands.
    pub status: ProgrammeStatus,
    /// Start, RFC 3339 with the library's offset.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime, example = "2026-12-08T13:00:00+02:00"))]
    pub start: DateTime<FixedOffset>,
    /// End.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime, example = "2026-12-08T13:45:00+02:00"))]
    pub end: DateTime<FixedOffset>,
    /// When `proposed`: the time staff propose instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub proposed_start: Option<DateTime<FixedOffset>>,
    /// The library's latest note to the unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Residents taking part (a count).
    pub residents: u32,
    /// The room's equipment.
    pub equipment: String,
    /// Who is with the group on the day.
    pub onsite_contact_name: String,
    /// Their phone number.
    pub onsite_contact_phone: String,
    /// The unit's wishes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wishes: Option<String>,
    /// The video link, once confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_url: Option<String>,
    /// How many took part, once held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participants: Option<u32>,
    /// The unit's feedback, once held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
    /// When the unit asked.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: DateTime<FixedOffset>,
}
