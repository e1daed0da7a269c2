//! JSON text in, JSON text out: the one boundary every binding uses. The WASM layer is a thin
//! wrapper over these functions, so Node, browsers and native Rust produce the same bytes.

use crate::api::json::{json_object, to_json, Object, ToJson};
use crate::api::{Change, PolicyStamp};
use crate::engine::json_error;
use crate::error::{Code, Error};
use crate::policy::limits::MAX_REQUEST_BYTES;
use crate::policy::model::Text;
use crate::Policy;
use serde_json::Value;

/// An error as JSON: `{"code", "path", "message", "issues": [{code, path, message}, ...]}`.
///
/// ```
/// let err = ordergate::Policy::from_json("[]").unwrap_err();
/// let json = ordergate::ffi::error_json(&err);
/// assert!(json.starts_with("{\"code\":\"WRONG_TYPE\""));
/// ```
pub fn error_json(error: &Error) -> String {
    let issues = error.issues();
    let message = match error {
        Error::InvalidPolicy(_) => error.to_string(),
        Error::InvalidInput(issue) => issue.message.clone(),
    };
    let mut out = String::with_capacity(256);
    Object::new(&mut out)
        .named("code", error.code().as_str())
        .named("path", issues.first().map_or("$", |i| i.path.as_str()))
        .named("message", &message)
        .named("issues", issues)
        .end();
    out
}

fn parse(text: &str) -> Result<Value, Error> {
    if text.len() > MAX_REQUEST_BYTES {
        return Err(Error::input(
            Code::TooLarge,
            "$",
            format!(
                "the request is {} bytes; the limit is {MAX_REQUEST_BYTES}",
                text.len()
            ),
        ));
    }
    crate::json_parse::parse(text).map_err(|e| Error::InvalidInput(json_error(&e)))
}

/// [`Policy::decide`] on JSON text.
pub fn decide_json(policy: &Policy, request: &str) -> Result<String, Error> {
    Ok(to_json(&policy.decide(&parse(request)?)?))
}

/// [`Policy::available`] on JSON text.
pub fn available_json(policy: &Policy, request: &str) -> Result<String, Error> {
    Ok(to_json(&policy.available(&parse(request)?)?))
}

/// [`Policy::apply`] on JSON text: `{"facts": {...}, "decision": {...}}`.
pub fn apply_json(policy: &Policy, request: &str) -> Result<String, Error> {
    let value = parse(request)?;
    let facts = value
        .get("facts")
        .ok_or_else(|| Error::input(Code::MissingField, "$.facts", "apply needs 'facts'"))?;
    let decision = value
        .get("decision")
        .ok_or_else(|| Error::input(Code::MissingField, "$.decision", "apply needs 'decision'"))?;
    let (taken_by, changes) = applied(decision)?;
    Ok(to_json(&policy.apply_changes(facts, &taken_by, &changes)?))
}

