//! Needs surveys: questionnaires staff build, answers from the web, paper or phone, and results.

use serde::{Deserialize, Serialize};

use crate::{Lang, Localized};

wire_enum! {
    /// Who may answer a survey.
    SurveyAudience {
        /// Anyone, with or without an account (a shareable link).
        Public => "public",
        /// People signed in with an account.
        Patrons => "patrons",
        /// The contact people of the library's care homes and other units.
        CareHomeContacts => "care_home_contacts",
    }
}

wire_enum! {
    /// Whether a survey asks for contact details.
    SurveyContact {
        /// Anonymous: no contact details are asked or kept.
        None => "none",
        /// The person may leave a name, email and phone number, if they want to be contacted.
        Optional => "optional",
    }
}

wire_enum! {
    /// The kind of a question.
    QuestionKind {
        /// One of the options (and "other, please specify" when the question allows it).
        Single => "single",
        /// Any number of the options (and "other").
        Multiple => "multiple",
        /// A whole number from 1 to 5.
        Scale => "scale",
        /// A whole number, between `min` and `max` when given.
        Number => "number",
        /// Free text.
        Text => "text",
    }
}

wire_enum! {
    /// How an answer reached the library.
    ResponseSource {
        /// The person answered in the web app or through the API.
        Web => "web",
        /// Staff entered an answer given on a paper form.
        Paper => "paper",
        /// Staff entered an answer given by phone.
        Phone => "phone",
    }
}

wire_enum! {
    /// Where a survey is in its life.
    SurveyState {
        /// Not published: only the library's staff see it.
        Draft => "draft",
        /// Published, but its first day is still to come.
        Scheduled => "scheduled",
        /// Taking answers.
        Open => "open",
        /// Its last day has passed.
        Closed => "closed",
    }
}

/// A text in the three languages that may be left empty (an introduction or a hint).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"fi": "Valitse kaikki sopivat.", "sv": "Välj alla som passar.", "en": "Choose all that apply."})))]
pub struct Hint {
    /// Finnish; empty for none.
    #[serde(default)]
    pub fi: String,
    /// Swedish; empty means the Finnish text is shown.
    #[serde(default)]
    pub sv: String,
    /// English; empty means the Finnish text is shown.
    #[serde(default)]
    pub en: String,
}

impl Hint {
    /// The text in `lang`, or the Finnish text when that translation is missing.
    pub fn get(&self, lang: Lang) -> &str {
        let t = lang.pick(&self.fi, &self.sv, &self.en);
        if t.trim().is_empty() { &self.fi } else { t }
    }
}

/// One option of a choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": "video", "label": {"fi": "Videopuhelu", "sv": "Videosamtal", "en": "Video call"}})))]
pub struct SurveyOption {
    /// The option's key, unique in its question (lowercase letters, digits and `_`; `other` is
    /// kept for "other, please specify"); answers name it.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z0-9_]{1,40}$"))]
    pub id: String,
    /// The option as shown.
    pub label: Localized,
}

/// One question of a survey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": "age", "kind": "single", "text": {"fi": "Ikäsi", "sv": "Din ålder", "en": "Your age"}, "required": true, "options": [{"id": "under65", "label": {"fi": "Alle 65", "sv": "Under 65", "en": "Under 65"}}, {"id": "65plus", "label": {"fi": "65 tai yli", "sv": "65 eller äldre", "en": "65 or over"}}]})))]
pub struct SurveyQuestion {
    /// The question's key, unique in its survey (lowercase letters, digits and `_`); answers name
    /// it.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z0-9_]{1,40}$"))]
    pub id: String,
    /// What kind of answer it takes.
    pub kind: QuestionKind,
    /// The question.
    pub text: Localized,
    /// A hint under the question.
    #[serde(default)]
    pub help: Hint,
    /// True when a response must answer it.
    #[serde(default)]
    pub required: bool,
    /// The options of a `single` or `multiple` question (2 to 20); empty for the other kinds.
    #[serde(default)]
    pub options: Vec<SurveyOption>,
    /// True when a choice question also offers "other, please specify".
    #[serde(default)]
    pub other: bool,
    /// The smallest number a `number` question takes (0 when left out; at least -1,000,000,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    /// The largest number a `number` question takes (1,000,000 when left out; at most
    /// 1,000,000,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
}

