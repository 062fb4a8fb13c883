//! Operating models ("guides"): how each remote service works, openly licensed for reuse.

use serde::{Deserialize, Serialize};

use crate::{Lang, Scenario};

wire_enum! {
    /// The remote service an operating model describes.
    GuideService {
        /// Personal one-to-one sessions by video or phone.
        OneToOneSessions => "one_to_one_sessions",
        /// Remote and hybrid events, the reading circle among them.
        Events => "events",
        /// Remote programmes for care homes and assisted-living units.
        CareHomeProgrammes => "care_home_programmes",
        /// The home-delivery service.
        HomeDelivery => "home_delivery",
        /// Any other remote service.
        Other => "other",
    }
}

/// The licence an operating model is published under, so other libraries may reuse it; named by its
/// SPDX identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum GuideLicence {
    /// Creative Commons Attribution 4.0 International (the default).
    #[serde(rename = "CC-BY-4.0")]
    CcBy40,
    /// Creative Commons Attribution-ShareAlike 4.0 International.
    #[serde(rename = "CC-BY-SA-4.0")]
    CcBySa40,
    /// Creative Commons Zero 1.0 Universal (public domain dedication).
    #[serde(rename = "CC0-1.0")]
    Cc010,
}

impl GuideLicence {
    /// Every licence offered, the default first.
    pub const ALL: &'static [GuideLicence] = &[
        GuideLicence::CcBy40,
        GuideLicence::CcBySa40,
        GuideLicence::Cc010,
    ];

    /// The SPDX identifier, as stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            GuideLicence::CcBy40 => "CC-BY-4.0",
            GuideLicence::CcBySa40 => "CC-BY-SA-4.0",
            GuideLicence::Cc010 => "CC0-1.0",
        }
    }

    /// Parses the SPDX identifier.
    pub fn parse(s: &str) -> Option<GuideLicence> {
        Self::ALL.iter().copied().find(|l| l.as_str() == s)
    }

    /// The licence's full name.
    pub fn name(self) -> &'static str {
        match self {
            GuideLicence::CcBy40 => "Creative Commons Attribution 4.0 International",
            GuideLicence::CcBySa40 => "Creative Commons Attribution-ShareAlike 4.0 International",
            GuideLicence::Cc010 => "Creative Commons Zero 1.0 Universal",
        }
    }

    /// The licence's deed.
    pub fn url(self) -> &'static str {
        match self {
            GuideLicence::CcBy40 => "https://creativecommons.org/licenses/by/4.0/",
            GuideLicence::CcBySa40 => "https://creativecommons.org/licenses/by-sa/4.0/",
            GuideLicence::Cc010 => "https://creativecommons.org/publicdomain/zero/1.0/",
        }
    }
}

/// A Markdown text with its HTML rendering (raw HTML in the Markdown is shown as text, and only
/// `http`, `https`, `mailto` and `tel` links and relative links are kept).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rendered {
    /// The text as written, in Markdown.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "1. Varaa aika.\n2. Saat linkin sähköpostiin.")
    )]
    pub markdown: String,
    /// The same as safe HTML, ready to show.
    #[cfg_attr(
        feature = "openapi",
        schema(
            example = "<ol>\n<li>Varaa aika.</li>\n<li>Saat linkin sähköpostiin.</li>\n</ol>\n"
        )
    )]
    pub html: String,
}

/// How the service works in one scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GuideVariant {
    /// The scenario.
    pub scenario: Scenario,
    /// What changes in it, in Markdown with its HTML.
    pub text: Rendered,
}

/// Where a copied operating model came from, for attribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GuideOrigin {
    /// The original's identifier.
    pub guide_id: String,
    /// The original's library (slug).
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// The original's library (name, kept as it was when copied).
    #[cfg_attr(feature = "openapi", schema(example = "Kalajoen kaupunginkirjasto"))]
    pub library_name: String,
    /// The original's title when copied.
    pub title: String,
    /// The original's version that was copied.
    #[cfg_attr(feature = "openapi", schema(example = 3))]
    pub version: i32,
    /// The original's licence then.
    pub licence: GuideLicence,
}

/// A remote service's operating model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Guide {
    /// Stable identifier.
    pub id: String,
    /// The library whose model this is (slug).
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// The library's name.
    #[cfg_attr(feature = "openapi", schema(example = "Kalajoen kaupunginkirjasto"))]
    pub library_name: String,
    /// The service it describes.
    pub service: GuideService,
    /// The language it is written in.
    pub language: Lang,
    /// Title.
    #[cfg_attr(feature = "openapi", schema(example = "Henkilökohtainen etäopastus"))]
    pub title: String,
    /// What the service is for.
    pub purpose: Rendered,
    /// Who it is for.
    pub audience: Rendered,
    /// How it works, step by step.
    pub steps: Rendered,
    /// Who does what.
    pub roles: Rendered,
    /// Equipment and software.
    pub equipment: Rendered,
    /// How a patron gets the service.
    pub how_to_get: Rendered,
    /// How it works in each scenario other than normal times; scenarios without a variant are absent.
    pub variants: Vec<GuideVariant>,
    /// The licence it is published under.
    pub licence: GuideLicence,
    /// The licence's full name.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Creative Commons Attribution 4.0 International")
    )]
    pub licence_name: String,
    /// The licence's deed.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "https://creativecommons.org/licenses/by/4.0/")
    )]
    pub licence_url: String,
    /// True when anyone may read it; drafts are seen by the library's staff only.
    pub published: bool,
    /// The version, 1 for a new model and one more with each edit; send it back when editing.
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub version: i32,
    /// When it was last changed.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: chrono::DateTime<chrono::FixedOffset>,
    /// The model it was copied from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copied_from: Option<GuideOrigin>,
    /// The models that one was itself based on, nearest first, for the attribution the licences
    /// ask for; empty when it was an original.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_sources: Vec<GuideOrigin>,
}

