//! The day before a home visit: the client (or their contact person) hears that the library comes
//! tomorrow and what it brings, and each deliverer hears of their round.
//!
//! The server looks every ten minutes; from `notice_hour` (library time) on, the day before, every
//! planned visit of tomorrow is told of once. "Once" holds across processes: a notice is written
//! only by the transaction that inserts its key (`visit:<id>:<day>`, `round:<deliverer>:<day>`) into
//! `home_service_notices`; a second process finds the key there and writes nothing. Each visit is
//! read again under its client's lock in that transaction, so a visit moved, cancelled or erased
//! meanwhile is not told of. A visit moved to tomorrow after the round was told of still gets its
//! own notice; the deliverer's is one a day per library. A visit told of and then cancelled or
//! moved is told to be off (with the new day), once, by the same claim.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, NaiveDate, Timelike, Utc};
use diesel::prelude::*;
use etakirjasto_shared::{DayPart, Lang, MaterialFormat, MessageChannel, MessageKind, VisitStatus};

use super::queries;
use crate::{
    db::{DbConnection, write_tx},
    error::ApiError,
    libraries::queries::LibraryRow,
    messages::{
        outbox::{self, BASE, Draft, Recipient},
        templates,
    },
    schema::home_service_notices,
};

/// How long the keys are kept: long enough that no notice is written twice.
const KEEP_DAYS: u64 = 14;

/// Writes the notices due at `now` in every library; returns how many messages were written.
/// `notice_hour` is the library-time hour from which the day-before notices go.
pub fn notify_tomorrow(
    conn: &mut DbConnection,
    notice_hour: u32,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    let libraries = crate::libraries::queries::list(conn, None, None, i64::MAX)?;
    let mut written = 0;
    for library in libraries {
        let local = now.with_timezone(&crate::events::service::tz_of(&library.time_zone));
        if local.hour() < notice_hour {
            continue;
        }
        let Some(tomorrow) = local.date_naive().checked_add_days(Days::new(1)) else {
            continue;
        };
        // One library's failure does not hold up the others; the next run tries it again.
        match notify_library(conn, &library, tomorrow, now) {
            Ok(n) => written += n,
            Err(e) => {
                tracing::warn!(library = %library.slug, error = %e, "day-before home-visit notices failed")
            }
        }
    }
    written += called_off(conn, now)?;
    let old = (now - chrono::Duration::days(KEEP_DAYS as i64)).naive_utc();
    diesel::delete(home_service_notices::table.filter(home_service_notices::created_at.lt(old)))
        .execute(conn)?;
    Ok(written)
}

