//! Texts of the staff's survey editor.

use etakirjasto_shared::{Lang, QuestionKind, SurveyContact};

use super::Text;

/// A text of the survey editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurveyForm {
    /// Heading: a new survey.
    NewTitle,
    /// Heading: changing a survey.
    EditTitle,
    /// Link: a new survey.
    NewLink,
    /// Link: change the survey.
    Edit,
    /// The editor's intro.
    Intro,
    /// Legend: the title.
    TitleLegend,
    /// Legend: the intro.
    IntroLegend,
    /// Language: Finnish (required).
    Finnish,
    /// Language: Swedish.
    Swedish,
    /// Language: English.
    English,
    /// Field: first day.
    Opens,
    /// Field: last day.
    Closes,
    /// Legend: who may answer.
    Audience,
    /// Legend: contact details.
    Contact,
    /// Field: published.
    Published,
    /// Heading: the questions.
    Questions,
    /// "Question" before its number.
    Question,
    /// Field: key.
    Key,
    /// Hint of a key.
    KeyHint,
    /// Field: kind.
    Kind,
    /// Legend: the question's text.
    QuestionText,
    /// Field: required.
    Required,
    /// Legend: options.
    Options,
    /// "Option" before its number.
    OptionN,
    /// Field: other.
    Other,
    /// Field: smallest number.
    Min,
    /// Field: largest number.
    Max,
    /// Button: add a question.
    AddQuestion,
    /// Button: add an option.
    AddOption,
    /// Button: remove.
    Remove,
    /// Button: move up.
    Up,
    /// Button: move down.
    Down,
    /// Button: save.
    Save,
    /// Error summary heading.
    Problems,
    /// The version changed meanwhile.
    Stale,
    /// The change would remove or retype something answered.
    HasAnswers,
    /// Legend: the question's hint.
    Help,
}

