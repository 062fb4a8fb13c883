//! Libraries, their branches and opening hours.

use serde::{Deserialize, Serialize};

/// A library as listed: enough to choose one and to phone it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LibrarySummary {
    /// Short name used in addresses and the `library` parameter.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub slug: String,
    /// Full name.
    #[cfg_attr(feature = "openapi", schema(example = "Kalajoen kaupunginkirjasto"))]
    pub name: String,
    /// Phone number for patrons, in E.164 form.
    #[cfg_attr(feature = "openapi", schema(example = "+358844691235"))]
    pub phone: String,
    /// Contact email.
    #[cfg_attr(feature = "openapi", schema(example = "kirjasto@kalajoki.fi"))]
    pub email: String,
    /// IANA time zone in which the library's hours and slots are given.
    #[cfg_attr(feature = "openapi", schema(example = "Europe/Helsinki"))]
    pub time_zone: String,
}

/// A library with its branches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Library {
    /// Short name used in addresses and the `library` parameter.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub slug: String,
    /// Full name.
    #[cfg_attr(feature = "openapi", schema(example = "Kalajoen kaupunginkirjasto"))]
    pub name: String,
    /// Phone number for patrons, in E.164 form.
    #[cfg_attr(feature = "openapi", schema(example = "+358844691235"))]
    pub phone: String,
    /// Contact email.
    #[cfg_attr(feature = "openapi", schema(example = "kirjasto@kalajoki.fi"))]
    pub email: String,
    /// IANA time zone in which the library's hours and slots are given.
    #[cfg_attr(feature = "openapi", schema(example = "Europe/Helsinki"))]
    pub time_zone: String,
    /// The library's branches, the main library first.
    pub branches: Vec<Branch>,
    /// The situation the library works in now, with its notice to patrons.
    pub scenario: ActiveScenario,
    /// Its colour and logo.
    pub branding: Branding,
}

/// A library's look on a shared instance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Branding {
    /// The library's colour (`#rrggbb`) for the header and buttons, with white text on it at a
    /// contrast of at least 4.5:1; absent: the instance's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "#00325f"))]
    pub brand_color: Option<String>,
    /// Where its logo is served (PNG, JPEG or WebP from this server); absent without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "openapi",
        schema(example = "/api/v1/libraries/kalajoki/logo?v=3f2a9c1d")
    )]
    pub logo_url: Option<String>,
}

/// What a library's admin sets of its look (the logo is sent on its own).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"brand_color": "#00325f"})))]
pub struct BrandingInput {
    /// `#rrggbb`, dark enough for white text (4.5:1); absent or empty: the instance's colour.
    #[serde(default)]
    pub brand_color: Option<String>,
}

/// The least contrast of white text on a library's colour (WCAG 2.2 AA for normal text).
pub const MIN_BRAND_CONTRAST: f64 = 4.5;

/// The WCAG contrast ratio of white on `#rrggbb`; `None` when it is not such a colour.
pub fn contrast_with_white(hex: &str) -> Option<f64> {
    let digits = hex.strip_prefix('#')?;
    if digits.len() != 6 || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| -> Option<f64> {
        let v = f64::from(u8::from_str_radix(&digits[i..i + 2], 16).ok()?) / 255.0;
        Some(if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        })
    };
    let luminance = 0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?;
    Some(1.05 / (luminance + 0.05))
}

/// Checks a library's colour: `#rrggbb` (lowercased) dark enough for white text on it.
pub fn check_brand_color(raw: &str) -> Result<String, crate::FieldCode> {
    let color = raw.trim().to_ascii_lowercase();
    match contrast_with_white(&color) {
        None => Err(crate::FieldCode::InvalidFormat),
        Some(ratio) if ratio < MIN_BRAND_CONTRAST => Err(crate::FieldCode::LowContrast),
        Some(_) => Ok(color),
    }
}

#[cfg(test)]
mod branding_tests {
    use super::*;

    #[test]
    fn contrast_follows_wcag() {
        assert!((contrast_with_white("#000000").unwrap() - 21.0).abs() < 0.01);
        assert!((contrast_with_white("#ffffff").unwrap() - 1.0).abs() < 0.01);
        // GOV.UK's blue is 5.17:1 with white; the project's own header blue 13:1.
        assert!((contrast_with_white("#1d70b8").unwrap() - 5.17).abs() < 0.02);
        assert_eq!(check_brand_color(" #00325F "), Ok("#00325f".into()));
        assert_eq!(
            check_brand_color("#ffdd00"),
            Err(crate::FieldCode::LowContrast)
        );
        assert_eq!(
            check_brand_color("#777777"),
            Err(crate::FieldCode::LowContrast)
        );
        assert_eq!(
            check_brand_color("blue"),
            Err(crate::FieldCode::InvalidFormat)
        );
        assert_eq!(
            check_brand_color("#12345"),
            Err(crate::FieldCode::InvalidFormat)
        );
    }
}

wire_enum! {
    /// A situation a library's remote services are planned for; each operating model has a variant
    /// per scenario.
    Scenario {
        /// Normal times.
        Normal => "normal",
        /// The library building is closed (exceptional circumstances).
        LibraryClosed => "library_closed",
        /// Patrons cannot come to the library (an epidemic, say).
        PatronsUnableToVisit => "patrons_unable_to_visit",
        /// Staff work remotely.
        StaffRemote => "staff_remote",
    }
}

