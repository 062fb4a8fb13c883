//! Import of a library's branches and weekly opening hours from the Finnish library directory
//! (Kirjastohakemisto), as the Kirkanta API v4 gives them (`https://api.kirjastot.fi/v4/library`),
//! so libraries do not type them again.
//!
//! Accepted: a list answer (`{"items": [...]}`, also the older `result`; all of it: a page with
//! fewer libraries than its `total` is refused), a single answer (`{"data": {...}}`), a bare
//! library or an array of them. Each library becomes a branch: its name, whether it is the main
//! library, street, postcode and town, the first valid phone number (the primary one, then the
//! others) and the primary email. Opening hours are the staffed hours (`status` 1) of each weekday
//! in the `schedules` given, from the earliest opening to the latest closing (a lunch gap is not
//! kept: our hours are one interval a day); self-service hours (`status` 2) are not staffed opening
//! hours, a closed day has none, and a day with a note (`info`: a holiday, shortened hours) counts
//! only when its weekday has no ordinary day in the file. Schedules must cover all seven weekdays:
//! ask the directory for a whole week
//! (`with=schedules,primaryContactInfo,phoneNumbers&period.start=0w&period.end=0w`).
//!
//! *Invariant:* an import changes only the branches it names (matched by name, ignoring case; a
//! file naming one twice is refused); what the file lacks (phone, email, whether main, schedules)
//! stays as stored; a branch with schedules gets exactly the hours found; at most one main library,
//! and naming one makes the library's other branches not main. Everything is written in one
//! transaction under the library's row lock, so a bad file changes nothing and two imports at once
//! do not both add a branch.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveTime};
use diesel::prelude::*;
use serde::Deserialize;

use super::queries::{BranchRow, HoursRow};
use crate::{
    db::{DbConnection, write_tx},
    error::ApiError,
    schema::{branches, libraries, opening_hours},
};

/// A translatable text: a plain string (what the API gives with `lang`) or a map by language
/// whose values may be null.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Text {
    Plain(String),
    ByLang(BTreeMap<String, Option<String>>),
}

impl Text {
    /// The Finnish text, else Swedish, English or the first other language that has one.
    fn finnish(&self) -> String {
        match self {
            Text::Plain(s) => s.trim().to_owned(),
            Text::ByLang(m) => ["fi", "sv", "en"]
                .iter()
                .filter_map(|l| m.get(*l))
                .chain(m.values())
                .flatten()
                .map(|s| s.trim())
                .find(|s| !s.is_empty())
                .unwrap_or_default()
                .to_owned(),
        }
    }
}

#[derive(Debug, Deserialize)]
struct Envelope {
    total: Option<u64>,
    items: Option<Vec<Library>>,
    result: Option<Vec<Library>>,
    data: Option<Library>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Library {
    name: Text,
    main_library: Option<bool>,
    address: Option<Address>,
    primary_contact_info: Option<Contact>,
    phone_numbers: Option<Vec<Phone>>,
    schedules: Option<Vec<Day>>,
}

#[derive(Debug, Deserialize)]
struct Address {
    street: Option<Text>,
    zipcode: Option<String>,
    city: Option<Text>,
}

#[derive(Debug, Deserialize)]
struct Contact {
    email: Option<Email>,
    phone: Option<Phone>,
}

#[derive(Debug, Deserialize)]
struct Email {
    email: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Phone {
    number: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Day {
    date: String,
    closed: Option<bool>,
    info: Option<Text>,
    times: Option<Vec<Time>>,
}

#[derive(Debug, Deserialize)]
struct Time {
    from: String,
    to: String,
    status: Option<u8>,
}

/// One branch as found in the directory; `None` where the file says nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedBranch {
    pub name: String,
    pub is_main: Option<bool>,
    pub street_address: String,
    pub postal_code: String,
    pub city: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// (ISO weekday 1–7, opens, closes), staffed hours only; `None` without schedules.
    pub hours: Option<Vec<(i32, String, String)>>,
}

/// Reads the directory's JSON; a fault names what is wrong.
pub fn parse(json: &str) -> Result<Vec<ImportedBranch>, String> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| format!("not JSON: {e}"))?;
    let libraries: Vec<Library> = if value.is_array() {
        serde_json::from_value(value).map_err(|e| format!("not a list of libraries: {e}"))?
    } else if value.get("name").is_some() {
        vec![serde_json::from_value(value).map_err(|e| format!("not a library: {e}"))?]
    } else {
        let envelope: Envelope =
            serde_json::from_value(value).map_err(|e| format!("not a Kirkanta answer: {e}"))?;
        let list = envelope
            .items
            .or(envelope.result)
            .or_else(|| envelope.data.map(|d| vec![d]))
            .ok_or("no `items` or `data` in the file")?;
        if let Some(total) = envelope.total.filter(|t| *t > list.len() as u64) {
            return Err(format!(
                "the file holds {} of the {total} libraries found: ask again with limit={total}",
                list.len()
            ));
        }
        list
    };
    if libraries.is_empty() {
        return Err("the file names no library".into());
    }
    let found: Vec<ImportedBranch> = libraries
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let shown = l.name.finnish();
            branch(l).map_err(|e| format!("library {} ({shown}): {e}", i + 1))
        })
        .collect::<Result<_, _>>()?;
    let mut names: Vec<String> = found.iter().map(|b| b.name.to_lowercase()).collect();
    names.sort();
    if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
        return Err(format!("the file names `{}` twice", w[0]));
    }
    if found.iter().filter(|b| b.is_main == Some(true)).count() > 1 {
        return Err(
            "the file has more than one main library: import one library system at a time".into(),
        );
    }
    Ok(found)
}

