//! RFC 5545 calendar text shared by the booking and event calendar files.
//!
//! *Invariant:* no I/O; lines end in CRLF, are folded at 75 octets, and text values are escaped.

/// `VTIMEZONE` for Europe/Helsinki: EET (+02:00) in winter, EEST (+03:00) from the last Sunday of March
/// 03:00 to the last Sunday of October 04:00 local time.
const HELSINKI: &str = "BEGIN:VTIMEZONE\nTZID:Europe/Helsinki\nBEGIN:DAYLIGHT\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0300\n\
TZNAME:EEST\nDTSTART:19700329T030000\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\nEND:DAYLIGHT\nBEGIN:STANDARD\n\
TZOFFSETFROM:+0300\nTZOFFSETTO:+0200\nTZNAME:EET\nDTSTART:19701025T040000\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\n\
END:STANDARD\nEND:VTIMEZONE";

/// Escapes a TEXT value.
pub fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets without splitting a UTF-8 character.
pub fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for ch in line.chars() {
        let len = ch.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += len;
    }
    out
}

/// A local time in the library's zone as iCalendar writes it with `TZID`.
pub fn local(t: &chrono::DateTime<chrono::FixedOffset>) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

/// A whole calendar: the header, the Helsinki time zone, and each event's lines (without
/// `BEGIN`/`END:VEVENT`), folded and ended with CRLF.
pub fn document(product: &str, events: Vec<Vec<String>>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!("PRODID:-//Etäkirjasto//{product}//FI"),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
    ];
    lines.extend(HELSINKI.lines().map(str::to_owned));
    for event in events {
        lines.push("BEGIN:VEVENT".to_owned());
        lines.extend(event);
        lines.push("END:VEVENT".to_owned());
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|l| fold(l) + "\r\n").collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_folded() {
        assert_eq!(escape("a,b;c\nd"), "a\\,b\\;c\\nd");
        let long = fold(&format!("DESCRIPTION:{}", "ä".repeat(60)));
        assert!(long.split("\r\n").all(|l| l.len() <= 75), "{long}");
    }

    #[test]
    fn a_document_defines_the_zone_once_and_wraps_each_event() {
        let doc = document("Test", vec![vec!["UID:a".into()], vec!["UID:b".into()]]);
        assert_eq!(doc.matches("BEGIN:VTIMEZONE").count(), 1);
        assert_eq!(doc.matches("BEGIN:VEVENT\r\n").count(), 2);
        assert!(doc.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    }
}
