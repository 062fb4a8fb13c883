//! Texts of the care-home programme pages: the offers, a unit's booking form and bookings, and the
//! staff's list of programme bookings.

use etakirjasto_shared::{Lang, ProgrammeStatus};

use super::Text;

/// A text of the programme pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Programmes {
    /// Title of the page.
    Title,
    /// The line under the heading.
    Intro,
    /// Heading of the offers.
    OffersHeading,
    /// Label of the length.
    Length,
    /// Label of the group size.
    GroupSize,
    /// Any group size.
    AnySize,
    /// Label of the free times.
    FreeTimes,
    /// No free times.
    NoFreeTimes,
    /// Link to booking a time.
    BookLink,
    /// For signed-out visitors.
    ForContacts,
    /// Signed in but not a unit's contact.
    NotAContact,
    /// Heading of the unit's bookings.
    OurBookings,
    /// No bookings yet.
    NoBookings,
    /// Label of the status.
    Status,
    /// Label of the proposed time.
    ProposedTime,
    /// Accepting the proposed time.
    Accept,
    /// Cancelling a booking.
    Cancel,
    /// The video link.
    JoinLink,
    /// Label of the library's note.
    MessageFromLibrary,
    /// Heading of the booking form.
    FormHeading,
    /// Legend of the time choice.
    TimeLegend,
    /// Label of the unit.
    OrganisationLabel,
    /// Label of the number of residents.
    ResidentsLabel,
    /// Hint of the number of residents.
    ResidentsHint,
    /// Label of the equipment.
    EquipmentLabel,
    /// Hint of the equipment.
    EquipmentHint,
    /// Label of the on-site contact's name.
    OnsiteNameLabel,
    /// Label of the on-site contact's phone.
    OnsitePhoneLabel,
    /// Label of the wishes.
    WishesLabel,
    /// Button sending the request.
    Send,
    /// Heading after sending.
    SentHeading,
    /// Text after sending.
    SentText,
    /// Back to the offers.
    BackToOffers,
    /// Title of the staff page.
    StaffTitle,
    /// The line under the staff page's heading.
    StaffIntro,
    /// Link from the staff dashboard.
    StaffLink,
    /// Label of the residents count.
    Residents,
    /// Label of the equipment.
    Equipment,
    /// Label of the on-site contact.
    OnsiteContact,
    /// Label of the wishes.
    Wishes,
    /// Link to handling a booking.
    Handle,
    /// Confirming a requested time.
    Confirm,
    /// Label of the note to the unit.
    MessageLabel,
    /// Legend of proposing another time.
    ProposeLegend,
    /// Button proposing the chosen time.
    ProposeButton,
    /// No other time to propose.
    NothingToPropose,
    /// Heading of recording the outcome.
    OutcomeHeading,
    /// Label of the participants count.
    ParticipantsLabel,
    /// Label of the feedback.
    FeedbackLabel,
    /// Button saving the outcome.
    SaveOutcome,
    /// Label of the participants in the list.
    Participants,
    /// Label of the feedback in the list.
    Feedback,
    /// Back to the staff list.
    BackToList,
    /// Saved.
    Saved,
}

