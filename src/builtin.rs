//! The built-in policies, embedded in the build from policies/*.json.

use crate::{Error, Policy};

const SOURCES: &[(&str, &str)] = &[
    ("clodeo", include_str!("../policies/clodeo.json")),
    ("whmcs", include_str!("../policies/whmcs.json")),
    ("akulaku", include_str!("../policies/akulaku.json")),
    ("dropi", include_str!("../policies/dropi.json")),
    (
        "fr-backoffice",
        include_str!("../policies/fr-backoffice.json"),
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

/// The JSON text of a built-in policy.
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
