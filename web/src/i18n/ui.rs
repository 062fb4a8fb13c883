//! Texts of the frame shown on every page: skip link, header, navigation, switches and footer.

use etakirjasto_shared::Lang;

use super::Text;

/// A text of the page frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ui {
    /// The skip link, the first thing a keyboard user reaches.
    SkipToContent,
    /// Shown in the header before the library's name has loaded.
    LibraryFallbackName,
    /// Lead-in before the phone number in the header.
    PhoneLead,
    /// Accessible name of the main navigation.
    MainNav,
    /// Navigation link to the home page.
    NavHome,
    /// Navigation link to the sign-in page.
    NavSignIn,
    /// Navigation link to the registration page.
    NavRegister,
    /// Navigation link to "my page".
    NavMe,
    /// Navigation link to the staff dashboard.
    NavStaff,
    /// Navigation link to one's bookings.
    NavBookings,
    /// Label of the language button group.
    Language,
    /// Label of the text size button group.
    TextSize,
    /// Normal text size.
    SizeNormal,
    /// Large text size.
    SizeLarge,
    /// Largest text size.
    SizeLargest,
    /// Navigation link to the events.
    NavEvents,
    /// Shown while something loads.
    Loading,
    /// Footer line inviting people to phone.
    FooterHelp,
    /// The words "Error: " read before a field message by screen readers.
    ErrorPrefix,
    /// Shown when the library's details could not be loaded.
    LibraryUnavailable,
    /// Label of the library chooser.
    YourLibrary,
    /// Its button.
    ChooseLibrary,
    /// Said after choosing (followed by the library's name).
    LibraryChosen,
}

impl Text for Ui {
    fn text(self, lang: Lang) -> &'static str {
        use Ui::*;
        match self {
            SkipToContent => lang.pick("Siirry sisältöön", "Gå till innehållet", "Skip to content"),
            LibraryFallbackName => lang.pick("Etäkirjasto", "Etäkirjasto", "Etäkirjasto"),
            PhoneLead => lang.pick("Soita meille:", "Ring oss:", "Phone us:"),
            MainNav => lang.pick("Päävalikko", "Huvudmeny", "Main menu"),
            NavHome => lang.pick("Etusivu", "Startsida", "Home"),
            NavSignIn => lang.pick("Kirjaudu sisään", "Logga in", "Sign in"),
            NavRegister => lang.pick("Luo tili", "Skapa konto", "Create an account"),
            NavMe => lang.pick("Omat tiedot", "Mina uppgifter", "My page"),
            NavStaff => lang.pick("Henkilökunta", "Personal", "Staff"),
            NavBookings => lang.pick("Omat varaukset", "Mina bokningar", "My bookings"),
            Language => lang.pick("Kieli", "Språk", "Language"),
            TextSize => lang.pick("Tekstin koko", "Textstorlek", "Text size"),
            SizeNormal => lang.pick("Normaali", "Normal", "Normal"),
            SizeLarge => lang.pick("Suuri", "Stor", "Large"),
            SizeLargest => lang.pick("Suurin", "Störst", "Largest"),
            NavEvents => lang.pick("Tapahtumat", "Evenemang", "Events"),
            Loading => lang.pick("Ladataan…", "Laddar…", "Loading…"),
            YourLibrary => lang.pick("Oma kirjastosi", "Ditt bibliotek", "Your library"),
            ChooseLibrary => lang.pick("Vaihda kirjasto", "Byt bibliotek", "Change library"),
            LibraryChosen => lang.pick(
                "Kirjastosi on nyt",
                "Ditt bibliotek är nu",
                "Your library is now",
            ),
            FooterHelp => lang.pick(
                "Jos verkkopalvelun käyttö tuntuu hankalalta, soita meille. Autamme mielellämme.",
                "Om webbtjänsten känns krånglig, ring oss. Vi hjälper gärna till.",
                "If the website is hard to use, phone us. We are happy to help.",
            ),
            ErrorPrefix => lang.pick("Virhe: ", "Fel: ", "Error: "),
            LibraryUnavailable => lang.pick(
                "Kirjaston tietoja ei juuri nyt saatu. Yritä hetken kuluttua uudelleen.",
                "Bibliotekets uppgifter kunde inte hämtas just nu. Försök igen om en stund.",
                "We could not load the library's details just now. Please try again shortly.",
            ),
        }
    }
}