impl Text for Programmes {
    fn text(self, lang: Lang) -> &'static str {
        use Programmes::*;
        match self {
            Title => lang.pick(
                "Etäohjelmat hoivakodeille",
                "Distansprogram för vårdhem",
                "Remote programmes for care homes",
            ),
            Intro => lang.pick(
                "Kirjasto pitää palvelutalojen, hoivakotien ja päiväkeskusten ryhmille tuokioita videon välityksellä yksikön omalle näytölle.",
                "Biblioteket håller stunder för grupper i serviceboenden, vårdhem och dagcenter via video på enhetens egen skärm.",
                "The library runs sessions for groups in assisted-living units, care homes and day centres, by video on the unit's own screen.",
            ),
            OffersHeading => lang.pick("Ohjelmat", "Program", "Programmes"),
            Length => lang.pick("Kesto", "Längd", "Length"),
            GroupSize => lang.pick("Ryhmän koko", "Gruppens storlek", "Group size"),
            AnySize => lang.pick("Ei rajaa", "Ingen gräns", "No limit"),
            FreeTimes => lang.pick("Vapaat ajat", "Lediga tider", "Free times"),
            NoFreeTimes => lang.pick(
                "Ei vapaita aikoja juuri nyt. Soita kirjastoon, niin sovitaan aika.",
                "Inga lediga tider just nu. Ring biblioteket så kommer vi överens om en tid.",
                "No free times just now. Call the library and we will agree on a time.",
            ),
            BookLink => lang.pick(
                "Varaa aika ryhmällenne",
                "Boka en tid för er grupp",
                "Book a time for your group",
            ),
            ForContacts => lang.pick(
                "Varaaminen on yksiköiden yhteyshenkilöille. Kirjaudu sisään yksikkösi yhteyshenkilön tunnuksella.",
                "Bokningen är för enheternas kontaktpersoner. Logga in med kontaktpersonens konto.",
                "Booking is for the units' contact people. Sign in with your unit's contact account.",
            ),
            NotAContact => lang.pick(
                "Tunnuksesi ei ole minkään yksikön yhteyshenkilö. Soita kirjastoon, niin lisäämme yksikkösi.",
                "Ditt konto är inte kontaktperson för någon enhet. Ring biblioteket så lägger vi till er enhet.",
                "Your account is not the contact of any unit. Call the library and we will add your unit.",
            ),
            OurBookings => lang.pick(
                "Yksikkönne varaukset",
                "Er enhets bokningar",
                "Your unit's bookings",
            ),
            NoBookings => lang.pick(
                "Ei varauksia.",
                "Inga bokningar.",
                "No bookings.",
            ),
            Status => lang.pick("Tilanne", "Läge", "Status"),
            ProposedTime => lang.pick(
                "Kirjaston ehdottama aika",
                "Tid som biblioteket föreslår",
                "Time the library proposes",
            ),
            Accept => lang.pick(
                "Hyväksy ehdotettu aika",
                "Godkänn den föreslagna tiden",
                "Accept the proposed time",
            ),
            Cancel => lang.pick("Peru varaus", "Avboka", "Cancel the booking"),
            JoinLink => lang.pick(
                "Avaa videoyhteys",
                "Öppna videolänken",
                "Open the video link",
            ),
            MessageFromLibrary => lang.pick(
                "Viesti kirjastolta",
                "Meddelande från biblioteket",
                "Message from the library",
            ),
            FormHeading => lang.pick("Varaa aika", "Boka en tid", "Book a time"),
            TimeLegend => lang.pick("Valitse aika", "Välj en tid", "Choose a time"),
            OrganisationLabel => lang.pick("Yksikkö", "Enhet", "Unit"),
            ResidentsLabel => lang.pick(
                "Montako asukasta osallistuu",
                "Hur många boende deltar",
                "How many residents take part",
            ),
            ResidentsHint => lang.pick(
                "Pelkkä lukumäärä, ei nimiä.",
                "Endast antalet, inga namn.",
                "Just the number, no names.",
            ),
            EquipmentLabel => lang.pick(
                "Tilan laitteet",
                "Utrustning i rummet",
                "Equipment in the room",
            ),
            EquipmentHint => lang.pick(
                "Esimerkiksi iso näyttö, kamera ja kaiutin.",
                "Till exempel stor skärm, kamera och högtalare.",
                "For example a large screen, a camera and a speaker.",
            ),
            OnsiteNameLabel => lang.pick(
                "Ryhmän kanssa paikalla oleva henkilö",
                "Person som är med gruppen",
                "Person with the group on the day",
            ),
            OnsitePhoneLabel => lang.pick(
                "Hänen puhelinnumeronsa",
                "Hens telefonnummer",
                "Their phone number",
            ),
            WishesLabel => lang.pick(
                "Toiveet (vapaaehtoinen)",
                "Önskemål (frivilligt)",
                "Wishes (optional)",
            ),
            Send => lang.pick("Lähetä pyyntö", "Skicka förfrågan", "Send the request"),
            SentHeading => lang.pick("Pyyntö lähetetty", "Förfrågan skickad", "Request sent"),
            SentText => lang.pick(
                "Kirjasto vahvistaa ajan tai ehdottaa toista. Näet tilanteen tältä sivulta.",
                "Biblioteket bekräftar tiden eller föreslår en annan. Du ser läget på den här sidan.",
                "The library confirms the time or proposes another. You can follow it on this page.",
            ),
            BackToOffers => lang.pick(
                "Takaisin ohjelmiin",
                "Tillbaka till programmen",
                "Back to the programmes",
            ),
            StaffTitle => lang.pick(
                "Hoivakotien ohjelmavaraukset",
                "Vårdhemmens programbokningar",
                "Care-home programme bookings",
            ),
            StaffIntro => lang.pick(
                "Vahvista pyydetyt ajat tai ehdota toista, ja kirjaa jälkikäteen osallistujat ja palaute.",
                "Bekräfta begärda tider eller föreslå en annan, och för in deltagarna och responsen efteråt.",
                "Confirm requested times or propose another, and record the participants and feedback afterwards.",
            ),
            StaffLink => lang.pick(
                "Hoivakotien ohjelmavaraukset",
                "Vårdhemmens programbokningar",
                "Care-home programme bookings",
            ),
            Residents => lang.pick("Asukkaita", "Boende", "Residents"),
            Equipment => lang.pick("Laitteet", "Utrustning", "Equipment"),
            OnsiteContact => lang.pick(
                "Yhteyshenkilö paikalla",
                "Kontaktperson på plats",
                "Contact on site",
            ),
            Wishes => lang.pick("Toiveet", "Önskemål", "Wishes"),
            Handle => lang.pick("Käsittele", "Hantera", "Handle"),
            Confirm => lang.pick("Vahvista aika", "Bekräfta tiden", "Confirm the time"),
            MessageLabel => lang.pick(
                "Viesti yksikölle (vapaaehtoinen)",
                "Meddelande till enheten (frivilligt)",
                "Message to the unit (optional)",
            ),
            ProposeLegend => lang.pick(
                "Ehdota toista ohjelman vapaista ajoista",
                "Föreslå en annan av programmets lediga tider",
                "Propose another of the programme's free times",
            ),
            ProposeButton => lang.pick(
                "Ehdota valittua aikaa",
                "Föreslå den valda tiden",
                "Propose the chosen time",
            ),
            NothingToPropose => lang.pick(
                "Ohjelmalla ei ole muita vapaita aikoja. Lisää aikoja ohjelmaan tai peru varaus.",
                "Programmet har inga andra lediga tider. Lägg till tider eller avboka.",
                "The programme has no other free times. Add times to it or cancel the booking.",
            ),
            OutcomeHeading => lang.pick(
                "Miten tuokio meni",
                "Hur stunden gick",
                "How the session went",
            ),
            ParticipantsLabel => lang.pick(
                "Montako asukasta osallistui",
                "Hur många boende deltog",
                "How many residents took part",
            ),
            FeedbackLabel => lang.pick(
                "Yksikön palaute (vapaaehtoinen)",
                "Enhetens respons (frivilligt)",
                "The unit's feedback (optional)",
            ),
            SaveOutcome => lang.pick("Tallenna", "Spara", "Save"),
            Participants => lang.pick("Osallistui", "Deltog", "Took part"),
            Feedback => lang.pick("Palaute", "Respons", "Feedback"),
            BackToList => lang.pick(
                "Takaisin varauksiin",
                "Tillbaka till bokningarna",
                "Back to the bookings",
            ),
            Saved => lang.pick("Tallennettu.", "Sparat.", "Saved."),
        }
    }
}

