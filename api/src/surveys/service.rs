//! Surveys: reading, writing, answering, results and the CSV of responses.

use chrono::{NaiveDate, NaiveDateTime, Utc};
use etakirjasto_shared::{
    ErrorCode, FieldCode, InvitationGroup, Lang, Localized, ResponseSource, SourceCount, Survey,
    SurveyAnswer, SurveyAudience, SurveyContact, SurveyEdit, SurveyInput, SurveyInvitationInput,
    SurveyInvitationReceipt, SurveyQuestion, SurveyResponseInput, SurveyResponseReceipt,
    SurveyResults, SurveyState, validate,
};
use sha2::{Digest, Sha256};

use super::{
    queries::{self, ResponseRow, SurveyChanges, SurveyRow, SurveyView},
    rules,
};
use crate::{
    audit::{self, Action},
    auth::{AuthUser, extract::role_refused},
    db::{DbConnection, write_tx},
    error::ApiError,
    events::service::{staff_library, tz_of},
    schema::organisations,
};

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn text(raw: &str) -> Localized {
    serde_json::from_str(raw).unwrap_or_default()
}

fn questions_of(row: &SurveyRow) -> Vec<SurveyQuestion> {
    serde_json::from_str(&row.questions).unwrap_or_default()
}

/// The library's date now.
fn today(zone: &str) -> NaiveDate {
    Utc::now().with_timezone(&tz_of(zone)).date_naive()
}

fn now() -> NaiveDateTime {
    // Whole microseconds, so PostgreSQL and SQLite store the same time.
    chrono::SubsecRound::trunc_subsecs(Utc::now().naive_utc(), 6)
}

/// The state of a stored survey today.
pub fn state_of(view: &SurveyView) -> SurveyState {
    let row = &view.0;
    rules::state(
        row.published,
        &row.opens_on,
        row.closes_on.as_deref(),
        today(&view.3),
    )
}

/// The wire form; `responses` only for the library's staff.
pub fn to_wire(view: SurveyView, responses: Option<i64>) -> Survey {
    let state = state_of(&view);
    let (row, slug, name, _) = view;
    Survey {
        questions: questions_of(&row),
        id: row.id,
        library: slug,
        library_name: name,
        title: text(&row.title),
        intro: serde_json::from_str(&row.intro).unwrap_or_default(),
        audience: SurveyAudience::parse(&row.audience).unwrap_or(SurveyAudience::Public),
        contact: SurveyContact::parse(&row.contact).unwrap_or(SurveyContact::None),
        opens_on: row.opens_on,
        closes_on: row.closes_on,
        published: row.published,
        state,
        version: row.version,
        responses,
    }
}

/// The wire form for `user`, with the count of responses for the library's staff.
pub fn for_user(
    conn: &mut DbConnection,
    user: Option<&AuthUser>,
    view: SurveyView,
) -> Result<Survey, ApiError> {
    let responses = if user.is_some_and(|u| u.is_staff_of(&view.0.library_id)) {
        Some(queries::count_responses(conn, &view.0.id)?)
    } else {
        None
    };
    Ok(to_wire(view, responses))
}

/// A survey `user` may see (published, or a draft of a library they are staff of), else 404.
pub fn read(
    conn: &mut DbConnection,
    user: Option<&AuthUser>,
    id: &str,
) -> Result<SurveyView, ApiError> {
    queries::find(conn, id)?
        .filter(|v| v.0.published || user.is_some_and(|u| u.is_staff_of(&v.0.library_id)))
        .ok_or_else(ApiError::not_found)
}

/// The surveys `user` may see, of one library or all, in one state or all.
pub fn list(
    conn: &mut DbConnection,
    user: Option<&AuthUser>,
    library_id: Option<&str>,
    state: Option<SurveyState>,
) -> Result<Vec<SurveyView>, ApiError> {
    let drafts_of: Vec<String> = user
        .map(|u| {
            u.memberships
                .iter()
                .filter(|m| m.role.is_staff())
                .map(|m| m.library_id.clone())
                .collect()
        })
        .unwrap_or_default();
    let mut rows = queries::list(conn, library_id, &drafts_of)?;
    if let Some(state) = state {
        rows.retain(|v| state_of(v) == state);
    }
    Ok(rows)
}

/// Checks a survey as written, with its faults named under `prefix`.
fn checked(input: SurveyInput, prefix: &str) -> Result<SurveyInput, ApiError> {
    rules::checked(input).map_err(|faults| {
        ApiError::invalid(
            faults
                .into_iter()
                .map(|(field, code)| (format!("{prefix}{field}"), code))
                .collect(),
        )
    })
}

