//! Replays the fuzzers' seed corpora and every input saved in fuzz/regressions/ with the same
//! checks as the fuzz targets, natively and without cargo-fuzz: what a fuzzer once found stays
//! fixed.

use std::fs;
use std::path::Path;

fn inputs(dirs: &[&str]) -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(entries) = fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            if let Ok(bytes) = fs::read(entry.path()) {
                out.push((entry.path().display().to_string(), bytes));
            }
        }
    }
    out
}

#[test]
fn policy_inputs_load_or_list_issues() {
    let found = inputs(&["fuzz/corpus/load_policy", "fuzz/regressions/load_policy"]);
    assert!(found.len() >= 6);
    for (name, bytes) in found {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        match ordergate::Policy::from_json(text) {
            Ok(policy) => {
                let _ = ordergate::ffi::available_json(
                    &policy,
                    r#"{"facts": {}, "actor": {"role": "r"}, "now": 0}"#,
                );
                let _ = ordergate::ffi::available_json(
                    &policy,
                    r#"{"facts": {"s": "a", "t": 253402300799999}, "actor": {"role": "r"}, "now": -62135596800000}"#,
                );
            }
            Err(e) => assert!(!e.issues().is_empty(), "{name}"),
        }
    }
}

#[test]
fn question_inputs_answer_the_same_twice() {
    let policies: Vec<_> = ordergate::builtin_names()
        .into_iter()
        .map(|n| ordergate::builtin(n).unwrap())
        .collect();
    let found = inputs(&["fuzz/corpus/decide", "fuzz/regressions/decide"]);
    assert!(found.len() >= 10);
    for (name, bytes) in found {
        let Some((&selector, rest)) = bytes.split_first() else {
            continue;
        };
        let Ok(text) = std::str::from_utf8(rest) else {
            continue;
        };
        let policy = &policies[selector as usize % policies.len()];
        let first = ordergate::ffi::decide_json(policy, text).map_err(|e| e.to_string());
        let second = ordergate::ffi::decide_json(policy, text).map_err(|e| e.to_string());
        assert_eq!(first, second, "{name}");
        let _ = ordergate::ffi::available_json(policy, text);
        let _ = ordergate::ffi::apply_json(policy, text);
    }
}

#[test]
fn compiled_inputs_read_or_are_refused() {
    let corpus = inputs(&["fuzz/corpus/load_compiled"]);
    assert_eq!(corpus.len(), ordergate::builtin_names().len());
    let regressions = inputs(&["fuzz/regressions/load_compiled"]);
    for (name, body) in corpus.iter().chain(&regressions) {
        match ordergate::Policy::from_compiled(&ordergate::compiled::seal(body)) {
            Ok(policy) => {
                let _ = ordergate::ffi::verdict_script(&policy);
                let _ = ordergate::ffi::available_json(
                    &policy,
                    r#"{"facts": {}, "actor": {"role": "seller"}, "now": 0}"#,
                );
            }
            Err(e) => {
                // The seed corpus is the built-in policies, compiled by this version.
                assert!(!name.contains("corpus"), "{name} is stale: {e}");
                assert_eq!(e.code(), ordergate::Code::InvalidCompiled, "{name}");
            }
        }
    }
}
