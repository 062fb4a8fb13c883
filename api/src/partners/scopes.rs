//! Which operations partner tokens may call, and with which scope. The OpenAPI document names the
//! same (each such operation lists the `partner` scheme with its scope), from this one table.

use std::sync::LazyLock;

use etakirjasto_shared::ApiScope;
use utoipa::openapi::{
    OpenApi, RefOr, path::Operation, response::Response, security::SecurityRequirement,
};

/// What an operation needs from a partner token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Any live token (the library directory).
    AnyScope,
    /// This scope.
    Scope(ApiScope),
}

/// The operations open to partner tokens by operation id; every other operation is 403
/// `insufficient_scope` with one.
pub const OPEN_TO_PARTNERS: &[(&str, Needs)] = {
    use ApiScope::*;
    use Needs::*;
    &[
        ("list_libraries", AnyScope),
        ("get_library", AnyScope),
        ("list_closures", AnyScope),
        ("list_events", Scope(EventsRead)),
        ("get_event", Scope(EventsRead)),
        ("events_feed", Scope(EventsRead)),
        ("get_event_calendar", Scope(EventsRead)),
        ("get_event_series", Scope(EventsRead)),
        ("list_services", Scope(SlotsRead)),
        ("get_service", Scope(SlotsRead)),
        ("list_slots", Scope(SlotsRead)),
        ("create_booking", Scope(BookingsWrite)),
        ("get_booking", Scope(BookingsWrite)),
        ("get_booking_calendar", Scope(BookingsWrite)),
        ("cancel_booking", Scope(BookingsWrite)),
        ("reschedule_booking", Scope(BookingsWrite)),
        ("register_for_event", Scope(RegistrationsWrite)),
        ("register_for_series", Scope(RegistrationsWrite)),
        ("get_registration", Scope(RegistrationsWrite)),
        ("cancel_registration", Scope(RegistrationsWrite)),
        ("list_guides", Scope(GuidesRead)),
        ("get_guide", Scope(GuidesRead)),
        ("get_guide_markdown", Scope(GuidesRead)),
        ("get_library_guides_markdown", Scope(GuidesRead)),
        ("create_webhook", Scope(WebhooksManage)),
        ("list_webhooks", Scope(WebhooksManage)),
        ("delete_webhook", Scope(WebhooksManage)),
        ("list_webhook_deliveries", Scope(WebhooksManage)),
    ]
};

/// What `operation_id` needs from a partner token; `None` when partners may not call it.
pub fn needs(operation_id: &str) -> Option<Needs> {
    OPEN_TO_PARTNERS
        .iter()
        .find(|(id, _)| *id == operation_id)
        .map(|(_, n)| *n)
}

/// Every documented operation: its path split at `/`, method and operation id.
pub struct Operations(Vec<(Vec<String>, String, String)>);

impl Operations {
    fn from_spec(spec: &OpenApi) -> Operations {
        let json = serde_json::to_value(&spec.paths).unwrap_or_default();
        let mut ops = Vec::new();
        for (path, item) in json.as_object().into_iter().flatten() {
            for (method, op) in item.as_object().into_iter().flatten() {
                if let Some(id) = op.get("operationId").and_then(|v| v.as_str()) {
                    ops.push((
                        path.split('/').map(str::to_owned).collect(),
                        method.to_ascii_uppercase(),
                        id.to_owned(),
                    ));
                }
            }
        }
        Operations(ops)
    }

    /// The operation a request is for, with its route pattern: where templates compete, the one
    /// with the most literal segments matching.
    pub fn find(&self, method: &str, path: &str) -> Option<(&str, String)> {
        let parts: Vec<&str> = path.split('/').collect();
        self.0
            .iter()
            .filter(|(template, m, _)| {
                m == method
                    && template.len() == parts.len()
                    && template
                        .iter()
                        .zip(&parts)
                        .all(|(t, p)| t == p || (t.starts_with('{') && !p.is_empty()))
            })
            .max_by_key(|(template, _, _)| template.iter().filter(|t| !t.starts_with('{')).count())
            .map(|(template, _, id)| (id.as_str(), template.join("/")))
    }
}

