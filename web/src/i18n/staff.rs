//! Texts of the staff dashboard's session calendar and of booking on a patron's behalf.

use chrono::{Datelike, NaiveDate};

use etakirjasto_shared::{BookingStatus, Lang};

use super::{Text, booking};

/// A text of the staff pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Staff {
    /// Heading of the calendar.
    CalendarHeading,
    /// Label of the date box.
    DateLabel,
    /// The date box's format hint.
    DateHint,
    /// Legend of the day/week choice.
    ViewLegend,
    /// One day.
    ViewDay,
    /// One week.
    ViewWeek,
    /// Legend of whose sessions.
    WhoLegend,
    /// Only one's own sessions.
    Mine,
    /// Everyone's sessions.
    Team,
    /// The button that shows the chosen range.
    Show,
    /// The link to the day before.
    PrevDay,
    /// The link to the day after.
    NextDay,
    /// The link to the week before.
    PrevWeek,
    /// The link to the week after.
    NextWeek,
    /// The link to today.
    Today,
    /// A day without sessions.
    NoSessions,
    /// Label of the status.
    SumStatus,
    /// Label of the patron's name.
    SumPatron,
    /// Label of the email address.
    SumEmail,
    /// Label of the phone number.
    SumPhone,
    /// Marks a booking staff made for the patron.
    BookedForPatron,
    /// Status: booked.
    StatusConfirmed,
    /// Status: cancelled.
    StatusCancelled,
    /// Status: held.
    StatusHeld,
    /// Status: the patron did not come.
    StatusNoShow,
    /// The link that opens the video room.
    StartVideo,
    /// Said after a link that opens a new tab.
    NewTab,
    /// Before the number on the call link.
    Call,
    /// Who calls whom in a phone session.
    YouCall,
    /// Where an in-person session is.
    AtLibrary,
    /// The disclosure with contact details, answers and the note.
    MoreDetails,
    /// Label of the internal note.
    NoteLabel,
    /// Hint of the internal note.
    NoteHint,
    /// Saves the note.
    SaveNote,
    /// Marks the session held.
    MarkHeld,
    /// Marks the patron absent.
    MarkNoShow,
    /// After marking held.
    HeldNotice,
    /// After marking a no-show.
    NoShowNotice,
    /// After saving the note.
    NoteSaved,
    /// The button that starts booking for a patron.
    BookForPatron,
    /// Heading above the patron's details.
    PatronIntro,
    /// Label of the consent checkbox.
    Consent,
    /// Short name of the consent, for the error summary.
    ConsentLabel,
    /// The checkbox accepting the rules for the patron.
    AcceptRulesForPatron,
    /// Legend of the patron's language.
    PatronLanguage,
    /// Tell the patron the manage link.
    TellPatronLink,
    /// Back to the dashboard.
    BackToDashboard,
    /// The consent was given.
    ConsentGiven,
}

