//! Texts of the operating models' pages and the front page's list of services in the library's
//! situation.

use etakirjasto_shared::{GuideService, Lang};

use super::Text;

/// A text about operating models.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guides {
    /// Title and heading of the catalogue.
    Title,
    /// The catalogue's intro.
    Intro,
    /// The licence and reuse note of the catalogue.
    ReuseNote,
    /// Link to the bundle.
    Bundle,
    /// Link from the front page to the catalogue.
    Link,
    /// No models.
    None,
    /// Front page heading outside normal times.
    ServicesNowHeading,
    /// Back to the catalogue.
    Back,
    /// Section: purpose.
    Purpose,
    /// Section: audience.
    Audience,
    /// Section: steps.
    Steps,
    /// Section: roles.
    Roles,
    /// Section: equipment.
    Equipment,
    /// Section: how to get it.
    HowToGet,
    /// Section: the variants.
    Variants,
    /// The box of the variant in force now.
    NowInForce,
    /// Download as Markdown.
    Download,
    /// "Version".
    Version,
    /// "Updated".
    Updated,
    /// Licence sentence, before the licence's name.
    LicencedUnder,
    /// "Based on", before the origin.
    BasedOn,
    /// Marker of an unpublished model.
    Draft,
    /// Staff: heading of the editor page.
    EditTitle,
    /// Staff: heading for a new model.
    NewTitle,
    /// Staff: link to write a new model.
    New,
    /// Staff: link to edit a model.
    Edit,
    /// Staff: copy a model to one's own library.
    Copy,
    /// Staff: the copy failed.
    CopyFailed,
    /// Field: title.
    FieldTitle,
    /// Field: service.
    FieldService,
    /// Field: language.
    FieldLanguage,
    /// Hint for the Markdown fields.
    MarkdownHint,
    /// Field group: variants.
    VariantsLegend,
    /// Hint for variants.
    VariantsHint,
    /// Field: licence.
    FieldLicence,
    /// Field: published.
    FieldPublished,
    /// Field: the note of an edit.
    FieldNote,
    /// Hint for the note.
    NoteHint,
    /// Save.
    Save,
    /// Said on a conflict.
    ConflictHint,
    /// Heading of the history.
    History,
    /// Staff: the library's models on the editor page.
    OwnModels,
    /// Staff: the library has no models.
    NoneOwn,
    /// Link to the version saved meanwhile.
    SavedVersion,
    /// Hint for the steps.
    StepsHint,
    /// Field: the text for a closed library.
    VariantLibraryClosed,
    /// Field: the text when patrons cannot come.
    VariantPatronsUnable,
    /// Field: the text when staff work remotely.
    VariantStaffRemote,
    /// Heading of the reuse section.
    ReuseHeading,
}

