//! The boundary types written as JSON text by hand, byte for byte as serde_json writes their
//! `Serialize` forms (field order, names, `null` for an absent value, compact layout), which the
//! tests check. Through serde, each field of each type was a function of its own in the
//! WebAssembly module; here a field is one call.

use super::{
    ActionLayout, Alternative, AlternativeKind, AlternativeLayout, AutoDecision, Change, Decision,
    Layout, NamedEffect, Outcome, PolicyStamp, Reason, RuleLayout, SlotKind, SlotLayout, StatusRef,
    TraceResult, TraceStep,
};
use crate::policy::canonical::write_string;
use serde_json::{Map, Value};

/// A value that writes itself as JSON text.
pub(crate) trait ToJson {
    /// Appends the JSON text of `self` to `out`.
    fn write_json(&self, out: &mut String);
}

/// The compact JSON text of `value`.
pub(crate) fn to_json<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::with_capacity(256);
    value.write_json(&mut out);
    out
}

/// An object being written: `{`, then `"key":value` pairs, then `}` at [`Object::end`].
pub(crate) struct Object<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Object<'a> {
    pub fn new(out: &'a mut String) -> Self {
        out.push('{');
        Object { out, first: true }
    }

    /// Appends one field.
    pub fn field(&mut self, key: &str, value: &(impl ToJson + ?Sized)) -> &mut Self {
        self.key(key);
        value.write_json(self.out);
        self
    }

    #[inline(never)]
    fn key(&mut self, key: &str) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_string(key, self.out);
        self.out.push(':');
    }

    pub fn end(&mut self) {
        self.out.push('}');
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_string(self, out);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_string(self, out);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for u32 {
    fn write_json(&self, out: &mut String) {
        out.push_str(itoa::Buffer::new().format(*self));
    }
}

impl ToJson for usize {
    fn write_json(&self, out: &mut String) {
        out.push_str(itoa::Buffer::new().format(*self));
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

/// In insertion order, numbers as serde_json writes them (floats through `json_text`).
impl ToJson for Value {
    fn write_json(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => b.write_json(out),
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => out.push_str(itoa::Buffer::new().format(u)),
                (_, Some(i), _) => out.push_str(itoa::Buffer::new().format(i)),
                (_, _, Some(f)) => crate::json_text::write_f64(f, out),
                _ => out.push_str("null"),
            },
            Value::String(s) => write_string(s, out),
            Value::Array(items) => items.write_json(out),
            Value::Object(map) => map.write_json(out),
        }
    }
}

impl ToJson for Map<String, Value> {
    fn write_json(&self, out: &mut String) {
        let mut object = Object::new(out);
        for (key, value) in self {
            object.field(key, value);
        }
        object.end();
    }
}

/// An enum written as the string serde gives its variant.
macro_rules! as_text {
    ($ty:ty, $($variant:ident => $text:literal),+ $(,)?) => {
        impl ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                let text = match self {
                    $(<$ty>::$variant => $text,)+
                };
                write_string(text, out);
            }
        }
    };
}

as_text!(Outcome, Allowed => "allowed", ApprovalRequired => "approval_required", Denied => "denied");
as_text!(AlternativeKind, Action => "action", Contact => "contact", Wait => "wait");
as_text!(
    TraceResult,
    Matched => "matched",
    RoleMismatch => "role_mismatch",
    ConditionFalse => "condition_false",
    LimitReached => "limit_reached",
    NoRuleMatched => "no_rule_matched",
);
as_text!(
    SlotKind,
    Boolean => "boolean",
    Counter => "counter",
    Number => "number",
    Money => "money",
    Timestamp => "timestamp",
    Status => "status",
    String => "string",
);

impl ToJson for Decision {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("policy", &self.policy)
            .field("action", &self.action)
            .field("label", &self.label)
            .field("role", &self.role)
            .field("outcome", &self.outcome)
            .field("approver", &self.approver)
            .field("rule", &self.rule)
            .field("reasons", &self.reasons)
            .field("requires", &self.requires)
            .field("confirm", &self.confirm)
            .field("irreversible", &self.irreversible)
            .field("changes", &self.changes)
            .field("effects", &self.effects)
            .field("nextState", &self.next_state)
            .field("alternatives", &self.alternatives)
            .field("validUntil", &self.valid_until)
            .field("autoDecision", &self.auto_decision)
            .field("remainingChances", &self.remaining_chances)
            .field("at", &self.at)
            .field("language", &self.language)
            .field("trace", &self.trace)
            .end();
    }
}

impl ToJson for PolicyStamp {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("id", &self.id)
            .field("version", &self.version)
            .field("hash", &self.hash)
            .end();
    }
}

impl ToJson for Reason {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("code", &self.code)
            .field("message", &self.message)
            .field("rule", &self.rule)
            .end();
    }
}

impl ToJson for Change {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("fact", &self.fact)
            .field("from", &self.from)
            .field("to", &self.to)
            .end();
    }
}

impl ToJson for NamedEffect {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("effect", &self.effect)
            .field("label", &self.label)
            .field("args", &self.args)
            .end();
    }
}

impl ToJson for Alternative {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("kind", &self.kind)
            .field("action", &self.action)
            .field("contact", &self.contact)
            .field("waitFor", &self.wait_for)
            .field("code", &self.code)
            .field("message", &self.message)
            .end();
    }
}

impl ToJson for StatusRef {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("fact", &self.fact)
            .field("status", &self.status)
            .field("label", &self.label)
            .end();
    }
}

impl ToJson for AutoDecision {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("at", &self.at)
            .field("outcome", &self.outcome)
            .end();
    }
}

impl ToJson for TraceStep {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("rule", &self.rule)
            .field("result", &self.result)
            .field("detail", &self.detail)
            .end();
    }
}

impl ToJson for Layout {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("facts", &self.facts)
            .field("attributes", &self.attributes)
            .field("roles", &self.roles)
            .field("actions", &self.actions)
            .field("rules", &self.rules)
            .field("messages", &self.messages)
            .field("maxParams", &self.max_params)
            .field("rowLength", &self.row_length)
            .end();
    }
}

impl ToJson for SlotLayout {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("name", &self.name)
            .field("kind", &self.kind)
            .field("values", &self.values)
            .end();
    }
}

impl ToJson for ActionLayout {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("name", &self.name)
            .field("params", &self.params)
            .field("fallbackAlternatives", &self.fallback_alternatives)
            .end();
    }
}

impl ToJson for RuleLayout {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("id", &self.id)
            .field("approver", &self.approver)
            .field("alternatives", &self.alternatives)
            .end();
    }
}

impl ToJson for AlternativeLayout {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("kind", &self.kind)
            .field("target", &self.target)
            .field("code", &self.code)
            .end();
    }
}

impl ToJson for crate::Issue {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("code", self.code.as_str())
            .field("path", &self.path)
            .field("message", &self.message)
            .end();
    }
}
