//! The policy model: the document as written, read into types but with names not yet resolved.
//! `load` builds it from JSON; `compile` resolves it into indexes. docs/policy-language.md
//! describes the JSON form field by field.

use crate::money::Currency;
use crate::time::Duration;
use crate::time::Zone;
use chrono::{NaiveDate, Weekday};

/// Text per language, in document order: `[("es", "Pendiente"), ("en", "Pending")]`.
pub type Text = Vec<(String, String)>;

/// A whole policy document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The policy id.
    pub id: String,
    /// The version it declares.
    pub version: String,
    /// Display name per language.
    pub name: Text,
    /// Free description.
    pub description: Option<String>,
    /// Declared languages; the first is the default.
    pub languages: Vec<String>,
    /// Time zone, weekend and holidays.
    pub calendar: CalendarDoc,
    /// Status dimensions by id, in document order.
    pub dimensions: Vec<(String, DimensionDoc)>,
    /// Other facts by name.
    pub facts: Vec<(String, FactDoc)>,
    /// Roles by id, with labels.
    pub roles: Vec<(String, Text)>,
    /// Declared actor attributes.
    pub actor_attributes: Vec<(String, ValueType)>,
    /// Actions by id.
    pub actions: Vec<(String, ActionDoc)>,
    /// Named effects by id.
    pub effects: Vec<(String, EffectDecl)>,
    /// Messages by code.
    pub messages: Vec<(String, Text)>,
    /// `None` only in a document with problems (the field is required).
    pub otherwise: Option<OtherwiseDoc>,
    /// The rules, in order.
    pub rules: Vec<RuleDoc>,
}

/// The calendar of a policy.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarDoc {
    /// The IANA time zone.
    pub zone: Zone,
    /// Non-working days of the week.
    pub weekend: Vec<Weekday>,
    /// Non-working dates.
    pub holidays: Vec<NaiveDate>,
}

/// A status dimension (order, logistics, payment, request...): a closed set of statuses.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionDoc {
    /// Display label.
    pub label: Text,
    /// Status ids with their labels, in document order.
    pub statuses: Vec<(String, Text)>,
    /// The status assumed when the facts do not name one.
    pub default: Option<String>,
}

/// The type of a fact, parameter, actor attribute or effect argument.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueType {
    /// True or false.
    Boolean,
    /// A non-negative whole number.
    Counter,
    /// A finite number (a score, a weight). Never used for money.
    Number,
    /// Integer minor units in a currency.
    Money(Currency),
    /// An instant.
    Timestamp,
    /// Text.
    String,
    /// One of a closed list of ids.
    Enum(Vec<String>),
    /// One status of a dimension (facts only; every dimension is a fact of this type).
    Status(String),
}

/// A fact declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct FactDoc {
    /// Its type.
    pub ty: ValueType,
    /// Display label (may be empty).
    pub label: Text,
    /// May be absent (or null) in the facts.
    pub optional: bool,
    /// The value taken when the facts do not give one.
    pub default: Option<serde_json::Value>,
}

/// An action declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionDoc {
    /// Display label.
    pub label: Text,
    /// Typed parameters.
    pub params: Vec<(String, ValueType)>,
    /// "Only n times".
    pub limit: Option<LimitDoc>,
    /// The denial when no rule matches (else the policy's).
    pub otherwise: Option<OtherwiseDoc>,
    /// A message the user must confirm before the action is taken.
    pub confirm: Option<String>,
    /// The action cannot be undone (deleting an order, for example).
    pub irreversible: bool,
}

/// "Only n times": the action is denied once the counter reaches `max`; applying it adds one.
#[derive(Debug, Clone, PartialEq)]
pub struct LimitDoc {
    /// The counter fact.
    pub counter: String,
    /// How many times.
    pub max: u32,
    /// The message code of the denial.
    pub reason: String,
}

/// What a denial says when no rule matches.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherwiseDoc {
    /// The message code.
    pub reason: String,
    /// What to do instead.
    pub alternatives: Vec<AlternativeDoc>,
}

/// A named effect the policy may emit (invoice cancelled, balance debited...).
#[derive(Debug, Clone, PartialEq)]
pub struct EffectDecl {
    /// Display label.
    pub label: Text,
    /// Typed arguments.
    pub args: Vec<(String, ValueType)>,
}

pub use crate::api::Outcome;