/// The operations of this server's document, read once.
pub static OPERATIONS: LazyLock<Operations> =
    LazyLock::new(|| Operations::from_spec(&crate::openapi::spec()));

/// Marks in the document which operations partners may call and with which scope (anonymous callers
/// still may), and adds the answers a partner token can get there: 401, 403 and 429.
pub fn document(spec: &mut OpenApi) {
    for item in spec.paths.paths.values_mut() {
        for op in [
            item.get.as_mut(),
            item.post.as_mut(),
            item.put.as_mut(),
            item.delete.as_mut(),
        ]
        .into_iter()
        .flatten()
        {
            let Some(needs) = op.operation_id.as_deref().and_then(needs) else {
                continue;
            };
            mark(op, needs);
        }
    }
}

fn mark(op: &mut Operation, needs: Needs) {
    let scopes: Vec<&str> = match needs {
        Needs::AnyScope => Vec::new(),
        Needs::Scope(s) => vec![s.as_str()],
    };
    let security = op.security.get_or_insert_with(Vec::new);
    let named = serde_json::to_string(&*security).unwrap_or_default();
    if security.is_empty() {
        security.push(SecurityRequirement::default());
    }
    // Partners' own operations name their scheme themselves.
    if !named.contains("\"partner\"") {
        security.push(SecurityRequirement::new("partner", scopes));
    }
    let answers = [
        (
            "401",
            "A partner token that is unknown, expired or whose client was revoked (`unauthorized`).",
            serde_json::json!({"type": "urn:etakirjasto:problem:unauthorized", "title": "Please sign in to continue.", "status": 401, "code": "unauthorized"}),
        ),
        (
            "403",
            "The partner token lacks the scope (`insufficient_scope`), or the client acts for another library than the session type's or event's (`forbidden`).",
            serde_json::json!({"type": "urn:etakirjasto:problem:insufficient_scope", "title": "This client's scopes do not allow this.", "status": 403, "code": "insufficient_scope"}),
        ),
        (
            "429",
            "The partner client's calls for this minute are spent; see `Retry-After` (`too_many_requests`).",
            serde_json::json!({"type": "urn:etakirjasto:problem:too_many_requests", "title": "Too many attempts. Please wait a moment and try again.", "status": 429, "code": "too_many_requests"}),
        ),
    ];
    for (status, description, example) in answers {
        op.responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| problem(description, example));
    }
}

fn problem(description: &str, example: serde_json::Value) -> RefOr<Response> {
    use utoipa::openapi::{ContentBuilder, response::ResponseBuilder};
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            ContentBuilder::new()
                .schema(Some(utoipa::openapi::Ref::from_schema_name("Problem")))
                .example(Some(example))
                .build(),
        )
        .build()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_open_to_partners_exists() {
        let spec = crate::openapi::spec();
        let json = serde_json::to_value(&spec.paths).unwrap();
        let ids: Vec<&str> = json
            .as_object()
            .unwrap()
            .values()
            .flat_map(|item| item.as_object().unwrap().values())
            .filter_map(|op| op.get("operationId").and_then(|v| v.as_str()))
            .collect();
        for (id, _) in OPEN_TO_PARTNERS {
            assert!(ids.contains(id), "{id} is not an operation");
        }
    }

    #[test]
    fn requests_find_their_operation() {
        let ops = &*OPERATIONS;
        assert_eq!(
            ops.find("POST", "/api/v1/events/abc/registrations"),
            Some((
                "register_for_event",
                "/api/v1/events/{id}/registrations".into()
            ))
        );
        assert_eq!(
            ops.find("GET", "/api/v1/events.ics").map(|(id, _)| id),
            Some("events_feed")
        );
        assert_eq!(ops.find("DELETE", "/api/v1/events"), None);
        assert_eq!(needs("create_event"), None);
        assert_eq!(needs("list_slots"), Some(Needs::Scope(ApiScope::SlotsRead)));
    }
}
