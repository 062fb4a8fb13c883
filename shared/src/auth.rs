//! Accounts and sign-in.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a person may do in one library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A library user.
    Patron,
    /// A librarian.
    Staff,
    /// A librarian who also manages the library's staff and settings.
    Admin,
}

impl Role {
    /// The snake_case name as stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Patron => "patron",
            Role::Staff => "staff",
            Role::Admin => "admin",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "patron" => Some(Role::Patron),
            "staff" => Some(Role::Staff),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// True for staff and admins.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Staff | Role::Admin)
    }
}

/// A new patron account: a name and either an email address or phone number with a password,
/// or a library card number with its PIN (or both).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "name": "Maija Meikäläinen", "email": "patron@example.fi", "password": "kirjasto-2026", "library": "kalajoki"
})))]
pub struct RegisterRequest {
    /// The name the library may call the patron by.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 100, example = "Maija Meikäläinen")
    )]
    pub name: String,
    /// Email address; one of `email` and `phone` goes with `password`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number (`040 123 4567` or `+358401234567`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Password, at least 10 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 128))]
    pub password: Option<String>,
    /// Library card number, 5 to 20 digits; goes with `pin`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_number: Option<String>,
    /// Card PIN, 4 to 8 digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^[0-9]{4,8}$", example = "1234")
    )]
    pub pin: Option<String>,
    /// The library to join (its slug); may be left out when the instance serves one library.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub library: Option<String>,
}

/// Sign-in details: `email` (or `phone`) with `password`, or `card_number` with `pin`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"email": "patron@example.fi", "password": "kirjasto-2026"})))]
pub struct LoginRequest {
    /// Email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number, instead of email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Password for `email` or `phone`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128))]
    pub password: Option<String>,
    /// Library card number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_number: Option<String>,
    /// PIN for `card_number`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^[0-9]{4,8}$", example = "1234")
    )]
    pub pin: Option<String>,
    /// For accounts with two-step sign-in: the 6-digit code from the authenticator app, or one of the
    /// account's recovery codes. Without it such an account gets 401 `second_factor_required`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 32, example = "492039"))]
    pub one_time_code: Option<String>,
}

/// A refresh token sent in the body, for API clients that do not keep cookies.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    /// The refresh token from the last sign-in or refresh; may be left out when the cookie is sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
}

/// Tokens issued at sign-in and refresh.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenResponse {
    /// JWT to send as `Authorization: Bearer <token>`.
    pub access_token: String,
    /// Always `Bearer`.
    #[cfg_attr(feature = "openapi", schema(example = "Bearer"))]
    pub token_type: String,
    /// Seconds until the access token expires.
    #[cfg_attr(feature = "openapi", schema(example = 900))]
    pub expires_in: u64,
    /// Single-use token for `POST /api/v1/auth/refresh`; also set as an HttpOnly cookie.
    pub refresh_token: String,
    /// Seconds until the refresh token expires.
    #[cfg_attr(feature = "openapi", schema(example = 2592000))]
    pub refresh_expires_in: u64,
    /// The signed-in person.
    pub user: Me,
}

/// A person's role in one library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Membership {
    /// The library's slug.
    #[cfg_attr(feature = "openapi", schema(example = "kalajoki"))]
    pub library: String,
    /// The library's name.
    #[cfg_attr(feature = "openapi", schema(example = "Kalajoen kaupunginkirjasto"))]
    pub library_name: String,
    /// What the person may do there.
    pub role: Role,
}

/// The signed-in person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    /// Stable identifier.
    pub id: String,
    /// Name.
    #[cfg_attr(feature = "openapi", schema(example = "Maija Meikäläinen"))]
    pub name: String,
    /// Email address, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number in E.164 form, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Library card number, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_number: Option<String>,
    /// The libraries the person belongs to, with the role in each.
    pub memberships: Vec<Membership>,
    /// True when the account signs in in two steps (password, then an authenticator app's code).
    #[serde(default)]
    pub second_factor: bool,
    /// True for staff whose current session has not passed the second step: staff tools answer 403
    /// `second_factor_setup_required` until they set it up or sign in again with the code.
    #[serde(default)]
    pub second_factor_needed: bool,
    /// When the account was created.
    pub created_at: DateTime<Utc>,
}

impl Me {
    /// True when the person is staff or admin in any library.
    pub fn is_staff(&self) -> bool {
        self.memberships.iter().any(|m| m.role.is_staff())
    }
}

/// Confirms a request to delete one's own account with the password or the card PIN.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"password": "kirjasto-2026"})))]
pub struct DeleteAccountRequest {
    /// The account's password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// The card PIN, for accounts that sign in with a library card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<String>,
}

/// One sign-in session, as shown in a data export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionRecord {
    /// When the person signed in.
    pub created_at: DateTime<Utc>,
    /// When the session ends at the latest.
    pub expires_at: DateTime<Utc>,
    /// When it was ended (sign-out or a reused token), if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<DateTime<Utc>>,
}

/// One sign-in attempt, as shown in a data export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignInRecord {
    /// When it happened.
    pub at: DateTime<Utc>,
    /// Whether it succeeded.
    pub succeeded: bool,
}

/// Everything the service holds on a person (GDPR art. 15 and 20), as a JSON document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountExport {
    /// When the export was made.
    pub exported_at: DateTime<Utc>,
    /// The account and its memberships.
    pub account: Me,
    /// Sign-in sessions.
    pub sessions: Vec<SessionRecord>,
    /// Sign-in attempts of the last 24 hours (older ones are not kept).
    pub sign_in_attempts: Vec<SignInRecord>,
    /// The person's bookings of one-to-one sessions, with their answers.
    #[serde(default)]
    pub bookings: Vec<crate::Booking>,
    /// The person's event registrations, each with its event.
    #[serde(default)]
    pub event_registrations: Vec<crate::MyRegistration>,
}

/// Starting two-step sign-in: the secret to add to an authenticator app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SecondFactorSetup {
    /// The shared secret in base32, for typing into the app by hand.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    )]
    pub secret: String,
    /// The `otpauth://` address the QR code holds.
    #[cfg_attr(
        feature = "openapi",
        schema(
            example = "otpauth://totp/Et%C3%A4kirjasto:liisa%40kalajoki.example?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Et%C3%A4kirjasto&algorithm=SHA1&digits=6&period=30"
        )
    )]
    pub otpauth_uri: String,
    /// The same address as a QR code, an SVG image to show to the person.
    pub qr_svg: String,
}

/// A code from the authenticator app (or, where said, a recovery code).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"one_time_code": "492039"})))]
pub struct OneTimeCode {
    /// The 6-digit code the app shows now.
    #[cfg_attr(feature = "openapi", schema(max_length = 32, example = "492039"))]
    pub one_time_code: String,
}

/// Recovery codes: each signs in once in place of the app's code. Shown only this once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecoveryCodes {
    /// Ten single-use codes.
    #[cfg_attr(feature = "openapi", schema(example = json!(["7kq4-m2xp-9dfa", "c8vn-3hte-w6ry"])))]
    pub recovery_codes: Vec<String>,
}
