//! Home visits as plain functions over a connection: planned ahead from each client's schedule
//! (and planned again when the schedule, a pause or the library's closing days change), changed by
//! staff, the items chosen for them (with a warning when the client has had one before), what comes
//! back, the day's round for the deliverer and the figures per month. Every read and change of a
//! client's visits is written to the audit log.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use etakirjasto_shared::{
    ChooseItem, ClientStatus, DayPart, DeliveryFrequency, ErrorCode, FieldCode, HomeServiceFigures,
    HomeServicePerson, HomeServiceReason, HomeServiceRound, HomeServiceVisit, MaterialFormat,
    MonthFigures, NewVisit, PersonRef, RoundStop, VisitChange, VisitItem, VisitPlanner,
    VisitStatus, Weekday,
};

use super::{
    queries::{self, ClientRow, ItemRow, ItemView, VisitRow},
    rules,
    schedule::{self, PLAN_AHEAD_DAYS, Schedule},
    service::{library, list_of, require_role, trimmed, visible_client},
};
use crate::{
    audit::{self, Action},
    auth::{AuthUser, extract::role_refused},
    db::{DbConnection, write_tx},
    error::ApiError,
    events::service::tz_of,
    libraries::queries::closures_from,
};

/// How many days back a volunteer sees their rounds and records their visits.
pub const VOLUNTEER_DAYS_BACK: u64 = 7;
/// How many days ahead a volunteer sees their rounds.
pub const VOLUNTEER_DAYS_AHEAD: u64 = 14;

/// How far ahead staff may put a visit, in days.
pub const MAX_AHEAD_DAYS: u64 = 366;

/// Longest span the visit list covers, in days.
pub const MAX_RANGE_DAYS: i64 = 93;

fn day_of(s: &str) -> Option<NaiveDate> {
    s.parse().ok()
}

fn today_in(zone: &str, now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&tz_of(zone)).date_naive()
}

fn is_loose(v: &VisitRow, today: NaiveDate, with_items: &HashSet<String>) -> bool {
    v.planned_by == VisitPlanner::Schedule.as_str()
        && v.status == VisitStatus::Planned.as_str()
        && day_of(&v.day).is_some_and(|d| d > today)
        && !with_items.contains(&v.id)
}

/// A visit the planning called off (a pause, a closing day, the service ended): it holds no period,
/// and comes back (with its items) if the schedule wants its day again.
fn called_off_by_planning(v: &VisitRow) -> bool {
    v.planned_by == VisitPlanner::Schedule.as_str() && v.status == VisitStatus::Cancelled.as_str()
}

