//! A library's look on a shared instance: its colour (white text on it at 4.5:1 or more, checked
//! by `shared::check_brand_color`) and its logo. The logo is kept in the database and served from
//! this origin (PNG, JPEG or WebP, told apart by their first bytes, never SVG, which can carry
//! script), so the Content-Security-Policy stays `img-src 'self'`; its address names a hash of its
//! bytes, so browsers may keep it for a year.

use actix_web::{HttpRequest, HttpResponse, delete, get, http::header, put, web};
use chrono::Utc;
use diesel::prelude::*;
use etakirjasto_shared::{
    Branding, BrandingInput, ErrorCode, FieldCode, Problem, check_brand_color,
};

use super::{queries, routes::admin_library};
use crate::{
    AppState,
    auth::AuthUser,
    db::{self, DbConnection, write_tx},
    error::ApiError,
    openapi::JsonBodyErrors,
    schema::library_branding,
};

/// A stored logo: its bytes, type and hash, each absent when there is none.
type StoredLogo = (Option<Vec<u8>>, Option<String>, Option<String>);

/// The largest logo accepted.
pub const MAX_LOGO_BYTES: usize = 200 * 1024;

/// A library's branding for the wire.
pub fn of(conn: &mut DbConnection, library_id: &str, slug: &str) -> QueryResult<Branding> {
    let row: Option<(Option<String>, Option<String>)> = library_branding::table
        .find(library_id)
        .select((library_branding::brand_color, library_branding::logo_hash))
        .first(conn)
        .optional()?;
    let (brand_color, hash) = row.unwrap_or_default();
    Ok(Branding {
        brand_color,
        logo_url: hash.map(|h| format!("/api/v1/libraries/{slug}/logo?v={h}")),
    })
}

/// Makes sure the library has a branding row to update (inside the change's transaction; two first
/// changes at once: the second is 409 `conflict` from the primary key, and nothing is half-written).
fn ensure_row(conn: &mut DbConnection, library_id: &str) -> QueryResult<()> {
    let exists: i64 = library_branding::table
        .find(library_id)
        .count()
        .get_result(conn)?;
    if exists == 0 {
        diesel::insert_into(library_branding::table)
            .values((
                library_branding::library_id.eq(library_id),
                library_branding::updated_at.eq(Utc::now().naive_utc()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The image type of `bytes` from their first bytes: PNG, JPEG or WebP only.
pub fn image_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some("image/jpeg")
    } else if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

/// Set a library's colour.
///
/// The library's admins choose the colour of the header and buttons on the shared instance, as
/// `#rrggbb`; white text on it must reach a contrast of 4.5:1 (WCAG AA), else 422 `low_contrast`.
/// Empty or absent: the instance's own colour.
#[utoipa::path(
    tag = "libraries",
    operation_id = "set_library_branding",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The library's slug.", example = "kalajoki")),
    request_body = BrandingInput,
    responses(
        JsonBodyErrors,
        (status = 200, description = "Saved.", body = Branding),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin of this library (`forbidden`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No library has this slug (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`brand_color` is not `#rrggbb` (`invalid_format`) or too light for white text (`low_contrast`).", body = Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:etakirjasto:problem:invalid_input", "title": "Please check the marked fields.", "status": 422, "code": "invalid_input", "errors": [{"field": "brand_color", "code": "low_contrast", "message": "The colour is too light for white text on it to be read well. Choose a darker colour."}]})),
    )
)]
#[put("/libraries/{slug}/branding")]
#[tracing::instrument(skip_all)]
pub async fn set_branding(
    state: web::Data<AppState>,
    user: AuthUser,
    slug: web::Path<String>,
    body: web::Json<BrandingInput>,
) -> Result<HttpResponse, ApiError> {
    let (slug, input) = (slug.into_inner(), body.into_inner());
    let color = match input.brand_color.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(c) => Some(
            check_brand_color(c)
                .map_err(|code| ApiError::invalid(vec![("brand_color".into(), code)]))?,
        ),
    };
    let saved = db::run(&state.pool, move |conn| {
        let library = admin_library(conn, &user, &slug)?;
        write_tx(conn, |conn| {
            ensure_row(conn, &library.id)?;
            diesel::update(library_branding::table.find(&library.id))
                .set((
                    library_branding::brand_color.eq(&color),
                    library_branding::updated_at.eq(Utc::now().naive_utc()),
                ))
                .execute(conn)?;
            Ok::<_, ApiError>(())
        })?;
        Ok(of(conn, &library.id, &library.slug)?)
    })
    .await?;
    Ok(HttpResponse::Ok().json(saved))
}

