//! The home-delivery service (kotipalvelu): library materials brought home to people who cannot
//! visit. Anyone may apply, for themselves or for someone else; staff with the library's
//! home-service role review the applications, and an approved one becomes a client.
//!
//! This is the most sensitive data the system holds. Why someone cannot visit is recorded as
//! categories only, never as health details in free text.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::{Lang, Weekday};

wire_enum! {
    /// Who fills in the application, in relation to the person who will get the service.
    ApplicantRelation {
        /// The person themselves.
        Themselves => "themselves",
        /// A relative.
        Relative => "relative",
        /// A care worker or home-care nurse.
        CareWorker => "care_worker",
        /// Someone else (a friend, a neighbour).
        Other => "other",
    }
}

wire_enum! {
    /// Why the person cannot visit the library, as a category.
    HomeServiceReason {
        /// Old age.
        Age => "age",
        /// A long-term illness.
        LongTermIllness => "long_term_illness",
        /// A disability.
        Disability => "disability",
        /// For a while only (after an operation, say): give `temporary_until`.
        Temporary => "temporary",
    }
}

wire_enum! {
    /// A kind of material the person would like.
    MaterialFormat {
        /// Books in regular print.
        RegularPrint => "regular_print",
        /// Large-print books.
        LargePrint => "large_print",
        /// Audiobooks.
        Audiobook => "audiobook",
        /// E-books.
        Ebook => "ebook",
        /// Accessible Celia books.
        Celia => "celia",
        /// Magazines.
        Magazines => "magazines",
        /// Music.
        Music => "music",
        /// Films.
        Films => "films",
    }
}

wire_enum! {
    /// How often materials are brought.
    DeliveryFrequency {
        /// Every week.
        Weekly => "weekly",
        /// Every other week.
        EveryTwoWeeks => "every_two_weeks",
        /// Once a month.
        Monthly => "monthly",
    }
}

wire_enum! {
    /// The best part of the day for a visit.
    DayPart {
        /// Any time the library is open.
        Any => "any",
        /// Before noon.
        Morning => "morning",
        /// After noon.
        Afternoon => "afternoon",
    }
}

wire_enum! {
    /// Where an application stands.
    ApplicationStatus {
        /// Waiting for staff.
        Submitted => "submitted",
        /// Approved: the person is a client (`client_id`).
        Approved => "approved",
        /// Declined, with a reason the applicant is given.
        Declined => "declined",
    }
}

/// The consent an applicant gives, in the words they are shown; stored with the time it was given.
pub fn consent_wording(lang: Lang) -> &'static str {
    lang.pick(
        "Annan luvan tallentaa nämä tiedot kirjaston kotipalvelua varten. Tietoja käyttävät vain kotipalvelun työntekijät, ja ne poistetaan, kun palvelu päättyy.",
        "Jag ger lov att spara de här uppgifterna för bibliotekets hemservice. Uppgifterna används bara av hemservicens personal och raderas när tjänsten upphör.",
        "I agree that these details are stored for the library's home-delivery service. Only the home-service staff use them, and they are deleted when the service ends.",
    )
}