/// Plans the client's visits again: the visits planned from the schedule after today that were not
/// touched are replaced by those the schedule gives now (those that stay keep their ids); visits that
/// stay hold their period. Coming visits in a pause, on a closing day, after a temporary need's end
/// or after the service ended are called off (their items kept). Call inside `write_tx`.
pub fn replan(
    conn: &mut DbConnection,
    client: &ClientRow,
    zone: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let today = today_in(zone, now);
    let visits = queries::client_visits(conn, &client.id)?;
    let with_items: HashSet<String> =
        queries::items_of_clients(conn, std::slice::from_ref(&client.id))?
            .into_iter()
            .map(|(i, _, _)| i.visit_id)
            .collect();
    let (loose, kept): (Vec<VisitRow>, Vec<VisitRow>) = visits
        .into_iter()
        .partition(|v| is_loose(v, today, &with_items));
    let ended = client.status == ClientStatus::Ended.as_str();
    let closed: HashSet<NaiveDate> = closures_from(conn, &client.library_id, &today.to_string())?
        .into_iter()
        .filter_map(|(day, _)| day_of(&day))
        .collect();
    let pause = if client.status == ClientStatus::Paused.as_str() {
        client
            .paused_from
            .as_deref()
            .and_then(day_of)
            .zip(client.paused_until.as_deref().and_then(day_of))
    } else {
        None
    };
    let reasons: Vec<HomeServiceReason> = list_of(&client.reasons);
    let last_day = if reasons == [HomeServiceReason::Temporary] {
        client.temporary_until.as_deref().and_then(day_of)
    } else {
        None
    };
    // Coming visits that can no longer be made are called off by the planning.
    let mut kept_days = Vec::new();
    let mut called_off = Vec::new();
    for mut v in kept {
        let Some(d) = day_of(&v.day) else { continue };
        let impossible = ended
            || closed.contains(&d)
            || pause.is_some_and(|(from, to)| from <= d && d <= to)
            || last_day.is_some_and(|last| d > last);
        if v.status == VisitStatus::Planned.as_str() && d > today && impossible {
            v.status = VisitStatus::Cancelled.as_str().into();
            v.planned_by = VisitPlanner::Schedule.as_str().into();
            v.updated_at = now.naive_utc();
            v.updated_by = None;
            queries::update_visit(conn, &v)?;
        }
        if called_off_by_planning(&v) {
            called_off.push(v);
        } else {
            kept_days.push(d);
        }
    }
    if ended {
        queries::delete_visits(conn, &loose.into_iter().map(|v| v.id).collect::<Vec<_>>())?;
        return Ok(());
    }
    let days: Vec<Weekday> = list_of(&client.days);
    let plan = Schedule {
        frequency: DeliveryFrequency::parse(&client.frequency)
            .unwrap_or(DeliveryFrequency::Monthly),
        days: &days,
        closed: &closed,
        pause,
        last_day,
    };
    let wanted: HashSet<NaiveDate> =
        schedule::plan(&plan, &kept_days, today, today + Days::new(PLAN_AHEAD_DAYS))
            .into_iter()
            .collect();
    let mut have = HashSet::new();
    let mut gone = Vec::new();
    for mut v in loose {
        match day_of(&v.day) {
            Some(d) if wanted.contains(&d) => {
                have.insert(d);
                if v.deliverer_id != client.deliverer_id {
                    v.deliverer_id.clone_from(&client.deliverer_id);
                    v.deliverer_name.clone_from(&client.deliverer_name);
                    v.updated_at = now.naive_utc();
                    queries::update_visit(conn, &v)?;
                }
            }
            _ => gone.push(v.id),
        }
    }
    queries::delete_visits(conn, &gone)?;
    // A visit called off earlier comes back, with its items, when its day is wanted again.
    for mut v in called_off {
        if let Some(d) = day_of(&v.day).filter(|d| *d > today && wanted.contains(d)) {
            have.insert(d);
            v.status = VisitStatus::Planned.as_str().into();
            // Brought by whoever brings the client's visits now, not by whoever did before.
            v.deliverer_id.clone_from(&client.deliverer_id);
            v.deliverer_name.clone_from(&client.deliverer_name);
            v.updated_at = now.naive_utc();
            queries::update_visit(conn, &v)?;
        } else if let Some(d) = day_of(&v.day) {
            // Its day is taken: nothing new can go there.
            have.insert(d);
        }
    }
    let taken: HashSet<NaiveDate> = kept_days.into_iter().collect();
    let mut new: Vec<NaiveDate> = wanted
        .into_iter()
        .filter(|d| !have.contains(d) && !taken.contains(d))
        .collect();
    new.sort();
    for day in new {
        queries::insert_visit(
            conn,
            &VisitRow {
                id: uuid::Uuid::new_v4().to_string(),
                library_id: client.library_id.clone(),
                client_id: client.id.clone(),
                day: day.to_string(),
                status: VisitStatus::Planned.as_str().into(),
                planned_by: VisitPlanner::Schedule.as_str().into(),
                deliverer_id: client.deliverer_id.clone(),
                deliverer_name: client.deliverer_name.clone(),
                note: None,
                feedback: None,
                created_at: now.naive_utc(),
                updated_at: now.naive_utc(),
                updated_by: None,
            },
        )?;
    }
    Ok(())
}

/// Plans one client's visits in its own transaction, the client's row held meanwhile.
pub fn replan_one(
    conn: &mut DbConnection,
    client_id: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    write_tx(conn, |conn| {
        queries::lock_client(conn, client_id)?;
        let Some((row, _, zone)) = queries::find_client(conn, client_id)? else {
            return Ok(());
        };
        replan(conn, &row, &zone, now)
    })
}

/// Plans every client's visits again (run daily, and when a library's closing days change); returns
/// how many clients were planned.
pub fn replan_all(
    conn: &mut DbConnection,
    library_id: Option<&str>,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    let clients = queries::clients_to_plan(conn)?;
    let mut n = 0;
    for (id, library) in clients {
        if library_id.is_none_or(|l| l == library) {
            // One client's failure does not hold up the others; the next run tries it again.
            match replan_one(conn, &id, now) {
                Ok(()) => n += 1,
                Err(e) => {
                    tracing::warn!(client = %id, error = %e, "planning a client's visits failed")
                }
            }
        }
    }
    Ok(n)
}

/// How a street address sorts on a round: the street's name case-folded in Finnish alphabetical
/// order (å, ä, ö after z), then the house number as a number, then the rest ("5 B 12").
pub fn street_order(address: &str) -> (String, u32, String) {
    let address = address.trim();
    let split = address
        .char_indices()
        .find(|(_, c)| c.is_ascii_digit())
        .map_or(address.len(), |(i, _)| i);
    let (name, rest) = address.split_at(split);
    let name: String = name
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' => '{',
            'ä' | 'æ' => '|',
            'ö' | 'ø' => '}',
            'w' => 'v',
            other => other,
        })
        .collect();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let number = digits.parse().unwrap_or(0);
    (name, number, rest[digits.len()..].trim().to_lowercase())
}

/// Puts visits in round order: by day, postcode and street.
fn in_round_order(rows: &mut [(VisitRow, ClientRow)]) {
    rows.sort_by_cached_key(|(v, c)| {
        (
            v.day.clone(),
            c.postal_code.clone(),
            street_order(&c.street_address),
            v.id.clone(),
        )
    });
}

