//! Reads the inputs of a question (facts, actor, action, parameters, time, locale) against the
//! compiled policy, with a structured error for anything malformed.

use crate::compile::program::{Param, Program, Ty, Val};
use crate::compile::resolve_type_name;
use crate::error::{did_you_mean, Code, Error};
use crate::money::minor_units_from_json;
use crate::policy::reader::{key_path, type_name, Place};
use crate::time::Timestamp;
use serde_json::{Map, Value};
use std::sync::Arc;

/// The largest magnitude of a `number` value.
const MAX_NUMBER: f64 = 1e15;

/// The longest string accepted in facts, parameters or actor attributes.
pub(crate) const MAX_STRING_BYTES: usize = 4_096;

/// The facts of one order, one value (or none) per declared fact.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FactValues(pub Vec<Option<Val>>);

#[derive(Debug, Clone)]
pub(crate) struct ActorInput {
    pub role: u16,
    /// The actor's id, as a string value (compared with facts).
    pub id: Option<Val>,
    pub attributes: Vec<Option<Val>>,
}

/// Everything one question needs, read and checked.
pub(crate) struct Question {
    pub facts: FactValues,
    pub actor: ActorInput,
    pub now: Timestamp,
    pub language: usize,
}

fn object<'v>(value: &'v Value, path: &str) -> Result<&'v Map<String, Value>, Error> {
    value.as_object().ok_or_else(|| {
        Error::input(
            Code::WrongType,
            path,
            format!("expected an object, found {}", type_name(value)),
        )
    })
}

fn only_keys(map: &Map<String, Value>, path: &str, allowed: &[&str]) -> Result<(), Error> {
    match map.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => {
            let hint = did_you_mean(k, allowed.iter().copied());
            Err(Error::input(
                Code::UnknownField,
                key_path(path, k),
                format!(
                    "unknown field '{k}'; expected: {}.{hint}",
                    allowed.join(", ")
                ),
            ))
        }
        None => Ok(()),
    }
}

/// Known names for an error message: at most 20, in declaration order.
fn known<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let all: Vec<&str> = names.collect();
    let shown: Vec<&str> = all.iter().take(20).copied().collect();
    let more = if all.len() > shown.len() {
        format!(" and {} more", all.len() - shown.len())
    } else {
        String::new()
    };
    format!("; known: {}{more}", shown.join(", "))
}

/// Reads a value of type `ty` given in an input.
pub(crate) fn value(program: &Program, ty: &Ty, v: &Value, at: Place) -> Result<Val, Error> {
    let path = || at.path();
    let wrong = |what: &str| {
        Error::input(
            Code::WrongType,
            path(),
            format!("expected {what}, found {}", type_name(v)),
        )
    };
    Ok(match ty {
        Ty::Boolean => Val::Bool(v.as_bool().ok_or_else(|| wrong("true or false"))?),
        Ty::Counter => {
            let n = v
                .as_u64()
                .ok_or_else(|| wrong("a whole number of at least 0"))?;
            match i64::try_from(n) {
                Ok(n) if n <= crate::money::MAX_MINOR_UNITS => Val::Int(n),
                _ => {
                    return Err(Error::input(
                        Code::InvalidValue,
                        path(),
                        "the count is too large",
                    ))
                }
            }
        }
        Ty::Number => {
            let n = v.as_f64().ok_or_else(|| wrong("a number"))?;
            // Within ±1e15 every runtime writes the number back the same way; -0 is 0.
            if !n.is_finite() || n.abs() >= MAX_NUMBER {
                return Err(Error::input(
                    Code::InvalidValue,
                    path(),
                    "numbers are limited to ±1e15",
                ));
            }
            Val::Num(if n == 0.0 { 0.0 } else { n })
        }
        Ty::Money(currency) => {
            let (amount, given_currency) = match v {
                Value::Object(m) => {
                    only_keys(m, &path(), &["amount", "currency"])?;
                    (
                        m.get("amount").unwrap_or(&Value::Null),
                        m.get("currency").and_then(Value::as_str),
                    )
                }
                other => (other, None),
            };
            if let Some(c) = given_currency {
                if c != currency.as_str() {
                    return Err(Error::input(
                        Code::CurrencyMismatch,
                        path(),
                        format!("this amount is in {c}, but the policy keeps it in {currency}"),
                    ));
                }
            }
            Val::Money(minor_units_from_json(amount).ok_or_else(|| {
                Error::input(Code::InvalidValue, path(), format!("write money as a whole number of minor units of {currency} (no fractions), or {{\"amount\": n, \"currency\": \"{currency}\"}}"))
            })?)
        }
        Ty::Timestamp => Val::Time(timestamp(v, at)?),
        Ty::String => {
            let s = v.as_str().ok_or_else(|| wrong("a string"))?;
            if s.len() > MAX_STRING_BYTES {
                return Err(Error::input(
                    Code::TooLarge,
                    path(),
                    format!("strings are limited to {MAX_STRING_BYTES} bytes"),
                ));
            }
            Val::Str(Arc::new(s.to_owned()))
        }
        Ty::Domain(d) => {
            let domain = &program.domains[*d as usize];
            let s = v
                .as_str()
                .ok_or_else(|| wrong(&format!("a value of '{}'", domain.name)))?;
            match domain.status(s) {
                Some(i) => Val::Status(i),
                None => {
                    let hint = did_you_mean(s, domain.ids().iter().map(String::as_str));
                    return Err(Error::input(
                        Code::UnknownStatus,
                        path(),
                        format!(
                            "'{s}' is not a value of '{}'; known: {}.{hint}",
                            domain.name,
                            domain.ids().join(", ")
                        ),
                    ));
                }
            }
        }
    })
}

