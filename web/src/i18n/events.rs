//! Texts of the event pages: the list with its filters, one event, and registering for it.

use etakirjasto_shared::{Audience, EventCategory, EventMode, Lang};

use super::Text;

/// A text of the event pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Events {
    /// Title of the event list.
    Title,
    /// The line under the list's heading.
    Intro,
    /// Legend of the filters.
    FilterLegend,
    /// Label of the kind filter.
    KindLabel,
    /// Label of the audience filter.
    AudienceLabel,
    /// Label of the place filter.
    WhereLabel,
    /// "Any" in a filter.
    Any,
    /// Filter: the library.
    LibraryLabel,
    /// Every library of the region.
    AllLibraries,
    /// Button applying the filters.
    Show,
    /// No events match.
    NoneFound,
    /// Back to the list.
    BackToList,
    /// Shown on a cancelled event.
    Cancelled,
    /// Label of the time.
    When,
    /// Label of the place.
    Place,
    /// Label of the places left.
    Places,
    /// Places at the library.
    OnSitePlaces,
    /// Places on the video link.
    OnlinePlaces,
    /// Heading of the accessibility note.
    Accessibility,
    /// Link to the calendar file.
    AddToCalendar,
    /// Heading of the registration form.
    RegisterHeading,
    /// No registration needed.
    NoRegistration,
    /// Registration is not open.
    RegistrationNotOpen,
    /// Legend of the seat type.
    SeatLegend,
    /// At the library.
    SeatOnSite,
    /// Online from home.
    SeatOnline,
    /// Label of the number of people.
    SeatsLabel,
    /// Label of the needs.
    NeedsLabel,
    /// Hint of the needs.
    NeedsHint,
    /// Label of the name.
    NameLabel,
    /// Label of the email.
    EmailLabel,
    /// Label of the phone.
    PhoneLabel,
    /// Hint about the contact details.
    ContactHint,
    /// Registering for the whole series.
    WholeSeries,
    /// Hint for the whole-series choice.
    WholeSeriesHint,
    /// The submit button.
    RegisterButton,
    /// Confirmation.
    Confirmed,
    /// What to do when one cannot come.
    CannotCome,
    /// Heading of the confirmation.
    DoneHeading,
    /// The video link's button.
    JoinLink,
    /// Link to the list view.
    ListView,
    /// Link to the month view.
    MonthView,
    /// Label of the way of showing events.
    ViewLabel,
    /// Link to the previous month.
    PreviousMonth,
    /// Link to the next month.
    NextMonth,
    /// Nothing in the month.
    NoneInMonth,
    /// Heading of one's own registrations.
    MyRegistrations,
    /// No registrations.
    NoRegistrations,
    /// Cancelling one's registration.
    CancelRegistration,
    /// After cancelling.
    RegistrationCancelled,
    /// A confirmed registration.
    StatusConfirmed,
    /// Link to a guest's registration page.
    ManageLink,
    /// Title of a registration's page.
    RegistrationTitle,
}