/// What applying reads of a decision given as JSON: the policy that took it and its changes.
/// Read by hand rather than as a whole [`crate::Decision`]: deserializing every field through
/// serde would bring its code, and serde_json's float printer for its error messages, into the
/// module for fields that applying never reads.
fn applied(decision: &Value) -> Result<(PolicyStamp, Vec<Change>), Error> {
    let invalid = |path: &str, what: &str| {
        Error::input(
            Code::InvalidDecision,
            path,
            format!("not a decision of ordergate: {what}"),
        )
    };
    let text = |value: &Value, path: &str, key: &str| -> Result<String, Error> {
        match value.get(key) {
            Some(Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(invalid(&format!("{path}.{key}"), "expected a string")),
            None => Err(invalid(path, &format!("missing field `{key}`"))),
        }
    };
    if !decision.is_object() {
        return Err(invalid("$.decision", "expected an object"));
    }
    let policy = match decision.get("policy") {
        Some(p) if p.is_object() => p,
        Some(_) => return Err(invalid("$.decision.policy", "expected an object")),
        None => return Err(invalid("$.decision", "missing field `policy`")),
    };
    let path = "$.decision.policy";
    let taken_by = PolicyStamp {
        id: text(policy, path, "id")?,
        version: text(policy, path, "version")?,
        hash: text(policy, path, "hash")?,
    };
    let listed = match decision.get("changes") {
        Some(Value::Array(list)) => list,
        Some(_) => return Err(invalid("$.decision.changes", "expected an array")),
        None => return Err(invalid("$.decision", "missing field `changes`")),
    };
    let mut changes = Vec::with_capacity(listed.len());
    for (i, change) in listed.iter().enumerate() {
        let path = format!("$.decision.changes[{i}]");
        if !change.is_object() {
            return Err(invalid(&path, "expected an object"));
        }
        let value = |key: &str| {
            change
                .get(key)
                .cloned()
                .ok_or_else(|| invalid(&path, &format!("missing field `{key}`")))
        };
        changes.push(Change {
            fact: text(change, &path, "fact")?,
            from: value("from")?,
            to: value("to")?,
        });
    }
    Ok((taken_by, changes))
}

/// A summary of a policy for tools and UIs: id, version, hash, languages, dimensions with their
/// statuses and labels, roles and actions.
pub fn describe_json(policy: &Policy) -> String {
    if let Some(summary) = policy.compiled_summary() {
        return summary.to_owned();
    }
    let Some(doc) = policy.document() else {
        return String::new();
    };
    let summary = Summary {
        id: policy.id(),
        version: policy.version(),
        hash: policy.hash(),
        name: Labels(&doc.name),
        languages: &doc.languages,
        time_zone: doc.calendar.zone.name(),
        dimensions: (doc.dimensions.iter())
            .map(|(id, d)| DimensionSummary {
                id,
                label: Labels(&d.label),
                statuses: d.statuses.iter().map(Entry::of).collect(),
            })
            .collect(),
        facts: (doc.facts.iter())
            .map(|(id, f)| Entry {
                id,
                label: Labels(&f.label),
            })
            .collect(),
        roles: doc.roles.iter().map(Entry::of).collect(),
        actions: (doc.actions.iter())
            .map(|(id, a)| ActionSummary {
                id,
                label: Labels(&a.label),
                params: a.params.iter().map(|(p, _)| p.as_str()).collect(),
            })
            .collect(),
    };
    to_json(&summary)
}

/// What [`describe_json`] writes, borrowed from the document (in field order).
struct Summary<'a> {
    id: &'a str,
    version: &'a str,
    hash: &'a str,
    name: Labels<'a>,
    languages: &'a [String],
    time_zone: &'a str,
    dimensions: Vec<DimensionSummary<'a>>,
    facts: Vec<Entry<'a>>,
    roles: Vec<Entry<'a>>,
    actions: Vec<ActionSummary<'a>>,
}

struct Entry<'a> {
    id: &'a str,
    label: Labels<'a>,
}

impl<'a> Entry<'a> {
    fn of((id, label): &'a (String, Text)) -> Self {
        Entry {
            id,
            label: Labels(label),
        }
    }
}

struct DimensionSummary<'a> {
    id: &'a str,
    label: Labels<'a>,
    statuses: Vec<Entry<'a>>,
}

struct ActionSummary<'a> {
    id: &'a str,
    label: Labels<'a>,
    params: Vec<&'a str>,
}

/// Texts per language, as an object in document order.
struct Labels<'a>(&'a Text);

impl ToJson for Labels<'_> {
    fn write_json(&self, out: &mut String) {
        let mut object = Object::new(out);
        for (language, text) in self.0.iter() {
            object.field(language, text);
        }
        object.end();
    }
}

json_object!(Summary<'_> {
    "id" => id,
    "version" => version,
    "hash" => hash,
    "name" => name,
    "languages" => languages,
    "timeZone" => time_zone,
    "dimensions" => dimensions,
    "facts" => facts,
    "roles" => roles,
    "actions" => actions,
});

json_object!(Entry<'_> {
    "id" => id,
    "label" => label,
});

