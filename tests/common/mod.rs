//! Helpers shared by the policy tests.
#![allow(dead_code)]

use ordergate::{Decision, Outcome, Policy};
use serde_json::{json, Value};

pub fn policy(name: &str) -> Policy {
    match ordergate::builtin(name) {
        Ok(p) => p,
        Err(e) => panic!("{name} does not load: {:#?}", e.issues()),
    }
}

/// Decides `action` for an actor of `role` at `now`.
pub fn decide(
    policy: &Policy,
    facts: Value,
    actor: Value,
    action: &str,
    params: Value,
    now: &str,
) -> Decision {
    let request =
        json!({"facts": facts, "actor": actor, "action": action, "params": params, "now": now});
    match policy.decide(&request) {
        Ok(d) => d,
        Err(e) => panic!("decide failed: {e}"),
    }
}

pub fn role(name: &str) -> Value {
    json!({ "role": name })
}

pub fn reason_codes(d: &Decision) -> Vec<&str> {
    d.reasons.iter().map(|r| r.code.as_str()).collect()
}

pub fn assert_outcome(d: &Decision, outcome: Outcome) {
    assert_eq!(
        d.outcome,
        outcome,
        "decision: {}",
        serde_json::to_string_pretty(d).unwrap()
    );
}

pub fn effect_names(d: &Decision) -> Vec<&str> {
    d.effects.iter().map(|e| e.effect.as_str()).collect()
}