/// An instant: RFC 3339 text with an offset, or epoch milliseconds.
pub(crate) fn timestamp(v: &Value, at: Place) -> Result<Timestamp, Error> {
    let parsed = match v {
        Value::String(s) => Timestamp::parse(s),
        Value::Number(n) => Timestamp::from_json_number(n),
        _ => None,
    };
    parsed.ok_or_else(|| {
        Error::input(Code::InvalidTimestamp, at.path(), format!("{} is not a timestamp; write RFC 3339 with an offset (\"2026-03-02T10:00:00+07:00\") or whole epoch milliseconds", crate::json_text::show(v)))
    })
}

pub(crate) fn facts(program: &Program, v: &Value, path: &str) -> Result<FactValues, Error> {
    let map = object(v, path)?;
    let mut values: Vec<Option<Val>> = vec![None; program.facts.len()];
    let mut given = vec![false; program.facts.len()];
    for (name, raw) in map {
        let at = Place {
            parent: path,
            key: name,
        };
        let Some(slot) = program.fact_index.get(name) else {
            let hint = did_you_mean(name, program.fact_index.names());
            return Err(Error::input(
                Code::UnknownFact,
                at.path(),
                format!(
                    "the policy declares no fact '{name}'{}.{hint}",
                    known(program.facts.iter().map(|f| f.name.as_str()))
                ),
            ));
        };
        let fact = &program.facts[slot as usize];
        given[slot as usize] = true;
        if raw.is_null() {
            if fact.optional {
                continue;
            }
            if fact.default.is_some() {
                // null stands for "not given": the default applies.
                given[slot as usize] = false;
                continue;
            }
            return Err(Error::input(
                Code::MissingFact,
                at.path(),
                format!("'{name}' is required and cannot be null"),
            ));
        }
        values[slot as usize] = Some(value(program, &fact.ty, raw, at)?);
    }
    for (slot, fact) in program.facts.iter().enumerate() {
        if given[slot] {
            continue;
        }
        match &fact.default {
            Some(d) => values[slot] = Some(d.clone()),
            None if fact.optional => {}
            None => {
                let ty = match &fact.ty {
                    Ty::Domain(d) => {
                        format!("one of {}", program.domains[*d as usize].ids().join(", "))
                    }
                    other => resolve_type_name(other, &program.domains),
                };
                return Err(Error::input(
                    Code::MissingFact,
                    key_path(path, &fact.name),
                    format!("the policy needs the fact '{}' ({ty})", fact.name),
                ));
            }
        }
    }
    Ok(FactValues(values))
}

pub(crate) fn actor(program: &Program, v: &Value, path: &str) -> Result<ActorInput, Error> {
    let map = object(v, path)?;
    only_keys(map, path, &["role", "id", "attributes"])?;
    let role_path = || key_path(path, "role");
    let role_name = map
        .get("role")
        .ok_or_else(|| {
            Error::input(
                Code::MissingField,
                role_path(),
                "an actor needs a role, such as {\"role\": \"seller\"}",
            )
        })?
        .as_str()
        .ok_or_else(|| {
            Error::input(
                Code::WrongType,
                role_path(),
                "the role is a string, such as \"seller\"",
            )
        })?;
    let role = program.role_index.get(role_name).ok_or_else(|| {
        let hint = did_you_mean(role_name, program.role_index.names());
        let known: Vec<&str> = program.roles.iter().map(|r| r.name.as_str()).collect();
        Error::input(
            Code::UnknownRole,
            role_path(),
            format!(
                "the policy declares no role '{role_name}'; known: {}.{hint}",
                known.join(", ")
            ),
        )
    })?;
    let id = match map.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.len() <= MAX_STRING_BYTES => {
            Some(Val::Str(Arc::new(s.clone())))
        }
        Some(other) => {
            return Err(Error::input(
                Code::WrongType,
                key_path(path, "id"),
                format!("the actor id is a string, found {}", type_name(other)),
            ))
        }
    };
    let attributes = match map.get("attributes") {
        None | Some(Value::Null) => vec![None; program.attributes.len()],
        Some(a) => named_values(
            program,
            &program.attributes,
            a,
            &key_path(path, "attributes"),
            Code::UnknownAttribute,
            "actor attribute",
        )?,
    };
    Ok(ActorInput {
        role,
        id,
        attributes,
    })
}

