//! Evaluation: reading a question's inputs, deciding, listing the available actions, applying a
//! decision.

pub(crate) mod apply;
pub(crate) mod choose;
pub(crate) mod condition;
pub(crate) mod decide;
pub(crate) mod input;
pub(crate) mod javascript;
pub(crate) mod json;
pub(crate) mod numbers;
pub(crate) mod values;
pub(crate) mod verdict;