fn person(id: &Option<String>, name: &Option<String>) -> Option<PersonRef> {
    id.as_ref().map(|id| PersonRef {
        id: id.clone(),
        name: name.clone().unwrap_or_default(),
    })
}

fn item_to_wire((row, day, _): &ItemView) -> VisitItem {
    VisitItem {
        id: row.id.clone(),
        visit_id: row.visit_id.clone(),
        delivered_on: day_of(day).unwrap_or_default(),
        title: row.title.clone(),
        author: row.author.clone(),
        format: MaterialFormat::parse(&row.format).unwrap_or(MaterialFormat::RegularPrint),
        identifier: row.identifier.clone(),
        returned_on: row.returned_on.as_deref().and_then(day_of),
    }
}

fn visit_to_wire(
    v: VisitRow,
    slug: &str,
    client_name: &str,
    items: &[ItemView],
    today: NaiveDate,
) -> HomeServiceVisit {
    let day = day_of(&v.day).unwrap_or_default();
    let status = VisitStatus::parse(&v.status).unwrap_or(VisitStatus::Planned);
    HomeServiceVisit {
        items: items
            .iter()
            .filter(|i| i.0.visit_id == v.id)
            .map(item_to_wire)
            .collect(),
        returned: items
            .iter()
            .filter(|i| i.0.returned_visit_id.as_deref() == Some(v.id.as_str()))
            .map(item_to_wire)
            .collect(),
        deliverer: person(&v.deliverer_id, &v.deliverer_name),
        id: v.id,
        library: slug.to_owned(),
        client_id: v.client_id,
        client_name: client_name.to_owned(),
        day,
        overdue: status == VisitStatus::Planned && day < today,
        status,
        planned_by: VisitPlanner::parse(&v.planned_by).unwrap_or(VisitPlanner::Staff),
        note: v.note,
        feedback: v.feedback,
    }
}

fn logged(
    conn: &mut DbConnection,
    user: &AuthUser,
    action: Action,
    client: &ClientRow,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    audit::record_about(
        conn,
        Some(&user.user_id),
        action,
        None,
        Some(&client.id),
        Some(&client.library_id),
        now.naive_utc(),
    )?;
    Ok(())
}

/// A client's visits by day with their items (no audit entry: the caller writes one).
pub fn history(
    conn: &mut DbConnection,
    client: &ClientRow,
    slug: &str,
    zone: &str,
    now: DateTime<Utc>,
) -> Result<Vec<HomeServiceVisit>, ApiError> {
    let today = today_in(zone, now);
    let items = queries::items_of_clients(conn, std::slice::from_ref(&client.id))?;
    Ok(queries::client_visits(conn, &client.id)?
        .into_iter()
        .map(|v| visit_to_wire(v, slug, &client.name, &items, today))
        .collect())
}

/// A client's visits, past and coming, by day, with what was brought and what came back: the
/// delivery history the chooser works from. Audit-logged.
pub fn client_visits(
    conn: &mut DbConnection,
    user: &AuthUser,
    client_id: &str,
    now: DateTime<Utc>,
) -> Result<Vec<HomeServiceVisit>, ApiError> {
    let (client, slug, zone) = visible_client(conn, user, client_id)?;
    logged(conn, user, Action::HomeServiceVisitsViewed, &client, now)?;
    history(conn, &client, &slug, &zone, now)
}

/// The deliverer named by id: staff with the library's home-service role, or one of its volunteers.
fn deliverer(
    conn: &mut DbConnection,
    library_id: &str,
    id: &Option<String>,
) -> Result<Option<(String, String)>, ApiError> {
    let Some(id) = id else { return Ok(None) };
    let name = queries::deliverer_name(conn, library_id, id)?.ok_or_else(|| {
        ApiError::invalid(vec![("deliverer_id".into(), FieldCode::InvalidChoice)])
    })?;
    Ok(Some((id.clone(), name)))
}

/// False on a day within the client's pause or after a temporary need's end: a visit put there
/// would only be called off.
fn open_for_client(client: &ClientRow, day: NaiveDate) -> bool {
    let paused = client.status == ClientStatus::Paused.as_str()
        && client
            .paused_from
            .as_deref()
            .and_then(day_of)
            .zip(client.paused_until.as_deref().and_then(day_of))
            .is_some_and(|(from, to)| from <= day && day <= to);
    let reasons: Vec<HomeServiceReason> = list_of(&client.reasons);
    let over = reasons == [HomeServiceReason::Temporary]
        && client
            .temporary_until
            .as_deref()
            .and_then(day_of)
            .is_some_and(|last| day > last);
    !paused && !over
}

fn is_closed(conn: &mut DbConnection, library_id: &str, day: NaiveDate) -> Result<bool, ApiError> {
    Ok(closures_from(conn, library_id, &day.to_string())?
        .first()
        .is_some_and(|(d, _)| *d == day.to_string()))
}

