//! The compiled form of a policy: every name resolved to an index, statuses as bits, roles as a
//! mask, rules grouped per action. Deciding reads only this.

use super::name_index::NameIndex;
pub(crate) use super::shortlist::{Candidate, Shortlist};
use crate::money::Currency;
use crate::policy::model::{CompareOp, Edge, Outcome, Text, WindowKind};
use crate::time::{Calendar, Duration, Timestamp};
use std::sync::Arc;

pub(crate) type Slot = u16;

/// Numbers before the facts in a question row: action, role, now.
pub(crate) const ROW_HEADER: usize = 3;

/// A value as the engine holds it. The type is known from the slot, so money carries no currency
/// here and statuses are indexes into their domain.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    Bool(bool),
    Int(i64),
    Num(f64),
    Money(i64),
    Time(Timestamp),
    /// A thin pointer (`Arc<String>`, not `Arc<str>`): a value is 16 bytes, not 24, and a
    /// prepared question's values take two cache lines fewer; texts are rare and read through it.
    Str(Arc<String>),
    Status(u8),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ty {
    Boolean,
    Counter,
    Number,
    Money(Currency),
    Timestamp,
    String,
    /// A status or enum value, from domain `n`.
    Domain(u16),
}

/// The closed set of values of a dimension or an enum.
#[derive(Debug, Clone)]
pub(crate) struct Domain {
    pub name: String,
    pub labels: Vec<Text>,
    /// The ids by position, and each id's position.
    pub index: NameIndex,
}

impl Domain {
    /// The status (or enum value) ids, in declaration order.
    pub fn ids(&self) -> &[String] {
        self.index.as_slice()
    }

    /// The index of status (or enum value) `id`.
    pub fn status(&self, id: &str) -> Option<u8> {
        self.index.get(id).and_then(|i| u8::try_from(i).ok())
    }
}

#[derive(Debug, Clone)]
pub(crate) struct FactSlot {
    pub name: String,
    pub ty: Ty,
    pub optional: bool,
    pub default: Option<Val>,
    /// A status dimension (shown in `nextState`).
    pub is_dimension: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Role {
    pub name: String,
}

#[derive(Debug, Clone)]
pub(crate) struct Param {
    pub name: String,
    pub ty: Ty,
}

#[derive(Debug, Clone)]
pub(crate) struct Limit {
    pub counter: Slot,
    pub max: u32,
    pub reason: u16,
}

#[derive(Debug, Clone)]
pub(crate) struct Otherwise {
    pub reason: u16,
    pub alternatives: Vec<Alternative>,
}

#[derive(Debug, Clone)]
pub(crate) struct Action {
    pub name: String,
    pub label: Text,
    pub params: Vec<Param>,
    pub limit: Option<Limit>,
    pub otherwise: Option<Otherwise>,
    /// A message to confirm before taking the action.
    pub confirm: Option<u16>,
    pub irreversible: bool,
    /// Indexes into `Program::rules`, in document order: the first that matches wins.
    pub rules: Vec<u32>,
    /// The same rules, narrowed by role and status for verdicts.
    pub shortlist: Shortlist,
}

#[derive(Debug, Clone)]
pub(crate) struct EffectKind {
    pub name: String,
    pub label: Text,
    pub args: Vec<Param>,
}

#[derive(Debug, Clone)]
pub(crate) enum Operand {
    Fact(Slot),
    Param(u8),
    ActorId,
    ActorAttr(u16),
    Const(Val),
}

#[derive(Debug, Clone)]
pub(crate) enum Cond {
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    In {
        slot: Slot,
        mask: u128,
    },
    Is(Slot),
    Present(Slot),
    Compare {
        op: CompareOp,
        left: Operand,
        right: Operand,
    },
    Window {
        kind: WindowKind,
        slot: Slot,
        duration: Duration,
        edge: Edge,
    },
}

impl Cond {
    /// Whether a time window is part of it: only then can the instant change its value.
    pub(crate) fn has_window(&self) -> bool {
        match self {
            Cond::All(items) | Cond::Any(items) => items.iter().any(Cond::has_window),
            Cond::Not(inner) => inner.has_window(),
            Cond::Window { .. } => true,
            _ => false,
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) enum Effect {
    Set(Slot, Operand),
    Stamp(Slot),
    Clear(Slot),
    Increment(Slot),
    Emit { kind: u16, args: Vec<(u8, Operand)> },
}

#[derive(Debug, Clone)]
pub(crate) enum AlternativeKind {
    Action(u16),
    Contact(String),
    WaitFor(Slot, u8),
}

#[derive(Debug, Clone)]
pub(crate) struct Alternative {
    pub kind: AlternativeKind,
    pub message: u16,
    pub when: Option<Cond>,
}

#[derive(Debug, Clone)]
pub(crate) struct AutoDecide {
    pub from: Option<Slot>,
    pub after: Duration,
    pub outcome: Outcome,
}

#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub id: String,
    pub action: u16,
    /// Bit `n` set: role `n` may match. All bits: every role.
    pub roles: u64,
    pub when: Option<Cond>,
    pub outcome: Outcome,
    pub approver: Option<u16>,
    pub reason: Option<u16>,
    pub requires: Vec<u8>,
    /// Effects with the condition under which each takes place.
    pub effects: Vec<(Effect, Option<Cond>)>,
    pub alternatives: Vec<Alternative>,
    pub auto_decide: Option<AutoDecide>,
}

/// Numbers in a question row: the header, one per fact and attribute, and room for the most
/// parameters of any action.
pub(crate) fn row_length(facts: &[FactSlot], attributes: &[Param], actions: &[Action]) -> usize {
    let max_params = actions.iter().map(|a| a.params.len()).max().unwrap_or(0);
    ROW_HEADER + facts.len() + attributes.len() + max_params
}

/// Everything a decision needs, resolved.
#[derive(Debug, Clone)]
pub(crate) struct Program {
    pub languages: Vec<String>,
    pub calendar: Calendar,
    pub domains: Vec<Domain>,
    pub facts: Vec<FactSlot>,
    pub fact_index: NameIndex,
    pub roles: Vec<Role>,
    pub role_index: NameIndex,
    pub attributes: Vec<Param>,
    pub attribute_index: NameIndex,
    pub actions: Vec<Action>,
    pub action_index: NameIndex,
    pub effect_kinds: Vec<EffectKind>,
    pub messages: Vec<(String, Text)>,
    pub otherwise: Otherwise,
    pub rules: Vec<Rule>,
    /// Numbers in a question row: header, facts, attributes, the most parameters of any action.
    pub row_length: usize,
}
