//! Any text as a policy: loading returns a policy or a list of issues, never panics, and a
//! loaded policy answers a question.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match ordergate::Policy::from_json(text) {
        Ok(policy) => {
            let _ = ordergate::ffi::available_json(&policy, r#"{"facts": {}, "actor": {"role": "x"}, "now": 0}"#);
        }
        Err(e) => assert!(!e.issues().is_empty()),
    }
});
