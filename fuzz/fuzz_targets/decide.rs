//! Any text as a question to every built-in policy: decide, available and apply answer or
//! return an error, never panic, and the same question gets the same answer twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ordergate::Code;
use std::sync::OnceLock;

fn policies() -> &'static Vec<ordergate::Policy> {
    static POLICIES: OnceLock<Vec<ordergate::Policy>> = OnceLock::new();
    POLICIES.get_or_init(|| ordergate::builtin_names().into_iter().filter_map(|n| ordergate::builtin(n).ok()).collect())
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let all = policies();
    let policy = &all[selector as usize % all.len()];
    let first = ordergate::ffi::decide_json(policy, text);
    let second = ordergate::ffi::decide_json(policy, text);
    assert_eq!(first.is_ok(), second.is_ok());
    if let (Ok(a), Ok(b)) = (&first, &second) {
        assert_eq!(a, b);
    }
    // The engine's own JSON reader agrees with serde_json: what serde_json refuses is NOT_JSON or
    // TOO_DEEP (or over the size limit), and what it reads gets the decision of the value it reads.
    match serde_json::from_str::<serde_json::Value>(text) {
        Err(_) => {
            let code = first.as_ref().err().map(|e| e.code());
            assert!(
                matches!(code, Some(Code::NotJson | Code::TooDeep | Code::TooLarge)),
                "serde_json refuses, we gave {code:?}"
            );
        }
        Ok(value) => match (&first, policy.decide(&value)) {
            (Ok(ours), Ok(theirs)) => assert_eq!(ours, &serde_json::to_string(&theirs).unwrap()),
            (Err(ours), Err(theirs)) => assert_eq!(ours, &theirs),
            (ours, theirs) => panic!("serde_json reads it; decided {:?}, from its value {:?}", ours.is_ok(), theirs.is_ok()),
        },
    }
    let _ = ordergate::ffi::available_json(policy, text);
    let _ = ordergate::ffi::apply_json(policy, text);
});
