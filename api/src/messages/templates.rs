//! The built-in wording of every message kind in fi, sv and en, the placeholders each kind may use,
//! and rendering: placeholders filled in, an HTML part made from the plain text. Pure: no I/O.

use chrono::{DateTime, Datelike, Timelike, Utc};
use chrono_tz::Tz;
use etakirjasto_shared::{FieldCode, Lang, MessageKind, dates};

/// Stands in the stored text for a guest's private link; the link itself (with its token) is kept
/// apart and dropped once the message is sent.
pub const PRIVATE_LINK: &str = "[[link]]";

/// Longest subject line a library may write.
pub const SUBJECT_MAX: usize = 150;
/// Longest text a library may write.
pub const BODY_MAX: usize = 4000;

/// The placeholders a kind may use.
pub fn placeholders(kind: MessageKind) -> &'static [&'static str] {
    use MessageKind as K;
    match kind {
        K::StaffBookingNew | K::StaffBookingChanged | K::StaffBookingCancelled => {
            &["name", "patron", "what", "when", "how", "link", "library"]
        }
        K::EventMessage => &[
            "name",
            "message",
            "what",
            "when",
            "link",
            "library",
            "library_phone",
        ],
        K::HomeServiceApproved => &["name", "client", "library", "library_phone"],
        K::HomeServiceDeclined => &["name", "client", "message", "library", "library_phone"],
        K::HomeVisitTomorrow => &["name", "client", "when", "what", "library", "library_phone"],
        K::HomeRoundTomorrow => &["name", "when", "what", "link", "library"],
        K::HomeVisitOff => &["name", "client", "when", "what", "library", "library_phone"],
        K::SurveyInvitation => &[
            "name",
            "what",
            "when",
            "message",
            "link",
            "library",
            "library_phone",
        ],
        K::RegistrationWaitlisted => &[
            "name",
            "what",
            "when",
            "how",
            "place",
            "link",
            "library",
            "library_phone",
        ],
        _ => &[
            "name",
            "what",
            "when",
            "how",
            "link",
            "library",
            "library_phone",
        ],
    }
}

/// Checks a library's own wording: lengths, no control characters, and only the kind's placeholders.
pub fn check(kind: MessageKind, subject: &str, body: &str) -> Result<(), Vec<(String, FieldCode)>> {
    let mut errors = Vec::new();
    let subject_len = subject.trim().chars().count();
    if subject_len == 0 {
        errors.push(("subject".into(), FieldCode::Required));
    } else if subject_len > SUBJECT_MAX {
        errors.push(("subject".into(), FieldCode::TooLong));
    } else if subject.chars().any(char::is_control) || !known_placeholders(kind, subject) {
        errors.push(("subject".into(), FieldCode::InvalidFormat));
    }
    let body_len = body.trim().chars().count();
    if body_len == 0 {
        errors.push(("body".into(), FieldCode::Required));
    } else if body_len > BODY_MAX {
        errors.push(("body".into(), FieldCode::TooLong));
    } else if body
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
        || !known_placeholders(kind, body)
    {
        errors.push(("body".into(), FieldCode::InvalidFormat));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// True when every `{…}` in `text` names one of the kind's placeholders and braces are balanced.
fn known_placeholders(kind: MessageKind, text: &str) -> bool {
    let allowed = placeholders(kind);
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return false;
        }
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return false;
        };
        if !allowed.contains(&&after[..close]) {
            return false;
        }
        rest = &after[close + 1..];
    }
    true
}

/// Fills in `{name}`-style placeholders; unknown ones are left as they are.
pub fn fill(text: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let key = &after[..close];
                match values.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    // Lines left empty by an empty value collapse, so the text never has gaps of three lines.
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    out.trim().to_owned()
}

