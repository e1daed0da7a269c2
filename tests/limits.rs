//! Worst cases at the limits: the largest policies the loader accepts load and decide, and the
//! ones past a limit are refused, with no hang. Times are printed for docs/robustness.md, never
//! asserted.

use ordergate::{Code, Policy};
use serde_json::{json, Value};
use std::time::Instant;

/// A policy with 128 statuses, 64 roles, 2,000 holidays, 1,000 rules and (with 13 children per
/// rule) close to 20,000 condition nodes, just under 1 MiB of JSON.
fn worst_case(rules: usize, children: usize) -> Value {
    let statuses: serde_json::Map<String, Value> =
        (0..128).map(|i| (format!("s{i}"), json!({}))).collect();
    let roles: serde_json::Map<String, Value> =
        (0..64).map(|i| (format!("r{i}"), json!({}))).collect();
    let all_statuses: Vec<String> = (0..128).map(|i| format!("s{i}")).collect();
    let rules: Vec<Value> = (0..rules)
        .map(|i| {
            let leaves: Vec<Value> = (0..children)
                .map(|j| match j % 4 {
                    0 => json!({"in": {"status": all_statuses[j % 120..j % 120 + 8]}}),
                    1 => json!({"within": {"since": "at", "for": {"businessDays": 1000}, "edge": "inclusive"}}),
                    2 => json!({"ge": [{"fact": "balance"}, {"fact": "amount"}]}),
                    _ => json!({"not": {"is": "flag"}}),
                })
                .collect();
            json!({"id": format!("rule-{i}"), "action": "go", "roles": [format!("r{}", i % 64)], "when": {"all": [{"any": leaves}, {"in": {"status": [format!("s{}", i % 127)]}}]}, "outcome": "allowed"})
        })
        .collect();
    json!({
        "ordergate": 1, "id": "worst", "version": "1", "languages": ["en"],
        "calendar": {"timeZone": "Europe/Paris", "holidays": (0..2000).map(|d| format!("{}-{:02}-{:02}", 2026 + d / 336, 1 + (d / 28) % 12, 1 + d % 28)).collect::<Vec<_>>()},
        "dimensions": {"status": {"statuses": statuses}},
        "facts": {"at": {"type": "timestamp"}, "balance": {"type": "money", "currency": "EUR"}, "amount": {"type": "money", "currency": "EUR"}, "flag": {"type": "boolean"}},
        "roles": roles,
        "actions": {"go": {}},
        "messages": {"no": {"en": "No."}},
        "otherwise": {"reason": "no"},
        "rules": rules
    })
}

#[test]
fn the_largest_accepted_policy_loads_and_decides_with_bounded_work() {
    let doc = worst_case(1000, 13);
    let text = doc.to_string();
    // Kept for measuring the same policy through the npm package (docs/robustness.md).
    let _ = std::fs::create_dir_all(concat!(env!("CARGO_MANIFEST_DIR"), "/target"));
    let _ = std::fs::write(
        concat!(env!("CARGO_MANIFEST_DIR"), "/target/worst-case-policy.json"),
        &text,
    );
    let started = Instant::now();
    let policy = Policy::from_json(&text)
        .unwrap_or_else(|e| panic!("{:?}", &e.issues()[..3.min(e.issues().len())]));
    let loaded = started.elapsed();
    // The last rule matches only the last role and status: every rule is consulted on the way.
    let request = json!({"facts": {"status": "s110", "at": "2026-01-05T10:00:00+01:00", "balance": 5, "amount": 5, "flag": true}, "actor": {"role": "r39"}, "action": "go", "now": "2026-01-05T10:00:00+01:00"});
    let started = Instant::now();
    let decision = policy.decide(&request).unwrap();
    let decided = started.elapsed();
    assert_eq!(decision.rule.as_deref(), Some("rule-999"));
    // Its compiled form is read back within the same limits (condition nodes, holidays, statuses).
    let compiled = Policy::from_compiled(&policy.to_compiled()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(compiled.decide(&request).unwrap(), decision);
    eprintln!("worst case: {} bytes, {} rules; loaded in {loaded:?}, decided in {decided:?} ({} trace steps)", text.len(), 1000, decision.trace.len());
}

#[test]
fn past_the_limits_policies_are_refused_quickly() {
    let too_many_nodes = worst_case(1000, 30);
    let started = Instant::now();
    let err = Policy::from_value(&too_many_nodes).unwrap_err();
    assert!(
        err.issues()
            .iter()
            .any(|i| i.code == Code::TooLarge && i.path == "$.rules"),
        "{err}"
    );
    eprintln!(
        "refused a {}-node policy in {:?}",
        1000 * 33,
        started.elapsed()
    );

    let deep = format!("{}1{}", "[".repeat(1_000_000), "]".repeat(1_000_000));
    let started = Instant::now();
    assert_eq!(Policy::from_json(&deep).unwrap_err().code(), Code::TooLarge);
    let deep = format!("{}1{}", "[".repeat(200_000), "]".repeat(200_000));
    assert_eq!(Policy::from_json(&deep).unwrap_err().code(), Code::TooDeep);
    eprintln!("refused deeply nested JSON in {:?}", started.elapsed());

    let mut doc = worst_case(10, 2);
    doc["dimensions"]["status"]["statuses"]["s128"] = json!({});
    assert!(Policy::from_value(&doc)
        .unwrap_err()
        .issues()
        .iter()
        .any(|i| i.code == Code::TooMany));
    let mut doc = worst_case(10, 2);
    doc["roles"]["r64"] = json!({});
    assert!(Policy::from_value(&doc)
        .unwrap_err()
        .issues()
        .iter()
        .any(|i| i.code == Code::TooMany));
}

#[test]
fn oversized_and_deep_questions_are_refused() {
    let policy = ordergate::builtin("dropi").unwrap();
    let deep = format!(
        "{{\"facts\": {}1{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let err = ordergate::ffi::decide_json(&policy, &deep).unwrap_err();
    assert!(matches!(err.code(), Code::TooDeep | Code::TooLarge));
    let long = json!({"facts": {"status": "pendiente", "dropshipper_id": "x".repeat(5000)}, "actor": {"role": "supplier"}, "action": "cancel", "now": 0});
    assert_eq!(policy.decide(&long).unwrap_err().code(), Code::TooLarge);
}
