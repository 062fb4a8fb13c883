//! Writing messages into the outbox, in the caller's transaction: who receives them, in which
//! language and channel, the wording (the library's own or the built-in one), the calendar file, and
//! the reminders the day before and about an hour before.
//!
//! Links are stored as `[[base]]/path`; the worker and the staff views put the public address in
//! place of `[[base]]`. A guest's private link (with its manage token) is kept in `secret`, shown as
//! [`PRIVATE_LINK`] in the text, and dropped once the message is sent.

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use diesel::prelude::*;
use etakirjasto_shared::{Lang, Localized, MessageChannel, MessageKind, MessageStatus};

use super::{
    queries::{self, MessageRow},
    templates::{self, PRIVATE_LINK},
};
use crate::{
    db::DbConnection,
    error::ApiError,
    libraries::queries::{LibraryRow, find_by_id},
};

/// Stands for the public address in stored links.
pub const BASE: &str = "[[base]]";

/// Who receives a message.
#[derive(Debug, Clone)]
pub struct Recipient {
    /// Their account, if they have one.
    pub user_id: Option<String>,
    /// Their name.
    pub name: String,
    /// Email address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// The channel to try first.
    pub channel: MessageChannel,
    /// The language.
    pub language: Lang,
}

impl Recipient {
    /// A person without an account (a guest): email when they gave one, else a text message.
    pub fn guest(
        name: &str,
        email: Option<&str>,
        phone: Option<&str>,
        language: Lang,
    ) -> Recipient {
        Recipient {
            user_id: None,
            name: name.to_owned(),
            email: email.map(str::to_owned),
            phone: phone.map(str::to_owned),
            channel: if email.is_some() || phone.is_none() {
                MessageChannel::Email
            } else {
                MessageChannel::Sms
            },
            language,
        }
    }

    /// An account holder, with the channel and language they chose (else email if they have one,
    /// and `fallback_language`).
    pub fn account(
        conn: &mut DbConnection,
        user_id: &str,
        fallback_language: Lang,
    ) -> Result<Option<Recipient>, ApiError> {
        use crate::schema::users;
        let Some((name, email, phone)) = users::table
            .find(user_id)
            .select((users::name, users::email, users::phone))
            .first::<(String, Option<String>, Option<String>)>(conn)
            .optional()?
        else {
            return Ok(None);
        };
        let chosen = queries::preferences(conn, user_id)?;
        let language = chosen
            .as_ref()
            .and_then(|(_, l)| Lang::from_tag(l))
            .unwrap_or(fallback_language);
        let mut recipient = Recipient::guest(&name, email.as_deref(), phone.as_deref(), language);
        recipient.user_id = Some(user_id.to_owned());
        if let Some(channel) = chosen.and_then(|(c, _)| MessageChannel::parse(&c)) {
            let reachable = match channel {
                MessageChannel::Email => recipient.email.is_some(),
                MessageChannel::Sms => recipient.phone.is_some(),
            };
            if reachable {
                recipient.channel = channel;
            }
        }
        Ok(Some(recipient))
    }

    /// The person behind a booking or registration: the account (`patron_id`) with its chosen channel
    /// and language, or the guest's name, email and phone in the language they used (`language`).
    pub fn of(
        conn: &mut DbConnection,
        patron_id: Option<&str>,
        (name, email, phone): (&Option<String>, &Option<String>, &Option<String>),
        language: &str,
    ) -> Result<Option<Recipient>, ApiError> {
        let language = Lang::from_tag(language).unwrap_or_default();
        match patron_id {
            Some(id) => Recipient::account(conn, id, language),
            None => Ok(Some(Recipient::guest(
                name.as_deref().unwrap_or_default(),
                email.as_deref(),
                phone.as_deref(),
                language,
            ))),
        }
    }

    fn reachable(&self) -> bool {
        self.email.is_some() || self.phone.is_some()
    }
}

