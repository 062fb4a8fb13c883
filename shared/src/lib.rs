//! The wire contract of Etäkirjasto.
//!
//! Everything the API sends or receives is a type in this crate, and every rule the browser must also
//! know (lengths, formats, error codes and their wording) lives here, so the form and the server agree.
//!
//! *Invariant:* this crate compiles to `wasm32-unknown-unknown` and never depends on actix or diesel;
//! `cargo xtask test` checks both.

/// A closed set of snake_case names on the wire and in the database, with `ALL`, `as_str` and `parse`.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored and wire name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// Parses the stored name.
            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

pub mod audit;
pub mod auth;
pub mod bookings;
pub mod dates;
pub mod error;
pub mod events;
pub mod guides;
pub mod home_service;
pub mod lang;
pub mod library;
pub mod messages;
pub mod partners;
pub mod programmes;
pub mod services;
pub mod surveys;
#[cfg(feature = "totp")]
pub mod totp;
pub mod training;
pub mod validate;

use serde::{Deserialize, Serialize};

pub use audit::*;
pub use auth::*;
pub use bookings::*;
pub use error::*;
pub use events::*;
pub use guides::*;
pub use home_service::*;
pub use lang::Lang;
pub use library::*;
pub use messages::*;
pub use partners::*;
pub use programmes::*;
pub use services::*;
pub use surveys::*;
pub use training::*;

/// Liveness and readiness answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// `ok` when the check passed.
    #[cfg_attr(feature = "openapi", schema(example = "ok"))]
    pub status: String,
    /// The server's version.
    #[cfg_attr(feature = "openapi", schema(example = "0.1.0"))]
    pub version: String,
}

/// One page of a list. Pass `next_cursor` back as `cursor` to get the next page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    /// The items of this page, in a stable order.
    pub items: Vec<T>,
    /// Opaque cursor for the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// Largest page a list endpoint returns, whatever `limit` asks.
pub const MAX_PAGE_SIZE: u32 = 100;
/// Page size when `limit` is not given.
pub const DEFAULT_PAGE_SIZE: u32 = 25;
