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

/// Someone who can be named on a client: staff with the library's home-service role (chooser or
/// deliverer) or one of its home-service volunteers (deliverer only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HomeServicePerson {
    /// Their account's id (for `chooser_id` and `deliverer_id`).
    pub id: String,
    /// Their name.
    #[cfg_attr(feature = "openapi", schema(example = "Liisa Lukkari"))]
    pub name: String,
    /// True for a volunteer: they may bring materials but not choose them or see client files.
    pub volunteer: bool,
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
    /// The deliverer: a staff member of the library with the home-service role, or one of its
    /// home-service volunteers (account id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliverer_id: Option<String>,
}

wire_enum! {
    /// Where a home visit stands.
    VisitStatus {
        /// Coming (or overdue when its day has passed).
        Planned => "planned",
        /// The materials were brought.
        Delivered => "delivered",
        /// Nobody was met, or the visit could not be made (see `note`).
        Missed => "missed",
        /// Called off: by staff (no visit is planned in its place for that period), or by the
        /// planning when the visit fell in a pause, on a closing day or after the service ended
        /// (`planned_by` is `schedule` then; it comes back, with its items, if its day is wanted
        /// again).
        Cancelled => "cancelled",
    }
}

wire_enum! {
    /// Who planned a visit.
    VisitPlanner {
        /// Planned ahead (or called off) by the planning from the client's frequency and best days,
        /// pauses and the closing days; planned again when those change.
        Schedule => "schedule",
        /// Added or changed by staff; never replanned.
        Staff => "staff",
    }
}

/// An item chosen for a visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VisitItem {
    /// Identifier.
    pub id: String,
    /// The visit it is brought on.
    pub visit_id: String,
    /// The day of that visit.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub delivered_on: NaiveDate,
    /// Title.
    #[cfg_attr(feature = "openapi", schema(example = "Tuntematon sotilas"))]
    pub title: String,
    /// Author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Format.
    pub format: MaterialFormat,
    /// An identifier such as the ISBN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    /// The day of the visit it came back on; none while the client still has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub returned_on: Option<NaiveDate>,
}

/// A home visit: the day, who brings the materials, what is brought and what comes back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HomeServiceVisit {
    /// Identifier.
    pub id: String,
    /// The library's slug.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// The client.
    pub client_id: String,
    /// The client's name.
    pub client_name: String,
    /// The day, in the library's time zone.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub day: NaiveDate,
    /// Where it stands.
    pub status: VisitStatus,
    /// True when it is still planned and its day has passed.
    pub overdue: bool,
    /// Planned from the schedule or by staff.
    pub planned_by: VisitPlanner,
    /// Who brings the materials.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliverer: Option<PersonRef>,
    /// Staff's note (why it was missed, say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What the client said of the materials: what they liked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
    /// The items brought on this visit.
    pub items: Vec<VisitItem>,
    /// The items that came back on this visit.
    pub returned: Vec<VisitItem>,
}

/// A visit staff add by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"day": "2026-12-08", "note": "Extra visit before Christmas."})))]
pub struct NewVisit {
    /// The day (not in the past, not a closing day).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub day: NaiveDate,
    /// Who brings the materials (the client's deliverer when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliverer_id: Option<String>,
    /// A note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub note: Option<String>,
}

/// A visit as staff change it: the whole of it is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "day": "2026-12-01", "status": "delivered", "feedback": "Liked the Väinö Linna very much.",
    "returned_item_ids": ["6f1c2a4e-9a43-4b0e-8f6e-3c2d1b0a9f87"]
})))]
pub struct VisitChange {
    /// The day; it can change only while the visit is planned.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub day: NaiveDate,
    /// Planned, delivered, missed (on or after its day) or cancelled.
    pub status: VisitStatus,
    /// Who brings the materials.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliverer_id: Option<String>,
    /// Staff's note; with `missed`, why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub note: Option<String>,
    /// What the client said they liked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub feedback: Option<String>,
    /// The items brought earlier that came back on this visit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub returned_item_ids: Vec<String>,
}

/// An item the chooser picks for a visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "title": "Tuntematon sotilas", "author": "Väinö Linna", "format": "large_print", "identifier": "9789510396958"
})))]
pub struct ChooseItem {
    /// Title.
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub title: String,
    /// Author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub author: Option<String>,
    /// Format.
    pub format: MaterialFormat,
    /// An identifier such as the ISBN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub identifier: Option<String>,
    /// Choose it even though the client has had it before (the answer without this is 409
    /// `already_delivered`, naming the days).
    #[serde(default)]
    pub allow_repeat: bool,
}

/// One stop of a delivery round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoundStop {
    /// The visit.
    pub visit_id: String,
    /// Where it stands.
    pub status: VisitStatus,
    /// The client.
    pub client_id: String,
    /// The client's name.
    pub name: String,
    /// Street address.
    pub street_address: String,
    /// Postcode.
    pub postal_code: String,
    /// Town.
    pub city: String,
    /// Phone.
    pub phone: String,
    /// The best part of the day.
    pub day_part: DayPart,
    /// Practical notes for the visit (door code, pets, hearing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit_notes: Option<String>,
    /// The contact person's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_name: Option<String>,
    /// The contact person's phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_phone: Option<String>,
    /// Who brings the materials.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliverer: Option<PersonRef>,
    /// Staff's note on the visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What to bring.
    pub items: Vec<VisitItem>,
    /// What the client has from earlier visits, to collect.
    pub to_collect: Vec<VisitItem>,
}

/// A day's delivery round, stops ordered by postcode and street.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HomeServiceRound {
    /// The day.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: NaiveDate,
    /// The visits of the day that are not cancelled.
    pub stops: Vec<RoundStop>,
}

/// A month of the home-delivery service in numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthFigures {
    /// The month, `YYYY-MM`.
    #[cfg_attr(feature = "openapi", schema(example = "2026-11"))]
    pub month: String,
    /// Clients who became clients in the month.
    pub new_clients: i64,
    /// Different clients visited in the month.
    pub clients_visited: i64,
    /// Visits delivered.
    pub visits_delivered: i64,
    /// Visits missed.
    pub visits_missed: i64,
    /// Items brought on the delivered visits.
    pub items_delivered: i64,
}

/// The home-delivery service month by month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HomeServiceFigures {
    /// The library's slug.
    pub library: String,
    /// The months asked for, oldest first.
    pub months: Vec<MonthFigures>,
}

/// Everything the library holds on a home-service client, as they may ask for it: the profile, the
/// application(s) with the consent as given, and every visit with its items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HomeServiceClientExport {
    /// When the export was made.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub exported_at: DateTime<FixedOffset>,
    /// The client's profile.
    pub client: HomeServiceClient,
    /// The application the client was made from.
    pub applications: Vec<HomeServiceApplication>,
    /// Every visit, oldest first, with what was brought and what came back.
    pub visits: Vec<HomeServiceVisit>,
    /// The messages about the application and the visits (the decision, the day-before notices),
    /// oldest first.
    pub messages: Vec<crate::Message>,
}
