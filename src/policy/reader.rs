//! A JSON walker that collects every problem with its path instead of stopping at the first.
//!
//! Its functions are kept out of line (`#[inline(never)]`): the loader calls them from hundreds of
//! places, a load runs once, and inlined copies made the module 10.7 KB larger (3.5 KB gzipped)
//! and the code a cold load compiles 6% longer.

use crate::error::{did_you_mean, Code, Issue};
use serde_json::{Map, Value};

/// Collects issues while the loader walks a document.
#[derive(Default)]
pub(crate) struct Reader {
    pub issues: Vec<Issue>,
}

/// Where a value sits in the input: its parent's path and its key, written out as a path only
/// when a problem is reported there. A request's values are read at every decision, nearly always
/// without one, and a path built per key was an allocation per key.
#[derive(Clone, Copy)]
pub(crate) struct Place<'a> {
    pub parent: &'a str,
    pub key: &'a str,
}

impl Place<'_> {
    /// The path, such as `$.facts.order`.
    pub(crate) fn path(self) -> String {
        key_path(self.parent, self.key)
    }
}

#[inline(never)]
pub(crate) fn key_path(path: &str, key: &str) -> String {
    if !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        // Every key read builds its path: plain pushes cost a fraction of `format!`.
        let mut p = String::with_capacity(path.len() + 1 + key.len());
        p.push_str(path);
        p.push('.');
        p.push_str(key);
        p
    } else {
        let mut p = String::with_capacity(path.len() + 4 + key.len());
        p.push_str(path);
        p.push('[');
        super::canonical::write_string(key, &mut p);
        p.push(']');
        p
    }
}

#[inline(never)]
pub(crate) fn index_path(path: &str, index: usize) -> String {
    // Not `format!`: a load without problems then runs no formatting code, which a first load in
    // WebAssembly would compile (about 3 KB).
    let mut digits = itoa::Buffer::new();
    let number = digits.format(index);
    let mut p = String::with_capacity(path.len() + 2 + number.len());
    p.push_str(path);
    p.push('[');
    p.push_str(number);
    p.push(']');
    p
}

/// Stable ids: lowercase ASCII letters, digits, `_` and `-`, starting with a letter, at most 64.
#[inline(never)]
pub(crate) fn is_id(text: &str) -> bool {
    let bytes = text.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && bytes[0].is_ascii_lowercase()
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_' || *b == b'-')
}

#[inline(never)]
pub(crate) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(crate) type ReadFn<T> = fn(&mut Reader, &Value, &str) -> Option<T>;

/// A required field read with `read`.
#[inline(never)]
pub(crate) fn field<T>(
    r: &mut Reader,
    map: &Map<String, Value>,
    key: &str,
    path: &str,
    read: ReadFn<T>,
) -> Option<T> {
    let v = r.required(map, key, path)?;
    read(r, v, &key_path(path, key))
}

impl Reader {
    #[inline(never)]
    pub fn report(&mut self, code: Code, path: impl Into<String>, message: impl Into<String>) {
        self.issues.push(Issue::new(code, path, message));
    }

    #[inline(never)]
    fn wrong_type(&mut self, path: &str, expected: &str, got: &Value) {
        self.report(
            Code::WrongType,
            path,
            format!("expected {expected}, found {}", type_name(got)),
        );
    }

