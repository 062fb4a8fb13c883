//! Texts of booking a one-to-one session, "My bookings" and a guest's booking page, and the way days
//! and times are written out in each language.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Timelike};

use etakirjasto_shared::{Lang, SessionMode};

use super::{Text, weekday};

/// A text of the booking pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Booking {
    /// The link that starts the booking flow.
    StartLink,
    /// One sentence on the home page about booking.
    HomeIntro,
    /// Step 1: the question.
    ServiceTitle,
    /// Step 2: the question.
    ModeTitle,
    /// Step 3: the heading.
    TimeTitle,
    /// Step 4: the heading.
    DetailsTitle,
    /// Step 5: the heading.
    CheckTitle,
    /// Step 6: the panel's heading.
    DoneTitle,
    /// "My bookings".
    MyBookingsTitle,
    /// A guest's booking page.
    ManageTitle,
    /// The button that goes to the next step.
    Continue,
    /// The link back to the previous step.
    Back,
    /// A video call.
    ModeVideo,
    /// A phone call.
    ModePhone,
    /// At the library.
    ModeInPerson,
    /// What happens in a video call.
    ModeVideoHint,
    /// What happens in a phone call.
    ModePhoneHint,
    /// What happens at the library.
    ModeInPersonHint,
    /// Label of the service choice in error messages.
    ServiceLabel,
    /// Label of the mode choice in error messages.
    ModeLabel,
    /// Label of the time choice.
    TimeLabel,
    /// Heading of the list of days.
    DaysHeading,
    /// Shown before a day is chosen.
    ChooseDayFirst,
    /// The link to the next two weeks.
    LaterDates,
    /// The link to the previous two weeks.
    EarlierDates,
    /// No free times in the two weeks shown.
    NoTimes,
    /// After `slot_taken`: the times shown are fresh.
    TimesReloaded,
    /// Lead-in before a signed-in person's name and contact.
    BookedAs,
    /// Label of the number to call.
    PhoneToCall,
    /// Hint when the account has a phone number.
    PhoneToCallHintKnown,
    /// Hint when the account has no phone number.
    PhoneToCallHintNeeded,
    /// What a guest gives and why.
    GuestIntro,
    /// Hint under the guest's email and phone.
    GuestContactHint,
    /// The link to sign in instead.
    SignInInstead,
    /// Heading of the questions.
    QuestionsHeading,
    /// The questions are optional.
    QuestionsOptional,
    /// Label of an answer in error messages.
    AnswerLabel,
    /// Heading of the ground rules.
    RulesHeading,
    /// The checkbox accepting the rules.
    AcceptRules,
    /// Summary row: the service.
    SumService,
    /// Summary row: how.
    SumHow,
    /// Summary row: day and time.
    SumWhen,
    /// Summary row: contact.
    SumContact,
    /// Summary row: answers.
    SumAnswers,
    /// Summary row: the librarian.
    SumStaff,
    /// An unanswered question.
    NoAnswer,
    /// The "Change" link.
    Change,
    /// The confirm button.
    Confirm,
    /// Video: what to do.
    NextVideo,
    /// Label of the video link.
    VideoLink,
    /// Phone: who calls.
    NextPhone,
    /// In person: where.
    NextInPerson,
    /// Guests: keep the link.
    KeepLink,
    /// The manage link's text.
    ManageLink,
    /// After the cut-off: phone instead.
    Locked,
    /// The cancel button.
    Cancel,
    /// The confirmation question.
    CancelQuestion,
    /// Yes, cancel.
    CancelYes,
    /// No, keep it.
    CancelNo,
    /// A cancelled booking's marker.
    Cancelled,
    /// Shown after cancelling.
    CancelledNotice,
    /// No upcoming bookings.
    NoBookings,
    /// A manage link without its token.
    NoToken,
    /// The service asked for does not exist.
    UnknownService,
    /// Start the flow again.
    StartAgain,
    /// The link to choose another time for a booking.
    Reschedule,
    /// The heading of choosing another time.
    RescheduleTitle,
    /// Label of the booking's present time.
    CurrentTime,
    /// The button that moves the booking.
    MoveConfirm,
    /// Shown after moving a booking.
    MovedNotice,
}