/// One message to write.
#[derive(Debug, Clone)]
pub struct Draft {
    /// What it is about.
    pub kind: MessageKind,
    /// The booking, registration or programme booking.
    pub subject_id: String,
    /// Who receives it.
    pub to: Recipient,
    /// Placeholder values other than `name`, `library` and `library_phone`.
    pub values: Vec<(&'static str, String)>,
    /// A guest's private link, if `link` is one.
    pub private_link: Option<String>,
    /// The calendar file to attach.
    pub ics: Option<String>,
    /// When to send it.
    pub due_at: DateTime<Utc>,
}

/// Renders `draft` with the library's wording (or the built-in one) and writes it as pending.
/// Nothing is written for a recipient without an email address or a phone number.
pub fn write(
    conn: &mut DbConnection,
    library: &LibraryRow,
    draft: Draft,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    if !draft.to.reachable() {
        return Ok(());
    }
    let lang = draft.to.language;
    let custom = queries::template(conn, &library.id, draft.kind.as_str(), lang.code())?;
    let (subject, body) = match &custom {
        Some(t) => (t.subject.as_str(), t.body.as_str()),
        None => templates::builtin(draft.kind, lang),
    };
    let mut values = draft.values;
    values.push(("name", draft.to.name.clone()));
    values.push(("library", library.name.clone()));
    values.push(("library_phone", library.phone.clone()));
    if draft.private_link.is_some() {
        values.retain(|(k, _)| *k != "link");
        values.push(("link", PRIVATE_LINK.to_owned()));
    }
    let row = MessageRow {
        id: uuid::Uuid::new_v4().to_string(),
        library_id: library.id.clone(),
        kind: draft.kind.as_str().to_owned(),
        subject_id: draft.subject_id,
        user_id: draft.to.user_id,
        recipient_name: draft.to.name,
        email: draft.to.email,
        phone: draft.to.phone,
        channel: draft.to.channel.as_str().to_owned(),
        language: lang.code().to_owned(),
        subject: templates::fill(subject, &values).replace('\n', " "),
        body: templates::fill(body, &values),
        ics: draft.ics,
        secret: draft.private_link,
        status: MessageStatus::Pending.as_str().to_owned(),
        due_at: draft.due_at.naive_utc(),
        attempts: 0,
        claim: None,
        claimed_until: None,
        last_error: None,
        sent_via: None,
        sent_at: None,
        created_at: now.naive_utc(),
    };
    queries::insert(conn, std::slice::from_ref(&row))?;
    super::worker::wake();
    Ok(())
}

/// When the two reminders of something starting at `start` are due: the day before at the same
/// wall-clock time in the library's zone, and an hour before. A reminder whose time has passed (the
/// booking was made inside its window) is left out.
pub fn reminder_times(
    start: DateTime<Utc>,
    tz: Tz,
    now: DateTime<Utc>,
) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let local = start.with_timezone(&tz);
    let day_before = (local.date_naive() - Duration::days(1)).and_time(local.time());
    let day = tz
        .from_local_datetime(&day_before)
        .earliest()
        .or_else(|| {
            // The wall-clock time does not exist that day (the spring gap): an hour later.
            tz.from_local_datetime(&(day_before + Duration::hours(1)))
                .earliest()
        })
        .map(|t| t.with_timezone(&Utc));
    let hour = start - Duration::hours(1);
    (
        day.filter(|t| *t > now),
        Some(hour).filter(|t| *t > now && day.is_none_or(|d| *t > d)),
    )
}

fn tz_of(name: &str) -> Tz {
    name.parse().unwrap_or(chrono_tz::Europe::Helsinki)
}

/// A time as the staff calendar's address wants it (`2026-12-01`).
fn local_date(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz)
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

/// The kinds of reminder, per subject type.
const BOOKING_REMINDERS: [&str; 2] = ["booking_reminder_day", "booking_reminder_hour"];
const EVENT_REMINDERS: [&str; 2] = ["event_reminder_day", "event_reminder_hour"];