fn changes(input: &SurveyInput, now: NaiveDateTime) -> SurveyChanges {
    SurveyChanges {
        title: json(&input.title),
        intro: json(&input.intro),
        audience: input.audience.as_str().to_owned(),
        contact: input.contact.as_str().to_owned(),
        opens_on: input.opens_on.clone(),
        closes_on: input.closes_on.clone(),
        published: input.published,
        questions: json(&input.questions),
        updated_at: now,
    }
}

/// A new survey's row.
pub fn row_from(
    id: String,
    library_id: String,
    input: &SurveyInput,
    now: NaiveDateTime,
) -> SurveyRow {
    let c = changes(input, now);
    SurveyRow {
        id,
        library_id,
        title: c.title,
        intro: c.intro,
        audience: c.audience,
        contact: c.contact,
        opens_on: c.opens_on,
        closes_on: c.closes_on,
        published: c.published,
        questions: c.questions,
        version: 1,
        created_at: now,
        updated_at: now,
    }
}

/// Creates a survey in the library the input names; the caller must be its staff.
pub fn create(
    conn: &mut DbConnection,
    user: &AuthUser,
    input: SurveyInput,
) -> Result<Survey, ApiError> {
    let library = staff_library(conn, user, input.library.trim())?;
    let input = checked(input, "")?;
    let id = uuid::Uuid::new_v4().to_string();
    queries::insert(conn, &row_from(id.clone(), library.id, &input, now()))?;
    let view = read(conn, Some(user), &id)?;
    for_user(conn, Some(user), view)
}

/// Saves a change made on `edit.version`: 409 `conflict` when another version was saved since, or
/// when the change would remove or retype something already answered.
pub fn edit(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    edit: SurveyEdit,
) -> Result<Survey, ApiError> {
    let (stored, slug, ..) = read(conn, Some(user), id)?;
    if !user.is_staff_of(&stored.library_id) {
        return Err(role_refused(user));
    }
    if edit.version < 1 || edit.version == i32::MAX {
        return Err(ApiError::invalid(vec![(
            "version".into(),
            FieldCode::InvalidChoice,
        )]));
    }
    let input = checked(edit.survey, "survey.")?;
    let input = SurveyInput {
        library: slug,
        ..input
    };
    let now = now();
    write_tx(conn, |conn| {
        // Held until the change is saved, so no answer is stored meanwhile against the old
        // questions, and one arriving before is counted below.
        let stored = queries::lock(conn, id)?.ok_or_else(ApiError::not_found)?;
        if stored != edit.version {
            return Err(conflict(stored, edit.version));
        }
        let current = queries::find(conn, id)?.ok_or_else(ApiError::not_found)?;
        if queries::count_responses(conn, id)? > 0
            && let Some(why) = rules::breaks_answers(&questions_of(&current.0), &input.questions)
        {
            return Err(ApiError::client(ErrorCode::Conflict)
                .with_detail(format!("The survey has answers: {why}.")));
        }
        if !queries::update_if_version(conn, id, edit.version, &changes(&input, now))? {
            let saved = queries::find(conn, id)?.map_or(0, |v| v.0.version);
            return Err(conflict(saved, edit.version));
        }
        Ok(())
    })?;
    let view = read(conn, Some(user), id)?;
    for_user(conn, Some(user), view)
}

fn conflict(saved: i32, edited: i32) -> ApiError {
    ApiError::client(ErrorCode::Conflict).with_detail(format!(
        "The survey was saved as version {saved} after version {edited} you edited; load it again and redo your change."
    ))
}

