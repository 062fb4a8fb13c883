//! Texts of the staff's programme offers and organisations pages: publishing a programme with its
//! times, and adding the units the library serves with their contact person.

use etakirjasto_shared::{Lang, OrganisationKind};

use super::Text;

/// A text of the offers and organisations pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offers {
    /// Title of the offers page.
    Title,
    /// The line under it.
    Intro,
    /// Link to the offers page.
    Link,
    /// Link to a new offer.
    New,
    /// Heading of a new offer.
    NewHeading,
    /// Heading of an offer being changed.
    EditHeading,
    /// Link to change one.
    Edit,
    /// No offers yet.
    Empty,
    /// An unpublished offer.
    Unpublished,
    /// Back to the list.
    BackToList,
    /// Finnish title.
    TitleFi,
    /// Swedish title.
    TitleSv,
    /// English title.
    TitleEn,
    /// Finnish description.
    DescriptionFi,
    /// Swedish description.
    DescriptionSv,
    /// English description.
    DescriptionEn,
    /// Hint of the translations.
    TranslationHint,
    /// Length in minutes.
    DurationLabel,
    /// Its hint.
    DurationHint,
    /// The largest group.
    MaxResidentsLabel,
    /// Its hint.
    MaxResidentsHint,
    /// Shown to units.
    PublishedLabel,
    /// Legend of the times.
    TimesLegend,
    /// Hint of the times.
    TimesHint,
    /// A time's date.
    DateLabel,
    /// A time's clock time.
    TimeLabel,
    /// Adding a time.
    AddTime,
    /// Removing a time.
    RemoveTime,
    /// A time a unit has asked for.
    TimeTaken,
    /// Saving.
    Save,
    /// Saved.
    Saved,
    /// Title of the organisations page.
    OrgTitle,
    /// The line under it.
    OrgIntro,
    /// Link to the organisations page.
    OrgLink,
    /// Link to a new organisation.
    OrgNew,
    /// Heading of a new organisation.
    OrgNewHeading,
    /// Heading of an organisation being changed.
    OrgEditHeading,
    /// No organisations yet.
    NoOrganisations,
    /// Back to the list.
    BackToOrganisations,
    /// The name.
    NameLabel,
    /// The kind.
    KindLabel,
    /// The street address.
    AddressLabel,
    /// The phone number.
    PhoneLabel,
    /// The contact person's email.
    ContactEmailLabel,
    /// Its hint.
    ContactEmailHint,
    /// Label of the contact person.
    Contact,
    /// No contact person.
    NoContact,
}