/// What happened to a booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookingChange {
    /// Booked.
    Made,
    /// Moved to another time.
    Moved,
    /// Cancelled.
    Cancelled,
}

/// Tells the patron and the staff member about a booking made, moved or cancelled, and plans (or
/// drops) its reminders. `manage_token` is a guest's token when it is at hand (when booking);
/// `actor` is who made the change (no copy is sent to a staff member about their own change);
/// `previous` is who had a moved session before and when, told that it left their calendar.
pub fn booking(
    conn: &mut DbConnection,
    view: &crate::bookings::queries::BookingView,
    change: BookingChange,
    manage_token: Option<&str>,
    actor: Option<&str>,
    previous: Option<(&str, DateTime<Utc>)>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    use etakirjasto_shared::SessionMode;
    let b = &view.booking;
    let library = find_by_id(conn, &b.library_id)?;
    let tz = tz_of(&view.time_zone);
    let start = b.starts_at.and_utc();
    queries::cancel_pending(conn, &b.id, &BOOKING_REMINDERS)?;
    let patron = Recipient::of(
        conn,
        b.patron_id.as_deref(),
        (&b.guest_name, &b.guest_email, &b.guest_phone),
        &b.language,
    )?;
    let wire = crate::bookings::service::to_wire(view.clone(), false);
    let service_name: Localized = wire.service_name.clone();
    let how = |lang: Lang| match (wire.mode, &wire.meeting_url, &wire.contact_phone) {
        (SessionMode::Video, Some(url), _) => templates::how_video(lang, url),
        (SessionMode::Phone, _, Some(phone)) => templates::how_phone(lang, phone),
        _ => String::new(),
    };
    if let Some(to) = patron {
        let lang = to.language;
        let (link, private_link) = match (&b.patron_id, manage_token) {
            (Some(_), _) => (format!("{BASE}/bookings"), None),
            (None, Some(token)) => (
                String::new(),
                Some(format!("{BASE}/bookings/{}#token={token}", b.id)),
            ),
            (None, None) => (format!("{BASE}/book"), None),
        };
        let link = if change == BookingChange::Cancelled {
            format!("{BASE}/book")
        } else {
            link
        };
        let private_link = private_link.filter(|_| change != BookingChange::Cancelled);
        let values = vec![
            ("what", service_name.get(lang).to_owned()),
            ("when", templates::when(start, tz, lang)),
            ("how", how(lang)),
            ("link", link),
        ];
        let mut ics_wire = wire.clone();
        if change == BookingChange::Cancelled {
            ics_wire.status = etakirjasto_shared::BookingStatus::Cancelled;
        }
        let ics = crate::bookings::ics::calendar(&ics_wire, &library.name, lang, now);
        let kind = match change {
            BookingChange::Made => MessageKind::BookingConfirmed,
            BookingChange::Moved => MessageKind::BookingChanged,
            BookingChange::Cancelled => MessageKind::BookingCancelled,
        };
        write(
            conn,
            &library,
            Draft {
                kind,
                subject_id: b.id.clone(),
                to: to.clone(),
                values: values.clone(),
                private_link: private_link.clone(),
                ics: Some(ics.clone()),
                due_at: now,
            },
            now,
        )?;
        if change != BookingChange::Cancelled {
            let (day, hour) = reminder_times(start, tz, now);
            let reminder_link = match &b.patron_id {
                Some(_) => format!("{BASE}/bookings"),
                // A guest's reminder points to their first message's link (the token is not kept).
                None => templates::link_sent_before(lang).to_owned(),
            };
            let mut reminder_values = values.clone();
            reminder_values.retain(|(k, _)| *k != "link");
            reminder_values.push(("link", reminder_link));
            for (kind, due) in [
                (MessageKind::BookingReminderDay, day),
                (MessageKind::BookingReminderHour, hour),
            ] {
                if let Some(due_at) = due {
                    write(
                        conn,
                        &library,
                        Draft {
                            kind,
                            subject_id: b.id.clone(),
                            to: to.clone(),
                            values: reminder_values.clone(),
                            private_link: None,
                            ics: Some(ics.clone()),
                            due_at,
                        },
                        now,
                    )?;
                }
            }
        }
    }
    let kind = match change {
        BookingChange::Made => MessageKind::StaffBookingNew,
        BookingChange::Moved => MessageKind::StaffBookingChanged,
        BookingChange::Cancelled => MessageKind::StaffBookingCancelled,
    };
    let mut told = vec![(b.staff_id.as_str(), kind, start)];
    if let Some((before, was)) = previous.filter(|(s, _)| *s != b.staff_id) {
        // The session moved to a colleague: the one who had it is told it left their calendar
        // (at its old time), and the colleague is told of a new session.
        told = vec![
            (before, MessageKind::StaffBookingCancelled, was),
            (b.staff_id.as_str(), MessageKind::StaffBookingNew, start),
        ];
    }
    for (staff_id, kind, start) in told {
        if actor == Some(staff_id) {
            continue;
        }
        let Some(staff) = Recipient::account(conn, staff_id, Lang::Fi)? else {
            continue;
        };
        let lang = staff.language;
        // The calendar file of the session as it now stands (not for the old time of a move).
        let staff_ics = (start == b.starts_at.and_utc()).then(|| {
            let mut w = wire.clone();
            if kind == MessageKind::StaffBookingCancelled {
                w.status = etakirjasto_shared::BookingStatus::Cancelled;
            }
            crate::bookings::ics::calendar(&w, &library.name, lang, now)
        });
        // Staff are told by email only: their phone is for calling patrons.
        let staff = Recipient {
            channel: MessageChannel::Email,
            phone: None,
            ..staff
        };
        write(
            conn,
            &library,
            Draft {
                kind,
                subject_id: b.id.clone(),
                to: staff,
                values: vec![
                    ("patron", wire.contact_name.clone()),
                    ("what", service_name.get(lang).to_owned()),
                    ("when", templates::when(start, tz, lang)),
                    ("how", how(lang)),
                    (
                        "link",
                        format!("{BASE}/staff?date={}", local_date(start, tz)),
                    ),
                ],
                private_link: None,
                ics: staff_ics,
                due_at: now,
            },
            now,
        )?;
    }
    Ok(())
}

