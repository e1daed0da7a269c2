//! Embeds the built-in policies (policies/*.json) without the whitespace between tokens: a third
//! less data in the module (121 -> 77 KB) and 1.8 KB less to download gzipped, the same documents.

use std::{env, fs, io, path::Path};

const POLICIES: &[&str] = &["clodeo", "whmcs", "akulaku", "dropi", "fr-backoffice"];

fn main() -> io::Result<()> {
    let out = env::var_os("OUT_DIR").ok_or_else(|| io::Error::other("OUT_DIR is not set"))?;
    println!("cargo:rerun-if-changed=build.rs");
    for name in POLICIES {
        let source = format!("policies/{name}.json");
        println!("cargo:rerun-if-changed={source}");
        let text = fs::read_to_string(&source)?;
        fs::write(Path::new(&out).join(format!("{name}.json")), compact(&text))?;
    }
    Ok(())
}

/// `text` without the whitespace outside strings. Inside a string every character is kept; a
/// backslash escapes the next one, so `\"` does not end it.
fn compact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}