/// Upload a library's logo.
///
/// The library's admins send the image itself as the body (PNG, JPEG or WebP, up to 200 KiB), with
/// its `Content-Type`. It is shown beside the library's name, which stays the text people and screen
/// readers read.
#[utoipa::path(
    tag = "libraries",
    operation_id = "put_library_logo",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The library's slug.", example = "kalajoki")),
    request_body(content = Vec<u8>, content_type = "image/png", description = "The image (PNG, JPEG or WebP)."),
    responses(
        (status = 200, description = "Saved.", body = Branding),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin of this library (`forbidden`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No library has this slug (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Larger than 200 KiB (`payload_too_large`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a PNG, JPEG or WebP image (`invalid_input`, field `logo`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/libraries/{slug}/logo")]
#[tracing::instrument(skip_all)]
pub async fn put_logo(
    state: web::Data<AppState>,
    user: AuthUser,
    slug: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let bytes = body.to_vec();
    let saved = db::run(&state.pool, move |conn| {
        // Who may first, then what was sent.
        let library = admin_library(conn, &user, &slug)?;
        if bytes.len() > MAX_LOGO_BYTES {
            return Err(ApiError::client(ErrorCode::PayloadTooLarge));
        }
        let kind = image_type(&bytes).ok_or_else(|| {
            ApiError::invalid(vec![("logo".into(), FieldCode::InvalidFormat)])
                .with_detail("Send a PNG, JPEG or WebP image.")
        })?;
        let hash = crate::auth::secrets::token_hash(&base64_of(&bytes))[..16].to_owned();
        write_tx(conn, |conn| {
            ensure_row(conn, &library.id)?;
            diesel::update(library_branding::table.find(&library.id))
                .set((
                    library_branding::logo.eq(Some(&bytes)),
                    library_branding::logo_type.eq(Some(kind)),
                    library_branding::logo_hash.eq(Some(&hash)),
                    library_branding::updated_at.eq(Utc::now().naive_utc()),
                ))
                .execute(conn)?;
            Ok::<_, ApiError>(())
        })?;
        Ok(of(conn, &library.id, &library.slug)?)
    })
    .await?;
    Ok(HttpResponse::Ok().json(saved))
}

fn base64_of(bytes: &[u8]) -> String {
    base64::Engine::encode(&base64::engine::general_purpose::STANDARD, bytes)
}

/// Remove a library's logo.
///
/// The library's admins take the logo away; the library's name stands alone in the header again.
#[utoipa::path(
    tag = "libraries",
    operation_id = "delete_library_logo",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The library's slug.", example = "kalajoki")),
    responses(
        (status = 204, description = "Removed (or there was none)."),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin of this library (`forbidden`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No library has this slug (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/libraries/{slug}/logo")]
#[tracing::instrument(skip_all)]
pub async fn delete_logo(
    state: web::Data<AppState>,
    user: AuthUser,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    db::run(&state.pool, move |conn| {
        let library = admin_library(conn, &user, &slug)?;
        diesel::update(library_branding::table.find(&library.id))
            .set((
                library_branding::logo.eq(None::<Vec<u8>>),
                library_branding::logo_type.eq(None::<String>),
                library_branding::logo_hash.eq(None::<String>),
                library_branding::updated_at.eq(Utc::now().naive_utc()),
            ))
            .execute(conn)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Get a library's logo.
///
/// The image as uploaded, with its type. Its address in `Library.branding.logo_url` names a hash
/// of its bytes (`v`), so the answer may be kept for a year.
#[utoipa::path(
    tag = "libraries",
    operation_id = "get_library_logo",
    params(
        ("slug" = String, Path, description = "The library's slug.", example = "kalajoki"),
        ("v" = Option<String>, Query, description = "The logo's version, as in `logo_url`."),
    ),
    responses(
        (status = 200, description = "The image.", content_type = "image/png", body = Vec<u8>),
        (status = 404, description = "No such library, or it has no logo (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/libraries/{slug}/logo")]
#[tracing::instrument(skip_all)]
pub async fn get_logo(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let (bytes, kind, hash) = db::run(&state.pool, move |conn| {
        let library = queries::find_by_slug(conn, &slug)?.ok_or_else(ApiError::not_found)?;
        let row: Option<StoredLogo> = library_branding::table
            .find(&library.id)
            .select((
                library_branding::logo,
                library_branding::logo_type,
                library_branding::logo_hash,
            ))
            .first(conn)
            .optional()?;
        match row {
            Some((Some(bytes), Some(kind), Some(hash))) => Ok((bytes, kind, hash)),
            _ => Err(ApiError::not_found()),
        }
    })
    .await?;
    let versioned = req
        .query_string()
        .split('&')
        .any(|p| p == format!("v={hash}"));
    let cache = if versioned {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    Ok(HttpResponse::Ok()
        .content_type(kind)
        .insert_header((header::CACHE_CONTROL, cache))
        .insert_header((header::ETAG, format!("\"{hash}\"")))
        .body(bytes))
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_png_jpeg_and_webp_are_images_here() {
        assert_eq!(
            super::image_type(b"\x89PNG\r\n\x1a\n...."),
            Some("image/png")
        );
        assert_eq!(
            super::image_type(&[0xff, 0xd8, 0xff, 0xe0]),
            Some("image/jpeg")
        );
        assert_eq!(
            super::image_type(b"RIFF\0\0\0\0WEBPVP8 "),
            Some("image/webp")
        );
        assert_eq!(
            super::image_type(b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
            None
        );
        assert_eq!(super::image_type(b"GIF89a"), None);
    }
}