impl Text for Offers {
    fn text(self, lang: Lang) -> &'static str {
        use Offers::*;
        match self {
            Title => lang.pick("Ohjelmatarjonta", "Programutbud", "Programme offers"),
            Intro => lang.pick(
                "Julkaise ohjelmat, joita kirjasto pitää yksiköille videon välityksellä, ja ajat, joina ne voi pitää.",
                "Publicera programmen som biblioteket håller för enheter via video, och tiderna då de kan hållas.",
                "Publish the programmes the library runs for units by video, and the times they can run.",
            ),
            Link => lang.pick(
                "Ohjelmatarjonta ja ajat",
                "Programutbud och tider",
                "Programme offers and times",
            ),
            New => lang.pick("Uusi ohjelma", "Nytt program", "New programme"),
            NewHeading => lang.pick("Uusi ohjelma", "Nytt program", "New programme"),
            EditHeading => lang.pick("Muokkaa ohjelmaa", "Ändra programmet", "Change the programme"),
            Edit => lang.pick("Muokkaa", "Ändra", "Change"),
            Empty => lang.pick(
                "Ohjelmia ei ole vielä.",
                "Inga program ännu.",
                "No programmes yet.",
            ),
            Unpublished => lang.pick(
                "Ei näy yksiköille",
                "Syns inte för enheterna",
                "Not shown to units",
            ),
            BackToList => lang.pick(
                "Takaisin ohjelmatarjontaan",
                "Tillbaka till programutbudet",
                "Back to the programme offers",
            ),
            TitleFi => lang.pick("Nimi suomeksi", "Namn på finska", "Title in Finnish"),
            TitleSv => lang.pick(
                "Nimi ruotsiksi (vapaaehtoinen)",
                "Namn på svenska (frivilligt)",
                "Title in Swedish (optional)",
            ),
            TitleEn => lang.pick(
                "Nimi englanniksi (vapaaehtoinen)",
                "Namn på engelska (frivilligt)",
                "Title in English (optional)",
            ),
            DescriptionFi => lang.pick(
                "Kuvaus suomeksi",
                "Beskrivning på finska",
                "Description in Finnish",
            ),
            DescriptionSv => lang.pick(
                "Kuvaus ruotsiksi (vapaaehtoinen)",
                "Beskrivning på svenska (frivilligt)",
                "Description in Swedish (optional)",
            ),
            DescriptionEn => lang.pick(
                "Kuvaus englanniksi (vapaaehtoinen)",
                "Beskrivning på engelska (frivilligt)",
                "Description in English (optional)",
            ),
            TranslationHint => lang.pick(
                "Jos käännös puuttuu, näytetään suomenkielinen teksti.",
                "Om översättningen saknas visas den finska texten.",
                "Where a translation is missing, the Finnish text is shown.",
            ),
            DurationLabel => lang.pick(
                "Kesto minuutteina",
                "Längd i minuter",
                "Length in minutes",
            ),
            DurationHint => lang.pick("15–240 minuuttia.", "15–240 minuter.", "15 to 240 minutes."),
            MaxResidentsLabel => lang.pick(
                "Suurin ryhmä (vapaaehtoinen)",
                "Största grupp (frivilligt)",
                "Largest group (optional)",
            ),
            MaxResidentsHint => lang.pick(
                "Montako asukasta enintään. Tyhjä: ei rajaa.",
                "Högst så många boende. Tomt: ingen gräns.",
                "At most this many residents. Empty: no limit.",
            ),
            PublishedLabel => lang.pick(
                "Näytä ohjelma yksiköille",
                "Visa programmet för enheterna",
                "Show the programme to units",
            ),
            TimesLegend => lang.pick(
                "Ajat, joina ohjelman voi pitää",
                "Tider då programmet kan hållas",
                "Times the programme can run",
            ),
            TimesHint => lang.pick(
                "Kirjaston paikallista aikaa.",
                "Bibliotekets lokala tid.",
                "The library's local time.",
            ),
            DateLabel => lang.pick("Päivä", "Datum", "Date"),
            TimeLabel => lang.pick("Kellonaika", "Klockslag", "Time"),
            AddTime => lang.pick("Lisää aika", "Lägg till en tid", "Add a time"),
            RemoveTime => lang.pick("Poista aika", "Ta bort tiden", "Remove the time"),
            TimeTaken => lang.pick(
                "Yksikkö on pyytänyt tätä aikaa, joten sitä ei voi poistaa.",
                "En enhet har bett om den här tiden, så den kan inte tas bort.",
                "A unit has asked for this time, so it cannot be removed.",
            ),
            Save => lang.pick("Tallenna", "Spara", "Save"),
            Saved => lang.pick("Tallennettu.", "Sparat.", "Saved."),
            OrgTitle => lang.pick(
                "Palvelutalot, hoivakodit ja päiväkeskukset",
                "Serviceboenden, vårdhem och dagcenter",
                "Assisted-living units, care homes and day centres",
            ),
            OrgIntro => lang.pick(
                "Yksiköt, joille kirjasto pitää etäohjelmia. Yhteyshenkilö varaa ajat yksikön puolesta.",
                "Enheterna som biblioteket håller distansprogram för. Kontaktpersonen bokar tider för enheten.",
                "The units the library runs remote programmes for. The contact person books times for the unit.",
            ),
            OrgLink => lang.pick(
                "Palvelutalot ja hoivakodit",
                "Serviceboenden och vårdhem",
                "Care homes and assisted-living units",
            ),
            OrgNew => lang.pick("Lisää yksikkö", "Lägg till en enhet", "Add a unit"),
            OrgNewHeading => lang.pick("Uusi yksikkö", "Ny enhet", "New unit"),
            OrgEditHeading => lang.pick(
                "Muokkaa yksikön tietoja",
                "Ändra enhetens uppgifter",
                "Change the unit's details",
            ),
            NoOrganisations => lang.pick(
                "Yksiköitä ei ole vielä.",
                "Inga enheter ännu.",
                "No units yet.",
            ),
            BackToOrganisations => lang.pick(
                "Takaisin yksiköihin",
                "Tillbaka till enheterna",
                "Back to the units",
            ),
            NameLabel => lang.pick("Yksikön nimi", "Enhetens namn", "The unit's name"),
            KindLabel => lang.pick("Millainen yksikkö", "Typ av enhet", "Kind of unit"),
            AddressLabel => lang.pick(
                "Käyntiosoite (vapaaehtoinen)",
                "Besöksadress (frivilligt)",
                "Street address (optional)",
            ),
            PhoneLabel => lang.pick(
                "Yksikön puhelinnumero (vapaaehtoinen)",
                "Enhetens telefonnummer (frivilligt)",
                "The unit's phone number (optional)",
            ),
            ContactEmailLabel => lang.pick(
                "Yhteyshenkilön sähköposti",
                "Kontaktpersonens e-post",
                "The contact person's email",
            ),
            ContactEmailHint => lang.pick(
                "Yhteyshenkilö luo ensin itse tunnuksen tällä sähköpostilla.",
                "Kontaktpersonen skapar först själv ett konto med den här e-posten.",
                "The contact person first creates an account with this email themselves.",
            ),
            Contact => lang.pick("Yhteyshenkilö", "Kontaktperson", "Contact person"),
            NoContact => lang.pick(
                "Ei yhteyshenkilöä: anna uuden yhteyshenkilön sähköposti.",
                "Ingen kontaktperson: ange den nya kontaktpersonens e-post.",
                "No contact person: give the new contact person's email.",
            ),
        }
    }
}

/// The kind of a unit, in plain words.
pub fn kind(lang: Lang, k: OrganisationKind) -> &'static str {
    match k {
        OrganisationKind::AssistedLiving => {
            lang.pick("Palvelutalo", "Serviceboende", "Assisted living")
        }
        OrganisationKind::CareHome => lang.pick("Hoivakoti", "Vårdhem", "Care home"),
        OrganisationKind::DayCentre => lang.pick("Päiväkeskus", "Dagcenter", "Day centre"),
        OrganisationKind::Other => lang.pick("Muu", "Annan", "Other"),
    }
}

/// "3 free times".
pub fn free_times(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fi, 1) => "1 vapaa aika".to_owned(),
        (Lang::Fi, n) => format!("{n} vapaata aikaa"),
        (Lang::Sv, 1) => "1 ledig tid".to_owned(),
        (Lang::Sv, n) => format!("{n} lediga tider"),
        (Lang::En, 1) => "1 free time".to_owned(),
        (Lang::En, n) => format!("{n} free times"),
    }
}

/// The label of the `n`th time (from 1) in the offer form, for the error summary and screen readers.
pub fn nth_time(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fi => format!("Aika {n}"),
        Lang::Sv => format!("Tid {n}"),
        Lang::En => format!("Time {n}"),
    }
}
