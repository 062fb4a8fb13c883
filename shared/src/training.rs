//! Staff training: modules with a checklist, practice sessions with a colleague, the competence
//! matrix (staff × session types) and each person's confidence before and after training.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::Localized;

wire_enum! {
    /// Where a practice session is.
    PracticeState {
        /// Agreed with the colleague, not yet recorded.
        Booked => "booked",
        /// Held: it counts for the module.
        Held => "held",
        /// Called off.
        Cancelled => "cancelled",
    }
}

wire_enum! {
    /// When a confidence rating was given.
    ConfidencePhase {
        /// Before the training.
        Before => "before",
        /// After the training.
        After => "after",
    }
}

wire_enum! {
    /// A staff member's standing for one session type.
    CompetenceState {
        /// The session type requires no training module: everyone who delivers it is offered.
        NotRequired => "not_required",
        /// No required module begun.
        NotStarted => "not_started",
        /// Some of the required modules' items or practice done.
        InTraining => "in_training",
        /// Every required module complete; waiting for an admin's sign-off.
        Trained => "trained",
        /// Signed off by an admin: offered in the session type's bookable times.
        Competent => "competent",
    }
}

/// One item of a module's checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TrainingItem {
    /// The item's key within the module: lowercase letters, digits and `_`, up to 40.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "test_call", pattern = "^[a-z0-9_]{1,40}$")
    )]
    pub key: String,
    /// What to do, in fi/sv/en.
    pub text: Localized,
}

/// A training module as staff write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "library": "kalajoki",
    "title": {"fi": "Videoistunnon pitäminen", "sv": "Att hålla ett videomöte", "en": "Running a video session"},
    "body": {"fi": "Näin pidät **videoistunnon**.", "sv": "Så här håller du ett **videomöte**.", "en": "How to run a **video session**."},
    "items": [{"key": "test_call", "text": {"fi": "Soita koepuhelu", "sv": "Ring ett provsamtal", "en": "Make a test call"}}],
    "practice": true,
    "service_ids": []
})))]
pub struct TrainingModuleInput {
    /// The library's slug.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// Title.
    pub title: Localized,
    /// The module's text, in Markdown (raw HTML is shown as text).
    pub body: Localized,
    /// The checklist, 1 to 30 items with different keys.
    pub items: Vec<TrainingItem>,
    /// True when a practice session with a colleague is part of the module.
    #[serde(default)]
    pub practice: bool,
    /// The library's session types this module is required for. A session type with a required
    /// module offers only staff an admin has signed off as competent for it.
    #[serde(default)]
    pub service_ids: Vec<String>,
}

/// A change to a module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "version": 1,
    "module": {
        "library": "kalajoki",
        "title": {"fi": "Videoistunnon pitäminen", "sv": "Att hålla ett videomöte", "en": "Running a video session"},
        "body": {"fi": "Näin pidät **videoistunnon**.", "sv": "", "en": ""},
        "items": [{"key": "test_call", "text": {"fi": "Soita koepuhelu", "sv": "", "en": ""}}],
        "practice": true,
        "service_ids": []
    }
})))]
pub struct TrainingModuleEdit {
    /// The version the change was made on; if another was saved since, 409.
    #[cfg_attr(feature = "openapi", schema(example = 1, minimum = 1))]
    pub version: i32,
    /// The whole module as it should be (its library cannot change). Ticks of items removed stop
    /// counting; sign-offs already given stay.
    pub module: TrainingModuleInput,
}

/// A staff member, by id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffRef {
    /// The account's id.
    pub id: String,
    /// The name.
    #[cfg_attr(feature = "openapi", schema(example = "Liisa Kirjastonhoitaja"))]
    pub name: String,
}

/// A practice session with a colleague.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PracticeSession {
    /// Stable identifier.
    pub id: String,
    /// The module practised.
    pub module_id: String,
    /// Who practises.
    pub trainee: StaffRef,
    /// The colleague who plays the patron; none once their account was deleted.
    pub colleague: Option<StaffRef>,
    /// When it starts.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime, example = "2026-12-07T08:00:00Z"))]
    pub starts_at: DateTime<Utc>,
    /// Booked, held or cancelled.
    pub state: PracticeState,
    /// When it was recorded held or cancelled.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub recorded_at: Option<DateTime<Utc>>,
}

/// Booking a practice session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"colleague_id": "5f0c7c0e-1d2b-4c43-9a57-0b3c1e0b9a11", "starts_at": "2026-12-07T08:00:00Z"})))]
pub struct PracticeInput {
    /// The colleague: another staff member of the module's library.
    pub colleague_id: String,
    /// When it starts; not in the past.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub starts_at: DateTime<Utc>,
}

