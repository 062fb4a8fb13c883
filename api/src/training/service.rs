//! Training flows over a connection: modules, ticks, practice sessions, the matrix, sign-offs and
//! confidence ratings.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDateTime, Utc};
use etakirjasto_shared::{
    CompetenceMatrix, ConfidenceInput, ErrorCode, FieldCode, Localized, MatrixCell, MatrixService,
    PracticeInput, PracticeSession, PracticeState, PracticeUpdate, ProgressInput, Role, StaffRef,
    TrainingItem, TrainingModule, TrainingModuleEdit, TrainingModuleInput, TrainingProgress,
    validate,
};

use super::{
    queries::{self, ModuleRow, PracticeRow},
    rules::{self, MatrixFacts, ModuleFacts},
};
use crate::{
    auth::{AuthUser, extract::role_refused},
    db::{DbConnection, write_tx},
    error::ApiError,
    events::service::staff_library,
    libraries::queries::LibraryRow,
    services::queries as services_q,
};

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn text(raw: &str) -> Localized {
    serde_json::from_str(raw).unwrap_or_default()
}

fn items_of(row: &ModuleRow) -> Vec<TrainingItem> {
    serde_json::from_str(&row.items).unwrap_or_default()
}

fn now() -> NaiveDateTime {
    // Whole microseconds, so PostgreSQL and SQLite store the same time.
    chrono::SubsecRound::trunc_subsecs(Utc::now().naive_utc(), 6)
}

fn facts(row: &ModuleRow) -> ModuleFacts {
    ModuleFacts {
        id: row.id.clone(),
        items: items_of(row).into_iter().map(|i| i.key).collect(),
        practice: row.practice,
    }
}

fn is_admin(user: &AuthUser, library_id: &str) -> bool {
    user.role_in(library_id) == Some(Role::Admin)
}

/// The library named by `slug` if the user is its admin.
fn admin_library(
    conn: &mut DbConnection,
    user: &AuthUser,
    slug: &str,
) -> Result<LibraryRow, ApiError> {
    let library = staff_library(conn, user, slug)?;
    if !is_admin(user, &library.id) {
        return Err(ApiError::forbidden());
    }
    Ok(library)
}

/// Ok for the library's staff; 404 for everyone else (the record is not theirs to know of), or 403
/// `second_factor_setup_required` for staff whose roles wait for the second step.
fn staff_here(user: &AuthUser, library_id: &str) -> Result<(), ApiError> {
    if user.is_staff_of(library_id) {
        Ok(())
    } else if user.withheld_roles {
        Err(role_refused(user))
    } else {
        Err(ApiError::not_found())
    }
}

/// A module the user is staff of, with its library's slug: 404 for everyone else.
fn staff_module(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
) -> Result<(ModuleRow, String), ApiError> {
    if !validate::is_id(id) {
        return Err(ApiError::not_found());
    }
    let (row, slug) = queries::find(conn, id)?.ok_or_else(ApiError::not_found)?;
    staff_here(user, &row.library_id)?;
    Ok((row, slug))
}

fn practice_to_wire(row: PracticeRow, names: &HashMap<String, String>) -> PracticeSession {
    let who = |id: &str| StaffRef {
        id: id.to_owned(),
        name: names.get(id).cloned().unwrap_or_default(),
    };
    PracticeSession {
        trainee: who(&row.trainee_id),
        colleague: row.colleague_id.as_deref().map(who),
        id: row.id,
        module_id: row.module_id,
        starts_at: row.starts_at.and_utc(),
        state: PracticeState::parse(&row.state).unwrap_or(PracticeState::Booked),
        recorded_at: row.recorded_at.map(|t| t.and_utc()),
    }
}

