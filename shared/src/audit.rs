//! The audit log as a library's admins read it: who did what to which record, and when. Entries hold
//! identifiers and an action name only, never the personal data itself.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::PersonRef;

/// One entry of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// Identifier.
    pub id: String,
    /// When, in the library's time zone.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: DateTime<FixedOffset>,
    /// Who did it: absent for the system (the retention job, say); the name is empty when the
    /// account no longer exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<PersonRef>,
    /// What was done, such as `home_service.client_viewed`, `home_service.client_changed`,
    /// `home_service.visit_changed`, `home_service.client_exported`, `home_service.client_erased`,
    /// `booking.viewed`, `account.exported`.
    #[cfg_attr(feature = "openapi", schema(example = "home_service.client_viewed"))]
    pub action: String,
    /// The record acted on (a client's, booking's or message's id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_id: Option<String>,
    /// The account whose data it was, when the record is a person's account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_user_id: Option<String>,
}
