//! Any text as a policy: loading returns a policy or a list of issues, never panics, and a
//! loaded policy answers a question. The text is also read by serde_json, which the engine's own
//! JSON reader must agree with: where serde_json refuses the text the load fails as NOT_JSON or
//! TOO_DEEP, and where it reads a value the load gives what loading that value gives.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ordergate::{Code, Policy};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let loaded = Policy::from_json(text);
    match serde_json::from_str::<serde_json::Value>(text) {
        Err(_) => {
            let code = loaded.as_ref().err().map(|e| e.code());
            assert!(matches!(code, Some(Code::NotJson | Code::TooDeep)), "serde_json refuses, we gave {code:?}");
        }
        Ok(value) => match (&loaded, Policy::from_value(&value)) {
            (Ok(ours), Ok(theirs)) => assert_eq!(ours.hash(), theirs.hash()),
            (Err(ours), Err(theirs)) => assert_eq!(ours.issues(), theirs.issues()),
            (ours, theirs) => panic!("serde_json reads it; loaded {:?}, from its value {:?}", ours.is_ok(), theirs.is_ok()),
        },
    }
    match loaded {
        Ok(policy) => {
            let _ = ordergate::ffi::available_json(&policy, r#"{"facts": {}, "actor": {"role": "x"}, "now": 0}"#);
        }
        Err(e) => assert!(!e.issues().is_empty()),
    }
});
