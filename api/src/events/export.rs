//! The participant list as CSV for staff (a spreadsheet for the door or the care-home nurse), with
//! headers and values in the reader's language. Finnish and Swedish spreadsheets split CSV on `;`,
//! English ones on `,`: the file uses the reader's separator, quotes any field holding either, and
//! starts with a byte-order mark so Excel reads UTF-8. Pure functions.

use etakirjasto_shared::{Lang, Registration, RegistrationStatus, SeatType};

/// One CSV field: quoted when it holds a separator (either), quote or line break, so no cell can
/// begin inside it; a text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
/// carriage return first) is prefixed with `'`.
pub(crate) fn field(text: &str) -> String {
    let text = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    };
    if text.contains([',', ';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn words(lang: Lang) -> [&'static str; 11] {
    match lang {
        Lang::Fi => [
            "Nimi",
            "Sähköposti",
            "Puhelin",
            "Paikka",
            "Paikkoja",
            "Tila",
            "Jonosija",
            "Tarpeet",
            "Henkilökunnan ilmoittama",
            "Ilmoittautunut",
            "Osallistui",
        ],
        Lang::Sv => [
            "Namn",
            "E-post",
            "Telefon",
            "Plats",
            "Platser",
            "Status",
            "Köplats",
            "Behov",
            "Anmäld av personalen",
            "Anmäld",
            "Deltog",
        ],
        Lang::En => [
            "Name",
            "Email",
            "Phone",
            "Seat",
            "Seats",
            "Status",
            "Place in queue",
            "Needs",
            "Registered by staff",
            "Registered at",
            "Attended",
        ],
    }
}

fn seat_word(lang: Lang, seat: SeatType) -> &'static str {
    match (lang, seat) {
        (Lang::Fi, SeatType::OnSite) => "paikan päällä",
        (Lang::Fi, SeatType::Online) => "verkossa",
        (Lang::Sv, SeatType::OnSite) => "på plats",
        (Lang::Sv, SeatType::Online) => "på nätet",
        (Lang::En, SeatType::OnSite) => "on site",
        (Lang::En, SeatType::Online) => "online",
    }
}

fn status_word(lang: Lang, status: RegistrationStatus) -> &'static str {
    match (lang, status) {
        (Lang::Fi, RegistrationStatus::Confirmed) => "vahvistettu",
        (Lang::Fi, RegistrationStatus::Waitlisted) => "jonossa",
        (Lang::Fi, RegistrationStatus::Cancelled) => "peruttu",
        (Lang::Sv, RegistrationStatus::Confirmed) => "bekräftad",
        (Lang::Sv, RegistrationStatus::Waitlisted) => "i kö",
        (Lang::Sv, RegistrationStatus::Cancelled) => "avbokad",
        (Lang::En, RegistrationStatus::Confirmed) => "confirmed",
        (Lang::En, RegistrationStatus::Waitlisted) => "waiting",
        (Lang::En, RegistrationStatus::Cancelled) => "cancelled",
    }
}

fn yes_no(lang: Lang, value: bool) -> &'static str {
    match (lang, value) {
        (Lang::Fi, true) => "kyllä",
        (Lang::Fi, false) => "ei",
        (Lang::Sv, true) => "ja",
        (Lang::Sv, false) => "nej",
        (Lang::En, true) => "yes",
        (Lang::En, false) => "no",
    }
}

/// The registrations as CSV (CRLF line ends, as RFC 4180 and spreadsheets expect); times in UTC.
pub fn participants_csv(list: &[Registration], lang: Lang) -> String {
    let separator = if lang == Lang::En { "," } else { ";" };
    let mut out = String::from("\u{feff}");
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .map(|c| field(c))
            .collect::<Vec<_>>()
            .join(separator)
    };
    out.push_str(&line(words(lang).iter().map(|w| w.to_string()).collect()));
    out.push_str("\r\n");
    for r in list {
        out.push_str(&line(vec![
            r.contact_name.clone(),
            r.contact_email.clone().unwrap_or_default(),
            r.contact_phone.clone().unwrap_or_default(),
            seat_word(lang, r.seat_type).into(),
            r.seats.to_string(),
            status_word(lang, r.status).into(),
            r.waitlist_position
                .map(|p| p.to_string())
                .unwrap_or_default(),
            r.needs.clone().unwrap_or_default(),
            yes_no(lang, r.booked_by_staff).into(),
            r.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            r.attended
                .map(|a| yes_no(lang, a))
                .unwrap_or_default()
                .into(),
        ]));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("Maija"), "Maija");
        assert_eq!(field("Virtanen, Maija"), "\"Virtanen, Maija\"");
        assert_eq!(field("sanoi \"hei\""), "\"sanoi \"\"hei\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("+358 40 123"), "'+358 40 123");
        assert_eq!(field("rivi\nkaksi"), "\"rivi\nkaksi\"");
        // Text after a `;` would start a cell in a Finnish spreadsheet: quoted, it cannot.
        assert_eq!(field("x;=cmd|' /C calc'!A0"), "\"x;=cmd|' /C calc'!A0\"");
    }
}
