//! The wasm-bindgen layer: a thin wrapper over [`crate::ffi`], built as two modules from this
//! crate. The engine module (the default build) reads compiled policies and decides; the compiler
//! module (`--features wasm-compiler`) reads JSON policies and writes their compiled form. A page
//! that ships its policies compiled downloads the engine alone, without the JSON reader,
//! validation and compiler that make up most of the code.
//!
//! JSON text crosses the boundary in both directions; errors cross as the JSON of
//! [`crate::ffi::error_json`], which the TypeScript SDK turns into a typed `OrdergateError`.
//! Nothing here decides anything.

mod allocator;
#[cfg(feature = "wasm-compiler")]
mod compiler;
#[cfg(not(feature = "wasm-compiler"))]
mod policy;

use wasm_bindgen::JsValue;

fn thrown(error: &crate::Error) -> JsValue {
    JsValue::from_str(&crate::ffi::error_json(error))
}
