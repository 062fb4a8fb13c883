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
