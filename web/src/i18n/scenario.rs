//! Texts of the library's scenario: the front page's notice and the admins' form.

use etakirjasto_shared::{Lang, Scenario};

use super::Text;

/// A text about the library's scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScenarioText {
    /// Heading of the admins' form.
    FormHeading,
    /// Its intro.
    FormIntro,
    /// The scenario question.
    Legend,
    /// Notice in Finnish.
    NoticeFi,
    /// Notice in Swedish.
    NoticeSv,
    /// Notice in English.
    NoticeEn,
    /// Hint for the notice.
    NoticeHint,
    /// Save.
    Save,
    /// Saved.
    Saved,
}

impl Text for ScenarioText {
    fn text(self, lang: Lang) -> &'static str {
        use ScenarioText::*;
        match self {
            FormHeading => lang.pick("Kirjaston tilanne", "Bibliotekets läge", "The library's situation"),
            FormIntro => lang.pick(
                "Poikkeustilanteessa etusivu näyttää asiakkaille tiedotteen, ja kumppanien sivut saavat sen rajapinnasta.",
                "I ett undantagsläge visar framsidan ett meddelande till kunderna, och partnernas sidor får det från gränssnittet.",
                "Outside normal times the front page shows patrons a notice, and partner sites get it from the API.",
            ),
            Legend => lang.pick("Missä tilanteessa kirjasto toimii nyt?", "I vilket läge arbetar biblioteket nu?", "Which situation does the library work in now?"),
            NoticeFi => lang.pick("Tiedote suomeksi", "Meddelande på finska", "Notice in Finnish"),
            NoticeSv => lang.pick("Tiedote ruotsiksi", "Meddelande på svenska", "Notice in Swedish"),
            NoticeEn => lang.pick("Tiedote englanniksi", "Meddelande på engelska", "Notice in English"),
            NoticeHint => lang.pick(
                "Kerro selkokielellä, mikä toimii ja miten palvelua saa. Enintään 500 merkkiä.",
                "Berätta på lättläst språk vad som fungerar och hur man får service. Högst 500 tecken.",
                "Say plainly what works and how to get service. At most 500 characters.",
            ),
            Save => lang.pick("Vaihda tilanne", "Byt läge", "Switch the situation"),
            Saved => lang.pick(
                "Tilanne vaihdettiin. Etusivu näyttää sen nyt.",
                "Läget byttes. Framsidan visar det nu.",
                "Switched. The front page shows it now.",
            ),
        }
    }
}

/// A scenario's name, as a choice and as the heading of the front page's notice.
pub fn name(lang: Lang, s: Scenario) -> &'static str {
    s.name(lang)
}
