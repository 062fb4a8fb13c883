//! What people and staff do with messages: a person's channel and language; staff list a library's
//! messages (each shown row audit-logged), send one again, and edit and preview the wording.

use chrono::{DateTime, NaiveDateTime, Utc};
use etakirjasto_shared::{
    FieldCode, Lang, Message, MessageChannel, MessageKind, MessagePreferences, MessagePreview,
    MessageStatus, MessageTemplate, MessageTemplateInput,
};

use super::{
    outbox::BASE,
    queries::{self, Filter, MessageRow, TemplateRow},
    templates::{self, PRIVATE_LINK},
};
use crate::{
    audit::{self, Action},
    auth::AuthUser,
    db::{DbConnection, write_tx},
    error::ApiError,
    libraries::queries::{LibraryRow, find_by_slug},
};

/// The wire form of a stored message, with the public address in its links and a private link
/// hidden.
pub fn to_wire(row: MessageRow, library: &LibraryRow, public_url: &str) -> Message {
    let tz: chrono_tz::Tz = library
        .time_zone
        .parse()
        .unwrap_or(chrono_tz::Europe::Helsinki);
    let local = |t: NaiveDateTime| t.and_utc().with_timezone(&tz).fixed_offset();
    Message {
        id: row.id,
        library: library.slug.clone(),
        kind: MessageKind::parse(&row.kind).unwrap_or(MessageKind::BookingConfirmed),
        subject_id: row.subject_id,
        user_id: row.user_id,
        recipient_name: row.recipient_name,
        email: row.email,
        phone: row.phone,
        channel: MessageChannel::parse(&row.channel).unwrap_or(MessageChannel::Email),
        language: Lang::from_tag(&row.language).unwrap_or_default(),
        subject: row.subject.replace(BASE, public_url),
        body: row
            .body
            .replace(BASE, public_url)
            .replace(PRIVATE_LINK, "[link]"),
        status: MessageStatus::parse(&row.status).unwrap_or(MessageStatus::Pending),
        due_at: local(row.due_at),
        attempts: row.attempts,
        last_error: row.last_error,
        sent_via: row.sent_via,
        sent_at: row.sent_at.map(local),
        created_at: local(row.created_at),
        has_calendar_file: row.ics.is_some(),
    }
}

/// The person's channel and language (email, or text message for an account without email, and
/// Finnish, until they choose).
pub fn preferences(
    conn: &mut DbConnection,
    user: &AuthUser,
) -> Result<MessagePreferences, ApiError> {
    let recipient = super::outbox::Recipient::account(conn, &user.user_id, Lang::Fi)?
        .ok_or_else(ApiError::not_found)?;
    Ok(MessagePreferences {
        channel: recipient.channel,
        language: recipient.language,
    })
}

/// Saves the person's channel and language; a channel needs the address for it on the account.
pub fn save_preferences(
    conn: &mut DbConnection,
    user: &AuthUser,
    input: MessagePreferences,
    now: DateTime<Utc>,
) -> Result<MessagePreferences, ApiError> {
    let account = crate::auth::queries::find_user(conn, &user.user_id)?;
    let reachable = match input.channel {
        MessageChannel::Email => account.email.is_some(),
        MessageChannel::Sms => account.phone.is_some(),
    };
    if !reachable {
        return Err(
            ApiError::invalid(vec![("channel".into(), FieldCode::InvalidChoice)]).with_detail(
                "Your account has no address for this channel: add it to your details first.",
            ),
        );
    }
    queries::save_preferences(
        conn,
        &user.user_id,
        input.channel.as_str(),
        input.language.code(),
        now.naive_utc(),
    )?;
    Ok(input)
}

/// The library (by slug) if the user is its staff: 422 on `library` for an unknown slug, 403 otherwise.
fn staff_library(
    conn: &mut DbConnection,
    user: &AuthUser,
    slug: &str,
) -> Result<LibraryRow, ApiError> {
    let library = find_by_slug(conn, slug)?
        .ok_or_else(|| ApiError::invalid(vec![("library".into(), FieldCode::InvalidChoice)]))?;
    if !user.is_staff_of(&library.id) {
        return Err(crate::auth::extract::role_refused(user));
    }
    Ok(library)
}

/// What staff filter by.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    /// The library's slug (required).
    pub library: String,
    /// One account's messages.
    pub user_id: Option<String>,
    /// Messages about one booking or registration.
    pub subject_id: Option<String>,
    /// Only in this state.
    pub status: Option<MessageStatus>,
    /// The start of an email address or phone number, or part of a name.
    pub recipient: Option<String>,
}

/// A page of the library's messages, newest first; each row shown is audit-logged.
pub fn list(
    conn: &mut DbConnection,
    user: &AuthUser,
    query: ListQuery,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
    public_url: &str,
) -> Result<Vec<(NaiveDateTime, Message)>, ApiError> {
    let library = staff_library(conn, user, &query.library)?;
    if let Some(r) = &query.recipient
        && (r.trim().is_empty() || r.chars().count() > 100 || r.chars().any(char::is_control))
    {
        return Err(ApiError::invalid(vec![(
            "recipient".into(),
            FieldCode::InvalidFormat,
        )]));
    }
    let filter = Filter {
        library_ids: vec![library.id.clone()],
        user_id: query.user_id,
        subject_id: query.subject_id,
        status: query.status.map(|s| s.as_str().to_owned()),
        recipient: query.recipient.map(|r| r.trim().to_owned()),
    };
    let rows = queries::list(conn, &filter, after, limit)?;
    let now = Utc::now().naive_utc();
    for row in &rows {
        audit::record_about(
            conn,
            Some(&user.user_id),
            Action::MessageViewed,
            row.user_id.as_deref(),
            Some(&row.id),
            Some(&library.id),
            now,
        )?;
    }
    Ok(rows
        .into_iter()
        .map(|r| (r.created_at, to_wire(r, &library, public_url)))
        .collect())
}