impl Text for Events {
    fn text(self, lang: Lang) -> &'static str {
        use Events::*;
        match self {
            Title => lang.pick("Tapahtumat", "Evenemang", "Events"),
            ListView => lang.pick("Listana", "Som lista", "As a list"),
            ManageLink => lang.pick(
                "Tallenna tämä linkki: sen kautta voit perua ilmoittautumisesi",
                "Spara den här länken: via den kan du avboka din anmälan",
                "Keep this link: you can cancel your registration with it",
            ),
            RegistrationTitle => lang.pick("Ilmoittautumisesi", "Din anmälan", "Your registration"),
            MyRegistrations => lang.pick(
                "Ilmoittautumiseni tapahtumiin",
                "Mina anmälningar till evenemang",
                "My event registrations",
            ),
            NoRegistrations => lang.pick(
                "Et ole ilmoittautunut tuleviin tapahtumiin.",
                "Du har inte anmält dig till kommande evenemang.",
                "You have not registered for any coming events.",
            ),
            CancelRegistration => lang.pick(
                "Peru ilmoittautuminen",
                "Avboka anmälan",
                "Cancel the registration",
            ),
            RegistrationCancelled => lang.pick(
                "Ilmoittautuminen on peruttu.",
                "Anmälan är avbokad.",
                "The registration is cancelled.",
            ),
            StatusConfirmed => lang.pick("Paikka varattu", "Plats bokad", "Place booked"),
            MonthView => lang.pick("Kuukausinäkymä", "Månadsvy", "Month view"),
            ViewLabel => lang.pick("Näytä tapahtumat", "Visa evenemangen", "Show the events"),
            PreviousMonth => lang.pick("Edellinen kuukausi", "Föregående månad", "Previous month"),
            NextMonth => lang.pick("Seuraava kuukausi", "Nästa månad", "Next month"),
            NoneInMonth => lang.pick(
                "Tässä kuussa ei ole tapahtumia näillä rajauksilla.",
                "Inga evenemang denna månad med dessa val.",
                "No events this month with these filters.",
            ),
            Intro => lang.pick(
                "Lukupiirit, kirjailijavierailut ja kurssit. Osallistu kirjastossa tai kotoa verkon kautta.",
                "Läscirklar, författarbesök och kurser. Delta i biblioteket eller hemifrån via nätet.",
                "Reading circles, author visits and classes. Take part at the library or from home online.",
            ),
            FilterLegend => lang.pick("Rajaa tapahtumia", "Avgränsa evenemangen", "Filter the events"),
            KindLabel => lang.pick("Tapahtuman laji", "Typ av evenemang", "Kind of event"),
            AudienceLabel => lang.pick("Kenelle", "För vem", "Who for"),
            WhereLabel => lang.pick("Missä", "Var", "Where"),
            Any => lang.pick("Kaikki", "Alla", "All"),
            LibraryLabel => lang.pick("Kirjasto", "Bibliotek", "Library"),
            AllLibraries => lang.pick("Kaikki alueen kirjastot", "Alla bibliotek i regionen", "All libraries of the region"),
            Show => lang.pick("Näytä", "Visa", "Show"),
            NoneFound => lang.pick(
                "Näillä valinnoilla ei ole tulevia tapahtumia.",
                "Det finns inga kommande evenemang med dessa val.",
                "There are no coming events with these choices.",
            ),
            BackToList => lang.pick("Kaikki tapahtumat", "Alla evenemang", "All events"),
            Cancelled => lang.pick("Peruttu", "Inställt", "Cancelled"),
            When => lang.pick("Aika", "Tid", "When"),
            Place => lang.pick("Paikka", "Plats", "Place"),
            Places => lang.pick("Paikkoja", "Platser", "Places"),
            OnSitePlaces => lang.pick("kirjastossa", "i biblioteket", "at the library"),
            OnlinePlaces => lang.pick("verkossa", "på nätet", "online"),
            Accessibility => lang.pick("Saavutettavuus", "Tillgänglighet", "Accessibility"),
            AddToCalendar => lang.pick("Lisää kalenteriin", "Lägg till i kalendern", "Add to my calendar"),
            RegisterHeading => lang.pick("Ilmoittaudu", "Anmäl dig", "Register"),
            NoRegistration => lang.pick(
                "Ilmoittautumista ei tarvita. Tervetuloa!",
                "Ingen anmälan behövs. Välkommen!",
                "No need to register. Welcome!",
            ),
            RegistrationNotOpen => lang.pick(
                "Ilmoittautuminen ei ole nyt auki.",
                "Anmälan är inte öppen nu.",
                "Registration is not open now.",
            ),
            SeatLegend => lang.pick("Miten osallistut?", "Hur deltar du?", "How will you take part?"),
            SeatOnSite => lang.pick("Tulen kirjastoon", "Jag kommer till biblioteket", "I will come to the library"),
            SeatOnline => lang.pick("Osallistun verkossa kotoa", "Jag deltar på nätet hemifrån", "I will take part online from home"),
            SeatsLabel => lang.pick("Montako henkilöä tulee?", "Hur många personer kommer?", "How many people are coming?"),
            NeedsLabel => lang.pick("Tarpeet (vapaaehtoinen)", "Behov (frivilligt)", "Needs (optional)"),
            NeedsHint => lang.pick(
                "Esimerkiksi tekstitys, induktiosilmukka tai avustaja. Vain henkilökunta näkee tämän.",
                "Till exempel textning, hörslinga eller assistent. Endast personalen ser detta.",
                "For example captions, an induction loop or an assistant. Only staff see this.",
            ),
            NameLabel => lang.pick("Nimi", "Namn", "Name"),
            EmailLabel => lang.pick("Sähköposti", "E-post", "Email"),
            PhoneLabel => lang.pick("Puhelinnumero", "Telefonnummer", "Phone number"),
            ContactHint => lang.pick(
                "Anna sähköposti tai puhelinnumero, jotta voimme kertoa muutoksista.",
                "Ange e-post eller telefonnummer så att vi kan berätta om ändringar.",
                "Give an email address or a phone number so we can tell you about changes.",
            ),
            WholeSeries => lang.pick(
                "Ilmoittaudu kaikkiin tuleviin kertoihin",
                "Anmäl mig till alla kommande tillfällen",
                "Register me for all coming sessions",
            ),
            WholeSeriesHint => lang.pick(
                "Tapahtuma toistuu. Voit ilmoittautua vain tähän kertaan tai kaikkiin.",
                "Evenemanget återkommer. Du kan anmäla dig bara till detta tillfälle eller till alla.",
                "This event repeats. You can register for this time only or for all of them.",
            ),
            RegisterButton => lang.pick("Ilmoittaudu", "Anmäl mig", "Register me"),
            Confirmed => lang.pick(
                "Olet ilmoittautunut. Tervetuloa!",
                "Du är anmäld. Välkommen!",
                "You are registered. Welcome!",
            ),
            CannotCome => lang.pick(
                "Jos et pääsekään, soita kirjastoon, niin paikkasi vapautuu muille.",
                "Om du inte kan komma, ring biblioteket så går platsen till någon annan.",
                "If you cannot come after all, phone the library so your place can go to someone else.",
            ),
            DoneHeading => lang.pick("Ilmoittautuminen on tehty", "Anmälan är gjord", "You are registered"),
            JoinLink => lang.pick("Liity verkkotapahtumaan", "Gå med på nätet", "Join online"),
        }
    }
}