impl Text for Staff {
    fn text(self, lang: Lang) -> &'static str {
        use Staff::*;
        match self {
            CalendarHeading => lang.pick("Varatut ajat", "Bokade tider", "Booked sessions"),
            DateLabel => lang.pick("Päivämäärä", "Datum", "Date"),
            DateHint => lang.pick(
                "Esimerkiksi 7.12.2026 tai 2026-12-07",
                "Till exempel 7.12.2026 eller 2026-12-07",
                "For example 7.12.2026 or 2026-12-07",
            ),
            ViewLegend => lang.pick("Näytä", "Visa", "Show"),
            ViewDay => lang.pick("Yksi päivä", "En dag", "One day"),
            ViewWeek => lang.pick("Koko viikko", "Hela veckan", "The whole week"),
            WhoLegend => lang.pick("Kenen ajat", "Vems tider", "Whose sessions"),
            Mine => lang.pick("Omat ajat", "Mina tider", "My sessions"),
            Team => lang.pick("Koko tiimi", "Hela teamet", "Whole team"),
            Show => lang.pick("Näytä ajat", "Visa tiderna", "Show sessions"),
            PrevDay => lang.pick("Edellinen päivä", "Föregående dag", "Previous day"),
            NextDay => lang.pick("Seuraava päivä", "Nästa dag", "Next day"),
            PrevWeek => lang.pick("Edellinen viikko", "Föregående vecka", "Previous week"),
            NextWeek => lang.pick("Seuraava viikko", "Nästa vecka", "Next week"),
            Today => lang.pick("Tänään", "I dag", "Today"),
            NoSessions => lang.pick(
                "Ei varattuja aikoja.",
                "Inga bokade tider.",
                "No sessions booked.",
            ),
            SumStatus => lang.pick("Tila", "Status", "Status"),
            SumPatron => lang.pick("Asiakas", "Kund", "Patron"),
            SumEmail => lang.pick("Sähköposti", "E-post", "Email"),
            SumPhone => lang.pick("Puhelinnumero", "Telefonnummer", "Phone number"),
            BookedForPatron => lang.pick(
                "Henkilökunta varasi asiakkaan puolesta.",
                "Personalen bokade åt kunden.",
                "Booked by staff for the patron.",
            ),
            StatusConfirmed => lang.pick("Varattu", "Bokad", "Booked"),
            StatusCancelled => lang.pick("Peruttu", "Avbokad", "Cancelled"),
            StatusHeld => lang.pick("Pidetty", "Hållen", "Held"),
            StatusNoShow => lang.pick("Asiakas ei tullut", "Kunden kom inte", "Patron did not come"),
            StartVideo => lang.pick("Aloita videopuhelu", "Starta videosamtalet", "Start video call"),
            NewTab => lang.pick(
                " (avautuu uuteen välilehteen)",
                " (öppnas i en ny flik)",
                " (opens in a new tab)",
            ),
            Call => lang.pick("Soita", "Ring", "Call"),
            YouCall => lang.pick(
                "Kirjastonhoitaja soittaa asiakkaalle.",
                "Bibliotekarien ringer upp kunden.",
                "The librarian calls the patron.",
            ),
            AtLibrary => lang.pick(
                "Asiakas tulee kirjastoon:",
                "Kunden kommer till biblioteket:",
                "The patron comes to the library:",
            ),
            MoreDetails => lang.pick(
                "Yhteystiedot, vastaukset ja muistiinpano",
                "Kontaktuppgifter, svar och anteckning",
                "Contact details, answers and note",
            ),
            NoteLabel => lang.pick("Sisäinen muistiinpano", "Intern anteckning", "Internal note"),
            NoteHint => lang.pick(
                "Vain kirjaston henkilökunta näkee tämän.",
                "Endast bibliotekets personal ser detta.",
                "Only library staff see this.",
            ),
            SaveNote => lang.pick("Tallenna muistiinpano", "Spara anteckningen", "Save note"),
            MarkHeld => lang.pick("Merkitse pidetyksi", "Markera som hållen", "Mark as held"),
            MarkNoShow => lang.pick(
                "Merkitse: asiakas ei tullut",
                "Markera: kunden kom inte",
                "Mark as no-show",
            ),
            HeldNotice => lang.pick(
                "Aika on merkitty pidetyksi.",
                "Tiden är markerad som hållen.",
                "The session is marked as held.",
            ),
            NoShowNotice => lang.pick(
                "Aika on merkitty: asiakas ei tullut.",
                "Tiden är markerad: kunden kom inte.",
                "The session is marked as a no-show.",
            ),
            NoteSaved => lang.pick(
                "Muistiinpano on tallennettu.",
                "Anteckningen är sparad.",
                "The note is saved.",
            ),
            BookForPatron => lang.pick(
                "Varaa aika asiakkaalle",
                "Boka en tid åt en kund",
                "Book for a patron",
            ),
            PatronIntro => lang.pick(
                "Kirjoita asiakkaan nimi ja sähköpostiosoite tai puhelinnumero. Asiakas ei tarvitse tiliä.",
                "Skriv kundens namn och e-postadress eller telefonnummer. Kunden behöver inget konto.",
                "Enter the patron's name and email address or phone number. The patron needs no account.",
            ),
            Consent => lang.pick(
                "Asiakas suostui tähän varaukseen ja tietojensa tallentamiseen",
                "Kunden samtyckte till bokningen och till att uppgifterna sparas",
                "The patron agreed to this booking and to their details being stored",
            ),
            ConsentLabel => lang.pick("Asiakkaan suostumus", "Kundens samtycke", "Patron's agreement"),
            AcceptRulesForPatron => lang.pick(
                "Luin säännöt asiakkaalle, ja hän hyväksyy ne",
                "Jag läste reglerna för kunden och kunden godkänner dem",
                "I read the rules to the patron and they accept them",
            ),
            PatronLanguage => lang.pick(
                "Asiakkaan kieli viesteissä",
                "Kundens språk i meddelanden",
                "The patron's language for messages",
            ),
            TellPatronLink => lang.pick(
                "Kerro asiakkaalle tämä linkki. Sen avulla hän näkee varauksensa ja voi vaihtaa ajan tai perua sen.",
                "Ge kunden den här länken. Med den ser kunden sin bokning och kan byta tid eller avboka.",
                "Tell the patron this link. With it they can see their booking, change the time or cancel it.",
            ),
            BackToDashboard => lang.pick(
                "Takaisin henkilökunnan sivulle",
                "Tillbaka till personalens sida",
                "Back to the staff dashboard",
            ),
            ConsentGiven => lang.pick(
                "Asiakas suostui varaukseen ja tietojensa tallentamiseen.",
                "Kunden samtyckte till bokningen och till att uppgifterna sparas.",
                "The patron agreed to the booking and to their details being stored.",
            ),
        }
    }
}