fn clock(raw: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(raw.trim(), "%H:%M").ok()
}

/// The last minute of the day, for hours that end at midnight.
fn end_of_day() -> NaiveTime {
    NaiveTime::from_hms_opt(23, 59, 0).unwrap_or_default()
}

fn branch(l: Library) -> Result<ImportedBranch, String> {
    let name = l.name.finnish();
    if name.is_empty() || name.chars().count() > 200 {
        return Err("its name is missing or too long".into());
    }
    let text = |t: &Option<Text>| t.as_ref().map(Text::finnish).unwrap_or_default();
    let (street, zipcode, city) = match &l.address {
        Some(a) => (
            text(&a.street),
            a.zipcode.clone().unwrap_or_default().trim().to_owned(),
            text(&a.city),
        ),
        None => Default::default(),
    };
    // The first number that is a phone number: the primary one, then the others.
    let phone = l
        .primary_contact_info
        .as_ref()
        .and_then(|c| c.phone.as_ref())
        .into_iter()
        .chain(l.phone_numbers.iter().flatten())
        .filter_map(|p| p.number.as_deref())
        .find_map(|n| etakirjasto_shared::validate::phone(n).ok());
    let email = l
        .primary_contact_info
        .as_ref()
        .and_then(|c| c.email.as_ref())
        .and_then(|e| e.email.clone())
        .and_then(|e| etakirjasto_shared::validate::email(&e).ok());
    let hours = match &l.schedules {
        None => None,
        Some(days) => Some(weekly_hours(days)?),
    };
    Ok(ImportedBranch {
        name,
        is_main: l.main_library,
        street_address: street,
        postal_code: zipcode,
        city,
        phone,
        email,
        hours,
    })
}

/// Each weekday's staffed hours: from its first ordinary day in the file (a day with a note only
/// when there is no ordinary one). Every weekday must be in the file.
fn weekly_hours(days: &[Day]) -> Result<Vec<(i32, String, String)>, String> {
    // weekday → (from a day with a note, hours)
    let mut by_weekday: BTreeMap<i32, (bool, Option<(NaiveTime, NaiveTime)>)> = BTreeMap::new();
    for day in days {
        let date = NaiveDate::parse_from_str(day.date.trim(), "%Y-%m-%d")
            .map_err(|_| format!("a schedule's date `{}` is not YYYY-MM-DD", day.date))?;
        let weekday = date.weekday().number_from_monday() as i32;
        let noted = day.info.as_ref().is_some_and(|i| !i.finnish().is_empty());
        match by_weekday.get(&weekday) {
            Some((false, _)) => continue,
            Some((true, _)) if noted => continue,
            _ => {}
        }
        let mut open: Option<(NaiveTime, NaiveTime)> = None;
        if !day.closed.unwrap_or(false) {
            for t in day.times.iter().flatten() {
                if t.status.unwrap_or(1) != 1 {
                    continue;
                }
                let (Some(from), Some(to)) = (clock(&t.from), clock(&t.to)) else {
                    return Err(format!("a time on {} is not HH:MM", day.date));
                };
                // Open until midnight.
                let to = if to == NaiveTime::MIN {
                    end_of_day()
                } else {
                    to
                };
                if to <= from {
                    return Err(format!("a time on {} ends before it starts", day.date));
                }
                open = Some(match open {
                    Some((a, b)) => (a.min(from), b.max(to)),
                    None => (from, to),
                });
            }
        }
        by_weekday.insert(weekday, (noted, open));
    }
    if by_weekday.len() < 7 {
        return Err(format!(
            "its schedules cover {} of the 7 weekdays: ask for a whole week (period.start=0w&period.end=0w)",
            by_weekday.len()
        ));
    }
    Ok(by_weekday
        .into_iter()
        .filter_map(|(d, (_, open))| {
            open.map(|(a, b)| {
                (
                    d,
                    a.format("%H:%M").to_string(),
                    b.format("%H:%M").to_string(),
                )
            })
        })
        .collect())
}