fn one_visit(
    conn: &mut DbConnection,
    id: &str,
    now: DateTime<Utc>,
) -> Result<HomeServiceVisit, ApiError> {
    let (v, slug, zone) = queries::find_visit(conn, id)?.ok_or_else(ApiError::not_found)?;
    let (client, _, _) =
        queries::find_client(conn, &v.client_id)?.ok_or_else(ApiError::not_found)?;
    let items = queries::items_of_clients(conn, std::slice::from_ref(&client.id))?;
    Ok(visit_to_wire(
        v,
        &slug,
        &client.name,
        &items,
        today_in(&zone, now),
    ))
}

/// Adds a visit by hand (an extra visit, or one moved from the schedule): from today on, not on a
/// closing day, one a client a day. Audit-logged.
pub fn add_visit(
    conn: &mut DbConnection,
    user: &AuthUser,
    client_id: &str,
    input: &NewVisit,
    now: DateTime<Utc>,
) -> Result<HomeServiceVisit, ApiError> {
    rules::check_visit_texts(&input.note, &None).map_err(ApiError::invalid)?;
    let id = write_tx(conn, |conn| {
        queries::lock_client(conn, client_id)?;
        let (client, _, zone) = visible_client(conn, user, client_id)?;
        let today = today_in(&zone, now);
        if input.day < today
            || input.day > today + Days::new(MAX_AHEAD_DAYS)
            || is_closed(conn, &client.library_id, input.day)?
            || !open_for_client(&client, input.day)
        {
            return Err(ApiError::invalid(vec![(
                "day".into(),
                FieldCode::InvalidChoice,
            )]));
        }
        if client.status == ClientStatus::Ended.as_str() {
            return Err(ApiError::client(ErrorCode::Conflict)
                .with_detail("The client's service has ended."));
        }
        let who = match &input.deliverer_id {
            Some(_) => deliverer(conn, &client.library_id, &input.deliverer_id)?,
            None => client
                .deliverer_id
                .clone()
                .zip(client.deliverer_name.clone()),
        };
        let day = input.day.to_string();
        // A visit the schedule planned (or called off) that day becomes this one.
        let existing = queries::client_visits(conn, &client.id)?
            .into_iter()
            .find(|v| v.day == day);
        let row = match existing {
            Some(v)
                if v.planned_by == VisitPlanner::Schedule.as_str()
                    && v.status != VisitStatus::Delivered.as_str()
                    && v.status != VisitStatus::Missed.as_str() =>
            {
                VisitRow {
                    status: VisitStatus::Planned.as_str().into(),
                    planned_by: VisitPlanner::Staff.as_str().into(),
                    note: trimmed(&input.note),
                    deliverer_id: who.as_ref().map(|w| w.0.clone()),
                    deliverer_name: who.as_ref().map(|w| w.1.clone()),
                    updated_at: now.naive_utc(),
                    updated_by: Some(user.user_id.clone()),
                    ..v
                }
            }
            Some(_) => {
                return Err(ApiError::client(ErrorCode::Conflict)
                    .with_detail("The client already has a visit that day."));
            }
            None => VisitRow {
                id: uuid::Uuid::new_v4().to_string(),
                library_id: client.library_id.clone(),
                client_id: client.id.clone(),
                day,
                status: VisitStatus::Planned.as_str().into(),
                planned_by: VisitPlanner::Staff.as_str().into(),
                deliverer_id: who.as_ref().map(|w| w.0.clone()),
                deliverer_name: who.as_ref().map(|w| w.1.clone()),
                note: trimmed(&input.note),
                feedback: None,
                created_at: now.naive_utc(),
                updated_at: now.naive_utc(),
                updated_by: Some(user.user_id.clone()),
            },
        };
        if queries::find_visit(conn, &row.id)?.is_some() {
            queries::update_visit(conn, &row)?;
        } else {
            queries::insert_visit(conn, &row)?;
        }
        replan(conn, &client, &zone, now)?;
        logged(conn, user, Action::HomeServiceVisitChanged, &client, now)?;
        Ok(row.id)
    })?;
    one_visit(conn, &id, now)
}

/// The visit and its client if the caller may see them (404 outside the library, 403 without the
/// role).
fn visible_visit(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
) -> Result<(VisitRow, ClientRow, String), ApiError> {
    let (visit, client, zone, by_volunteer) = visit_for(conn, user, id)?;
    if by_volunteer {
        return Err(role_refused(user));
    }
    Ok((visit, client, zone))
}

/// The visit and its client for the library's home-service staff, or for the volunteer who brings
/// it (the last value is true then); 404 for anyone else outside the library, 403 for its staff
/// without the role.
fn visit_for(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
) -> Result<(VisitRow, ClientRow, String, bool), ApiError> {
    let (visit, _, zone) = queries::find_visit(conn, id)?.ok_or_else(ApiError::not_found)?;
    let staff_with_role = user.is_staff_of(&visit.library_id)
        && queries::has_role(conn, &visit.library_id, &user.user_id)?;
    let volunteer = !staff_with_role
        && visit.deliverer_id.as_deref() == Some(user.user_id.as_str())
        && queries::is_volunteer(conn, &visit.library_id, &user.user_id)?;
    if volunteer {
        let (client, _, _) =
            queries::find_client(conn, &visit.client_id)?.ok_or_else(ApiError::not_found)?;
        return Ok((visit, client, zone, true));
    }
    if !user.is_staff_of(&visit.library_id) {
        return Err(ApiError::not_found());
    }
    require_role(conn, user, &visit.library_id)?;
    let (client, _, _) =
        queries::find_client(conn, &visit.client_id)?.ok_or_else(ApiError::not_found)?;
    Ok((visit, client, zone, false))
}

