//! Reads a JSON value into the policy model, reporting every structural problem with its path.
//! Names are resolved later, by `compile`.

use super::conditions::{condition, duration, operand};
use super::limits::*;
use super::model::*;
use super::reader::{field, index_path, key_path, Reader};
use crate::error::Code;
use crate::money::Currency;
use crate::time::Zone;
use chrono::Weekday;
use serde_json::{Map, Value};

/// The format version this build reads.
pub const FORMAT_VERSION: u64 = 1;

/// Reads a whole document. Returns `None` only when the top level is unusable; otherwise a
/// best-effort model with the problems in `reader.issues`.
pub(crate) fn document(r: &mut Reader, value: &Value) -> Option<Document> {
    let p = "$";
    let map = r.object(
        value,
        p,
        &[
            "ordergate",
            "id",
            "version",
            "name",
            "languages",
            "calendar",
            "dimensions",
            "facts",
            "roles",
            "actorAttributes",
            "actions",
            "effects",
            "messages",
            "otherwise",
            "rules",
            "description",
        ],
    )?;
    if let Some(v) = r.required(map, "ordergate", p) {
        if v.as_u64() != Some(FORMAT_VERSION) {
            r.report(
                Code::InvalidValue,
                "$.ordergate",
                format!("this build reads policy format {FORMAT_VERSION}; set \"ordergate\": {FORMAT_VERSION}"),
            );
        }
    }
    let id = field(r, map, "id", p, Reader::id).unwrap_or_default();
    let version = field(r, map, "version", p, Reader::string).unwrap_or_default();
    let description = map
        .get("description")
        .and_then(|v| r.string(v, "$.description"));
    let name = map
        .get("name")
        .map(|v| text(r, v, "$.name"))
        .unwrap_or_default();
    let languages = map
        .get("languages")
        .map(|v| languages(r, v, "$.languages"))
        .unwrap_or_else(|| {
            r.report(
                Code::MissingField,
                "$.languages",
                "list the policy's languages, default first: [\"es\", \"en\"]",
            );
            Vec::new()
        });
    let calendar = map
        .get("calendar")
        .map(|v| calendar(r, v, "$.calendar"))
        .unwrap_or(CalendarDoc {
            zone: Zone::UTC,
            weekend: vec![Weekday::Sat, Weekday::Sun],
            holidays: Vec::new(),
        });

    let dimensions = section(r, map, "dimensions", MAX_DIMENSIONS, dimension);
    let facts = section(r, map, "facts", MAX_FACTS, fact);
    let roles = section(r, map, "roles", MAX_ROLES, |r, v, p| {
        let m = r.object(v, p, &["label"])?;
        Some(
            m.get("label")
                .map(|l| text(r, l, &key_path(p, "label")))
                .unwrap_or_default(),
        )
    });
    let actor_attributes = section(r, map, "actorAttributes", MAX_FACTS, |r, v, p| {
        let m = r.object(v, p, &["type", "values", "currency"])?;
        value_type(r, m, p, false)
    });
    let actions = section(r, map, "actions", MAX_ACTIONS, action);
    let effects = section(r, map, "effects", MAX_ACTIONS, |r, v, p| {
        let m = r.object(v, p, &["label", "args"])?;
        let label = m
            .get("label")
            .map(|l| text(r, l, &key_path(p, "label")))
            .unwrap_or_default();
        let args = m
            .get("args")
            .map(|a| params(r, a, &key_path(p, "args")))
            .unwrap_or_default();
        Some(EffectDecl { label, args })
    });
    let messages = section(r, map, "messages", MAX_MESSAGES, |r, v, p| {
        Some(text(r, v, p))
    });
    let otherwise = r
        .required(map, "otherwise", p)
        .and_then(|v| otherwise(r, v, "$.otherwise"));
    let rules = match r.required(map, "rules", p) {
        Some(v) => r
            .array(v, "$.rules", MAX_RULES)
            .iter()
            .enumerate()
            .filter_map(|(i, v)| rule(r, v, &index_path("$.rules", i)))
            .collect(),
        None => Vec::new(),
    };
    Some(Document {
        id,
        version,
        name,
        description,
        languages,
        calendar,
        dimensions,
        facts,
        roles,
        actor_attributes,
        actions,
        effects,
        messages,
        otherwise,
        rules,
    })
}