impl Text for Booking {
    fn text(self, lang: Lang) -> &'static str {
        use Booking::*;
        match self {
            StartLink => lang.pick("Varaa aika", "Boka en tid", "Book a session"),
            HomeIntro => lang.pick(
                "Voit varata oman ajan kirjastonhoitajalta. Hän auttaa sinua videopuhelussa, puhelimessa tai kirjastossa.",
                "Du kan boka en egen tid hos en bibliotekarie. Hen hjälper dig i ett videosamtal, per telefon eller på biblioteket.",
                "You can book your own time with a librarian, who helps you by video call, by phone or at the library.",
            ),
            ServiceTitle => lang.pick(
                "Millaista apua tarvitset?",
                "Vilken hjälp behöver du?",
                "What kind of help do you need?",
            ),
            ModeTitle => lang.pick(
                "Miten haluat asioida?",
                "Hur vill du träffas?",
                "How would you like to meet?",
            ),
            TimeTitle => lang.pick("Valitse päivä ja aika", "Välj dag och tid", "Choose a day and a time"),
            DetailsTitle => lang.pick("Yhteystiedot", "Kontaktuppgifter", "Your details"),
            CheckTitle => lang.pick(
                "Tarkista varauksen tiedot",
                "Kontrollera bokningen",
                "Check your booking",
            ),
            DoneTitle => lang.pick("Varaus on tehty", "Bokningen är gjord", "Your session is booked"),
            MyBookingsTitle => lang.pick("Omat varaukset", "Mina bokningar", "My bookings"),
            ManageTitle => lang.pick("Varauksesi", "Din bokning", "Your booking"),
            Continue => lang.pick("Jatka", "Fortsätt", "Continue"),
            Back => lang.pick("Takaisin", "Tillbaka", "Back"),
            ModeVideo => lang.pick("Videopuhelu", "Videosamtal", "Video call"),
            ModePhone => lang.pick("Puhelu", "Telefonsamtal", "Phone call"),
            ModeInPerson => lang.pick("Kirjastossa", "På biblioteket", "At the library"),
            ModeVideoHint => lang.pick(
                "Saat linkin. Kun avaat sen, näet ja kuulet kirjastonhoitajan tietokoneella, tabletilla tai puhelimella.",
                "Du får en länk. När du öppnar den ser och hör du bibliotekarien på datorn, surfplattan eller telefonen.",
                "You get a link. When you open it, you see and hear the librarian on your computer, tablet or phone.",
            ),
            ModePhoneHint => lang.pick(
                "Kirjastonhoitaja soittaa sinulle.",
                "Bibliotekarien ringer upp dig.",
                "The librarian calls you.",
            ),
            ModeInPersonHint => lang.pick(
                "Tapaat kirjastonhoitajan pääkirjastossa.",
                "Du träffar bibliotekarien på huvudbiblioteket.",
                "You meet the librarian at the main library.",
            ),
            ServiceLabel => lang.pick("Palvelu", "Tjänst", "Kind of help"),
            ModeLabel => lang.pick("Tapa", "Sätt", "How"),
            TimeLabel => lang.pick("Aika", "Tid", "Time"),
            DaysHeading => lang.pick(
                "Päivät, joina on vapaita aikoja",
                "Dagar med lediga tider",
                "Days with free times",
            ),
            ChooseDayFirst => lang.pick(
                "Valitse ensin päivä. Sen jälkeen näet päivän vapaat ajat.",
                "Välj först en dag. Sedan ser du dagens lediga tider.",
                "Choose a day first. Then you will see its free times.",
            ),
            LaterDates => lang.pick("Näytä myöhemmät päivät", "Visa senare dagar", "Show later dates"),
            EarlierDates => lang.pick("Näytä aiemmat päivät", "Visa tidigare dagar", "Show earlier dates"),
            NoTimes => lang.pick(
                "Näille kahdelle viikolle ei ole vapaita aikoja. Katso myöhempiä päiviä tai soita kirjastoon, niin varaamme ajan puolestasi.",
                "Det finns inga lediga tider under de här två veckorna. Titta på senare dagar eller ring biblioteket, så bokar vi en tid åt dig.",
                "There are no free times in these two weeks. Look at later dates, or phone the library and we will book a time for you.",
            ),
            TimesReloaded => lang.pick(
                "Alla näkyvät ajat ovat nyt vapaina.",
                "Tiderna nedan är lediga just nu.",
                "The times below are free right now.",
            ),
            BookedAs => lang.pick(
                "Varaus tehdään sinun nimelläsi:",
                "Bokningen görs i ditt namn:",
                "The booking is made in your name:",
            ),
            PhoneToCall => lang.pick(
                "Puhelinnumero, johon soitetaan",
                "Telefonnummer vi ringer till",
                "Phone number to call",
            ),
            PhoneToCallHintKnown => lang.pick(
                "Jos jätät tämän tyhjäksi, soitamme numeroon, joka on tallennettu tiliisi.",
                "Om du lämnar fältet tomt ringer vi numret som finns sparat på ditt konto.",
                "If you leave this empty, we call the number saved on your account.",
            ),
            PhoneToCallHintNeeded => lang.pick(
                "Kirjastonhoitaja soittaa tähän numeroon.",
                "Bibliotekarien ringer till det här numret.",
                "The librarian calls this number.",
            ),
            GuestIntro => lang.pick(
                "Kerro nimesi ja sähköpostiosoitteesi tai puhelinnumerosi, jotta voimme ottaa sinuun yhteyttä.",
                "Ange ditt namn och din e-postadress eller ditt telefonnummer, så att vi kan kontakta dig.",
                "Give your name and your email address or phone number, so that we can contact you.",
            ),
            GuestContactHint => lang.pick(
                "Anna sähköposti tai puhelinnumero tai molemmat. Puhelinajoissa soitamme tähän numeroon.",
                "Ange e-post eller telefonnummer eller båda. Vid telefonsamtal ringer vi det här numret.",
                "Give an email address or a phone number, or both. For phone sessions we call this number.",
            ),
            SignInInstead => lang.pick(
                "Onko sinulla tili? Kirjaudu sisään",
                "Har du ett konto? Logga in",
                "Do you have an account? Sign in",
            ),
            QuestionsHeading => lang.pick("Kysymyksiä", "Frågor", "Questions"),
            QuestionsOptional => lang.pick(
                "Voit vastata, jos haluat. Vastaukset auttavat kirjastonhoitajaa valmistautumaan.",
                "Du kan svara om du vill. Svaren hjälper bibliotekarien att förbereda sig.",
                "You can answer if you like. Your answers help the librarian prepare.",
            ),
            AnswerLabel => lang.pick("Vastaus", "Svar", "Answer"),
            RulesHeading => lang.pick("Säännöt", "Regler", "Rules"),
            AcceptRules => lang.pick("Hyväksyn säännöt", "Jag godkänner reglerna", "I accept the rules"),
            SumService => lang.pick("Palvelu", "Tjänst", "Kind of help"),
            SumHow => lang.pick("Tapa", "Sätt", "How"),
            SumWhen => lang.pick("Päivä ja aika", "Dag och tid", "Day and time"),
            SumContact => lang.pick("Yhteystiedot", "Kontaktuppgifter", "Contact details"),
            SumAnswers => lang.pick("Vastaukset", "Svar", "Answers"),
            SumStaff => lang.pick("Kirjastonhoitaja", "Bibliotekarie", "Librarian"),
            NoAnswer => lang.pick("Ei vastausta", "Inget svar", "No answer"),
            Change => lang.pick("Muuta", "Ändra", "Change"),
            Confirm => lang.pick("Vahvista varaus", "Bekräfta bokningen", "Confirm booking"),
            NextVideo => lang.pick(
                "Avaa linkki muutama minuutti ennen alkua. Jos videopuhelu tuntuu vieraalta, varaa ensin harjoituspuhelu.",
                "Öppna länken några minuter före starten. Om videosamtal känns ovana, boka först ett övningssamtal.",
                "Open the link a few minutes before the start. If you are unsure about video calls, book a practice call first.",
            ),
            VideoLink => lang.pick("Videopuhelun linkki:", "Länk till videosamtalet:", "Video call link:"),
            NextPhone => lang.pick(
                "Kirjastonhoitaja soittaa sinulle numeroon",
                "Bibliotekarien ringer dig på numret",
                "The librarian calls you on",
            ),
            NextInPerson => lang.pick(
                "Tule pääkirjastoon. Osoite on",
                "Kom till huvudbiblioteket. Adressen är",
                "Come to the main library. The address is",
            ),
            KeepLink => lang.pick(
                "Tallenna tämä linkki. Sen avulla näet varauksesi ja voit perua sen.",
                "Spara den här länken. Med den ser du din bokning och kan avboka den.",
                "Keep this link. With it you can see your booking and cancel it.",
            ),
            ManageLink => lang.pick("Varauksesi linkki", "Länk till din bokning", "Link to your booking"),
            Locked => lang.pick(
                "Varausta ei voi enää perua verkossa. Jos haluat muuttaa tai perua sen, soita kirjastoon:",
                "Bokningen kan inte längre avbokas på nätet. Om du vill ändra eller avboka den, ring biblioteket:",
                "This booking can no longer be cancelled online. To change or cancel it, phone the library:",
            ),
            Cancel => lang.pick("Peru varaus", "Avboka", "Cancel booking"),
            CancelQuestion => lang.pick(
                "Haluatko varmasti perua tämän varauksen?",
                "Vill du verkligen avboka den här tiden?",
                "Do you really want to cancel this booking?",
            ),
            CancelYes => lang.pick("Kyllä, peru varaus", "Ja, avboka", "Yes, cancel it"),
            CancelNo => lang.pick("Älä peru", "Avboka inte", "Keep the booking"),
            Cancelled => lang.pick("Peruttu", "Avbokad", "Cancelled"),
            CancelledNotice => lang.pick("Varaus on peruttu.", "Bokningen är avbokad.", "The booking has been cancelled."),
            NoBookings => lang.pick(
                "Sinulla ei ole tulevia varauksia.",
                "Du har inga kommande bokningar.",
                "You have no upcoming bookings.",
            ),
            NoToken => lang.pick(
                "Linkki on vajaa. Avaa koko linkki, jonka sait varatessasi, tai soita kirjastoon.",
                "Länken är ofullständig. Öppna hela länken du fick när du bokade, eller ring biblioteket.",
                "The link is incomplete. Open the whole link you got when booking, or phone the library.",
            ),
            UnknownService => lang.pick(
                "Tätä palvelua ei löytynyt.",
                "Tjänsten hittades inte.",
                "We could not find this kind of help.",
            ),
            StartAgain => lang.pick("Aloita alusta", "Börja om", "Start again"),
            Reschedule => lang.pick("Vaihda aika", "Byt tid", "Change the time"),
            RescheduleTitle => lang.pick("Valitse uusi aika", "Välj en ny tid", "Choose a new time"),
            CurrentTime => lang.pick("Nykyinen aika", "Nuvarande tid", "Current time"),
            MoveConfirm => lang.pick("Vaihda tähän aikaan", "Byt till den här tiden", "Move to this time"),
            MovedNotice => lang.pick(
                "Aika on vaihdettu. Uusi aika:",
                "Tiden är bytt. Ny tid:",
                "The time has been changed. New time:",
            ),
        }
    }
}

