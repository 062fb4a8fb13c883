//! A booking as an RFC 5545 calendar file, with the library's time zone defined inside it
//! (the text rules are in [`crate::ical`]).

use chrono::{DateTime, Utc};
use etakirjasto_shared::{Booking, BookingStatus, Lang, SessionMode};

use crate::ical::{document, escape, local};

/// The calendar file for `booking`, in `lang`, made at `now`.
pub fn calendar(booking: &Booking, library_name: &str, lang: Lang, now: DateTime<Utc>) -> String {
    let how = match booking.mode {
        SessionMode::Video => lang.pick("Videopuhelu", "Videosamtal", "Video call"),
        SessionMode::Phone => lang.pick(
            "Puhelu: kirjasto soittaa sinulle",
            "Samtal: biblioteket ringer dig",
            "Phone call: the library calls you",
        ),
        SessionMode::InPerson => lang.pick("Kirjastossa", "På biblioteket", "At the library"),
    };
    let location = match (&booking.meeting_url, booking.mode) {
        (Some(url), _) => url.clone(),
        (None, SessionMode::Phone) => booking.contact_phone.clone().unwrap_or_default(),
        (None, _) => library_name.to_owned(),
    };
    let description = format!(
        "{how}. {}: {}",
        lang.pick("Kirjastonhoitaja", "Bibliotekarie", "Librarian"),
        booking.staff_name
    );
    let status = if booking.status == BookingStatus::Cancelled {
        "CANCELLED"
    } else {
        "CONFIRMED"
    };
    let mut lines = vec![
        format!("UID:{}@etakirjasto", booking.id),
        format!("DTSTAMP:{}", now.format("%Y%m%dT%H%M%SZ")),
        format!("DTSTART;TZID=Europe/Helsinki:{}", local(&booking.start)),
        format!("DTEND;TZID=Europe/Helsinki:{}", local(&booking.end)),
        format!(
            "SUMMARY:{}",
            escape(&format!(
                "{} – {library_name}",
                booking.service_name.get(lang)
            ))
        ),
        format!("LOCATION:{}", escape(&location)),
        format!("DESCRIPTION:{}", escape(&description)),
        format!("STATUS:{status}"),
    ];
    if let Some(url) = &booking.meeting_url {
        lines.push(format!("URL:{url}"));
    }
    document("Bookings", vec![lines])
}

#[cfg(test)]
mod tests {
    use super::*;
    use etakirjasto_shared::Localized;

    fn booking() -> Booking {
        Booking {
            id: "b1".into(),
            service_id: "s1".into(),
            service_name: Localized {
                fi: "Lukuneuvonta".into(),
                sv: "Läsråd".into(),
                en: "Reading guidance".into(),
            },
            library: "kalajoki".into(),
            start: "2026-07-06T09:00:00+03:00".parse().unwrap(),
            end: "2026-07-06T09:45:00+03:00".parse().unwrap(),
            mode: SessionMode::Video,
            status: BookingStatus::Confirmed,
            staff_id: "b1c2d3e4-0000-4000-8000-000000000001".into(),
            staff_name: "Liisa".into(),
            contact_name: "Maija".into(),
            contact_email: None,
            contact_phone: None,
            meeting_url: Some("https://meet.jit.si/etakirjasto-abc".into()),
            answers: vec![],
            booked_by_staff: false,
            cancellable_until: Utc::now(),
            created_at: Utc::now(),
            internal_note: None,
            manage_token: None,
        }
    }

    #[test]
    fn summer_times_are_local_with_the_zone_defined() {
        let ics = calendar(
            &booking(),
            "Kalajoen kaupunginkirjasto",
            Lang::En,
            Utc::now(),
        );
        assert!(
            ics.contains("DTSTART;TZID=Europe/Helsinki:20260706T090000\r\n"),
            "{ics}"
        );
        assert!(ics.contains("DTEND;TZID=Europe/Helsinki:20260706T094500\r\n"));
        assert!(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Helsinki\r\n"));
        assert!(ics.contains("SUMMARY:Reading guidance – Kalajoen kaupunginkirjasto\r\n"));
        assert!(ics.contains("UID:b1@etakirjasto\r\n"));
        assert!(ics.lines().all(|l| l.len() <= 76), "folded");
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }
}
