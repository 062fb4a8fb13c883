//! The committed OpenAPI document is what the code generates, and every operation documents itself.

use serde_json::Value;

fn committed_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi/openapi.json")
}

#[test]
fn committed_spec_matches_the_code() {
    let generated = etakirjasto_api::openapi::spec_json();
    let committed = std::fs::read_to_string(committed_path()).unwrap_or_default();
    assert!(
        committed == generated,
        "openapi/openapi.json differs from what the code generates: run `cargo xtask openapi` and commit the file"
    );
}

#[test]
fn every_operation_has_id_summary_description_tag_and_error_responses() {
    let spec: Value = serde_json::from_str(&etakirjasto_api::openapi::spec_json()).unwrap();
    let mut ids = std::collections::HashSet::new();
    let paths = spec["paths"].as_object().unwrap();
    assert!(
        paths.len() >= 9,
        "expected the foundation's operations, found {}",
        paths.len()
    );
    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            let at = format!("{method} {path}");
            let id = op["operationId"]
                .as_str()
                .unwrap_or_else(|| panic!("{at}: operationId"));
            assert!(
                ids.insert(id.to_owned()),
                "{at}: duplicate operationId {id}"
            );
            assert!(
                op["summary"].as_str().is_some_and(|s| !s.is_empty()),
                "{at}: summary"
            );
            assert!(
                op["description"].as_str().is_some_and(|s| !s.is_empty()),
                "{at}: description"
            );
            assert!(
                op["tags"].as_array().is_some_and(|t| !t.is_empty()),
                "{at}: tag"
            );
            let responses = op["responses"].as_object().unwrap();
            let has_error = responses
                .keys()
                .any(|s| s.starts_with('4') || s.starts_with('5'));
            let public_and_infallible = path == "/healthz";
            assert!(
                has_error || public_and_infallible,
                "{at}: no error responses documented"
            );
            for (status, resp) in responses {
                if status.starts_with('4') || status.starts_with('5') {
                    assert!(
                        resp["content"]["application/problem+json"].is_object(),
                        "{at} {status}: errors are application/problem+json"
                    );
                }
            }
        }
    }
    // Every schema field is described, so other libraries can integrate from the document alone.
    for (name, schema) in spec["components"]["schemas"].as_object().unwrap() {
        for (field, prop) in schema["properties"].as_object().into_iter().flatten() {
            let described = prop["description"].is_string()
                || prop["allOf"].is_array()
                || prop["oneOf"].is_array()
                || prop["$ref"].is_string();
            assert!(described, "{name}.{field} has no description");
        }
    }
}