impl Guide {
    /// The variant for `scenario`, if the model has one.
    pub fn variant(&self, scenario: Scenario) -> Option<&GuideVariant> {
        self.variants.iter().find(|v| v.scenario == scenario)
    }
}

/// A scenario's variant as written by staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct GuideVariantInput {
    /// The scenario (not `normal`: the main text is normal times).
    pub scenario: Scenario,
    /// What changes in it, in Markdown (at most 20,000 characters).
    pub text: String,
}

/// An operating model as staff write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "library": "kalajoki",
    "service": "one_to_one_sessions",
    "language": "fi",
    "title": "Henkilökohtainen etäopastus",
    "purpose": "Asiakas saa kirjastolta henkilökohtaista apua etänä: lukuvinkkejä tai opastusta e-palveluihin.",
    "audience": "Kaikki kirjaston asiakkaat, erityisesti ne, jotka eivät pääse kirjastoon.",
    "steps": "1. Asiakas varaa ajan verkossa tai puhelimella.\n2. Kirjastonhoitaja soittaa tai avaa videoyhteyden sovittuna aikana.",
    "roles": "- **Kirjastonhoitaja**: pitää tapaamisen.",
    "equipment": "Tietokone, kuulokkeet ja mikrofoni; videoyhteys selaimessa.",
    "how_to_get": "Varaa aika osoitteessa /book tai soita kirjastoon.",
    "variants": [{"scenario": "library_closed", "text": "Tapaamiset pidetään puhelimella."}],
    "licence": "CC-BY-4.0",
    "published": true
})))]
pub struct GuideInput {
    /// The library the model belongs to (slug); ignored when editing (a model stays in its library).
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// The service it describes.
    pub service: GuideService,
    /// The language it is written in.
    pub language: Lang,
    /// Title (1–200 characters).
    pub title: String,
    /// What the service is for (Markdown, required).
    pub purpose: String,
    /// Who it is for (Markdown, required).
    pub audience: String,
    /// How it works, step by step (Markdown, required).
    pub steps: String,
    /// Who does what (Markdown).
    #[serde(default)]
    pub roles: String,
    /// Equipment and software (Markdown).
    #[serde(default)]
    pub equipment: String,
    /// How a patron gets the service (Markdown, required).
    pub how_to_get: String,
    /// How it works in other scenarios; one per scenario at most.
    #[serde(default)]
    pub variants: Vec<GuideVariantInput>,
    /// The licence (default `CC-BY-4.0`).
    #[serde(default = "default_licence")]
    pub licence: GuideLicence,
    /// True to publish it for everyone; false keeps it a draft for the library's staff.
    #[serde(default)]
    pub published: bool,
}

fn default_licence() -> GuideLicence {
    GuideLicence::CcBy40
}

/// An edit of an operating model: the whole model, the version it was based on and a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "version": 1,
    "note": "Lisätty puhelinvaihtoehto suljetun kirjaston tilanteeseen.",
    "guide": {
        "library": "kalajoki",
        "service": "one_to_one_sessions",
        "language": "fi",
        "title": "Henkilökohtainen etäopastus",
        "purpose": "Asiakas saa kirjastolta henkilökohtaista apua etänä: lukuvinkkejä tai opastusta e-palveluihin.",
        "audience": "Kaikki kirjaston asiakkaat, erityisesti ne, jotka eivät pääse kirjastoon.",
        "steps": "1. Asiakas varaa ajan verkossa tai puhelimella.\n2. Kirjastonhoitaja soittaa tai avaa videoyhteyden sovittuna aikana.",
        "roles": "- **Kirjastonhoitaja**: pitää tapaamisen.",
        "equipment": "Tietokone, kuulokkeet ja mikrofoni; videoyhteys selaimessa.",
        "how_to_get": "Varaa aika osoitteessa /book tai soita kirjastoon.",
        "variants": [{"scenario": "library_closed", "text": "Tapaamiset pidetään puhelimella."}],
        "licence": "CC-BY-4.0",
        "published": true
    }
})))]
pub struct GuideEdit {
    /// The version the edit was made on; a newer stored version is 409 `conflict`.
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub version: i32,
    /// What was changed and why (at most 500 characters).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(example = "Lisätty puhelinvaihtoehto."))]
    pub note: String,
    /// The model as it should now read.
    pub guide: GuideInput,
}

/// Copy an operating model into a library as the start of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"library": "kalajoki"})))]
pub struct GuideCopyInput {
    /// The library the copy goes to (slug); the caller must be its staff.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
}

/// One version of an operating model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GuideRevision {
    /// The version.
    #[cfg_attr(feature = "openapi", schema(example = 2))]
    pub version: i32,
    /// When it was saved.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub edited_at: chrono::DateTime<chrono::FixedOffset>,
    /// Who saved it (their name as it was then).
    #[cfg_attr(feature = "openapi", schema(example = "Liisa Kirjastonhoitaja"))]
    pub edited_by: String,
    /// What was changed and why.
    pub note: String,
    /// The model as it read in this version.
    pub guide: GuideInput,
}