/// A survey as staff write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "library": "kalajoki",
    "title": {"fi": "Mitä etäpalveluja käyttäisit?", "sv": "Vilka distanstjänster skulle du använda?", "en": "Which remote services would you use?"},
    "intro": {"fi": "Vastaaminen vie viisi minuuttia.", "sv": "Det tar fem minuter att svara.", "en": "Answering takes five minutes."},
    "audience": "public", "contact": "optional", "opens_on": "2026-12-01", "closes_on": "2027-01-31", "published": true,
    "questions": [
        {"id": "services", "kind": "multiple", "text": {"fi": "Mitä palveluja käyttäisit?", "sv": "Vilka tjänster skulle du använda?", "en": "Which services would you use?"}, "required": true, "other": true,
         "options": [{"id": "guidance", "label": {"fi": "Lukuneuvonta", "sv": "Läsråd", "en": "Reading guidance"}}, {"id": "events", "label": {"fi": "Etätapahtumat", "sv": "Distansevenemang", "en": "Remote events"}}]},
        {"id": "comments", "kind": "text", "text": {"fi": "Muuta kerrottavaa?", "sv": "Något annat?", "en": "Anything else?"}}
    ]
})))]
pub struct SurveyInput {
    /// The library's slug.
    pub library: String,
    /// The survey's title.
    pub title: Localized,
    /// The words shown before the questions.
    #[serde(default)]
    pub intro: Hint,
    /// Who may answer.
    pub audience: SurveyAudience,
    /// Whether contact details are asked for.
    pub contact: SurveyContact,
    /// The first day answers are taken (`YYYY-MM-DD`, the library's date).
    #[cfg_attr(feature = "openapi", schema(example = "2026-12-01", format = Date))]
    pub opens_on: String,
    /// The last day answers are taken; none for a survey without an end.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(example = "2027-01-31", format = Date))]
    pub closes_on: Option<String>,
    /// True when people may see it (and answer while it is open).
    pub published: bool,
    /// The questions, in order (1 to 50).
    pub questions: Vec<SurveyQuestion>,
}

/// A change of a survey, made on the version read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "version": 1,
    "survey": {
        "library": "kalajoki",
        "title": {"fi": "Mitä etäpalveluja käyttäisit?", "sv": "Vilka distanstjänster skulle du använda?", "en": "Which remote services would you use?"},
        "audience": "public", "contact": "none", "opens_on": "2026-12-01", "closes_on": "2027-01-31", "published": true,
        "questions": [{"id": "comments", "kind": "text", "text": {"fi": "Muuta kerrottavaa?", "sv": "Något annat?", "en": "Anything else?"}}]
    }
})))]
pub struct SurveyEdit {
    /// The version the change was made on; if another was saved since, the change is refused
    /// (409).
    #[cfg_attr(feature = "openapi", schema(example = 1, minimum = 1))]
    pub version: i32,
    /// The whole survey as it should be. Once it has answers, its questions and their options may
    /// be reworded and new ones added, but none removed or changed to another kind.
    pub survey: SurveyInput,
}

/// A survey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Survey {
    /// Stable identifier; the shareable link is `/surveys/{id}` in the web app.
    pub id: String,
    /// The library's slug.
    pub library: String,
    /// The library's name.
    pub library_name: String,
    /// The title.
    pub title: Localized,
    /// The words before the questions.
    pub intro: Hint,
    /// Who may answer.
    pub audience: SurveyAudience,
    /// Whether contact details are asked for.
    pub contact: SurveyContact,
    /// The first day answers are taken.
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub opens_on: String,
    /// The last day answers are taken.
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub closes_on: Option<String>,
    /// True when published.
    pub published: bool,
    /// Where it is now, on the library's date.
    pub state: SurveyState,
    /// Moves on with every saved change.
    pub version: i32,
    /// The questions, in order.
    pub questions: Vec<SurveyQuestion>,
    /// How many responses it has (given to the library's staff only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responses: Option<i64>,
}

/// The answer to one question. Leave out a question to skip it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"question": "services", "choices": ["guidance"], "other": "Kirjavinkit puhelimessa"})))]
pub struct SurveyAnswer {
    /// The question's key.
    pub question: String,
    /// The options chosen (one for a `single` question, none when only "other" is chosen).
    #[serde(default)]
    pub choices: Vec<String>,
    /// The text of "other, please specify", which counts as choosing it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<String>,
    /// The answer to a `scale` or `number` question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<i64>,
    /// The answer to a `text` question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A response to a survey.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"answers": [{"question": "services", "choices": ["guidance", "events"]}, {"question": "comments", "text": "Hyvä aloite!"}], "language": "fi"})))]
pub struct SurveyResponseInput {
    /// The answers; a question left out is skipped.
    pub answers: Vec<SurveyAnswer>,
    /// How the answer reached the library: `paper` and `phone` only from the library's staff, who
    /// enter answers given to them; `web` otherwise (the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ResponseSource>,
    /// The language the questions were read in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    /// A name to contact, where the survey asks for contact details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_name: Option<String>,
    /// An email address to contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_email: Option<String>,
    /// A phone number to contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_phone: Option<String>,
}

/// The receipt of a response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyResponseReceipt {
    /// The response's id.
    pub id: String,
    /// The survey's id.
    pub survey_id: String,
    /// How it reached the library.
    pub source: ResponseSource,
}

