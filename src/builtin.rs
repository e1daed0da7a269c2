//! The built-in policies, embedded in the build from policies/*.json (compacted by build.rs).

use crate::{Error, Policy};

/// The built-in policies by id, as build.rs embeds them: the files without the whitespace between
/// tokens.
const SOURCES: &[(&str, &str)] = &[
    (
        "clodeo",
        include_str!(concat!(env!("OUT_DIR"), "/clodeo.json")),
    ),
    (
        "whmcs",
        include_str!(concat!(env!("OUT_DIR"), "/whmcs.json")),
    ),
    (
        "akulaku",
        include_str!(concat!(env!("OUT_DIR"), "/akulaku.json")),
    ),
    (
        "dropi",
        include_str!(concat!(env!("OUT_DIR"), "/dropi.json")),
    ),
    (
        "fr-backoffice",
        include_str!(concat!(env!("OUT_DIR"), "/fr-backoffice.json")),
    ),
];

/// The ids of the built-in policies.
///
/// ```
/// assert!(ordergate::builtin_names().contains(&"dropi"));
/// ```
pub fn builtin_names() -> Vec<&'static str> {
    SOURCES.iter().map(|(name, _)| *name).collect()
}

/// The JSON text of a built-in policy: its file in policies/, without the whitespace between
/// tokens.
///
/// ```
/// let text = ordergate::builtin_source("dropi").unwrap();
/// assert!(text.starts_with(r#"{"ordergate":1,"id":"dropi""#));
/// ```
pub fn builtin_source(name: &str) -> Option<&'static str> {
    SOURCES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// A built-in policy, loaded and compiled.
///
/// ```
/// let policy = ordergate::builtin("dropi").unwrap();
/// assert_eq!(policy.id(), "dropi");
/// ```
pub fn builtin(name: &str) -> Result<Policy, Error> {
    match builtin_source(name) {
        Some(source) => Policy::from_json(source),
        None => Err(Error::input(
            crate::Code::UnknownPolicy,
            "$",
            format!(
                "no built-in policy '{name}'; known: {}",
                builtin_names().join(", ")
            ),
        )),
    }
}
