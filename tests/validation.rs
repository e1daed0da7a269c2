//! Loading refuses every kind of bad policy with a stable code and a JSON path, listing every
//! problem at once.

use ordergate::{Code, Policy};
use serde_json::{json, Value};

/// A small valid policy that each test breaks in one place.
fn base() -> Value {
    json!({
        "ordergate": 1,
        "id": "shop",
        "version": "1",
        "languages": ["en", "id"],
        "calendar": {"timeZone": "Asia/Jakarta"},
        "dimensions": {"status": {"label": {"en": "Status", "id": "Status"}, "statuses": {
            "open": {"label": {"en": "Open", "id": "Buka"}},
            "shipped": {"label": {"en": "Shipped", "id": "Dikirim"}},
            "cancelled": {"label": {"en": "Cancelled", "id": "Batal"}}
        }}},
        "facts": {
            "shipped_at": {"type": "timestamp", "optional": true},
            "balance": {"type": "money", "currency": "IDR", "default": 0},
            "paid": {"type": "boolean", "default": false}
        },
        "roles": {"buyer": {"label": {"en": "Buyer", "id": "Pembeli"}}, "admin": {"label": {"en": "Admin", "id": "Admin"}}},
        "actions": {"cancel": {"label": {"en": "Cancel", "id": "Batal"}, "params": {"reason": {"type": "string"}}}},
        "effects": {"refund": {"label": {"en": "Refund", "id": "Refund"}, "args": {"amount": {"type": "money", "currency": "IDR"}}}},
        "messages": {"no": {"en": "No.", "id": "Tidak."}, "late": {"en": "Too late.", "id": "Terlambat."}},
        "otherwise": {"reason": "no"},
        "rules": [
            {"id": "buyer-cancels-open", "action": "cancel", "roles": ["buyer"], "when": {"in": {"status": ["open"]}},
             "outcome": "allowed", "effects": [{"set": {"status": "cancelled"}}, {"emit": "refund", "args": {"amount": {"fact": "balance"}}}]},
            {"id": "late", "action": "cancel", "when": {"in": {"status": ["shipped"]}}, "outcome": "denied", "reason": "late"}
        ]
    })
}

fn issues(policy: &Value) -> Vec<(Code, String)> {
    match Policy::from_value(policy) {
        Ok(_) => Vec::new(),
        Err(e) => e
            .issues()
            .iter()
            .map(|i| (i.code, i.path.clone()))
            .collect(),
    }
}

fn refused(change: impl FnOnce(&mut Value), code: Code, path: &str) {
    let mut policy = base();
    change(&mut policy);
    let found = issues(&policy);
    assert!(
        found.contains(&(code, path.to_owned())),
        "expected {code} at {path}, found {found:?}"
    );
}

#[test]
fn the_base_policy_is_valid() {
    assert_eq!(issues(&base()), []);
}

#[test]
fn not_json_and_too_deep() {
    assert_eq!(
        Policy::from_json("{\"id\": ").unwrap_err().code(),
        Code::NotJson
    );
    assert_eq!(
        Policy::from_json(&"[".repeat(5000)).unwrap_err().code(),
        Code::TooDeep
    );
    let mut nested = json!({"is": "paid"});
    for _ in 0..20 {
        nested = json!({"not": nested});
    }
    refused(
        |p| p["rules"][1]["when"] = nested,
        Code::TooDeep,
        "$.rules[1].when.not.not.not.not.not.not.not.not.not.not.not.not",
    );
}

#[test]
fn too_large() {
    let big = format!(
        "{{\"pad\": \"{}\"}}",
        "x".repeat(ordergate::policy::MAX_POLICY_BYTES)
    );
    assert_eq!(Policy::from_json(&big).unwrap_err().code(), Code::TooLarge);
}

#[test]
fn too_many_rules() {
    refused(
        |p| p["rules"] = Value::Array(vec![json!({}); 1001]),
        Code::TooMany,
        "$.rules",
    );
}

#[test]
fn missing_and_unknown_fields_with_a_suggestion() {
    refused(
        |p| drop(p.as_object_mut().unwrap().remove("rules")),
        Code::MissingField,
        "$.rules",
    );
    refused(
        |p| p["rules"][0]["outcom"] = json!("allowed"),
        Code::UnknownField,
        "$.rules[0].outcom",
    );
    let err = Policy::from_value(&{
        let mut p = base();
        p["rules"][0]["outcom"] = json!("allowed");
        p
    })
    .unwrap_err();
    assert!(err
        .issues()
        .iter()
        .any(|i| i.message.contains("Did you mean 'outcome'?")));
}

