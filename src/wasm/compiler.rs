//! The full module's compiler exports: JSON policies in, compiled policies out.

use super::thrown;
use crate::Policy;
use wasm_bindgen::prelude::*;

/// Validates and compiles a policy from JSON text into the bytes the engine module reads.
#[wasm_bindgen]
pub fn compile(text: &str) -> Result<Vec<u8>, JsValue> {
    Policy::from_json(text)
        .map(|policy| policy.to_compiled())
        .map_err(|e| thrown(&e))
}

/// The JSON text of a built-in policy, or undefined.
#[wasm_bindgen(js_name = builtinSource)]
pub fn builtin_source(name: &str) -> Option<String> {
    crate::builtin_source(name).map(str::to_owned)
}