/// What happened to an event registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationChange {
    /// Registered (confirmed or on the waiting list, as its status says).
    Placed,
    /// Moved from the waiting list to a seat.
    Promoted,
    /// The event's time, place or link changed.
    EventChanged,
    /// The event was cancelled.
    EventCancelled,
    /// The registration was cancelled (by the person or staff): told, and the reminders dropped.
    Cancelled,
}

/// Tells a person about their registration and plans (or drops) the event's reminders.
pub fn registration(
    conn: &mut DbConnection,
    event: &crate::events::queries::EventRow,
    reg: &crate::events::queries::RegistrationRow,
    change: RegistrationChange,
    manage_token: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    queries::cancel_pending(conn, &reg.id, &EVENT_REMINDERS)?;
    let library = find_by_id(conn, &event.library_id)?;
    let tz = tz_of(&library.time_zone);
    let start = event.starts_at.and_utc();
    let to = registrant(conn, reg)?;
    let Some(to) = to else { return Ok(()) };
    let lang = to.language;
    let title: Localized = serde_json::from_str(&event.title).unwrap_or_default();
    let confirmed = reg.status == "confirmed";
    let online = reg.seat_type == "online";
    let place = place_text(conn, event, lang)?;
    let how = if online {
        lang.pick(
            "Osallistut verkossa. Liittymislinkki näkyy sivullasi vähän ennen alkua.",
            "Du deltar på nätet. Länken syns på din sida en stund före början.",
            "You take part online. The link to join shows on your page shortly before the start.",
        )
        .to_owned()
    } else {
        place
    };
    let event_link = format!("{BASE}/events/{}", event.id);
    let own_link = match &reg.patron_id {
        Some(_) => format!("{BASE}/bookings"),
        None => event_link.clone(),
    };
    let private_link = manage_token.map(|token| {
        format!(
            "{BASE}/events/{}/registrations/{}#token={token}",
            event.id, reg.id
        )
    });
    let position = if reg.status == "waitlisted" {
        crate::events::queries::waitlist_position(conn, reg)?
    } else {
        None
    };
    let (kind, link) = match change {
        RegistrationChange::Placed if confirmed => (MessageKind::RegistrationConfirmed, own_link),
        RegistrationChange::Placed => (MessageKind::RegistrationWaitlisted, own_link),
        RegistrationChange::Promoted => (MessageKind::RegistrationPromoted, own_link),
        RegistrationChange::EventChanged => (MessageKind::EventChanged, event_link.clone()),
        RegistrationChange::EventCancelled => {
            (MessageKind::EventCancelled, format!("{BASE}/events"))
        }
        RegistrationChange::Cancelled => (MessageKind::RegistrationCancelled, event_link.clone()),
    };
    let values = vec![
        ("what", title.get(lang).to_owned()),
        ("when", templates::when(start, tz, lang)),
        ("how", how),
        ("place", position.map(|p| p.to_string()).unwrap_or_default()),
        ("link", link),
    ];
    let ics = (change != RegistrationChange::EventCancelled && confirmed)
        .then(|| event_calendar(conn, event, &library, lang, now))
        .transpose()?;
    let private = private_link.filter(|_| {
        matches!(
            change,
            RegistrationChange::Placed | RegistrationChange::Promoted
        )
    });
    write(
        conn,
        &library,
        Draft {
            kind,
            subject_id: reg.id.clone(),
            to: to.clone(),
            values: values.clone(),
            private_link: private,
            ics: ics.clone(),
            due_at: now,
        },
        now,
    )?;
    if confirmed && change != RegistrationChange::EventCancelled {
        let (day, hour) = reminder_times(start, tz, now);
        for (kind, due) in [
            (MessageKind::EventReminderDay, day),
            (MessageKind::EventReminderHour, hour),
        ] {
            let Some(due_at) = due else { continue };
            let mut reminder_values = values.clone();
            reminder_values.retain(|(k, _)| *k != "link");
            reminder_values.push((
                "link",
                match &reg.patron_id {
                    Some(_) => format!("{BASE}/bookings"),
                    None => templates::link_sent_before(lang).to_owned(),
                },
            ));
            write(
                conn,
                &library,
                Draft {
                    kind,
                    subject_id: reg.id.clone(),
                    to: to.clone(),
                    values: reminder_values,
                    private_link: None,
                    ics: ics.clone(),
                    due_at,
                },
                now,
            )?;
        }
    }
    Ok(())
}

