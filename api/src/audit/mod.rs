//! The audit log: every access to personal data and every change to an account, by whom and when.
//!
//! *Invariant:* entries hold identifiers and an action name only, never the personal data itself, so
//! the log can be kept longer than the data it speaks of.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::{db::DbConnection, schema::audit_log};

/// What was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A person downloaded everything held on them.
    AccountExported,
    /// A person deleted their account.
    AccountDeleted,
    /// A staff member was shown a booking with the patron's contact details.
    BookingViewed,
    /// An operator turned two-step sign-in off for an account.
    SecondFactorReset,
    /// A staff member was shown an event registration with the person's details.
    RegistrationViewed,
    /// A staff member was shown an event's participant list (`record_id` is the event).
    ParticipantsViewed,
    /// A staff member was shown a care-home programme booking with its on-site contact.
    ProgrammeBookingViewed,
    /// A staff member was shown a message with its recipient's address (`record_id` is the message).
    MessageViewed,
    /// A staff member sent a message again (`record_id` is the new message).
    MessageResent,
    /// Home-service staff were shown an application with its personal data (`record_id`).
    HomeServiceApplicationViewed,
    /// Home-service staff approved an application; a client was made of it (`record_id`).
    HomeServiceApplicationApproved,
    /// Home-service staff declined an application (`record_id`).
    HomeServiceApplicationDeclined,
    /// Home-service staff were shown a client's data (`record_id`).
    HomeServiceClientViewed,
    /// Home-service staff changed a client's data (`record_id`).
    HomeServiceClientChanged,
    /// Home-service staff were shown a client's visits, or the client on a round (`record_id` is the
    /// client).
    HomeServiceVisitsViewed,
    /// Home-service staff added or changed a client's visit or its items (`record_id` is the client).
    HomeServiceVisitChanged,
    /// Home-service staff exported everything held on a client (`record_id`).
    HomeServiceClientExported,
    /// A client's personal data was erased, on request or by the retention rule (no actor)
    /// (`record_id`).
    HomeServiceClientErased,
    /// A declined application's data was erased by the retention rule (`record_id`).
    HomeServiceApplicationErased,
    /// Staff downloaded a survey's responses with the contact details people left (`record_id` is
    /// the survey).
    SurveyResponsesExported,
    /// An admin made an API client for a partner system (`record_id` is the client).
    ApiClientCreated,
    /// An admin changed an API client's name, scopes, origins or rate limit (`record_id`).
    ApiClientChanged,
    /// An admin made a new secret for an API client (`record_id`).
    ApiClientSecretRenewed,
    /// An admin revoked an API client (`record_id`).
    ApiClientRevoked,
}

impl Action {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::AccountExported => "account.exported",
            Action::AccountDeleted => "account.deleted",
            Action::BookingViewed => "booking.viewed",
            Action::SecondFactorReset => "account.second_factor_reset",
            Action::RegistrationViewed => "registration.viewed",
            Action::ParticipantsViewed => "event.participants_viewed",
            Action::ProgrammeBookingViewed => "programme_booking.viewed",
            Action::MessageViewed => "message.viewed",
            Action::MessageResent => "message.resent",
            Action::HomeServiceApplicationViewed => "home_service.application_viewed",
            Action::HomeServiceApplicationApproved => "home_service.application_approved",
            Action::HomeServiceApplicationDeclined => "home_service.application_declined",
            Action::HomeServiceClientViewed => "home_service.client_viewed",
            Action::HomeServiceClientChanged => "home_service.client_changed",
            Action::HomeServiceVisitsViewed => "home_service.visits_viewed",
            Action::HomeServiceVisitChanged => "home_service.visit_changed",
            Action::HomeServiceClientExported => "home_service.client_exported",
            Action::HomeServiceClientErased => "home_service.client_erased",
            Action::HomeServiceApplicationErased => "home_service.application_erased",
            Action::SurveyResponsesExported => "survey.responses_exported",
            Action::ApiClientCreated => "api_client.created",
            Action::ApiClientChanged => "api_client.changed",
            Action::ApiClientSecretRenewed => "api_client.secret_renewed",
            Action::ApiClientRevoked => "api_client.revoked",
        }
    }
}

/// Records that `actor` did `action` to `subject`'s data.
pub fn record(
    conn: &mut DbConnection,
    actor: Option<&str>,
    action: Action,
    subject: Option<&str>,
    library_id: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    record_about(conn, actor, action, subject, None, library_id, now)
}

/// Records that `actor` did `action` to `subject`'s data held in the record `record_id` (a booking,
/// a client file), which may belong to someone without an account.
pub fn record_about(
    conn: &mut DbConnection,
    actor: Option<&str>,
    action: Action,
    subject: Option<&str>,
    record_id: Option<&str>,
    library_id: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::id.eq(uuid::Uuid::new_v4().to_string()),
            // Whole microseconds, as the list's cursor keeps them: no entry falls between pages.
            audit_log::at.eq(chrono::SubsecRound::trunc_subsecs(now, 6)),
            audit_log::actor_user_id.eq(actor),
            audit_log::action.eq(action.as_str()),
            audit_log::subject_user_id.eq(subject),
            audit_log::library_id.eq(library_id),
            audit_log::record_id.eq(record_id),
        ))
        .execute(conn)
        .map(|_| ())
}

pub mod routes;

/// An entry as stored, with the actor's name when their account still exists.
pub type EntryRow = (
    String,
    NaiveDateTime,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// A library's entries, newest first, optionally of one action or about one record, before the
/// cursor `(at, id)`.
pub fn entries(
    conn: &mut DbConnection,
    library_id: &str,
    action: Option<&str>,
    record_id: Option<&str>,
    before: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> QueryResult<Vec<EntryRow>> {
    use crate::schema::users;
    let mut q = audit_log::table
        .left_join(users::table.on(users::id.nullable().eq(audit_log::actor_user_id)))
        .filter(audit_log::library_id.eq(library_id))
        .select((
            audit_log::id,
            audit_log::at,
            audit_log::actor_user_id,
            audit_log::action,
            audit_log::record_id,
            audit_log::subject_user_id,
            users::name.nullable(),
        ))
        .order((audit_log::at.desc(), audit_log::id.desc()))
        .limit(limit)
        .into_boxed();
    if let Some(action) = action {
        q = q.filter(audit_log::action.eq(action.to_owned()));
    }
    if let Some(record) = record_id {
        q = q.filter(audit_log::record_id.eq(record.to_owned()));
    }
    if let Some((at, id)) = before {
        q = q.filter(
            audit_log::at
                .lt(at)
                .or(audit_log::at.eq(at).and(audit_log::id.lt(id))),
        );
    }
    q.load(conn)
}
