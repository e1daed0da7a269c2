//! Any text as a question to every built-in policy: decide, available and apply answer or
//! return an error, never panic, and the same question gets the same answer twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
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
    let _ = ordergate::ffi::available_json(policy, text);
    let _ = ordergate::ffi::apply_json(policy, text);
});