/// The wire form of modules with `user`'s progress: five queries for the whole list.
fn to_wire(
    conn: &mut DbConnection,
    user: &AuthUser,
    rows: Vec<(ModuleRow, String)>,
) -> Result<Vec<TrainingModule>, ApiError> {
    let ids: Vec<String> = rows.iter().map(|r| r.0.id.clone()).collect();
    let me = vec![user.user_id.clone()];
    let ticks = queries::ticks(conn, &ids, &me)?;
    let practices = queries::practices(conn, &ids, &me)?;
    let mut people: Vec<String> = practices
        .iter()
        .flat_map(|p| [Some(p.trainee_id.clone()), p.colleague_id.clone()])
        .flatten()
        .collect();
    people.sort();
    people.dedup();
    let names: HashMap<String, String> = queries::names(conn, &people)?.into_iter().collect();
    let required = match rows.first() {
        Some((row, _)) => queries::requirements_of(conn, &row.library_id)?,
        None => Vec::new(),
    };
    let mut out = Vec::new();
    for (row, slug) in rows {
        let ticked: HashSet<&str> = ticks
            .iter()
            .filter(|t| t.1 == row.id)
            .map(|t| t.2.as_str())
            .collect();
        let mine: Vec<&PracticeRow> = practices.iter().filter(|p| p.module_id == row.id).collect();
        let held = mine
            .iter()
            .any(|p| p.trainee_id == user.user_id && p.state == PracticeState::Held.as_str());
        let (done, complete) = rules::progress(&facts(&row), &ticked, held);
        let body = text(&row.body);
        let mut service_ids: Vec<String> = required
            .iter()
            .filter(|(m, _)| *m == row.id)
            .map(|(_, s)| s.clone())
            .collect();
        service_ids.sort();
        out.push(TrainingModule {
            service_ids,
            items: items_of(&row),
            title: text(&row.title),
            body_html: rules::body_html(&body),
            body,
            id: row.id,
            library: slug,
            practice: row.practice,
            version: row.version,
            updated_at: row.updated_at.and_utc(),
            progress: TrainingProgress {
                done,
                practice_held: held,
                complete,
                practices: mine
                    .into_iter()
                    .map(|p| practice_to_wire(p.clone(), &names))
                    .collect(),
            },
        });
    }
    Ok(out)
}

fn one(
    conn: &mut DbConnection,
    user: &AuthUser,
    row: (ModuleRow, String),
) -> Result<TrainingModule, ApiError> {
    to_wire(conn, user, vec![row])?
        .pop()
        .ok_or_else(|| ApiError::internal("module vanished"))
}

/// The library's modules with the caller's progress.
pub fn list(
    conn: &mut DbConnection,
    user: &AuthUser,
    slug: &str,
) -> Result<Vec<TrainingModule>, ApiError> {
    let library = staff_library(conn, user, slug)?;
    let rows = queries::modules_of(conn, &library.id)?
        .into_iter()
        .map(|r| (r, library.slug.clone()))
        .collect();
    to_wire(conn, user, rows)
}

/// One module with the caller's progress.
pub fn read(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
) -> Result<TrainingModule, ApiError> {
    let row = staff_module(conn, user, id)?;
    one(conn, user, row)
}

fn checked(
    conn: &mut DbConnection,
    input: TrainingModuleInput,
    library_id: &str,
    prefix: &str,
) -> Result<TrainingModuleInput, ApiError> {
    let named = |faults: Vec<(String, FieldCode)>| {
        ApiError::invalid(
            faults
                .into_iter()
                .map(|(field, code)| (format!("{prefix}{field}"), code))
                .collect(),
        )
    };
    let input = rules::checked(input).map_err(named)?;
    let mut faults = Vec::new();
    for (i, sid) in input.service_ids.iter().enumerate() {
        let ours = services_q::find(conn, sid)?.is_some_and(|(s, _)| s.library_id == library_id);
        if !ours {
            faults.push((format!("service_ids[{i}]"), FieldCode::InvalidChoice));
        }
    }
    if faults.is_empty() {
        Ok(input)
    } else {
        Err(named(faults))
    }
}

/// Creates a module (the library's admins).
pub fn create(
    conn: &mut DbConnection,
    user: &AuthUser,
    input: TrainingModuleInput,
) -> Result<TrainingModule, ApiError> {
    let library = admin_library(conn, user, input.library.trim())?;
    let input = checked(conn, input, &library.id, "")?;
    let id = uuid::Uuid::new_v4().to_string();
    let now = now();
    write_tx(conn, |conn| {
        let row = ModuleRow {
            id: id.clone(),
            library_id: library.id.clone(),
            title: json(&input.title),
            body: json(&input.body),
            items: json(&input.items),
            practice: input.practice,
            position: queries::next_position(conn, &library.id)?,
            version: 1,
            created_at: now,
            updated_at: now,
        };
        queries::insert(conn, &row)?;
        queries::set_services(conn, &id, &input.service_ids)?;
        Ok::<_, ApiError>(())
    })?;
    read(conn, user, &id)
}

