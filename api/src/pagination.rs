//! Cursor paging shared by every list endpoint: `limit` and an opaque `cursor`.
//!
//! The cursor is the sort key of the last item, base64url-encoded, so pages stay stable when rows are
//! added before the cursor.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use etakirjasto_shared::{DEFAULT_PAGE_SIZE, FieldCode, MAX_PAGE_SIZE, Page};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::ApiError;

/// Paging and library filter for list endpoints.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// How many items to return (1 to 100; 25 when left out).
    #[param(minimum = 1, maximum = 100, example = 25)]
    pub limit: Option<u32>,
    /// `next_cursor` from the previous page.
    #[param(pattern = "^[A-Za-z0-9_-]+$")]
    pub cursor: Option<String>,
    /// Only items of this library (its slug).
    #[param(example = "kalajoki")]
    pub library: Option<String>,
}

impl ListParams {
    /// The decoded cursor and the page size.
    pub fn window(&self) -> Result<(Option<String>, u32), ApiError> {
        let limit = self.limit.unwrap_or(DEFAULT_PAGE_SIZE);
        if !(1..=MAX_PAGE_SIZE).contains(&limit) {
            return Err(ApiError::invalid(vec![(
                "limit".into(),
                FieldCode::InvalidChoice,
            )]));
        }
        if let Some(slug) = &self.library
            && etakirjasto_shared::validate::slug(slug).is_err()
        {
            return Err(ApiError::invalid(vec![(
                "library".into(),
                FieldCode::InvalidChoice,
            )]));
        }
        let after = match &self.cursor {
            None => None,
            Some(c) => Some(decode_cursor(c).ok_or_else(|| {
                ApiError::invalid(vec![("cursor".into(), FieldCode::InvalidFormat)])
            })?),
        };
        Ok((after, limit))
    }
}

fn decode_cursor(c: &str) -> Option<String> {
    if c.is_empty() {
        return None;
    }
    String::from_utf8(URL_SAFE_NO_PAD.decode(c).ok()?)
        .ok()
        .filter(|s| !s.chars().any(char::is_control))
}

/// Builds a page from up to `limit + 1` rows: the extra row only tells that there is a next page.
pub fn page<R, T>(
    mut rows: Vec<R>,
    limit: u32,
    key: impl Fn(&R) -> String,
    to_wire: impl Fn(R) -> T,
) -> Page<T> {
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next_cursor = if more {
        rows.last().map(|r| URL_SAFE_NO_PAD.encode(key(r)))
    } else {
        None
    };
    Page {
        items: rows.into_iter().map(to_wire).collect(),
        next_cursor,
    }
}

/// A time a database can store and compare (the years 1000 to 9999); PostgreSQL refuses others, so
/// a filter or cursor outside this range is answered 422 naming `field` rather than failing later.
pub fn storable<Tz: chrono::TimeZone>(
    field: &str,
    t: &chrono::DateTime<Tz>,
) -> Result<(), ApiError> {
    use chrono::Datelike;
    if (1000..=9999).contains(&t.year()) {
        Ok(())
    } else {
        Err(ApiError::invalid(vec![(
            field.to_owned(),
            FieldCode::InvalidChoice,
        )]))
    }
}
