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
    /// "Written in Finnish" etc. note for content in another language.
    WrittenIn,
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
                "Toimintamallit ovat avoimia. Muut kirjastot saavat käyttää ja muokata niitä lisenssin ehdoin, kun ne mainitsevat lähteen.",
                "Verksamhetsmodellerna är öppna. Andra bibliotek får använda och ändra dem enligt licensen, när de anger källan.",
                "The operating models are open. Other libraries may use and adapt them under the licence, naming the source.",
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
                "Kopioi oman kirjastosi luonnokseksi",
                "Kopiera som utkast för ditt bibliotek",
                "Copy as a draft for your library",
            ),
            CopyFailed => lang.pick("Kopiointi ei onnistunut.", "Kopieringen misslyckades.", "The copy failed."),
            FieldTitle => lang.pick("Otsikko", "Rubrik", "Title"),
            FieldService => lang.pick("Palvelu", "Tjänst", "Service"),
            FieldLanguage => lang.pick("Kieli", "Språk", "Language"),
            MarkdownHint => lang.pick(
                "Voit käyttää Markdownia: numeroitu lista 1. 2. 3., luettelo -, **lihavointi**, [linkki](osoite).",
                "Du kan använda Markdown: numrerad lista 1. 2. 3., punktlista -, **fetstil**, [länk](adress).",
                "You can use Markdown: numbered list 1. 2. 3., bullets -, **bold**, [link](address).",
            ),
            VariantsLegend => lang.pick("Eri tilanteissa", "I olika lägen", "In other situations"),
            VariantsHint => lang.pick(
                "Kerro, mikä muuttuu tässä tilanteessa. Jätä tyhjäksi, jos palvelu ei toimi silloin toisin.",
                "Berätta vad som ändras i det här läget. Lämna tomt om tjänsten inte fungerar annorlunda då.",
                "Say what changes in this situation. Leave it empty if the service works no differently then.",
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
                "Joku tallensi mallista uudemman version sillä välin. Avaa malli uudelleen ja tee muutoksesi siihen.",
                "Någon sparade en nyare version under tiden. Öppna modellen igen och gör din ändring i den.",
                "Someone saved a newer version meanwhile. Open the model again and make your change to it.",
            ),
            History => lang.pick("Versiohistoria", "Versionshistorik", "Version history"),
            OwnModels => lang.pick(
                "Kirjastosi toimintamallit",
                "Ditt biblioteks verksamhetsmodeller",
                "Your library's operating models",
            ),
            WrittenIn => lang.pick(
                "Toimintamalli on kirjoitettu kielellä:",
                "Verksamhetsmodellen är skriven på:",
                "The operating model is written in:",
            ),
        }
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