#[test]
fn wrong_types_and_invalid_values() {
    refused(
        |p| p["languages"] = json!("en"),
        Code::WrongType,
        "$.languages",
    );
    refused(
        |p| p["rules"][0]["outcome"] = json!("maybe"),
        Code::InvalidValue,
        "$.rules[0].outcome",
    );
    refused(
        |p| p["ordergate"] = json!(2),
        Code::InvalidValue,
        "$.ordergate",
    );
    refused(
        |p| p["facts"]["balance"]["currency"] = json!("rupiah"),
        Code::InvalidValue,
        "$.facts.balance.currency",
    );
    refused(
        |p| p["facts"]["balance"]["default"] = json!(1.5),
        Code::WrongType,
        "$.facts.balance.default",
    );
}

#[test]
fn invalid_and_duplicate_ids() {
    refused(
        |p| p["roles"]["Buyer"] = json!({"label": {"en": "B", "id": "B"}}),
        Code::InvalidId,
        "$.roles.Buyer",
    );
    refused(
        |p| p["rules"][1]["id"] = json!("buyer-cancels-open"),
        Code::DuplicateId,
        "$.rules[1].id",
    );
    refused(
        |p| p["facts"]["status"] = json!({"type": "string"}),
        Code::DuplicateId,
        "$.facts.status",
    );
}

#[test]
fn unknown_references_are_reported_where_they_are_written() {
    refused(
        |p| p["rules"][0]["when"] = json!({"in": {"status": ["opened"]}}),
        Code::UnknownStatus,
        "$.rules[0].when.in.status[0]",
    );
    refused(
        |p| p["rules"][0]["when"] = json!({"is": "payed"}),
        Code::UnknownFact,
        "$.rules[0].when.is",
    );
    refused(
        |p| p["rules"][0]["roles"] = json!(["byer"]),
        Code::UnknownRole,
        "$.rules[0].roles[0]",
    );
    refused(
        |p| p["rules"][0]["action"] = json!("refund"),
        Code::UnknownAction,
        "$.rules[0].action",
    );
    refused(
        |p| p["rules"][0]["requires"] = json!(["note"]),
        Code::UnknownParam,
        "$.rules[0].requires[0]",
    );
    refused(
        |p| p["rules"][1]["reason"] = json!("later"),
        Code::UnknownMessage,
        "$.rules[1].reason",
    );
    refused(
        |p| p["rules"][0]["effects"][1]["emit"] = json!("refnd"),
        Code::UnknownEffect,
        "$.rules[0].effects[1].emit",
    );
    refused(
        |p| p["rules"][0]["when"] = json!({"eq": [{"actor": "store"}, "x"]}),
        Code::UnknownAttribute,
        "$.rules[0].when.eq[0].actor",
    );
}

#[test]
fn types_and_currencies_are_checked() {
    refused(
        |p| p["rules"][0]["when"] = json!({"lt": [{"fact": "paid"}, 3]}),
        Code::TypeMismatch,
        "$.rules[0].when.lt[1]",
    );
    refused(
        |p| {
            p["rules"][0]["when"] =
                json!({"gt": [{"fact": "balance"}, {"money": {"amount": 0, "currency": "EUR"}}]})
        },
        Code::CurrencyMismatch,
        "$.rules[0].when.gt",
    );
    refused(
        |p| p["rules"][0]["when"] = json!({"lt": [{"fact": "status"}, "open"]}),
        Code::TypeMismatch,
        "$.rules[0].when.lt",
    );
    refused(
        |p| {
            p["rules"][0]["when"] =
                json!({"within": {"since": "balance", "for": {"hours": 1}, "edge": "inclusive"}})
        },
        Code::TypeMismatch,
        "$.rules[0].when.within.since",
    );
    refused(
        |p| p["rules"][0]["effects"][0] = json!({"set": {"status": "gone"}}),
        Code::UnknownStatus,
        "$.rules[0].effects[0].set.status",
    );
    refused(
        |p| p["rules"][0]["effects"][0] = json!({"set": {"paid": {"fact": "balance"}}}),
        Code::TypeMismatch,
        "$.rules[0].effects[0].set.paid",
    );
}

