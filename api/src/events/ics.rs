//! Events as RFC 5545 calendar files: one event, or a feed of the listing. Never with video links:
//! the feed is public, and a calendar app would keep the link.

use chrono::{DateTime, Utc};
use etakirjasto_shared::{Event, EventMode, EventStatus, Lang};

use crate::ical::{document, escape, local};

fn lines(event: &Event, library_name: &str, lang: Lang, now: DateTime<Utc>) -> Vec<String> {
    let place = match event.mode {
        EventMode::Online => lang.pick("Verkossa", "På nätet", "Online").to_owned(),
        EventMode::OnSite | EventMode::Hybrid => {
            let room = event
                .room
                .as_deref()
                .map(|r| format!(", {r}"))
                .unwrap_or_default();
            let online = if event.mode == EventMode::Hybrid {
                lang.pick(" (myös verkossa)", " (även på nätet)", " (also online)")
            } else {
                ""
            };
            format!("{library_name}{room}{online}")
        }
    };
    let mut description = event.description.get(lang).to_owned();
    if let Some(note) = &event.accessibility_note {
        description.push_str("\n\n");
        description.push_str(note.get(lang));
    }
    let status = if event.status == EventStatus::Cancelled {
        "CANCELLED"
    } else {
        "CONFIRMED"
    };
    vec![
        format!("UID:{}@etakirjasto-events", event.id),
        format!("DTSTAMP:{}", now.format("%Y%m%dT%H%M%SZ")),
        format!("DTSTART;TZID=Europe/Helsinki:{}", local(&event.start)),
        format!("DTEND;TZID=Europe/Helsinki:{}", local(&event.end)),
        format!("SUMMARY:{}", escape(event.title.get(lang))),
        format!("LOCATION:{}", escape(&place)),
        format!("DESCRIPTION:{}", escape(&description)),
        format!("STATUS:{status}"),
    ]
}

/// A calendar file of `events` in `lang`, made at `now`.
pub fn calendar(events: &[Event], library_name: &str, lang: Lang, now: DateTime<Utc>) -> String {
    document(
        "Events",
        events
            .iter()
            .map(|e| lines(e, library_name, lang, now))
            .collect(),
    )
}