/// What an import did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub added: usize,
    pub updated: usize,
}

/// Writes the branches into the library in one transaction (see the module's invariant).
pub fn apply(
    conn: &mut DbConnection,
    library_id: &str,
    found: &[ImportedBranch],
) -> Result<Imported, ApiError> {
    write_tx(conn, |conn| {
        // One import at a time per library.
        if let DbConnection::Pg(pg) = conn {
            libraries::table
                .find(library_id)
                .select(libraries::id)
                .for_update()
                .load::<String>(pg)?;
        }
        let existing: Vec<(String, String, i32)> = branches::table
            .filter(branches::library_id.eq(library_id))
            .select((branches::id, branches::name, branches::position))
            .load(conn)?;
        let mut next = existing.iter().map(|b| b.2).max().map_or(0, |p| p + 1);
        let mut out = Imported::default();
        if found.iter().any(|b| b.is_main == Some(true)) {
            diesel::update(branches::table.filter(branches::library_id.eq(library_id)))
                .set(branches::is_main.eq(false))
                .execute(conn)?;
        }
        for b in found {
            let same = existing
                .iter()
                .find(|e| e.1.trim().to_lowercase() == b.name.to_lowercase());
            let id = match same {
                Some((id, _, _)) => {
                    let row = branches::table.find(id);
                    diesel::update(row)
                        .set((
                            branches::street_address.eq(&b.street_address),
                            branches::postal_code.eq(&b.postal_code),
                            branches::city.eq(&b.city),
                        ))
                        .execute(conn)?;
                    // What the file does not say stays as stored.
                    if let Some(main) = b.is_main {
                        diesel::update(row)
                            .set(branches::is_main.eq(main))
                            .execute(conn)?;
                    }
                    if let Some(phone) = &b.phone {
                        diesel::update(row)
                            .set(branches::phone.eq(phone))
                            .execute(conn)?;
                    }
                    if let Some(email) = &b.email {
                        diesel::update(row)
                            .set(branches::email.eq(email))
                            .execute(conn)?;
                    }
                    if b.hours.is_some() {
                        diesel::delete(
                            opening_hours::table.filter(opening_hours::branch_id.eq(id)),
                        )
                        .execute(conn)?;
                    }
                    out.updated += 1;
                    id.clone()
                }
                None => {
                    let id = uuid::Uuid::new_v4().to_string();
                    diesel::insert_into(branches::table)
                        .values(&BranchRow {
                            id: id.clone(),
                            library_id: library_id.to_owned(),
                            name: b.name.clone(),
                            is_main: b.is_main.unwrap_or(false),
                            street_address: b.street_address.clone(),
                            postal_code: b.postal_code.clone(),
                            city: b.city.clone(),
                            phone: b.phone.clone().unwrap_or_default(),
                            email: b.email.clone().unwrap_or_default(),
                            position: next,
                        })
                        .execute(conn)?;
                    next += 1;
                    out.added += 1;
                    id
                }
            };
            for (weekday, opens, closes) in b.hours.iter().flatten() {
                diesel::insert_into(opening_hours::table)
                    .values(&HoursRow {
                        branch_id: id.clone(),
                        weekday: *weekday,
                        opens: opens.clone(),
                        closes: closes.clone(),
                    })
                    .execute(conn)?;
            }
        }
        Ok(out)
    })
}

