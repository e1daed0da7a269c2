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
    out.push('"');
    let mut clean = 0;
    for (i, byte) in s.bytes().enumerate() {
        let short = match byte {
            b'"' => '"',
            b'\\' => '\\',
            0x08 => 'b',
            b'\t' => 't',
            b'\n' => 'n',
            0x0c => 'f',
            b'\r' => 'r',
            0x00..=0x1f => 'u',
            _ => continue,
        };
        // Escaped bytes are ASCII, so `clean..i` lies on character boundaries (`get` rather than
        // indexing: the module then carries no panic path for slicing within a character).
        out.push_str(s.get(clean..i).unwrap_or_default());
        out.push('\\');
        out.push(short);
        if short == 'u' {
            out.push_str("00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
        clean = i + 1;
    }
    out.push_str(s.get(clean..).unwrap_or_default());
    out.push('"');
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

    proptest! {
        #[test]
        fn strings_are_escaped_as_serde_json_escapes_them(s in "(\\PC|[\\x00-\\x1f\"\\\\\\x7f])*") {
            let mut out = String::new();
            write_string(&s, &mut out);
            prop_assert_eq!(out, serde_json::to_string(&s).unwrap());
        }
    }
}