/// Sends a message again as a new message (the original stays as it was). A guest's private link
/// is not kept after sending, so the copy says where to find it.
pub fn resend(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<Message, ApiError> {
    if !etakirjasto_shared::validate::is_id(id) {
        return Err(ApiError::not_found());
    }
    let original = queries::find(conn, id)?.ok_or_else(ApiError::not_found)?;
    if !user.is_staff_of(&original.library_id) {
        return Err(ApiError::not_found());
    }
    if original.email.is_none() && original.phone.is_none() {
        // The person's data was removed (a deleted account): there is nobody to send to.
        return Err(ApiError::client(etakirjasto_shared::ErrorCode::Conflict)
            .with_detail("This message's recipient no longer exists."));
    }
    let library = crate::libraries::queries::find_by_id(conn, &original.library_id)?;
    let copy = MessageRow {
        id: uuid::Uuid::new_v4().to_string(),
        status: MessageStatus::Pending.as_str().to_owned(),
        due_at: now.naive_utc(),
        attempts: 0,
        claim: None,
        claimed_until: None,
        last_error: None,
        sent_via: None,
        sent_at: None,
        created_at: now.naive_utc(),
        ..original
    };
    write_tx(conn, |conn| {
        queries::insert(conn, std::slice::from_ref(&copy))?;
        audit::record_about(
            conn,
            Some(&user.user_id),
            Action::MessageResent,
            copy.user_id.as_deref(),
            Some(&copy.id),
            Some(&copy.library_id),
            now.naive_utc(),
        )?;
        Ok::<_, ApiError>(())
    })?;
    super::worker::wake();
    Ok(to_wire(copy, &library, public_url))
}

fn template_wire(kind: MessageKind, lang: Lang, own: Option<&TemplateRow>) -> MessageTemplate {
    let (subject, body) = match own {
        Some(t) => (t.subject.clone(), t.body.clone()),
        None => {
            let (s, b) = templates::builtin(kind, lang);
            (s.to_owned(), b.to_owned())
        }
    };
    MessageTemplate {
        kind,
        language: lang,
        subject,
        body,
        customised: own.is_some(),
        placeholders: templates::placeholders(kind)
            .iter()
            .map(|p| (*p).to_owned())
            .collect(),
    }
}

/// Every kind's wording in every language for the library: its own where it has one.
pub fn list_templates(
    conn: &mut DbConnection,
    user: &AuthUser,
    slug: &str,
) -> Result<Vec<MessageTemplate>, ApiError> {
    let library = staff_library(conn, user, slug)?;
    let own = queries::templates(conn, &library.id)?;
    let mut out = Vec::new();
    for kind in MessageKind::ALL {
        for lang in Lang::ALL {
            let mine = own
                .iter()
                .find(|t| t.kind == kind.as_str() && t.language == lang.code());
            out.push(template_wire(*kind, lang, mine));
        }
    }
    Ok(out)
}

/// Saves the library's own wording of a kind in a language.
pub fn save_template(
    conn: &mut DbConnection,
    user: &AuthUser,
    slug: &str,
    kind: MessageKind,
    lang: Lang,
    input: MessageTemplateInput,
    now: DateTime<Utc>,
) -> Result<MessageTemplate, ApiError> {
    let library = staff_library(conn, user, slug)?;
    templates::check(kind, &input.subject, &input.body).map_err(ApiError::invalid)?;
    let row = TemplateRow {
        library_id: library.id,
        kind: kind.as_str().to_owned(),
        language: lang.code().to_owned(),
        subject: input.subject.trim().to_owned(),
        body: input.body.trim().replace("\r\n", "\n"),
        updated_at: now.naive_utc(),
        updated_by: Some(user.user_id.clone()),
    };
    queries::save_template(conn, &row)?;
    Ok(template_wire(kind, lang, Some(&row)))
}

/// Goes back to the built-in wording.
pub fn reset_template(
    conn: &mut DbConnection,
    user: &AuthUser,
    slug: &str,
    kind: MessageKind,
    lang: Lang,
) -> Result<MessageTemplate, ApiError> {
    let library = staff_library(conn, user, slug)?;
    queries::delete_template(conn, &library.id, kind.as_str(), lang.code())?;
    Ok(template_wire(kind, lang, None))
}

/// A wording (the one given, before saving it) written out with example values.
pub fn preview(
    conn: &mut DbConnection,
    user: &AuthUser,
    slug: &str,
    kind: MessageKind,
    lang: Lang,
    input: MessageTemplateInput,
) -> Result<MessagePreview, ApiError> {
    let library = staff_library(conn, user, slug)?;
    templates::check(kind, &input.subject, &input.body).map_err(ApiError::invalid)?;
    let values = templates::examples(kind, lang, &library.name, &library.phone);
    let text = templates::fill(&input.body, &values);
    Ok(MessagePreview {
        subject: templates::fill(&input.subject, &values).replace('\n', " "),
        html: templates::html(&text, lang),
        text,
    })
}
