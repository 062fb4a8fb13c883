//! Who is signed in.
//!
//! The access token lives only in memory (a signal), never in `localStorage`, so a script injected
//! into the page cannot read a lasting credential from storage. The session survives a reload through
//! the HttpOnly refresh cookie: at start the app calls `POST /auth/refresh` once and either gets a
//! fresh access token or learns that nobody is signed in.
//!
//! *Invariant:* refresh tokens are single-use on the server, so only [`Session::restore`] and
//! [`Session::authorized`] (after a 401) ever call refresh, and never twice at the same time.

use leptos::prelude::*;
use leptos::task::spawn_local;

use etakirjasto_shared::{ErrorCode, Lang, Me, TokenResponse};

use crate::api::{self, ApiError, ApiResult};

/// The state of the session.
#[derive(Debug, Clone, PartialEq)]
pub enum AuthState {
    /// The app has just started and is asking the server whether a session exists.
    Checking,
    /// Nobody is signed in.
    SignedOut,
    /// Someone is signed in.
    SignedIn {
        /// The bearer token for API calls.
        token: String,
        /// The signed-in person.
        me: Me,
    },
}

/// Where the session stands, without the token: pages follow this rather than [`AuthState`] so that a
/// token refresh, which changes only the token, does not redraw them or re-run what they load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The start-up check is running.
    Checking,
    /// Nobody is signed in.
    SignedOut,
    /// Someone is signed in.
    SignedIn,
}

/// The session, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct Session {
    /// The current state.
    pub state: RwSignal<AuthState>,
    /// The phase, changing only when it really changes.
    pub phase: Memo<Phase>,
    /// The signed-in person, changing only when their details do.
    pub me: Memo<Option<Me>>,
    /// True right after the person signed out, so the next page can confirm it.
    pub just_signed_out: RwSignal<bool>,
    /// True right after the person deleted their account, so the home page can confirm it.
    pub just_deleted: RwSignal<bool>,
    /// True while a refresh call is in flight, so a second one is not started.
    refreshing: RwSignal<bool>,
}

impl Session {
    /// Creates the session and provides it through context.
    pub fn provide() -> Session {
        let state = RwSignal::new(AuthState::Checking);
        let session = Session {
            state,
            phase: Memo::new(move |_| match &*state.read() {
                AuthState::Checking => Phase::Checking,
                AuthState::SignedOut => Phase::SignedOut,
                AuthState::SignedIn { .. } => Phase::SignedIn,
            }),
            me: Memo::new(move |_| match &*state.read() {
                AuthState::SignedIn { me, .. } => Some(me.clone()),
                _ => None,
            }),
            just_signed_out: RwSignal::new(false),
            just_deleted: RwSignal::new(false),
            refreshing: RwSignal::new(false),
        };
        provide_context(session);
        session
    }

    /// Asks the server, once at start, whether the refresh cookie still holds a session.
    pub fn restore(self, lang: Lang) {
        spawn_local(async move {
            let state = match self.refresh(lang).await {
                Refresh::Renewed(tokens) => signed_in(*tokens),
                Refresh::Rejected | Refresh::Busy => AuthState::SignedOut,
            };
            self.state.set(state);
        });
    }

    /// Records a successful sign-in or registration.
    pub fn sign_in(self, tokens: TokenResponse) {
        self.just_signed_out.set(false);
        self.just_deleted.set(false);
        self.state.set(signed_in(tokens));
    }

    /// Ends the session on the server and here. The local state is cleared even if the server
    /// cannot be reached, because the person asked to sign out of this browser.
    pub async fn sign_out(self, lang: Lang) {
        let token = self.token();
        let _ = api::logout(lang, token.as_deref()).await;
        self.state.set(AuthState::SignedOut);
        self.just_deleted.set(false);
        self.just_signed_out.set(true);
    }

    /// Records that the server has deleted the signed-in account. The server has already ended every
    /// session and cleared the refresh cookie, so there is nothing left to call.
    pub fn account_deleted(self) {
        self.state.set(AuthState::SignedOut);
        self.just_signed_out.set(false);
        self.just_deleted.set(true);
    }

    /// Replaces the signed-in person's details (after a change such as turning on two-step sign-in).
    pub fn update_me(self, fresh: Me) {
        self.state.update(|s| {
            if let AuthState::SignedIn { me, .. } = s {
                *me = fresh;
            }
        });
    }

    /// The signed-in person, tracked.
    pub fn me(self) -> Option<Me> {
        self.me.get()
    }

    /// True when the signed-in person is staff or admin somewhere, tracked.
    pub fn is_staff(self) -> bool {
        self.me.with(|me| me.as_ref().is_some_and(Me::is_staff))
    }

    /// Calls the API with the access token; when it has expired (401), refreshes once and retries.
    /// A failed refresh signs the person out here, because the server no longer knows the session.
    pub async fn authorized<T, F, Fut>(self, lang: Lang, call: F) -> ApiResult<T>
    where
        F: Fn(String) -> Fut,
        Fut: std::future::Future<Output = ApiResult<T>>,
    {
        let Some(token) = self.token() else {
            return Err(ApiError::local(ErrorCode::Unauthorized, lang));
        };
        match call(token).await {
            Err(e) if e.code() == ErrorCode::Unauthorized => match self.refresh(lang).await {
                Refresh::Renewed(tokens) => {
                    let token = tokens.access_token.clone();
                    self.state.set(signed_in(*tokens));
                    call(token).await
                }
                Refresh::Rejected => {
                    self.state.set(AuthState::SignedOut);
                    Err(e)
                }
                // Another call is renewing the token right now; this one reports the 401 and the
                // session stays as the other call leaves it.
                Refresh::Busy => Err(e),
            },
            other => other,
        }
    }

    fn token(self) -> Option<String> {
        self.state.with_untracked(|s| match s {
            AuthState::SignedIn { token, .. } => Some(token.clone()),
            _ => None,
        })
    }

    /// One refresh call at a time: refresh tokens are single-use, so a second concurrent call would
    /// present a token the first has already spent and end the session.
    async fn refresh(self, lang: Lang) -> Refresh {
        if self.refreshing.get_untracked() {
            return Refresh::Busy;
        }
        self.refreshing.set(true);
        let result = api::refresh(lang).await;
        self.refreshing.set(false);
        match result {
            Ok(tokens) => Refresh::Renewed(Box::new(tokens)),
            Err(_) => Refresh::Rejected,
        }
    }
}

/// The outcome of a refresh call.
enum Refresh {
    /// New tokens (boxed: they dwarf the other variants).
    Renewed(Box<TokenResponse>),
    /// The server does not know the session (or could not be reached).
    Rejected,
    /// Another refresh is in flight.
    Busy,
}

fn signed_in(tokens: TokenResponse) -> AuthState {
    AuthState::SignedIn {
        token: tokens.access_token,
        me: tokens.user,
    }
}

/// The session from context.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
