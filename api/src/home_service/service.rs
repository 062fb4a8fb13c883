//! Home-service flows as plain functions over a connection: an application arrives, the library's
//! home-service staff read the queue and approve (a client is made from the application) or decline
//! it; the applicant is told either way. Every read and change of the personal data is written to
//! the audit log.

use chrono::{DateTime, NaiveDate, Utc};
use etakirjasto_shared::{
    ApplicantRelation, ApplicationReceipt, ApplicationStatus, ClientStatus, DayPart,
    DeliveryFrequency, ErrorCode, FieldCode, HomeServiceApplication, HomeServiceApplicationInput,
    HomeServiceClient, HomeServiceClientInput, HomeServiceReason, Lang, MaterialFormat,
    MessageKind, PersonRef, Weekday, consent_wording,
};
use serde::{Serialize, de::DeserializeOwned};

use super::{
    queries::{self, ApplicationRow, ApplicationView, ClientRow, ClientView},
    rules, visits,
};
use crate::{
    audit::{self, Action},
    auth::{AuthUser, extract::role_refused},
    db::{DbConnection, write_tx},
    error::ApiError,
    events::service::{local, tz_of},
    libraries::queries::{LibraryRow, find_by_slug},
    messages::outbox,
};

fn list_json<T: Serialize>(items: &[T]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

pub(super) fn list_of<T: DeserializeOwned>(json: &str) -> Vec<T> {
    serde_json::from_str(json).unwrap_or_default()
}

pub(super) fn trimmed(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

pub(super) fn library(conn: &mut DbConnection, slug: &str) -> Result<LibraryRow, ApiError> {
    find_by_slug(conn, slug)?
        .ok_or_else(|| ApiError::invalid(vec![("library".into(), FieldCode::InvalidChoice)]))
}

/// Refuses anyone but the library's staff who have its home-service role.
pub(super) fn require_role(
    conn: &mut DbConnection,
    user: &AuthUser,
    library_id: &str,
) -> Result<(), ApiError> {
    if user.is_staff_of(library_id) && queries::has_role(conn, library_id, &user.user_id)? {
        Ok(())
    } else {
        Err(role_refused(user))
    }
}

/// Takes an application; no account is needed. The consent is stored in the words shown, with the time.
pub fn submit(
    conn: &mut DbConnection,
    input: &HomeServiceApplicationInput,
    now: DateTime<Utc>,
) -> Result<ApplicationReceipt, ApiError> {
    let lib = library(conn, &input.library)?;
    let tz = tz_of(&lib.time_zone);
    let today: NaiveDate = now.with_timezone(&tz).date_naive();
    let checked = rules::check_application(input, today).map_err(ApiError::invalid)?;
    let language = input.language.unwrap_or(Lang::Fi);
    let (applicant_name, applicant_phone, applicant_email) = match checked.applicant {
        Some((name, phone, email)) => (Some(name), phone, email),
        None => (None, None, None),
    };
    let mut reasons = input.reasons.clone();
    reasons.dedup();
    let row = ApplicationRow {
        id: uuid::Uuid::new_v4().to_string(),
        library_id: lib.id.clone(),
        status: ApplicationStatus::Submitted.as_str().into(),
        relation: input.relation.as_str().into(),
        applicant_name,
        applicant_phone,
        applicant_email,
        name: checked.name,
        street_address: input.street_address.trim().to_owned(),
        postal_code: input.postal_code.trim().to_owned(),
        city: input.city.trim().to_owned(),
        phone: checked.phone,
        reasons: list_json(&reasons),
        temporary_until: input.temporary_until.map(|d| d.to_string()),
        formats: list_json(&input.formats),
        interests: trimmed(&input.interests),
        avoid: trimmed(&input.avoid),
        frequency: input.frequency.as_str().into(),
        days: list_json(&input.days),
        day_part: input.day_part.as_str().into(),
        visit_notes: trimmed(&input.visit_notes),
        language: language.code().into(),
        consent_text: consent_wording(language).into(),
        submitted_at: now.naive_utc(),
        decided_at: None,
        decided_by: None,
        decline_reason: None,
        client_id: None,
    };
    write_tx(conn, |conn| {
        queries::insert_application(conn, &row)?;
        Ok::<_, ApiError>(())
    })?;
    Ok(ApplicationReceipt {
        id: row.id,
        status: ApplicationStatus::Submitted,
        submitted_at: local(row.submitted_at, tz),
    })
}

/// An application as the wire shows it.
pub(crate) fn application_to_wire(view: ApplicationView) -> HomeServiceApplication {
    to_wire(view)
}

fn to_wire((row, slug, zone): ApplicationView) -> HomeServiceApplication {
    let tz = tz_of(&zone);
    HomeServiceApplication {
        id: row.id,
        library: slug,
        status: ApplicationStatus::parse(&row.status).unwrap_or(ApplicationStatus::Submitted),
        relation: ApplicantRelation::parse(&row.relation).unwrap_or(ApplicantRelation::Other),
        applicant_name: row.applicant_name,
        applicant_phone: row.applicant_phone,
        applicant_email: row.applicant_email,
        name: row.name,
        street_address: row.street_address,
        postal_code: row.postal_code,
        city: row.city,
        phone: row.phone,
        reasons: list_of::<HomeServiceReason>(&row.reasons),
        temporary_until: row.temporary_until.and_then(|d| d.parse().ok()),
        formats: list_of::<MaterialFormat>(&row.formats),
        interests: row.interests,
        avoid: row.avoid,
        frequency: DeliveryFrequency::parse(&row.frequency).unwrap_or(DeliveryFrequency::Monthly),
        days: list_of::<Weekday>(&row.days),
        day_part: DayPart::parse(&row.day_part).unwrap_or(DayPart::Any),
        visit_notes: row.visit_notes,
        language: Lang::from_tag(&row.language).unwrap_or_default(),
        consent_text: row.consent_text,
        submitted_at: local(row.submitted_at, tz),
        decided_at: row.decided_at.map(|t| local(t, tz)),
        decline_reason: row.decline_reason,
        client_id: row.client_id,
    }
}

fn viewed(
    conn: &mut DbConnection,
    user: &AuthUser,
    action: Action,
    view: &ApplicationView,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    audit::record_about(
        conn,
        Some(&user.user_id),
        action,
        None,
        Some(&view.0.id),
        Some(&view.0.library_id),
        now.naive_utc(),
    )?;
    Ok(())
}

/// The library's applications (the queue: oldest first), each read written to the audit log.
pub fn list(
    conn: &mut DbConnection,
    user: &AuthUser,
    slug: &str,
    status: Option<ApplicationStatus>,
    after: Option<(chrono::NaiveDateTime, String)>,
    limit: i64,
    now: DateTime<Utc>,
) -> Result<Vec<HomeServiceApplication>, ApiError> {
    let lib = library(conn, slug)?;
    require_role(conn, user, &lib.id)?;
    let rows = queries::list_applications(
        conn,
        &lib.id,
        status.map(ApplicationStatus::as_str),
        after,
        limit,
    )?;
    write_tx(conn, |conn| {
        for view in &rows {
            viewed(conn, user, Action::HomeServiceApplicationViewed, view, now)?;
        }
        Ok::<_, ApiError>(())
    })?;
    Ok(rows.into_iter().map(to_wire).collect())
}

/// The application if the caller may see it: 404 for anyone outside its library (they cannot learn
/// that it exists), 403 for the library's staff without the role.
fn visible(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
) -> Result<ApplicationView, ApiError> {
    let view = queries::find_application(conn, id)?.ok_or_else(ApiError::not_found)?;
    if !user.is_staff_of(&view.0.library_id) {
        return Err(ApiError::not_found());
    }
    require_role(conn, user, &view.0.library_id)?;
    Ok(view)
}

/// One application, its read written to the audit log.
pub fn get(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    now: DateTime<Utc>,
) -> Result<HomeServiceApplication, ApiError> {
    let view = visible(conn, user, id)?;
    viewed(conn, user, Action::HomeServiceApplicationViewed, &view, now)?;
    Ok(to_wire(view))
}

pub(crate) fn client_from(row: &ApplicationRow, by: &str, now: DateTime<Utc>) -> ClientRow {
    let (contact_name, contact_phone, contact_email) =
        if row.relation == ApplicantRelation::Relative.as_str() {
            (
                row.applicant_name.clone(),
                row.applicant_phone.clone(),
                row.applicant_email.clone(),
            )
        } else {
            (None, None, None)
        };
    ClientRow {
        id: uuid::Uuid::new_v4().to_string(),
        library_id: row.library_id.clone(),
        application_id: row.id.clone(),
        status: ClientStatus::Active.as_str().into(),
        paused_from: None,
        paused_until: None,
        name: row.name.clone(),
        street_address: row.street_address.clone(),
        postal_code: row.postal_code.clone(),
        city: row.city.clone(),
        phone: row.phone.clone(),
        reasons: row.reasons.clone(),
        temporary_until: row.temporary_until.clone(),
        formats: row.formats.clone(),
        interests: row.interests.clone(),
        avoid: row.avoid.clone(),
        frequency: row.frequency.clone(),
        days: row.days.clone(),
        day_part: row.day_part.clone(),
        visit_notes: row.visit_notes.clone(),
        language: row.language.clone(),
        chooser_id: None,
        chooser_name: None,
        deliverer_id: None,
        deliverer_name: None,
        contact_name,
        contact_phone,
        contact_email,
        created_at: now.naive_utc(),
        created_by: Some(by.to_owned()),
        updated_at: now.naive_utc(),
    }
}

/// Approves a submitted application: the person becomes a client (a relative who applied becomes
/// their contact person). Deciding twice, or one already decided, is 409.
pub fn approve(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    now: DateTime<Utc>,
) -> Result<HomeServiceApplication, ApiError> {
    write_tx(conn, |conn| {
        let view = visible(conn, user, id)?;
        let client = client_from(&view.0, &user.user_id, now);
        if !queries::decide(
            conn,
            id,
            ApplicationStatus::Approved.as_str(),
            &user.user_id,
            None,
            Some(&client.id),
            now.naive_utc(),
        )? {
            return Err(ApiError::client(ErrorCode::Conflict)
                .with_detail("The application has already been decided."));
        }
        queries::insert_client(conn, &client)?;
        visits::replan(conn, &client, &view.2, now)?;
        outbox::home_service_decided(conn, &view.0, MessageKind::HomeServiceApproved, now)?;
        viewed(
            conn,
            user,
            Action::HomeServiceApplicationApproved,
            &view,
            now,
        )?;
        Ok(())
    })?;
    let view = queries::find_application(conn, id)?.ok_or_else(ApiError::not_found)?;
    Ok(to_wire(view))
}

/// Declines a submitted application with a reason the applicant is given.
pub fn decline(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<HomeServiceApplication, ApiError> {
    let reason = rules::check_decline_reason(reason).map_err(ApiError::invalid)?;
    write_tx(conn, |conn| {
        let view = visible(conn, user, id)?;
        if !queries::decide(
            conn,
            id,
            ApplicationStatus::Declined.as_str(),
            &user.user_id,
            Some(&reason),
            None,
            now.naive_utc(),
        )? {
            return Err(ApiError::client(ErrorCode::Conflict)
                .with_detail("The application has already been decided."));
        }
        let mut decided = view.0.clone();
        decided.decline_reason = Some(reason.clone());
        outbox::home_service_decided(conn, &decided, MessageKind::HomeServiceDeclined, now)?;
        viewed(
            conn,
            user,
            Action::HomeServiceApplicationDeclined,
            &view,
            now,
        )?;
        Ok(())
    })?;
    let view = queries::find_application(conn, id)?.ok_or_else(ApiError::not_found)?;
    Ok(to_wire(view))
}

pub(crate) fn client_to_wire((row, slug, zone): ClientView) -> HomeServiceClient {
    let tz = tz_of(&zone);
    let person = |id: Option<String>, name: Option<String>| {
        id.map(|id| PersonRef {
            id,
            name: name.unwrap_or_default(),
        })
    };
    HomeServiceClient {
        id: row.id,
        library: slug,
        application_id: row.application_id,
        status: ClientStatus::parse(&row.status).unwrap_or(ClientStatus::Active),
        paused_from: row.paused_from.and_then(|d| d.parse().ok()),
        paused_until: row.paused_until.and_then(|d| d.parse().ok()),
        name: row.name,
        street_address: row.street_address,
        postal_code: row.postal_code,
        city: row.city,
        phone: row.phone,
        reasons: list_of::<HomeServiceReason>(&row.reasons),
        temporary_until: row.temporary_until.and_then(|d| d.parse().ok()),
        formats: list_of::<MaterialFormat>(&row.formats),
        interests: row.interests,
        avoid: row.avoid,
        frequency: DeliveryFrequency::parse(&row.frequency).unwrap_or(DeliveryFrequency::Monthly),
        days: list_of::<Weekday>(&row.days),
        day_part: DayPart::parse(&row.day_part).unwrap_or(DayPart::Any),
        visit_notes: row.visit_notes,
        language: Lang::from_tag(&row.language).unwrap_or_default(),
        contact_name: row.contact_name,
        contact_phone: row.contact_phone,
        contact_email: row.contact_email,
        chooser: person(row.chooser_id, row.chooser_name),
        deliverer: person(row.deliverer_id, row.deliverer_name),
        created_at: local(row.created_at, tz),
    }
}

fn client_logged(
    conn: &mut DbConnection,
    user: &AuthUser,
    action: Action,
    row: &ClientRow,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    audit::record_about(
        conn,
        Some(&user.user_id),
        action,
        None,
        Some(&row.id),
        Some(&row.library_id),
        now.naive_utc(),
    )?;
    Ok(())
}

/// The library's clients by name, each read written to the audit log.
pub fn list_clients(
    conn: &mut DbConnection,
    user: &AuthUser,
    slug: &str,
    status: Option<ClientStatus>,
    after: Option<(String, String)>,
    limit: i64,
    now: DateTime<Utc>,
) -> Result<Vec<HomeServiceClient>, ApiError> {
    let lib = library(conn, slug)?;
    require_role(conn, user, &lib.id)?;
    let rows = queries::list_clients(
        conn,
        &lib.id,
        status.map(ClientStatus::as_str),
        after,
        limit,
    )?;
    write_tx(conn, |conn| {
        for view in &rows {
            client_logged(conn, user, Action::HomeServiceClientViewed, &view.0, now)?;
        }
        Ok::<_, ApiError>(())
    })?;
    Ok(rows.into_iter().map(client_to_wire).collect())
}

/// The client if the caller may see it (as for applications: 404 outside the library, 403 without
/// the role).
pub(super) fn visible_client(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
) -> Result<ClientView, ApiError> {
    let view = queries::find_client(conn, id)?.ok_or_else(ApiError::not_found)?;
    if !user.is_staff_of(&view.0.library_id) {
        return Err(ApiError::not_found());
    }
    require_role(conn, user, &view.0.library_id)?;
    Ok(view)
}

/// One client, the read written to the audit log.
pub fn get_client(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    now: DateTime<Utc>,
) -> Result<HomeServiceClient, ApiError> {
    let view = visible_client(conn, user, id)?;
    client_logged(conn, user, Action::HomeServiceClientViewed, &view.0, now)?;
    Ok(client_to_wire(view))
}

/// Changes a client's profile: status and pause, details, wishes, contact person, chooser and
/// deliverer (each must have the library's home-service role). Audit-logged.
pub fn update_client(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    input: &HomeServiceClientInput,
    now: DateTime<Utc>,
) -> Result<HomeServiceClient, ApiError> {
    write_tx(conn, |conn| {
        queries::lock_client(conn, id)?;
        let (mut row, _, zone) = visible_client(conn, user, id)?;
        let today = now.with_timezone(&tz_of(&zone)).date_naive();
        // A temporary need's last day that has passed may stay as it is (so the service can still
        // be paused or ended); only a new one must not be in the past.
        let stored_until = row.temporary_until.as_deref().and_then(|d| d.parse().ok());
        let check_day = match (input.temporary_until, stored_until) {
            (Some(new), Some(old)) if new == old => today.min(old),
            _ => today,
        };
        let checked = rules::check_client(input, check_day).map_err(ApiError::invalid)?;
        let kept = [
            (row.chooser_id.clone(), row.chooser_name.clone()),
            (row.deliverer_id.clone(), row.deliverer_name.clone()),
        ];
        let mut holder = |field: &str,
                          id: &Option<String>|
         -> Result<Option<(String, String)>, ApiError> {
            let Some(id) = id else { return Ok(None) };
            // Someone already named stays, even after losing the role: the history names them.
            let (kept_id, kept_name) = &kept[usize::from(field != "chooser_id")];
            if let (Some(k), Some(name)) = (kept_id, kept_name)
                && k == id
            {
                return Ok(Some((id.clone(), name.clone())));
            }
            // The chooser is staff with the role; the deliverer may also be a volunteer.
            let name = if field == "chooser_id" {
                queries::role_holder_name(conn, &row.library_id, id)?
            } else {
                queries::deliverer_name(conn, &row.library_id, id)?
            };
            let name = name
                .ok_or_else(|| ApiError::invalid(vec![(field.into(), FieldCode::InvalidChoice)]))?;
            Ok(Some((id.clone(), name)))
        };
        let chooser = holder("chooser_id", &input.chooser_id)?;
        let deliverer = holder("deliverer_id", &input.deliverer_id)?;
        let mut reasons = input.reasons.clone();
        reasons.dedup();
        let previous_deliverer = row.deliverer_id.clone();
        row.status = input.status.as_str().into();
        row.paused_from = input.paused_from.map(|d| d.to_string());
        row.paused_until = input.paused_until.map(|d| d.to_string());
        row.name = checked.name;
        row.street_address = input.street_address.trim().to_owned();
        row.postal_code = input.postal_code.trim().to_owned();
        row.city = input.city.trim().to_owned();
        row.phone = checked.phone;
        row.reasons = list_json(&reasons);
        row.temporary_until = input.temporary_until.map(|d| d.to_string());
        row.formats = list_json(&input.formats);
        row.interests = trimmed(&input.interests);
        row.avoid = trimmed(&input.avoid);
        row.frequency = input.frequency.as_str().into();
        row.days = list_json(&input.days);
        row.day_part = input.day_part.as_str().into();
        row.visit_notes = trimmed(&input.visit_notes);
        row.language = input.language.code().into();
        (row.contact_name, row.contact_phone, row.contact_email) = checked.contact;
        (row.chooser_id, row.chooser_name) = chooser.unzip();
        (row.deliverer_id, row.deliverer_name) = deliverer.unzip();
        row.updated_at = now.naive_utc();
        queries::update_client(conn, &row)?;
        if previous_deliverer != row.deliverer_id {
            queries::reassign_deliverer(
                conn,
                &row.id,
                &today.to_string(),
                previous_deliverer.as_deref(),
                row.deliverer_id
                    .as_deref()
                    .zip(row.deliverer_name.as_deref()),
            )?;
        }
        visits::replan(conn, &row, &zone, now)?;
        client_logged(conn, user, Action::HomeServiceClientChanged, &row, now)
    })?;
    let view = queries::find_client(conn, id)?.ok_or_else(ApiError::not_found)?;
    Ok(client_to_wire(view))
}
