//! The built-in policies, embedded in the build from policies/*.json (compacted by build.rs), and
//! their compiled forms from policies/compiled/ (which a test keeps equal to compiling the JSON).

use crate::Error;
#[cfg(feature = "compiler")]
use crate::Policy;

/// The ids of the built-in policies, in the order of [`SOURCES`] and [`COMPILED`].
const NAMES: [&str; 5] = ["clodeo", "whmcs", "akulaku", "dropi", "fr-backoffice"];

/// The built-in policies' JSON, as build.rs embeds them: the files without the whitespace between
/// tokens.
#[cfg(feature = "compiler")]
const SOURCES: [&str; 5] = [
    include_str!(concat!(env!("OUT_DIR"), "/clodeo.json")),
    include_str!(concat!(env!("OUT_DIR"), "/whmcs.json")),
    include_str!(concat!(env!("OUT_DIR"), "/akulaku.json")),
    include_str!(concat!(env!("OUT_DIR"), "/dropi.json")),
    include_str!(concat!(env!("OUT_DIR"), "/fr-backoffice.json")),
];

/// The compiled forms of the built-in policies, in the order of [`NAMES`]: what the engine
/// module, which has no compiler, loads.
const COMPILED: [&[u8]; 5] = [
    include_bytes!("../policies/compiled/clodeo.ogpc"),
    include_bytes!("../policies/compiled/whmcs.ogpc"),
    include_bytes!("../policies/compiled/akulaku.ogpc"),
    include_bytes!("../policies/compiled/dropi.ogpc"),
    include_bytes!("../policies/compiled/fr-backoffice.ogpc"),
];

/// The ids of the built-in policies.
///
/// ```
/// assert!(ordergate::builtin_names().contains(&"dropi"));
/// ```
pub fn builtin_names() -> Vec<&'static str> {
    NAMES.to_vec()
}

/// The JSON text of a built-in policy: its file in policies/, without the whitespace between
/// tokens.
///
/// ```
/// let text = ordergate::builtin_source("dropi").unwrap();
/// assert!(text.starts_with(r#"{"ordergate":1,"id":"dropi""#));
/// ```
#[cfg(feature = "compiler")]
pub fn builtin_source(name: &str) -> Option<&'static str> {
    SOURCES.get(position(name)?).copied()
}

/// A built-in policy, loaded and compiled.
///
/// ```
/// let policy = ordergate::builtin("dropi").unwrap();
/// assert_eq!(policy.id(), "dropi");
/// ```
#[cfg(feature = "compiler")]
pub fn builtin(name: &str) -> Result<Policy, Error> {
    builtin_source(name)
        .ok_or_else(|| unknown(name))
        .and_then(Policy::from_json)
}

/// The compiled form of a built-in policy (see [`Policy::from_compiled`]).
///
/// ```
/// let bytes = ordergate::builtin_compiled("dropi").unwrap();
/// let policy = ordergate::Policy::from_compiled(bytes).unwrap();
/// assert_eq!(policy.id(), "dropi");
/// ```
pub fn builtin_compiled(name: &str) -> Result<&'static [u8], Error> {
    position(name)
        .and_then(|i| COMPILED.get(i).copied())
        .ok_or_else(|| unknown(name))
}

/// Where `name` stands in [`NAMES`].
fn position(name: &str) -> Option<usize> {
    NAMES.iter().position(|n| *n == name)
}

fn unknown(name: &str) -> Error {
    Error::input(
        crate::Code::UnknownPolicy,
        "$",
        format!(
            "no built-in policy '{name}'; known: {}",
            builtin_names().join(", ")
        ),
    )
}