/// Changes a visit: its day (while planned), its state (delivered or missed from its day on), the
/// deliverer, the note, the client's feedback and which earlier items came back (when delivered).
/// The visit is staff's from then on and is never planned again. The volunteer who brings it may
/// record how it went (state, note, feedback, returns) but not move, cancel or hand it on.
/// Audit-logged.
pub fn change_visit(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    input: &VisitChange,
    now: DateTime<Utc>,
) -> Result<HomeServiceVisit, ApiError> {
    rules::check_visit_texts(&input.note, &input.feedback).map_err(ApiError::invalid)?;
    write_tx(conn, |conn| {
        let (visit, _, _) = queries::find_visit(conn, id)?.ok_or_else(ApiError::not_found)?;
        queries::lock_client(conn, &visit.client_id)?;
        let (mut visit, client, zone, by_volunteer) = visit_for(conn, user, id)?;
        let today = today_in(&zone, now);
        if by_volunteer
            && (input.day.to_string() != visit.day
                || input.deliverer_id != visit.deliverer_id
                || input.status == VisitStatus::Cancelled
                || visit.status == VisitStatus::Cancelled.as_str()
                || day_of(&visit.day).is_none_or(|d| d < today - Days::new(VOLUNTEER_DAYS_BACK)))
        {
            return Err(ApiError::forbidden().with_detail(
                "Volunteers record how their recent visits went; staff move, cancel or hand them on.",
            ));
        }
        let mut faults = Vec::new();
        let day = input.day.to_string();
        if day != visit.day {
            if visit.status != VisitStatus::Planned.as_str()
                || input.day < today
                || input.day > today + Days::new(MAX_AHEAD_DAYS)
                || is_closed(conn, &client.library_id, input.day)?
                || !open_for_client(&client, input.day)
            {
                faults.push(("day".into(), FieldCode::InvalidChoice));
            } else if queries::visit_on(conn, &client.id, &day, Some(&visit.id))? {
                return Err(ApiError::client(ErrorCode::Conflict)
                    .with_detail("The client already has a visit that day."));
            }
        }
        let done = matches!(input.status, VisitStatus::Delivered | VisitStatus::Missed);
        if done && input.day > today {
            faults.push(("status".into(), FieldCode::InvalidChoice));
        }
        if input.status == VisitStatus::Planned
            && client.status == ClientStatus::Ended.as_str()
            && input.day > today
        {
            return Err(ApiError::client(ErrorCode::Conflict)
                .with_detail("The client's service has ended."));
        }
        if !input.returned_item_ids.is_empty() && input.status != VisitStatus::Delivered {
            faults.push(("returned_item_ids".into(), FieldCode::InvalidChoice));
        }
        let items = queries::items_of_clients(conn, std::slice::from_ref(&client.id))?;
        // Items brought on an earlier delivered visit that the client still has (or returned on
        // this one) can come back on it.
        let returnable: HashSet<&str> = items
            .iter()
            .filter(|(i, d, status)| {
                status == VisitStatus::Delivered.as_str()
                    && i.visit_id != visit.id
                    && *d < day
                    && i.returned_visit_id.as_ref().is_none_or(|r| *r == visit.id)
            })
            .map(|(i, _, _)| i.id.as_str())
            .collect();
        // A delivery whose items later came back stays a delivery.
        if input.status != VisitStatus::Delivered
            && items.iter().any(|(i, _, _)| {
                i.visit_id == visit.id
                    && i.returned_visit_id.as_ref().is_some_and(|r| *r != visit.id)
            })
        {
            return Err(ApiError::client(ErrorCode::Conflict).with_detail(
                "Items of this delivery have come back on a later visit; it stays delivered.",
            ));
        }
        if input
            .returned_item_ids
            .iter()
            .any(|r| !returnable.contains(r.as_str()))
        {
            faults.push(("returned_item_ids".into(), FieldCode::InvalidChoice));
        }
        // The deliverer kept as it was needs no role now: history outlives accounts.
        let who = if by_volunteer || input.deliverer_id == visit.deliverer_id {
            visit.deliverer_id.clone().zip(visit.deliverer_name.clone())
        } else {
            deliverer(conn, &client.library_id, &input.deliverer_id)?
        };
        if !faults.is_empty() {
            return Err(ApiError::invalid(faults));
        }
        visit.day = day;
        visit.status = input.status.as_str().into();
        visit.planned_by = VisitPlanner::Staff.as_str().into();
        (visit.deliverer_id, visit.deliverer_name) = who.unzip();
        visit.note = trimmed(&input.note);
        visit.feedback = trimmed(&input.feedback);
        visit.updated_at = now.naive_utc();
        visit.updated_by = Some(user.user_id.clone());
        queries::update_visit(conn, &visit)?;
        let mut returned = input.returned_item_ids.clone();
        returned.sort();
        returned.dedup();
        queries::set_returned(conn, &client.id, &visit.id, &visit.day, &returned)?;
        replan(conn, &client, &zone, now)?;
        logged(conn, user, Action::HomeServiceVisitChanged, &client, now)
    })?;
    one_visit(conn, id, now)
}

