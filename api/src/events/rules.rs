//! Event rules as pure functions: what staff may enter, whether registration is open, who gets a seat
//! and who is promoted when seats free up, and when the video link may be shown. No I/O; `now` is a
//! parameter.

use chrono::{DateTime, Duration, Utc};
use etakirjasto_shared::{EventInput, EventMode, FieldCode, SeatType, validate};

use crate::{auth::rules::FieldFaults, services::input::localized};

/// Longest title.
pub const TITLE_MAX: usize = 200;
/// Longest description or accessibility note.
pub const TEXT_MAX: usize = 4000;
/// Longest needs text in a registration.
pub const NEEDS_MAX: usize = 1000;
/// Most seats of one type.
pub const CAPACITY_MAX: u32 = 10_000;

/// Checks an event from staff; every fault is named by its field.
pub fn check_event(input: &EventInput) -> Result<(), FieldFaults> {
    let mut faults = FieldFaults::new();
    localized("title", &input.title, TITLE_MAX, &mut faults);
    localized("description", &input.description, TEXT_MAX, &mut faults);
    if let Some(note) = &input.accessibility_note {
        localized("accessibility_note", note, TEXT_MAX, &mut faults);
    }
    if input.end <= input.start {
        faults.push(("end".into(), FieldCode::InvalidChoice));
    }
    if input.end - input.start > Duration::days(14) {
        faults.push(("end".into(), FieldCode::TooLong));
    }
    let seats = input.mode.seat_types();
    for (field, seat, capacity) in [
        ("on_site_capacity", SeatType::OnSite, input.on_site_capacity),
        ("online_capacity", SeatType::Online, input.online_capacity),
    ] {
        if capacity > CAPACITY_MAX {
            faults.push((field.into(), FieldCode::TooLong));
        } else if !seats.contains(&seat) && capacity > 0 {
            // Seats of a kind the mode does not have would be offered and never usable.
            faults.push((field.into(), FieldCode::InvalidChoice));
        }
    }
    if !(1..=20).contains(&input.max_seats_per_registration) {
        faults.push((
            "max_seats_per_registration".into(),
            FieldCode::InvalidChoice,
        ));
    }
    if input.join_visible_minutes > 10_080 {
        faults.push(("join_visible_minutes".into(), FieldCode::TooLong));
    }
    match (&input.join_url, input.mode) {
        (Some(url), _) if !is_meeting_url(url) => {
            faults.push(("join_url".into(), FieldCode::InvalidFormat))
        }
        (Some(_), EventMode::OnSite) => faults.push(("join_url".into(), FieldCode::InvalidChoice)),
        _ => {}
    }
    for (field, text, max) in [("room", &input.room, 100), ("branch", &input.branch, 36)] {
        if let Some(t) = text {
            if t.chars().count() > max {
                faults.push((field.into(), FieldCode::TooLong));
            } else if validate::free_text(t).is_err() || t.contains('\n') {
                faults.push((field.into(), FieldCode::InvalidFormat));
            }
        }
    }
    if input.branch.as_deref().is_some_and(|b| !validate::is_id(b)) {
        faults.push(("branch".into(), FieldCode::InvalidChoice));
    }
    if let (Some(open), Some(close)) = (input.registration_opens, input.registration_closes)
        && close <= open
    {
        faults.push(("registration_closes".into(), FieldCode::InvalidChoice));
    }
    if faults.is_empty() {
        Ok(())
    } else {
        Err(faults)
    }
}

