//! Policies read from JSON: loaded, validated, compiled, and written in their compiled form.

use super::{json_error, Origin, Policy};
use crate::compile;
use crate::error::{Code, Error, Issue};
use crate::eval::numbers;
use crate::json_parse;
use crate::policy::{canonical, limits, load, reader::Reader};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

impl Policy {
    /// Reads, validates and compiles a policy document. Every problem is reported at once.
    pub fn from_json(text: &str) -> Result<Policy, Error> {
        if text.len() > limits::MAX_POLICY_BYTES {
            return Err(Error::InvalidPolicy(vec![Issue::new(
                Code::TooLarge,
                "$",
                format!(
                    "the policy is {} bytes; the limit is {}",
                    text.len(),
                    limits::MAX_POLICY_BYTES
                ),
            )]));
        }
        let value =
            json_parse::parse(text).map_err(|e| Error::InvalidPolicy(vec![json_error(&e)]))?;
        Policy::build(&value, || HashSource::Text(text.to_owned()))
    }

    /// Validates and compiles a policy already parsed as JSON.
    pub fn from_value(value: &Value) -> Result<Policy, Error> {
        Policy::build(value, || HashSource::Canonical(canonical::text(value)))
    }

    /// Validates and compiles `value`; `hashed` is asked for only when the policy is valid.
    fn build(value: &Value, hashed: impl FnOnce() -> HashSource) -> Result<Policy, Error> {
        let mut reader = Reader::default();
        let document = load::document(&mut reader, value);
        let program = document.as_ref().map(|d| compile::compile(&mut reader, d));
        match (document, program) {
            (Some(document), Some(program)) if reader.issues.is_empty() => Ok(Policy {
                rows: numbers::row_checks(&program),
                program: Arc::new(program),
                id: document.id.clone(),
                version: document.version.clone(),
                origin: Origin::Document {
                    document: Box::new(document),
                    hashed: hashed(),
                },
                stamp: OnceLock::new(),
            }),
            _ => Err(Error::InvalidPolicy(reader.issues)),
        }
    }

    /// The policy in its compiled form, for [`Policy::from_compiled`]: its program, id,
    /// version, hash and summary, in a few kilobytes that load without the compiler.
    pub fn to_compiled(&self) -> Vec<u8> {
        let about = crate::compiled::About {
            id: self.id.clone(),
            version: self.version.clone(),
            hash: self.hash().to_owned(),
            summary: crate::ffi::describe_json(self),
        };
        crate::compiled::write(&about, &self.program)
    }
}

/// What a policy's hash is taken of: its canonical JSON (keys sorted, no spaces).
#[derive(Debug, Clone)]
pub(super) enum HashSource {
    /// The text the policy was read from: its canonical JSON is written when the hash is first
    /// asked, which keeps the writing (its code and its key sorts) out of a cold load.
    Text(String),
    /// The canonical JSON itself, for a policy given as a value (kept as its canonical text
    /// rather than as the value, which takes several times the memory).
    Canonical(String),
}

impl HashSource {
    /// `sha256:` and the hash of the canonical JSON.
    pub(super) fn hash(&self) -> String {
        sha256_hex(&self.canonical())
    }

    fn canonical(&self) -> Cow<'_, str> {
        match self {
            HashSource::Canonical(text) => Cow::Borrowed(text),
            // The text was read without error when the policy was loaded, and reading is
            // deterministic, so the error branch is never taken.
            HashSource::Text(text) => match json_parse::parse(text) {
                Ok(value) => Cow::Owned(canonical::text(&value)),
                Err(_) => Cow::Borrowed(text),
            },
        }
    }
}

/// `sha256:` and the digest of `text` in lowercase hexadecimal.
fn sha256_hex(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(text.as_bytes());
    let mut hash = String::with_capacity(7 + 2 * digest.len());
    hash.push_str("sha256:");
    for byte in digest {
        hash.push(char::from(HEX[usize::from(byte >> 4)]));
        hash.push(char::from(HEX[usize::from(byte & 15)]));
    }
    hash
}
