//! The engine module's exports: compiled policies in, decisions out.

use super::thrown;
use crate::{ffi, Policy};
use wasm_bindgen::prelude::*;

/// A loaded policy.
#[wasm_bindgen(js_name = WasmPolicy)]
pub struct WasmPolicy {
    inner: Policy,
    /// Question rows, then verdicts: the SDK writes and reads them through a `Float64Array`.
    numbers: Vec<f64>,
}

impl WasmPolicy {
    fn new(inner: Policy) -> WasmPolicy {
        WasmPolicy {
            inner,
            numbers: Vec::new(),
        }
    }
}

#[wasm_bindgen(js_class = WasmPolicy)]
impl WasmPolicy {
    /// Reads a compiled policy (the full module's `compile`).
    #[wasm_bindgen(js_name = fromCompiled)]
    pub fn from_compiled(bytes: &[u8]) -> Result<WasmPolicy, JsValue> {
        Policy::from_compiled(bytes)
            .map(WasmPolicy::new)
            .map_err(|e| thrown(&e))
    }

    /// Validates and compiles a policy from JSON text, held in this instance (the full module
    /// only): no compiled copy written and read back.
    #[cfg(feature = "wasm-compiler")]
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<WasmPolicy, JsValue> {
        Policy::from_json(text)
            .map(WasmPolicy::new)
            .map_err(|e| thrown(&e))
    }

    /// A built-in policy by name, from its compiled form.
    pub fn builtin(name: &str) -> Result<WasmPolicy, JsValue> {
        crate::builtin_compiled(name)
            .and_then(Policy::from_compiled)
            .map(WasmPolicy::new)
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

    /// The layout of question rows, as JSON.
    pub fn layout(&self) -> String {
        ffi::layout_json(&self.inner)
    }

    /// Room for `count` question rows followed by their verdicts; returns the address of the
    /// first row in the module's memory (valid until the next call that allocates).
    pub fn rows(&mut self, count: usize) -> usize {
        let width = self.inner.layout_row_length() + ffi::VERDICT_WIDTH;
        let len = count.saturating_mul(width);
        if self.numbers.len() < len {
            self.numbers.resize(len, f64::NAN);
        }
        self.numbers.as_ptr() as usize
    }

    /// Decides the first `count` rows written at [`WasmPolicy::rows`]; the verdicts follow the
    /// rows. Returns how many were decided (the others must be asked through JSON).
    pub fn verdicts(&mut self, count: usize) -> usize {
        let split = count.saturating_mul(self.inner.layout_row_length());
        let end = split.saturating_add(count.saturating_mul(ffi::VERDICT_WIDTH));
        if end > self.numbers.len() {
            return 0;
        }
        let (rows, out) = self.numbers[..end].split_at_mut(split);
        ffi::verdict_rows(&self.inner, rows, out)
    }

    /// The body of the JavaScript function that decides rows without calling the module
    /// ([`ffi::verdict_script`]).
    #[wasm_bindgen(js_name = verdictScript)]
    pub fn verdict_script(&self) -> String {
        ffi::verdict_script(&self.inner)
    }

    /// The policy's id.
    pub fn id(&self) -> String {
        self.inner.id().to_owned()
    }

    /// The version the policy declares.
    pub fn version(&self) -> String {
        self.inner.version().to_owned()
    }

    /// `sha256:` and the hash of the policy's canonical JSON, computed when first asked.
    pub fn hash(&self) -> String {
        self.inner.hash().to_owned()
    }

    /// A JSON summary of the policy.
    pub fn describe(&self) -> String {
        ffi::describe_json(&self.inner)
    }
}

/// The names of the built-in policies, as a JSON array.
#[wasm_bindgen(js_name = builtinNames)]
pub fn builtin_names() -> String {
    crate::api::json::to_json(&crate::builtin_names())
}
