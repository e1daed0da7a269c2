//! Any bytes as the body of a compiled policy, under the magic, the format number and a checksum
//! that matches (so that the reader, not the checksum, is what the fuzzer explores): reading
//! returns a policy or INVALID_COMPILED, never panics, and a policy read answers questions.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ordergate::{compiled::seal, Code, Policy};

fuzz_target!(|body: &[u8]| {
    let bytes = seal(body);
    match Policy::from_compiled(&bytes) {
        Ok(policy) => {
            let _ = ordergate::ffi::layout_json(&policy);
            let _ = ordergate::ffi::verdict_script(&policy);
            let _ = ordergate::ffi::available_json(&policy, r#"{"facts": {}, "actor": {"role": "seller"}, "now": 0}"#);
            let row = vec![0.0; policy.layout_row_length()];
            let _ = policy.verdict_of_row(&row);
        }
        Err(e) => assert_eq!(e.code(), Code::InvalidCompiled),
    }
});