/// An application as it is sent: no account is needed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "library": "kalajoki", "relation": "relative",
    "applicant_name": "Pekka Virtanen", "applicant_phone": "0401234567",
    "name": "Aino Virtanen", "street_address": "Rantatie 5 B 12", "postal_code": "85100", "city": "Kalajoki",
    "phone": "0407654321", "reasons": ["age", "disability"], "formats": ["large_print", "audiobook"],
    "interests": "Local history, Kalle Päätalo", "avoid": "Horror", "frequency": "every_two_weeks",
    "days": ["tuesday", "thursday"], "day_part": "morning", "visit_notes": "Ring twice; hard of hearing.",
    "language": "fi", "consent": true
})))]
pub struct HomeServiceApplicationInput {
    /// The library applied to (slug).
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// Who fills in the form.
    pub relation: ApplicantRelation,
    /// The applicant's name, when applying for someone else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub applicant_name: Option<String>,
    /// The applicant's phone (theirs or `applicant_email` is needed when applying for someone else).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant_phone: Option<String>,
    /// The applicant's email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant_email: Option<String>,
    /// The name of the person who will get the service.
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 100, example = "Aino Virtanen")
    )]
    pub name: String,
    /// Their street address, with the staircase and flat.
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 200, example = "Rantatie 5 B 12")
    )]
    pub street_address: String,
    /// Postcode (five digits).
    #[cfg_attr(feature = "openapi", schema(example = "85100"))]
    pub postal_code: String,
    /// Town.
    #[cfg_attr(feature = "openapi", schema(max_length = 100, example = "Kalajoki"))]
    pub city: String,
    /// Their phone number.
    #[cfg_attr(feature = "openapi", schema(example = "0407654321"))]
    pub phone: String,
    /// Why they cannot visit (at least one; categories only).
    pub reasons: Vec<HomeServiceReason>,
    /// With `temporary`: the last day the service is needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date, example = "2027-03-31"))]
    pub temporary_until: Option<NaiveDate>,
    /// The kinds of material wanted (at least one).
    pub formats: Vec<MaterialFormat>,
    /// Interests, favourite authors and subjects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub interests: Option<String>,
    /// Things not to bring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub avoid: Option<String>,
    /// How often.
    pub frequency: DeliveryFrequency,
    /// The best days (none: any weekday).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub days: Vec<Weekday>,
    /// The best part of the day.
    #[serde(default = "any_time")]
    pub day_part: DayPart,
    /// Practical notes for the visit: door code, pets, hearing (no health details).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub visit_notes: Option<String>,
    /// The language to be served and told in (default Finnish).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    /// Agreement to store the data for the service, in the wording of [`consent_wording`] in
    /// `language`; must be true.
    pub consent: bool,
}

fn any_time() -> DayPart {
    DayPart::Any
}

/// What an applicant gets back: the reference and the state, no personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationReceipt {
    /// The application's reference.
    pub id: String,
    /// `submitted`.
    pub status: ApplicationStatus,
    /// When it arrived, in the library's zone.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub submitted_at: DateTime<FixedOffset>,
}

/// An application as the library's home-service staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HomeServiceApplication {
    /// Identifier.
    pub id: String,
    /// The library's slug.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// Where it stands.
    pub status: ApplicationStatus,
    /// Who filled it in.
    pub relation: ApplicantRelation,
    /// The applicant's name, when not the person themselves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant_name: Option<String>,
    /// The applicant's phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant_phone: Option<String>,
    /// The applicant's email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant_email: Option<String>,
    /// The person's name.
    pub name: String,
    /// Street address.
    pub street_address: String,
    /// Postcode.
    pub postal_code: String,
    /// Town.
    pub city: String,
    /// Phone.
    pub phone: String,
    /// Why they cannot visit.
    pub reasons: Vec<HomeServiceReason>,
    /// The last day, for a temporary need.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub temporary_until: Option<NaiveDate>,
    /// Kinds of material.
    pub formats: Vec<MaterialFormat>,
    /// Interests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interests: Option<String>,
    /// Not to bring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avoid: Option<String>,
    /// How often.
    pub frequency: DeliveryFrequency,
    /// Best days.
    pub days: Vec<Weekday>,
    /// Best part of the day.
    pub day_part: DayPart,
    /// Notes for the visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit_notes: Option<String>,
    /// Language.
    pub language: Lang,
    /// The consent as the applicant was shown it.
    pub consent_text: String,
    /// When it arrived (and consent was given).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub submitted_at: DateTime<FixedOffset>,
    /// When staff decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub decided_at: Option<DateTime<FixedOffset>>,
    /// Why it was declined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decline_reason: Option<String>,
    /// The client it became.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
}

/// Staff declining an application; the reason is given to the applicant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"reason": "The address is outside the library's delivery area; the Ylivieska library serves it."})))]
pub struct DeclineApplication {
    /// Why, in plain words.
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub reason: String,
}

wire_enum! {
    /// Where a client of the service stands.
    ClientStatus {
        /// Visits are made.
        Active => "active",
        /// No visits for a while (hospital, summer cottage): `paused_from` to `paused_until`.
        Paused => "paused",
        /// The service has ended; the personal data is deleted after the retention period.
        Ended => "ended",
    }
}