#[test]
fn rules_that_can_never_fire() {
    refused(
        |p| {
            p["rules"].as_array_mut().unwrap().insert(
                0,
                json!({"id": "all", "action": "cancel", "outcome": "denied", "reason": "no"}),
            )
        },
        Code::UnreachableRule,
        "$.rules[1]",
    );
    refused(
        |p| p["rules"][0]["roles"] = json!([]),
        Code::UnreachableRule,
        "$.rules[0].roles",
    );
    refused(
        |p| {
            p["rules"][0]["when"] =
                json!({"all": [{"in": {"status": ["open"]}}, {"in": {"status": ["shipped"]}}]})
        },
        Code::UnreachableRule,
        "$.rules[0].when",
    );
}

#[test]
fn every_declared_language_needs_every_text() {
    refused(
        |p| drop(p["messages"]["late"].as_object_mut().unwrap().remove("id")),
        Code::MissingTranslation,
        "$.messages.late",
    );
    refused(
        |p| p["roles"]["admin"]["label"]["fr"] = json!("Admin"),
        Code::MissingTranslation,
        "$.roles.admin.label.fr",
    );
}

#[test]
fn time_zones_and_dates_are_checked() {
    refused(
        |p| p["calendar"]["timeZone"] = json!("Asia/Jakart"),
        Code::UnknownTimeZone,
        "$.calendar.timeZone",
    );
    refused(
        |p| p["calendar"]["holidays"] = json!(["2026-02-30"]),
        Code::InvalidTimestamp,
        "$.calendar.holidays[0]",
    );
    refused(
        |p| {
            p["calendar"]["weekend"] = json!([
                "saturday",
                "sunday",
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday"
            ])
        },
        Code::InvalidValue,
        "$.calendar.weekend",
    );
}

#[test]
fn approval_needs_an_approver_and_a_denial_a_reason() {
    refused(
        |p| p["rules"][0]["outcome"] = json!("approval_required"),
        Code::MissingField,
        "$.rules[0].approver",
    );
    refused(
        |p| drop(p["rules"][1].as_object_mut().unwrap().remove("reason")),
        Code::MissingField,
        "$.rules[1].reason",
    );
}