json_object!(DimensionSummary<'_> {
    "id" => id,
    "label" => label,
    "statuses" => statuses,
});

json_object!(ActionSummary<'_> {
    "id" => id,
    "label" => label,
    "params" => params,
});

/// The layout of question rows for [`verdict_rows`], as JSON ([`crate::Layout`]).
pub fn layout_json(policy: &Policy) -> String {
    to_json(&policy.layout())
}

/// Numbers per verdict written by [`verdict_rows`]: outcome (0 allowed, 1 approval required,
/// 2 denied, -1 when the row must be asked through JSON), rule index (-1 none), reason message
/// index (-1 none), alternatives mask, valid-until epoch ms (NaN none), remaining
/// chances (-1 none).
pub const VERDICT_WIDTH: usize = 6;

/// An outcome's number in a verdict row (the SDK's `OUTCOMES` lists them in this order).
pub(crate) fn outcome_code(outcome: crate::Outcome) -> u8 {
    match outcome {
        crate::Outcome::Allowed => 0,
        crate::Outcome::ApprovalRequired => 1,
        crate::Outcome::Denied => 2,
    }
}

/// Decides every row of `rows` (each `row_length` numbers, see [`crate::Layout`]) into `out`
/// ([`VERDICT_WIDTH`] numbers per row), reading each row in place. Returns how many rows were
/// decided here; the others are marked -1 and must be asked through [`decide_json`].
///
/// ```
/// let policy = ordergate::builtin("dropi").unwrap();
/// let layout = policy.layout();
/// let mut row = vec![f64::NAN; layout.row_length];
/// row[0] = 0.0; // the first action
/// row[1] = 0.0; // the first role
/// row[2] = 1_772_463_600_000.0;
/// row[3] = 0.0; // the first status
/// let mut out = [0.0; ordergate::ffi::VERDICT_WIDTH];
/// assert_eq!(ordergate::ffi::verdict_rows(&policy, &row, &mut out), 1);
/// ```
pub fn verdict_rows(policy: &Policy, rows: &[f64], out: &mut [f64]) -> usize {
    let width = policy.layout_row_length();
    if width == 0 {
        return 0;
    }
    let mut decided = 0;
    for (row, result) in rows
        .chunks_exact(width)
        .zip(out.chunks_exact_mut(VERDICT_WIDTH))
    {
        let verdict = policy.verdict_of_row(row).filter(|v| !v.missing_param);
        let Some(v) = verdict else {
            result.copy_from_slice(&[-1.0, -1.0, -1.0, 0.0, f64::NAN, -1.0]);
            continue;
        };
        decided += 1;
        let outcome = f64::from(outcome_code(v.outcome));
        let index = |i: Option<u32>| i.map_or(-1.0, f64::from);
        result.copy_from_slice(&[
            outcome,
            index(v.rule),
            index(v.reason.map(u32::from)),
            f64::from(v.alternatives),
            v.valid_until.map_or(f64::NAN, |t| t.millis() as f64),
            index(v.remaining_chances),
        ]);
    }
    decided
}

/// The body of a JavaScript function that returns `verdictRow(row, at, out, o, checked)`: it
/// decides the row at `row[at]` exactly as [`verdict_rows`] does and writes the same
/// [`VERDICT_WIDTH`] numbers at `out[o]`, without a call into the module. It returns 1 when it
/// decided, 0 when the row must be asked through [`decide_json`] (its verdict then marked -1, as
/// `verdict_rows` marks it), and 2, writing nothing, for an action only the module decides exactly
/// (windows of calendar or business days, whole numbers beyond 2^53). `checked` skips the checks
/// of the row's values (not of its header), for a row that an earlier call answered 1 or 2 and
/// that is decided again with only its instant changed.
///
/// ```
/// let policy = ordergate::builtin("dropi").unwrap();
/// let body = ordergate::ffi::verdict_script(&policy);
/// assert!(body.contains("function verdictRow(row, at, out, o, checked)"));
/// ```
pub fn verdict_script(policy: &Policy) -> String {
    policy.verdict_script()
}
