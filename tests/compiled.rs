//! A policy read from its compiled form (`Policy::to_compiled`, `Policy::from_compiled`) is the
//! policy it was compiled from: the same id, version, hash, summary, layout and row decider, the
//! same answer to every committed vector and to thousands of random questions, in full and as
//! verdicts. Bytes that are not a compiled policy, damaged or made to deceive, are refused with
//! `INVALID_COMPILED`, or read into a program that answers without panicking.

mod common;

use common::rows::{request, Rows};
use ordergate::api::SlotKind;
use ordergate::compiled::{seal, HEADER_BYTES};
use ordergate::{ffi, Code, Layout, Policy};
use proptest::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;

/// Every policy the tests know, each with its compiled form read back.
fn pairs() -> &'static [(Policy, Policy)] {
    static ALL: OnceLock<Vec<(Policy, Policy)>> = OnceLock::new();
    ALL.get_or_init(|| {
        (common::every_policy().into_iter())
            .map(|p| {
                let read = Policy::from_compiled(&p.to_compiled())
                    .unwrap_or_else(|e| panic!("{} does not read back: {e}", p.id()));
                (p, read)
            })
            .collect()
    })
}

#[test]
fn a_compiled_policy_describes_itself_as_its_source() {
    for (source, read) in pairs() {
        assert_eq!(read.id(), source.id());
        assert_eq!(read.version(), source.version());
        assert_eq!(read.hash(), source.hash());
        assert_eq!(ffi::describe_json(read), ffi::describe_json(source));
        assert_eq!(ffi::layout_json(read), ffi::layout_json(source));
        assert_eq!(
            ffi::verdict_script(read),
            ffi::verdict_script(source),
            "{}",
            source.id()
        );
        assert!(read.document().is_none());
    }
}

#[test]
fn writing_a_compiled_policy_again_gives_the_same_bytes() {
    for (source, read) in pairs() {
        let (again, first) = (read.to_compiled(), source.to_compiled());
        let differ = again
            .iter()
            .zip(&first)
            .skip(13)
            .position(|(a, b)| a != b)
            .map(|i| (i + 13, again.get(i + 13..i + 60), first.get(i + 13..i + 60)));
        assert!(
            differ.is_none() && again.len() == first.len(),
            "{}: {} bytes against {}, first difference at {differ:?}",
            source.id(),
            again.len(),
            first.len()
        );
    }
}

#[test]
fn a_compiled_policy_answers_every_vector_as_its_source() {
    let vectors: Vec<Value> =
        serde_json::from_str(include_str!("../test-data/vectors.json")).unwrap();
    let mut answered = 0;
    for vector in &vectors {
        let name = vector["policy"].as_str().unwrap();
        let source = match ordergate::builtin(name) {
            Ok(p) => p,
            Err(_) => continue,
        };
        let read = Policy::from_compiled(&source.to_compiled()).unwrap();
        let request = vector["request"].to_string();
        let answer = |p: &Policy| match vector["method"].as_str().unwrap() {
            "decide" => ffi::decide_json(p, &request),
            "available" => ffi::available_json(p, &request),
            "apply" => ffi::apply_json(p, &request),
            other => panic!("unknown method {other}"),
        };
        let expected = vector["expected"].as_str().unwrap();
        assert_eq!(
            answer(&read).unwrap_or_else(|e| ffi::error_json(&e)),
            expected
        );
        answered += 1;
    }
    assert!(
        answered > 50,
        "only {answered} vectors of built-in policies"
    );
}

#[test]
fn a_compiled_policy_decides_random_questions_as_its_source() {
    let mut rows = Rows::new(0x5eed_c0de);
    for (source, read) in pairs() {
        let layout = source.layout();
        let numbers = rows.rows(&layout, 2_000);
        let mut decided = 0;
        for (i, row) in numbers.chunks(layout.row_length).enumerate() {
            // Every instant moved by the same number of days, so that windows in business days
            // cross each calendar's weekends and holidays over the year.
            let row = &shifted(&layout, row, (i % 365) as f64 * 86_400_000.0);
            assert_eq!(
                read.verdict_of_row(row),
                source.verdict_of_row(row),
                "{row:?}"
            );
            let Some(request) = request(&layout, row) else {
                continue;
            };
            let text = request.to_string();
            let full =
                |p: &Policy| ffi::decide_json(p, &text).unwrap_or_else(|e| ffi::error_json(&e));
            assert_eq!(full(read), full(source), "{text}");
            decided += 1;
        }
        assert!(
            decided > 500,
            "{}: only {decided} questions in JSON",
            source.id()
        );
    }
}

