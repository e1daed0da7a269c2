//! # ordergate
//!
//! A rule engine for order-cancellation and eligibility decisions. A policy is a JSON document
//! (statuses, roles, actions, rules, calendar, messages); ordergate validates it once, compiles it,
//! and then answers, for one order, one actor and one moment:
//!
//! - may this actor do this action now, or only after approval (by whom), or not at all (why,
//!   and what to do instead)?
//! - what does it change (statuses, invoice, payment, airway bill, balance)?
//! - which window or deadline bounds the answer?
//!
//! The same crate runs natively and, through `wasm-bindgen`, in Node and browsers, with
//! byte-identical answers.
//!
//! ```
//! use serde_json::json;
//!
//! let policy = ordergate::builtin("dropi").unwrap();
//! let decision = policy.decide(&json!({
//!     "facts": {"status": "por_alistar"},
//!     "actor": {"role": "dropshipper"},
//!     "action": "cancel",
//!     "now": "2026-03-02T10:00:00-05:00"
//! })).unwrap();
//! assert_eq!(decision.outcome, ordergate::Outcome::Denied);
//! assert_eq!(decision.alternatives[0].contact.as_deref(), Some("supplier"));
//! ```
//!
//! Data flows one way: JSON policy ([`policy`]) -> validated model -> compiled program
//! (`compile`) -> decision (`eval`, [`Decision`]). `now` is always an input: the engine never
//! reads a clock. The policy language is described in docs/policy-language.md.

#![warn(missing_docs)]
// Without the compiler, the loader's code stays in the source but out of the build's reach.
#![cfg_attr(not(feature = "compiler"), allow(dead_code, unused_imports))]

pub mod api;
mod builtin;
mod compile;
pub mod compiled;
mod engine;
mod error;
mod eval;
pub mod ffi;
mod heapsort;
mod json_parse;
mod json_text;
mod leb128;
pub mod money;
pub mod policy;
#[cfg(feature = "compiler")]
pub mod reference;
pub mod time;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use api::{Decision, Layout, Outcome};
#[cfg(feature = "compiler")]
pub use builtin::{builtin, builtin_source};
pub use builtin::{builtin_compiled, builtin_names};
pub use engine::Policy;
pub use error::{Code, Error, Issue};
pub use eval::verdict::{Prepared, Verdict};
pub use money::{Currency, Money};
pub use time::{zone_names, Calendar, Duration, Timestamp, UnknownZone, Zone};