impl Booking {
    /// The name of a way of meeting.
    pub fn mode(mode: SessionMode) -> Booking {
        match mode {
            SessionMode::Video => Booking::ModeVideo,
            SessionMode::Phone => Booking::ModePhone,
            SessionMode::InPerson => Booking::ModeInPerson,
        }
    }

    /// One sentence on what happens in a way of meeting.
    pub fn mode_hint(mode: SessionMode) -> Booking {
        match mode {
            SessionMode::Video => Booking::ModeVideoHint,
            SessionMode::Phone => Booking::ModePhoneHint,
            SessionMode::InPerson => Booking::ModeInPersonHint,
        }
    }
}

/// A day written out: "maanantai 7. joulukuuta", "måndag 7 december", "Monday 7 December".
pub fn day(lang: Lang, date: NaiveDate) -> String {
    let name = weekday(lang, date.weekday().number_from_monday() as u8).unwrap_or_default();
    let month = etakirjasto_shared::dates::month_in_date(lang, date.month());
    let d = date.day();
    match lang {
        Lang::Fi => format!("{name} {d}. {month}"),
        Lang::Sv | Lang::En => format!("{name} {d} {month}"),
    }
}

/// A time range: "klo 9.00–9.45", "kl. 9.00–9.45", "9:00–9:45".
pub fn time_range(lang: Lang, start: NaiveTime, end: NaiveTime) -> String {
    let clock = |t: NaiveTime| {
        let sep = lang.pick(".", ".", ":");
        format!("{}{sep}{:02}", t.hour(), t.minute())
    };
    let lead = lang.pick("klo ", "kl. ", "");
    format!("{lead}{}–{}", clock(start), clock(end))
}

