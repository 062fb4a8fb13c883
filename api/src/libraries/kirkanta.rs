//! Import of a library's branches and weekly opening hours from the Finnish library directory
//! (Kirjastohakemisto), as the Kirkanta API v4 gives them (`https://api.kirjastot.fi/v4/library`),
//! so libraries do not type them again.
//!
//! Accepted: a list answer (`{"items": [...]}`, also the older `result`), a single answer
//! (`{"data": {...}}`), a bare library or an array of them. Each library becomes a branch: its
//! name, whether it is the main library, street, postcode and town, the primary (else first) phone
//! number and the primary email. Opening hours are the staffed hours (`status` 1) of each weekday
//! in the `schedules` given, from the earliest opening to the latest closing; self-service hours
//! (`status` 2) are not staffed opening hours and a closed day has none. Ask the directory for a
//! whole week (`with=schedules,primaryContactInfo,phoneNumbers&period.start=0w&period.end=0w`).
//!
//! *Invariant:* an import changes only the branches it names (matched by name, ignoring case); a
//! branch it names gets exactly the hours found, and a main library named makes the library's other
//! branches not main. Everything is written in one transaction, so a bad file changes nothing.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate, NaiveTime};
use diesel::prelude::*;
use serde::Deserialize;

use super::queries::{BranchRow, HoursRow};
use crate::{
    db::{DbConnection, write_tx},
    error::ApiError,
    schema::{branches, opening_hours},
};

/// A translatable text: a plain string (what the API gives with `lang`) or a map by language.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Text {
    Plain(String),
    ByLang(HashMap<String, String>),
}

impl Text {
    fn finnish(&self) -> String {
        match self {
            Text::Plain(s) => s.trim().to_owned(),
            Text::ByLang(m) => m
                .get("fi")
                .or_else(|| m.values().next())
                .map(|s| s.trim().to_owned())
                .unwrap_or_default(),
        }
    }
}

#[derive(Debug, Deserialize)]
struct Envelope {
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
    times: Option<Vec<Time>>,
}

#[derive(Debug, Deserialize)]
struct Time {
    from: String,
    to: String,
    status: Option<u8>,
}

/// One branch as found in the directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedBranch {
    pub name: String,
    pub is_main: bool,
    pub street_address: String,
    pub postal_code: String,
    pub city: String,
    pub phone: String,
    pub email: String,
    /// (ISO weekday 1–7, opens, closes), staffed hours only.
    pub hours: Vec<(i32, String, String)>,
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
        envelope
            .items
            .or(envelope.result)
            .or_else(|| envelope.data.map(|d| vec![d]))
            .ok_or("no `items` or `data` in the file")?
    };
    if libraries.is_empty() {
        return Err("the file names no library".into());
    }
    libraries
        .into_iter()
        .enumerate()
        .map(|(i, l)| branch(l).map_err(|e| format!("library {}: {e}", i + 1)))
        .collect()
}

