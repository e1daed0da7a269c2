//! The boundary types: what a decision looks like to every caller (Rust, the WASM binding, the
//! TypeScript SDK). The TypeScript declarations in pkg-template/src/generated/ are generated from
//! these types by `cargo test`, and a test fails when they are out of date.

mod decision;
pub(crate) mod json;
mod layout;

pub use decision::*;
pub use layout::*;
