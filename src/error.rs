//! Errors: every problem carries a stable code, a path into the input and a message that says
//! what to do.

use serde::Serialize;
use std::fmt;

/// A stable, machine-readable error code. The string form (for example `UNKNOWN_STATUS`) never
/// changes between releases; messages may.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Errors.ts"))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Code {
    /// The text is not valid JSON.
    NotJson,
    /// The document is larger than the size limit.
    TooLarge,
    /// Conditions are nested deeper than the nesting limit.
    TooDeep,
    /// A list or map has more entries than its limit.
    TooMany,
    /// A required field is absent.
    MissingField,
    /// A field that the format does not know.
    UnknownField,
    /// A value of the wrong JSON type.
    WrongType,
    /// A value of the right type that is not acceptable (negative, empty, malformed).
    InvalidValue,
    /// An id that is not lowercase ASCII (`a-z`, `0-9`, `_`, `-`).
    InvalidId,
    /// The same id is declared twice.
    DuplicateId,
    /// A status id that the dimension does not declare.
    UnknownStatus,
    /// A fact name that the policy does not declare.
    UnknownFact,
    /// A role that the policy does not declare.
    UnknownRole,
    /// An action that the policy does not declare.
    UnknownAction,
    /// A parameter that the action does not declare.
    UnknownParam,
    /// An actor attribute that the policy does not declare.
    UnknownAttribute,
    /// A message code that the policy does not declare.
    UnknownMessage,
    /// A named effect that the policy does not declare.
    UnknownEffect,
    /// A declared language without a message, or a message in an undeclared language.
    MissingTranslation,
    /// Two operands whose types cannot be compared.
    TypeMismatch,
    /// Two money values in different currencies.
    CurrencyMismatch,
    /// A rule that can never be chosen.
    UnreachableRule,
    /// A time zone that is not in the IANA database.
    UnknownTimeZone,
    /// A date or timestamp that cannot be read.
    InvalidTimestamp,
    /// A fact that the policy requires and the input does not give.
    MissingFact,
    /// A parameter that the chosen rule requires and the action does not give.
    MissingParam,
    /// A decision that does not belong to this policy or cannot be applied.
    InvalidDecision,
    /// A policy name that is not built in (or not loaded).
    UnknownPolicy,
    /// Bytes that are not a policy compiled by this version of ordergate (another format,
    /// damaged or cut short).
    InvalidCompiled,
}

impl Code {
    /// The stable string form of the code, as it appears in JSON.
    ///
    /// ```
    /// assert_eq!(ordergate::Code::UnknownStatus.as_str(), "UNKNOWN_STATUS");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Code::NotJson => "NOT_JSON",
            Code::TooLarge => "TOO_LARGE",
            Code::TooDeep => "TOO_DEEP",
            Code::TooMany => "TOO_MANY",
            Code::MissingField => "MISSING_FIELD",
            Code::UnknownField => "UNKNOWN_FIELD",
            Code::WrongType => "WRONG_TYPE",
            Code::InvalidValue => "INVALID_VALUE",
            Code::InvalidId => "INVALID_ID",
            Code::DuplicateId => "DUPLICATE_ID",
            Code::UnknownStatus => "UNKNOWN_STATUS",
            Code::UnknownFact => "UNKNOWN_FACT",
            Code::UnknownRole => "UNKNOWN_ROLE",
            Code::UnknownAction => "UNKNOWN_ACTION",
            Code::UnknownParam => "UNKNOWN_PARAM",
            Code::UnknownAttribute => "UNKNOWN_ATTRIBUTE",
            Code::UnknownMessage => "UNKNOWN_MESSAGE",
            Code::UnknownEffect => "UNKNOWN_EFFECT",
            Code::MissingTranslation => "MISSING_TRANSLATION",
            Code::TypeMismatch => "TYPE_MISMATCH",
            Code::CurrencyMismatch => "CURRENCY_MISMATCH",
            Code::UnreachableRule => "UNREACHABLE_RULE",
            Code::UnknownTimeZone => "UNKNOWN_TIME_ZONE",
            Code::InvalidTimestamp => "INVALID_TIMESTAMP",
            Code::MissingFact => "MISSING_FACT",
            Code::MissingParam => "MISSING_PARAM",
            Code::InvalidDecision => "INVALID_DECISION",
            Code::UnknownPolicy => "UNKNOWN_POLICY",
            Code::InvalidCompiled => "INVALID_COMPILED",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a policy or an input.
///
/// `path` points into the JSON that was given, in the form `$.rules[2].when.all[0]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, export_to = "Errors.ts"))]
pub struct Issue {
    /// The stable code.
    pub code: Code,
    /// Where in the input the problem is.
    pub path: String,
    /// What is wrong and what to do, in one sentence.
    pub message: String,
}

impl Issue {
    pub(crate) fn new(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        Issue {
            code,
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}: {}", self.code, self.path, self.message)
    }
}

/// The error type of every fallible ordergate call.
///
/// ```
/// let err = ordergate::Policy::from_json("{").unwrap_err();
/// assert_eq!(err.code(), ordergate::Code::NotJson);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The policy document has one or more problems; all of them are listed.
    #[error("the policy is invalid ({} problem(s)); first: {}", .0.len(), first(.0))]
    InvalidPolicy(Vec<Issue>),
    /// A request (facts, actor, action, time or decision) is malformed.
    #[error("{0}")]
    InvalidInput(Issue),
}

fn first(issues: &[Issue]) -> String {
    issues.first().map(ToString::to_string).unwrap_or_default()
}

impl Error {
    /// The code of the (first) problem.
    pub fn code(&self) -> Code {
        self.issues()
            .first()
            .map(|i| i.code)
            .unwrap_or(Code::InvalidValue)
    }

    /// Every problem the error carries (one for an input error).
    pub fn issues(&self) -> &[Issue] {
        match self {
            Error::InvalidPolicy(issues) => issues,
            Error::InvalidInput(issue) => std::slice::from_ref(issue),
        }
    }

    pub(crate) fn input(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidInput(Issue::new(code, path, message))
    }
}

/// Suggests the closest known name for a misspelt one ("did you mean ...?").
pub(crate) fn did_you_mean<'a>(given: &str, known: impl Iterator<Item = &'a str>) -> String {
    let best = known
        .map(|k| (edit_distance(given, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min_by_key(|(d, _)| *d);
    match best {
        Some((_, k)) => format!(" Did you mean '{k}'?"),
        None => String::new(),
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let known = ["pendiente", "por_confirmar", "en_transito"];
        assert_eq!(
            did_you_mean("pendiete", known.iter().copied()),
            " Did you mean 'pendiente'?"
        );
        assert_eq!(did_you_mean("shipped", known.iter().copied()), "");
    }
}