/// `row` with its instant and every timestamp it holds moved by `ms`.
fn shifted(layout: &Layout, row: &[f64], ms: f64) -> Vec<f64> {
    let mut row = row.to_vec();
    let params = (layout.actions.get(row[0] as usize)).map_or(&[][..], |a| a.params.as_slice());
    let slots = layout.facts.iter().chain(&layout.attributes).chain(params);
    let kinds = std::iter::once(SlotKind::Timestamp).chain(slots.map(|s| s.kind));
    for (n, kind) in row[2..].iter_mut().zip(kinds) {
        if kind == SlotKind::Timestamp {
            *n += ms;
        }
    }
    row
}

/// The compiled form of the first policy, its checksum made to match `body` again after a change.
fn resealed(bytes: Vec<u8>) -> Vec<u8> {
    match bytes.get(HEADER_BYTES..) {
        Some(body) => seal(body),
        None => bytes,
    }
}

fn refusal(bytes: &[u8]) -> String {
    match Policy::from_compiled(bytes) {
        Ok(_) => panic!("read bytes that should be refused"),
        Err(e) => {
            assert_eq!(e.issues()[0].code, Code::InvalidCompiled);
            e.issues()[0].message.clone()
        }
    }
}

#[test]
fn bytes_that_are_not_a_compiled_policy_are_refused_with_what_to_do() {
    let compiled = pairs()[0].0.to_compiled();
    assert!(refusal(b"{\"id\": \"json\"}").contains("not a compiled ordergate policy"));
    let mut other_format = compiled.clone();
    other_format[4] = 2;
    assert!(
        refusal(&other_format).contains("format 2, and this version of ordergate reads format 1")
    );
    let mut damaged = compiled.clone();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0x20;
    assert!(refusal(&damaged).contains("damaged or cut short"));
    assert!(refusal(&compiled[..compiled.len() - 1]).contains("damaged or cut short"));
    assert!(
        refusal(&resealed(compiled[..compiled.len() - 1].to_vec())).contains("malformed near byte")
    );
    let mut longer = compiled.clone();
    longer.push(0);
    assert!(refusal(&resealed(longer)).contains("malformed"));
}