/// A staff member or volunteer named on a client, by name; the name stays in the history even if
/// their account is removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonRef {
    /// Their account's id.
    pub id: String,
    /// Their name.
    pub name: String,
}

/// A client of the home-delivery service, as the library's home-service staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HomeServiceClient {
    /// Identifier.
    pub id: String,
    /// The library's slug.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// The application it was made from.
    pub application_id: String,
    /// Where it stands.
    pub status: ClientStatus,
    /// First day of a pause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub paused_from: Option<NaiveDate>,
    /// Last day of a pause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub paused_until: Option<NaiveDate>,
    /// The person's name.
    pub name: String,
    /// Street address.
    pub street_address: String,
    /// Postcode.
    pub postal_code: String,
    /// Town.
    pub city: String,
    /// Phone.
    pub phone: String,
    /// Why they cannot visit (categories).
    pub reasons: Vec<HomeServiceReason>,
    /// The last day, for a temporary need.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub temporary_until: Option<NaiveDate>,
    /// Kinds of material.
    pub formats: Vec<MaterialFormat>,
    /// Interests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interests: Option<String>,
    /// Not to bring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avoid: Option<String>,
    /// How often.
    pub frequency: DeliveryFrequency,
    /// Best days.
    pub days: Vec<Weekday>,
    /// Best part of the day.
    pub day_part: DayPart,
    /// Notes for the visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit_notes: Option<String>,
    /// Language.
    pub language: Lang,
    /// The contact person (a relative): name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_name: Option<String>,
    /// The contact person's phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_phone: Option<String>,
    /// The contact person's email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_email: Option<String>,
    /// The staff member who chooses the materials.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chooser: Option<PersonRef>,
    /// The staff member or volunteer who brings them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliverer: Option<PersonRef>,
    /// When the person became a client.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: DateTime<FixedOffset>,
}

/// A client's profile as staff change it: the whole of it is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "status": "paused", "paused_from": "2027-06-01", "paused_until": "2027-08-15",
    "name": "Aino Virtanen", "street_address": "Rantatie 5 B 12", "postal_code": "85100", "city": "Kalajoki",
    "phone": "0407654321", "reasons": ["age"], "formats": ["large_print", "audiobook"],
    "interests": "Local history", "frequency": "every_two_weeks", "days": ["tuesday"], "day_part": "morning",
    "visit_notes": "Summer at the cottage.", "language": "fi",
    "contact_name": "Pekka Virtanen", "contact_phone": "0401234567"
})))]
pub struct HomeServiceClientInput {
    /// Active, paused (give `paused_from` and `paused_until`) or ended.
    pub status: ClientStatus,
    /// First day of a pause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub paused_from: Option<NaiveDate>,
    /// Last day of a pause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub paused_until: Option<NaiveDate>,
    /// The person's name.
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub name: String,
    /// Street address.
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub street_address: String,
    /// Postcode (five digits).
    pub postal_code: String,
    /// Town.
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub city: String,
    /// Phone.
    pub phone: String,
    /// Why they cannot visit (at least one category).
    pub reasons: Vec<HomeServiceReason>,
    /// With `temporary`: the last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub temporary_until: Option<NaiveDate>,
    /// Kinds of material (at least one).
    pub formats: Vec<MaterialFormat>,
    /// Interests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub interests: Option<String>,
    /// Not to bring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub avoid: Option<String>,
    /// How often.
    pub frequency: DeliveryFrequency,
    /// Best days.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub days: Vec<Weekday>,
    /// Best part of the day.
    #[serde(default = "any_time")]
    pub day_part: DayPart,
    /// Notes for the visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub visit_notes: Option<String>,
    /// Language.
    pub language: Lang,
    /// The contact person's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub contact_name: Option<String>,
    /// The contact person's phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_phone: Option<String>,
    /// The contact person's email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_email: Option<String>,
    /// The chooser: a staff member of the library with the home-service role (account id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chooser_id: Option<String>,
    /// The deliverer: a staff member of the library with the home-service role (account id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliverer_id: Option<String>,
}
