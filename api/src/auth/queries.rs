//! Accounts, memberships, sessions, refresh tokens and sign-in attempts in the database.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use etakirjasto_shared::{Me, Membership, Role};

use crate::{
    db::DbConnection,
    schema::{libraries, login_attempts, memberships, refresh_tokens, sessions, users},
};

use super::rules::Attempt;

/// A stored account.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub card_number: Option<String>,
    pub password_hash: Option<String>,
    pub pin_hash: Option<String>,
    pub created_at: NaiveDateTime,
    pub credentials_changed_at: NaiveDateTime,
}

/// A role in a library, with the library's names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipRow {
    /// Library id.
    pub library_id: String,
    /// Library slug.
    pub slug: String,
    /// Library name.
    pub library_name: String,
    /// Role there.
    pub role: Role,
}

impl From<MembershipRow> for Membership {
    fn from(m: MembershipRow) -> Self {
        Membership {
            library: m.slug,
            library_name: m.library_name,
            role: m.role,
        }
    }
}

/// The wire form of an account.
pub fn to_me(user: UserRow, memberships: Vec<MembershipRow>) -> Me {
    Me {
        id: user.id,
        name: user.name,
        email: user.email,
        phone: user.phone,
        card_number: user.card_number,
        memberships: memberships.into_iter().map(Membership::from).collect(),
        second_factor: false,
        second_factor_needed: false,
        created_at: user.created_at.and_utc(),
    }
}

/// Inserts an account.
pub fn insert_user(conn: &mut DbConnection, row: &UserRow) -> QueryResult<()> {
    diesel::insert_into(users::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Gives `user_id` a role in a library.
pub fn insert_membership(
    conn: &mut DbConnection,
    user_id: &str,
    library_id: &str,
    role: Role,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(memberships::table)
        .values((
            memberships::user_id.eq(user_id),
            memberships::library_id.eq(library_id),
            memberships::role.eq(role.as_str()),
            memberships::created_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Which of email, phone and card number already belong to an account.
pub fn taken_fields(
    conn: &mut DbConnection,
    email: Option<&str>,
    phone: Option<&str>,
    card: Option<&str>,
) -> QueryResult<Vec<&'static str>> {
    let mut taken = Vec::new();
    if let Some(e) = email
        && users::table
            .filter(users::email.eq(e))
            .count()
            .get_result::<i64>(conn)?
            > 0
    {
        taken.push("email");
    }
    if let Some(p) = phone
        && users::table
            .filter(users::phone.eq(p))
            .count()
            .get_result::<i64>(conn)?
            > 0
    {
        taken.push("phone");
    }
    if let Some(c) = card
        && users::table
            .filter(users::card_number.eq(c))
            .count()
            .get_result::<i64>(conn)?
            > 0
    {
        taken.push("card_number");
    }
    Ok(taken)
}

/// Finds an account by id.
pub fn find_user(conn: &mut DbConnection, id: &str) -> QueryResult<UserRow> {
    users::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
}

/// Finds an account by email, phone or card number (`kind` is the column's name).
pub fn find_user_by(
    conn: &mut DbConnection,
    kind: &str,
    value: &str,
) -> QueryResult<Option<UserRow>> {
    let q = users::table.select(UserRow::as_select()).into_boxed();
    let q = match kind {
        "email" => q.filter(users::email.eq(value)),
        "phone" => q.filter(users::phone.eq(value)),
        _ => q.filter(users::card_number.eq(value)),
    };
    q.first(conn).optional()
}

/// An account's roles, by library slug.
pub fn memberships_of(conn: &mut DbConnection, user_id: &str) -> QueryResult<Vec<MembershipRow>> {
    let rows: Vec<(String, String, String, String)> = memberships::table
        .inner_join(libraries::table)
        .filter(memberships::user_id.eq(user_id))
        .order(libraries::slug)
        .select((
            libraries::id,
            libraries::slug,
            libraries::name,
            memberships::role,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(library_id, slug, library_name, role)| {
            Role::parse(&role).map(|role| MembershipRow {
                library_id,
                slug,
                library_name,
                role,
            })
        })
        .collect())
}

/// A session about to be opened.
#[derive(Debug, Clone)]
pub struct NewSession<'a> {
    pub id: &'a str,
    pub user_id: &'a str,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    /// True when the sign-in passed the second step.
    pub second_factor: bool,
}

/// Opens a session with its first refresh token.
pub fn create_session(
    conn: &mut DbConnection,
    session: &NewSession<'_>,
    token_hash: &str,
    token_expires: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(sessions::table)
        .values((
            sessions::id.eq(session.id),
            sessions::user_id.eq(session.user_id),
            sessions::created_at.eq(session.created_at),
            sessions::expires_at.eq(session.expires_at),
            sessions::second_factor.eq(session.second_factor),
        ))
        .execute(conn)?;
    insert_refresh_token(
        conn,
        session.id,
        token_hash,
        session.created_at,
        token_expires,
    )
}

/// Adds a refresh token to a session.
pub fn insert_refresh_token(
    conn: &mut DbConnection,
    session_id: &str,
    token_hash: &str,
    now: NaiveDateTime,
    expires: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::token_hash.eq(token_hash),
            refresh_tokens::session_id.eq(session_id),
            refresh_tokens::created_at.eq(now),
            refresh_tokens::expires_at.eq(expires),
        ))
        .execute(conn)
        .map(|_| ())
}

/// A refresh token with its session, as found by hash.
#[derive(Debug, Clone)]
pub struct RefreshLookup {
    pub session_id: String,
    pub user_id: String,
    pub token_expires: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
    pub session_expires: NaiveDateTime,
    pub session_revoked_at: Option<NaiveDateTime>,
}

/// Finds a refresh token by its hash.
pub fn find_refresh(conn: &mut DbConnection, hash: &str) -> QueryResult<Option<RefreshLookup>> {
    refresh_tokens::table
        .inner_join(sessions::table)
        .filter(refresh_tokens::token_hash.eq(hash))
        .select((
            sessions::id,
            sessions::user_id,
            refresh_tokens::expires_at,
            refresh_tokens::used_at,
            sessions::expires_at,
            sessions::revoked_at,
        ))
        .first::<(
            String,
            String,
            NaiveDateTime,
            Option<NaiveDateTime>,
            NaiveDateTime,
            Option<NaiveDateTime>,
        )>(conn)
        .optional()
        .map(|r| {
            r.map(
                |(
                    session_id,
                    user_id,
                    token_expires,
                    used_at,
                    session_expires,
                    session_revoked_at,
                )| RefreshLookup {
                    session_id,
                    user_id,
                    token_expires,
                    used_at,
                    session_expires,
                    session_revoked_at,
                },
            )
        })
}

/// Marks a refresh token used; false when it was already used (a concurrent or replayed use).
pub fn mark_used(conn: &mut DbConnection, hash: &str, now: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        refresh_tokens::table.filter(
            refresh_tokens::token_hash
                .eq(hash)
                .and(refresh_tokens::used_at.is_null()),
        ),
    )
    .set(refresh_tokens::used_at.eq(now))
    .execute(conn)?;
    Ok(n == 1)
}

