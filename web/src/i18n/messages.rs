//! Texts about messages: a person's choice of email or text message and language on "My page", and
//! the staff's messages page (the list, sending again, and the library's own wording).

use etakirjasto_shared::{Lang, MessageKind, MessageStatus};

use super::Text;

/// A text about messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Messages {
    /// Heading on "My page".
    PrefsHeading,
    /// The line under it.
    PrefsIntro,
    /// Legend of the channel choice.
    ChannelLegend,
    /// Email.
    ByEmail,
    /// Text message.
    BySms,
    /// Label of the language choice.
    LanguageLabel,
    /// The save button.
    Save,
    /// Saved.
    Saved,
    /// Title of the staff page.
    StaffTitle,
    /// The line under it.
    StaffIntro,
    /// Label of the recipient search.
    RecipientLabel,
    /// Hint of the recipient search.
    RecipientHint,
    /// Label of the state filter.
    StatusLabel,
    /// Any state.
    AnyStatus,
    /// The search button.
    Search,
    /// No messages found.
    NoneFound,
    /// Label of the recipient.
    To,
    /// Label of when.
    When,
    /// Label of how it went out.
    Via,
    /// Label of the last error.
    LastError,
    /// The resend button.
    Resend,
    /// Sent again.
    Resent,
    /// Shows the text of a message.
    ShowText,
    /// Heading of the wording section.
    WordingHeading,
    /// The line under it.
    WordingIntro,
    /// Label of the message kind.
    KindLabel,
    /// Label of the subject.
    SubjectLabel,
    /// Label of the text.
    BodyLabel,
    /// Hint of the text: the placeholders.
    PlaceholdersHint,
    /// The preview button.
    Preview,
    /// Heading of the preview.
    PreviewHeading,
    /// Button: back to the built-in wording.
    Reset,
    /// The wording is the library's own.
    Customised,
    /// The wording is the built-in one.
    BuiltIn,
    /// Link to the staff page.
    StaffLink,
}

impl Text for Messages {
    fn text(self, lang: Lang) -> &'static str {
        use Messages::*;
        match self {
            PrefsHeading => lang.pick("Viestit sinulle", "Meddelanden till dig", "Messages to you"),
            PrefsIntro => lang.pick(
                "Lähetämme vahvistuksen ja muistutukset varauksistasi ja ilmoittautumisistasi. Jos viesti ei mene perille, kokeilemme toista tapaa.",
                "Vi skickar en bekräftelse och påminnelser om dina bokningar och anmälningar. Om ett meddelande inte går fram försöker vi på det andra sättet.",
                "We send a confirmation and reminders about your bookings and registrations. If a message does not get through, we try the other way.",
            ),
            ChannelLegend => lang.pick("Miten haluat viestit?", "Hur vill du få meddelanden?", "How do you want messages?"),
            ByEmail => lang.pick("Sähköpostina", "Som e-post", "By email"),
            BySms => lang.pick("Tekstiviestinä", "Som sms", "By text message"),
            LanguageLabel => lang.pick("Viestien kieli", "Meddelandenas språk", "Language of messages"),
            Save => lang.pick("Tallenna", "Spara", "Save"),
            Saved => lang.pick("Tallennettu.", "Sparat.", "Saved."),
            StaffTitle => lang.pick("Viestit", "Meddelanden", "Messages"),
            StaffIntro => lang.pick(
                "Lähetetyt, odottavat ja epäonnistuneet viestit. Muistutukset odottavat lähetysaikaansa.",
                "Skickade, väntande och misslyckade meddelanden. Påminnelser väntar på sin tid.",
                "Sent, pending and failed messages. Reminders wait for their time.",
            ),
            RecipientLabel => lang.pick("Vastaanottaja", "Mottagare", "Recipient"),
            RecipientHint => lang.pick(
                "Nimen osa, sähköpostiosoitteen tai puhelinnumeron alku",
                "En del av namnet, början av e-postadressen eller telefonnumret",
                "Part of the name, or the start of the email address or phone number",
            ),
            StatusLabel => lang.pick("Tila", "Status", "Status"),
            AnyStatus => lang.pick("Kaikki", "Alla", "All"),
            Search => lang.pick("Hae", "Sök", "Search"),
            NoneFound => lang.pick("Viestejä ei löytynyt.", "Inga meddelanden hittades.", "No messages found."),
            To => lang.pick("Vastaanottaja", "Mottagare", "To"),
            When => lang.pick("Aika", "Tid", "When"),
            Via => lang.pick("Lähetystapa", "Sätt", "Sent by"),
            LastError => lang.pick("Viimeisin virhe", "Senaste felet", "Last error"),
            Resend => lang.pick("Lähetä uudelleen", "Skicka igen", "Send again"),
            Resent => lang.pick(
                "Viesti lähetetään uudelleen.",
                "Meddelandet skickas igen.",
                "The message will be sent again.",
            ),
            ShowText => lang.pick("Näytä teksti", "Visa texten", "Show the text"),
            WordingHeading => lang.pick("Viestien sanamuoto", "Meddelandenas ordalydelse", "Wording of messages"),
            WordingIntro => lang.pick(
                "Voit muuttaa kirjastosi viestien sanamuotoa kielittäin. Jo kirjoitetut viestit eivät muutu.",
                "Du kan ändra bibliotekets meddelanden per språk. Redan skrivna meddelanden ändras inte.",
                "You can change your library's messages per language. Messages already written do not change.",
            ),
            KindLabel => lang.pick("Viesti", "Meddelande", "Message"),
            SubjectLabel => lang.pick("Otsikko", "Rubrik", "Subject"),
            BodyLabel => lang.pick("Teksti", "Text", "Text"),
            PlaceholdersHint => lang.pick(
                "Aaltosulkeissa olevat kohdat täytetään viestiin:",
                "Fälten inom klamrar fylls i meddelandet:",
                "The fields in braces are filled in:",
            ),
            Preview => lang.pick("Esikatsele", "Förhandsgranska", "Preview"),
            PreviewHeading => lang.pick("Esikatselu", "Förhandsvisning", "Preview"),
            Reset => lang.pick(
                "Palauta oletussanamuoto",
                "Återställ standardtexten",
                "Go back to the built-in wording",
            ),
            Customised => lang.pick("Kirjaston oma sanamuoto", "Bibliotekets egen text", "The library's own wording"),
            BuiltIn => lang.pick("Oletussanamuoto", "Standardtext", "Built-in wording"),
            StaffLink => lang.pick("Viestit", "Meddelanden", "Messages"),
        }
    }
}