/// A policy with as many dimensions, facts, attributes, roles, actions, effects and messages as the
/// loader accepts: its compiled form is read back within the same limits, and decides as it does.
#[test]
fn a_policy_at_every_count_limit_reads_back() {
    // The loader's limits (src/policy/limits.rs); one more fact is refused below.
    const MAX_DIMENSIONS: usize = 16;
    const MAX_FACTS: usize = 256;
    const MAX_ROLES: usize = 64;
    const MAX_ACTIONS: usize = 256;
    const MAX_MESSAGES: usize = 1_000;
    let named = |prefix: &str, count: usize, each: &dyn Fn(usize) -> Value| -> Value {
        Value::Object(
            (0..count)
                .map(|i| (format!("{prefix}{i}"), each(i)))
                .collect(),
        )
    };
    let doc = serde_json::json!({
        "ordergate": 1, "id": "widest", "version": "1", "languages": ["en"],
        "dimensions": named("d", MAX_DIMENSIONS, &|_| serde_json::json!({"statuses": {"s": {}, "t": {}}, "default": "s"})),
        "facts": named("f", MAX_FACTS, &|_| serde_json::json!({"type": "boolean", "optional": true})),
        "actorAttributes": named("a", MAX_FACTS, &|_| serde_json::json!({"type": "number"})),
        "roles": named("r", MAX_ROLES, &|_| serde_json::json!({})),
        "actions": named("x", MAX_ACTIONS, &|_| serde_json::json!({})),
        "effects": named("e", MAX_ACTIONS, &|_| serde_json::json!({"label": {"en": "E"}})),
        "messages": named("m", MAX_MESSAGES, &|_| serde_json::json!({"en": "M"})),
        "otherwise": {"reason": "m0"},
        "rules": [{"id": "last-fact", "action": "x255", "roles": ["r63"], "when": {"is": "f255"}, "outcome": "allowed", "effects": [{"emit": "e255"}]}]
    });
    let source = Policy::from_value(&doc).unwrap_or_else(|e| panic!("{:?}", &e.issues()[..1]));
    let read = Policy::from_compiled(&source.to_compiled()).unwrap_or_else(|e| panic!("{e}"));
    let request =
        r#"{"facts": {"f255": true}, "actor": {"role": "r63"}, "action": "x255", "now": 0}"#;
    let decided = ffi::decide_json(&read, request).unwrap();
    assert_eq!(decided, ffi::decide_json(&source, request).unwrap());
    assert!(decided.contains(r#""outcome":"allowed""#));
    // Conditions nested as deep as the loader accepts (12 levels: `all`, ten `not`s, `is`).
    let nested = |levels: usize| {
        let mut when = serde_json::json!({"is": "f255"});
        for _ in 2..levels {
            when = serde_json::json!({"not": when});
        }
        let mut deep = doc.clone();
        deep["rules"][0]["when"] = serde_json::json!({"all": [when]});
        Policy::from_value(&deep)
    };
    let deepest = nested(12).unwrap_or_else(|e| panic!("{:?}", &e.issues()[..1]));
    assert!(Policy::from_compiled(&deepest.to_compiled()).is_ok());
    assert_eq!(nested(13).unwrap_err().code(), Code::TooDeep);
    let mut past = doc.clone();
    past["facts"]["one_more"] = serde_json::json!({"type": "boolean"});
    assert_eq!(Policy::from_value(&past).unwrap_err().code(), Code::TooMany);
}

/// The engine module loads the built-in policies from policies/compiled/: each must be what
/// compiling its JSON gives. Rerun with `ORDERGATE_BLESS=1` to write them after a change.
#[test]
fn the_committed_compiled_builtins_are_current() {
    for name in ordergate::builtin_names() {
        let fresh = common::policy(name).to_compiled();
        let path = format!(
            "{}/policies/compiled/{name}.ogpc",
            env!("CARGO_MANIFEST_DIR")
        );
        if std::env::var_os("ORDERGATE_BLESS").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        }
        assert!(
            ordergate::builtin_compiled(name).unwrap() == fresh.as_slice(),
            "{path} is out of date: rerun with ORDERGATE_BLESS=1"
        );
    }
    assert_eq!(
        ordergate::builtin_compiled("shopify").unwrap_err().code(),
        Code::UnknownPolicy
    );
}

#[test]
fn a_compiled_policy_is_smaller_than_its_json() {
    for name in ordergate::builtin_names() {
        let compiled = common::policy(name).to_compiled().len();
        let json = ordergate::builtin_source(name).unwrap().len();
        assert!(
            compiled < json,
            "{name}: {compiled} bytes compiled, {json} as JSON"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// Changed bytes under a matching checksum (what a damaged file cannot do, but bytes made to
    /// deceive can) are refused, or read into a program that answers every question without
    /// panicking: every index it holds was checked.
    #[test]
    fn changed_bytes_are_refused_or_answer_without_panicking(
        which in 0usize..64,
        changes in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..6),
        seed in any::<u64>(),
    ) {
        let (source, _) = &pairs()[which % pairs().len()];
        let mut bytes = source.to_compiled();
        for (at, byte, how) in changes {
            let i = 13 + at.index(bytes.len() - 13);
            match how {
                0 => bytes[i] = byte,
                1 => bytes[i] ^= 1 << (byte % 8),
                2 => bytes.insert(i, byte),
                _ => { bytes.remove(i); }
            }
        }
        let Ok(read) = Policy::from_compiled(&resealed(bytes)) else {
            return Ok(());
        };
        let layout = read.layout();
        let _ = ffi::describe_json(&read);
        let _ = ffi::verdict_script(&read);
        let numbers = Rows::new(seed).rows(&layout, 40);
        for row in numbers.chunks(layout.row_length) {
            let _ = read.verdict_of_row(row);
            if let Some(request) = request(&layout, row) {
                let text = request.to_string();
                let _ = ffi::decide_json(&read, &text);
                let _ = ffi::available_json(&read, &text);
            }
        }
    }
}