fn section<T>(
    r: &mut Reader,
    map: &Map<String, Value>,
    key: &str,
    limit: usize,
    read: impl Fn(&mut Reader, &Value, &str) -> Option<T>,
) -> Vec<(String, T)> {
    let Some(v) = map.get(key) else {
        return Vec::new();
    };
    let entries = r.entries(v, &key_path("$", key), limit);
    entries
        .into_iter()
        .filter_map(|(id, v, p)| read(r, v, &p).map(|t| (id, t)))
        .collect()
}

/// `{"es": "Pendiente", "en": "Pending"}`.
pub(crate) fn text(r: &mut Reader, value: &Value, path: &str) -> Text {
    let Value::Object(map) = value else {
        r.report(
            Code::WrongType,
            path,
            "expected text per language, such as {\"en\": \"Pending\", \"es\": \"Pendiente\"}",
        );
        return Vec::new();
    };
    map.iter()
        .filter_map(|(lang, v)| {
            let s = r.string(v, &key_path(path, lang))?;
            if s.len() > MAX_TEXT_BYTES {
                r.report(
                    Code::TooLarge,
                    key_path(path, lang),
                    format!("texts are limited to {MAX_TEXT_BYTES} bytes"),
                );
                return None;
            }
            Some((lang.clone(), s))
        })
        .collect()
}

fn languages(r: &mut Reader, value: &Value, path: &str) -> Vec<String> {
    let items = r.array(value, path, 16);
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let p = index_path(path, i);
        let Some(tag) = r.string(v, &p) else { continue };
        let ok = (2..=8).contains(&tag.len())
            && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !ok {
            r.report(
                Code::InvalidValue,
                p,
                format!("'{tag}' is not a language tag such as \"en\" or \"pt-BR\""),
            );
        } else if out.contains(&tag) {
            r.report(
                Code::DuplicateId,
                p,
                format!("the language '{tag}' is listed twice"),
            );
        } else {
            out.push(tag);
        }
    }
    if items.is_empty() {
        r.report(Code::InvalidValue, path, "declare at least one language");
    }
    out
}

fn calendar(r: &mut Reader, value: &Value, path: &str) -> CalendarDoc {
    let mut cal = CalendarDoc {
        zone: Zone::UTC,
        weekend: vec![Weekday::Sat, Weekday::Sun],
        holidays: Vec::new(),
    };
    let Some(map) = r.object(value, path, &["timeZone", "weekend", "holidays"]) else {
        return cal;
    };
    if let Some(name) = r
        .required(map, "timeZone", path)
        .and_then(|v| r.string(v, &key_path(path, "timeZone")))
    {
        match name.parse::<Zone>() {
            Ok(zone) => cal.zone = zone,
            Err(_) => r.report(
                Code::UnknownTimeZone,
                key_path(path, "timeZone"),
                format!("'{name}' is not an IANA time zone; write one such as \"Asia/Jakarta\" or \"Europe/Paris\""),
            ),
        }
    }
    if let Some(v) = map.get("weekend") {
        let p = key_path(path, "weekend");
        cal.weekend = r
            .array(v, &p, 7)
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let ip = index_path(&p, i);
                let name = r.string(d, &ip)?;
                let day = weekday(&name);
                if day.is_none() {
                    r.report(
                        Code::InvalidValue,
                        ip,
                        format!("'{name}' is not a day; write \"saturday\", \"sunday\"..."),
                    );
                }
                day
            })
            .collect();
        if cal.weekend.len() == 7 {
            r.report(
                Code::InvalidValue,
                p,
                "a calendar needs at least one working day",
            );
        }
    }
    if let Some(v) = map.get("holidays") {
        let p = key_path(path, "holidays");
        cal.holidays = r
            .array(v, &p, MAX_HOLIDAYS)
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let ip = index_path(&p, i);
                let s = r.string(d, &ip)?;
                let date = crate::time::parse_date(&s);
                if date.is_none() {
                    r.report(
                        Code::InvalidTimestamp,
                        ip,
                        format!("'{s}' is not a date; write YYYY-MM-DD"),
                    );
                }
                date
            })
            .collect();
    }
    cal
}

