//! The policy model and its loading from JSON: structure, types and limits. Name resolution and
//! the checks that need it happen in `compile`.

pub(crate) mod canonical;
pub(crate) mod conditions;
pub(crate) mod limits;
pub(crate) mod load;
pub mod model;
pub(crate) mod reader;

pub use limits::{MAX_DEPTH, MAX_POLICY_BYTES, MAX_REQUEST_BYTES};