/// Tells everyone registered (confirmed or waiting) for an event that it changed or was cancelled.
pub fn whole_event(
    conn: &mut DbConnection,
    event_id: &str,
    change: RegistrationChange,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let Some((event, _, _)) = crate::events::queries::find(conn, event_id)? else {
        return Ok(());
    };
    for (reg, _) in crate::events::queries::registrations_of(conn, event_id)? {
        if reg.status == "cancelled" {
            continue;
        }
        registration(conn, &event, &reg, change, None, now)?;
    }
    Ok(())
}

/// Writes staff's own words to everyone registered for an event (confirmed or waiting); returns how
/// many could be reached.
pub fn event_message(
    conn: &mut DbConnection,
    event: &crate::events::queries::EventRow,
    message: &str,
    now: DateTime<Utc>,
) -> Result<u32, ApiError> {
    let library = find_by_id(conn, &event.library_id)?;
    let tz = tz_of(&library.time_zone);
    let title: Localized = serde_json::from_str(&event.title).unwrap_or_default();
    let mut reached = 0;
    for (reg, _) in crate::events::queries::registrations_of(conn, &event.id)? {
        if reg.status == "cancelled" {
            continue;
        }
        let Some(to) = registrant(conn, &reg)?.filter(Recipient::reachable) else {
            continue;
        };
        let lang = to.language;
        write(
            conn,
            &library,
            Draft {
                kind: MessageKind::EventMessage,
                subject_id: reg.id.clone(),
                to,
                values: vec![
                    ("message", message.to_owned()),
                    ("what", title.get(lang).to_owned()),
                    ("when", templates::when(event.starts_at.and_utc(), tz, lang)),
                    ("link", format!("{BASE}/events/{}", event.id)),
                ],
                private_link: None,
                ics: None,
                due_at: now,
            },
            now,
        )?;
        reached += 1;
    }
    Ok(reached)
}

