use serde::Serialize;

/// How a question is written as numbers for [`crate::Policy::verdict_of_row`], and how to name
/// the indexes a verdict answers with. The TypeScript SDK reads it once per policy, encodes plain
/// request objects into a reused `Float64Array` and decides without crossing the boundary as text.
///
/// A row holds, in order: the action's index, the role's index, `now` in epoch milliseconds, one
/// number per fact, per actor attribute and per parameter (of the action with the most). A fact,
/// attribute or parameter that is absent is `NaN`; booleans are 0 or 1, statuses and enum values
/// their index in `values`, money whole minor units, timestamps epoch milliseconds.
///
/// ```
/// let policy = ordergate::builtin("dropi").unwrap();
/// let layout = policy.layout();
/// assert_eq!(layout.facts[0].name, "status");
/// assert_eq!(layout.row_length, 3 + layout.facts.len() + layout.attributes.len() + layout.max_params);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Layout.ts"))]
#[serde(rename_all = "camelCase")]
pub struct Layout {
    /// The facts, in slot order.
    pub facts: Vec<SlotLayout>,
    /// The actor attributes, in slot order.
    pub attributes: Vec<SlotLayout>,
    /// The role names, by index.
    pub roles: Vec<String>,
    /// The actions, by index.
    pub actions: Vec<ActionLayout>,
    /// The rules, by index.
    pub rules: Vec<RuleLayout>,
    /// The message codes, by index.
    pub messages: Vec<String>,
    /// The most parameters any action declares.
    pub max_params: usize,
    /// Numbers per row.
    pub row_length: usize,
}

/// One fact, attribute or parameter of a row.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Layout.ts"))]
#[serde(rename_all = "camelCase")]
pub struct SlotLayout {
    /// Its name in requests.
    pub name: String,
    /// How its value is written as a number.
    pub kind: SlotKind,
    /// The ids of a status or enum, by index.
    pub values: Vec<String>,
}

/// How a value is written as a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Layout.ts"))]
#[serde(rename_all = "camelCase")]
pub enum SlotKind {
    /// 0 or 1.
    Boolean,
    /// A whole number of at least 0.
    Counter,
    /// A finite number within ±1e15.
    Number,
    /// Whole minor units.
    Money,
    /// Epoch milliseconds.
    Timestamp,
    /// The index of the value in `values`.
    Status,
    /// Text: not carried by a row. A request that gives one is decided through JSON instead.
    String,
}

/// An action: its name and its parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Layout.ts"))]
#[serde(rename_all = "camelCase")]
pub struct ActionLayout {
    /// The action id.
    pub name: String,
    /// Its parameters, in slot order after the attributes.
    pub params: Vec<SlotLayout>,
    /// The alternatives of its denial when no rule matches (bit `n` of a verdict's mask is the
    /// `n`-th).
    pub fallback_alternatives: Vec<AlternativeLayout>,
    /// Whether the instant can change its verdicts: one of its rules, or an alternative they or
    /// its denial offer, reads a time window. The verdicts of an action that is not timed are the
    /// same at every instant, so a list decided again as time passes can keep them.
    pub timed: bool,
}

/// A rule: what a verdict naming it implies.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Layout.ts"))]
#[serde(rename_all = "camelCase")]
pub struct RuleLayout {
    /// The rule id.
    pub id: String,
    /// The role that must approve, for an `approval_required` rule.
    pub approver: Option<String>,
    /// Its alternatives (bit `n` of a verdict's mask is the `n`-th).
    pub alternatives: Vec<AlternativeLayout>,
}

/// An alternative, without its message text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Layout.ts"))]
#[serde(rename_all = "camelCase")]
pub struct AlternativeLayout {
    /// `action`, `contact` or `wait`.
    pub kind: crate::api::AlternativeKind,
    /// The action, contact party or awaited status id.
    pub target: String,
    /// The message code.
    pub code: String,
}
