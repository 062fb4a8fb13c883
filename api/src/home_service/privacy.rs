//! A home-service client's rights over their data: everything held on them as JSON, and erasure on
//! request; and the retention rule: the personal data of clients whose service ended, and of declined
//! applications, is erased after `HOME_SERVICE_RETENTION_DAYS`. Erasure keeps counts only (visits
//! made and items brought, without titles), so the figures per month stay true.

use chrono::{DateTime, Duration, Utc};
use etakirjasto_shared::HomeServiceClientExport;

use super::{
    queries,
    service::{self, visible_client},
};
use crate::{
    audit::{self, Action},
    auth::AuthUser,
    db::{DbConnection, write_tx},
    error::ApiError,
    events::service::{local, tz_of},
};

/// Everything held on the client: the profile, the application(s) with the consent as given, every
/// visit with its items, and the messages about them. Audit-logged.
pub fn export(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<HomeServiceClientExport, ApiError> {
    let view = visible_client(conn, user, id)?;
    let zone = view.2.clone();
    let library_id = view.0.library_id.clone();
    let applications: Vec<etakirjasto_shared::HomeServiceApplication> =
        queries::applications_of_client(conn, id)?
            .into_iter()
            .map(service::application_to_wire)
            .collect();
    let visits: Vec<etakirjasto_shared::HomeServiceVisit> =
        super::visits::history(conn, &view.0, &view.1, &zone, now)?;
    let messages = {
        use crate::schema::messages as m;
        use diesel::prelude::*;
        let subjects: Vec<String> = applications
            .iter()
            .map(|a| a.id.clone())
            .chain(visits.iter().map(|v| v.id.clone()))
            .collect();
        let library = crate::libraries::queries::find_by_id(conn, &library_id)?;
        let mut rows = Vec::new();
        for chunk in subjects.chunks(500) {
            rows.extend(
                m::table
                    .filter(m::subject_id.eq_any(chunk))
                    .select(crate::messages::queries::MessageRow::as_select())
                    .load(conn)?,
            );
        }
        rows.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
        rows.into_iter()
            .map(|r| crate::messages::service::to_wire(r, &library, public_url))
            .collect()
    };
    audit::record_about(
        conn,
        Some(&user.user_id),
        Action::HomeServiceClientExported,
        None,
        Some(id),
        Some(&library_id),
        now.naive_utc(),
    )?;
    Ok(HomeServiceClientExport {
        exported_at: local(now.naive_utc(), tz_of(&zone)),
        client: service::client_to_wire(view),
        applications,
        visits,
        messages,
    })
}

/// Erases the client's personal data on request (see [`queries::erase_client`]). Audit-logged.
pub fn erase(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    write_tx(conn, |conn| {
        queries::lock_client(conn, id)?;
        let (client, _, _) = visible_client(conn, user, id)?;
        queries::erase_client(conn, id, now.naive_utc())?;
        audit::record_about(
            conn,
            Some(&user.user_id),
            Action::HomeServiceClientErased,
            None,
            Some(id),
            Some(&client.library_id),
            now.naive_utc(),
        )?;
        Ok(())
    })
}

/// Erases ended clients and declined applications older than `days` days; returns how many of each.
/// Each erasure is its own transaction and is audit-logged with no actor (the system).
pub fn apply_retention(
    conn: &mut DbConnection,
    days: u32,
    now: DateTime<Utc>,
) -> Result<(usize, usize), ApiError> {
    let before = (now - Duration::days(i64::from(days))).naive_utc();
    let mut erased = 0;
    for (id, library_id) in queries::ended_before(conn, before)? {
        let done = write_tx(conn, |conn| {
            queries::lock_client(conn, &id)?;
            // Reactivated or changed meanwhile: not this time.
            let still = queries::find_client(conn, &id)?
                .is_some_and(|(c, _, _)| c.status == "ended" && c.updated_at < before);
            if !still {
                return Ok::<_, ApiError>(false);
            }
            queries::erase_client(conn, &id, now.naive_utc())?;
            audit::record_about(
                conn,
                None,
                Action::HomeServiceClientErased,
                None,
                Some(&id),
                Some(&library_id),
                now.naive_utc(),
            )?;
            Ok(true)
        });
        // One client's failure does not hold up the others; the next run tries it again.
        match done {
            Ok(done) => erased += usize::from(done),
            Err(e) => tracing::warn!(client = %id, error = %e, "erasing a client's data failed"),
        }
    }
    let declined = write_tx(conn, |conn| {
        let gone = queries::delete_declined_before(conn, before)?;
        for (id, library_id) in &gone {
            audit::record_about(
                conn,
                None,
                Action::HomeServiceApplicationErased,
                None,
                Some(id),
                Some(library_id),
                now.naive_utc(),
            )?;
        }
        Ok::<_, ApiError>(gone.len())
    })?;
    Ok((erased, declined))
}
