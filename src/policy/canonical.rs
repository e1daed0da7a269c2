//! The canonical JSON of a policy, which its hash is taken of: object keys sorted, no spaces,
//! strings escaped exactly as serde_json escapes them, so that the same content gives the same
//! text (and hash) whatever its layout.

use serde_json::Value;

/// The canonical JSON of `value`.
pub(crate) fn text(value: &Value) -> String {
    let mut out = String::new();
    write(value, &mut out);
    out
}

/// Appends the canonical JSON of `value` to `out`.
pub(crate) fn write(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            // Each key beside its place in `values`: the sorted keys reach their values without
            // a lookup (a hash of the key) per key.
            let values: Vec<&Value> = map.values().collect();
            let mut keys: Vec<(&String, usize)> = map.keys().zip(0..).collect();
            // Keys of one object are distinct: an unstable sort gives the same order.
            crate::heapsort::sort(&mut keys);
            out.push('{');
            for (i, (key, at)) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                if let Some(value) = values.get(at) {
                    write(value, out);
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        Value::String(s) => write_string(s, out),
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => crate::json_text::write_number(n, out),
    }
}

/// A JSON string literal, escaped as serde_json escapes: `"`, `\` and the control characters,
/// those with a short form as `\b \t \n \f \r`, the others as `\u00xx`; nothing else. Written
/// here without allocating: a policy has hundreds of keys and strings, and loading runs in
/// WebAssembly's baseline tier on a cold start.
pub(crate) fn write_string(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    // Whole words of eight plain bytes first, each one load and a few operations: answers and
    // layouts are mostly plain text, written at every decision.
    let mut plain = 0;
    while let Some(word) = bytes.get(plain..plain + 8) {
        match <[u8; 8]>::try_from(word) {
            Ok(eight) if !needs_escape(u64::from_le_bytes(eight)) => plain += 8,
            _ => break,
        }
    }
    let mut clean = 0;
    for (at, &byte) in bytes.iter().enumerate().skip(plain) {
        if byte >= 0x20 && byte != b'"' && byte != b'\\' {
            continue;
        }
        let short = match byte {
            b'"' => '"',
            b'\\' => '\\',
            0x08 => 'b',
            b'\t' => 't',
            b'\n' => 'n',
            0x0c => 'f',
            b'\r' => 'r',
            _ => 'u',
        };
        // Escaped bytes are ASCII, so `clean..at` lies on character boundaries (`get` rather
        // than indexing: the module then carries no panic path for slicing within a character).
        out.push_str(s.get(clean..at).unwrap_or_default());
        out.push('\\');
        out.push(short);
        if short == 'u' {
            out.push_str("00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
        clean = at + 1;
    }
    out.push_str(s.get(clean..).unwrap_or_default());
    out.push('"');
}

/// Whether any of the eight bytes of `word` is a control character, `"` or `\`: each test
/// marks the high bit of a byte that is below 0x20, or equal to the byte compared with, and can
/// mark a byte above a marked one (a borrow), never one where no byte is marked.
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word;
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x;
    (below_space | zero_byte(quote) | zero_byte(backslash)) & HIGH != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    #[test]
    fn keys_are_sorted_and_spaces_dropped() {
        let mut out = String::new();
        write(
            &json!({"b": [1, 2.5, null, true], "a": {"d": "x\"y", "c": false}}),
            &mut out,
        );
        assert_eq!(out, r#"{"a":{"c":false,"d":"x\"y"},"b":[1,2.5,null,true]}"#);
    }

    #[test]
    fn every_escaped_byte_is_found_at_every_place_in_and_across_eight_byte_words() {
        let specials = [
            '"', '\\', '\u{0}', '\u{8}', '\t', '\n', '\u{c}', '\r', '\u{1f}',
        ];
        // Bytes just around the escaped ones, which a borrow between bytes could confuse.
        let neighbours = [' ', '!', '#', '[', ']', '\u{7f}', 'é', '\u{1}'];
        for len in 0..20 {
            for at in 0..len {
                for special in specials.iter().chain(&neighbours) {
                    let mut text: Vec<char> = "abcdefghijklmnopqrst".chars().take(len).collect();
                    text[at] = *special;
                    let text: String = text.into_iter().collect();
                    let mut out = String::new();
                    write_string(&text, &mut out);
                    assert_eq!(out, serde_json::to_string(&text).unwrap(), "{text:?}");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn strings_are_escaped_as_serde_json_escapes_them(s in "(\\PC|[\\x00-\\x1f\"\\\\\\x7f])*") {
            let mut out = String::new();
            write_string(&s, &mut out);
            prop_assert_eq!(out, serde_json::to_string(&s).unwrap());
        }
    }
}
