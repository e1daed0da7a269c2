//! The policy model: the document as written, read into types but with names not yet resolved.
//! `load` builds it from JSON; `compile` resolves it into indexes. docs/policy-language.md
//! describes the JSON form field by field.

use crate::money::Currency;
use crate::time::Duration;
use chrono::{NaiveDate, Weekday};
use chrono_tz::Tz;

/// Text per language, in document order: `[("es", "Pendiente"), ("en", "Pending")]`.
pub type Text = Vec<(String, String)>;

/// A whole policy document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub id: String,
    pub version: String,
    pub name: Text,
    pub description: Option<String>,
    /// Declared languages; the first is the default.
    pub languages: Vec<String>,
    pub calendar: CalendarDoc,
    pub dimensions: Vec<(String, DimensionDoc)>,
    pub facts: Vec<(String, FactDoc)>,
    pub roles: Vec<(String, Text)>,
    pub actor_attributes: Vec<(String, ValueType)>,
    pub actions: Vec<(String, ActionDoc)>,
    pub effects: Vec<(String, EffectDecl)>,
    pub messages: Vec<(String, Text)>,
    /// `None` only in a document with problems (the field is required).
    pub otherwise: Option<OtherwiseDoc>,
    pub rules: Vec<RuleDoc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CalendarDoc {
    pub zone: Tz,
    pub weekend: Vec<Weekday>,
    pub holidays: Vec<NaiveDate>,
}

/// A status dimension (order, logistics, payment, request...): a closed set of statuses.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionDoc {
    pub label: Text,
    pub statuses: Vec<(String, Text)>,
    /// The status assumed when the facts do not name one.
    pub default: Option<String>,
}

/// The type of a fact, parameter, actor attribute or effect argument.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueType {
    Boolean,
    /// A non-negative whole number.
    Counter,
    /// A finite number (a score, a weight). Never used for money.
    Number,
    Money(Currency),
    Timestamp,
    String,
    /// One of a closed list of ids.
    Enum(Vec<String>),
    /// One status of a dimension (facts only; every dimension is a fact of this type).
    Status(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct FactDoc {
    pub ty: ValueType,
    pub label: Text,
    /// May be absent (or null) in the facts.
    pub optional: bool,
    /// The value taken when the facts do not give one.
    pub default: Option<serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActionDoc {
    pub label: Text,
    pub params: Vec<(String, ValueType)>,
    pub limit: Option<LimitDoc>,
    pub otherwise: Option<OtherwiseDoc>,
    /// A message the user must confirm before the action is taken.
    pub confirm: Option<String>,
    /// The action cannot be undone (deleting an order, for example).
    pub irreversible: bool,
}

/// "Only n times": the action is denied once the counter reaches `max`; applying it adds one.
#[derive(Debug, Clone, PartialEq)]
pub struct LimitDoc {
    pub counter: String,
    pub max: u32,
    pub reason: String,
}

/// What a denial says when no rule matches.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherwiseDoc {
    pub reason: String,
    pub alternatives: Vec<AlternativeDoc>,
}

/// A named effect the policy may emit (invoice cancelled, balance debited...).
#[derive(Debug, Clone, PartialEq)]
pub struct EffectDecl {
    pub label: Text,
    pub args: Vec<(String, ValueType)>,
}

pub use crate::api::Outcome;

#[derive(Debug, Clone, PartialEq)]
pub struct RuleDoc {
    pub id: String,
    pub action: String,
    /// `None`: every role.
    pub roles: Option<Vec<String>>,
    pub when: Option<Condition>,
    pub outcome: Outcome,
    pub approver: Option<String>,
    pub reason: Option<String>,
    pub requires: Vec<String>,
    pub effects: Vec<EffectDoc>,
    pub alternatives: Vec<AlternativeDoc>,
    pub auto_decide: Option<AutoDecideDoc>,
    /// Free text for documentation, such as the source article's words.
    pub note: Option<String>,
}

/// A deadline after which a pending decision is taken by the system.
#[derive(Debug, Clone, PartialEq)]
pub struct AutoDecideDoc {
    /// The timestamp fact it counts from; `None` counts from `now`.
    pub from: Option<String>,
    pub after: Duration,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowKind {
    /// True while `now` is not past `since + duration`.
    Within,
    /// True once `now` has reached `since + duration`.
    Elapsed,
}

/// Whether the instant `since + duration` itself belongs to the window (or counts as elapsed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    Inclusive,
    Exclusive,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    In {
        fact: String,
        values: Vec<String>,
    },
    Is(String),
    Present(String),
    Compare {
        op: CompareOp,
        left: Operand,
        right: Operand,
    },
    Window {
        kind: WindowKind,
        since: String,
        duration: Duration,
        edge: Edge,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    Fact(String),
    Param(String),
    Actor(String),
    Money(i64, Currency),
    Literal(serde_json::Value),
}

#[derive(Debug, Clone, PartialEq)]
pub enum EffectDoc {
    /// Set facts (statuses included) to values.
    Set(Vec<(String, Operand)>),
    /// Set a timestamp fact to `now`.
    Stamp(String),
    /// Make an optional fact absent.
    Clear(String),
    /// Add one to a counter.
    Increment(String),
    /// A named effect with arguments.
    Emit {
        name: String,
        args: Vec<(String, Operand)>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum AlternativeKind {
    Action(String),
    Contact(String),
    WaitFor { fact: String, status: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct AlternativeDoc {
    pub kind: AlternativeKind,
    pub message: String,
    pub when: Option<Condition>,
}