/// The HTML part: the plain text escaped, paragraphs kept, addresses made links.
pub fn html(text: &str, lang: Lang) -> String {
    let mut body = String::new();
    for paragraph in text.split("\n\n") {
        let lines: Vec<String> = paragraph.lines().map(linkify).collect();
        body.push_str("<p>");
        body.push_str(&lines.join("<br>\n"));
        body.push_str("</p>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"></head>\
         <body style=\"font-family: sans-serif; font-size: 18px; line-height: 1.5\">\n{body}</body></html>\n",
        lang.code()
    )
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn linkify(line: &str) -> String {
    line.split(' ')
        .map(|word| {
            if word.starts_with("https://") || word.starts_with("http://") {
                let url = escape_html(word);
                format!("<a href=\"{url}\">{url}</a>")
            } else {
                escape_html(word)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A time as people say it, in the library's zone: "tiistaina 1.12.2026 klo 13.00".
pub fn when(t: DateTime<Utc>, tz: Tz, lang: Lang) -> String {
    let local = t.with_timezone(&tz);
    let (d, m, y, h, min) = (
        local.day(),
        local.month(),
        local.year(),
        local.hour(),
        local.minute(),
    );
    let on = dates::weekday_on(lang, local.weekday().number_from_monday() as u8);
    match lang {
        Lang::Fi => format!("{on} {d}.{m}.{y} klo {h}.{min:02}"),
        Lang::Sv => format!("{on} {d}.{m}.{y} kl. {h}.{min:02}"),
        Lang::En => format!(
            "on {on} {d} {} {y} at {h}:{min:02}",
            dates::month_in_date(lang, m)
        ),
    }
}

/// A day (and the part of it) as a message says it: "tiistaina 1.12.2026 aamupäivällä".
pub fn day_when(
    day: chrono::NaiveDate,
    part: Option<etakirjasto_shared::DayPart>,
    lang: Lang,
) -> String {
    use etakirjasto_shared::DayPart;
    let on = dates::weekday_on(lang, day.weekday().number_from_monday() as u8);
    let (d, m, y) = (day.day(), day.month(), day.year());
    let date = match lang {
        Lang::En => format!("on {on} {d} {} {y}", dates::month_in_date(lang, m)),
        _ => format!("{on} {d}.{m}.{y}"),
    };
    let part = match part {
        Some(DayPart::Morning) => lang.pick(" aamupäivällä", " på förmiddagen", " in the morning"),
        Some(DayPart::Afternoon) => {
            lang.pick(" iltapäivällä", " på eftermiddagen", " in the afternoon")
        }
        _ => "",
    };
    format!("{date}{part}")
}

/// The built-in subject and text of `kind` in `lang`.
pub fn builtin(kind: MessageKind, lang: Lang) -> (&'static str, &'static str) {
    use MessageKind as K;
    let l = lang;
    match kind {
        K::BookingConfirmed => l.pick(
            ("Aikasi on varattu: {what}", "Hei {name},\n\nsinulle on varattu {what} {when}.\n{how}\n\nJos et pääse, peru tai siirrä aika: {link}\nKysyttävää? Soita kirjastoon: {library_phone}.\n\nTerveisin\n{library}"),
            ("Din tid är bokad: {what}", "Hej {name},\n\ndu har bokat {what} {when}.\n{how}\n\nOm du inte kan komma, avboka eller flytta tiden: {link}\nFrågor? Ring biblioteket: {library_phone}.\n\nHälsningar\n{library}"),
            ("Your time is booked: {what}", "Hello {name},\n\nyou have booked {what} {when}.\n{how}\n\nIf you cannot come, cancel or change the time: {link}\nQuestions? Call the library: {library_phone}.\n\nBest wishes\n{library}"),
        ),
        K::BookingChanged => l.pick(
            ("Aikasi muuttui: {what}", "Hei {name},\n\n{what} on nyt {when}.\n{how}\n\nJos uusi aika ei sovi, peru tai siirrä se: {link}\nKysyttävää? Soita kirjastoon: {library_phone}.\n\nTerveisin\n{library}"),
            ("Din tid har ändrats: {what}", "Hej {name},\n\n{what} är nu {when}.\n{how}\n\nOm den nya tiden inte passar, avboka eller flytta den: {link}\nFrågor? Ring biblioteket: {library_phone}.\n\nHälsningar\n{library}"),
            ("Your time has changed: {what}", "Hello {name},\n\n{what} is now {when}.\n{how}\n\nIf the new time does not suit you, cancel or change it: {link}\nQuestions? Call the library: {library_phone}.\n\nBest wishes\n{library}"),
        ),
        K::BookingCancelled => l.pick(
            ("Aikasi on peruttu: {what}", "Hei {name},\n\n{what} {when} on peruttu.\n\nVoit varata uuden ajan: {link}\nKysyttävää? Soita kirjastoon: {library_phone}.\n\nTerveisin\n{library}"),
            ("Din tid är avbokad: {what}", "Hej {name},\n\n{what} {when} är avbokad.\n\nDu kan boka en ny tid: {link}\nFrågor? Ring biblioteket: {library_phone}.\n\nHälsningar\n{library}"),
            ("Your time is cancelled: {what}", "Hello {name},\n\n{what} {when} is cancelled.\n\nYou can book a new time: {link}\nQuestions? Call the library: {library_phone}.\n\nBest wishes\n{library}"),
        ),
        K::BookingReminderDay => l.pick(
            ("Muistutus: {what} huomenna", "Hei {name},\n\nmuistathan: {what} {when}.\n{how}\n\nJos et pääse, peru aika: {link}\nKysyttävää? Soita kirjastoon: {library_phone}.\n\nTerveisin\n{library}"),
            ("Påminnelse: {what} i morgon", "Hej {name},\n\nkom ihåg: {what} {when}.\n{how}\n\nOm du inte kan komma, avboka tiden: {link}\nFrågor? Ring biblioteket: {library_phone}.\n\nHälsningar\n{library}"),
            ("Reminder: {what} tomorrow", "Hello {name},\n\na reminder: {what} {when}.\n{how}\n\nIf you cannot come, cancel the time: {link}\nQuestions? Call the library: {library_phone}.\n\nBest wishes\n{library}"),
        ),
        K::BookingReminderHour => l.pick(
            ("Pian alkaa: {what}", "Hei {name},\n\n{what} alkaa noin tunnin päästä, {when}.\n{how}\n\nKysyttävää? Soita kirjastoon: {library_phone}.\n\n{library}"),
            ("Snart börjar: {what}", "Hej {name},\n\n{what} börjar om ungefär en timme, {when}.\n{how}\n\nFrågor? Ring biblioteket: {library_phone}.\n\n{library}"),
            ("Starting soon: {what}", "Hello {name},\n\n{what} starts in about an hour, {when}.\n{how}\n\nQuestions? Call the library: {library_phone}.\n\n{library}"),
        ),
        K::StaffBookingNew => l.pick(
            ("Uusi varaus: {what}", "Hei {name},\n\n{patron} varasi sinulta ajan: {what} {when}.\n{how}\n\nKalenterisi: {link}\n\n{library}"),
            ("Ny bokning: {what}", "Hej {name},\n\n{patron} har bokat en tid hos dig: {what} {when}.\n{how}\n\nDin kalender: {link}\n\n{library}"),
            ("New booking: {what}", "Hello {name},\n\n{patron} booked a session with you: {what} {when}.\n{how}\n\nYour calendar: {link}\n\n{library}"),
        ),
        K::StaffBookingChanged => l.pick(
            ("Varaus siirtyi: {what}", "Hei {name},\n\n{patron}: {what} on nyt {when}.\n{how}\n\nKalenterisi: {link}\n\n{library}"),
            ("Bokningen har flyttats: {what}", "Hej {name},\n\n{patron}: {what} är nu {when}.\n{how}\n\nDin kalender: {link}\n\n{library}"),
            ("Booking moved: {what}", "Hello {name},\n\n{patron}: {what} is now {when}.\n{how}\n\nYour calendar: {link}\n\n{library}"),
        ),
        K::StaffBookingCancelled => l.pick(
            ("Varaus peruttiin: {what}", "Hei {name},\n\n{patron}: {what} {when} on peruttu.\n\nKalenterisi: {link}\n\n{library}"),
            ("Bokningen avbokades: {what}", "Hej {name},\n\n{patron}: {what} {when} är avbokad.\n\nDin kalender: {link}\n\n{library}"),
            ("Booking cancelled: {what}", "Hello {name},\n\n{patron}: {what} {when} is cancelled.\n\nYour calendar: {link}\n\n{library}"),
        ),
        K::RegistrationConfirmed => l.pick(
            ("Olet ilmoittautunut: {what}", "Hei {name},\n\nsinulla on paikka: {what} {when}.\n{how}\n\nJos et pääse, peru ilmoittautuminen, niin paikka vapautuu toiselle: {link}\nKysyttävää? Soita kirjastoon: {library_phone}.\n\nTerveisin\n{library}"),
            ("Du är anmäld: {what}", "Hej {name},\n\ndu har en plats: {what} {when}.\n{how}\n\nOm du inte kan komma, avboka så att någon annan får platsen: {link}\nFrågor? Ring biblioteket: {library_phone}.\n\nHälsningar\n{library}"),
            ("You are registered: {what}", "Hello {name},\n\nyou have a place: {what} {when}.\n{how}\n\nIf you cannot come, cancel so that someone else gets the place: {link}\nQuestions? Call the library: {library_phone}.\n\nBest wishes\n{library}"),
        ),
        K::RegistrationWaitlisted => l.pick(
            ("Olet jonossa: {what}", "Hei {name},\n\n{what} {when} on täynnä. Olet jonossa sijalla {place}.\nKerromme sinulle, jos saat paikan.\n\nVoit perua jonopaikkasi: {link}\nKysyttävää? Soita kirjastoon: {library_phone}.\n\nTerveisin\n{library}"),
            ("Du står i kö: {what}", "Hej {name},\n\n{what} {when} är fullbokat. Du står i kö som nummer {place}.\nVi meddelar dig om du får en plats.\n\nDu kan lämna kön: {link}\nFrågor? Ring biblioteket: {library_phone}.\n\nHälsningar\n{library}"),
            ("You are on the waiting list: {what}", "Hello {name},\n\n{what} {when} is full. You are number {place} on the waiting list.\nWe will tell you if you get a place.\n\nYou can leave the waiting list: {link}\nQuestions? Call the library: {library_phone}.\n\nBest wishes\n{library}"),
        ),
        K::RegistrationPromoted => l.pick(
            ("Sait paikan: {what}", "Hei {name},\n\npaikka vapautui ja se on nyt sinun: {what} {when}.\n{how}\n\nJos et pääse, peru, niin paikka vapautuu seuraavalle: {link}\nKysyttävää? Soita kirjastoon: {library_phone}.\n\nTerveisin\n{library}"),
            ("Du har fått en plats: {what}", "Hej {name},\n\nen plats blev ledig och den är nu din: {what} {when}.\n{how}\n\nOm du inte kan komma, avboka så att nästa får platsen: {link}\nFrågor? Ring biblioteket: {library_phone}.\n\nHälsningar\n{library}"),
            ("You have a place: {what}", "Hello {name},\n\na place became free and it is now yours: {what} {when}.\n{how}\n\nIf you cannot come, cancel so that the next person gets it: {link}\nQuestions? Call the library: {library_phone}.\n\nBest wishes\n{library}"),
        ),
        K::RegistrationCancelled => l.pick(
            ("Ilmoittautuminen on peruttu: {what}", "Hei {name},\n\nilmoittautumisesi on peruttu: {what} {when}.\n\nVoit ilmoittautua uudelleen, jos paikkoja on: {link}\nKysyttävää? Soita kirjastoon: {library_phone}.\n\nTerveisin\n{library}"),
            ("Anmälan är avbokad: {what}", "Hej {name},\n\ndin anmälan är avbokad: {what} {when}.\n\nDu kan anmäla dig igen om det finns platser: {link}\nFrågor? Ring biblioteket: {library_phone}.\n\nHälsningar\n{library}"),
            ("Registration cancelled: {what}", "Hello {name},\n\nyour registration is cancelled: {what} {when}.\n\nYou can register again if there are places: {link}\nQuestions? Call the library: {library_phone}.\n\nBest wishes\n{library}"),
        ),
        K::EventChanged => l.pick(
            ("Tapahtuma muuttui: {what}", "Hei {name},\n\ntapahtuman tiedot muuttuivat: {what} on nyt {when}.\n{how}\n\nKatso tiedot: {link}\nKysyttävää? Soita kirjastoon: {library_phone}.\n\nTerveisin\n{library}"),
            ("Evenemanget har ändrats: {what}", "Hej {name},\n\nuppgifterna har ändrats: {what} är nu {when}.\n{how}\n\nSe uppgifterna: {link}\nFrågor? Ring biblioteket: {library_phone}.\n\nHälsningar\n{library}"),
            ("The event has changed: {what}", "Hello {name},\n\nthe details have changed: {what} is now {when}.\n{how}\n\nSee the details: {link}\nQuestions? Call the library: {library_phone}.\n\nBest wishes\n{library}"),
        ),
        K::EventCancelled => l.pick(
            ("Tapahtuma on peruttu: {what}", "Hei {name},\n\nvalitettavasti {what} {when} on peruttu.\n\nKatso muut tapahtumat: {link}\nKysyttävää? Soita kirjastoon: {library_phone}.\n\nTerveisin\n{library}"),
            ("Evenemanget är inställt: {what}", "Hej {name},\n\ntyvärr är {what} {when} inställt.\n\nSe andra evenemang: {link}\nFrågor? Ring biblioteket: {library_phone}.\n\nHälsningar\n{library}"),
            ("The event is cancelled: {what}", "Hello {name},\n\nwe are sorry: {what} {when} is cancelled.\n\nSee other events: {link}\nQuestions? Call the library: {library_phone}.\n\nBest wishes\n{library}"),
        ),
        K::EventMessage => l.pick(
            ("Viesti kirjastosta: {what}", "Hei {name},\n\n{message}\n\nTapahtuma: {what} {when}.\nKatso tiedot: {link}\nKysyttävää? Soita kirjastoon: {library_phone}.\n\nTerveisin\n{library}"),
            ("Meddelande från biblioteket: {what}", "Hej {name},\n\n{message}\n\nEvenemang: {what} {when}.\nSe uppgifterna: {link}\nFrågor? Ring biblioteket: {library_phone}.\n\nHälsningar\n{library}"),
            ("A message from the library: {what}", "Hello {name},\n\n{message}\n\nEvent: {what} {when}.\nSee the details: {link}\nQuestions? Call the library: {library_phone}.\n\nBest wishes\n{library}"),
        ),
        K::EventReminderDay => l.pick(
            ("Muistutus: {what} huomenna", "Hei {name},\n\nmuistathan: {what} {when}.\n{how}\n\nJos et pääse, peru, niin paikka vapautuu toiselle: {link}\nKysyttävää? Soita kirjastoon: {library_phone}.\n\nTerveisin\n{library}"),
            ("Påminnelse: {what} i morgon", "Hej {name},\n\nkom ihåg: {what} {when}.\n{how}\n\nOm du inte kan komma, avboka så att någon annan får platsen: {link}\nFrågor? Ring biblioteket: {library_phone}.\n\nHälsningar\n{library}"),
            ("Reminder: {what} tomorrow", "Hello {name},\n\na reminder: {what} {when}.\n{how}\n\nIf you cannot come, cancel so that someone else gets the place: {link}\nQuestions? Call the library: {library_phone}.\n\nBest wishes\n{library}"),
        ),
        K::EventReminderHour => l.pick(
            ("Pian alkaa: {what}", "Hei {name},\n\n{what} alkaa noin tunnin päästä, {when}.\n{how}\n\nKysyttävää? Soita kirjastoon: {library_phone}.\n\n{library}"),
            ("Snart börjar: {what}", "Hej {name},\n\n{what} börjar om ungefär en timme, {when}.\n{how}\n\nFrågor? Ring biblioteket: {library_phone}.\n\n{library}"),
            ("Starting soon: {what}", "Hello {name},\n\n{what} starts in about an hour, {when}.\n{how}\n\nQuestions? Call the library: {library_phone}.\n\n{library}"),
        ),
        K::ProgrammeConfirmed => l.pick(
            ("Ohjelma on vahvistettu: {what}", "Hei {name},\n\nkirjasto vahvisti ohjelman: {what} {when}.\n{how}\n\nYksikkönne varaukset: {link}\nKysyttävää? Soita kirjastoon: {library_phone}.\n\nTerveisin\n{library}"),
            ("Programmet är bekräftat: {what}", "Hej {name},\n\nbiblioteket har bekräftat programmet: {what} {when}.\n{how}\n\nEnhetens bokningar: {link}\nFrågor? Ring biblioteket: {library_phone}.\n\nHälsningar\n{library}"),
            ("The programme is confirmed: {what}", "Hello {name},\n\nthe library confirmed the programme: {what} {when}.\n{how}\n\nYour unit's bookings: {link}\nQuestions? Call the library: {library_phone}.\n\nBest wishes\n{library}"),
        ),
        K::HomeServiceApproved => l.pick(
            ("Kotipalveluhakemus on hyväksytty", "Hei {name},\n\nkirjaston kotipalvelu on hyväksytty: {client}. Soitamme pian ja sovimme ensimmäisestä käynnistä.\nKysyttävää? Soita kirjastoon: {library_phone}.\n\nTerveisin\n{library}"),
            ("Ansökan om hemservice är beviljad", "Hej {name},\n\nbibliotekets hemservice är beviljad: {client}. Vi ringer snart och kommer överens om det första besöket.\nFrågor? Ring biblioteket: {library_phone}.\n\nHälsningar\n{library}"),
            ("Home-delivery application approved", "Hello {name},\n\nthe library's home-delivery service is approved for {client}. We will call soon to agree on the first visit.\nQuestions? Call the library: {library_phone}.\n\nBest wishes\n{library}"),
        ),
        K::HomeServiceDeclined => l.pick(
            ("Kotipalveluhakemus", "Hei {name},\n\nemme valitettavasti voi aloittaa kotipalvelua: {client}.\n{message}\n\nKysyttävää? Soita kirjastoon: {library_phone}.\n\nTerveisin\n{library}"),
            ("Ansökan om hemservice", "Hej {name},\n\ntyvärr kan vi inte börja med hemservice: {client}.\n{message}\n\nFrågor? Ring biblioteket: {library_phone}.\n\nHälsningar\n{library}"),
            ("Home-delivery application", "Hello {name},\n\nunfortunately we cannot start the home-delivery service for {client}.\n{message}\n\nQuestions? Call the library: {library_phone}.\n\nBest wishes\n{library}"),
        ),
        K::HomeVisitTomorrow => l.pick(
            ("Kirjaston kotipalvelu tulee huomenna", "Hei {name},\n\nkirjaston kotipalvelu tuo kirjoja huomenna: {client}, {when}.\nTuomme: {what}\nOttakaa esiin kirjat, jotka haluatte palauttaa.\n\nJos käynti ei sovi, soita kirjastoon: {library_phone}.\n\nTerveisin\n{library}"),
            ("Bibliotekets hemservice kommer i morgon", "Hej {name},\n\nbibliotekets hemservice kommer med böcker i morgon: {client}, {when}.\nVi har med oss: {what}\nLägg fram böckerna som ska lämnas tillbaka.\n\nOm besöket inte passar, ring biblioteket: {library_phone}.\n\nHälsningar\n{library}"),
            ("The library's home delivery comes tomorrow", "Hello {name},\n\nthe library's home delivery brings books tomorrow: {client}, {when}.\nWe bring: {what}\nPlease put out the books to be returned.\n\nIf the visit does not suit, call the library: {library_phone}.\n\nBest wishes\n{library}"),
        ),
        K::HomeVisitOff => l.pick(
            ("Kotipalvelun käynti ei toteudu", "Hei {name},\n\nkirjaston kotipalvelun käynti {when} ei toteudu: {client}.\n{what}\n\nKysyttävää? Soita kirjastoon: {library_phone}.\n\nTerveisin\n{library}"),
            ("Hemservicens besök blir inte av", "Hej {name},\n\nbibliotekets hemservicebesök {when} blir inte av: {client}.\n{what}\n\nFrågor? Ring biblioteket: {library_phone}.\n\nHälsningar\n{library}"),
            ("The home-delivery visit is off", "Hello {name},\n\nthe library's home-delivery visit {when} will not take place: {client}.\n{what}\n\nQuestions? Call the library: {library_phone}.\n\nBest wishes\n{library}"),
        ),
        K::SurveyInvitation => l.pick(
            ("Kerro mielipiteesi: {what}", "Hei {name},\n\nkirjasto kysyy, millaisia palveluja tarvitset: {what}.\n{message}\n\nVastaa kyselyyn {when}: {link}\nVoit vastata myös puhelimessa: {library_phone}.\n\nKiitos!\n{library}"),
            ("Säg vad du tycker: {what}", "Hej {name},\n\nbiblioteket frågar vilka tjänster du behöver: {what}.\n{message}\n\nSvara på enkäten {when}: {link}\nDu kan också svara per telefon: {library_phone}.\n\nTack!\n{library}"),
            ("Tell us what you think: {what}", "Hello {name},\n\nthe library is asking which services you need: {what}.\n{message}\n\nAnswer the survey {when}: {link}\nYou can also answer by phone: {library_phone}.\n\nThank you!\n{library}"),
        ),
        K::HomeRoundTomorrow => l.pick(
            ("Huomisen kotipalvelukierros", "Hei {name},\n\nhuomenna {when} sinulla on kotipalvelukierros: {what}.\nKierros osoitteineen ja tulostettavana: {link}\n\n{library}"),
            ("Morgondagens hemservicerunda", "Hej {name},\n\ni morgon {when} har du en hemservicerunda: {what}.\nRundan med adresser, att skriva ut: {link}\n\n{library}"),
            ("Tomorrow's home-delivery round", "Hello {name},\n\ntomorrow, {when}, you have a home-delivery round: {what}.\nThe round with addresses, ready to print: {link}\n\n{library}"),
        ),
        K::ProgrammeProposed => l.pick(
            ("Kirjasto ehdottaa toista aikaa: {what}", "Hei {name},\n\nkirjasto ei pääse toivomaanne aikaan ja ehdottaa: {what} {when}.\n{how}\n\nHyväksy tai peru ehdotus: {link}\nKysyttävää? Soita kirjastoon: {library_phone}.\n\nTerveisin\n{library}"),
            ("Biblioteket föreslår en annan tid: {what}", "Hej {name},\n\nbiblioteket kan inte den tid ni önskade och föreslår: {what} {when}.\n{how}\n\nGodkänn eller avböj förslaget: {link}\nFrågor? Ring biblioteket: {library_phone}.\n\nHälsningar\n{library}"),
            ("The library proposes another time: {what}", "Hello {name},\n\nthe library cannot run it at the time you asked for and proposes: {what} {when}.\n{how}\n\nAccept or decline: {link}\nQuestions? Call the library: {library_phone}.\n\nBest wishes\n{library}"),
        ),
    }
}

/// Example values for previews.
pub fn examples(
    kind: MessageKind,
    lang: Lang,
    library: &str,
    phone: &str,
) -> Vec<(&'static str, String)> {
    let start = "2026-12-01T11:00:00Z"
        .parse::<DateTime<Utc>>()
        .unwrap_or_default();
    let what = match kind {
        MessageKind::ProgrammeConfirmed | MessageKind::ProgrammeProposed => {
            lang.pick("Muistojen tuokio", "Minnesstund", "Memory hour")
        }
        MessageKind::RegistrationConfirmed
        | MessageKind::RegistrationWaitlisted
        | MessageKind::RegistrationPromoted
        | MessageKind::RegistrationCancelled
        | MessageKind::EventChanged
        | MessageKind::EventCancelled
        | MessageKind::EventMessage
        | MessageKind::EventReminderDay
        | MessageKind::EventReminderHour => lang.pick(
            "Lukupiiri verkossa",
            "Läscirkel på nätet",
            "Online reading circle",
        ),
        MessageKind::HomeVisitTomorrow => lang.pick(
            "Väinö Linna: Tuntematon sotilas (isotekstinen kirja)",
            "Väinö Linna: Okänd soldat (storstil)",
            "Väinö Linna: The Unknown Soldier (large print)",
        ),
        MessageKind::HomeRoundTomorrow => lang.pick("3 käyntiä", "3 besök", "3 visits"),
        MessageKind::HomeVisitOff => lang.pick(
            "Uusi käyntipäivä: torstaina 3.12.2026.",
            "Ny dag för besöket: torsdag 3.12.2026.",
            "The new day: on Thursday 3 December 2026.",
        ),
        MessageKind::SurveyInvitation => lang.pick(
            "Mitä kirjaston etäpalveluja käyttäisit?",
            "Vilka av bibliotekets distanstjänster skulle du använda?",
            "Which remote library services would you use?",
        ),
        _ => lang.pick("Lukuneuvonta", "Läsråd", "Reading guidance"),
    };
    let when_text = match kind {
        MessageKind::HomeVisitTomorrow
        | MessageKind::HomeRoundTomorrow
        | MessageKind::HomeVisitOff => day_when(
            start
                .with_timezone(&chrono_tz::Europe::Helsinki)
                .date_naive(),
            Some(etakirjasto_shared::DayPart::Morning),
            lang,
        ),
        MessageKind::SurveyInvitation => survey_until(lang, Some("2027-01-31")),
        _ => when(start, chrono_tz::Europe::Helsinki, lang),
    };
    vec![
        ("name", lang.pick("Maija", "Maija", "Maija").to_owned()),
        ("patron", "Maija Meikäläinen".to_owned()),
        ("client", "Aino Virtanen".to_owned()),
        ("what", what.to_owned()),
        ("when", when_text),
        (
            "how",
            how_video(lang, "https://meet.jit.si/etakirjasto-esimerkki"),
        ),
        ("place", "3".to_owned()),
        (
            "message",
            lang.pick(
                "Tällä kertaa luemme Tove Janssonin Kesäkirjan.",
                "Den här gången läser vi Tove Janssons Sommarboken.",
                "This time we read Tove Jansson's The Summer Book.",
            )
            .to_owned(),
        ),
        ("link", "https://etakirjasto.example/bookings".to_owned()),
        ("library", library.to_owned()),
        ("library_phone", phone.to_owned()),
    ]
}

/// When a survey takes answers until, for `{when}` in its invitation: "by 31 January 2027", or
/// "now" for a survey without a last day.
pub fn survey_until(lang: Lang, closes_on: Option<&str>) -> String {
    match closes_on.and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) {
        Some(d) => match lang {
            Lang::Fi => format!("viimeistään {}", d.format("%-d.%-m.%Y")),
            Lang::Sv => format!("senast {}", d.format("%-d.%-m.%Y")),
            Lang::En => format!("by {}", d.format("%-d %B %Y")),
        },
        None => lang.pick("nyt", "nu", "now").to_owned(),
    }
}

/// "Open the video call here: …".
pub fn how_video(lang: Lang, url: &str) -> String {
    format!(
        "{} {url}",
        lang.pick(
            "Avaa videoyhteys tästä linkistä:",
            "Öppna videosamtalet med den här länken:",
            "Open the video call with this link:"
        )
    )
}

/// "We will call you at …".
pub fn how_phone(lang: Lang, phone: &str) -> String {
    lang.pick(
        format!("Soitamme sinulle numeroon {phone}."),
        format!("Vi ringer dig på numret {phone}."),
        format!("We will call you at {phone}."),
    )
}

/// The text that replaces a guest's private link once it has been sent (a resent copy).
pub fn link_sent_before(lang: Lang) -> &'static str {
    lang.pick(
        "(linkki on ensimmäisessä viestissä, jonka sait)",
        "(länken finns i det första meddelandet du fick)",
        "(the link is in the first message you received)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_uses_only_its_placeholders() {
        for kind in MessageKind::ALL {
            for lang in Lang::ALL {
                let (subject, body) = builtin(*kind, lang);
                assert!(check(*kind, subject, body).is_ok(), "{kind:?} {lang:?}");
            }
        }
    }

    #[test]
    fn unknown_or_unbalanced_placeholders_are_refused() {
        let k = MessageKind::BookingConfirmed;
        assert!(check(k, "Hei", "Hei {nimi}").is_err());
        assert!(check(k, "Hei", "Hei {name").is_err());
        assert!(check(k, "Hei", "Hei name}").is_err());
        assert!(check(k, "Hei {place}", "x").is_err());
        assert!(check(MessageKind::RegistrationWaitlisted, "Jonossa {place}", "x").is_ok());
        assert_eq!(check(k, " ", "x").unwrap_err()[0].0, "subject");
    }

    #[test]
    fn filling_leaves_no_gaps_and_keeps_unknown_text() {
        let text = fill(
            "Hei {name},\n\n{how}\n\n\nLoppu {x}",
            &[("name", "Maija".into()), ("how", String::new())],
        );
        assert_eq!(text, "Hei Maija,\n\nLoppu {x}");
    }

    #[test]
    fn times_are_local_and_spoken() {
        let t: DateTime<Utc> = "2026-12-01T11:00:00Z".parse().unwrap();
        let tz = chrono_tz::Europe::Helsinki;
        assert_eq!(when(t, tz, Lang::Fi), "tiistaina 1.12.2026 klo 13.00");
        assert_eq!(when(t, tz, Lang::Sv), "tisdag 1.12.2026 kl. 13.00");
        assert_eq!(when(t, tz, Lang::En), "on Tuesday 1 December 2026 at 13:00");
        let summer: DateTime<Utc> = "2027-06-01T06:05:00Z".parse().unwrap();
        assert_eq!(when(summer, tz, Lang::Fi), "tiistaina 1.6.2027 klo 9.05");
    }

    #[test]
    fn html_escapes_and_links() {
        let h = html("A <b> & https://x.example/a?b=1&c=2\n\nB", Lang::Sv);
        assert!(h.contains("A &lt;b&gt; &amp; <a href=\"https://x.example/a?b=1&amp;c=2\">"));
        assert!(h.contains("<p>B</p>"));
        assert!(h.contains("lang=\"sv\""));
    }
}
