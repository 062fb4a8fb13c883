//! Instance settings kept in the database, shared by every server process.

use diesel::prelude::*;

use crate::{auth::secrets, config::Secret, db::DbConnection, schema::settings};

const JWT_SECRET_KEY: &str = "jwt_secret";

/// The key that signs access tokens: generated on first start and kept, so every process and every
/// restart uses the same one. When two processes start at once, both end up with the first one stored.
pub fn jwt_secret(conn: &mut DbConnection) -> QueryResult<Secret> {
    let read = |conn: &mut DbConnection| {
        settings::table
            .find(JWT_SECRET_KEY)
            .select(settings::value)
            .first::<String>(conn)
            .optional()
    };
    if let Some(v) = read(conn)? {
        return Ok(Secret::new(v));
    }
    let fresh = format!("{}{}", secrets::random_token(), secrets::random_token());
    let inserted = diesel::insert_into(settings::table)
        .values((settings::key.eq(JWT_SECRET_KEY), settings::value.eq(&fresh)))
        .execute(conn);
    match inserted {
        Ok(_) => Ok(Secret::new(fresh)),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => read(conn)?
            .map(Secret::new)
            .ok_or(diesel::result::Error::NotFound),
        Err(e) => Err(e),
    }
}
