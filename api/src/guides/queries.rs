//! Operating models and their versions in the database.
//!
//! *Invariant:* a model changes only through [`update_if_version`], which moves `version` on by one
//! only when the stored version is the one the edit was based on, and each version's content is
//! written to `guide_revisions` in the same transaction, so the history has every version once.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::{
    db::DbConnection,
    schema::{guide_revisions, guides, libraries},
};

/// A stored operating model. The variants are a JSON array.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = guides)]
pub struct GuideRow {
    pub id: String,
    pub library_id: String,
    pub service: String,
    pub language: String,
    pub title: String,
    pub purpose: String,
    pub audience: String,
    pub steps: String,
    pub roles: String,
    pub equipment: String,
    pub how_to_get: String,
    pub variants: String,
    pub licence: String,
    pub published: bool,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub sources: String,
}

/// The texts an edit changes.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = guides)]
pub struct GuideChanges {
    pub service: String,
    pub language: String,
    pub title: String,
    pub purpose: String,
    pub audience: String,
    pub steps: String,
    pub roles: String,
    pub equipment: String,
    pub how_to_get: String,
    pub variants: String,
    pub licence: String,
    pub published: bool,
    pub updated_at: NaiveDateTime,
}

/// A model with its library's slug, name and time zone.
pub type GuideView = (GuideRow, String, String, String);

/// A stored version.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = guide_revisions)]
pub struct RevisionRow {
    pub guide_id: String,
    pub version: i32,
    pub content: String,
    pub note: String,
    pub edited_at: NaiveDateTime,
    pub edited_by: Option<String>,
    pub edited_by_name: String,
    pub published: bool,
}

/// One model with its library.
pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<GuideView>> {
    if !etakirjasto_shared::validate::is_id(id) {
        return Ok(None);
    }
    guides::table
        .inner_join(libraries::table)
        .filter(guides::id.eq(id))
        .select((
            GuideRow::as_select(),
            libraries::slug,
            libraries::name,
            libraries::time_zone,
        ))
        .first(conn)
        .optional()
}

/// The models of one library, or of every library, ordered by library, service and title. The
/// drafts of the libraries in `drafts_of` are included.
pub fn list(
    conn: &mut DbConnection,
    library_id: Option<&str>,
    drafts_of: &[String],
) -> QueryResult<Vec<GuideView>> {
    let mut query = guides::table
        .inner_join(libraries::table)
        .filter(
            guides::published
                .eq(true)
                .or(guides::library_id.eq_any(drafts_of)),
        )
        .select((
            GuideRow::as_select(),
            libraries::slug,
            libraries::name,
            libraries::time_zone,
        ))
        .order((libraries::slug, guides::service, guides::title, guides::id))
        .into_boxed();
    if let Some(library_id) = library_id {
        query = query.filter(guides::library_id.eq(library_id));
    }
    query.load(conn)
}

/// Inserts a new model and its first version.
pub fn insert(conn: &mut DbConnection, row: &GuideRow, first: &RevisionRow) -> QueryResult<()> {
    diesel::insert_into(guides::table)
        .values(row)
        .execute(conn)?;
    diesel::insert_into(guide_revisions::table)
        .values(first)
        .execute(conn)?;
    Ok(())
}

/// Applies `changes` if the stored version is `based_on`, moving the version on by one and storing
/// `revision` as that version; false when the model has moved on (or is gone).
pub fn update_if_version(
    conn: &mut DbConnection,
    id: &str,
    based_on: i32,
    changes: &GuideChanges,
    revision: &RevisionRow,
) -> QueryResult<bool> {
    let updated = diesel::update(
        guides::table
            .filter(guides::id.eq(id))
            .filter(guides::version.eq(based_on)),
    )
    .set((changes, guides::version.eq(based_on + 1)))
    .execute(conn)?;
    if updated == 0 {
        return Ok(false);
    }
    diesel::insert_into(guide_revisions::table)
        .values(revision)
        .execute(conn)?;
    Ok(true)
}

/// A model's versions, newest first, below `before` when given; only the published ones unless
/// `drafts` is true.
pub fn revisions(
    conn: &mut DbConnection,
    guide_id: &str,
    drafts: bool,
    before: Option<i32>,
    limit: i64,
) -> QueryResult<Vec<RevisionRow>> {
    let mut query = guide_revisions::table
        .filter(guide_revisions::guide_id.eq(guide_id))
        .select(RevisionRow::as_select())
        .order(guide_revisions::version.desc())
        .limit(limit)
        .into_boxed();
    if let Some(before) = before {
        query = query.filter(guide_revisions::version.lt(before));
    }
    if !drafts {
        query = query.filter(guide_revisions::published.eq(true));
    }
    query.load(conn)
}
