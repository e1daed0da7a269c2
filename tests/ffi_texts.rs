//! The texts of the JSON boundary every SDK uses. Applying a decision given as JSON reads the
//! policy that took it and its changes, refuses anything else in their place with a path, and
//! gives the same facts as applying the decision in Rust; a policy's summary is written as the
//! summary built with serde_json's `json!` would be, key order included.

mod common;

use ordergate::{ffi, Code, Policy};
use serde_json::{json, Value};

const NOW: &str = "2026-03-02T10:00:00-05:00";

fn dropi() -> Policy {
    ordergate::builtin("dropi").unwrap()
}

/// The decision to return a parcel with an incident, as the module writes it.
fn return_decision(policy: &Policy) -> Value {
    let request = json!({"facts": {"status": "con_novedad"}, "actor": {"role": "dropshipper"},
        "action": "return_order", "now": NOW});
    serde_json::from_str(&ffi::decide_json(policy, &request.to_string()).unwrap()).unwrap()
}

fn apply(policy: &Policy, decision: &Value) -> Result<Value, ordergate::Error> {
    let text = json!({"facts": {"status": "con_novedad"}, "decision": decision}).to_string();
    ffi::apply_json(policy, &text).map(|t| serde_json::from_str(&t).unwrap())
}

#[test]
fn a_decision_as_text_gives_the_facts_that_applying_it_in_rust_gives() {
    let p = dropi();
    let decision = return_decision(&p);
    let typed: ordergate::Decision = serde_json::from_value(decision.clone()).unwrap();
    let facts = json!({"status": "con_novedad"});
    assert_eq!(
        apply(&p, &decision).unwrap(),
        p.apply(&facts, &typed).unwrap()
    );
    assert_eq!(apply(&p, &decision).unwrap()["status"], "devolucion");
}

#[test]
fn only_the_policy_and_the_changes_are_read() {
    let p = dropi();
    let mut decision = return_decision(&p);
    let expected = apply(&p, &decision).unwrap();
    let object = decision.as_object_mut().unwrap();
    object.retain(|key, _| key == "policy" || key == "changes");
    assert_eq!(apply(&p, &decision).unwrap(), expected);
}

#[test]
fn what_is_not_a_decision_is_refused_at_the_part_that_is_wrong() {
    let p = dropi();
    let good = return_decision(&p);
    let mutate = |f: &dyn Fn(&mut Value)| {
        let mut d = good.clone();
        f(&mut d);
        d
    };
    let cases: Vec<(Value, &str, &str)> = vec![
        (json!([]), "$.decision", "expected an object"),
        (
            mutate(&|d| {
                d.as_object_mut().unwrap().remove("policy");
            }),
            "$.decision",
            "missing field `policy`",
        ),
        (
            mutate(&|d| d["policy"] = json!("dropi")),
            "$.decision.policy",
            "expected an object",
        ),
        (
            mutate(&|d| {
                d["policy"].as_object_mut().unwrap().remove("hash");
            }),
            "$.decision.policy",
            "missing field `hash`",
        ),
        (
            mutate(&|d| d["policy"]["version"] = json!(1)),
            "$.decision.policy.version",
            "expected a string",
        ),
        (
            mutate(&|d| {
                d.as_object_mut().unwrap().remove("changes");
            }),
            "$.decision",
            "missing field `changes`",
        ),
        (
            mutate(&|d| d["changes"] = json!({})),
            "$.decision.changes",
            "expected an array",
        ),
        (
            mutate(&|d| d["changes"][0] = json!(null)),
            "$.decision.changes[0]",
            "expected an object",
        ),
        (
            mutate(&|d| {
                d["changes"][0].as_object_mut().unwrap().remove("from");
            }),
            "$.decision.changes[0]",
            "missing field `from`",
        ),
        (
            mutate(&|d| d["changes"][0]["fact"] = json!(7)),
            "$.decision.changes[0].fact",
            "expected a string",
        ),
    ];
    for (decision, path, message) in cases {
        let err = apply(&p, &decision).unwrap_err();
        assert_eq!(err.code(), Code::InvalidDecision, "{decision}");
        let issue = &err.issues()[0];
        assert_eq!(issue.path, path, "{decision}");
        assert_eq!(
            issue.message,
            format!("not a decision of ordergate: {message}"),
            "{decision}"
        );
    }
}

