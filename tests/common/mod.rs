//! Helpers shared by the policy tests.
#![allow(dead_code)]

pub mod rows;

use ordergate::{Decision, Outcome, Policy};
use serde_json::{json, Value};

/// Every policy the tests know: the built-in ones, the sample, the benchmark's and, last, the
/// policy with one action per kind of condition (tests/policies/every-condition.json).
pub fn every_policy() -> Vec<Policy> {
    let mut all: Vec<Policy> = ordergate::builtin_names().into_iter().map(policy).collect();
    for text in [
        include_str!("../../examples/policies/sample-marketplace.json"),
        include_str!("../../bench/policies/ordergate.json"),
        include_str!("../policies/every-condition.json"),
    ] {
        all.push(Policy::from_json(text).unwrap());
    }
    all
}

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