wire_enum! {
    /// Whom a survey invitation goes to.
    InvitationGroup {
        /// The contact people of the library's care homes and other units.
        CareHomeContacts => "care_home_contacts",
        /// Everyone registered for one of the library's events (confirmed or waiting): give
        /// `event_id`.
        EventParticipants => "event_participants",
    }
}

/// Staff invite a group to answer a survey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"to": "care_home_contacts", "message": "Kertokaa, mitä yksikkönne tarvitsee."})))]
pub struct SurveyInvitationInput {
    /// Whom to invite.
    pub to: InvitationGroup,
    /// The event whose participants are invited (for `event_participants`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// A few words from the library, added to the invitation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// What an invitation did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyInvitationReceipt {
    /// How many people were invited now (each by email or text message, in their language).
    pub invited: i64,
    /// How many of the group had been invited to this survey before and were not invited again.
    pub already_invited: i64,
    /// How many of the group have no email address or phone number to invite them by.
    pub unreachable: i64,
}

/// How often one option (or scale point) was chosen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OptionCount {
    /// The option's key (`other` for "other, please specify"; `1` to `5` on a scale).
    pub option: String,
    /// The option as shown.
    pub label: Localized,
    /// How many responses chose it.
    pub count: i64,
    /// `count` as a percentage of the responses that answered the question, to one decimal (for
    /// a `multiple` question the percentages may add up to more than 100).
    pub percent: f64,
}

/// The results of one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionResult {
    /// The question's key.
    pub question: String,
    /// Its kind.
    pub kind: QuestionKind,
    /// The question.
    pub text: Localized,
    /// How many responses answered it.
    pub answered: i64,
    /// How many responses skipped it.
    pub skipped: i64,
    /// For choice and scale questions, each option (scale points 1 to 5) in order, then `other`.
    pub options: Vec<OptionCount>,
    /// The mean of a `scale` or `number` question, to two decimals.
    pub mean: Option<f64>,
    /// The median of a `scale` or `number` question.
    pub median: Option<f64>,
    /// The smallest answer of a `number` question.
    pub min: Option<i64>,
    /// The largest answer of a `number` question.
    pub max: Option<i64>,
    /// The free texts given: a `text` question's answers, or a choice question's "other" texts,
    /// oldest first.
    pub texts: Vec<String>,
}

/// One group of a cross-tabulation: the responses that chose one option of the grouping question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CrossGroup {
    /// The option's key.
    pub option: String,
    /// The option as shown.
    pub label: Localized,
    /// How many responses are in the group.
    pub responses: i64,
}

/// One option's counts in each group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CrossRow {
    /// The option's key (as in `QuestionResult.options`).
    pub option: String,
    /// The option as shown.
    pub label: Localized,
    /// How many in each group chose it, in the order of `groups`.
    pub counts: Vec<i64>,
    /// Each count as a percentage of the group's responses that answered the question.
    pub percents: Vec<f64>,
}

/// One question broken down by the groups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CrossQuestion {
    /// The question's key.
    pub question: String,
    /// The question.
    pub text: Localized,
    /// How many in each group answered it.
    pub answered: Vec<i64>,
    /// Its options' rows.
    pub rows: Vec<CrossRow>,
}

/// A cross-tabulation of the choice and scale questions by one `single` or `scale` question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CrossTab {
    /// The grouping question's key.
    pub by: String,
    /// The groups, one per option of the grouping question.
    pub groups: Vec<CrossGroup>,
    /// Every other choice or scale question.
    pub questions: Vec<CrossQuestion>,
}

/// How many responses came each way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourceCount {
    /// The way.
    pub source: ResponseSource,
    /// How many.
    pub count: i64,
}

/// A survey's results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyResults {
    /// The survey's id.
    pub survey_id: String,
    /// How many responses there are.
    pub responses: i64,
    /// How many came from the web, on paper and by phone.
    pub sources: Vec<SourceCount>,
    /// Each question's results, in the survey's order.
    pub questions: Vec<QuestionResult>,
    /// The cross-tabulation asked for with `by`.
    pub cross: Option<CrossTab>,
}