/// Values for a declared list (parameters, attributes); absent ones are `None`.
pub(crate) fn named_values(
    program: &Program,
    declared: &[Param],
    v: &Value,
    path: &str,
    code: Code,
    what: &str,
) -> Result<Vec<Option<Val>>, Error> {
    let map = object(v, path)?;
    let mut out = vec![None; declared.len()];
    for (name, raw) in map {
        let at = Place {
            parent: path,
            key: name,
        };
        let Some(i) = declared.iter().position(|d| &d.name == name) else {
            let hint = did_you_mean(name, declared.iter().map(|d| d.name.as_str()));
            return Err(Error::input(
                code,
                at.path(),
                format!(
                    "no {what} '{name}' is declared{}.{hint}",
                    if declared.is_empty() {
                        String::from("; there are none")
                    } else {
                        known(declared.iter().map(|d| d.name.as_str()))
                    }
                ),
            ));
        };
        if !raw.is_null() {
            out[i] = Some(value(program, &declared[i].ty, raw, at)?);
        }
    }
    Ok(out)
}

pub(crate) fn action(program: &Program, v: &Value, path: &str) -> Result<u16, Error> {
    let name = v
        .as_str()
        .ok_or_else(|| Error::input(Code::WrongType, path, "the action is a string id"))?;
    program.action_index.get(name).ok_or_else(|| {
        let hint = did_you_mean(name, program.action_index.names());
        Error::input(
            Code::UnknownAction,
            path,
            format!(
                "the policy declares no action '{name}'{}.{hint}",
                known(program.actions.iter().map(|a| a.name.as_str()))
            ),
        )
    })
}

/// The index of the language to answer in: the first of the requested tags the policy has
/// (exactly, or by its primary subtag: "id-ID" finds "id"), else the policy's default.
pub(crate) fn language(program: &Program, v: Option<&Value>, path: &str) -> Result<usize, Error> {
    let requested: Vec<&str> = match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) if items.len() <= 16 => items
            .iter()
            .map(|i| {
                i.as_str().ok_or_else(|| {
                    Error::input(Code::WrongType, path, "a locale is a language tag string")
                })
            })
            .collect::<Result<_, _>>()?,
        Some(_) => {
            return Err(Error::input(
                Code::WrongType,
                path,
                "give the locale as a tag (\"id\") or a fallback list ([\"id-ID\", \"en\"])",
            ))
        }
    };
    for tag in requested {
        let primary = tag.split('-').next().unwrap_or(tag);
        let found = program
            .languages
            .iter()
            .position(|l| l.eq_ignore_ascii_case(tag))
            .or_else(|| {
                program
                    .languages
                    .iter()
                    .position(|l| l.eq_ignore_ascii_case(primary))
            });
        if let Some(i) = found {
            return Ok(i);
        }
    }
    Ok(0)
}

/// Reads `{facts, actor, now, locale}` and the keys listed in `extra`.
pub(crate) fn question(
    program: &Program,
    request: &Value,
    extra: &[&str],
) -> Result<Question, Error> {
    let map = object(request, "$")?;
    let mut allowed = vec!["facts", "actor", "now", "locale"];
    allowed.extend_from_slice(extra);
    only_keys(map, "$", &allowed)?;
    let need = |key: &str| {
        map.get(key).ok_or_else(|| {
            Error::input(
                Code::MissingField,
                key_path("$", key),
                format!("the request needs '{key}'"),
            )
        })
    };
    Ok(Question {
        facts: facts(program, need("facts")?, "$.facts")?,
        actor: actor(program, need("actor")?, "$.actor")?,
        now: timestamp(
            need("now")?,
            Place {
                parent: "$",
                key: "now",
            },
        )?,
        language: language(program, map.get("locale"), "$.locale")?,
    })
}