fn clock(raw: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(raw.trim(), "%H:%M").ok()
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
    let number = l
        .primary_contact_info
        .as_ref()
        .and_then(|c| c.phone.as_ref())
        .and_then(|p| p.number.clone())
        .or_else(|| {
            l.phone_numbers
                .iter()
                .flatten()
                .find_map(|p| p.number.clone())
        })
        .unwrap_or_default();
    let phone = etakirjasto_shared::validate::phone(&number).unwrap_or_default();
    let email = l
        .primary_contact_info
        .as_ref()
        .and_then(|c| c.email.as_ref())
        .and_then(|e| e.email.clone())
        .and_then(|e| etakirjasto_shared::validate::email(&e).ok())
        .unwrap_or_default();
    // The first day found of each weekday decides it.
    let mut by_weekday: BTreeMap<i32, Option<(NaiveTime, NaiveTime)>> = BTreeMap::new();
    for day in l.schedules.iter().flatten() {
        let date = NaiveDate::parse_from_str(day.date.trim(), "%Y-%m-%d")
            .map_err(|_| format!("a schedule's date `{}` is not YYYY-MM-DD", day.date))?;
        let weekday = date.weekday().number_from_monday() as i32;
        if by_weekday.contains_key(&weekday) {
            continue;
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
                if to <= from {
                    return Err(format!("a time on {} ends before it starts", day.date));
                }
                open = Some(match open {
                    Some((a, b)) => (a.min(from), b.max(to)),
                    None => (from, to),
                });
            }
        }
        by_weekday.insert(weekday, open);
    }
    Ok(ImportedBranch {
        name,
        is_main: l.main_library.unwrap_or(false),
        street_address: street,
        postal_code: zipcode,
        city,
        phone,
        email,
        hours: by_weekday
            .into_iter()
            .filter_map(|(d, open)| {
                open.map(|(a, b)| {
                    (
                        d,
                        a.format("%H:%M").to_string(),
                        b.format("%H:%M").to_string(),
                    )
                })
            })
            .collect(),
    })
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
        let existing: Vec<(String, String, i32)> = branches::table
            .filter(branches::library_id.eq(library_id))
            .select((branches::id, branches::name, branches::position))
            .load(conn)?;
        let mut next = existing.iter().map(|b| b.2).max().map_or(0, |p| p + 1);
        let mut out = Imported::default();
        if found.iter().any(|b| b.is_main) {
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
                    diesel::update(branches::table.find(id))
                        .set((
                            branches::is_main.eq(b.is_main),
                            branches::street_address.eq(&b.street_address),
                            branches::postal_code.eq(&b.postal_code),
                            branches::city.eq(&b.city),
                            branches::phone.eq(&b.phone),
                            branches::email.eq(&b.email),
                        ))
                        .execute(conn)?;
                    diesel::delete(opening_hours::table.filter(opening_hours::branch_id.eq(id)))
                        .execute(conn)?;
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
                            is_main: b.is_main,
                            street_address: b.street_address.clone(),
                            postal_code: b.postal_code.clone(),
                            city: b.city.clone(),
                            phone: b.phone.clone(),
                            email: b.email.clone(),
                            position: next,
                        })
                        .execute(conn)?;
                    next += 1;
                    out.added += 1;
                    id
                }
            };
            for (weekday, opens, closes) in &b.hours {
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

#[cfg(test)]
mod tests {
    use super::*;

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
            ("Kalajoen pääkirjasto", true, "Pohjankyläntie 1", "85100")
        );
        assert_eq!(main.email, "kirjasto@kalajoki.fi");
        assert_eq!(main.phone, "+358444691234");
        // Monday: self-service from 7, staffed from 11; Sunday closed.
        assert_eq!(main.hours[0], (1, "11:00".into(), "19:00".into()));
        assert_eq!(main.hours.len(), 6);
        let himanka = &found[1];
        // Saturday has self-service hours only: no staffed opening hours.
        assert!(himanka.hours.iter().all(|h| h.0 != 6 && h.0 != 7));
        assert_eq!(himanka.phone, "+358444691240");
        assert_eq!(himanka.email, "");
    }

    #[test]
    fn other_shapes_and_faults() {
        let one = r#"{"data": {"name": {"fi": "Kirjastoauto", "sv": "Bokbuss"}, "schedules": [
            {"date": "2025-03-10", "closed": false, "times": [{"from": "09:00", "to": "12:00", "status": 1}, {"from": "13:00", "to": "15:00", "status": 1}]},
            {"date": "2025-03-17", "closed": false, "times": [{"from": "08:00", "to": "20:00", "status": 1}]},
            {"date": "2025-03-11", "closed": true, "times": null}]}}"#;
        let found = parse(one).unwrap();
        assert_eq!(found[0].name, "Kirjastoauto");
        // The first Monday decides; a lunch gap makes one interval.
        assert_eq!(found[0].hours, vec![(1, "09:00".into(), "15:00".into())]);
        assert!(parse("[]").unwrap_err().contains("no library"));
        assert!(parse("{}").unwrap_err().contains("no `items`"));
        assert!(parse("nonsense").unwrap_err().contains("not JSON"));
        let bad = r#"[{"name": "X", "schedules": [{"date": "10.3.2025", "times": []}]}]"#;
        assert!(parse(bad).unwrap_err().contains("library 1"));
        let backwards = r#"[{"name": "X", "schedules": [{"date": "2025-03-10", "times": [{"from": "12:00", "to": "10:00", "status": 1}]}]}]"#;
        assert!(parse(backwards).unwrap_err().contains("ends before"));
    }
}
