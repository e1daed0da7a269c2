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

    /// Appends one field under a key taken from data (a map's keys, a language code), escaped
    /// where it needs to be; [`Object::named`] writes the fixed field names.
    pub fn field(&mut self, key: &str, value: &(impl ToJson + ?Sized)) -> &mut Self {
        self.key(key);
        value.write_json(self.out);
        self
    }

    /// Appends one field under a key written as it is: the field names of the boundary types,
    /// which are plain ASCII words, without the scan for bytes to escape that a decision's 30-odd
    /// keys each took.
    pub fn named(&mut self, key: &'static str, value: &(impl ToJson + ?Sized)) -> &mut Self {
        self.plain_key(key);
        value.write_json(self.out);
        self
    }

    #[inline(never)]
    fn plain_key(&mut self, key: &'static str) {
        debug_assert!(key.bytes().all(|b| b.is_ascii_alphanumeric()), "{key}");
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\":");
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
            Value::Number(n) => crate::json_text::write_number(n, out),
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

/// `ToJson` for a struct: each field under its key, in this order.
macro_rules! json_object {
    ($ty:ty { $($key:literal => $field:ident),+ $(,)? }) => {
        impl $crate::api::json::ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                $crate::api::json::Object::new(out)
                    $(.named($key, &self.$field))+
                    .end();
            }
        }
    };
}
pub(crate) use json_object;

impl ToJson for crate::Code {
    fn write_json(&self, out: &mut String) {
        write_string(self.as_str(), out);
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

json_object!(Decision {
    "policy" => policy,
    "action" => action,
    "label" => label,
    "role" => role,
    "outcome" => outcome,
    "approver" => approver,
    "rule" => rule,
    "reasons" => reasons,
    "requires" => requires,
    "confirm" => confirm,
    "irreversible" => irreversible,
    "changes" => changes,
    "effects" => effects,
    "nextState" => next_state,
    "alternatives" => alternatives,
    "validUntil" => valid_until,
    "autoDecision" => auto_decision,
    "remainingChances" => remaining_chances,
    "at" => at,
    "language" => language,
    "trace" => trace,
});

json_object!(PolicyStamp {
    "id" => id,
    "version" => version,
    "hash" => hash,
});

json_object!(Reason {
    "code" => code,
    "message" => message,
    "rule" => rule,
});

json_object!(Change {
    "fact" => fact,
    "from" => from,
    "to" => to,
});

json_object!(NamedEffect {
    "effect" => effect,
    "label" => label,
    "args" => args,
});

json_object!(Alternative {
    "kind" => kind,
    "action" => action,
    "contact" => contact,
    "waitFor" => wait_for,
    "code" => code,
    "message" => message,
});

json_object!(StatusRef {
    "fact" => fact,
    "status" => status,
    "label" => label,
});

json_object!(AutoDecision {
    "at" => at,
    "outcome" => outcome,
});

json_object!(TraceStep {
    "rule" => rule,
    "result" => result,
    "detail" => detail,
});

json_object!(Layout {
    "facts" => facts,
    "attributes" => attributes,
    "roles" => roles,
    "actions" => actions,
    "rules" => rules,
    "messages" => messages,
    "maxParams" => max_params,
    "rowLength" => row_length,
});

json_object!(SlotLayout {
    "name" => name,
    "kind" => kind,
    "values" => values,
});

json_object!(ActionLayout {
    "name" => name,
    "params" => params,
    "fallbackAlternatives" => fallback_alternatives,
    "timed" => timed,
});

json_object!(RuleLayout {
    "id" => id,
    "approver" => approver,
    "alternatives" => alternatives,
});

json_object!(AlternativeLayout {
    "kind" => kind,
    "target" => target,
    "code" => code,
});

json_object!(crate::Issue {
    "code" => code,
    "path" => path,
    "message" => message,
});
