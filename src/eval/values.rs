//! Where conditions read a question's values: a question read from JSON ([`Asked`]), or a row of
//! numbers read in place ([`super::numbers::RowValues`]). One evaluator serves both, so the fast
//! path cannot drift from the full decision.

use super::input::{ActorInput, FactValues};
use crate::compile::program::{Slot, Val};

/// The values of one question, by slot. Absent values (and defaults already applied) are the
/// source's business; a condition only sees `Some` or `None`.
pub(crate) trait Values {
    /// A fact, its default applied when the question did not give it.
    fn fact(&self, slot: Slot) -> Option<Val>;
    /// A parameter of the action asked about.
    fn param(&self, index: u8) -> Option<Val>;
    /// An attribute of the actor.
    fn attribute(&self, index: u16) -> Option<Val>;
    /// The actor's id, as a string value.
    fn actor_id(&self) -> Option<Val>;
}

/// A question read from JSON: every value already converted.
pub(crate) struct Asked<'a> {
    pub facts: &'a FactValues,
    pub actor: &'a ActorInput,
    pub params: &'a [Option<Val>],
}

impl Values for Asked<'_> {
    fn fact(&self, slot: Slot) -> Option<Val> {
        self.facts.0.get(slot as usize)?.clone()
    }

    fn param(&self, index: u8) -> Option<Val> {
        self.params.get(index as usize)?.clone()
    }

    fn attribute(&self, index: u16) -> Option<Val> {
        self.actor.attributes.get(index as usize)?.clone()
    }

    fn actor_id(&self) -> Option<Val> {
        self.actor.id.clone()
    }
}
