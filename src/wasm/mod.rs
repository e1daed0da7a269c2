//! The wasm-bindgen layer: a thin wrapper over [`crate::ffi`], built as two modules from this
//! crate. The engine module (the default build) reads compiled policies and decides; the full
//! module (`--features wasm-compiler`) is the engine with the compiler: it also reads JSON
//! policies, in place or into their compiled form. A page that ships its policies compiled
//! downloads the engine alone, without the JSON reader, validation and compiler that make up most
//! of the code; a Node process that reads JSON loads the full module alone, so that its policies
//! are not compiled in one instance and read back in another.
//!
//! JSON text crosses the boundary in both directions; errors cross as the JSON of
//! [`crate::ffi::error_json`], which the TypeScript SDK turns into a typed `OrdergateError`.
//! Nothing here decides anything.

mod allocator;
#[cfg(feature = "wasm-compiler")]
mod compiler;
mod policy;

use wasm_bindgen::JsValue;

fn thrown(error: &crate::Error) -> JsValue {
    JsValue::from_str(&crate::ffi::error_json(error))
}
