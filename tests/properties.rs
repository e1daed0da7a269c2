//! Property tests: deciding is total and deterministic on arbitrary input, applying keeps every
//! status in its dimension and counters only grow, and no document makes loading panic.

use ordergate::{Outcome, Policy};
use proptest::prelude::*;
use serde_json::{json, Value};

fn sample() -> Policy {
    Policy::from_json(include_str!("../examples/policies/sample-marketplace.json")).unwrap()
}

/// Any JSON value, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[a-z_]{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("shipped"),
            Just("pending"),
            Just("2026-03-02T10:00:00+07:00"),
            Just("IDR")
        ]
        .prop_map(|s| json!(s)),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn status(values: &'static [&'static str]) -> impl Strategy<Value = Value> {
    prop_oneof![9 => prop::sample::select(values).prop_map(|s| json!(s)), 1 => "[a-z]{1,8}".prop_map(Value::String)]
}

/// Facts that are mostly well-formed, with edges: exact window ends, equal balances, limits.
fn facts() -> impl Strategy<Value = Value> {
    let base = 1_772_420_400_000i64; // 2026-03-02T10:00:00+07:00
    (
        status(&["ready_to_ship", "pickup_cancel_pending", "pickup_cancelled", "shipped", "delivered"]),
        status(&["cod", "paid"]),
        status(&["none", "pending", "approved", "rejected"]),
        prop::option::of(0i64..(10 * 86_400_000)).prop_map(move |o| o.map(|d| base + d)),
        0u32..3,
        0i64..300_000,
        0i64..300_000,
        any::<bool>(),
    )
        .prop_map(|(logistics, payment, request, shipped, changes, amount, balance, in_sale)| {
            json!({
                "logistics": logistics, "payment": payment, "refund_request": request,
                "shipped_at": shipped, "refund_requested_at": shipped, "courier_changes": changes,
                "refund_amount": amount, "seller_balance": balance, "in_sale": in_sale
            })
        })
}

fn actor() -> impl Strategy<Value = Value> {
    prop::sample::select(vec!["seller", "admin", "buyer", "system", "nobody"])
        .prop_map(|r| json!({"role": r}))
}

fn action() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "cancel_pickup",
        "approve_pickup_cancel",
        "change_courier",
        "request_refund",
        "approve_refund",
        "reject_refund",
        "auto_approve_refund",
        "unknown_action",
    ])
    .prop_map(String::from)
}

fn now() -> impl Strategy<Value = i64> {
    let base = 1_772_420_400_000i64;
    prop_oneof![
        (0i64..(20 * 86_400_000)).prop_map(move |d| base + d),
        Just(base + 86_400_000),
        Just(base + 86_400_001),
        any::<i64>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn decide_is_total_and_deterministic(facts in facts(), actor in actor(), action in action(), now in now()) {
        let p = sample();
        let request = json!({"facts": facts, "actor": actor, "action": action, "now": now,
            "params": {"reason": "r", "courier": "JNE", "awb": "X1"}});
        let first = p.decide(&request);
        let second = p.decide(&request);
        prop_assert_eq!(&first, &second);
        if let Ok(d) = first {
            prop_assert_eq!(d.approver.is_some(), d.outcome == Outcome::ApprovalRequired);
            prop_assert!(d.outcome != Outcome::Denied || !d.reasons.is_empty());
            prop_assert!(d.outcome != Outcome::Denied || d.changes.is_empty());
        }
    }

    #[test]
    fn apply_keeps_statuses_in_their_dimension_and_counters_only_grow(facts in facts(), actor in actor(), action in action(), now in now()) {
        let p = sample();
        let request = json!({"facts": facts, "actor": actor, "action": action, "now": now,
            "params": {"reason": "r", "courier": "JNE", "awb": "X1"}});
        if let Ok(d) = p.decide(&request) {
            let next = p.apply(&facts, &d).expect("a decision applies to the facts it was taken on");
            let doc = p.document().expect("a policy read from JSON");
            for (dim, spec) in &doc.dimensions {
                let value = next[dim].as_str().unwrap_or_default();
                prop_assert!(spec.statuses.iter().any(|(s, _)| s == value), "{} = {}", dim, value);
            }
            prop_assert!(next["courier_changes"].as_u64() >= facts["courier_changes"].as_u64());
            prop_assert_eq!(&next["seller_balance"], &facts["seller_balance"]);
            // The facts after are themselves valid facts.
            let again = json!({"facts": next, "actor": {"role": "system"}, "action": "auto_approve_refund", "now": now});
            prop_assert!(p.decide(&again).is_ok());
        }
    }

    #[test]
    fn the_verdict_makes_the_same_choice_as_the_decision(facts in facts(), actor in actor(), action in action(), now in now()) {
        let p = sample();
        let request = json!({"facts": facts, "actor": actor, "action": action, "now": now,
            "params": {"reason": "r", "courier": "JNE", "awb": "X1"}});
        if let (Ok(d), Ok(prepared)) = (p.decide(&request), p.prepare(&request)) {
            let v = p.verdict(&prepared);
            prop_assert_eq!(v.outcome, d.outcome);
            prop_assert_eq!(v.rule.and_then(|i| p.rule_id(i)), d.rule.as_deref());
            prop_assert_eq!(v.remaining_chances, d.remaining_chances);
            let zone = p.document().expect("a policy read from JSON").calendar.zone;
            prop_assert_eq!(v.valid_until.map(|t| t.format_in(zone)), d.valid_until);
        }
    }

    #[test]
    fn any_json_as_a_policy_is_refused_without_panicking(value in any_json()) {
        if let Err(e) = Policy::from_value(&value) {
            prop_assert!(!e.issues().is_empty());
        }
    }

    #[test]
    fn a_mutated_policy_loads_or_is_refused_with_issues(pointer in prop::sample::select(mutation_points()), value in any_json()) {
        let mut doc: Value = serde_json::from_str(include_str!("../examples/policies/sample-marketplace.json")).unwrap();
        if let Some(slot) = doc.pointer_mut(&pointer) {
            *slot = value;
        }
        match Policy::from_value(&doc) {
            Ok(p) => {
                let _ = p.available(&json!({"facts": {"logistics": "shipped", "payment": "cod"}, "actor": {"role": "seller"}, "now": 0}));
            }
            Err(e) => prop_assert!(!e.issues().is_empty()),
        }
    }

    #[test]
    fn any_json_as_a_question_is_an_answer_or_an_error(value in any_json()) {
        let _ = sample().decide(&value);
        let _ = sample().available(&value);
    }
}

/// Every JSON pointer into the sample policy, so that mutations reach every part of it.
fn mutation_points() -> Vec<String> {
    fn walk(v: &Value, path: String, out: &mut Vec<String>) {
        out.push(path.clone());
        match v {
            Value::Object(m) => m.iter().for_each(|(k, v)| {
                walk(
                    v,
                    format!("{path}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                )
            }),
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, v)| walk(v, format!("{path}/{i}"), out)),
            _ => {}
        }
    }
    let doc: Value =
        serde_json::from_str(include_str!("../examples/policies/sample-marketplace.json")).unwrap();
    let mut out = Vec::new();
    walk(&doc, String::new(), &mut out);
    out
}