/// An `https://` address without spaces or control characters, at most 500 characters.
pub(crate) fn is_meeting_url(url: &str) -> bool {
    url.len() <= 500
        && url.starts_with("https://")
        && url.len() > "https://".len()
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// When registration closes: as set, else at the start; never after the start.
pub fn closes_at(start: DateTime<Utc>, closes: Option<DateTime<Utc>>) -> DateTime<Utc> {
    closes.map_or(start, |c| c.min(start))
}

/// True while registering is possible.
pub fn registration_open(
    opens: Option<DateTime<Utc>>,
    closes: DateTime<Utc>,
    cancelled: bool,
    now: DateTime<Utc>,
) -> bool {
    !cancelled && opens.is_none_or(|o| o <= now) && now < closes
}

/// Whether a new registration of `seats` gets seats now: only if they fit *and* nobody is already
/// waiting for that seat type (those who wait keep their turn).
pub fn gets_seats(capacity: u32, taken: u32, seats: u32, anyone_waiting: bool) -> bool {
    !anyone_waiting && taken + seats <= capacity
}

/// Which of the waiting registrations (in waiting order, with their seats) are promoted when `free`
/// seats are available: each in turn who fits, so a large party does not block smaller ones behind it.
pub fn to_promote(free: u32, waiting: &[(String, u32)]) -> Vec<String> {
    let mut left = free;
    let mut out = Vec::new();
    for (id, seats) in waiting {
        if *seats <= left {
            left -= seats;
            out.push(id.clone());
        }
    }
    out
}

/// True when the video link may be shown: from `visible_minutes` before the start until the end.
pub fn join_visible(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    visible_minutes: u32,
    now: DateTime<Utc>,
) -> bool {
    now >= start - Duration::minutes(i64::from(visible_minutes)) && now < end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn seats_go_first_to_those_already_waiting() {
        assert!(gets_seats(30, 29, 1, false));
        assert!(!gets_seats(30, 29, 2, false), "two do not fit in one");
        assert!(
            !gets_seats(30, 10, 1, true),
            "someone is waiting: join the queue"
        );
    }

    #[test]
    fn promotion_takes_each_waiting_person_who_fits_in_order() {
        let waiting = vec![
            ("a".into(), 3),
            ("b".into(), 1),
            ("c".into(), 2),
            ("d".into(), 1),
        ];
        assert_eq!(
            to_promote(2, &waiting),
            vec!["b".to_owned(), "d".to_owned()]
        );
        assert_eq!(to_promote(3, &waiting), vec!["a".to_owned()]);
        assert_eq!(to_promote(0, &waiting), Vec::<String>::new());
    }

    #[test]
    fn registration_and_link_windows() {
        let start = utc("2026-12-01T16:00:00Z");
        let end = utc("2026-12-01T17:30:00Z");
        let closes = closes_at(start, None);
        assert!(registration_open(
            None,
            closes,
            false,
            utc("2026-11-30T10:00:00Z")
        ));
        assert!(
            !registration_open(None, closes, false, start),
            "closed at the start"
        );
        assert!(
            !registration_open(None, closes, true, utc("2026-11-30T10:00:00Z")),
            "cancelled"
        );
        assert!(
            !registration_open(
                Some(utc("2026-11-30T12:00:00Z")),
                closes,
                false,
                utc("2026-11-30T10:00:00Z")
            ),
            "not yet open"
        );
        assert_eq!(closes_at(start, Some(utc("2026-12-02T00:00:00Z"))), start);
        assert!(!join_visible(start, end, 30, utc("2026-12-01T15:29:00Z")));
        assert!(join_visible(start, end, 30, utc("2026-12-01T15:30:00Z")));
        assert!(!join_visible(start, end, 30, end));
    }
}

/// A guest's contact details from a registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuestContact {
    /// Name.
    pub name: String,
    /// Email, if given.
    pub email: Option<String>,
    /// Phone (E.164), if given.
    pub phone: Option<String>,
}

/// Checks a registration request: seats within the event's limit and of a type it offers, needs as
/// plain text, and for guests a name with an email or phone. Returns the guest contact (none for an
/// account holder) and the trimmed needs.
pub fn check_registration(
    req: &etakirjasto_shared::NewRegistration,
    mode: EventMode,
    capacity_of: impl Fn(SeatType) -> u32,
    max_seats: u32,
    guest: bool,
) -> Result<(Option<GuestContact>, Option<String>), FieldFaults> {
    let mut faults = FieldFaults::new();
    let capacity = capacity_of(req.seat_type);
    if !mode.seat_types().contains(&req.seat_type) || capacity == 0 {
        faults.push(("seat_type".into(), FieldCode::InvalidChoice));
    } else if req.seats > capacity {
        // A party larger than the room could only ever wait.
        faults.push(("seats".into(), FieldCode::InvalidChoice));
    }
    if (req.seats == 0 || req.seats > max_seats) && !faults.iter().any(|(f, _)| f == "seats") {
        faults.push(("seats".into(), FieldCode::InvalidChoice));
    }
    let needs = req
        .needs
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    if let Some(n) = needs {
        if n.chars().count() > NEEDS_MAX {
            faults.push(("needs".into(), FieldCode::TooLong));
        } else if let Err(code) = validate::free_text(n) {
            faults.push(("needs".into(), code));
        }
    }
    let contact = if guest {
        let name = match req.name.as_deref().map(validate::name) {
            Some(Ok(n)) => Some(n),
            Some(Err(c)) => {
                faults.push(("name".into(), c));
                None
            }
            None => {
                faults.push(("name".into(), FieldCode::Required));
                None
            }
        };
        let present = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let email = present(&req.email).and_then(|e| {
            validate::email(&e)
                .map_err(|c| faults.push(("email".into(), c)))
                .ok()
        });
        let phone = present(&req.phone).and_then(|p| {
            validate::phone(&p)
                .map_err(|c| faults.push(("phone".into(), c)))
                .ok()
        });
        if present(&req.email).is_none() && present(&req.phone).is_none() {
            faults.push(("email".into(), FieldCode::Required));
        }
        name.map(|name| GuestContact { name, email, phone })
    } else {
        None
    };
    if faults.is_empty() {
        Ok((contact, needs.map(str::to_owned)))
    } else {
        Err(faults)
    }
}