/// Saves a change made on `edit.version` (the library's admins): 409 `conflict` when another
/// version was saved since.
pub fn edit(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    edit: TrainingModuleEdit,
) -> Result<TrainingModule, ApiError> {
    let (stored, _) = staff_module(conn, user, id)?;
    if !is_admin(user, &stored.library_id) {
        return Err(ApiError::forbidden());
    }
    if edit.version < 1 || edit.version == i32::MAX {
        return Err(ApiError::invalid(vec![(
            "version".into(),
            FieldCode::InvalidChoice,
        )]));
    }
    let input = checked(conn, edit.module, &stored.library_id, "module.")?;
    let now = now();
    write_tx(conn, |conn| {
        let saved = queries::update_if_version(
            conn,
            id,
            edit.version,
            (
                &json(&input.title),
                &json(&input.body),
                &json(&input.items),
                input.practice,
                now,
            ),
        )?;
        if !saved {
            let current = queries::find(conn, id)?.map_or(0, |v| v.0.version);
            return Err(ApiError::client(ErrorCode::Conflict).with_detail(format!(
                "The module was saved as version {current} after version {} you edited; load it again and redo your change.",
                edit.version
            )));
        }
        queries::set_services(conn, id, &input.service_ids)?;
        Ok(())
    })?;
    read(conn, user, id)
}

/// Ticks one of the caller's items done, or takes the tick back.
pub fn set_progress(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    input: ProgressInput,
) -> Result<TrainingModule, ApiError> {
    let (row, slug) = staff_module(conn, user, id)?;
    if !items_of(&row).iter().any(|i| i.key == input.item) {
        return Err(ApiError::invalid(vec![(
            "item".into(),
            FieldCode::InvalidChoice,
        )]));
    }
    let now = now();
    write_tx(conn, |conn| {
        queries::set_tick(conn, &row.id, &user.user_id, &input.item, input.done, now)
            .map_err(ApiError::from)
    })?;
    one(conn, user, (row, slug))
}

/// Books a practice session of a module with a colleague.
pub fn book_practice(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    input: PracticeInput,
) -> Result<PracticeSession, ApiError> {
    let (row, _) = staff_module(conn, user, id)?;
    let now = now();
    let mut faults = Vec::new();
    let colleague_ok = input.colleague_id != user.user_id
        && queries::staff_of_library(conn, &row.library_id)?
            .iter()
            .any(|(sid, _)| *sid == input.colleague_id);
    if !colleague_ok {
        faults.push(("colleague_id".into(), FieldCode::InvalidChoice));
    }
    let starts = input.starts_at.naive_utc();
    if starts < now - chrono::Duration::minutes(5) || starts > now + chrono::Duration::days(366) {
        faults.push(("starts_at".into(), FieldCode::OutOfRange));
    }
    if !faults.is_empty() {
        return Err(ApiError::invalid(faults));
    }
    if !row.practice {
        return Err(ApiError::client(ErrorCode::Conflict)
            .with_detail("This module has no practice session."));
    }
    let practice = PracticeRow {
        id: uuid::Uuid::new_v4().to_string(),
        module_id: row.id.clone(),
        trainee_id: user.user_id.clone(),
        colleague_id: Some(input.colleague_id.clone()),
        starts_at: chrono::SubsecRound::trunc_subsecs(starts, 0),
        state: PracticeState::Booked.as_str().into(),
        created_at: now,
        recorded_at: None,
        recorded_by: None,
    };
    write_tx(conn, |conn| queries::insert_practice(conn, &practice))?;
    practice_wire(conn, practice)
}

fn practice_wire(conn: &mut DbConnection, row: PracticeRow) -> Result<PracticeSession, ApiError> {
    let ids: Vec<String> = [Some(row.trainee_id.clone()), row.colleague_id.clone()]
        .into_iter()
        .flatten()
        .collect();
    let names: HashMap<String, String> = queries::names(conn, &ids)?.into_iter().collect();
    Ok(practice_to_wire(row, &names))
}

