//! Extractors that prove who is calling: [`AuthUser`] for anyone signed in, [`Staff`] and [`Admin`]
//! for roles. A handler that takes one cannot forget the check.
//!
//! A bearer token is accepted only if its signature and claims are valid *and* its session is still
//! open and the account's credentials have not changed since it was issued: logging out or changing
//! a password stops access tokens at once, not after 15 minutes.

use std::future::Future;
use std::pin::Pin;

use actix_web::{FromRequest, HttpRequest, dev::Payload, http::header, web};
use chrono::{DateTime, Utc};
use etakirjasto_shared::Role;

use super::queries::{self, MembershipRow};
use crate::{AppState, db, error::ApiError};

/// Anyone signed in.
///
/// *Invariant:* a staff member's session that has not passed two-step sign-in carries no staff roles
/// here (they are held back in `withheld_roles`), so every role check, wherever it is made, treats it
/// as a patron's.
#[derive(Debug, Clone)]
pub struct AuthUser {
    /// The account's id.
    pub user_id: String,
    /// The session the token belongs to.
    pub session_id: String,
    /// The account's roles by library, as far as this session may use them.
    pub memberships: Vec<MembershipRow>,
    /// True when staff roles were held back because the session lacks the second step.
    pub withheld_roles: bool,
}

impl AuthUser {
    /// The account's role in a library, if any.
    pub fn role_in(&self, library_id: &str) -> Option<Role> {
        self.memberships
            .iter()
            .find(|m| m.library_id == library_id)
            .map(|m| m.role)
    }

    /// True when the account is staff or admin in the library.
    pub fn is_staff_of(&self, library_id: &str) -> bool {
        self.role_in(library_id).is_some_and(Role::is_staff)
    }
}

/// A staff member or admin of at least one library.
#[derive(Debug, Clone)]
pub struct Staff(pub AuthUser);

/// An admin of at least one library.
#[derive(Debug, Clone)]
pub struct Admin(pub AuthUser);

fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

async fn authenticate(req: HttpRequest) -> Result<AuthUser, ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::internal("state missing"))?
        .clone();
    let token = bearer(&req).ok_or_else(ApiError::unauthorized)?;
    let claims = state
        .jwt
        .verify(&token)
        .ok_or_else(ApiError::unauthorized)?;
    // `iat` has whole seconds while stored times have fractions: a token issued in the same second as
    // a credential change counts as issued after it (a change also revokes the sessions themselves).
    let issued = DateTime::<Utc>::from_timestamp(claims.iat.saturating_add(1), 0)
        .ok_or_else(ApiError::unauthorized)?
        .naive_utc();
    db::run(&state.pool, move |conn| {
        let now = Utc::now().naive_utc();
        let Some(second_factor) =
            queries::session_is_live(conn, &claims.sid, &claims.sub, issued, now)?
        else {
            return Err(ApiError::unauthorized());
        };
        let mut memberships = queries::memberships_of(conn, &claims.sub)?;
        let mut withheld_roles = false;
        if !second_factor {
            for m in memberships.iter_mut().filter(|m| m.role.is_staff()) {
                m.role = Role::Patron;
                withheld_roles = true;
            }
        }
        Ok(AuthUser {
            user_id: claims.sub,
            session_id: claims.sid,
            memberships,
            withheld_roles,
        })
    })
    .await
}

/// 403: `second_factor_setup_required` when the roles were held back for want of the second step,
/// else `forbidden`.
pub fn role_refused(user: &AuthUser) -> ApiError {
    if user.withheld_roles {
        ApiError::client(etakirjasto_shared::ErrorCode::SecondFactorSetupRequired)
    } else {
        ApiError::forbidden()
    }
}

type Fut<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = Fut<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        Box::pin(authenticate(req.clone()))
    }
}

impl FromRequest for Staff {
    type Error = ApiError;
    type Future = Fut<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let user = authenticate(req).await?;
            if user.memberships.iter().any(|m| m.role.is_staff()) {
                Ok(Staff(user))
            } else {
                Err(role_refused(&user))
            }
        })
    }
}

impl FromRequest for Admin {
    type Error = ApiError;
    type Future = Fut<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let user = authenticate(req).await?;
            if user.memberships.iter().any(|m| m.role == Role::Admin) {
                Ok(Admin(user))
            } else {
                Err(role_refused(&user))
            }
        })
    }
}

/// Signed in or a guest: no `Authorization` header gives `None`; a header that is not a valid
/// token is refused with 401 rather than treated as a guest.
#[derive(Debug, Clone)]
pub struct MaybeUser(pub Option<AuthUser>);

impl FromRequest for MaybeUser {
    type Error = ApiError;
    type Future = Fut<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            if req.headers().contains_key(header::AUTHORIZATION) {
                Ok(MaybeUser(Some(authenticate(req).await?)))
            } else {
                Ok(MaybeUser(None))
            }
        })
    }
}