/// A rule.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleDoc {
    /// Its id.
    pub id: String,
    /// The action it decides.
    pub action: String,
    /// `None`: every role.
    pub roles: Option<Vec<String>>,
    /// Its condition; `None`: always.
    pub when: Option<Condition>,
    /// The outcome when it matches.
    pub outcome: Outcome,
    /// The approving role, for `approval_required`.
    pub approver: Option<String>,
    /// The message code given as the reason.
    pub reason: Option<String>,
    /// Parameters the action must be given.
    pub requires: Vec<String>,
    /// What applying the decision changes.
    pub effects: Vec<GuardedEffect>,
    /// What else to do.
    pub alternatives: Vec<AlternativeDoc>,
    /// A deadline after which the system decides.
    pub auto_decide: Option<AutoDecideDoc>,
    /// Free text for documentation, such as the source article's words.
    pub note: Option<String>,
}

/// A deadline after which a pending decision is taken by the system.
#[derive(Debug, Clone, PartialEq)]
pub struct AutoDecideDoc {
    /// The timestamp fact it counts from; `None` counts from `now`.
    pub from: Option<String>,
    /// How long after.
    pub after: Duration,
    /// The outcome the system applies then.
    pub outcome: Outcome,
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    /// Equal.
    Eq,
    /// Not equal.
    Ne,
    /// Less than.
    Lt,
    /// Less than or equal.
    Le,
    /// Greater than.
    Gt,
    /// Greater than or equal.
    Ge,
}

impl CompareOp {
    /// The operator's key in the JSON form: `eq`, `ne`, `lt`, `le`, `gt`, `ge`.
    pub fn keyword(self) -> &'static str {
        match self {
            CompareOp::Eq => "eq",
            CompareOp::Ne => "ne",
            CompareOp::Lt => "lt",
            CompareOp::Le => "le",
            CompareOp::Gt => "gt",
            CompareOp::Ge => "ge",
        }
    }
}

/// The two kinds of time window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowKind {
    /// True while `now` is not past `since + duration`.
    Within,
    /// True once `now` has reached `since + duration`.
    Elapsed,
}

impl WindowKind {
    /// The condition's key in the JSON form: `within` or `elapsed`.
    pub fn keyword(self) -> &'static str {
        match self {
            WindowKind::Within => "within",
            WindowKind::Elapsed => "elapsed",
        }
    }
}

/// Whether the instant `since + duration` itself belongs to the window (or counts as elapsed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// The end instant belongs to the window.
    Inclusive,
    /// It does not.
    Exclusive,
}

/// A condition (see docs/policy-language.md).
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// Every one holds.
    All(Vec<Condition>),
    /// At least one holds.
    Any(Vec<Condition>),
    /// It does not hold.
    Not(Box<Condition>),
    /// The status or enum fact is one of the values.
    In {
        /// The fact.
        fact: String,
        /// The allowed ids.
        values: Vec<String>,
    },
    /// The boolean fact is true.
    Is(String),
    /// The optional fact is given.
    Present(String),
    /// A comparison.
    Compare {
        /// The operator.
        op: CompareOp,
        /// Left operand.
        left: Operand,
        /// Right operand.
        right: Operand,
    },
    /// A time window from a timestamp fact.
    Window {
        /// Within or elapsed.
        kind: WindowKind,
        /// The timestamp fact.
        since: String,
        /// The window's length.
        duration: Duration,
        /// Whether the end instant counts.
        edge: Edge,
    },
}

/// What a comparison or an assignment reads.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// A fact.
    Fact(String),
    /// A parameter of the action.
    Param(String),
    /// `id` or an actor attribute.
    Actor(String),
    /// A money literal.
    Money(i64, Currency),
    /// A number, string or boolean, typed by the other side.
    Literal(serde_json::Value),
}

/// An effect that takes place only when its condition holds (always without one).
#[derive(Debug, Clone, PartialEq)]
pub struct GuardedEffect {
    /// The effect.
    pub effect: EffectDoc,
    /// When it takes place.
    pub when: Option<Condition>,
}

/// An effect of a rule.
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
        /// The effect id.
        name: String,
        /// Its arguments.
        args: Vec<(String, Operand)>,
    },
}

/// What an alternative points to.
#[derive(Debug, Clone, PartialEq)]
pub enum AlternativeKind {
    /// Another action.
    Action(String),
    /// A party to contact.
    Contact(String),
    /// A status to wait for.
    WaitFor {
        /// The status fact.
        fact: String,
        /// The status id.
        status: String,
    },
}

/// An alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct AlternativeDoc {
    /// What it points to.
    pub kind: AlternativeKind,
    /// Its message code.
    pub message: String,
    /// Kept only when this holds.
    pub when: Option<Condition>,
}