/// The days on which the client had (or is to have) the same item: on a delivered visit, or on a
/// planned one (this one included).
fn repeats(items: &[ItemView], checked: &rules::CheckedItem) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = items
        .iter()
        .filter(|(i, _, status)| {
            (status == VisitStatus::Delivered.as_str() || status == VisitStatus::Planned.as_str())
                && (i.match_key == checked.match_key
                    || (i.identifier.is_some() && i.identifier == checked.identifier))
        })
        .filter_map(|(_, day, _)| day_of(day))
        .collect();
    days.sort();
    days.dedup();
    days
}

/// Chooses an item for a planned visit. When the client has had it before (by identifier, or by
/// title and author) the answer is 409 `already_delivered` naming the days, unless `allow_repeat`.
/// Audit-logged.
pub fn choose_item(
    conn: &mut DbConnection,
    user: &AuthUser,
    visit_id: &str,
    input: &ChooseItem,
    now: DateTime<Utc>,
) -> Result<HomeServiceVisit, ApiError> {
    let checked = rules::check_item(input).map_err(ApiError::invalid)?;
    write_tx(conn, |conn| {
        let (visit, _, _) = queries::find_visit(conn, visit_id)?.ok_or_else(ApiError::not_found)?;
        queries::lock_client(conn, &visit.client_id)?;
        let (mut visit, client, _) = visible_visit(conn, user, visit_id)?;
        if visit.status != VisitStatus::Planned.as_str() {
            return Err(ApiError::client(ErrorCode::Conflict)
                .with_detail("Items are chosen for planned visits only."));
        }
        let items = queries::items_of_clients(conn, std::slice::from_ref(&client.id))?;
        let before = repeats(&items, &checked);
        if !before.is_empty() && !input.allow_repeat {
            return Ok(Err((client, before)));
        }
        queries::insert_item(
            conn,
            &ItemRow {
                id: uuid::Uuid::new_v4().to_string(),
                visit_id: visit.id.clone(),
                client_id: client.id.clone(),
                title: checked.title,
                author: checked.author,
                format: input.format.as_str().into(),
                identifier: checked.identifier,
                match_key: checked.match_key,
                returned_visit_id: None,
                returned_on: None,
                chosen_by: Some(user.user_id.clone()),
                chosen_at: now.naive_utc(),
            },
        )?;
        // Chosen for: the visit is staff's now, and is not planned again under the items.
        visit.planned_by = VisitPlanner::Staff.as_str().into();
        visit.updated_at = now.naive_utc();
        visit.updated_by = Some(user.user_id.clone());
        queries::update_visit(conn, &visit)?;
        logged(conn, user, Action::HomeServiceVisitChanged, &client, now)?;
        Ok(Ok(()))
    })?
    .or_else(|(client, before)| {
        // The warning names days of the client's history: that is a read, and logged as one.
        write_tx(conn, |conn| {
            logged(conn, user, Action::HomeServiceVisitsViewed, &client, now)
        })?;
        let days: Vec<String> = before.iter().map(NaiveDate::to_string).collect();
        Err(ApiError::client(ErrorCode::AlreadyDelivered)
            .with_detail(format!("Brought or planned on {}.", days.join(", "))))
    })?;
    one_visit(conn, visit_id, now)
}

/// Takes an item off a planned visit. Audit-logged.
pub fn remove_item(
    conn: &mut DbConnection,
    user: &AuthUser,
    visit_id: &str,
    item_id: &str,
    now: DateTime<Utc>,
) -> Result<HomeServiceVisit, ApiError> {
    write_tx(conn, |conn| {
        let (visit, _, _) = queries::find_visit(conn, visit_id)?.ok_or_else(ApiError::not_found)?;
        queries::lock_client(conn, &visit.client_id)?;
        let (visit, client, _) = visible_visit(conn, user, visit_id)?;
        if visit.status != VisitStatus::Planned.as_str() {
            return Err(ApiError::client(ErrorCode::Conflict)
                .with_detail("Items are taken off planned visits only."));
        }
        if !queries::delete_item(conn, visit_id, item_id)? {
            return Err(ApiError::not_found());
        }
        logged(conn, user, Action::HomeServiceVisitChanged, &client, now)
    })?;
    one_visit(conn, visit_id, now)
}

