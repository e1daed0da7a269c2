//! The wasm-bindgen layer: a thin wrapper over [`crate::ffi`]. JSON text crosses the boundary in
//! both directions; errors cross as the JSON of [`crate::ffi::error_json`], which the TypeScript
//! SDK turns into a typed `OrdergateError`. Nothing here decides anything.

use crate::{ffi, Policy};
use wasm_bindgen::prelude::*;

fn thrown(error: &crate::Error) -> JsValue {
    JsValue::from_str(&ffi::error_json(error))
}

/// A loaded policy.
#[wasm_bindgen(js_name = WasmPolicy)]
pub struct WasmPolicy {
    inner: Policy,
}

#[wasm_bindgen(js_class = WasmPolicy)]
impl WasmPolicy {
    /// Validates and compiles a policy from JSON text.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<WasmPolicy, JsValue> {
        Policy::from_json(text)
            .map(|inner| WasmPolicy { inner })
            .map_err(|e| thrown(&e))
    }

    /// A built-in policy by name.
    pub fn builtin(name: &str) -> Result<WasmPolicy, JsValue> {
        crate::builtin(name)
            .map(|inner| WasmPolicy { inner })
            .map_err(|e| thrown(&e))
    }

    /// Decides; request and answer are JSON text.
    pub fn decide(&self, request: &str) -> Result<String, JsValue> {
        ffi::decide_json(&self.inner, request).map_err(|e| thrown(&e))
    }

    /// Lists every action with its outcome; request and answer are JSON text.
    pub fn available(&self, request: &str) -> Result<String, JsValue> {
        ffi::available_json(&self.inner, request).map_err(|e| thrown(&e))
    }

    /// Applies a decision to facts; request and answer are JSON text.
    pub fn apply(&self, request: &str) -> Result<String, JsValue> {
        ffi::apply_json(&self.inner, request).map_err(|e| thrown(&e))
    }

    /// A JSON summary of the policy.
    pub fn describe(&self) -> String {
        ffi::describe_json(&self.inner)
    }
}

/// The names of the built-in policies, as a JSON array.
#[wasm_bindgen(js_name = builtinNames)]
pub fn builtin_names() -> String {
    serde_json::to_string(&crate::builtin_names()).unwrap_or_else(|_| "[]".into())
}

/// The JSON text of a built-in policy, or undefined.
#[wasm_bindgen(js_name = builtinSource)]
pub fn builtin_source(name: &str) -> Option<String> {
    crate::builtin_source(name).map(str::to_owned)
}