fn notify_library(
    conn: &mut DbConnection,
    library: &LibraryRow,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    let date = day.to_string();
    let candidates: Vec<(String, String)> = queries::visits_between(
        conn,
        std::slice::from_ref(&library.id),
        &date,
        &date,
        Some(VisitStatus::Planned.as_str()),
        None,
    )?
    .into_iter()
    .map(|(v, c)| (v.id, c.id))
    .collect();
    let mut written = 0;
    let mut rounds: BTreeMap<String, usize> = BTreeMap::new();
    for (visit_id, client_id) in &candidates {
        let key = format!("visit:{visit_id}:{date}");
        let told = write_tx(conn, |conn| {
            // Read again under the client's lock: a visit moved, cancelled or erased since the
            // list was read is not told of.
            queries::lock_client(conn, client_id)?;
            let Some((visit, _, _)) = queries::find_visit(conn, visit_id)? else {
                return Ok::<_, ApiError>(None);
            };
            let Some((client, _, _)) = queries::find_client(conn, client_id)? else {
                return Ok(None);
            };
            if visit.day != date
                || visit.status != VisitStatus::Planned.as_str()
                || client.status == "ended"
            {
                return Ok(None);
            }
            let deliverer = visit.deliverer_id.clone();
            if !claim(conn, &key, now)? {
                return Ok(Some((deliverer, 0)));
            }
            let brought: Vec<(String, Option<String>, MaterialFormat)> =
                queries::items_of_clients(conn, std::slice::from_ref(&client.id))?
                    .into_iter()
                    .filter(|(i, _, _)| i.visit_id == visit.id)
                    .map(|(i, _, _)| {
                        let format = MaterialFormat::parse(&i.format)
                            .unwrap_or(MaterialFormat::RegularPrint);
                        (i.title, i.author, format)
                    })
                    .collect();
            let lang = Lang::from_tag(&client.language).unwrap_or_default();
            let to = client_recipient(&client, lang);
            let part = DayPart::parse(&client.day_part);
            outbox::write(
                conn,
                library,
                Draft {
                    kind: MessageKind::HomeVisitTomorrow,
                    subject_id: visit.id.clone(),
                    to,
                    values: vec![
                        ("client", client.name.clone()),
                        ("when", templates::day_when(day, part, lang)),
                        ("what", items_text(&brought, lang)),
                    ],
                    private_link: None,
                    ics: None,
                    due_at: now,
                },
                now,
            )?;
            Ok(Some((deliverer, 1)))
        })?;
        if let Some((deliverer, n)) = told {
            written += n;
            if let Some(d) = deliverer {
                *rounds.entry(d).or_default() += 1;
            }
        }
    }
    for (deliverer, stops) in rounds {
        let key = format!("round:{}:{deliverer}:{date}", library.id);
        written += write_tx(conn, |conn| {
            if !claim(conn, &key, now)? {
                return Ok::<_, ApiError>(0);
            }
            let Some(to) = Recipient::account(conn, &deliverer, Lang::Fi)? else {
                return Ok(0);
            };
            // Staff are told by email; a volunteer as they chose.
            let to = if to.email.is_some() && !queries::is_volunteer(conn, &library.id, &deliverer)?
            {
                Recipient {
                    channel: MessageChannel::Email,
                    phone: None,
                    ..to
                }
            } else {
                to
            };
            let lang = to.language;
            outbox::write(
                conn,
                library,
                Draft {
                    kind: MessageKind::HomeRoundTomorrow,
                    subject_id: key.clone(),
                    to,
                    values: vec![
                        ("when", templates::day_when(day, None, lang)),
                        ("what", stops_text(stops, lang)),
                        ("link", format!("{BASE}/staff/home-service?round={date}")),
                    ],
                    private_link: None,
                    ics: None,
                    due_at: now,
                },
                now,
            )?;
            Ok(1)
        })?;
    }
    Ok(written)
}

