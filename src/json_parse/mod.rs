//! JSON text read into serde_json's `Value` by hand, for policies and requests. serde_json's own
//! reader reaches a `Value` through serde's visitor machinery, 16 KB of the WebAssembly module;
//! with this reader instead the module is 7 KB smaller (2.6 KB gzipped), at the same speed within
//! a few percent (docs/benchmarks.md). It gives the same values (numbers converted exactly as
//! serde_json converts them without its `float_roundtrip` feature, a repeated key keeping its first
//! place and its last value), accepts and refuses the same texts, and words its errors as
//! serde_json does, with the line and column: the tests below hold it to serde_json.

mod number;

use serde_json::{Map, Value};

/// Containers (arrays and objects) may nest below this depth, as in serde_json.
const MAX_DEPTH: u32 = 128;

/// Why a text is not JSON, or nests too deeply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    /// The containers nest [`MAX_DEPTH`] deep or more.
    pub too_deep: bool,
    /// What is wrong and where: "expected `:` at line 3 column 9".
    pub message: String,
}

/// Reads `text` as one JSON value, with whitespace around it.
pub(crate) fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
        pairs: Vec::with_capacity(16),
    };
    let value = reader.value()?;
    match reader.skip_whitespace() {
        None => Ok(value),
        Some(_) => Err(reader.error("trailing characters")),
    }
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The next byte to read.
    at: usize,
    /// Containers open around the current position.
    depth: u32,
    /// The members of the objects being read, innermost last: an object's map is made once its
    /// members are known, at its size, rather than grown (and its hash table rebuilt) key by key.
    pairs: Vec<(String, Value)>,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// The next byte that is not whitespace, not consumed.
    fn skip_whitespace(&mut self) -> Option<u8> {
        while let Some(b) = self.peek() {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.at += 1;
        }
        None
    }

    /// An error at the byte about to be read (or at the end of the text), placed as serde_json
    /// places it: the line, and the column of that byte counted from 1 in bytes.
    #[cold]
    fn error(&self, what: &str) -> SyntaxError {
        let end = (self.at + 1).min(self.bytes.len());
        let before = self.bytes.get(..end).unwrap_or_default();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        SyntaxError {
            too_deep: false,
            message: format!("{what} at line {line} column {}", end - line_start),
        }
    }

    // Each kind of value has a reader of its own, kept out of line here and by wasm-opt
    // (scripts/build.sh), and a string's escapes are read apart. V8 moves a WebAssembly function
    // to its optimizing compiler once it has run enough of its code: reading a policy once made
    // the 5.7 KB reader all of them had formed move during a cold start's first load, and its
    // compile (5-11 ms on the other core) slowed that load by about 0.8 ms.
    fn value(&mut self) -> Result<Value, SyntaxError> {
        let Some(first) = self.skip_whitespace() else {
            return Err(self.error("EOF while parsing a value"));
        };
        match first {
            b'n' => self.word("null", Value::Null),
            b't' => self.word("true", Value::Bool(true)),
            b'f' => self.word("false", Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' => self.number(),
            b'[' => self.array(),
            b'{' => self.object(),
            _ => Err(self.error("expected value")),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        for &expected in word.as_bytes() {
            match self.peek() {
                Some(b) if b == expected => self.at += 1,
                Some(_) => return Err(self.error("expected ident")),
                None => return Err(self.error("EOF while parsing a value")),
            }
        }
        Ok(value)
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            let mut error = self.error("recursion limit exceeded");
            error.too_deep = true;
            return Err(error);
        }
        self.at += 1;
        Ok(())
    }

    #[inline(never)]
    fn array(&mut self) -> Result<Value, SyntaxError> {
        self.enter()?;
        let mut items = Vec::new();
        if !self.closes(b']') {
            loop {
                items.push(self.value()?);
                if !self.next_item(b']', "expected `,` or `]`", "EOF while parsing a list")? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(Value::Array(items))
    }

    #[inline(never)]
    fn object(&mut self) -> Result<Value, SyntaxError> {
        self.enter()?;
        let start = self.pairs.len();
        if !self.closes(b'}') {
            loop {
                match self.skip_whitespace() {
                    Some(b'"') => {}
                    Some(_) => return Err(self.error("key must be a string")),
                    None => return Err(self.error("EOF while parsing an object")),
                }
                let key = self.string()?;
                match self.skip_whitespace() {
                    Some(b':') => self.at += 1,
                    Some(_) => return Err(self.error("expected `:`")),
                    None => return Err(self.error("EOF while parsing an object")),
                }
                let value = self.value()?;
                self.pairs.push((key, value));
                if !self.next_item(b'}', "expected `,` or `}`", "EOF while parsing an object")? {
                    break;
                }
            }
        }
        self.depth -= 1;
        let mut map = Map::with_capacity(self.pairs.len() - start);
        for (key, value) in self.pairs.drain(start..) {
            // A repeated key keeps its first place and takes the last value, as in serde_json.
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }

    /// Reads `close` if it comes next, after whitespace: the container just opened is empty.
    fn closes(&mut self, close: u8) -> bool {
        let empty = self.skip_whitespace() == Some(close);
        if empty {
            self.at += 1;
        }
        empty
    }

    /// After an item of a container that `close` ends: true when a comma says another item
    /// follows, false when the container ends here (either is read).
    fn next_item(&mut self, close: u8, expected: &str, eof: &str) -> Result<bool, SyntaxError> {
        match self.skip_whitespace() {
            Some(b',') => {
                self.at += 1;
                if self.skip_whitespace() == Some(close) {
                    return Err(self.error("trailing comma"));
                }
                Ok(true)
            }
            Some(b) if b == close => {
                self.at += 1;
                Ok(false)
            }
            Some(_) => Err(self.error(expected)),
            None => Err(self.error(eof)),
        }
    }

    /// A string, from its opening quote (the next byte) to its closing one.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let start = self.at;
        // Most strings have no escape: copied in one piece, at their exact length.
        if self.skip_plain() == Some(b'"') {
            let plain = self.text.get(start..self.at).unwrap_or_default().to_owned();
            self.at += 1;
            return Ok(plain);
        }
        self.escaped(start)
    }

    /// The rest of a string that has an escape or a control byte, from `start`, its first byte.
    #[cold]
    #[inline(never)]
    fn escaped(&mut self, start: usize) -> Result<String, SyntaxError> {
        let mut out = String::from(self.text.get(start..self.at).unwrap_or_default());
        loop {
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                // A control byte, which must be escaped in a string.
                Some(_) => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
            let run = self.at;
            self.skip_plain();
            // The run ends before an ASCII byte (or at the end), so on a character boundary.
            out.push_str(self.text.get(run..self.at).unwrap_or_default());
        }
    }

    /// Moves to the next byte that ends a plain run of a string (a quote, a backslash, a control
    /// byte) and returns it, or to the end of the text.
    fn skip_plain(&mut self) -> Option<u8> {
        let rest = self.bytes.get(self.at..).unwrap_or_default();
        match rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        {
            Some(skip) => {
                self.at += skip;
                self.peek()
            }
            None => {
                self.at = self.bytes.len();
                None
            }
        }
    }

    /// The character of an escape, after its backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let Some(b) = self.peek() else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.at += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => {
                self.at -= 1;
                return Err(self.error("invalid escape"));
            }
        };
        out.push(c);
        Ok(())
    }

    /// The character of a `\\u` escape, after its `u`: a code unit, or two that make a surrogate
    /// pair. A surrogate alone is refused: the text would not be valid UTF-8.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        let code = match first {
            0xDC00..=0xDFFF => return Err(self.error("lone leading surrogate in hex escape")),
            0xD800..=0xDBFF => {
                if self.peek() != Some(b'\\') || self.bytes.get(self.at + 1) != Some(&b'u') {
                    return Err(self.error("unexpected end of hex escape"));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                0x1_0000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00)
            }
            _ => u32::from(first),
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))
    }

    fn hex4(&mut self) -> Result<u16, SyntaxError> {
        let mut n = 0u16;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                Some(_) => return Err(self.error("invalid escape")),
                None => return Err(self.error("EOF while parsing a string")),
            };
            self.at += 1;
            n = (n << 4) | u16::from(digit);
        }
        Ok(n)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn written(value: &Value) -> String {
        serde_json::to_string(value).unwrap()
    }

    /// Ours and serde_json's reading of `text`: both refuse it, or both give the same value, with
    /// numbers of the same kind (integer or float, and the sign of a zero) written the same.
    fn same_as_serde_json(text: &str) -> Result<(), String> {
        let ours = parse(text);
        let theirs = serde_json::from_str::<Value>(text);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) if a == b && written(a) == written(b) => Ok(()),
            (Err(a), Err(b)) => {
                let deep = b.to_string().starts_with("recursion limit");
                if a.too_deep == deep {
                    Ok(())
                } else {
                    Err(format!("{text:?}: ours {a:?}, serde_json {b}"))
                }
            }
            _ => Err(format!("{text:?}: ours {ours:?}, serde_json {theirs:?}")),
        }
    }

    #[test]
    fn numbers_at_every_edge_read_as_serde_json_reads_them() {
        for text in [
            "0",
            "-0",
            "1",
            "-1",
            "0.0",
            "-0.0",
            "1e0",
            "1E+2",
            "1e-2",
            "0e5",
            "-0e-5",
            "18446744073709551615",
            "18446744073709551616",
            "99999999999999999999999",
            "-9223372036854775808",
            "-9223372036854775809",
            "-18446744073709551616",
            "9223372036854775807",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "1e308",
            "1e309",
            "-1e309",
            "1e-308",
            "5e-324",
            "2e-324",
            "1e-400",
            "-1e-400",
            "0.1",
            "0.3",
            "0.30000000000000004",
            "123456789012345678901234567890.123456789e-10",
            "1844674407370955161.5",
            "18446744073709551610.5",
            "1.00000000000000000000000001",
            "0.000000000000000000000000000000000000000000001",
            "1e2147483647",
            "1e2147483648",
            "1e-2147483648",
            "0e2147483648",
            "-1e-99999999999",
            "123e-2147483647",
            "1e+",
            "1e",
            "1.",
            "1.e5",
            ".5",
            "01",
            "-01",
            "-",
            "-a",
            "+1",
            "1x",
            "00",
            "0x1",
            "1_000",
            "Infinity",
            "NaN",
            "-Infinity",
            "[1.5e7,-2E-3,4]",
        ] {
            same_as_serde_json(text).unwrap();
        }
    }

    #[test]
    fn strings_escapes_and_surrogates_read_as_serde_json_reads_them() {
        for text in [
            r#""""#,
            r#""a\"b\\c\/d\be\ff\ng\rh\ti""#,
            r#""\u00e9\u20AC""#,
            r#""\ud83d\ude00""#,
            r#""\ud83d""#,
            r#""\ude00""#,
            r#""\ud83dx""#,
            r#""\ud83d\n""#,
            r#""\ud83d\u0041""#,
            r#""\ud83d\ud83d""#,
            r#""\u12""#,
            r#""\u12g4""#,
            r#""\x""#,
            "\"a\u{1}b\"",
            "\"a\tb\"",
            "\"a\u{7f}b\"",
            "\"é €😀\"",
            r#""abc"#,
            r#""\"#,
            r#""\u"#,
            "\"\\u00",
            r#""\u0000""#,
        ] {
            same_as_serde_json(text).unwrap();
        }
    }

    #[test]
    fn structures_and_their_errors_read_as_serde_json_reads_them() {
        for text in [
            "",
            " ",
            "null",
            " true ",
            "false",
            "nul",
            "nulx",
            "tru",
            "[]",
            "[ ]",
            "{}",
            "{ }",
            "[1,]",
            "[,1]",
            "[1 2]",
            "[1",
            "[",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{\"a\":}",
            "{a:1}",
            "{\"a\":1",
            "{\"a\"",
            "{\"a\":1 \"b\":2}",
            "{\"a\":1,\"a\":2,\"b\":3}",
            "1 2",
            "[] x",
            "\u{feff}1",
            "{\"a\":[{\"b\":null}]}",
            "\t\r\n[\n1\n]\n",
            "[\u{a0}1]",
            "{,}",
        ] {
            same_as_serde_json(text).unwrap();
        }
    }

    #[test]
    fn containers_nest_as_deep_as_in_serde_json_and_no_deeper() {
        for depth in [126, 127, 128, 129, 5000] {
            same_as_serde_json(&format!("{}{}", "[".repeat(depth), "]".repeat(depth))).unwrap();
            let objects = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
            same_as_serde_json(&objects).unwrap();
        }
        assert!(parse(&"[".repeat(127))
            .unwrap_err()
            .message
            .starts_with("EOF"));
        assert!(parse(&"[".repeat(128)).unwrap_err().too_deep);
    }

    #[test]
    fn errors_name_the_line_and_column_as_serde_json_does() {
        for text in [
            "{\"id\": ",
            "{\n  \"a\": 1,\n  \"b\" 2\n}",
            "[1,\n\n  x]",
            "\"a\u{1}\"",
        ] {
            let ours = parse(text).unwrap_err().message;
            let theirs = serde_json::from_str::<Value>(text).unwrap_err().to_string();
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    /// Any JSON value, nested a few levels.
    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
            "\\PC*".prop_map(Value::String),
            "[\\x00-\\x1f\"\\\\\u{e9}\u{1F600}a]*".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                prop::collection::vec(("[a-c]{0,2}", inner), 0..8)
                    .prop_map(|entries| Value::Object(entries.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 5_000, ..ProptestConfig::default() })]

        #[test]
        fn any_value_written_by_serde_json_reads_back_the_same(value in json_value(), pretty in any::<bool>()) {
            let text = if pretty {
                serde_json::to_string_pretty(&value).unwrap()
            } else {
                serde_json::to_string(&value).unwrap()
            };
            // Not compared with `value` itself: without `float_roundtrip`, serde_json reads some
            // floats back one unit in the last place off (2.6852607222799203e158), and so must we.
            prop_assert!(parse(&text).is_ok());
            same_as_serde_json(&text).map_err(TestCaseError::fail)?;
        }

        #[test]
        fn any_text_of_json_pieces_is_read_or_refused_as_serde_json_does(
            text in "([\\[\\]{}:,\" \\n\\\\/]|true|null|fals|-?[0-9]{1,3}|\\.[0-9]|[eE][+-]?|\\\\u[0-9a-fA-F]{0,4}|[dD][89aAbBcCdDeEfF][0-9a-f]{2}|[a-z\u{e9}\u{1}])*",
        ) {
            same_as_serde_json(&text).map_err(TestCaseError::fail)?;
        }

        #[test]
        fn any_number_text_is_read_as_serde_json_reads_it(
            text in "-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,30})?([eE][+-]?[0-9]{1,11})?",
        ) {
            same_as_serde_json(&text).map_err(TestCaseError::fail)?;
        }
    }
}
