//! The bad-input catalogue: every error code, an input that triggers it, the path and the message
//! it gets, each followed by a correct decision on the same policy instance. docs/errors.md is
//! generated from this table; the test fails when the page is out of date (rewrite it with
//! `ORDERGATE_BLESS=1 cargo test --test error_catalogue`).

use ordergate::{ffi, Code, Policy};
use serde_json::{json, Value};

const SAMPLE: &str = include_str!("../examples/policies/sample-marketplace.json");

/// Where an input goes in.
enum Input {
    /// A policy document (text).
    Policy(String),
    /// A change to a valid decide request.
    Decide(fn(&mut Value)),
    /// A decide request given as raw text.
    DecideText(String),
    /// An apply request: facts and a decision of another policy.
    ApplyForeign,
    /// A built-in policy by name.
    Builtin(&'static str),
    /// The policy's compiled form, changed by a function.
    Compiled(fn(&mut Vec<u8>)),
}

struct Entry {
    code: Code,
    trigger: &'static str,
    input: Input,
    path: &'static str,
}

fn mutated(change: fn(&mut Value)) -> String {
    let mut doc: Value = serde_json::from_str(SAMPLE).unwrap();
    change(&mut doc);
    doc.to_string()
}

fn good_request() -> Value {
    json!({"facts": {"logistics": "ready_to_ship", "payment": "paid"}, "actor": {"role": "seller"}, "action": "cancel_pickup", "now": "2026-03-02T10:00:00+07:00"})
}

fn catalogue() -> Vec<Entry> {
    vec![
        Entry {
            code: Code::NotJson,
            trigger: "policy text that is not JSON",
            input: Input::Policy("{\"id\": ".into()),
            path: "$",
        },
        Entry {
            code: Code::TooLarge,
            trigger: "a request over 256 KiB",
            input: Input::DecideText(format!("{{\"pad\": \"{}\"}}", "x".repeat(300_000))),
            path: "$",
        },
        Entry {
            code: Code::TooDeep,
            trigger: "conditions nested 13 levels",
            input: Input::Policy(mutated(|d| {
                let mut c = json!({"is": "in_sale"});
                for _ in 0..13 {
                    c = json!({"not": c});
                }
                d["rules"][0]["when"] = c;
            })),
            path: "$.rules[0].when.not.not.not.not.not.not.not.not.not.not.not.not",
        },
        Entry {
            code: Code::TooMany,
            trigger: "more than 1,000 rules",
            input: Input::Policy(mutated(|d| {
                d["rules"] = Value::Array(vec![json!({}); 1001])
            })),
            path: "$.rules",
        },
        Entry {
            code: Code::MissingField,
            trigger: "an actor without a role",
            input: Input::Decide(|r| r["actor"] = json!({"id": "s-1"})),
            path: "$.actor.role",
        },
        Entry {
            code: Code::UnknownField,
            trigger: "a misspelt request field",
            input: Input::Decide(|r| r["param"] = json!({})),
            path: "$.param",
        },
        Entry {
            code: Code::WrongType,
            trigger: "a boolean fact given as a string",
            input: Input::Decide(|r| r["facts"]["in_sale"] = json!("yes")),
            path: "$.facts.in_sale",
        },
        Entry {
            code: Code::InvalidValue,
            trigger: "money with a fraction",
            input: Input::Decide(|r| r["facts"]["refund_amount"] = json!(10.5)),
            path: "$.facts.refund_amount",
        },
        Entry {
            code: Code::InvalidId,
            trigger: "a role id with capitals",
            input: Input::Policy(mutated(|d| d["roles"]["Seller"] = json!({}))),
            path: "$.roles.Seller",
        },
        Entry {
            code: Code::DuplicateId,
            trigger: "two rules with one id",
            input: Input::Policy(mutated(|d| {
                d["rules"][1]["id"] = d["rules"][0]["id"].clone()
            })),
            path: "$.rules[1].id",
        },
        Entry {
            code: Code::UnknownStatus,
            trigger: "a status the dimension does not declare",
            input: Input::Decide(|r| r["facts"]["logistics"] = json!("shiped")),
            path: "$.facts.logistics",
        },
        Entry {
            code: Code::UnknownFact,
            trigger: "a fact the policy does not declare",
            input: Input::Decide(|r| r["facts"]["colour"] = json!("red")),
            path: "$.facts.colour",
        },
        Entry {
            code: Code::UnknownRole,
            trigger: "a role the policy does not declare",
            input: Input::Decide(|r| r["actor"]["role"] = json!("courier")),
            path: "$.actor.role",
        },
        Entry {
            code: Code::UnknownAction,
            trigger: "an action the policy does not declare",
            input: Input::Decide(|r| r["action"] = json!("cancel")),
            path: "$.action",
        },
        Entry {
            code: Code::UnknownParam,
            trigger: "a parameter the action does not declare",
            input: Input::Decide(|r| r["params"] = json!({"note": "x"})),
            path: "$.params.note",
        },
        Entry {
            code: Code::UnknownAttribute,
            trigger: "an actor attribute the policy does not declare",
            input: Input::Decide(|r| r["actor"]["attributes"] = json!({"shop": "x"})),
            path: "$.actor.attributes.shop",
        },
        Entry {
            code: Code::UnknownMessage,
            trigger: "a rule reason with no message",
            input: Input::Policy(mutated(|d| d["rules"][2]["reason"] = json!("too_lat"))),
            path: "$.rules[2].reason",
        },
        Entry {
            code: Code::UnknownEffect,
            trigger: "an effect that is not declared",
            input: Input::Policy(mutated(|d| {
                d["rules"][3]["effects"][1]["emit"] = json!("invoice_voided")
            })),
            path: "$.rules[3].effects[1].emit",
        },
        Entry {
            code: Code::MissingTranslation,
            trigger: "a message without one of the declared languages",
            input: Input::Policy(mutated(|d| {
                d["messages"]["chat_cs"]
                    .as_object_mut()
                    .unwrap()
                    .remove("id");
            })),
            path: "$.messages.chat_cs",
        },
        Entry {
            code: Code::TypeMismatch,
            trigger: "a boolean compared with a number",
            input: Input::Policy(mutated(|d| {
                d["rules"][0]["when"] = json!({"gt": [{"fact": "in_sale"}, 1]})
            })),
            path: "$.rules[0].when.gt[1]",
        },
        Entry {
            code: Code::CurrencyMismatch,
            trigger: "an amount in another currency",
            input: Input::Decide(|r| {
                r["facts"]["seller_balance"] = json!({"amount": 5, "currency": "EUR"})
            }),
            path: "$.facts.seller_balance",
        },
        Entry {
            code: Code::UnreachableRule,
            trigger: "a rule after one that always matches",
            input: Input::Policy(mutated(|d| {
                d["rules"].as_array_mut().unwrap().insert(0, json!({"id": "always", "action": "cancel_pickup", "outcome": "denied", "reason": "too_late"}))
            })),
            path: "$.rules[1]",
        },
        Entry {
            code: Code::UnknownTimeZone,
            trigger: "a time zone not in the IANA database",
            input: Input::Policy(mutated(|d| {
                d["calendar"]["timeZone"] = json!("Asia/Djakarta")
            })),
            path: "$.calendar.timeZone",
        },
        Entry {
            code: Code::InvalidTimestamp,
            trigger: "a timestamp without an offset",
            input: Input::Decide(|r| r["now"] = json!("2026-03-02T10:00:00")),
            path: "$.now",
        },
        Entry {
            code: Code::MissingFact,
            trigger: "a required fact left out",
            input: Input::Decide(|r| {
                r["facts"].as_object_mut().unwrap().remove("payment");
            }),
            path: "$.facts.payment",
        },
        Entry {
            code: Code::MissingParam,
            trigger: "a parameter the matching rule requires",
            input: Input::Decide(|r| r["facts"]["payment"] = json!("cod")),
            path: "$.params.reason",
        },
        Entry {
            code: Code::InvalidDecision,
            trigger: "applying a decision of another policy",
            input: Input::ApplyForeign,
            path: "$.decision.policy.hash",
        },
        Entry {
            code: Code::UnknownPolicy,
            trigger: "a built-in policy name that does not exist",
            input: Input::Builtin("shopify"),
            path: "$",
        },
        Entry {
            code: Code::InvalidCompiled,
            trigger: "bytes that are not a policy compiled by this version (another format, damaged, cut short); in the SDK, a policy module of another version, incomplete, or whose bytes are not the policy it names",
            input: Input::Compiled(|bytes| bytes[4] = 2),
            path: "$",
        },
    ]
}

fn trigger(policy: &Policy, input: &Input) -> ordergate::Error {
    let result: Result<(), ordergate::Error> = match input {
        Input::Policy(text) => Policy::from_json(text).map(|_| ()),
        Input::Decide(change) => {
            let mut request = good_request();
            change(&mut request);
            ffi::decide_json(policy, &request.to_string()).map(|_| ())
        }
        Input::DecideText(text) => ffi::decide_json(policy, text).map(|_| ()),
        Input::ApplyForeign => {
            let other = ordergate::builtin("dropi").unwrap();
            let foreign = other.decide(&json!({"facts": {"status": "pendiente"}, "actor": {"role": "supplier"}, "action": "cancel", "now": 0})).unwrap();
            policy.apply(&good_request()["facts"], &foreign).map(|_| ())
        }
        Input::Builtin(name) => ordergate::builtin(name).map(|_| ()),
        Input::Compiled(change) => {
            let mut bytes = policy.to_compiled();
            change(&mut bytes);
            Policy::from_compiled(&bytes).map(|_| ())
        }
    };
    match result {
        Err(e) => e,
        Ok(()) => panic!("the input was accepted"),
    }
}

#[test]
fn every_code_has_an_entry_that_triggers_it_and_the_instance_keeps_deciding() {
    let policy = Policy::from_json(SAMPLE).unwrap();
    let entries = catalogue();
    let mut page = String::from(
        "# Bad-input catalogue\n\n<!-- Generated by `ORDERGATE_BLESS=1 cargo test --test error_catalogue`; do not edit. -->\n\n\
         Every error ordergate returns has a stable `code`, a `path` into the input and a message that says what to do. \
         In JavaScript it is an `OrdergateError` with the same fields (and `issues` listing every problem of an invalid \
         policy); the SDK adds `NOT_INITIALIZED` for a call before `init()`. After any of them the same instance keeps \
         deciding correctly: the test behind this page decides after each entry.\n\n\
         The examples run against [examples/policies/sample-marketplace.json](../examples/policies/sample-marketplace.json).\n\n\
         | code | triggered by | path | message |\n|---|---|---|---|\n",
    );
    for entry in &entries {
        let err = trigger(&policy, &entry.input);
        let issue = err
            .issues()
            .iter()
            .find(|i| i.code == entry.code)
            .unwrap_or_else(|| panic!("{}: got {err}", entry.code));
        assert_eq!(issue.path, entry.path, "{}", entry.code);
        assert!(
            issue.message.len() > 15,
            "{}: a message that says what to do",
            entry.code
        );
        let after = policy.decide(&good_request()).unwrap();
        assert_eq!(
            after.outcome,
            ordergate::Outcome::ApprovalRequired,
            "after {}",
            entry.code
        );
        page.push_str(&format!(
            "| `{}` | {} | `{}` | {} |\n",
            entry.code,
            entry.trigger,
            issue.path,
            issue.message.replace('|', "\\|")
        ));
    }
    let mut listed: Vec<&str> = entries.iter().map(|e| e.code.as_str()).collect();
    listed.sort_unstable();
    listed.dedup();
    assert_eq!(
        listed.len(),
        29,
        "every code of ordergate::Code has an entry"
    );
    page.push_str("| `NOT_INITIALIZED` | (JS SDK) a policy call before `await init()` or `initSync()` in a browser | `$` | ordergate is not initialized: `await init()` once (or call `initSync(bytes)`) before loading a policy |\n");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/errors.md");
    if std::env::var_os("ORDERGATE_BLESS").is_some() {
        std::fs::write(path, &page).unwrap();
    }
    assert!(
        std::fs::read_to_string(path).unwrap_or_default() == page,
        "docs/errors.md is out of date: rerun with ORDERGATE_BLESS=1"
    );
}