/// Recording a practice session held, or calling it off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"state": "held"})))]
pub struct PracticeUpdate {
    /// `held` (from its start on) or `cancelled` (before it is recorded held).
    pub state: PracticeState,
}

/// Ticking a checklist item done, or taking the tick back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"item": "test_call", "done": true})))]
pub struct ProgressInput {
    /// The item's key.
    pub item: String,
    /// Done or not.
    pub done: bool,
}

/// The caller's progress in a module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrainingProgress {
    /// The keys of the items ticked done (only current items).
    pub done: Vec<String>,
    /// True when a practice session of this module has been held.
    pub practice_held: bool,
    /// Every item done, and the practice held where the module has one.
    pub complete: bool,
    /// The caller's practice sessions of this module, as trainee or colleague, newest first.
    pub practices: Vec<PracticeSession>,
}

/// A training module, with the caller's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrainingModule {
    /// Stable identifier.
    pub id: String,
    /// The library's slug.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// Title.
    pub title: Localized,
    /// The text in Markdown.
    pub body: Localized,
    /// The text as safe HTML, per language (a missing translation is the Finnish text).
    pub body_html: Localized,
    /// The checklist.
    pub items: Vec<TrainingItem>,
    /// True when a practice session with a colleague is part of the module.
    pub practice: bool,
    /// The session types the module is required for.
    pub service_ids: Vec<String>,
    /// The version, for changes.
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub version: i32,
    /// When it was last changed.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: DateTime<Utc>,
    /// The caller's progress.
    pub progress: TrainingProgress,
}

/// An admin's sign-off, given or taken back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"competent": true})))]
pub struct CompetenceInput {
    /// True to sign the staff member off as competent (every required module must be complete),
    /// false to take the sign-off back.
    pub competent: bool,
}

/// A staff member's own confidence rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"phase": "before", "rating": 3})))]
pub struct ConfidenceInput {
    /// Before or after the training.
    pub phase: ConfidencePhase,
    /// 1 (not at all confident) to 5 (fully confident).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    pub rating: u8,
}

/// One cell of the competence matrix: a staff member and a session type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MatrixCell {
    /// The session type.
    pub service_id: String,
    /// The standing.
    pub state: CompetenceState,
    /// True when the staff member is among those who deliver it.
    pub delivers: bool,
    /// True when they are offered in its bookable times (they deliver it and are competent, or it
    /// needs no training).
    pub offered: bool,
    /// Required modules complete.
    pub modules_done: u32,
    /// Required modules.
    pub modules_required: u32,
    /// The name of the admin who signed them off (none once that account was deleted).
    pub signed_off_by: Option<String>,
    /// When.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub signed_off_at: Option<DateTime<Utc>>,
    /// Their own confidence before training (1–5).
    pub confidence_before: Option<u8>,
    /// Their own confidence after training (1–5).
    pub confidence_after: Option<u8>,
}

/// A staff member's row of the matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MatrixPerson {
    /// The staff member.
    pub staff: StaffRef,
    /// Modules of the library complete.
    pub modules_done: u32,
    /// Modules of the library.
    pub modules_total: u32,
    /// One cell per session type, in the order of `services`.
    pub cells: Vec<MatrixCell>,
}

/// A session type as the matrix shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MatrixService {
    /// The session type's id.
    pub id: String,
    /// Its name.
    pub name: Localized,
    /// The modules required for it.
    pub module_ids: Vec<String>,
}

/// The team's readiness for one session type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Readiness {
    /// The session type.
    pub service_id: String,
    /// Staff who deliver it.
    pub delivering: u32,
    /// Staff signed off as competent for it.
    pub competent: u32,
    /// Staff offered in its bookable times.
    pub offered: u32,
    /// Staff with every required module complete (signed off or not).
    pub trained: u32,
    /// Mean confidence before training, of those who rated it (for staff other than admins, only
    /// where at least three rated it).
    #[cfg_attr(feature = "openapi", schema(example = 2.5))]
    pub confidence_before: Option<f64>,
    /// Mean confidence after training, of those who rated it (for staff other than admins, only
    /// where at least three rated it).
    #[cfg_attr(feature = "openapi", schema(example = 4.0))]
    pub confidence_after: Option<f64>,
    /// How many rated before training.
    pub rated_before: u32,
    /// How many rated after training.
    pub rated_after: u32,
}

/// The competence matrix of a library: staff × session types.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CompetenceMatrix {
    /// The library's slug.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// The session types, by name.
    pub services: Vec<MatrixService>,
    /// The library's staff by name: every one for its admins, the caller only for other staff.
    pub people: Vec<MatrixPerson>,
    /// The team's readiness per session type, in the order of `services`.
    pub readiness: Vec<Readiness>,
    /// The library's current staff by name, to book a practice with.
    pub colleagues: Vec<StaffRef>,
}
