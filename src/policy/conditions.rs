//! Reads conditions, their operands and durations into the model, reporting every problem with
//! its path.

use super::limits::{MAX_CHILDREN, MAX_DEPTH, MAX_STATUSES};
use super::model::*;
use super::reader::{field, index_path, key_path, Reader};
use crate::error::Code;
use crate::money::{minor_units_from_json, Currency};
use crate::time::{Duration, MAX_BUSINESS_DAYS, MAX_DURATION_COUNT};
use serde_json::Value;

/// `{"hours": 24}`, `{"businessDays": 3}`...
pub(crate) fn duration(r: &mut Reader, value: &Value, path: &str) -> Option<Duration> {
    let (unit, count) = r.single_key(value, path)?;
    let p = key_path(path, unit);
    let make: fn(u32) -> Duration = match unit {
        "minutes" => Duration::Minutes,
        "hours" => Duration::Hours,
        "days" => Duration::Days,
        "businessDays" => Duration::BusinessDays,
        other => {
            r.report(
                Code::InvalidValue,
                p,
                format!("unknown unit '{other}'; use minutes, hours, days or businessDays"),
            );
            return None;
        }
    };
    // Business days are counted one by one: a lower bound keeps that work small.
    let max = if unit == "businessDays" {
        MAX_BUSINESS_DAYS
    } else {
        MAX_DURATION_COUNT
    };
    r.count(count, &p, max).map(make)
}

pub(crate) fn condition(
    r: &mut Reader,
    value: &Value,
    path: &str,
    depth: usize,
) -> Option<Condition> {
    if depth > MAX_DEPTH {
        r.report(
            Code::TooDeep,
            path,
            format!("conditions may nest at most {MAX_DEPTH} levels; flatten all/any groups"),
        );
        return None;
    }
    let (op, arg) = r.single_key(value, path)?;
    let p = key_path(path, op);
    let list = |r: &mut Reader| -> Vec<Condition> {
        r.array(arg, &p, MAX_CHILDREN)
            .iter()
            .enumerate()
            .filter_map(|(i, c)| condition(r, c, &index_path(&p, i), depth + 1))
            .collect()
    };
    Some(match op {
        "all" => Condition::All(list(r)),
        "any" => {
            let children = list(r);
            if children.is_empty() {
                r.report(Code::UnreachableRule, &p, "an empty \"any\" is never true");
            }
            Condition::Any(children)
        }
        "not" => Condition::Not(Box::new(condition(r, arg, &p, depth + 1)?)),
        "is" => Condition::Is(r.id(arg, &p)?),
        "present" => Condition::Present(r.id(arg, &p)?),
        "in" => {
            let (fact, values) = r.single_key(arg, &p)?;
            let vp = key_path(&p, fact);
            let values = r.ids(values, &vp, MAX_STATUSES);
            if values.is_empty() {
                r.report(Code::UnreachableRule, vp, "an empty list matches nothing");
            }
            Condition::In {
                fact: fact.to_owned(),
                values,
            }
        }
        "eq" | "ne" | "lt" | "le" | "gt" | "ge" => {
            let items = r.array(arg, &p, 2);
            if items.len() != 2 {
                if !items.is_empty() {
                    r.report(
                        Code::InvalidValue,
                        &p,
                        "a comparison takes two operands: [left, right]",
                    );
                }
                return None;
            }
            let left = operand(r, &items[0], &index_path(&p, 0));
            let right = operand(r, &items[1], &index_path(&p, 1));
            let all = [
                CompareOp::Eq,
                CompareOp::Ne,
                CompareOp::Lt,
                CompareOp::Le,
                CompareOp::Gt,
                CompareOp::Ge,
            ];
            let op = all
                .into_iter()
                .find(|o| o.keyword() == op)
                .unwrap_or(CompareOp::Ge);
            Condition::Compare {
                op,
                left: left?,
                right: right?,
            }
        }
        "within" | "elapsed" => {
            let m = r.object(arg, &p, &["since", "for", "edge"])?;
            let since = field(r, m, "since", &p, Reader::id);
            let duration = r
                .required(m, "for", &p)
                .and_then(|v| duration(r, v, &key_path(&p, "for")));
            let edge = r
                .required(m, "edge", &p)
                .and_then(|v| r.string(v, &key_path(&p, "edge")))
                .and_then(|e| match e.as_str() {
                    "inclusive" => Some(Edge::Inclusive),
                    "exclusive" => Some(Edge::Exclusive),
                    other => {
                        r.report(
                            Code::InvalidValue,
                            key_path(&p, "edge"),
                            format!("unknown edge '{other}'; use \"inclusive\" or \"exclusive\""),
                        );
                        None
                    }
                });
            let kind = if op == WindowKind::Within.keyword() {
                WindowKind::Within
            } else {
                WindowKind::Elapsed
            };
            Condition::Window {
                kind,
                since: since?,
                duration: duration?,
                edge: edge?,
            }
        }
        other => {
            let known = [
                "all", "any", "not", "is", "present", "in", "eq", "ne", "lt", "le", "gt", "ge",
                "within", "elapsed",
            ];
            let hint = crate::error::did_you_mean(other, known.iter().copied());
            r.report(
                Code::InvalidValue,
                p,
                format!(
                    "unknown condition '{other}'; use one of: {}.{hint}",
                    known.join(", ")
                ),
            );
            return None;
        }
    })
}

/// `{"fact": "x"}`, `{"param": "x"}`, `{"actor": "id"}`, `{"money": {"amount": 0, "currency": "IDR"}}`
/// or a literal (number, string, boolean).
pub(crate) fn operand(r: &mut Reader, value: &Value, path: &str) -> Option<Operand> {
    match value {
        Value::Object(_) => {
            let (kind, arg) = r.single_key(value, path)?;
            let p = key_path(path, kind);
            match kind {
                "fact" => Some(Operand::Fact(r.id(arg, &p)?)),
                "param" => Some(Operand::Param(r.id(arg, &p)?)),
                "actor" => Some(Operand::Actor(r.id(arg, &p)?)),
                "money" => {
                    let m = r.object(arg, &p, &["amount", "currency"])?;
                    let amount = r.required(m, "amount", &p).and_then(|v| {
                        let parsed = minor_units_from_json(v);
                        if parsed.is_none() {
                            r.report(
                                Code::InvalidValue,
                                key_path(&p, "amount"),
                                "write money as a whole number of minor units (cents)",
                            );
                        }
                        parsed
                    });
                    let currency = field(r, m, "currency", &p, Reader::string).and_then(|c| {
                        let parsed = Currency::parse(&c);
                        if parsed.is_none() {
                            r.report(
                                Code::InvalidValue,
                                key_path(&p, "currency"),
                                format!("'{c}' is not a currency code"),
                            );
                        }
                        parsed
                    });
                    Some(Operand::Money(amount?, currency?))
                }
                other => {
                    r.report(
                        Code::InvalidValue,
                        p,
                        format!(
                            "unknown operand '{other}'; use fact, param, actor, money or a literal"
                        ),
                    );
                    None
                }
            }
        }
        Value::Null | Value::Array(_) => {
            r.report(Code::WrongType, path, "an operand is {\"fact\": ...}, {\"param\": ...}, {\"actor\": ...}, {\"money\": ...} or a number, string or boolean");
            None
        }
        literal => Some(Operand::Literal(literal.clone())),
    }
}