/// Records a practice session held (from its start on: the colleague or an admin of the library)
/// or calls it off (also the trainee). Repeating what is already recorded changes nothing.
pub fn update_practice(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    update: PracticeUpdate,
) -> Result<PracticeSession, ApiError> {
    let practice = validate::is_id(id)
        .then(|| queries::find_practice(conn, id))
        .transpose()?
        .flatten()
        .ok_or_else(ApiError::not_found)?;
    let (module, _) = staff_module(conn, user, &practice.module_id)?;
    let wanted = update.state;
    if wanted == PracticeState::Booked {
        return Err(ApiError::invalid(vec![(
            "state".into(),
            FieldCode::InvalidChoice,
        )]));
    }
    let colleague = practice.colleague_id.as_deref() == Some(user.user_id.as_str());
    let trainee = user.user_id == practice.trainee_id;
    // The trainee's own word does not make a practice count: the colleague or an admin records it.
    let allowed = colleague
        || is_admin(user, &module.library_id)
        || (trainee && wanted == PracticeState::Cancelled);
    if !allowed {
        return Err(ApiError::forbidden());
    }
    let now = now();
    if practice.state == wanted.as_str() {
        return practice_wire(conn, practice);
    }
    if practice.state != PracticeState::Booked.as_str() {
        return Err(ApiError::client(ErrorCode::Conflict).with_detail(format!(
            "The practice session is already {}.",
            practice.state
        )));
    }
    if wanted == PracticeState::Held && practice.starts_at > now {
        return Err(ApiError::client(ErrorCode::Conflict)
            .with_detail("The practice session has not started yet."));
    }
    let moved = write_tx(conn, |conn| {
        queries::record_practice(
            conn,
            id,
            PracticeState::Booked.as_str(),
            wanted.as_str(),
            &user.user_id,
            now,
        )
    })?;
    let stored = queries::find_practice(conn, id)?.ok_or_else(ApiError::not_found)?;
    if !moved && stored.state != wanted.as_str() {
        return Err(ApiError::client(ErrorCode::Conflict)
            .with_detail(format!("The practice session is already {}.", stored.state)));
    }
    practice_wire(conn, stored)
}

/// The facts of a library's matrix.
fn matrix_facts(conn: &mut DbConnection, library_id: &str) -> Result<MatrixFacts, ApiError> {
    let modules = queries::modules_of(conn, library_id)?;
    let module_ids: Vec<String> = modules.iter().map(|m| m.id.clone()).collect();
    let delivering = queries::delivering(conn, library_id)?;
    let competences = queries::competences_of(conn, library_id)?;
    // The library's staff, and anyone who left it but still delivers a session type or holds a
    // sign-off (so an admin sees them and can take it back), by name.
    let mut staff = queries::staff_of_library(conn, library_id)?;
    let mut former: Vec<String> = delivering
        .iter()
        .map(|d| d.1.clone())
        .chain(competences.iter().map(|c| c.1.clone()))
        .filter(|id| !staff.iter().any(|s| s.0 == *id))
        .collect();
    former.sort();
    former.dedup();
    staff.extend(queries::names(conn, &former)?);
    staff.sort_by(|a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));
    let staff_ids: Vec<String> = staff.iter().map(|s| s.0.clone()).collect();
    let admins: Vec<String> = competences.iter().map(|c| c.2.clone()).collect();
    let admin_names: HashMap<String, String> = queries::names(conn, &admins)?.into_iter().collect();
    let practised = queries::practices(conn, &module_ids, &staff_ids)?
        .into_iter()
        .filter(|p| p.state == PracticeState::Held.as_str())
        .map(|p| (p.trainee_id, p.module_id))
        .collect();
    Ok(MatrixFacts {
        services: queries::services_of_library(conn, library_id)?
            .into_iter()
            .map(|s| s.0)
            .collect(),
        modules: modules.iter().map(facts).collect(),
        required: queries::requirements_of(conn, library_id)?,
        ticks: queries::ticks(conn, &module_ids, &staff_ids)?,
        practised,
        delivering: delivering.into_iter().collect(),
        signed_off: competences
            .into_iter()
            .map(|(s, u, by, at)| {
                let name = admin_names.get(&by).cloned().unwrap_or_default();
                ((s, u), (name, at.and_utc()))
            })
            .collect(),
        confidence: queries::confidence_of(conn, library_id)?
            .into_iter()
            .map(|(u, s, p, r)| ((u, s, p), r.clamp(1, 5) as u8))
            .collect(),
        staff,
    })
}