/// A signed-in person's key for one survey: the same for each of their answers to it, and naming
/// neither the account nor the person.
fn respondent(survey_id: &str, user_id: &str) -> String {
    Sha256::digest(format!("survey:{survey_id}:user:{user_id}").as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// True when `user` is the contact person of one of the library's units.
fn contact_of_unit(
    conn: &mut DbConnection,
    user: &AuthUser,
    library_id: &str,
) -> Result<bool, ApiError> {
    use diesel::prelude::*;
    Ok(diesel::select(diesel::dsl::exists(
        organisations::table
            .filter(organisations::library_id.eq(library_id))
            .filter(organisations::contact_user_id.eq(&user.user_id)),
    ))
    .get_result(conn)?)
}

/// An optional contact detail, checked with `check` and named `field`.
fn contact_detail(
    faults: &mut Vec<(String, FieldCode)>,
    field: &str,
    raw: Option<&str>,
    check: fn(&str) -> Result<String, FieldCode>,
) -> Option<String> {
    let raw = raw.map(str::trim).filter(|s| !s.is_empty())?;
    match check(raw) {
        Ok(v) => Some(v),
        Err(code) => {
            faults.push((field.to_owned(), code));
            None
        }
    }
}

/// Stores a response. Staff of the survey's library enter answers given on paper or by phone
/// (`source`), whatever the audience and also after the last day; everyone else answers an open
/// survey of their audience, a signed-in person once.
pub fn respond(
    conn: &mut DbConnection,
    user: Option<&AuthUser>,
    id: &str,
    input: SurveyResponseInput,
) -> Result<SurveyResponseReceipt, ApiError> {
    let view = read(conn, user, id)?;
    let row = &view.0;
    let staff = user.filter(|u| u.is_staff_of(&row.library_id));
    let source = input.source.unwrap_or(ResponseSource::Web);
    let entered = source != ResponseSource::Web;
    if entered && staff.is_none() {
        return Err(match user {
            Some(u) => role_refused(u),
            None => ApiError::unauthorized(),
        });
    }
    let state = state_of(&view);
    if !entered {
        match SurveyAudience::parse(&row.audience).unwrap_or(SurveyAudience::Public) {
            SurveyAudience::Public => {}
            SurveyAudience::Patrons if user.is_none() => return Err(ApiError::unauthorized()),
            SurveyAudience::Patrons => {}
            SurveyAudience::CareHomeContacts => match user {
                None => return Err(ApiError::unauthorized()),
                Some(u) if !contact_of_unit(conn, u, &row.library_id)? && staff.is_none() => {
                    return Err(ApiError::forbidden().with_detail(
                        "This survey is for the contact people of the library's units.",
                    ));
                }
                Some(_) => {}
            },
        }
    }
    // A draft takes no answers, not even from staff: they would lock its questions unpublished.
    if matches!(state, SurveyState::Draft | SurveyState::Scheduled)
        || (state == SurveyState::Closed && !entered)
    {
        return Err(ApiError::client(ErrorCode::SurveyClosed));
    }
    let questions = questions_of(row);
    let mut faults = Vec::new();
    let answers = match rules::checked_answers(&questions, &input.answers) {
        Ok(a) => a,
        Err(f) => {
            faults.extend(f);
            Vec::new()
        }
    };
    let asks_contact = SurveyContact::parse(&row.contact) == Some(SurveyContact::Optional);
    let mut contact = (None, None, None);
    if asks_contact {
        contact = (
            contact_detail(
                &mut faults,
                "contact_name",
                input.contact_name.as_deref(),
                validate::name,
            ),
            contact_detail(
                &mut faults,
                "contact_email",
                input.contact_email.as_deref(),
                validate::email,
            ),
            contact_detail(
                &mut faults,
                "contact_phone",
                input.contact_phone.as_deref(),
                validate::phone,
            ),
        );
    } else {
        for (field, value) in [
            ("contact_name", &input.contact_name),
            ("contact_email", &input.contact_email),
            ("contact_phone", &input.contact_phone),
        ] {
            if value.as_deref().is_some_and(|v| !v.trim().is_empty()) {
                faults.push((field.to_owned(), FieldCode::UnknownField));
            }
        }
    }
    if !faults.is_empty() {
        return Err(ApiError::invalid(faults));
    }
    if answers.is_empty() {
        return Err(ApiError::invalid(vec![(
            "answers".into(),
            FieldCode::Required,
        )]));
    }
    // A person's own answer counts once; answers staff enter for others are not theirs.
    let respondent = match (entered, user) {
        (false, Some(u)) => Some(respondent(&row.id, &u.user_id)),
        _ => None,
    };
    let response = ResponseRow {
        id: uuid::Uuid::new_v4().to_string(),
        survey_id: row.id.clone(),
        submitted_at: now(),
        source: source.as_str().to_owned(),
        entered_by: staff.filter(|_| entered).map(|u| u.user_id.clone()),
        language: input.language.unwrap_or_default().code().to_owned(),
        contact_name: contact.0,
        contact_email: contact.1,
        contact_phone: contact.2,
        answers: json(&answers),
    };
    let already = || {
        ApiError::client(ErrorCode::Conflict)
            .with_detail("You have already answered this survey. Thank you!")
    };
    write_tx(conn, |conn| {
        // The answers were checked against this version; an edit saved since may have removed
        // what they name.
        if queries::lock_shared(conn, &row.id)? != Some(row.version) {
            return Err(ApiError::client(ErrorCode::Conflict).with_detail(
                "The survey was changed while you answered; load it again and send your answers.",
            ));
        }
        if let Some(key) = &respondent {
            if queries::answered(conn, &row.id, key)? {
                return Err(already());
            }
            queries::insert_respondent(conn, &row.id, key).map_err(|e| match e {
                diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _,
                ) => already(),
                other => other.into(),
            })?;
        }
        queries::insert_response(conn, &response)?;
        Ok::<_, ApiError>(())
    })?;
    Ok(SurveyResponseReceipt {
        id: response.id,
        survey_id: row.id.clone(),
        source,
    })
}

/// A survey of the library whose staff `user` is, else 403 (404 when they cannot see it at all).
fn staff_survey(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
) -> Result<SurveyView, ApiError> {
    let view = read(conn, Some(user), id)?;
    if !user.is_staff_of(&view.0.library_id) {
        return Err(role_refused(user));
    }
    Ok(view)
}

fn answers_of(rows: &[ResponseRow]) -> Vec<Vec<SurveyAnswer>> {
    rows.iter()
        .map(|r| serde_json::from_str(&r.answers).unwrap_or_default())
        .collect()
}

/// The results, grouped by the question `by` when given (a `single` or `scale` question).
pub fn results(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    by: Option<&str>,
) -> Result<SurveyResults, ApiError> {
    let view = staff_survey(conn, user, id)?;
    let questions = questions_of(&view.0);
    let by = match by {
        None => None,
        Some(key) => Some(
            questions
                .iter()
                .find(|q| q.id == key && rules::groups_by(q))
                .ok_or_else(|| ApiError::invalid(vec![("by".into(), FieldCode::InvalidChoice)]))?,
        ),
    };
    let rows = queries::responses(conn, id)?;
    let answers = answers_of(&rows);
    let sources = ResponseSource::ALL
        .iter()
        .map(|s| SourceCount {
            source: *s,
            count: rows.iter().filter(|r| r.source == s.as_str()).count() as i64,
        })
        .collect();
    Ok(SurveyResults {
        survey_id: view.0.id.clone(),
        responses: rows.len() as i64,
        sources,
        questions: rules::results(&questions, &answers),
        cross: by.map(|b| rules::cross_tab(&questions, b, &answers)),
    })
}

fn source_word(lang: Lang, source: &str) -> &'static str {
    match (source, lang) {
        ("paper", Lang::Fi) => "paperilla",
        ("paper", Lang::Sv) => "på papper",
        ("paper", Lang::En) => "on paper",
        ("phone", Lang::Fi) => "puhelimessa",
        ("phone", Lang::Sv) => "per telefon",
        ("phone", Lang::En) => "by phone",
        (_, Lang::Fi) => "verkossa",
        (_, Lang::Sv) => "på webben",
        (_, Lang::En) => "on the web",
    }
}