/// What a survey invitation went to: how many were invited, had been before, or have no address.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Invited {
    /// Invited now.
    pub invited: i64,
    /// Invited to this survey before, so not again.
    pub already: i64,
    /// Without an email address or phone number.
    pub unreachable: i64,
}

/// Invites each of `recipients` to answer the survey `survey_id`, in their language and channel,
/// once per person: someone invited to it before (by the same account, email or phone) is not
/// invited again, nor twice in one group.
#[allow(clippy::too_many_arguments)]
pub fn survey_invitations(
    conn: &mut DbConnection,
    library: &LibraryRow,
    survey_id: &str,
    title: &Localized,
    closes_on: Option<&str>,
    note: &str,
    recipients: Vec<Recipient>,
    now: DateTime<Utc>,
) -> Result<Invited, ApiError> {
    let kind = MessageKind::SurveyInvitation;
    let mut told = queries::recipients_of(conn, kind.as_str(), survey_id)?;
    let mut outcome = Invited::default();
    for to in recipients {
        if !to.reachable() {
            outcome.unreachable += 1;
            continue;
        }
        let same = |(user, email, phone): &queries::Addressee| {
            (to.user_id.is_some() && *user == to.user_id)
                || (to.email.is_some() && *email == to.email)
                || (to.phone.is_some() && *phone == to.phone)
        };
        if told.iter().any(same) {
            outcome.already += 1;
            continue;
        }
        told.push((to.user_id.clone(), to.email.clone(), to.phone.clone()));
        let lang = to.language;
        write(
            conn,
            library,
            Draft {
                kind,
                subject_id: survey_id.to_owned(),
                to,
                values: vec![
                    ("what", title.get(lang).to_owned()),
                    ("when", templates::survey_until(lang, closes_on)),
                    ("message", note.to_owned()),
                    ("link", format!("{BASE}/surveys/{survey_id}")),
                ],
                private_link: None,
                ics: None,
                due_at: now,
            },
            now,
        )?;
        outcome.invited += 1;
    }
    Ok(outcome)
}

/// The person who registered.
pub fn registrant(
    conn: &mut DbConnection,
    reg: &crate::events::queries::RegistrationRow,
) -> Result<Option<Recipient>, ApiError> {
    Recipient::of(
        conn,
        reg.patron_id.as_deref(),
        (&reg.guest_name, &reg.guest_email, &reg.guest_phone),
        &reg.language,
    )
}

/// Where an on-site event is: the branch's name and address, and the room.
fn place_text(
    conn: &mut DbConnection,
    event: &crate::events::queries::EventRow,
    lang: Lang,
) -> Result<String, ApiError> {
    use crate::schema::branches;
    let branch = match &event.branch_id {
        Some(id) => branches::table
            .find(id)
            .select((branches::name, branches::street_address, branches::city))
            .first::<(String, String, String)>(conn)
            .optional()?,
        None => None,
    };
    let mut parts = Vec::new();
    if let Some((name, street, city)) = branch {
        parts.push(format!("{name}, {street}, {city}"));
    }
    if let Some(room) = &event.room {
        parts.push(room.clone());
    }
    Ok(if parts.is_empty() {
        String::new()
    } else {
        format!(
            "{} {}.",
            lang.pick("Paikka:", "Plats:", "Place:"),
            parts.join(", ")
        )
    })
}