/// The competence matrix: every row for the library's admins, the caller's own for other staff;
/// the team's readiness for all of them.
pub fn matrix(
    conn: &mut DbConnection,
    user: &AuthUser,
    slug: &str,
) -> Result<CompetenceMatrix, ApiError> {
    let library = staff_library(conn, user, slug)?;
    let facts = matrix_facts(conn, &library.id)?;
    let (mut people, mut readiness) = rules::matrix(&facts);
    if !is_admin(user, &library.id) {
        people.retain(|p| p.staff.id == user.user_id);
        // With fewer than three ratings, a mean would give away a colleague's own rating.
        for r in &mut readiness {
            if r.rated_before < rules::MEAN_MIN {
                r.confidence_before = None;
            }
            if r.rated_after < rules::MEAN_MIN {
                r.confidence_after = None;
            }
        }
    }
    let colleagues = queries::staff_of_library(conn, &library.id)?
        .into_iter()
        .map(|(id, name)| StaffRef { id, name })
        .collect();
    let names: HashMap<String, Localized> = queries::services_of_library(conn, &library.id)?
        .into_iter()
        .collect();
    let services = facts
        .services
        .iter()
        .map(|id| MatrixService {
            id: id.clone(),
            name: names.get(id).cloned().unwrap_or_default(),
            module_ids: facts
                .required
                .iter()
                .filter(|(_, s)| s == id)
                .map(|(m, _)| m.clone())
                .collect(),
        })
        .collect();
    Ok(CompetenceMatrix {
        library: library.slug,
        services,
        people,
        readiness,
        colleagues,
    })
}

/// One person's cell for one session type, read afresh.
fn cell(
    conn: &mut DbConnection,
    library_id: &str,
    service_id: &str,
    staff_id: &str,
) -> Result<MatrixCell, ApiError> {
    let facts = matrix_facts(conn, library_id)?;
    let at = facts
        .services
        .iter()
        .position(|s| s == service_id)
        .ok_or_else(ApiError::not_found)?;
    let (people, _) = rules::matrix(&facts);
    people
        .into_iter()
        .find(|p| p.staff.id == staff_id)
        .map(|p| p.cells[at].clone())
        .ok_or_else(ApiError::not_found)
}

/// An admin signs a staff member off as competent for a session type (every required module
/// complete, else 409 `training_incomplete`), or takes the sign-off back.
pub fn set_competence(
    conn: &mut DbConnection,
    user: &AuthUser,
    service_id: &str,
    staff_id: &str,
    competent: bool,
) -> Result<MatrixCell, ApiError> {
    let (service, _) = services_q::find(conn, service_id)?.ok_or_else(ApiError::not_found)?;
    staff_here(user, &service.library_id)?;
    if !is_admin(user, &service.library_id) {
        return Err(ApiError::forbidden());
    }
    let now = now();
    write_tx(conn, |conn| {
        // The lock a booking for them takes: a booking in flight ends before this, and one after it
        // sees the change.
        crate::bookings::queries::lock_candidates(conn, &[staff_id.to_owned()])?;
        // Read inside the write transaction, so the modules checked are the ones signed off on.
        let current = cell(conn, &service.library_id, service_id, staff_id)?;
        let signed = current.state == etakirjasto_shared::CompetenceState::Competent;
        if competent && !signed && current.modules_required == 0 {
            return Err(ApiError::client(ErrorCode::Conflict).with_detail(
                "No training module is required for this session type, so there is nothing to sign off.",
            ));
        }
        if competent && !signed && current.modules_done < current.modules_required {
            return Err(
                ApiError::client(ErrorCode::TrainingIncomplete).with_detail(format!(
                    "{} of the {} required modules are complete.",
                    current.modules_done, current.modules_required
                )),
            );
        }
        queries::set_competence(
            conn,
            service_id,
            staff_id,
            competent.then_some((user.user_id.as_str(), now)),
        )?;
        Ok(())
    })?;
    cell(conn, &service.library_id, service_id, staff_id)
}

/// A staff member rates their own confidence for a session type of their library.
pub fn set_confidence(
    conn: &mut DbConnection,
    user: &AuthUser,
    service_id: &str,
    input: ConfidenceInput,
) -> Result<MatrixCell, ApiError> {
    let (service, _) = services_q::find(conn, service_id)?.ok_or_else(ApiError::not_found)?;
    staff_here(user, &service.library_id)?;
    if !(1..=5).contains(&input.rating) {
        return Err(ApiError::invalid(vec![(
            "rating".into(),
            FieldCode::OutOfRange,
        )]));
    }
    let now = now();
    write_tx(conn, |conn| {
        queries::set_confidence(
            conn,
            &user.user_id,
            service_id,
            input.phase.as_str(),
            i32::from(input.rating),
            now,
        )
    })?;
    cell(conn, &service.library_id, service_id, &user.user_id)
}
