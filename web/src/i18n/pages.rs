//! Texts of the page contents: home, my page, the staff dashboard and the not-found page.

use etakirjasto_shared::{Lang, Role};

use super::Text;

/// A text inside one of the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pages {
    /// Title of the home page.
    HomeTitle,
    /// Heading of the offer list on the home page.
    OfferHeading,
    /// Link from the front page to the open surveys.
    SurveysLink,
    /// Offer: reading guidance at a distance.
    OfferGuidance,
    /// Offer: events to follow from home.
    OfferEvents,
    /// Offer: books brought home.
    OfferHomeService,
    /// Offer: help with devices.
    OfferDigiHelp,
    /// Heading of the phone box on the home page.
    CallHeading,
    /// Text of the phone box on the home page.
    CallText,
    /// Heading of the branches list.
    BranchesHeading,
    /// Heading of one branch's opening hours.
    OpeningHours,
    /// Marks the main library in the branch list.
    MainLibrary,
    /// Heading and title of "my page".
    MeTitle,
    /// Label of the name on "my page".
    MeName,
    /// Label of the email on "my page".
    MeEmail,
    /// Label of the phone on "my page".
    MePhone,
    /// Label of the card number on "my page".
    MeCard,
    /// Shown for a contact detail the person has not given.
    NotGiven,
    /// Heading of the memberships list.
    Memberships,
    /// Sign-out button.
    SignOut,
    /// Shown on a page that needs sign-in.
    NeedSignIn,
    /// Heading and title of the staff dashboard.
    StaffTitle,
    /// Shown to people who are not staff.
    StaffOnly,
    /// Introduction of the staff dashboard.
    StaffIntro,
    /// Heading of the staff's libraries list.
    StaffLibraries,
    /// Heading and title of the not-found page.
    NotFoundTitle,
    /// Text of the not-found page.
    NotFoundText,
    /// Link back home from the not-found page.
    BackHome,
}

impl Text for Pages {
    fn text(self, lang: Lang) -> &'static str {
        use Pages::*;
        match self {
            HomeTitle => lang.pick("Etusivu", "Startsida", "Home"),
            SurveysLink => lang.pick(
                "Kerro, mitä palveluja tarvitset: vastaa kyselyyn",
                "Berätta vilka tjänster du behöver: svara på en enkät",
                "Tell us which services you need: answer a survey",
            ),
            OfferHeading => lang.pick(
                "Mitä etäkirjasto tarjoaa",
                "Vad distansbiblioteket erbjuder",
                "What the remote library offers",
            ),
            OfferGuidance => lang.pick(
                "Lukuneuvontaa puhelimessa tai videolla: kirjastonhoitaja auttaa löytämään luettavaa.",
                "Läsråd per telefon eller video: en bibliotekarie hjälper dig att hitta något att läsa.",
                "Reading advice by phone or video: a librarian helps you find something to read.",
            ),
            OfferEvents => lang.pick(
                "Tapahtumia ja lukupiirejä, joita voi seurata kotoa.",
                "Evenemang och läsecirklar som du kan följa hemifrån.",
                "Events and reading circles you can follow from home.",
            ),
            OfferHomeService => lang.pick(
                "Kotipalvelu: tuomme kirjat kotiin, jos et itse pääse kirjastoon.",
                "Hemservice: vi kommer med böckerna hem om du inte själv kan komma till biblioteket.",
                "Home service: we bring books to your home if you cannot come to the library.",
            ),
            OfferDigiHelp => lang.pick(
                "Apua tietokoneen, tabletin ja puhelimen käyttöön.",
                "Hjälp med dator, surfplatta och telefon.",
                "Help with computers, tablets and phones.",
            ),
            CallHeading => lang.pick("Soita kirjastoon", "Ring biblioteket", "Phone the library"),
            CallText => lang.pick(
                "Kaikki palvelut onnistuvat myös puhelimessa. Soita, niin autamme.",
                "Alla tjänster fungerar också per telefon. Ring, så hjälper vi dig.",
                "Every service also works by phone. Call us and we will help.",
            ),
            BranchesHeading => lang.pick("Kirjastot ja aukioloajat", "Bibliotek och öppettider", "Libraries and opening hours"),
            OpeningHours => lang.pick("Aukioloajat", "Öppettider", "Opening hours"),
            MainLibrary => lang.pick("pääkirjasto", "huvudbibliotek", "main library"),
            MeTitle => lang.pick("Omat tiedot", "Mina uppgifter", "My page"),
            MeName => lang.pick("Nimi", "Namn", "Name"),
            MeEmail => lang.pick("Sähköposti", "E-post", "Email"),
            MePhone => lang.pick("Puhelinnumero", "Telefonnummer", "Phone number"),
            MeCard => lang.pick("Kirjastokortti", "Lånekort", "Library card"),
            NotGiven => lang.pick("ei annettu", "inte angivet", "not given"),
            Memberships => lang.pick("Kirjastot", "Bibliotek", "Libraries"),
            SignOut => lang.pick("Kirjaudu ulos", "Logga ut", "Sign out"),
            NeedSignIn => lang.pick(
                "Kirjaudu sisään nähdäksesi tämän sivun.",
                "Logga in för att se den här sidan.",
                "Please sign in to see this page.",
            ),
            StaffTitle => lang.pick("Henkilökunnan sivu", "Personalens sida", "Staff dashboard"),
            StaffOnly => lang.pick(
                "Tämä sivu on vain kirjaston henkilökunnalle.",
                "Den här sidan är endast för bibliotekets personal.",
                "This page is only for library staff.",
            ),
            StaffIntro => lang.pick(
                "Täältä hoidat kirjaston etäpalveluja.",
                "Här sköter du bibliotekets distanstjänster.",
                "This is where you run the library's remote services.",
            ),
            StaffLibraries => lang.pick("Kirjastosi", "Dina bibliotek", "Your libraries"),
            NotFoundTitle => lang.pick("Sivua ei löytynyt", "Sidan hittades inte", "Page not found"),
            NotFoundText => lang.pick(
                "Osoitteessa ei ole sivua. Tarkista osoite tai palaa etusivulle.",
                "Det finns ingen sida på den här adressen. Kontrollera adressen eller gå tillbaka till startsidan.",
                "There is no page at this address. Check the address or go back to the home page.",
            ),
            BackHome => lang.pick("Etusivulle", "Till startsidan", "Go to the home page"),
        }
    }
}

/// The name of a role, in `lang`.
pub fn role_name(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Patron => lang.pick("asiakas", "kund", "patron"),
        Role::Staff => lang.pick("henkilökunta", "personal", "staff"),
        Role::Admin => lang.pick("pääkäyttäjä", "administratör", "administrator"),
    }
}