fn event_calendar(
    conn: &mut DbConnection,
    event: &crate::events::queries::EventRow,
    library: &LibraryRow,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<String, ApiError> {
    let wire = crate::events::service::get(conn, None, &event.id, now)?;
    Ok(crate::events::ics::calendar(
        std::slice::from_ref(&wire),
        &library.name,
        lang,
        now,
    ))
}

/// Tells a care-home unit's contact person that staff confirmed its programme (`row` as it will be
/// saved, with its video link) or that it accepted a proposed time, with the calendar file and the
/// reminders; or that staff proposed another time (`start`). Pending reminders are dropped first.
pub fn programme(
    conn: &mut DbConnection,
    row: &crate::programmes::queries::BookingRow,
    view: &crate::programmes::queries::BookingView,
    kind: MessageKind,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    queries::cancel_pending(conn, &row.id, &BOOKING_REMINDERS)?;
    let Some(contact) = view.contact_user_id.as_deref() else {
        return Ok(());
    };
    let library = find_by_id(conn, &view.library_id)?;
    let tz = tz_of(&library.time_zone);
    let Some(to) = Recipient::account(conn, contact, Lang::Fi)? else {
        return Ok(());
    };
    let lang = to.language;
    let title: Localized = serde_json::from_str(&view.title).unwrap_or_default();
    let confirmed = kind == MessageKind::ProgrammeConfirmed;
    let end = start + Duration::minutes(i64::from(view.duration_minutes));
    let ics = confirmed.then(|| {
        let local = |t: DateTime<Utc>| crate::ical::local(&t.with_timezone(&tz).fixed_offset());
        let mut lines = vec![
            format!("UID:{}@etakirjasto", row.id),
            format!("DTSTAMP:{}", now.format("%Y%m%dT%H%M%SZ")),
            format!("DTSTART;TZID=Europe/Helsinki:{}", local(start)),
            format!("DTEND;TZID=Europe/Helsinki:{}", local(end)),
            format!(
                "SUMMARY:{}",
                crate::ical::escape(&format!("{} – {}", title.get(lang), library.name))
            ),
            "STATUS:CONFIRMED".to_owned(),
        ];
        if let Some(url) = &row.meeting_url {
            lines.push(format!("LOCATION:{}", crate::ical::escape(url)));
            lines.push(format!("URL:{url}"));
        }
        crate::ical::document("Programmes", vec![lines])
    });
    let values = vec![
        ("what", title.get(lang).to_owned()),
        ("when", templates::when(start, tz, lang)),
        (
            "how",
            row.meeting_url
                .as_deref()
                .filter(|_| confirmed)
                .map(|u| templates::how_video(lang, u))
                .unwrap_or_default(),
        ),
        ("link", format!("{BASE}/programmes")),
    ];
    write(
        conn,
        &library,
        Draft {
            kind,
            subject_id: row.id.clone(),
            to: to.clone(),
            values: values.clone(),
            private_link: None,
            ics: ics.clone(),
            due_at: now,
        },
        now,
    )?;
    if confirmed {
        let (day, hour) = reminder_times(start, tz, now);
        for (kind, due) in [
            (MessageKind::BookingReminderDay, day),
            (MessageKind::BookingReminderHour, hour),
        ] {
            let Some(due_at) = due else { continue };
            write(
                conn,
                &library,
                Draft {
                    kind,
                    subject_id: row.id.clone(),
                    to: to.clone(),
                    values: values.clone(),
                    private_link: None,
                    ics: ics.clone(),
                    due_at,
                },
                now,
            )?;
        }
    }
    Ok(())
}

/// Tells the applicant how a home-service application was decided: the relative or care worker who
/// applied (by email, else text message), or the person themselves by text message.
pub fn home_service_decided(
    conn: &mut DbConnection,
    row: &crate::home_service::queries::ApplicationRow,
    kind: MessageKind,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let library = find_by_id(conn, &row.library_id)?;
    let lang = Lang::from_tag(&row.language).unwrap_or_default();
    let to = match &row.applicant_name {
        Some(name) => Recipient::guest(
            name,
            row.applicant_email.as_deref(),
            row.applicant_phone.as_deref(),
            lang,
        ),
        None => Recipient::guest(&row.name, None, Some(&row.phone), lang),
    };
    let values = vec![
        ("client", row.name.clone()),
        ("message", row.decline_reason.clone().unwrap_or_default()),
    ];
    write(
        conn,
        &library,
        Draft {
            kind,
            subject_id: row.id.clone(),
            to,
            values,
            private_link: None,
            ics: None,
            due_at: now,
        },
        now,
    )
}

/// Drops the pending reminders of a cancelled programme booking.
pub fn programme_cancelled(conn: &mut DbConnection, booking_id: &str) -> Result<(), ApiError> {
    queries::cancel_pending(conn, booking_id, &BOOKING_REMINDERS)?;
    Ok(())
}

/// A local date and time in `tz` as UTC (the earlier one in the autumn overlap).
pub fn at(date: chrono::NaiveDate, time: NaiveTime, tz: Tz) -> Option<DateTime<Utc>> {
    tz.from_local_datetime(&date.and_time(time))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn reminders_keep_the_wall_clock_across_the_spring_change() {
        // Clocks go forward in Helsinki on Sunday 28 March 2027 at 03:00 (UTC+2 -> UTC+3).
        let tz = chrono_tz::Europe::Helsinki;
        let start = at(
            "2027-03-28".parse().unwrap(),
            NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            tz,
        )
        .unwrap();
        assert_eq!(start, utc("2027-03-28T07:00:00Z"));
        let (day, hour) = reminder_times(start, tz, utc("2027-03-01T00:00:00Z"));
        // 10:00 on Saturday in winter time is 08:00 UTC: 23 hours before, not 24.
        assert_eq!(day, Some(utc("2027-03-27T08:00:00Z")));
        assert_eq!(hour, Some(utc("2027-03-28T06:00:00Z")));
    }

    #[test]
    fn reminders_keep_the_wall_clock_across_the_autumn_change() {
        // Clocks go back on Sunday 31 October 2027 at 04:00 (UTC+3 -> UTC+2).
        let tz = chrono_tz::Europe::Helsinki;
        let start = at(
            "2027-10-31".parse().unwrap(),
            NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            tz,
        )
        .unwrap();
        assert_eq!(start, utc("2027-10-31T08:00:00Z"));
        let (day, _) = reminder_times(start, tz, utc("2027-10-01T00:00:00Z"));
        // 10:00 on Saturday in summer time is 07:00 UTC: 25 hours before.
        assert_eq!(day, Some(utc("2027-10-30T07:00:00Z")));
    }

    #[test]
    fn a_time_in_the_spring_gap_moves_an_hour_later() {
        let tz = chrono_tz::Europe::Helsinki;
        // 03:30 on the Monday; the day before, 03:30 does not exist.
        let start = at(
            "2027-03-29".parse().unwrap(),
            NaiveTime::from_hms_opt(3, 30, 0).unwrap(),
            tz,
        )
        .unwrap();
        let (day, _) = reminder_times(start, tz, utc("2027-03-01T00:00:00Z"));
        assert_eq!(day, Some(utc("2027-03-28T01:30:00Z")), "04:30 summer time");
    }

    #[test]
    fn no_reminder_whose_window_has_passed() {
        let tz = chrono_tz::Europe::Helsinki;
        let start = utc("2026-12-01T11:00:00Z");
        let (day, hour) = reminder_times(start, tz, utc("2026-12-01T05:00:00Z"));
        assert_eq!(day, None, "booked inside the day-before window");
        assert_eq!(hour, Some(utc("2026-12-01T10:00:00Z")));
        let (day, hour) = reminder_times(start, tz, utc("2026-12-01T10:30:00Z"));
        assert_eq!((day, hour), (None, None), "booked inside the hour");
    }
}