/// A message's state in words.
pub fn status(s: MessageStatus, lang: Lang) -> &'static str {
    match s {
        MessageStatus::Pending => lang.pick("Odottaa", "Väntar", "Pending"),
        MessageStatus::Sent => lang.pick("Lähetetty", "Skickat", "Sent"),
        MessageStatus::Failed => lang.pick("Epäonnistui", "Misslyckades", "Failed"),
        MessageStatus::Cancelled => lang.pick("Peruttu", "Inställt", "Cancelled"),
    }
}

/// What a message is about, in words.
pub fn kind(k: MessageKind, lang: Lang) -> &'static str {
    use MessageKind as K;
    match k {
        K::BookingConfirmed => lang.pick(
            "Varausvahvistus",
            "Bokningsbekräftelse",
            "Booking confirmed",
        ),
        K::BookingChanged => lang.pick("Varaus muuttui", "Bokningen ändrad", "Booking changed"),
        K::BookingCancelled => {
            lang.pick("Varaus peruttu", "Bokningen avbokad", "Booking cancelled")
        }
        K::BookingReminderDay => lang.pick(
            "Muistutus edellisenä päivänä",
            "Påminnelse dagen före",
            "Reminder the day before",
        ),
        K::BookingReminderHour => lang.pick(
            "Muistutus tuntia ennen",
            "Påminnelse en timme före",
            "Reminder an hour before",
        ),
        K::StaffBookingNew => lang.pick(
            "Henkilökunnalle: uusi varaus",
            "Till personalen: ny bokning",
            "To staff: new booking",
        ),
        K::StaffBookingChanged => lang.pick(
            "Henkilökunnalle: varaus siirtyi",
            "Till personalen: bokningen flyttad",
            "To staff: booking moved",
        ),
        K::StaffBookingCancelled => lang.pick(
            "Henkilökunnalle: varaus peruttu",
            "Till personalen: bokningen avbokad",
            "To staff: booking cancelled",
        ),
        K::RegistrationConfirmed => lang.pick(
            "Ilmoittautuminen vahvistettu",
            "Anmälan bekräftad",
            "Registration confirmed",
        ),
        K::RegistrationWaitlisted => lang.pick("Jonossa", "I kö", "On the waiting list"),
        K::RegistrationPromoted => lang.pick(
            "Sai paikan jonosta",
            "Fick en plats från kön",
            "Got a place from the waiting list",
        ),
        K::RegistrationCancelled => lang.pick(
            "Ilmoittautuminen peruttu",
            "Anmälan avbokad",
            "Registration cancelled",
        ),
        K::EventChanged => lang.pick("Tapahtuma muuttui", "Evenemanget ändrades", "Event changed"),
        K::EventCancelled => lang.pick(
            "Tapahtuma peruttu",
            "Evenemanget inställt",
            "Event cancelled",
        ),
        K::EventMessage => lang.pick(
            "Viesti osallistujille",
            "Meddelande till deltagarna",
            "Message to participants",
        ),
        K::EventReminderDay => lang.pick(
            "Tapahtumamuistutus edellisenä päivänä",
            "Påminnelse om evenemang dagen före",
            "Event reminder the day before",
        ),
        K::EventReminderHour => lang.pick(
            "Tapahtumamuistutus tuntia ennen",
            "Påminnelse om evenemang en timme före",
            "Event reminder an hour before",
        ),
        K::ProgrammeConfirmed => lang.pick(
            "Etäohjelma vahvistettu",
            "Distansprogram bekräftat",
            "Programme confirmed",
        ),
        K::ProgrammeProposed => lang.pick(
            "Etäohjelmalle ehdotettu aika",
            "Föreslagen tid för distansprogram",
            "Programme time proposed",
        ),
        K::HomeServiceApproved => lang.pick(
            "Kotipalvelu hyväksytty",
            "Hemservice beviljad",
            "Home delivery approved",
        ),
        K::HomeServiceDeclined => lang.pick(
            "Kotipalveluhakemus hylätty",
            "Ansökan om hemservice avslagen",
            "Home-delivery application declined",
        ),
        K::HomeVisitTomorrow => lang.pick(
            "Kotipalvelu tulee huomenna",
            "Hemservice kommer i morgon",
            "Home delivery tomorrow",
        ),
        K::SurveyInvitation => lang.pick(
            "Kutsu vastaamaan kyselyyn",
            "Inbjudan att svara på en enkät",
            "Invitation to answer a survey",
        ),
        K::HomeVisitOff => lang.pick(
            "Kotipalvelun käynti ei toteudu",
            "Hemservicebesöket blir inte av",
            "Home visit off",
        ),
        K::HomeRoundTomorrow => lang.pick(
            "Huomisen kotipalvelukierros (kuljettajalle)",
            "Morgondagens hemservicerunda (till den som kör)",
            "Tomorrow's delivery round (to the deliverer)",
        ),
    }
}