/// Tells those told of a visit that it is off when it has since been cancelled or moved (with the
/// new day), once each. An erased client's visits are gone and nobody is told.
fn called_off(conn: &mut DbConnection, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let since = (now - chrono::Duration::days(3)).naive_utc();
    let told: Vec<String> = home_service_notices::table
        .filter(home_service_notices::key.like("visit:%"))
        .filter(home_service_notices::created_at.ge(since))
        .select(home_service_notices::key)
        .load(conn)?;
    let mut written = 0;
    for key in told {
        let mut parts = key.splitn(3, ':').skip(1);
        let (Some(visit_id), Some(day)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Ok(day) = day.parse::<NaiveDate>() else {
            continue;
        };
        let off_key = format!("off:{visit_id}:{day}");
        let result = write_tx(conn, |conn| {
            let Some((visit, _, zone)) = queries::find_visit(conn, visit_id)? else {
                return Ok::<_, ApiError>(0);
            };
            queries::lock_client(conn, &visit.client_id)?;
            let today = now
                .with_timezone(&crate::events::service::tz_of(&zone))
                .date_naive();
            let still_on =
                visit.day == day.to_string() && visit.status == VisitStatus::Planned.as_str();
            if still_on || day < today {
                return Ok(0);
            }
            let Some((client, _, _)) = queries::find_client(conn, &visit.client_id)? else {
                return Ok(0);
            };
            if !claim(conn, &off_key, now)? {
                return Ok(0);
            }
            let library = crate::libraries::queries::find_by_id(conn, &visit.library_id)?;
            let lang = Lang::from_tag(&client.language).unwrap_or_default();
            let moved_to = visit
                .day
                .parse::<NaiveDate>()
                .ok()
                .filter(|d| *d >= today && visit.status == VisitStatus::Planned.as_str());
            let what = match moved_to {
                Some(d) => format!(
                    "{} {}.",
                    lang.pick("Uusi käyntipäivä:", "Ny dag för besöket:", "The new day:"),
                    templates::day_when(d, DayPart::parse(&client.day_part), lang)
                ),
                None => String::new(),
            };
            outbox::write(
                conn,
                &library,
                Draft {
                    kind: MessageKind::HomeVisitOff,
                    subject_id: visit.id.clone(),
                    to: client_recipient(&client, lang),
                    values: vec![
                        ("client", client.name.clone()),
                        ("when", templates::day_when(day, None, lang)),
                        ("what", what),
                    ],
                    private_link: None,
                    ics: None,
                    due_at: now,
                },
                now,
            )?;
            Ok(1)
        });
        match result {
            Ok(n) => written += n,
            Err(e) => {
                tracing::warn!(key = %key, error = %e, "telling that a home visit is off failed")
            }
        }
    }
    Ok(written)
}

/// The contact person when one can be reached; else the client, by text message.
fn client_recipient(client: &queries::ClientRow, lang: Lang) -> Recipient {
    if client.contact_email.is_some() || client.contact_phone.is_some() {
        Recipient::guest(
            client.contact_name.as_deref().unwrap_or(&client.name),
            client.contact_email.as_deref(),
            client.contact_phone.as_deref(),
            lang,
        )
    } else {
        Recipient::guest(&client.name, None, Some(&client.phone), lang)
    }
}

/// Inserts `key`; false when it was there already (another process or an earlier run told of it).
fn claim(conn: &mut DbConnection, key: &str, now: DateTime<Utc>) -> Result<bool, ApiError> {
    let row = (
        home_service_notices::key.eq(key),
        home_service_notices::created_at.eq(now.naive_utc()),
    );
    let insert = diesel::insert_into(home_service_notices::table).values(row);
    let n = match conn {
        DbConnection::Pg(c) => insert.on_conflict_do_nothing().execute(c)?,
        DbConnection::Sqlite(c) => insert.on_conflict_do_nothing().execute(c)?,
    };
    Ok(n == 1)
}

fn items_text(items: &[(String, Option<String>, MaterialFormat)], lang: Lang) -> String {
    if items.is_empty() {
        return lang
            .pick(
                "kirjastoaineistoa toiveidenne mukaan.",
                "material från biblioteket enligt era önskemål.",
                "library materials chosen for you.",
            )
            .to_owned();
    }
    items
        .iter()
        .map(|(title, author, format)| {
            let by = author
                .as_deref()
                .map(|a| format!("{a}: "))
                .unwrap_or_default();
            format!("{by}{title} ({})", format_word(*format, lang))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn stops_text(stops: usize, lang: Lang) -> String {
    match (stops, lang) {
        (1, _) => lang.pick("1 käynti", "1 besök", "1 visit").to_owned(),
        (n, Lang::Fi) => format!("{n} käyntiä"),
        (n, Lang::Sv) => format!("{n} besök"),
        (n, Lang::En) => format!("{n} visits"),
    }
}

/// A format as the message says it.
fn format_word(format: MaterialFormat, lang: Lang) -> &'static str {
    use MaterialFormat as F;
    match format {
        F::RegularPrint => lang.pick("kirja", "bok", "book"),
        F::LargePrint => lang.pick("isotekstinen kirja", "storstilsbok", "large print"),
        F::Audiobook => lang.pick("äänikirja", "ljudbok", "audiobook"),
        F::Ebook => lang.pick("e-kirja", "e-bok", "e-book"),
        F::Celia => lang.pick("Celia-kirja", "Celia-bok", "Celia book"),
        F::Magazines => lang.pick("lehti", "tidskrift", "magazine"),
        F::Music => lang.pick("musiikki", "musik", "music"),
        F::Films => lang.pick("elokuva", "film", "film"),
    }
}
