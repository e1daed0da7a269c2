use serde::{Deserialize, Serialize};

/// The answer to "may this actor do this action with this order now?".
///
/// Produced by [`crate::Policy::decide`]; serialized to JSON it is byte-identical in every runtime.
///
/// ```
/// let policy = ordergate::builtin("dropi").unwrap();
/// let decision = policy.decide(&serde_json::json!({
///     "facts": {"status": "pendiente"},
///     "actor": {"role": "dropshipper"},
///     "action": "cancel",
///     "now": "2026-03-02T10:00:00-05:00"
/// })).unwrap();
/// assert_eq!(decision.outcome, ordergate::Outcome::Allowed);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Decision.ts"))]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    /// The policy that decided: id, version and content hash.
    pub policy: PolicyStamp,
    /// The action asked about.
    pub action: String,
    /// Its display label in the answer's language.
    pub label: String,
    /// The actor's role.
    pub role: String,
    /// Allowed, allowed after approval, or denied.
    pub outcome: Outcome,
    /// The role that must approve, when the outcome is `approval_required`.
    pub approver: Option<String>,
    /// The id of the rule that decided (none when no rule matched or a limit was reached).
    pub rule: Option<String>,
    /// Why, with stable codes and messages in the answer's language.
    pub reasons: Vec<Reason>,
    /// Parameters the action must be given (by the chosen rule).
    pub requires: Vec<String>,
    /// When not denied: what the user must confirm before the action is taken.
    pub confirm: Option<Reason>,
    /// The action cannot be undone.
    pub irreversible: bool,
    /// Fact changes, in order, that applying the decision makes.
    pub changes: Vec<Change>,
    /// Named effects (invoice cancelled, balance debited...) with their arguments.
    pub effects: Vec<NamedEffect>,
    /// Every status dimension after the changes.
    #[cfg_attr(test, ts(type = "Record<string, string>"))]
    pub next_state: serde_json::Map<String, serde_json::Value>,
    /// What to do instead, when denied (or what else is possible).
    pub alternatives: Vec<Alternative>,
    /// The last instant at which this answer still holds, when time can change it.
    pub valid_until: Option<String>,
    /// When a pending request will be decided by the system, and how.
    pub auto_decision: Option<AutoDecision>,
    /// Chances left (before this action) where a counter limits the action.
    pub remaining_chances: Option<u32>,
    /// The `now` the decision was taken at, in the policy's time zone.
    pub at: String,
    /// The language of the messages and labels.
    pub language: String,
    /// Every check consulted, in order, and what it found.
    pub trace: Vec<TraceStep>,
}

/// Identifies the exact policy that took a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Decision.ts"))]
pub struct PolicyStamp {
    /// The policy id.
    pub id: String,
    /// The version the policy declares.
    pub version: String,
    /// `sha256:` and the hash of the policy's canonical JSON.
    pub hash: String,
}

/// The three outcomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Decision.ts"))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The actor may do it now.
    Allowed,
    /// The actor may ask; a named role must approve.
    ApprovalRequired,
    /// Not possible; see the reasons and alternatives.
    Denied,
}

/// A reason, with its stable code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Decision.ts"))]
pub struct Reason {
    /// The policy's message code.
    pub code: String,
    /// The message in the answer's language.
    pub message: String,
    /// The rule that gave it, if any.
    pub rule: Option<String>,
}

/// One fact change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Decision.ts"))]
pub struct Change {
    /// The fact (or status dimension).
    pub fact: String,
    /// Its value before.
    #[cfg_attr(test, ts(type = "string | number | boolean | null"))]
    pub from: serde_json::Value,
    /// Its value after.
    #[cfg_attr(test, ts(type = "string | number | boolean | null"))]
    pub to: serde_json::Value,
}

/// A named effect with its arguments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Decision.ts"))]
pub struct NamedEffect {
    /// The effect id.
    pub effect: String,
    /// Its label in the answer's language.
    pub label: String,
    /// Its arguments; money as minor units.
    #[cfg_attr(test, ts(type = "Record<string, string | number | boolean | null>"))]
    pub args: serde_json::Map<String, serde_json::Value>,
}

/// What else can be done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Decision.ts"))]
#[serde(rename_all = "camelCase")]
pub struct Alternative {
    /// `action`, `contact` or `wait`.
    pub kind: AlternativeKind,
    /// Another action to take.
    pub action: Option<String>,
    /// A party to contact.
    pub contact: Option<String>,
    /// A status to wait for.
    pub wait_for: Option<StatusRef>,
    /// The message code.
    pub code: String,
    /// The message in the answer's language.
    pub message: String,
}

/// The kinds of alternative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Decision.ts"))]
#[serde(rename_all = "snake_case")]
pub enum AlternativeKind {
    /// Take another action.
    Action,
    /// Contact a party.
    Contact,
    /// Wait until a status is reached.
    Wait,
}

/// A status of a dimension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Decision.ts"))]
pub struct StatusRef {
    /// The dimension (or enum fact).
    pub fact: String,
    /// The status id.
    pub status: String,
    /// Its label in the answer's language.
    pub label: String,
}

/// A deadline at which the system decides by itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Decision.ts"))]
pub struct AutoDecision {
    /// The instant, in the policy's time zone.
    pub at: String,
    /// The outcome that applies then.
    pub outcome: Outcome,
}

/// One step of the trace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Decision.ts"))]
pub struct TraceStep {
    /// The rule consulted (none for the limit check and the fallback).
    pub rule: Option<String>,
    /// What the step found.
    pub result: TraceResult,
    /// The condition that decided, in words, with its path in the policy.
    pub detail: Option<String>,
}

/// What a trace step found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Decision.ts"))]
#[serde(rename_all = "snake_case")]
pub enum TraceResult {
    /// The rule matched and decided.
    Matched,
    /// The actor's role is not among the rule's roles.
    RoleMismatch,
    /// The rule's condition is false.
    ConditionFalse,
    /// The action's counter has reached its limit.
    LimitReached,
    /// No rule matched; the policy's fallback denied.
    NoRuleMatched,
}
