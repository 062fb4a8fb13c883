//! Texts of the staff's event pages: the library's coming events, one event's participants,
//! attendance, the spreadsheet, writing to everyone registered and cancelling the event.

use etakirjasto_shared::Lang;

use super::Text;

/// A text of the staff's event pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffEvents {
    /// Title of the page.
    Title,
    /// Link from the dashboard.
    StaffLink,
    /// No coming events.
    NoEvents,
    /// Back to the list.
    BackToList,
    /// Heading of the participants.
    Participants,
    /// No one registered.
    NoParticipants,
    /// Column: name.
    Name,
    /// Column: contact.
    Contact,
    /// Column: seat type and seats.
    Seat,
    /// Column: status.
    Status,
    /// Column: needs.
    Needs,
    /// Column: attendance.
    Attended,
    /// Took part.
    Present,
    /// Did not take part.
    Absent,
    /// Marking attendance opens when the event starts.
    AttendanceLater,
    /// Download the list.
    Download,
    /// Heading of the message form.
    MessageHeading,
    /// Label of the message.
    MessageLabel,
    /// Hint of the message.
    MessageHint,
    /// The send button.
    Send,
    /// Heading of cancelling.
    CancelHeading,
    /// What cancelling does.
    CancelWhat,
    /// The cancel button.
    CancelButton,
    /// Confirm cancelling.
    CancelConfirm,
    /// Keep the event.
    Keep,
    /// The event is cancelled.
    Cancelled,
    /// Registered by staff.
    ByStaff,
    /// Moving someone to the online seats.
    MoveOnline,
    /// Moving someone to the on-site seats.
    MoveOnSite,
    /// Heading of registering someone.
    RegisterHeading,
    /// What it is for.
    RegisterIntro,
    /// Label of the person's language.
    LanguageLabel,
    /// The consent checkbox.
    ConsentLabel,
    /// The button.
    RegisterButton,
    /// Link to a new event.
    NewEvent,
    /// Heading of a new event.
    NewHeading,
    /// Heading of an event being changed.
    EditHeading,
    /// Link to change an event.
    EditLink,
    /// The kind of event.
    CategoryLabel,
    /// Where it happens.
    ModeLegend,
    /// The start time.
    StartLabel,
    /// The end time.
    EndLabel,
    /// The end date, when not the start's.
    EndDateLabel,
    /// The branch.
    BranchLabel,
    /// No branch chosen.
    NoBranch,
    /// The room.
    RoomLabel,
    /// The video link.
    JoinUrlLabel,
    /// Its hint.
    JoinUrlHint,
    /// Minutes before the start the link shows.
    JoinVisibleLabel,
    /// Seats in the room.
    OnSiteCapacityLabel,
    /// Places online.
    OnlineCapacityLabel,
    /// Most seats per registration.
    MaxSeatsLabel,
    /// Registration needed.
    RegistrationRequiredLabel,
    /// When registration opens.
    OpensLegend,
    /// When registration closes.
    ClosesLegend,
    /// Accessibility note in Finnish.
    A11yFi,
    /// Its hint.
    A11yHint,
    /// Accessibility note in Swedish.
    A11ySv,
    /// Accessibility note in English.
    A11yEn,
    /// How it repeats.
    RepeatLabel,
    /// Once.
    RepeatNone,
    /// Every week.
    RepeatWeekly,
    /// Every month.
    RepeatMonthly,
    /// The last date of a series.
    UntilLabel,
    /// Its hint.
    UntilHint,
    /// Saving.
    Save,
    /// Saved.
    Saved,
}