impl Text for SurveyForm {
    fn text(self, lang: Lang) -> &'static str {
        use SurveyForm::*;
        match self {
            NewTitle => lang.pick("Uusi kysely", "Ny enkät", "New survey"),
            EditTitle => lang.pick("Muokkaa kyselyä", "Redigera enkäten", "Edit survey"),
            NewLink => lang.pick("Tee uusi kysely", "Skapa en ny enkät", "Create a new survey"),
            Edit => lang.pick("Muokkaa", "Redigera", "Edit"),
            Intro => lang.pick(
                "Kirjoita kysymykset selkokielellä. Suomenkielinen teksti on pakollinen. Jos ruotsin- tai englanninkielinen puuttuu, näytetään suomenkielinen. Kun kyselyyn on vastattu, kysymyksiä voi muotoilla uudelleen ja lisätä, mutta ei poistaa.",
                "Skriv frågorna på lättläst språk. Den finska texten är obligatorisk. Saknas den svenska eller engelska, visas den finska. När enkäten har svar kan frågor formuleras om och läggas till, men inte tas bort.",
                "Write the questions in plain language. The Finnish text is required. Where Swedish or English is missing, the Finnish is shown. Once the survey has answers, questions can be reworded and added, but not removed.",
            ),
            TitleLegend => lang.pick("Kyselyn otsikko", "Enkätens rubrik", "The survey's title"),
            IntroLegend => lang.pick("Johdanto (vapaaehtoinen)", "Inledning (frivillig)", "Introduction (optional)"),
            Finnish => lang.pick("Suomeksi", "På finska", "In Finnish"),
            Swedish => lang.pick("Ruotsiksi", "På svenska", "In Swedish"),
            English => lang.pick("Englanniksi", "På engelska", "In English"),
            Opens => lang.pick("Ensimmäinen vastauspäivä", "Första svarsdag", "First day of answers"),
            Closes => lang.pick("Viimeinen vastauspäivä (vapaaehtoinen)", "Sista svarsdag (frivillig)", "Last day of answers (optional)"),
            Audience => lang.pick("Kuka voi vastata", "Vem kan svara", "Who may answer"),
            Contact => lang.pick("Yhteystiedot", "Kontaktuppgifter", "Contact details"),
            Published => lang.pick("Julkaistu (näkyy vastaajille)", "Publicerad (syns för dem som svarar)", "Published (shown to respondents)"),
            Questions => lang.pick("Kysymykset", "Frågor", "Questions"),
            Question => lang.pick("Kysymys", "Fråga", "Question"),
            Key => lang.pick("Tunniste", "Nyckel", "Key"),
            KeyHint => lang.pick(
                "Pienet kirjaimet a–z, numerot ja _. Näkyy tulosten CSV-tiedostossa.",
                "Små bokstäver a–z, siffror och _. Syns i resultatens CSV-fil.",
                "Lowercase letters a–z, digits and _. Shown in the results' CSV file.",
            ),
            Kind => lang.pick("Vastauksen tyyppi", "Typ av svar", "Kind of answer"),
            QuestionText => lang.pick("Kysymyksen teksti", "Frågans text", "The question's text"),
            Required => lang.pick("Pakollinen", "Obligatorisk", "Required"),
            Options => lang.pick("Vaihtoehdot", "Alternativ", "Options"),
            OptionN => lang.pick("Vaihtoehto", "Alternativ", "Option"),
            Other => lang.pick("Tarjoa myös vaihtoehto ”Muu, mikä?”", "Erbjud också alternativet ”Annat, vad?”", "Also offer \"Other, please specify\""),
            Min => lang.pick("Pienin luku", "Minsta tal", "Smallest number"),
            Max => lang.pick("Suurin luku", "Största tal", "Largest number"),
            AddQuestion => lang.pick("Lisää kysymys", "Lägg till en fråga", "Add a question"),
            AddOption => lang.pick("Lisää vaihtoehto", "Lägg till ett alternativ", "Add an option"),
            Remove => lang.pick("Poista", "Ta bort", "Remove"),
            Up => lang.pick("Siirrä ylös", "Flytta upp", "Move up"),
            Down => lang.pick("Siirrä alas", "Flytta ned", "Move down"),
            Save => lang.pick("Tallenna kysely", "Spara enkäten", "Save the survey"),
            Problems => lang.pick("Korjaa nämä kohdat", "Rätta dessa", "Please correct these"),
            HasAnswers => lang.pick(
                "Kyselyyn on jo vastattu. Kysymyksiä ja vaihtoehtoja voi muotoilla uudelleen ja lisätä. Niitä ei voi poistaa eikä kysymyksen tyyppiä vaihtaa.",
                "Enkäten har redan svar. Frågor och alternativ kan formuleras om och läggas till. De kan inte tas bort, och en frågas typ kan inte bytas.",
                "The survey already has answers. Questions and options can be reworded and added. They cannot be removed, and a question's kind cannot be changed.",
            ),
            Help => lang.pick("Ohje kysymyksen alla (vapaaehtoinen)", "Hjälptext under frågan (frivillig)", "A hint under the question (optional)"),
            Stale => lang.pick(
                "Joku muu tallensi kyselyn sillä välin. Lataa sivu uudelleen ja tee muutoksesi uudelleen.",
                "Någon annan sparade enkäten under tiden. Ladda om sidan och gör din ändring igen.",
                "Someone else saved the survey meanwhile. Load the page again and redo your change.",
            ),
        }
    }
}

/// A question kind's name.
pub fn kind_name(lang: Lang, kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single => lang.pick("Yksi vaihtoehto", "Ett alternativ", "One option"),
        QuestionKind::Multiple => {
            lang.pick("Monta vaihtoehtoa", "Flera alternativ", "Several options")
        }
        QuestionKind::Scale => lang.pick("Asteikko 1–5", "Skala 1–5", "Scale 1–5"),
        QuestionKind::Number => lang.pick("Luku", "Tal", "Number"),
        QuestionKind::Text => lang.pick("Vapaa teksti", "Fritext", "Free text"),
    }
}

/// Whether contact details are asked for.
pub fn contact_name(lang: Lang, contact: SurveyContact) -> &'static str {
    match contact {
        SurveyContact::None => lang.pick(
            "Ei kysytä (nimetön)",
            "Frågas inte (anonym)",
            "Not asked (anonymous)",
        ),
        SurveyContact::Optional => lang.pick("Vapaaehtoiset", "Frivilliga", "Optional"),
    }
}