/// Revokes a session: its access and refresh tokens stop working.
pub fn revoke_session(
    conn: &mut DbConnection,
    session_id: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(
        sessions::table.filter(
            sessions::id
                .eq(session_id)
                .and(sessions::revoked_at.is_null()),
        ),
    )
    .set(sessions::revoked_at.eq(now))
    .execute(conn)
    .map(|_| ())
}

/// When the session is open, belongs to `user_id`, and the account's credentials have not changed
/// since `issued_at`: whether it passed the second step of sign-in. `None` when it is not live.
pub fn session_is_live(
    conn: &mut DbConnection,
    session_id: &str,
    user_id: &str,
    issued_at: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<Option<bool>> {
    sessions::table
        .inner_join(users::table)
        .filter(sessions::id.eq(session_id))
        .filter(sessions::user_id.eq(user_id))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(now))
        .filter(users::credentials_changed_at.le(issued_at))
        .select(sessions::second_factor)
        .first(conn)
        .optional()
}

/// Records a sign-in attempt.
pub fn record_attempt(
    conn: &mut DbConnection,
    account_key: &str,
    client_ip: &str,
    succeeded: bool,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(login_attempts::table)
        .values((
            login_attempts::id.eq(uuid::Uuid::new_v4().to_string()),
            login_attempts::account_key.eq(account_key),
            login_attempts::client_ip.eq(client_ip),
            login_attempts::succeeded.eq(succeeded),
            login_attempts::attempted_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// An account's attempts since `since`.
pub fn account_attempts(
    conn: &mut DbConnection,
    account_key: &str,
    since: NaiveDateTime,
) -> QueryResult<Vec<Attempt>> {
    let rows: Vec<(NaiveDateTime, bool)> = login_attempts::table
        .filter(login_attempts::account_key.eq(account_key))
        .filter(login_attempts::attempted_at.gt(since))
        .select((login_attempts::attempted_at, login_attempts::succeeded))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(at, succeeded)| Attempt { at, succeeded })
        .collect())
}

/// An address's failed attempts since `since`.
pub fn address_failures(
    conn: &mut DbConnection,
    client_ip: &str,
    since: NaiveDateTime,
) -> QueryResult<Vec<NaiveDateTime>> {
    login_attempts::table
        .filter(login_attempts::client_ip.eq(client_ip))
        .filter(login_attempts::succeeded.eq(false))
        .filter(login_attempts::attempted_at.gt(since))
        .select(login_attempts::attempted_at)
        .load(conn)
}

/// Forgets attempts older than `before`, so the table stays small.
pub fn prune_attempts(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(login_attempts::table.filter(login_attempts::attempted_at.lt(before)))
        .execute(conn)
}