/// The name of a kind of event.
pub fn category(lang: Lang, c: EventCategory) -> &'static str {
    match c {
        EventCategory::ReadingCircle => lang.pick("Lukupiiri", "Läscirkel", "Reading circle"),
        EventCategory::AuthorVisit => {
            lang.pick("Kirjailijavierailu", "Författarbesök", "Author visit")
        }
        EventCategory::Class => lang.pick("Kurssi", "Kurs", "Class"),
        EventCategory::CareHomeProgramme => lang.pick(
            "Ohjelma hoivakodeille",
            "Program för omsorgsboenden",
            "Care-home programme",
        ),
        EventCategory::Other => lang.pick("Muu", "Annat", "Other"),
    }
}

/// Who an event is for.
pub fn audience(lang: Lang, a: Audience) -> &'static str {
    match a {
        Audience::Everyone => lang.pick("Kaikille", "Alla", "Everyone"),
        Audience::Adults => lang.pick("Aikuisille", "Vuxna", "Adults"),
        Audience::Elderly => lang.pick("Ikäihmisille", "Äldre", "Older people"),
        Audience::Children => lang.pick("Lapsille", "Barn", "Children"),
        Audience::Youth => lang.pick("Nuorille", "Unga", "Young people"),
        Audience::Families => lang.pick("Perheille", "Familjer", "Families"),
    }
}

/// Where an event happens.
pub fn mode(lang: Lang, m: EventMode) -> &'static str {
    match m {
        EventMode::OnSite => lang.pick("Kirjastossa", "I biblioteket", "At the library"),
        EventMode::Online => lang.pick("Verkossa", "På nätet", "Online"),
        EventMode::Hybrid => lang.pick(
            "Kirjastossa ja verkossa",
            "I biblioteket och på nätet",
            "At the library and online",
        ),
    }
}

/// Places left of one kind: "5 vapaana", or that the list is full and one can wait.
pub fn places_left(lang: Lang, free: u32) -> String {
    if free == 0 {
        return lang
            .pick(
                "täynnä, voit jonottaa",
                "fullt, du kan ställa dig i kö",
                "full, you can join the waiting list",
            )
            .to_owned();
    }
    match lang {
        Lang::Fi => format!("{free} vapaana"),
        Lang::Sv => format!("{free} lediga"),
        Lang::En => format!("{free} free"),
    }
}

/// The place on the waiting list.
pub fn waiting(lang: Lang, position: u32) -> String {
    match lang {
        Lang::Fi => {
            format!("Olet jonossa sijalla {position}. Saat paikan automaattisesti, jos joku peruu.")
        }
        Lang::Sv => format!(
            "Du står i kö på plats {position}. Du får en plats automatiskt om någon avbokar."
        ),
        Lang::En => format!(
            "You are number {position} on the waiting list. You get a place automatically if someone cancels."
        ),
    }
}

/// How many coming sessions a whole-series registration covered.
pub fn series_done(lang: Lang, registered: usize) -> String {
    match lang {
        Lang::Fi => format!("Ilmoittauduit {registered} tulevaan kertaan."),
        Lang::Sv => format!("Du anmälde dig till {registered} kommande tillfällen."),
        Lang::En => format!("You registered for {registered} coming sessions."),
    }
}

/// The link to a guest's own page of the n-th time of a series they registered for.
pub fn manage_occurrence(lang: Lang, n: usize, day: &str) -> String {
    match lang {
        Lang::Fi => format!("{n}. kerta ({day}): oma sivusi, jolla voit perua"),
        Lang::Sv => format!("Tillfälle {n} ({day}): din sida där du kan avboka"),
        Lang::En => format!("Session {n} ({day}): your page, where you can cancel"),
    }
}

/// "At most N" under the number of people.
pub fn at_most(lang: Lang, max: u32) -> String {
    match lang {
        Lang::Fi => format!("Enintään {max}."),
        Lang::Sv => format!("Högst {max}."),
        Lang::En => format!("At most {max}."),
    }
}

/// A month and year as a heading: "joulukuu 2026", "december 2026", "December 2026".
pub fn month_title(lang: Lang, year: i32, month: u32) -> String {
    format!("{} {year}", etakirjasto_shared::dates::month(lang, month))
}

/// A weekday's short name for a column heading: "ma", "mån", "Mon".
pub fn weekday_short(lang: Lang, iso: u8) -> &'static str {
    etakirjasto_shared::dates::weekday_short(lang, iso)
}