impl Text for StaffEvents {
    fn text(self, lang: Lang) -> &'static str {
        use StaffEvents::*;
        match self {
            Title => lang.pick("Tapahtumat ja osallistujat", "Evenemang och deltagare", "Events and participants"),
            StaffLink => lang.pick("Tapahtumat ja osallistujat", "Evenemang och deltagare", "Events and participants"),
            NoEvents => lang.pick("Ei tulevia tapahtumia.", "Inga kommande evenemang.", "No coming events."),
            BackToList => lang.pick("Takaisin tapahtumiin", "Tillbaka till evenemangen", "Back to the events"),
            Participants => lang.pick("Osallistujat", "Deltagare", "Participants"),
            NoParticipants => lang.pick("Kukaan ei ole vielä ilmoittautunut.", "Ingen har anmält sig ännu.", "Nobody has registered yet."),
            Name => lang.pick("Nimi", "Namn", "Name"),
            Contact => lang.pick("Yhteystiedot", "Kontaktuppgifter", "Contact"),
            Seat => lang.pick("Paikka", "Plats", "Seat"),
            Status => lang.pick("Tila", "Status", "Status"),
            Needs => lang.pick("Tarpeet", "Behov", "Needs"),
            Attended => lang.pick("Osallistui", "Deltog", "Attended"),
            Present => lang.pick("Paikalla", "Närvarande", "Present"),
            Absent => lang.pick("Ei paikalla", "Frånvarande", "Absent"),
            AttendanceLater => lang.pick(
                "Osallistumisen voi merkitä, kun tapahtuma on alkanut.",
                "Deltagandet kan markeras när evenemanget har börjat.",
                "Attendance can be marked once the event has started.",
            ),
            Download => lang.pick("Lataa osallistujalista (CSV)", "Ladda ner deltagarlistan (CSV)", "Download the participant list (CSV)"),
            MessageHeading => lang.pick("Viesti kaikille ilmoittautuneille", "Meddelande till alla anmälda", "Message everyone registered"),
            MessageLabel => lang.pick("Viesti", "Meddelande", "Message"),
            MessageHint => lang.pick(
                "Menee jokaiselle ilmoittautuneelle ja jonossa olevalle hänen valitsemallaan tavalla. Tapahtuman nimi, aika ja linkki lisätään.",
                "Går till alla anmälda och köande på det sätt de valt. Evenemangets namn, tid och länk läggs till.",
                "Goes to everyone registered or waiting, the way each has chosen. The event's name, time and link are added.",
            ),
            Send => lang.pick("Lähetä viesti", "Skicka meddelandet", "Send the message"),
            CancelHeading => lang.pick("Tapahtuman peruminen", "Ställa in evenemanget", "Cancelling the event"),
            CancelWhat => lang.pick(
                "Ilmoittautuminen sulkeutuu ja jokaiselle ilmoittautuneelle kerrotaan perumisesta.",
                "Anmälan stängs och alla anmälda får veta att det är inställt.",
                "Registration closes and everyone registered is told it is cancelled.",
            ),
            CancelButton => lang.pick("Peru tapahtuma", "Ställ in evenemanget", "Cancel the event"),
            CancelConfirm => lang.pick("Kyllä, peru tapahtuma", "Ja, ställ in evenemanget", "Yes, cancel the event"),
            Keep => lang.pick("Älä peru", "Ställ inte in", "Do not cancel"),
            Cancelled => lang.pick("Tapahtuma on peruttu.", "Evenemanget är inställt.", "The event is cancelled."),
            ByStaff => lang.pick("henkilökunnan ilmoittama", "anmäld av personalen", "registered by staff"),
            MoveOnline => lang.pick("Siirrä etäpaikalle", "Flytta till distansplats", "Move to an online seat"),
            MoveOnSite => lang.pick("Siirrä paikan päälle", "Flytta till plats på plats", "Move to an on-site seat"),
            RegisterHeading => lang.pick(
                "Ilmoita osallistuja",
                "Anmäl en deltagare",
                "Register someone",
            ),
            RegisterIntro => lang.pick(
                "Kun joku soittaa tai tulee tiskille: hän saa vahvistuksen sähköpostiin tai tekstiviestinä.",
                "När någon ringer eller kommer till disken: hen får bekräftelsen per e-post eller sms.",
                "When someone phones or comes to the desk: they get the confirmation by email or text message.",
            ),
            LanguageLabel => lang.pick("Viestien kieli", "Meddelandenas språk", "Language of the messages"),
            ConsentLabel => lang.pick(
                "Henkilö suostuu ilmoittautumiseen ja siihen, että hänen yhteystietonsa tallennetaan",
                "Personen samtycker till anmälan och till att hens kontaktuppgifter sparas",
                "The person agrees to the registration and to their contact details being stored",
            ),
            RegisterButton => lang.pick("Ilmoita", "Anmäl", "Register"),
            NewEvent => lang.pick("Uusi tapahtuma", "Nytt evenemang", "New event"),
            NewHeading => lang.pick("Uusi tapahtuma", "Nytt evenemang", "New event"),
            EditHeading => lang.pick("Muokkaa tapahtumaa", "Ändra evenemanget", "Change the event"),
            EditLink => lang.pick("Muokkaa tapahtuman tietoja", "Ändra evenemangets uppgifter", "Change the event's details"),
            CategoryLabel => lang.pick("Tapahtuman tyyppi", "Typ av evenemang", "Kind of event"),
            ModeLegend => lang.pick("Missä tapahtuma on", "Var evenemanget hålls", "Where it happens"),
            StartLabel => lang.pick("Alkaa klo", "Börjar kl.", "Starts at"),
            EndDateLabel => lang.pick("Päättymispäivä (tyhjä: sama päivä)", "Slutdatum (tomt: samma dag)", "End date (empty: the same day)"),
            EndLabel => lang.pick("Päättyy klo", "Slutar kl.", "Ends at"),
            BranchLabel => lang.pick("Toimipiste", "Filial", "Branch"),
            NoBranch => lang.pick("Ei valittu", "Inte vald", "Not chosen"),
            RoomLabel => lang.pick("Tila (vapaaehtoinen)", "Rum (frivilligt)", "Room (optional)"),
            JoinUrlLabel => lang.pick("Videolinkki", "Videolänk", "Video link"),
            JoinUrlHint => lang.pick("Alkaa https://. Näkyy vain ilmoittautuneille ja henkilökunnalle.", "Börjar med https://. Syns bara för anmälda och personalen.", "Starts with https://. Shown only to those registered and to staff."),
            JoinVisibleLabel => lang.pick("Linkki näkyy minuuttia ennen alkua", "Länken syns minuter före start", "The link shows this many minutes before the start"),
            OnSiteCapacityLabel => lang.pick("Paikkoja paikan päällä", "Platser på plats", "Seats in the room"),
            OnlineCapacityLabel => lang.pick("Paikkoja verkossa", "Platser på nätet", "Places online"),
            MaxSeatsLabel => lang.pick("Enintään henkilöä yhdellä ilmoittautumisella", "Högst personer per anmälan", "At most people per registration"),
            RegistrationRequiredLabel => lang.pick("Osallistujat ilmoittautuvat", "Deltagarna anmäler sig", "People register"),
            OpensLegend => lang.pick("Ilmoittautuminen alkaa (vapaaehtoinen; tyhjä: heti)", "Anmälan öppnar (frivilligt; tomt: genast)", "Registration opens (optional; empty: at once)"),
            ClosesLegend => lang.pick("Ilmoittautuminen päättyy (vapaaehtoinen; tyhjä: alkaessa)", "Anmälan stänger (frivilligt; tomt: vid start)", "Registration closes (optional; empty: at the start)"),
            A11yFi => lang.pick("Saavutettavuus suomeksi (vapaaehtoinen)", "Tillgänglighet på finska (frivilligt)", "Accessibility in Finnish (optional)"),
            A11yHint => lang.pick("Esimerkiksi tekstitys, induktiosilmukka tai esteetön kulku.", "Till exempel textning, hörslinga eller tillgänglig entré.", "For example captions, an induction loop or step-free access."),
            A11ySv => lang.pick("Saavutettavuus ruotsiksi (vapaaehtoinen)", "Tillgänglighet på svenska (frivilligt)", "Accessibility in Swedish (optional)"),
            A11yEn => lang.pick("Saavutettavuus englanniksi (vapaaehtoinen)", "Tillgänglighet på engelska (frivilligt)", "Accessibility in English (optional)"),
            RepeatLabel => lang.pick("Toistuuko tapahtuma", "Upprepas evenemanget", "Does it repeat"),
            RepeatNone => lang.pick("Ei toistu", "Upprepas inte", "Does not repeat"),
            RepeatWeekly => lang.pick("Joka viikko samana viikonpäivänä", "Varje vecka samma veckodag", "Every week on the same day"),
            RepeatMonthly => lang.pick("Joka kuukausi samana viikonpäivänä (esim. kuun 1. tiistai)", "Varje månad samma veckodag (t.ex. månadens första tisdag)", "Every month on the same weekday (e.g. the first Tuesday)"),
            UntilLabel => lang.pick("Viimeinen päivä", "Sista datum", "Last date"),
            UntilHint => lang.pick("Toistuvalle tapahtumalle. Jokainen kerta alkaa samaan kellonaikaan.", "För ett återkommande evenemang. Varje gång börjar på samma klockslag.", "For a repeating event. Every time starts at the same clock time."),
            Save => lang.pick("Tallenna tapahtuma", "Spara evenemanget", "Save the event"),
            Saved => lang.pick("Tapahtuma tallennettu.", "Evenemanget sparat.", "Event saved."),
        }
    }
}

/// "The message went to 14 people."
pub fn sent_to(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Fi => format!("Viesti lähti {n} henkilölle."),
        Lang::Sv => format!("Meddelandet gick till {n} personer."),
        Lang::En => format!("The message went to {n} people."),
    }
}