#[test]
fn every_problem_is_listed_at_once() {
    let mut p = base();
    p["calendar"]["timeZone"] = json!("Mars/Olympus");
    p["rules"][0]["roles"] = json!(["ghost"]);
    p["rules"][1]["reason"] = json!("missing");
    p["messages"]["no"] = json!({"en": "No."});
    let codes: Vec<Code> = issues(&p).into_iter().map(|(c, _)| c).collect();
    for code in [
        Code::UnknownTimeZone,
        Code::UnknownRole,
        Code::UnknownMessage,
        Code::MissingTranslation,
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
}

#[test]
fn bad_questions_get_a_code_and_a_path() {
    let policy = Policy::from_value(&base()).unwrap();
    let ok = json!({"facts": {"status": "open", "balance": 0, "paid": false, "shipped_at": null}, "actor": {"role": "buyer"}, "action": "cancel", "now": "2026-03-02T10:00:00Z"});
    let cases = [
        (
            "/facts/status",
            json!("opn"),
            Code::UnknownStatus,
            "$.facts.status",
        ),
        (
            "/facts/balance",
            json!(-0.5),
            Code::InvalidValue,
            "$.facts.balance",
        ),
        (
            "/facts/shipped_at",
            json!("2026-13-01T00:00:00Z"),
            Code::InvalidTimestamp,
            "$.facts.shipped_at",
        ),
        ("/facts/paid", json!(1), Code::WrongType, "$.facts.paid"),
        ("/actor/role", json!(7), Code::WrongType, "$.actor.role"),
        ("/action", json!(["cancel"]), Code::WrongType, "$.action"),
        ("/now", json!(null), Code::InvalidTimestamp, "$.now"),
        ("/locale", json!(3), Code::WrongType, "$.locale"),
        (
            "/params",
            json!({"reason": 3}),
            Code::WrongType,
            "$.params.reason",
        ),
        ("/extra", json!(1), Code::UnknownField, "$.extra"),
    ];
    for (pointer, value, code, path) in cases {
        let mut request = ok.clone();
        match request.pointer_mut(pointer) {
            Some(slot) => *slot = value,
            None => {
                let key = pointer.trim_start_matches('/');
                request[key] = value;
            }
        }
        let err = policy.decide(&request).unwrap_err();
        assert_eq!(
            (err.code(), err.issues()[0].path.as_str()),
            (code, path),
            "{pointer}"
        );
        // The same policy still decides correctly.
        assert_eq!(
            policy.decide(&ok).unwrap().outcome,
            ordergate::Outcome::Allowed
        );
    }
}

#[test]
fn null_is_absent_for_optional_facts_the_default_for_defaulted_ones_and_an_error_otherwise() {
    let policy = Policy::from_value(&base()).unwrap();
    let ask = |facts: Value| {
        policy.decide(
            &json!({"facts": facts, "actor": {"role": "buyer"}, "action": "cancel", "now": 0}),
        )
    };
    assert!(ask(json!({"status": "open", "shipped_at": null})).is_ok());
    let d = ask(json!({"status": "open", "balance": null})).unwrap();
    assert_eq!(d.effects[0].args["amount"], 0, "the default balance");
    assert_eq!(
        ask(json!({"status": null})).unwrap_err().code(),
        Code::MissingFact
    );
}

#[test]
fn the_trace_names_the_parameter_a_false_comparison_read() {
    let mut doc = base();
    doc["rules"][0]["when"] = json!({"eq": [{"param": "reason"}, "buyer asked"]});
    let policy = Policy::from_value(&doc).unwrap();
    let d = policy
        .decide(&json!({"facts": {"status": "open"}, "actor": {"role": "buyer"}, "action": "cancel", "params": {"reason": "late"}, "now": 0}))
        .unwrap();
    let detail = d.trace[0].detail.as_deref().unwrap();
    assert_eq!(
        detail,
        "when.eq: param reason ('late') == value ('buyer asked') is false"
    );
}

#[test]
fn a_suggestion_between_equally_close_names_is_the_same_on_every_load() {
    // "paid" and "pain" are one edit from "paix"; the hint must not depend on how a load happened
    // to order its names (a hash map's order differs from one map to the next).
    let mut doc = base();
    doc["facts"]["pain"] = json!({"type": "boolean", "default": false});
    doc["roles"]["buyers"] = json!({"label": {"en": "Buyers", "id": "Pembeli"}});
    let hints: std::collections::BTreeSet<String> = (0..40)
        .flat_map(|_| {
            let policy = Policy::from_value(&doc).unwrap();
            let fact = policy
                .decide(&json!({"facts": {"status": "open", "paix": true}, "actor": {"role": "buyer"}, "action": "cancel", "now": 0}))
                .unwrap_err();
            let role = policy
                .decide(&json!({"facts": {"status": "open"}, "actor": {"role": "buyerz"}, "action": "cancel", "now": 0}))
                .unwrap_err();
            [fact.to_string(), role.to_string()]
        })
        .collect();
    assert_eq!(hints.len(), 2, "{hints:#?}");
    assert!(
        hints.iter().any(|h| h.contains("Did you mean 'paid'?")),
        "the first declared of two equally close names: {hints:#?}"
    );
    assert!(
        hints.iter().any(|h| h.contains("Did you mean 'buyer'?")),
        "{hints:#?}"
    );
}

#[test]
fn every_later_use_of_a_rule_id_names_its_first_use() {
    let mut doc = base();
    let first = doc["rules"][0].clone();
    let id = first["id"].clone();
    let rules = doc["rules"].as_array_mut().unwrap();
    rules[1]["id"] = id.clone();
    let mut third = first;
    third["id"] = id.clone();
    rules.push(third);
    let err = Policy::from_value(&doc).unwrap_err();
    let duplicates: Vec<(String, String)> = err
        .issues()
        .iter()
        .filter(|i| i.code == Code::DuplicateId)
        .map(|i| (i.path.clone(), i.message.clone()))
        .collect();
    let said = format!("the rule id {id} is already used by $.rules[0]").replace('"', "'");
    assert_eq!(
        duplicates,
        [
            ("$.rules[1].id".to_owned(), said.clone()),
            ("$.rules[2].id".to_owned(), said)
        ]
    );
}