impl Text for Guides {
    fn text(self, lang: Lang) -> &'static str {
        use Guides::*;
        match self {
            Title => lang.pick(
                "Näin etäpalvelumme toimivat",
                "Så fungerar våra distanstjänster",
                "How our remote services work",
            ),
            Intro => lang.pick(
                "Jokaisella etäpalvelulla on toimintamalli: kenelle palvelu on, miten se toimii, mitä siihen tarvitaan ja miten sen saa. Mallissa kerrotaan myös, miten palvelu toimii poikkeustilanteissa.",
                "Varje distanstjänst har en verksamhetsmodell: för vem tjänsten är, hur den fungerar, vad som behövs och hur man får den. Modellen berättar också hur tjänsten fungerar i undantagslägen.",
                "Each remote service has an operating model: who it is for, how it works, what it needs and how to get it. The model also says how the service works in exceptional situations.",
            ),
            ReuseNote => lang.pick(
                "Toimintamallit ovat avoimia. Muut kirjastot saavat käyttää ja muokata niitä lisenssin ehdoin, kun ne mainitsevat lähteen. Jokaisen mallin lisenssi näkyy mallin lopussa.",
                "Verksamhetsmodellerna är öppna. Andra bibliotek får använda och ändra dem enligt licensen, om de anger källan. Varje modell visar sin licens.",
                "The operating models are open. Other libraries may use and adapt them under their licence, naming the source. Each model shows its licence at its end.",
            ),
            Bundle => lang.pick(
                "Lataa kaikki toimintamallit (Markdown)",
                "Ladda ner alla verksamhetsmodeller (Markdown)",
                "Download all operating models (Markdown)",
            ),
            Link => lang.pick(
                "Näin etäpalvelumme toimivat",
                "Så fungerar våra distanstjänster",
                "How our remote services work",
            ),
            None => lang.pick(
                "Toimintamalleja ei ole vielä julkaistu.",
                "Inga verksamhetsmodeller har publicerats ännu.",
                "No operating models have been published yet.",
            ),
            ServicesNowHeading => lang.pick(
                "Nämä etäpalvelut toimivat nyt",
                "De här distanstjänsterna fungerar nu",
                "These remote services work now",
            ),
            Back => lang.pick(
                "Kaikki toimintamallit",
                "Alla verksamhetsmodeller",
                "All operating models",
            ),
            Purpose => lang.pick("Tarkoitus", "Syfte", "Purpose"),
            Audience => lang.pick("Kenelle", "För vem", "Who it is for"),
            Steps => lang.pick("Miten palvelu toimii", "Hur tjänsten fungerar", "How it works"),
            Roles => lang.pick("Roolit", "Roller", "Roles"),
            Equipment => lang.pick("Laitteet ja ohjelmat", "Utrustning och program", "Equipment and software"),
            HowToGet => lang.pick("Miten saat palvelun", "Hur du får tjänsten", "How to get it"),
            Variants => lang.pick("Eri tilanteissa", "I olika lägen", "In other situations"),
            NowInForce => lang.pick("Nyt voimassa", "Gäller nu", "In force now"),
            Download => lang.pick(
                "Lataa toimintamalli (Markdown)",
                "Ladda ner verksamhetsmodellen (Markdown)",
                "Download the operating model (Markdown)",
            ),
            Version => lang.pick("Versio", "Version", "Version"),
            Updated => lang.pick("päivitetty", "uppdaterad", "updated"),
            LicencedUnder => lang.pick(
                "Julkaistu lisenssillä",
                "Publicerad under licensen",
                "Published under the licence",
            ),
            BasedOn => lang.pick("Pohjana", "Bygger på", "Based on"),
            Draft => lang.pick("luonnos, ei julkaistu", "utkast, inte publicerat", "draft, not published"),
            EditTitle => lang.pick("Muokkaa toimintamallia", "Redigera verksamhetsmodellen", "Edit the operating model"),
            NewTitle => lang.pick("Uusi toimintamalli", "Ny verksamhetsmodell", "New operating model"),
            New => lang.pick("Kirjoita uusi toimintamalli", "Skriv en ny verksamhetsmodell", "Write a new operating model"),
            Edit => lang.pick("Muokkaa", "Redigera", "Edit"),
            Copy => lang.pick(
                "Kopioi luonnokseksi kirjastoon",
                "Kopiera som utkast till",
                "Copy as a draft to",
            ),
            CopyFailed => lang.pick("Kopiointi ei onnistunut.", "Kopieringen misslyckades.", "The copy failed."),
            FieldTitle => lang.pick("Otsikko", "Rubrik", "Title"),
            FieldService => lang.pick("Palvelu", "Tjänst", "Service"),
            FieldLanguage => lang.pick("Kieli", "Språk", "Language"),
            MarkdownHint => lang.pick(
                "Tekstit ovat Markdownia: aloita luettelon rivi viivalla, lihavoi sana kahdella tähdellä kummallakin puolella, ja tee linkki kirjoittamalla linkin teksti hakasulkeisiin ja osoite sen perään sulkeisiin.",
                "Texterna är Markdown: börja en punktrad med ett bindestreck, gör ett ord fetstilt med två asterisker på var sida, och gör en länk med länktexten inom hakparentes och adressen efter inom parentes.",
                "The texts are Markdown: start a bullet line with a dash, make a word bold with two asterisks on each side, and make a link with its text in square brackets followed by the address in brackets.",
            ),
            VariantsLegend => lang.pick("Eri tilanteissa", "I olika lägen", "In other situations"),
            VariantsHint => lang.pick(
                "Kerro, mikä muuttuu kussakin tilanteessa. Jätä tyhjäksi, jos mikään ei muutu.",
                "Berätta vad som ändras i varje läge. Lämna tomt om inget ändras.",
                "Say what changes in each situation. Leave it empty if nothing changes.",
            ),
            FieldLicence => lang.pick("Lisenssi", "Licens", "Licence"),
            FieldPublished => lang.pick(
                "Julkaistu: kaikki voivat lukea tämän",
                "Publicerad: alla kan läsa den",
                "Published: everyone can read it",
            ),
            FieldNote => lang.pick("Mitä muutit ja miksi", "Vad du ändrade och varför", "What you changed and why"),
            NoteHint => lang.pick(
                "Näkyy versiohistoriassa.",
                "Syns i versionshistoriken.",
                "Shown in the version history.",
            ),
            Save => lang.pick("Tallenna", "Spara", "Save"),
            ConflictHint => lang.pick(
                "Joku tallensi mallista uudemman version sillä välin, eikä sinun muutostasi tallennettu. Tekstisi on tallessa tässä lomakkeessa. Katso tallennettu versio: jos haluat korvata sen omallasi, tallenna uudelleen.",
                "Någon sparade en nyare version under tiden, och din ändring sparades inte. Din text finns kvar i formuläret. Se den sparade versionen: vill du ersätta den med din, spara igen.",
                "Someone saved a newer version meanwhile, and your change was not saved. Your text is still in this form. See the saved version: to replace it with yours, save again.",
            ),
            History => lang.pick("Versiohistoria", "Versionshistorik", "Version history"),
            NoneOwn => lang.pick(
                "Kirjastollasi ei ole vielä toimintamalleja.",
                "Ditt bibliotek har inga verksamhetsmodeller ännu.",
                "Your library has no operating models yet.",
            ),
            SavedVersion => lang.pick(
                "Katso tallennettu versio (avautuu uuteen välilehteen): versio",
                "Se den sparade versionen (öppnas i en ny flik): version",
                "See the saved version (opens in a new tab): version",
            ),
            StepsHint => lang.pick(
                "Kirjoita vaiheet numeroituna listana: jokainen vaihe omalle rivilleen, alussa 1., 2. ja niin edelleen.",
                "Skriv stegen som en numrerad lista: varje steg på en egen rad, som börjar med 1., 2. och så vidare.",
                "Write the steps as a numbered list: each step on its own line, starting 1., 2. and so on.",
            ),
            VariantLibraryClosed => lang.pick(
                "Kun kirjasto on suljettu",
                "När biblioteket är stängt",
                "When the library is closed",
            ),
            VariantPatronsUnable => lang.pick(
                "Kun asiakkaat eivät voi tulla kirjastoon",
                "När kunderna inte kan komma till biblioteket",
                "When patrons cannot come to the library",
            ),
            VariantStaffRemote => lang.pick(
                "Kun henkilökunta tekee etätyötä",
                "När personalen arbetar på distans",
                "When staff work remotely",
            ),
            ReuseHeading => lang.pick(
                "Käytä malleja omassa kirjastossasi",
                "Använd modellerna i ditt bibliotek",
                "Use the models in your library",
            ),
            OwnModels => lang.pick(
                "Kirjastosi toimintamallit",
                "Ditt biblioteks verksamhetsmodeller",
                "Your library's operating models",
            ),
        }
    }
}