/// The people who can be named on the library's clients: its staff with the home-service role and
/// its home-service volunteers. For the library's staff with the role.
pub fn people(
    conn: &mut DbConnection,
    user: &AuthUser,
    slug: &str,
) -> Result<Vec<HomeServicePerson>, ApiError> {
    let lib = library(conn, slug)?;
    require_role(conn, user, &lib.id)?;
    Ok(queries::people(conn, &lib.id)?
        .into_iter()
        .map(|(id, name, volunteer)| HomeServicePerson {
            id,
            name,
            volunteer,
        })
        .collect())
}

/// The libraries whose home-service data the caller may see: `library` when given (404 for an
/// unknown one, 403 without the role), else every library where they are staff with the role.
fn role_libraries(
    conn: &mut DbConnection,
    user: &AuthUser,
    slug: Option<&str>,
) -> Result<Vec<(String, String)>, ApiError> {
    match slug {
        Some(slug) => {
            let lib = library(conn, slug)?;
            require_role(conn, user, &lib.id)?;
            Ok(vec![(lib.id, lib.time_zone)])
        }
        None => {
            let mut out = Vec::new();
            for id in queries::role_libraries(conn, &user.user_id)? {
                if user.is_staff_of(&id) {
                    let lib = crate::libraries::queries::find_by_id(conn, &id)?;
                    out.push((lib.id, lib.time_zone));
                }
            }
            if out.is_empty() {
                return Err(role_refused(user));
            }
            Ok(out)
        }
    }
}

/// The visit list's filters.
#[derive(Debug, Clone, Default)]
pub struct VisitFilter {
    /// The library's slug; every library where the caller has the role when left out.
    pub library: Option<String>,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// Only visits in this state.
    pub status: Option<VisitStatus>,
    /// Only this deliverer's visits.
    pub deliverer: Option<String>,
}

/// Visits from `from` to `to` for the dashboard (this week's, missed and overdue ones), by day,
/// postcode and street. Each client shown is written to the audit log.
pub fn list_visits(
    conn: &mut DbConnection,
    user: &AuthUser,
    filter: &VisitFilter,
    now: DateTime<Utc>,
) -> Result<Vec<HomeServiceVisit>, ApiError> {
    let libs = role_libraries(conn, user, filter.library.as_deref())?;
    let slugs: HashMap<String, String> = libs
        .iter()
        .map(|(id, _)| crate::libraries::queries::find_by_id(conn, id).map(|l| (l.id, l.slug)))
        .collect::<Result<_, _>>()?;
    let zone = libs[0].1.clone();
    let ids: Vec<String> = libs.into_iter().map(|(id, _)| id).collect();
    let mut rows = queries::visits_between(
        conn,
        &ids,
        &filter.from.to_string(),
        &filter.to.to_string(),
        filter.status.map(VisitStatus::as_str),
        filter.deliverer.as_deref(),
    )?;
    in_round_order(&mut rows);
    let mut clients: Vec<String> = rows.iter().map(|(_, c)| c.id.clone()).collect();
    clients.sort();
    clients.dedup();
    let items = queries::items_of_clients(conn, &clients)?;
    write_tx(conn, |conn| {
        let mut seen = HashSet::new();
        for (_, client) in &rows {
            if seen.insert(client.id.clone()) {
                logged(conn, user, Action::HomeServiceVisitsViewed, client, now)?;
            }
        }
        Ok::<_, ApiError>(())
    })?;
    let today = today_in(&zone, now);
    Ok(rows
        .into_iter()
        .map(|(v, client)| {
            let slug = slugs.get(&v.library_id).cloned().unwrap_or_default();
            visit_to_wire(v, &slug, &client.name, &items, today)
        })
        .collect())
}