fn weekday(name: &str) -> Option<Weekday> {
    Some(match name {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn dimension(r: &mut Reader, value: &Value, path: &str) -> Option<DimensionDoc> {
    let map = r.object(value, path, &["label", "statuses", "default"])?;
    let label = map
        .get("label")
        .map(|l| text(r, l, &key_path(path, "label")))
        .unwrap_or_default();
    let statuses = match r.required(map, "statuses", path) {
        Some(v) => {
            let p = key_path(path, "statuses");
            let entries = r.entries(v, &p, MAX_STATUSES);
            if entries.is_empty() {
                r.report(Code::InvalidValue, p, "declare at least one status");
            }
            entries
                .into_iter()
                .filter_map(|(id, v, p)| {
                    let m = r.object(v, &p, &["label"])?;
                    let label = m
                        .get("label")
                        .map(|l| text(r, l, &key_path(&p, "label")))
                        .unwrap_or_default();
                    Some((id, label))
                })
                .collect()
        }
        None => Vec::new(),
    };
    let default = map
        .get("default")
        .and_then(|v| r.id(v, &key_path(path, "default")));
    Some(DimensionDoc {
        label,
        statuses,
        default,
    })
}

/// `{"type": "money", "currency": "IDR"}` and the like.
fn value_type(
    r: &mut Reader,
    map: &Map<String, Value>,
    path: &str,
    allow_status: bool,
) -> Option<ValueType> {
    let name = r
        .required(map, "type", path)
        .and_then(|v| r.string(v, &key_path(path, "type")))?;
    let ty = match name.as_str() {
        "boolean" => ValueType::Boolean,
        "counter" => ValueType::Counter,
        "number" => ValueType::Number,
        "timestamp" => ValueType::Timestamp,
        "string" => ValueType::String,
        "money" => {
            let code = r
                .required(map, "currency", path)
                .and_then(|v| r.string(v, &key_path(path, "currency")))?;
            match Currency::parse(&code) {
                Some(c) => ValueType::Money(c),
                None => {
                    r.report(Code::InvalidValue, key_path(path, "currency"), format!("'{code}' is not a currency code; write three capital letters such as \"IDR\""));
                    return None;
                }
            }
        }
        "enum" => {
            let values = r
                .required(map, "values", path)
                .map(|v| r.ids(v, &key_path(path, "values"), MAX_STATUSES))?;
            if values.is_empty() {
                r.report(
                    Code::InvalidValue,
                    key_path(path, "values"),
                    "list at least one value",
                );
            }
            ValueType::Enum(values)
        }
        "status" if allow_status => {
            let dim = r
                .required(map, "dimension", path)
                .and_then(|v| r.id(v, &key_path(path, "dimension")))?;
            ValueType::Status(dim)
        }
        other => {
            let known = if allow_status {
                "boolean, counter, number, money, timestamp, string, enum, status"
            } else {
                "boolean, counter, number, money, timestamp, string, enum"
            };
            r.report(
                Code::InvalidValue,
                key_path(path, "type"),
                format!("unknown type '{other}'; use one of: {known}"),
            );
            return None;
        }
    };
    if !matches!(ty, ValueType::Money(_)) && map.contains_key("currency") {
        r.report(
            Code::UnknownField,
            key_path(path, "currency"),
            "only money values have a currency",
        );
    }
    if !matches!(ty, ValueType::Enum(_)) && map.contains_key("values") {
        r.report(
            Code::UnknownField,
            key_path(path, "values"),
            "only enum values list their values",
        );
    }
    Some(ty)
}

fn fact(r: &mut Reader, value: &Value, path: &str) -> Option<FactDoc> {
    let map = r.object(
        value,
        path,
        &[
            "type",
            "label",
            "optional",
            "default",
            "currency",
            "values",
            "dimension",
        ],
    )?;
    let ty = value_type(r, map, path, true)?;
    let label = map
        .get("label")
        .map(|l| text(r, l, &key_path(path, "label")))
        .unwrap_or_default();
    let optional = map
        .get("optional")
        .and_then(|v| r.boolean(v, &key_path(path, "optional")))
        .unwrap_or(false);
    Some(FactDoc {
        ty,
        label,
        optional,
        default: map.get("default").cloned(),
    })
}

fn params(r: &mut Reader, value: &Value, path: &str) -> Vec<(String, ValueType)> {
    r.entries(value, path, MAX_PARAMS)
        .into_iter()
        .filter_map(|(id, v, p)| {
            let m = r.object(v, &p, &["type", "currency", "values", "label"])?;
            value_type(r, m, &p, false).map(|t| (id, t))
        })
        .collect()
}

fn action(r: &mut Reader, value: &Value, path: &str) -> Option<ActionDoc> {
    let map = r.object(
        value,
        path,
        &[
            "label",
            "params",
            "limit",
            "otherwise",
            "confirm",
            "irreversible",
        ],
    )?;
    let label = map
        .get("label")
        .map(|l| text(r, l, &key_path(path, "label")))
        .unwrap_or_default();
    let params = map
        .get("params")
        .map(|v| params(r, v, &key_path(path, "params")))
        .unwrap_or_default();
    let limit = map.get("limit").and_then(|v| {
        let p = key_path(path, "limit");
        let m = r.object(v, &p, &["counter", "max", "reason"])?;
        let counter = field(r, m, "counter", &p, Reader::id);
        let max = r
            .required(m, "max", &p)
            .and_then(|v| r.count(v, &key_path(&p, "max"), 1_000_000));
        let reason = field(r, m, "reason", &p, Reader::id);
        Some(LimitDoc {
            counter: counter?,
            max: max?,
            reason: reason?,
        })
    });
    let otherwise = map
        .get("otherwise")
        .and_then(|v| otherwise(r, v, &key_path(path, "otherwise")));
    let confirm = map
        .get("confirm")
        .and_then(|v| r.id(v, &key_path(path, "confirm")));
    let irreversible = map
        .get("irreversible")
        .and_then(|v| r.boolean(v, &key_path(path, "irreversible")))
        .unwrap_or(false);
    Some(ActionDoc {
        label,
        params,
        limit,
        otherwise,
        confirm,
        irreversible,
    })
}

fn otherwise(r: &mut Reader, value: &Value, path: &str) -> Option<OtherwiseDoc> {
    let map = r.object(value, path, &["reason", "alternatives"])?;
    let reason = field(r, map, "reason", path, Reader::id);
    let alternatives = map
        .get("alternatives")
        .map(|v| alternatives(r, v, &key_path(path, "alternatives")))
        .unwrap_or_default();
    Some(OtherwiseDoc {
        reason: reason?,
        alternatives,
    })
}

fn read_outcome(r: &mut Reader, value: &Value, path: &str) -> Option<Outcome> {
    let name = r.string(value, path)?;
    match name.as_str() {
        "allowed" => Some(Outcome::Allowed),
        "approval_required" => Some(Outcome::ApprovalRequired),
        "denied" => Some(Outcome::Denied),
        other => {
            r.report(Code::InvalidValue, path, format!("unknown outcome '{other}'; use \"allowed\", \"approval_required\" or \"denied\""));
            None
        }
    }
}

fn rule(r: &mut Reader, value: &Value, path: &str) -> Option<RuleDoc> {
    let map = r.object(
        value,
        path,
        &[
            "id",
            "action",
            "roles",
            "when",
            "outcome",
            "approver",
            "reason",
            "requires",
            "effects",
            "alternatives",
            "autoDecide",
            "note",
        ],
    )?;
    let id = field(r, map, "id", path, Reader::id);
    let action = field(r, map, "action", path, Reader::id);
    let roles = map.get("roles").map(|v| {
        let p = key_path(path, "roles");
        let roles = r.ids(v, &p, MAX_ROLES);
        if roles.is_empty() {
            r.report(Code::UnreachableRule, p, "an empty role list matches nobody; list roles or remove the field to match every role");
        }
        roles
    });
    let when = map
        .get("when")
        .and_then(|v| condition(r, v, &key_path(path, "when"), 1));
    let outcome = r
        .required(map, "outcome", path)
        .and_then(|v| read_outcome(r, v, &key_path(path, "outcome")));
    let approver = map
        .get("approver")
        .and_then(|v| r.id(v, &key_path(path, "approver")));
    let reason = map
        .get("reason")
        .and_then(|v| r.id(v, &key_path(path, "reason")));
    let requires = map
        .get("requires")
        .map(|v| r.ids(v, &key_path(path, "requires"), MAX_PARAMS))
        .unwrap_or_default();
    let effects = map
        .get("effects")
        .map(|v| {
            let p = key_path(path, "effects");
            r.array(v, &p, MAX_EFFECTS)
                .iter()
                .enumerate()
                .filter_map(|(i, e)| guarded_effect(r, e, &index_path(&p, i)))
                .collect()
        })
        .unwrap_or_default();
    let alternatives = map
        .get("alternatives")
        .map(|v| alternatives(r, v, &key_path(path, "alternatives")))
        .unwrap_or_default();
    let note = map
        .get("note")
        .and_then(|v| r.string(v, &key_path(path, "note")));
    let auto_decide = map.get("autoDecide").and_then(|v| {
        let p = key_path(path, "autoDecide");
        let m = r.object(v, &p, &["from", "after", "outcome"])?;
        let from = match m.get("from") {
            None => None,
            Some(Value::String(s)) if s == "now" => None,
            Some(v) => Some(r.id(v, &key_path(&p, "from"))?),
        };
        let after = r
            .required(m, "after", &p)
            .and_then(|v| duration(r, v, &key_path(&p, "after")));
        let outcome = r
            .required(m, "outcome", &p)
            .and_then(|v| read_outcome(r, v, &key_path(&p, "outcome")));
        Some(AutoDecideDoc {
            from,
            after: after?,
            outcome: outcome?,
        })
    });
    Some(RuleDoc {
        id: id?,
        action: action?,
        roles,
        when,
        outcome: outcome?,
        approver,
        reason,
        requires,
        effects,
        alternatives,
        auto_decide,
        note,
    })
}

fn assignments(r: &mut Reader, value: &Value, path: &str) -> Vec<(String, Operand)> {
    r.entries(value, path, MAX_PARAMS)
        .into_iter()
        .filter_map(|(k, v, p)| operand(r, v, &p).map(|o| (k, o)))
        .collect()
}

/// An effect, with an optional `"when"` beside its operator.
fn guarded_effect(r: &mut Reader, value: &Value, path: &str) -> Option<GuardedEffect> {
    let Some(cond) = value.get("when") else {
        return effect(r, value, path).map(|effect| GuardedEffect { effect, when: None });
    };
    let when = condition(r, cond, &key_path(path, "when"), 1);
    let mut rest = value.clone();
    if let Value::Object(m) = &mut rest {
        m.remove("when");
    }
    let effect = effect(r, &rest, path)?;
    Some(GuardedEffect {
        effect,
        when: Some(when?),
    })
}

fn effect(r: &mut Reader, value: &Value, path: &str) -> Option<EffectDoc> {
    if let Value::Object(m) = value {
        if m.contains_key("emit") {
            let m = r.object(value, path, &["emit", "args"])?;
            let name = field(r, m, "emit", path, Reader::id)?;
            let args = m
                .get("args")
                .map(|v| assignments(r, v, &key_path(path, "args")))
                .unwrap_or_default();
            return Some(EffectDoc::Emit { name, args });
        }
    }
    let (op, arg) = r.single_key(value, path)?;
    let p = key_path(path, op);
    Some(match op {
        "set" => EffectDoc::Set(assignments(r, arg, &p)),
        "stamp" => EffectDoc::Stamp(r.id(arg, &p)?),
        "clear" => EffectDoc::Clear(r.id(arg, &p)?),
        "increment" => EffectDoc::Increment(r.id(arg, &p)?),
        other => {
            r.report(
                Code::InvalidValue,
                p,
                format!("unknown effect '{other}'; use set, stamp, clear, increment or emit"),
            );
            return None;
        }
    })
}

fn alternatives(r: &mut Reader, value: &Value, path: &str) -> Vec<AlternativeDoc> {
    r.array(value, path, MAX_EFFECTS)
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let p = index_path(path, i);
            let m = r.object(v, &p, &["action", "contact", "waitFor", "message", "when"])?;
            let message = field(r, m, "message", &p, Reader::id);
            let when = m
                .get("when")
                .and_then(|c| condition(r, c, &key_path(&p, "when"), 1));
            let kinds = ["action", "contact", "waitFor"]
                .iter()
                .filter(|k| m.contains_key(**k))
                .count();
            if kinds != 1 {
                r.report(
                    Code::InvalidValue,
                    &p,
                    "an alternative names exactly one of: action, contact, waitFor",
                );
                return None;
            }
            let kind = if let Some(a) = m.get("action") {
                AlternativeKind::Action(r.id(a, &key_path(&p, "action"))?)
            } else if let Some(c) = m.get("contact") {
                AlternativeKind::Contact(r.id(c, &key_path(&p, "contact"))?)
            } else {
                let wp = key_path(&p, "waitFor");
                let (fact, status) = r.single_key(m.get("waitFor")?, &wp)?;
                let status = r.id(status, &key_path(&wp, fact))?;
                AlternativeKind::WaitFor {
                    fact: fact.to_owned(),
                    status,
                }
            };
            Some(AlternativeDoc {
                kind,
                message: message?,
                when,
            })
        })
        .collect()
}