/// What importing `found` does to the library's branches: with `dry_run`, read only; else applied
/// with [`apply`].
pub fn preview_or_apply(
    conn: &mut DbConnection,
    library_id: &str,
    found: &[ImportedBranch],
    dry_run: bool,
) -> Result<etakirjasto_shared::BranchImport, ApiError> {
    let stored: Vec<String> = branches::table
        .filter(branches::library_id.eq(library_id))
        .select(branches::name)
        .load(conn)?;
    let known = |name: &str| {
        stored
            .iter()
            .any(|s| s.trim().to_lowercase() == name.to_lowercase())
    };
    let preview: Vec<etakirjasto_shared::ImportedBranchPreview> = found
        .iter()
        .map(|b| etakirjasto_shared::ImportedBranchPreview {
            name: b.name.clone(),
            action: if known(&b.name) { "updated" } else { "added" }.into(),
            street_address: b.street_address.clone(),
            postal_code: b.postal_code.clone(),
            city: b.city.clone(),
            hours: b.hours.as_ref().map(|h| {
                h.iter()
                    .map(|(day, opens, closes)| format!("{day} {opens}–{closes}"))
                    .collect()
            }),
        })
        .collect();
    let (added, updated) = if dry_run {
        let added = preview.iter().filter(|p| p.action == "added").count();
        (added, preview.len() - added)
    } else {
        let done = apply(conn, library_id, found)?;
        (done.added, done.updated)
    };
    Ok(etakirjasto_shared::BranchImport {
        dry_run,
        added: u32::try_from(added).unwrap_or(u32::MAX),
        updated: u32::try_from(updated).unwrap_or(u32::MAX),
        branches: preview,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(times: &str) -> String {
        (10..=16)
            .map(|d| format!(r#"{{"date": "2025-03-{d}", "closed": false, "times": {times}}}"#))
            .collect::<Vec<_>>()
            .join(",")
    }

    #[test]
    fn a_list_answer_gives_each_library_its_staffed_hours() {
        let json = include_str!("../../../e2e/fixtures/kirkanta-kalajoki.json");
        let found = parse(json).unwrap();
        assert_eq!(found.len(), 2);
        let main = &found[0];
        assert_eq!(
            (
                main.name.as_str(),
                main.is_main,
                main.street_address.as_str(),
                main.postal_code.as_str()
            ),
            (
                "Kalajoen pääkirjasto",
                Some(true),
                "Pohjankyläntie 1",
                "85100"
            )
        );
        assert_eq!(main.email.as_deref(), Some("kirjasto@kalajoki.fi"));
        assert_eq!(main.phone.as_deref(), Some("+358444691234"));
        let hours = main.hours.as_ref().unwrap();
        // Monday: self-service from 7, staffed from 11; Sunday closed.
        assert_eq!(hours[0], (1, "11:00".into(), "19:00".into()));
        assert_eq!(hours.len(), 6);
        let himanka = &found[1];
        let hours = himanka.hours.as_ref().unwrap();
        // Saturday has self-service hours only: no staffed opening hours.
        assert!(hours.iter().all(|h| h.0 != 6 && h.0 != 7));
        // Friday: the ordinary Friday of the second week, not the first week's shortened one.
        assert_eq!(hours[4], (5, "12:00".into(), "17:00".into()));
        assert_eq!(himanka.phone.as_deref(), Some("+358444691240"));
        assert_eq!(
            himanka.email, None,
            "no email in the file: the stored one stays"
        );
    }

    #[test]
    fn other_shapes_and_faults() {
        let one = format!(
            r#"{{"data": {{"name": {{"fi": null, "sv": "Bokbussen"}}, "phoneNumbers": [{{"number": "ei numeroa"}}, {{"number": "044 123 4567"}}], "schedules": [
            {{"date": "2025-03-03", "closed": false, "times": [{{"from": "09:00", "to": "12:00", "status": 1}}, {{"from": "12:00", "to": "13:00", "status": 0}}, {{"from": "13:00", "to": "00:00", "status": 1}}]}},
            {week}]}}}}"#,
            week = week("[]")
        );
        let found = parse(&one).unwrap();
        assert_eq!(found[0].name, "Bokbussen", "Finnish missing: Swedish");
        assert_eq!(
            found[0].phone.as_deref(),
            Some("+358441234567"),
            "the first valid number"
        );
        assert_eq!(found[0].is_main, None);
        // The first Monday decides; a lunch gap makes one interval; midnight is the day's end.
        assert_eq!(
            found[0].hours,
            Some(vec![(1, "09:00".into(), "23:59".into())])
        );
        let no_schedules = r#"[{"name": "Kirjasto"}]"#;
        assert_eq!(parse(no_schedules).unwrap()[0].hours, None);
        assert!(parse("[]").unwrap_err().contains("no library"));
        assert!(parse("{}").unwrap_err().contains("no `items`"));
        assert!(parse("nonsense").unwrap_err().contains("not JSON"));
        let part = r#"{"total": 12, "items": [{"name": "A"}]}"#;
        assert!(parse(part).unwrap_err().contains("limit=12"));
        let twice = r#"[{"name": "A"}, {"name": "a"}]"#;
        assert!(parse(twice).unwrap_err().contains("twice"));
        let mains = r#"[{"name": "A", "mainLibrary": true}, {"name": "B", "mainLibrary": true}]"#;
        assert!(parse(mains).unwrap_err().contains("more than one main"));
        let today = r#"[{"name": "X", "schedules": [{"date": "2025-03-10", "times": []}]}]"#;
        assert!(parse(today).unwrap_err().contains("1 of the 7 weekdays"));
        let bad = r#"[{"name": "X", "schedules": [{"date": "10.3.2025", "times": []}]}]"#;
        assert!(parse(bad).unwrap_err().contains("library 1 (X)"));
        let backwards = format!(
            r#"[{{"name": "X", "schedules": [{week}]}}]"#,
            week = week(r#"[{"from": "12:00", "to": "10:00", "status": 1}]"#)
        );
        assert!(parse(&backwards).unwrap_err().contains("ends before"));
    }
}
