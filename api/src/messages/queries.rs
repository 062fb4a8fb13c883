//! The outbox table, libraries' own wording and people's message preferences.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::{
    db::DbConnection,
    schema::{message_preferences, message_templates, messages},
};

/// A stored message.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = messages)]
pub struct MessageRow {
    pub id: String,
    pub library_id: String,
    pub kind: String,
    pub subject_id: String,
    pub user_id: Option<String>,
    pub recipient_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub channel: String,
    pub language: String,
    pub subject: String,
    pub body: String,
    pub ics: Option<String>,
    pub secret: Option<String>,
    pub status: String,
    pub due_at: NaiveDateTime,
    pub attempts: i32,
    pub claim: Option<String>,
    pub claimed_until: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub sent_via: Option<String>,
    pub sent_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

/// A recipient as stored: account, email, phone.
pub type Addressee = (Option<String>, Option<String>, Option<String>);

/// Who has been sent a message of `kind` about `subject_id`, cancelled ones aside.
pub fn recipients_of(
    conn: &mut DbConnection,
    kind: &str,
    subject_id: &str,
) -> QueryResult<Vec<Addressee>> {
    messages::table
        .filter(messages::kind.eq(kind))
        .filter(messages::subject_id.eq(subject_id))
        .filter(messages::status.ne("cancelled"))
        .select((messages::user_id, messages::email, messages::phone))
        .load(conn)
}

/// Writes messages (inside the caller's transaction).
pub fn insert(conn: &mut DbConnection, rows: &[MessageRow]) -> QueryResult<()> {
    for row in rows {
        diesel::insert_into(messages::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// Cancels the pending messages of these kinds about `subject_id` (reminders of a moved or
/// cancelled session); returns how many.
pub fn cancel_pending(
    conn: &mut DbConnection,
    subject_id: &str,
    kinds: &[&str],
) -> QueryResult<usize> {
    diesel::update(
        messages::table
            .filter(messages::subject_id.eq(subject_id))
            .filter(messages::kind.eq_any(kinds))
            .filter(messages::status.eq("pending")),
    )
    .set((
        messages::status.eq("cancelled"),
        messages::secret.eq(None::<String>),
    ))
    .execute(conn)
}

/// Claims up to `limit` due messages for `claim` until `until`. Each message is claimed by one
/// worker only: the update is conditional on nobody else holding a live claim, so two workers that
/// picked the same rows cannot both win (on PostgreSQL the second waits for the first's row locks
/// and then finds the claim taken).
pub fn claim_due(
    conn: &mut DbConnection,
    claim: &str,
    now: NaiveDateTime,
    until: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<MessageRow>> {
    crate::db::write_tx(conn, |conn| {
        let free = messages::claimed_until
            .is_null()
            .or(messages::claimed_until.lt(now));
        let due = messages::table
            .filter(messages::status.eq("pending"))
            .filter(messages::due_at.le(now))
            .filter(free)
            .order((messages::due_at, messages::id))
            .limit(limit)
            .select(messages::id);
        // On PostgreSQL rows another transaction holds (a worker claiming, or a change cancelling
        // reminders) are skipped rather than waited for, so claiming never deadlocks with a change.
        let ids: Vec<String> = match conn {
            DbConnection::Pg(pg) => due.for_update().skip_locked().load(pg)?,
            DbConnection::Sqlite(_) => due.load(conn)?,
        };
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        diesel::update(
            messages::table
                .filter(messages::id.eq_any(&ids))
                .filter(messages::status.eq("pending"))
                .filter(
                    messages::claimed_until
                        .is_null()
                        .or(messages::claimed_until.lt(now)),
                ),
        )
        .set((
            messages::claim.eq(claim),
            messages::claimed_until.eq(until),
            messages::attempts.eq(messages::attempts + 1),
        ))
        .execute(conn)?;
        messages::table
            .filter(messages::claim.eq(claim))
            .filter(messages::status.eq("pending"))
            .order((messages::due_at, messages::id))
            .select(MessageRow::as_select())
            .load(conn)
    })
}

/// True when the message is still pending under this claim (a change may have cancelled it since it
/// was claimed: a reminder of a moved session is then not sent).
pub fn still_claimed(conn: &mut DbConnection, id: &str, claim: &str) -> QueryResult<bool> {
    messages::table
        .filter(messages::id.eq(id))
        .filter(messages::claim.eq(claim))
        .filter(messages::status.eq("pending"))
        .count()
        .get_result::<i64>(conn)
        .map(|n| n == 1)
}

/// Gives back the claim on messages this worker did not get to (the claim's time ran short): they
/// are free at once, and the attempt is not counted.
pub fn release(conn: &mut DbConnection, claim: &str) -> QueryResult<usize> {
    diesel::update(
        messages::table
            .filter(messages::claim.eq(claim))
            .filter(messages::status.eq("pending"))
            .filter(messages::claimed_until.is_not_null()),
    )
    .set((
        messages::claimed_until.eq(None::<NaiveDateTime>),
        messages::attempts.eq(messages::attempts - 1),
    ))
    .execute(conn)
}

/// Marks a claimed message sent (only if this worker still holds the claim); drops its secret.
pub fn mark_sent(
    conn: &mut DbConnection,
    id: &str,
    claim: &str,
    via: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        messages::table
            .filter(messages::id.eq(id))
            .filter(messages::claim.eq(claim))
            .filter(messages::status.eq("pending")),
    )
    .set((
        messages::status.eq("sent"),
        messages::sent_via.eq(via),
        messages::sent_at.eq(now),
        messages::secret.eq(None::<String>),
        messages::claimed_until.eq(None::<NaiveDateTime>),
        messages::last_error.eq(None::<String>),
    ))
    .execute(conn)
    .map(|n| n == 1)
}

/// After a failed attempt: try again at `retry_at` on `channel`, or give up (`failed`).
pub fn mark_failed(
    conn: &mut DbConnection,
    id: &str,
    claim: &str,
    error: &str,
    next: Option<(NaiveDateTime, &str)>,
) -> QueryResult<bool> {
    let target = messages::table
        .filter(messages::id.eq(id))
        .filter(messages::claim.eq(claim))
        .filter(messages::status.eq("pending"));
    let error: String = error.chars().take(500).collect();
    match next {
        Some((retry_at, channel)) => diesel::update(target)
            .set((
                messages::due_at.eq(retry_at),
                messages::channel.eq(channel),
                messages::claimed_until.eq(None::<NaiveDateTime>),
                messages::last_error.eq(error),
            ))
            .execute(conn),
        None => diesel::update(target)
            .set((
                messages::status.eq("failed"),
                messages::secret.eq(None::<String>),
                messages::claimed_until.eq(None::<NaiveDateTime>),
                messages::last_error.eq(error),
            ))
            .execute(conn),
    }
    .map(|n| n == 1)
}

/// One message.
pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<MessageRow>> {
    messages::table
        .find(id)
        .select(MessageRow::as_select())
        .first(conn)
        .optional()
}

/// What staff filter the message list by.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub library_ids: Vec<String>,
    pub user_id: Option<String>,
    pub subject_id: Option<String>,
    pub status: Option<String>,
    /// Matches the start of the recipient's email or phone, or part of the name.
    pub recipient: Option<String>,
}

/// A page of messages, newest first, after the cursor `(created_at, id)`.
pub fn list(
    conn: &mut DbConnection,
    filter: &Filter,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> QueryResult<Vec<MessageRow>> {
    let mut q = messages::table
        .filter(messages::library_id.eq_any(&filter.library_ids))
        .select(MessageRow::as_select())
        .into_boxed();
    if let Some(u) = &filter.user_id {
        q = q.filter(messages::user_id.eq(u.clone()));
    }
    if let Some(s) = &filter.subject_id {
        q = q.filter(messages::subject_id.eq(s.clone()));
    }
    if let Some(s) = &filter.status {
        q = q.filter(messages::status.eq(s.clone()));
    }
    if let Some(r) = &filter.recipient {
        let like = format!("%{}%", r.replace(['%', '_', '\\'], ""));
        let prefix = format!("{}%", r.replace(['%', '_', '\\'], ""));
        q = q.filter(
            messages::email
                .like(prefix.clone())
                .or(messages::phone.like(prefix))
                .or(messages::recipient_name.like(like)),
        );
    }
    if let Some((at, id)) = after {
        q = q.filter(
            messages::created_at
                .lt(at)
                .or(messages::created_at.eq(at).and(messages::id.lt(id))),
        );
    }
    q.order((messages::created_at.desc(), messages::id.desc()))
        .limit(limit)
        .load(conn)
}

/// Clears a deleted account's personal data from its messages and from every message about its
/// bookings and registrations (the staff's copies name the patron too); pending ones are cancelled.
/// Call before the bookings and registrations are anonymised.
pub fn forget_user(conn: &mut DbConnection, user_id: &str) -> QueryResult<()> {
    use crate::schema::{bookings, event_registrations};
    let mut subjects: Vec<String> = bookings::table
        .filter(bookings::patron_id.eq(user_id))
        .select(bookings::id)
        .load(conn)?;
    subjects.extend(
        event_registrations::table
            .filter(event_registrations::patron_id.eq(user_id))
            .select(event_registrations::id)
            .load::<String>(conn)?,
    );
    for subject in &subjects {
        forget_subject(conn, subject)?;
    }
    diesel::update(
        messages::table
            .filter(messages::user_id.eq(user_id))
            .filter(messages::status.eq("pending")),
    )
    .set(messages::status.eq("cancelled"))
    .execute(conn)?;
    diesel::update(messages::table.filter(messages::user_id.eq(user_id)))
        .set((
            messages::recipient_name.eq(""),
            messages::email.eq(None::<String>),
            messages::phone.eq(None::<String>),
            messages::subject.eq(""),
            messages::body.eq(""),
            messages::ics.eq(None::<String>),
            messages::secret.eq(None::<String>),
            messages::user_id.eq(None::<String>),
        ))
        .execute(conn)?;
    diesel::delete(message_preferences::table.find(user_id)).execute(conn)?;
    Ok(())
}

/// Clears the personal data of a guest's messages about `subject_id` (an anonymised booking).
pub fn forget_subject(conn: &mut DbConnection, subject_id: &str) -> QueryResult<()> {
    diesel::update(
        messages::table
            .filter(messages::subject_id.eq(subject_id))
            .filter(messages::status.eq("pending")),
    )
    .set(messages::status.eq("cancelled"))
    .execute(conn)?;
    diesel::update(messages::table.filter(messages::subject_id.eq(subject_id)))
        .set((
            messages::recipient_name.eq(""),
            messages::email.eq(None::<String>),
            messages::phone.eq(None::<String>),
            messages::body.eq(""),
            messages::ics.eq(None::<String>),
            messages::secret.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(())
}

/// A library's own wording.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = message_templates)]
pub struct TemplateRow {
    pub library_id: String,
    pub kind: String,
    pub language: String,
    pub subject: String,
    pub body: String,
    pub updated_at: NaiveDateTime,
    pub updated_by: Option<String>,
}

/// The library's wording of `kind` in `language`, if it has its own.
pub fn template(
    conn: &mut DbConnection,
    library_id: &str,
    kind: &str,
    language: &str,
) -> QueryResult<Option<TemplateRow>> {
    message_templates::table
        .find((library_id, kind, language))
        .select(TemplateRow::as_select())
        .first(conn)
        .optional()
}

/// Every wording the library has of its own.
pub fn templates(conn: &mut DbConnection, library_id: &str) -> QueryResult<Vec<TemplateRow>> {
    message_templates::table
        .filter(message_templates::library_id.eq(library_id))
        .select(TemplateRow::as_select())
        .load(conn)
}

/// Saves the library's wording (replacing an earlier one).
pub fn save_template(conn: &mut DbConnection, row: &TemplateRow) -> QueryResult<()> {
    crate::db::write_tx(conn, |conn| {
        diesel::delete(message_templates::table.find((&row.library_id, &row.kind, &row.language)))
            .execute(conn)?;
        diesel::insert_into(message_templates::table)
            .values(row)
            .execute(conn)?;
        Ok(())
    })
}

/// Goes back to the built-in wording; true when there was one of the library's own.
pub fn delete_template(
    conn: &mut DbConnection,
    library_id: &str,
    kind: &str,
    language: &str,
) -> QueryResult<bool> {
    diesel::delete(message_templates::table.find((library_id, kind, language)))
        .execute(conn)
        .map(|n| n == 1)
}

/// A person's channel and language, if they chose them.
pub fn preferences(
    conn: &mut DbConnection,
    user_id: &str,
) -> QueryResult<Option<(String, String)>> {
    message_preferences::table
        .find(user_id)
        .select((message_preferences::channel, message_preferences::language))
        .first(conn)
        .optional()
}

/// Saves a person's channel and language.
pub fn save_preferences(
    conn: &mut DbConnection,
    user_id: &str,
    channel: &str,
    language: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    crate::db::write_tx(conn, |conn| {
        diesel::delete(message_preferences::table.find(user_id)).execute(conn)?;
        diesel::insert_into(message_preferences::table)
            .values((
                message_preferences::user_id.eq(user_id),
                message_preferences::channel.eq(channel),
                message_preferences::language.eq(language),
                message_preferences::updated_at.eq(now),
            ))
            .execute(conn)?;
        Ok(())
    })
}