/// The day and time of a session, in the library's time: "maanantai 7. joulukuuta klo 9.00–9.45".
pub fn when(lang: Lang, start: DateTime<FixedOffset>, end: DateTime<FixedOffset>) -> String {
    format!(
        "{} {}",
        day(lang, start.date_naive()),
        time_range(lang, start.time(), end.time())
    )
}

/// A length in minutes.
pub fn minutes(lang: Lang, n: u32) -> String {
    format!("{n} {}", lang.pick("min", "min", "min"))
}

/// The last moment a booking can be moved or cancelled online, as a sentence.
pub fn cancel_until(lang: Lang, until: DateTime<FixedOffset>) -> String {
    let date = day(lang, until.date_naive());
    let time = {
        let sep = lang.pick(".", ".", ":");
        format!("{}{sep}{:02}", until.hour(), until.minute())
    };
    match lang {
        Lang::Fi => format!(
            "Voit vaihtaa ajan tai perua varauksen verkossa {date} klo {time} asti. Sen jälkeen soita kirjastoon."
        ),
        Lang::Sv => format!(
            "Du kan byta tid eller avboka på nätet fram till {date} kl. {time}. Efter det, ring biblioteket."
        ),
        Lang::En => format!(
            "You can change the time or cancel online until {time} on {date}. After that, phone the library."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_times_are_written_out() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        assert_eq!(day(Lang::Fi, date), "maanantai 7. joulukuuta");
        assert_eq!(day(Lang::Sv, date), "måndag 7 december");
        let (s, e) = (
            NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            NaiveTime::from_hms_opt(9, 45, 0).unwrap(),
        );
        assert_eq!(time_range(Lang::Fi, s, e), "klo 9.00–9.45");
        assert_eq!(time_range(Lang::En, s, e), "9:00–9:45");
    }
}