impl Staff {
    /// The name of a booking's status.
    pub fn status(status: BookingStatus) -> Staff {
        match status {
            BookingStatus::Confirmed => Staff::StatusConfirmed,
            BookingStatus::Cancelled => Staff::StatusCancelled,
            BookingStatus::Held => Staff::StatusHeld,
            BookingStatus::NoShow => Staff::StatusNoShow,
        }
    }
}

/// A date as people type it here: "7.12.2026".
pub fn short_date(date: NaiveDate) -> String {
    format!("{}.{}.{}", date.day(), date.month(), date.year())
}

/// Reads a typed date: "7.12.2026" (a final dot and spaces allowed) or "2026-12-07".
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let raw: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let number = |s: Option<&str>| s.and_then(|s| s.parse::<u32>().ok());
    if raw.contains('-') {
        let mut parts = raw.split('-');
        let (y, m, d) = (
            number(parts.next()),
            number(parts.next()),
            number(parts.next()),
        );
        return NaiveDate::from_ymd_opt(y? as i32, m?, d?).filter(|_| parts.next().is_none());
    }
    let raw = raw.strip_suffix('.').unwrap_or(&raw);
    let mut parts = raw.split('.');
    let (d, m, y) = (
        number(parts.next()),
        number(parts.next()),
        number(parts.next()),
    );
    let y = y.filter(|y| *y >= 1000)?;
    NaiveDate::from_ymd_opt(y as i32, m?, d?).filter(|_| parts.next().is_none())
}

/// What the calendar shows: "maanantai 7. joulukuuta 2026" or "viikko 50: 7.12.–13.12.2026".
pub fn range(lang: Lang, first: NaiveDate, days: i64) -> String {
    if days == 1 {
        return format!("{} {}", booking::day(lang, first), first.year());
    }
    let last = first + chrono::Duration::days(days - 1);
    let week = lang.pick("viikko", "vecka", "week");
    format!(
        "{week} {}: {}.{}.–{}",
        first.iso_week().week(),
        first.day(),
        first.month(),
        short_date(last)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_dates_are_read_in_both_forms() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 7);
        assert_eq!(parse_date("7.12.2026"), d);
        assert_eq!(parse_date(" 07.12.2026. "), d);
        assert_eq!(parse_date("2026-12-07"), d);
        assert_eq!(parse_date("7.12."), None);
        assert_eq!(parse_date("31.2.2026"), None);
        assert_eq!(parse_date("7.12.26"), None);
        assert_eq!(parse_date("2026-12-07-1"), None);
        assert_eq!(short_date(d.unwrap()), "7.12.2026");
    }

    #[test]
    fn ranges_are_written_out() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        assert_eq!(range(Lang::Fi, d, 1), "maanantai 7. joulukuuta 2026");
        assert_eq!(range(Lang::En, d, 7), "week 50: 7.12.–13.12.2026");
    }
}
