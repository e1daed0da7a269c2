//! Shared test vectors: questions with the exact JSON answer the native engine gives. The JS tests
//! replay them through the npm package in Node and in headless Chromium and compare byte for
//! byte. This test fails when test-data/vectors.json is out of date; run it with
//! `ORDERGATE_BLESS=1` to rewrite the file after a deliberate change.

use ordergate::{ffi, Policy};
use serde_json::{json, Value};

fn policies() -> Vec<(&'static str, Policy)> {
    let mut out: Vec<(&'static str, Policy)> = ordergate::builtin_names()
        .into_iter()
        .map(|n| (n, ordergate::builtin(n).unwrap()))
        .collect();
    out.push((
        "sample-marketplace",
        Policy::from_json(include_str!("../examples/policies/sample-marketplace.json")).unwrap(),
    ));
    out
}

/// Instants around the edges that matter: window ends, a weekend, daylight-saving changes.
const INSTANTS: &[&str] = &[
    "2026-03-02T10:00:00+07:00",
    "2026-03-03T10:00:00+07:00",
    "2026-03-03T10:00:00.001+07:00",
    "2026-03-07T23:59:59.999+07:00",
    "2026-03-29T02:30:00+02:00",
    "2026-10-25T02:30:00+01:00",
];

fn questions(name: &str, policy: &Policy) -> Vec<(String, Value)> {
    let doc = policy.document().expect("a policy read from JSON");
    let mut out = Vec::new();
    let (first_name, first_dim) = &doc.dimensions[0];
    for (i, (status, _)) in first_dim.statuses.iter().enumerate() {
        let mut facts = serde_json::Map::new();
        facts.insert(first_name.clone(), json!(status));
        for (dim, spec) in &doc.dimensions[1..] {
            if spec.default.is_none() {
                facts.insert(dim.clone(), json!(spec.statuses[i % spec.statuses.len()].0));
            }
        }
        if name == "sample-marketplace" || name == "akulaku" {
            facts.insert("shipped_at".into(), json!("2026-03-02T10:00:00+07:00"));
            facts.insert(
                "refund_requested_at".into(),
                json!("2026-03-02T10:00:00+07:00"),
            );
            facts.insert("refund_request".into(), json!("pending"));
            facts.insert("refund_amount".into(), json!(150000));
            facts.insert("seller_balance".into(), json!(150000 - (i as i64 % 2)));
            facts.insert("courier_changes".into(), json!(i % 2));
        }
        for (j, (role, _)) in doc.roles.iter().enumerate() {
            let now = INSTANTS[(i + j) % INSTANTS.len()];
            let locale = &doc.languages[(i + j) % doc.languages.len()];
            out.push((
                "available".into(),
                json!({"facts": facts, "actor": {"role": role}, "now": now, "locale": locale}),
            ));
        }
    }
    out.push((
        "decide".into(),
        json!({"facts": {}, "actor": {"role": "nobody"}, "action": "x", "now": 0}),
    ));
    out
}

fn answer(policy: &Policy, method: &str, request: &Value) -> String {
    let text = request.to_string();
    let result = match method {
        "decide" => ffi::decide_json(policy, &text),
        _ => ffi::available_json(policy, &text),
    };
    result.unwrap_or_else(|e| ffi::error_json(&e))
}

#[test]
fn vectors_are_current() {
    let mut vectors = Vec::new();
    for (name, policy) in policies() {
        for (method, request) in questions(name, &policy) {
            let expected = answer(&policy, &method, &request);
            vectors.push(
                json!({"policy": name, "method": method, "request": request, "expected": expected}),
            );
        }
    }
    let text = serde_json::to_string_pretty(&vectors).unwrap() + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/test-data/vectors.json");
    if std::env::var_os("ORDERGATE_BLESS").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == text,
        "test-data/vectors.json is out of date: rerun with ORDERGATE_BLESS=1 and review the diff"
    );
}