/// A day's round: the visits not called off, by postcode and street, with the addresses, phones,
/// visit notes, what to bring and what to collect. Each client on it is written to the audit log.
pub fn round(
    conn: &mut DbConnection,
    user: &AuthUser,
    library: Option<&str>,
    date: NaiveDate,
    deliverer: Option<&str>,
    now: DateTime<Utc>,
) -> Result<HomeServiceRound, ApiError> {
    // Staff with the role see the whole round (or one deliverer's); a volunteer only their own.
    let (ids, deliverer) = match role_libraries(conn, user, library) {
        Ok(libs) => (
            libs.into_iter().map(|(id, _)| id).collect::<Vec<_>>(),
            deliverer,
        ),
        Err(refused) => {
            let mut ids = queries::volunteer_libraries(conn, &user.user_id)?;
            if let Some(slug) = library {
                let lib = super::service::library(conn, slug)?;
                ids.retain(|id| *id == lib.id);
            }
            if ids.is_empty() || deliverer.is_some_and(|d| d != user.user_id) {
                return Err(refused);
            }
            // Only their own stops, and only around today: a volunteer's access ends with the work.
            let zone = crate::libraries::queries::find_by_id(conn, &ids[0])?.time_zone;
            let today = today_in(&zone, now);
            let near = today - Days::new(VOLUNTEER_DAYS_BACK) <= date
                && date <= today + Days::new(VOLUNTEER_DAYS_AHEAD);
            if !near {
                return Err(refused);
            }
            (ids, Some(user.user_id.as_str()))
        }
    };
    let day = date.to_string();
    let mut rows: Vec<(VisitRow, ClientRow)> =
        queries::visits_between(conn, &ids, &day, &day, None, deliverer)?
            .into_iter()
            .filter(|(v, _)| v.status != VisitStatus::Cancelled.as_str())
            .collect();
    in_round_order(&mut rows);
    let clients: Vec<String> = rows.iter().map(|(_, c)| c.id.clone()).collect();
    let items = queries::items_of_clients(conn, &clients)?;
    write_tx(conn, |conn| {
        for (_, client) in &rows {
            logged(conn, user, Action::HomeServiceVisitsViewed, client, now)?;
        }
        Ok::<_, ApiError>(())
    })?;
    let stops = rows
        .into_iter()
        .map(|(v, c)| RoundStop {
            items: items
                .iter()
                .filter(|i| i.0.visit_id == v.id)
                .map(item_to_wire)
                .collect(),
            to_collect: items
                .iter()
                .filter(|(i, d, status)| {
                    i.client_id == c.id
                        && status == VisitStatus::Delivered.as_str()
                        && *d < v.day
                        && (i.returned_visit_id.is_none()
                            || i.returned_visit_id.as_deref() == Some(v.id.as_str()))
                })
                .map(item_to_wire)
                .collect(),
            deliverer: person(&v.deliverer_id, &v.deliverer_name),
            visit_id: v.id,
            status: VisitStatus::parse(&v.status).unwrap_or(VisitStatus::Planned),
            client_id: c.id,
            name: c.name,
            street_address: c.street_address,
            postal_code: c.postal_code,
            city: c.city,
            phone: c.phone,
            day_part: DayPart::parse(&c.day_part).unwrap_or(DayPart::Any),
            visit_notes: c.visit_notes,
            contact_name: c.contact_name,
            contact_phone: c.contact_phone,
            note: v.note,
        })
        .collect();
    Ok(HomeServiceRound { date, stops })
}

/// Parses `YYYY-MM` into the month's first day.
pub fn month_start(raw: &str) -> Option<NaiveDate> {
    let (y, m) = raw.split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)
}

/// The figures of the months `from` to `to` (first days of months, at most 24 months): new
/// clients, clients visited, visits delivered and missed, items delivered. Counts only: no names.
pub fn figures(
    conn: &mut DbConnection,
    user: &AuthUser,
    slug: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<HomeServiceFigures, ApiError> {
    let lib = library(conn, slug)?;
    require_role(conn, user, &lib.id)?;
    let tz = tz_of(&lib.time_zone);
    let last = to + chrono::Months::new(1) - Days::new(1);
    let key = |d: NaiveDate| format!("{:04}-{:02}", d.year(), d.month());
    let mut months: BTreeMap<String, (MonthFigures, HashSet<String>)> = BTreeMap::new();
    let mut m = from;
    while m <= to {
        months.insert(
            key(m),
            (
                MonthFigures {
                    month: key(m),
                    new_clients: 0,
                    clients_visited: 0,
                    visits_delivered: 0,
                    visits_missed: 0,
                    items_delivered: 0,
                },
                HashSet::new(),
            ),
        );
        m = m + chrono::Months::new(1);
    }
    for started in queries::client_starts(conn, &lib.id)? {
        let local = started.and_utc().with_timezone(&tz).date_naive();
        if let Some((f, _)) = months.get_mut(&key(local)) {
            f.new_clients += 1;
        }
    }
    for (client, day, status, items) in
        queries::visit_counts(conn, &lib.id, &from.to_string(), &last.to_string())?
    {
        let Some((f, visited)) = day_of(&day).and_then(|d| months.get_mut(&key(d))) else {
            continue;
        };
        if status == VisitStatus::Delivered.as_str() {
            f.visits_delivered += 1;
            f.items_delivered += items;
            visited.insert(client);
        } else if status == VisitStatus::Missed.as_str() {
            f.visits_missed += 1;
        }
    }
    Ok(HomeServiceFigures {
        library: lib.slug,
        months: months
            .into_values()
            .map(|(mut f, visited)| {
                f.clients_visited = visited.len() as i64;
                f
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::street_order;

    #[test]
    fn streets_sort_by_name_then_house_number() {
        let mut streets = vec![
            "Rantatie 12",
            "Ääninen 1",
            "rantatie 5 B 12",
            "Asematie 4 A 2",
            "Rantatie 5 A 1",
            "Åkervägen 3",
        ];
        streets.sort_by_key(|s| street_order(s));
        assert_eq!(
            streets,
            [
                "Asematie 4 A 2",
                "Rantatie 5 A 1",
                "rantatie 5 B 12",
                "Rantatie 12",
                "Åkervägen 3",
                "Ääninen 1",
            ]
        );
    }
}