    /// An object whose keys are all among `allowed`; unknown keys are reported.
    #[inline(never)]
    pub fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        allowed: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = value else {
            self.wrong_type(path, "an object", value);
            return None;
        };
        for key in map.keys() {
            if !allowed.contains(&key.as_str()) {
                let hint = did_you_mean(key, allowed.iter().copied());
                self.report(
                    Code::UnknownField,
                    key_path(path, key),
                    format!(
                        "unknown field '{key}'; remove it or use one of: {}.{hint}",
                        allowed.join(", ")
                    ),
                );
            }
        }
        Some(map)
    }

    /// A field that must be present.
    #[inline(never)]
    pub fn required<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        key: &str,
        path: &str,
    ) -> Option<&'v Value> {
        let found = map.get(key);
        if found.is_none() {
            self.report(
                Code::MissingField,
                key_path(path, key),
                format!("the field '{key}' is required here"),
            );
        }
        found
    }

    #[inline(never)]
    pub fn string(&mut self, value: &Value, path: &str) -> Option<String> {
        match value {
            Value::String(s) => Some(s.clone()),
            other => {
                self.wrong_type(path, "a string", other);
                None
            }
        }
    }

    #[inline(never)]
    pub fn boolean(&mut self, value: &Value, path: &str) -> Option<bool> {
        match value {
            Value::Bool(b) => Some(*b),
            other => {
                self.wrong_type(path, "true or false", other);
                None
            }
        }
    }

    /// A whole number in `0..=max`.
    #[inline(never)]
    pub fn count(&mut self, value: &Value, path: &str, max: u32) -> Option<u32> {
        match value.as_u64() {
            Some(n) if n <= u64::from(max) => u32::try_from(n).ok(),
            Some(_) => {
                self.report(Code::InvalidValue, path, format!("must be at most {max}"));
                None
            }
            None => {
                self.wrong_type(path, "a whole number of at least 0", value);
                None
            }
        }
    }

    /// A stable id (see [`is_id`]).
    #[inline(never)]
    pub fn id(&mut self, value: &Value, path: &str) -> Option<String> {
        let text = self.string(value, path)?;
        if is_id(&text) {
            Some(text)
        } else {
            self.report(
                Code::InvalidId,
                path,
                format!(
                    "'{text}' is not a valid id: use lowercase ASCII letters, digits, '_' or '-', \
                     starting with a letter, at most 64 characters"
                ),
            );
            None
        }
    }

    /// An array of at most `limit` items.
    #[inline(never)]
    pub fn array<'v>(&mut self, value: &'v Value, path: &str, limit: usize) -> &'v [Value] {
        match value {
            Value::Array(items) if items.len() <= limit => items,
            Value::Array(items) => {
                self.report(
                    Code::TooMany,
                    path,
                    format!(
                        "{} items; the limit is {limit}: shorten the list",
                        items.len()
                    ),
                );
                &[]
            }
            other => {
                self.wrong_type(path, "an array", other);
                &[]
            }
        }
    }

    /// A list of ids, each valid.
    #[inline(never)]
    pub fn ids(&mut self, value: &Value, path: &str, limit: usize) -> Vec<String> {
        self.array(value, path, limit)
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.id(v, &index_path(path, i)))
            .collect()
    }

    /// A map from ids to values, in document order, with at most `limit` entries. Entries whose
    /// key is not a valid id are reported and left out.
    #[inline(never)]
    pub fn entries<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        limit: usize,
    ) -> Vec<(String, &'v Value, String)> {
        let Value::Object(map) = value else {
            self.wrong_type(path, "an object", value);
            return Vec::new();
        };
        if map.len() > limit {
            self.report(
                Code::TooMany,
                path,
                format!("{} entries; the limit is {limit}: remove some", map.len()),
            );
            return Vec::new();
        }
        map.iter()
            .filter_map(|(key, v)| {
                let p = key_path(path, key);
                if is_id(key) {
                    Some((key.clone(), v, p))
                } else {
                    self.report(
                        Code::InvalidId,
                        p,
                        format!(
                            "'{key}' is not a valid id: use lowercase ASCII letters, digits, '_' \
                             or '-', starting with a letter"
                        ),
                    );
                    None
                }
            })
            .collect()
    }

    /// An object with exactly one key, as conditions and effects are written: `{"all": [...]}`.
    #[inline(never)]
    pub fn single_key<'v>(&mut self, value: &'v Value, path: &str) -> Option<(&'v str, &'v Value)> {
        match value {
            Value::Object(map) if map.len() == 1 => map.iter().next().map(|(k, v)| (k.as_str(), v)),
            Value::Object(map) => {
                self.report(
                    Code::InvalidValue,
                    path,
                    format!(
                        "write one operator per object (found {} keys); wrap several in \
                         {{\"all\": [...]}}",
                        map.len()
                    ),
                );
                None
            }
            other => {
                self.wrong_type(path, "an object with one key", other);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_index_path_is_the_path_and_the_index_in_brackets() {
        for index in [0, 7, 10, 99, 100, 123_456, u32::MAX as usize, usize::MAX] {
            assert_eq!(
                super::index_path("$.rules", index),
                format!("$.rules[{index}]")
            );
        }
        assert_eq!(super::index_path("", 3), "[3]");
    }
}