/// Where a booking stands, in plain words.
pub fn status(lang: Lang, s: ProgrammeStatus) -> &'static str {
    match s {
        ProgrammeStatus::Requested => lang.pick(
            "Odottaa kirjaston vahvistusta",
            "Väntar på bibliotekets bekräftelse",
            "Waiting for the library to confirm",
        ),
        ProgrammeStatus::Proposed => lang.pick(
            "Kirjasto ehdottaa toista aikaa",
            "Biblioteket föreslår en annan tid",
            "The library proposes another time",
        ),
        ProgrammeStatus::Confirmed => lang.pick("Vahvistettu", "Bekräftad", "Confirmed"),
        ProgrammeStatus::Held => lang.pick("Pidetty", "Hållen", "Held"),
        ProgrammeStatus::Cancelled => lang.pick("Peruttu", "Avbokad", "Cancelled"),
    }
}

/// "45 minutes".
pub fn minutes(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Fi => format!("{n} minuuttia"),
        Lang::Sv => format!("{n} minuter"),
        Lang::En => format!("{n} minutes"),
    }
}

/// "At most 12 residents".
pub fn at_most_residents(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Fi => format!("Enintään {n} asukasta"),
        Lang::Sv => format!("Högst {n} boende"),
        Lang::En => format!("At most {n} residents"),
    }
}