/// Every response as CSV in the reader's language: one row a response, a column a question (the
/// options chosen by their labels, joined with ` | `; "other" as its text). Contact details are
/// included where the survey asked for them, so each download is audit-logged.
pub fn responses_csv(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    lang: Lang,
) -> Result<String, ApiError> {
    use crate::events::export::field;
    let (row, ..) = staff_survey(conn, user, id)?;
    let questions = questions_of(&row);
    let asks_contact = SurveyContact::parse(&row.contact) == Some(SurveyContact::Optional);
    let rows = queries::responses(conn, id)?;
    let separator = if lang == Lang::En { "," } else { ";" };
    let line = |cells: Vec<String>| {
        let mut l = cells
            .iter()
            .map(|c| field(c))
            .collect::<Vec<_>>()
            .join(separator);
        l.push_str("\r\n");
        l
    };
    let mut head: Vec<String> = lang
        .pick(
            ["Vastattu", "Tapa"],
            ["Besvarad", "Sätt"],
            ["Answered", "How"],
        )
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    if asks_contact {
        head.extend(
            lang.pick(
                ["Nimi", "Sähköposti", "Puhelin"],
                ["Namn", "E-post", "Telefon"],
                ["Name", "Email", "Phone"],
            )
            .iter()
            .map(|s| (*s).to_owned()),
        );
    }
    head.extend(questions.iter().map(|q| q.text.get(lang).to_owned()));
    let mut out = String::from("\u{feff}");
    out.push_str(&line(head));
    for r in &rows {
        let answers: Vec<SurveyAnswer> = serde_json::from_str(&r.answers).unwrap_or_default();
        let mut cells = vec![
            r.submitted_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            source_word(lang, &r.source).to_owned(),
        ];
        if asks_contact {
            cells.push(r.contact_name.clone().unwrap_or_default());
            cells.push(r.contact_email.clone().unwrap_or_default());
            cells.push(r.contact_phone.clone().unwrap_or_default());
        }
        for q in &questions {
            let cell = answers
                .iter()
                .find(|a| a.question == q.id)
                .map(|a| {
                    let mut parts: Vec<String> = a
                        .choices
                        .iter()
                        .map(|c| {
                            q.options
                                .iter()
                                .find(|o| &o.id == c)
                                .map_or(c.clone(), |o| o.label.get(lang).to_owned())
                        })
                        .collect();
                    parts.extend(a.other.clone());
                    parts.extend(a.number.map(|n| n.to_string()));
                    parts.extend(a.text.clone());
                    parts.join(" | ")
                })
                .unwrap_or_default();
            cells.push(cell);
        }
        out.push_str(&line(cells));
    }
    if asks_contact {
        audit::record_about(
            conn,
            Some(&user.user_id),
            Action::SurveyResponsesExported,
            None,
            Some(&row.id),
            Some(&row.library_id),
            now(),
        )?;
    }
    Ok(out)
}

