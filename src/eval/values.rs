//! Where conditions read a question's values: a question read from JSON ([`Asked`]), or a row of
//! numbers read in place ([`super::numbers::RowValues`]). One evaluator serves both, so the fast
//! path cannot drift from the full decision.

use super::input::{ActorInput, FactValues};
use crate::compile::program::{Slot, Val};
use crate::time::Timestamp;
use std::sync::Arc;

/// A value as a condition reads it: text borrowed from where it is held, so that reading a value
/// copies a few bytes and never touches a reference count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum ValRef<'a> {
    Bool(bool),
    Int(i64),
    Num(f64),
    Money(i64),
    Time(Timestamp),
    Str(&'a str),
    Status(u8),
}

impl Val {
    /// The value as conditions read it.
    pub(crate) fn as_ref(&self) -> ValRef<'_> {
        match self {
            Val::Bool(b) => ValRef::Bool(*b),
            Val::Int(n) => ValRef::Int(*n),
            Val::Num(n) => ValRef::Num(*n),
            Val::Money(n) => ValRef::Money(*n),
            Val::Time(t) => ValRef::Time(*t),
            Val::Str(s) => ValRef::Str(s),
            Val::Status(s) => ValRef::Status(*s),
        }
    }
}

impl ValRef<'_> {
    /// The value to keep (a fact an effect sets, an argument an effect carries).
    pub(crate) fn to_val(self) -> Val {
        match self {
            ValRef::Bool(b) => Val::Bool(b),
            ValRef::Int(n) => Val::Int(n),
            ValRef::Num(n) => Val::Num(n),
            ValRef::Money(n) => Val::Money(n),
            ValRef::Time(t) => Val::Time(t),
            ValRef::Str(s) => Val::Str(Arc::new(s.to_owned())),
            ValRef::Status(s) => Val::Status(s),
        }
    }
}

/// The values of one question, by slot. Absent values (and defaults already applied) are the
/// source's business; a condition only sees `Some` or `None`.
pub(crate) trait Values {
    /// A fact, its default applied when the question did not give it.
    fn fact(&self, slot: Slot) -> Option<ValRef<'_>>;
    /// A parameter of the action asked about.
    fn param(&self, index: u8) -> Option<ValRef<'_>>;
    /// An attribute of the actor.
    fn attribute(&self, index: u16) -> Option<ValRef<'_>>;
    /// The actor's id, as a string value.
    fn actor_id(&self) -> Option<ValRef<'_>>;
}

/// A question read from JSON: every value already converted.
pub(crate) struct Asked<'a> {
    pub facts: &'a FactValues,
    pub actor: &'a ActorInput,
    pub params: &'a [Option<Val>],
}

impl Values for Asked<'_> {
    fn fact(&self, slot: Slot) -> Option<ValRef<'_>> {
        self.facts.0.get(slot as usize)?.as_ref().map(Val::as_ref)
    }

    fn param(&self, index: u8) -> Option<ValRef<'_>> {
        self.params.get(index as usize)?.as_ref().map(Val::as_ref)
    }

    fn attribute(&self, index: u16) -> Option<ValRef<'_>> {
        self.actor
            .attributes
            .get(index as usize)?
            .as_ref()
            .map(Val::as_ref)
    }

    fn actor_id(&self) -> Option<ValRef<'_>> {
        self.actor.id.as_ref().map(Val::as_ref)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_two_words_and_absence_costs_nothing() {
        // A prepared question holds one per fact: 24 bytes each (a text as `Arc<str>`) made the
        // native verdict over varied questions about 9% slower.
        assert_eq!(std::mem::size_of::<Val>(), 2 * std::mem::size_of::<u64>());
        assert_eq!(
            std::mem::size_of::<Option<Val>>(),
            std::mem::size_of::<Val>()
        );
    }
}
