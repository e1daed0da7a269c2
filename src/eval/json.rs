//! Values and texts as they appear in answers.

use super::input::FactValues;
use crate::compile::program::{Program, Ty, Val};
use crate::policy::model::Text;
use crate::time::Calendar;
use serde_json::{Map, Value};

/// The text in `lang`, else the first given (the compiler guarantees every declared language).
pub(crate) fn text(t: &Text, lang: &str) -> String {
    t.iter()
        .find(|(l, _)| l == lang)
        .or_else(|| t.first())
        .map(|(_, s)| s.clone())
        .unwrap_or_default()
}

/// A label in `lang`, or the id when the policy gives no label.
pub(crate) fn label(t: &Text, lang: &str, id: &str) -> String {
    if t.is_empty() {
        id.to_owned()
    } else {
        text(t, lang)
    }
}

/// A message's code and its text in `lang`.
pub(crate) fn message(program: &Program, index: u16, lang: &str) -> (String, String) {
    match program.messages.get(index as usize) {
        Some((code, t)) => (code.clone(), text(t, lang)),
        None => (String::new(), String::new()),
    }
}

/// A value as JSON: statuses as ids, money as minor units, instants as RFC 3339 in the policy's
/// zone, absent as null.
pub(crate) fn val_to_json(
    program: &Program,
    ty: &Ty,
    value: Option<&Val>,
    calendar: &Calendar,
) -> Value {
    match value {
        None => Value::Null,
        Some(Val::Bool(b)) => Value::Bool(*b),
        Some(Val::Int(n)) | Some(Val::Money(n)) => Value::from(*n),
        Some(Val::Num(n)) => serde_json::Number::from_f64(*n).map_or(Value::Null, Value::Number),
        Some(Val::Time(t)) => Value::String(calendar.format(*t)),
        Some(Val::Str(s)) => Value::String(s.to_string()),
        Some(Val::Status(s)) => match ty {
            Ty::Domain(d) => program
                .domains
                .get(*d as usize)
                .and_then(|d| d.ids().get(*s as usize))
                .map_or(Value::Null, |id| Value::String(id.clone())),
            _ => Value::Null,
        },
    }
}

/// Every declared fact, in declaration order.
pub(crate) fn facts_to_json(program: &Program, facts: &FactValues) -> Value {
    let calendar = &program.calendar;
    let map: Map<String, Value> = program
        .facts
        .iter()
        .zip(&facts.0)
        .map(|(f, v)| {
            (
                f.name.clone(),
                val_to_json(program, &f.ty, v.as_ref(), calendar),
            )
        })
        .collect();
    Value::Object(map)
}