impl Scenario {
    /// The scenario's name for people, as a choice and a heading.
    pub fn name(self, lang: crate::Lang) -> &'static str {
        match self {
            Scenario::Normal => lang.pick("Tavallinen tilanne", "Normalläge", "Normal times"),
            Scenario::LibraryClosed => lang.pick(
                "Kirjasto on suljettu",
                "Biblioteket är stängt",
                "The library is closed",
            ),
            Scenario::PatronsUnableToVisit => lang.pick(
                "Asiakkaat eivät voi tulla kirjastoon",
                "Kunderna kan inte komma till biblioteket",
                "Patrons cannot come to the library",
            ),
            Scenario::StaffRemote => lang.pick(
                "Henkilökunta tekee etätyötä",
                "Personalen arbetar på distans",
                "Staff work remotely",
            ),
        }
    }
}

/// The scenario a library works in now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActiveScenario {
    /// The scenario.
    pub scenario: Scenario,
    /// What patrons are told, in fi (and sv, en); absent in normal times.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<crate::Localized>,
    /// When it was set; absent when the library has always worked normally.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub since: Option<chrono::DateTime<chrono::FixedOffset>>,
}

/// A library's admins set its scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "scenario": "library_closed",
    "notice": {
        "fi": "Kirjasto on suljettu 14.12. asti. Etäpalvelut toimivat: varaa aika puhelimeen tai videoon.",
        "sv": "Biblioteket är stängt till 14.12. Distanstjänsterna fungerar: boka en tid per telefon eller video.",
        "en": "The library is closed until 14 December. Remote services work: book a phone or video session."
    }
})))]
pub struct ScenarioInput {
    /// The scenario.
    pub scenario: Scenario,
    /// What patrons are told (Finnish required outside normal times; at most 500 characters each).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<crate::Localized>,
}

/// One building of a library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Branch {
    /// Stable identifier.
    pub id: String,
    /// Name of the branch.
    #[cfg_attr(feature = "openapi", schema(example = "Pääkirjasto"))]
    pub name: String,
    /// True for the main library.
    pub is_main: bool,
    /// Street address.
    #[cfg_attr(feature = "openapi", schema(example = "Pohjankyläntie 1"))]
    pub street_address: String,
    /// Postal code.
    #[cfg_attr(feature = "openapi", schema(example = "85100"))]
    pub postal_code: String,
    /// Town or city.
    #[cfg_attr(feature = "openapi", schema(example = "Kalajoki"))]
    pub city: String,
    /// Phone number of the branch, in E.164 form.
    #[cfg_attr(feature = "openapi", schema(example = "+358844691235"))]
    pub phone: String,
    /// Contact email of the branch.
    pub email: String,
    /// Regular weekly opening hours, in the library's time zone.
    pub opening_hours: Vec<OpeningHours>,
}

/// Opening hours on one weekday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpeningHours {
    /// ISO weekday: 1 is Monday, 7 is Sunday.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 7, example = 1))]
    pub weekday: u8,
    /// Opening time, `HH:MM`.
    #[cfg_attr(feature = "openapi", schema(example = "10:00"))]
    pub opens: String,
    /// Closing time, `HH:MM`.
    #[cfg_attr(feature = "openapi", schema(example = "19:00"))]
    pub closes: String,
}

/// A day the library is closed: no sessions can be booked on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"date": "2026-12-24", "reason": "Jouluaatto"})))]
pub struct Closure {
    /// The date, `YYYY-MM-DD`, in the library's time zone.
    #[cfg_attr(feature = "openapi", schema(example = "2026-12-24"))]
    pub date: String,
    /// Why, for people (e.g. a public holiday).
    #[cfg_attr(feature = "openapi", schema(example = "Jouluaatto", max_length = 200))]
    pub reason: String,
}

/// One branch found in an import from the Finnish library directory (Kirkanta), and what the import
/// does with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportedBranchPreview {
    /// The branch's name, which matches it to a branch already stored.
    #[cfg_attr(feature = "openapi", schema(example = "Kalajoen pääkirjasto"))]
    pub name: String,
    /// `added` (a new branch) or `updated` (a branch of this name is stored).
    #[cfg_attr(feature = "openapi", schema(example = "updated"))]
    pub action: String,
    /// Its street address.
    #[cfg_attr(feature = "openapi", schema(example = "Pohjankyläntie 5"))]
    pub street_address: String,
    /// Its postal code.
    #[cfg_attr(feature = "openapi", schema(example = "85100"))]
    pub postal_code: String,
    /// Its town.
    #[cfg_attr(feature = "openapi", schema(example = "Kalajoki"))]
    pub city: String,
    /// Staffed opening hours found per weekday, as "1 10:00–19:00" (ISO weekday, opens, closes);
    /// absent when the directory gave no schedules (the stored hours then stay).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Vec<String>>,
}

/// What an import from the directory did, or would do (`dry_run`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BranchImport {
    /// True when nothing was saved: a preview.
    pub dry_run: bool,
    /// Branches new to the library.
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub added: u32,
    /// Branches already stored and brought up to date.
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub updated: u32,
    /// Every branch found.
    pub branches: Vec<ImportedBranchPreview>,
}