/// Invites a group to answer an open or coming survey of the library whose staff `user` is: the
/// contact people of its units, or everyone registered for one of its events (confirmed or
/// waiting). Each person is invited to a survey once.
pub fn invite(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    input: SurveyInvitationInput,
) -> Result<SurveyInvitationReceipt, ApiError> {
    use crate::messages::outbox::{self, Recipient};
    use diesel::prelude::*;
    let view = staff_survey(conn, user, id)?;
    let note = input
        .message
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .to_owned();
    if validate::free_text(&note).is_err() {
        return Err(ApiError::invalid(vec![(
            "message".into(),
            FieldCode::InvalidFormat,
        )]));
    }
    if note.chars().count() > NOTE_MAX {
        return Err(ApiError::invalid(vec![(
            "message".into(),
            FieldCode::TooLong,
        )]));
    }
    if !matches!(state_of(&view), SurveyState::Open | SurveyState::Scheduled) {
        return Err(ApiError::client(ErrorCode::SurveyClosed));
    }
    let row = &view.0;
    let library = crate::libraries::queries::find_by_id(conn, &row.library_id)?;
    let audience = SurveyAudience::parse(&row.audience).unwrap_or(SurveyAudience::Public);
    // An event's participants could not open a survey meant for the units' contact people.
    if input.to == InvitationGroup::EventParticipants
        && audience == SurveyAudience::CareHomeContacts
    {
        return Err(ApiError::invalid(vec![(
            "to".into(),
            FieldCode::InvalidChoice,
        )]));
    }
    let now = Utc::now();
    write_tx(conn, |conn| {
        // One invitation round at a time per survey, so two sent at once cannot both invite a
        // person (SQLite's write transaction already serialises them).
        queries::lock(conn, &row.id)?;
        let mut recipients = Vec::new();
        match input.to {
            InvitationGroup::CareHomeContacts => {
                if input.event_id.is_some() {
                    return Err(ApiError::invalid(vec![(
                        "event_id".into(),
                        FieldCode::UnknownField,
                    )]));
                }
                let contacts: Vec<Option<String>> = organisations::table
                    .filter(organisations::library_id.eq(&row.library_id))
                    .order(organisations::name)
                    .select(organisations::contact_user_id)
                    .load(conn)?;
                for contact in contacts.into_iter().flatten() {
                    if let Some(to) = Recipient::account(conn, &contact, Lang::Fi)? {
                        recipients.push(to);
                    }
                }
            }
            InvitationGroup::EventParticipants => {
                let event = input
                    .event_id
                    .as_deref()
                    .map(|e| crate::events::queries::find(conn, e))
                    .transpose()?
                    .flatten()
                    .filter(|(event, ..)| event.library_id == row.library_id)
                    .ok_or_else(|| {
                        ApiError::invalid(vec![("event_id".into(), FieldCode::InvalidChoice)])
                    })?;
                for (reg, _) in crate::events::queries::registrations_of(conn, &event.0.id)? {
                    if reg.status == "cancelled" {
                        continue;
                    }
                    if let Some(mut to) = outbox::registrant(conn, &reg)? {
                        // A guest cannot answer a survey for signed-in patrons.
                        if audience == SurveyAudience::Patrons && to.user_id.is_none() {
                            to.email = None;
                            to.phone = None;
                        }
                        recipients.push(to);
                    }
                }
            }
        }
        let done = outbox::survey_invitations(
            conn,
            &library,
            &row.id,
            &text(&row.title),
            row.closes_on.as_deref(),
            &note,
            recipients,
            now,
        )?;
        Ok(SurveyInvitationReceipt {
            invited: done.invited,
            already_invited: done.already,
            unreachable: done.unreachable,
        })
    })
}

/// Longest note of an invitation.
const NOTE_MAX: usize = 500;