/// "This model is in Finnish", in the reader's language `ui`, for a model written in `content`.
pub fn written_in(ui: Lang, content: Lang) -> &'static str {
    match content {
        Lang::Fi => ui.pick(
            "Tämä toimintamalli on suomeksi.",
            "Den här modellen är på finska.",
            "This model is in Finnish.",
        ),
        Lang::Sv => ui.pick(
            "Tämä toimintamalli on ruotsiksi.",
            "Den här modellen är på svenska.",
            "This model is in Swedish.",
        ),
        Lang::En => ui.pick(
            "Tämä toimintamalli on englanniksi.",
            "Den här modellen är på engelska.",
            "This model is in English.",
        ),
    }
}

/// A service's name.
pub fn service_name(lang: Lang, s: GuideService) -> &'static str {
    match s {
        GuideService::OneToOneSessions => lang.pick(
            "Henkilökohtaiset etätapaamiset",
            "Personliga distansmöten",
            "One-to-one remote sessions",
        ),
        GuideService::Events => lang.pick(
            "Etätapahtumat ja lukupiiri",
            "Distansevenemang och läsecirkel",
            "Remote events and the reading circle",
        ),
        GuideService::CareHomeProgrammes => lang.pick(
            "Hoivakotien etäohjelmat",
            "Distansprogram för vårdhem",
            "Remote programmes for care homes",
        ),
        GuideService::HomeDelivery => lang.pick("Kotipalvelu", "Hemservice", "Home delivery"),
        GuideService::Other => lang.pick(
            "Muut etäpalvelut",
            "Andra distanstjänster",
            "Other remote services",
        ),
    }
}
