//! Surveys and their responses in the database.
//!
//! *Invariant:* a survey changes only through [`update_if_version`], a conditional update on the
//! version edited, after [`lock`]; a response is stored only after [`lock_shared`] and a check that
//! the version it was checked against is still the stored one, so an answer never names a question
//! or option an edit removed meanwhile. A signed-in person answers once: their key goes into
//! `survey_respondents` (primary key `(survey_id, respondent)`) in the transaction that stores the
//! answer, so of two answers sent at once exactly one is stored, and no row links the key to it.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::{
    db::DbConnection,
    schema::{libraries, survey_respondents, survey_responses, surveys},
};

/// A stored survey. Title and intro are JSON texts, the questions a JSON array.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = surveys)]
pub struct SurveyRow {
    pub id: String,
    pub library_id: String,
    pub title: String,
    pub intro: String,
    pub audience: String,
    pub contact: String,
    pub opens_on: String,
    pub closes_on: Option<String>,
    pub published: bool,
    pub questions: String,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// What an edit changes.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = surveys, treat_none_as_null = true)]
pub struct SurveyChanges {
    pub title: String,
    pub intro: String,
    pub audience: String,
    pub contact: String,
    pub opens_on: String,
    pub closes_on: Option<String>,
    pub published: bool,
    pub questions: String,
    pub updated_at: NaiveDateTime,
}

/// A survey with its library's slug, name and time zone.
pub type SurveyView = (SurveyRow, String, String, String);

/// A stored response. The answers are a JSON array.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = survey_responses)]
pub struct ResponseRow {
    pub id: String,
    pub survey_id: String,
    pub submitted_at: NaiveDateTime,
    pub source: String,
    pub entered_by: Option<String>,
    pub language: String,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub answers: String,
}

/// One survey with its library.
pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<SurveyView>> {
    if !etakirjasto_shared::validate::is_id(id) {
        return Ok(None);
    }
    surveys::table
        .inner_join(libraries::table)
        .filter(surveys::id.eq(id))
        .select((
            SurveyRow::as_select(),
            libraries::slug,
            libraries::name,
            libraries::time_zone,
        ))
        .first(conn)
        .optional()
}

/// The surveys of one library or of all, newest first day first, with the drafts of the libraries
/// in `drafts_of`.
pub fn list(
    conn: &mut DbConnection,
    library_id: Option<&str>,
    drafts_of: &[String],
) -> QueryResult<Vec<SurveyView>> {
    let mut query = surveys::table
        .inner_join(libraries::table)
        .filter(
            surveys::published
                .eq(true)
                .or(surveys::library_id.eq_any(drafts_of)),
        )
        .select((
            SurveyRow::as_select(),
            libraries::slug,
            libraries::name,
            libraries::time_zone,
        ))
        .order((surveys::opens_on.desc(), surveys::id))
        .into_boxed();
    if let Some(library_id) = library_id {
        query = query.filter(surveys::library_id.eq(library_id));
    }
    query.load(conn)
}

/// Stores a new survey.
pub fn insert(conn: &mut DbConnection, row: &SurveyRow) -> QueryResult<()> {
    diesel::insert_into(surveys::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Saves `changes` only over `version`; false when another version was saved meanwhile.
pub fn update_if_version(
    conn: &mut DbConnection,
    id: &str,
    version: i32,
    changes: &SurveyChanges,
) -> QueryResult<bool> {
    diesel::update(
        surveys::table
            .filter(surveys::id.eq(id))
            .filter(surveys::version.eq(version)),
    )
    .set((changes, surveys::version.eq(surveys::version + 1)))
    .execute(conn)
    .map(|n| n == 1)
}

/// How many responses a survey has.
pub fn count_responses(conn: &mut DbConnection, survey_id: &str) -> QueryResult<i64> {
    survey_responses::table
        .filter(survey_responses::survey_id.eq(survey_id))
        .count()
        .get_result(conn)
}

/// A survey's responses, oldest first.
pub fn responses(conn: &mut DbConnection, survey_id: &str) -> QueryResult<Vec<ResponseRow>> {
    survey_responses::table
        .filter(survey_responses::survey_id.eq(survey_id))
        .order((survey_responses::submitted_at, survey_responses::id))
        .select(ResponseRow::as_select())
        .load(conn)
}

/// True when the respondent has answered the survey.
pub fn answered(conn: &mut DbConnection, survey_id: &str, respondent: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        survey_respondents::table
            .filter(survey_respondents::survey_id.eq(survey_id))
            .filter(survey_respondents::respondent.eq(respondent)),
    ))
    .get_result(conn)
}

/// Notes that the respondent has answered the survey; a second time is a unique violation.
pub fn insert_respondent(
    conn: &mut DbConnection,
    survey_id: &str,
    respondent: &str,
) -> QueryResult<()> {
    diesel::insert_into(survey_respondents::table)
        .values((
            survey_respondents::survey_id.eq(survey_id),
            survey_respondents::respondent.eq(respondent),
        ))
        .execute(conn)
        .map(|_| ())
}

/// The survey's stored version, holding its row against edits until the transaction ends
/// (`FOR UPDATE` on PostgreSQL; SQLite's write transaction holds the whole database).
pub fn lock(conn: &mut DbConnection, id: &str) -> QueryResult<Option<i32>> {
    let query = surveys::table.find(id).select(surveys::version);
    match conn {
        DbConnection::Pg(pg) => query.for_update().first(pg).optional(),
        other => query.first(other).optional(),
    }
}

/// The survey's stored version, holding its row against edits (not against other answers) until
/// the transaction ends (`FOR SHARE` on PostgreSQL).
pub fn lock_shared(conn: &mut DbConnection, id: &str) -> QueryResult<Option<i32>> {
    let query = surveys::table.find(id).select(surveys::version);
    match conn {
        DbConnection::Pg(pg) => query.for_share().first(pg).optional(),
        other => query.first(other).optional(),
    }
}

/// Stores a response.
pub fn insert_response(conn: &mut DbConnection, row: &ResponseRow) -> QueryResult<()> {
    diesel::insert_into(survey_responses::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}