#[test]
fn a_decision_of_another_policy_is_refused_as_before() {
    let p = dropi();
    let mut decision = return_decision(&p);
    decision["policy"]["hash"] = json!("sha256:0000");
    let err = apply(&p, &decision).unwrap_err();
    assert_eq!(err.code(), Code::InvalidDecision);
    assert_eq!(err.issues()[0].path, "$.decision.policy.hash");
}

/// The summary as serde_json's `json!` builds it from the document: the oracle.
fn summary(policy: &Policy) -> Value {
    let doc = policy.document().expect("a policy read from JSON");
    let labels = |t: &Vec<(String, String)>| -> Value {
        t.iter()
            .map(|(l, s)| (l.clone(), Value::String(s.clone())))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    json!({
        "id": policy.id(),
        "version": policy.version(),
        "hash": policy.hash(),
        "name": labels(&doc.name),
        "languages": doc.languages,
        "timeZone": doc.calendar.zone.name(),
        "dimensions": doc.dimensions.iter().map(|(id, d)| json!({
            "id": id,
            "label": labels(&d.label),
            "statuses": d.statuses.iter().map(|(s, l)| json!({"id": s, "label": labels(l)})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "facts": doc.facts.iter().map(|(id, f)| json!({"id": id, "label": labels(&f.label)})).collect::<Vec<_>>(),
        "roles": doc.roles.iter().map(|(id, l)| json!({"id": id, "label": labels(l)})).collect::<Vec<_>>(),
        "actions": doc.actions.iter().map(|(id, a)| json!({
            "id": id,
            "label": labels(&a.label),
            "params": a.params.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

#[test]
fn the_summary_of_every_policy_is_written_key_for_key_as_json_would() {
    for policy in &common::every_policy() {
        let written = ffi::describe_json(policy);
        assert_eq!(
            written,
            serde_json::to_string(&summary(policy)).unwrap(),
            "{}",
            policy.id()
        );
    }
}

/// serde's compact text of a value, for comparison with what the boundary writes by hand.
fn serde_text<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

#[test]
fn decisions_are_written_byte_for_byte_as_serde_writes_them() {
    let vectors: Vec<Value> =
        serde_json::from_str(include_str!("../test-data/vectors.json")).unwrap();
    let sample = Policy::from_json(include_str!("../examples/policies/sample-marketplace.json"));
    let sample = sample.unwrap();
    let mut compared = 0;
    for v in &vectors {
        let name = v["policy"].as_str().unwrap();
        let owned;
        let policy = if name == "sample-marketplace" {
            &sample
        } else {
            owned = common::policy(name);
            &owned
        };
        let request = &v["request"];
        let text = request.to_string();
        let (written, expected) = match v["method"].as_str().unwrap() {
            "decide" => (
                ffi::decide_json(policy, &text).ok(),
                policy.decide(request).ok().map(|d| serde_text(&d)),
            ),
            _ => (
                ffi::available_json(policy, &text).ok(),
                policy.available(request).ok().map(|d| serde_text(&d)),
            ),
        };
        assert_eq!(written, expected, "{name} {text}");
        compared += usize::from(written.is_some());
    }
    assert!(compared > 60, "{compared} answers compared");
}

#[test]
fn layouts_and_built_in_names_are_written_as_serde_writes_them() {
    for policy in common::every_policy() {
        assert_eq!(ffi::layout_json(&policy), serde_text(&policy.layout()));
    }
}

#[test]
fn errors_are_written_with_their_code_path_message_and_every_issue() {
    let bad_policy = Policy::from_json(r#"{"ordergate": 1, "id": "Bad Id", "rules": 3}"#);
    let bad_request = ffi::decide_json(&dropi(), r#"{"facts": {"status": "x\u0001"}}"#);
    for error in [bad_policy.unwrap_err(), bad_request.unwrap_err()] {
        let issues = error.issues();
        let message = match &error {
            ordergate::Error::InvalidPolicy(_) => error.to_string(),
            ordergate::Error::InvalidInput(issue) => issue.message.clone(),
        };
        let expected = json!({
            "code": serde_json::to_value(error.code()).unwrap(),
            "path": issues[0].path,
            "message": message,
            "issues": serde_json::to_value(issues).unwrap(),
        });
        assert_eq!(ffi::error_json(&error), expected.to_string());
    }
}
