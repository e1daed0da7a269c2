//! JSON text read into serde_json's `Value` by hand, for policies and requests. serde_json's own
//! reader reaches a `Value` through serde's visitor machinery, 16 KB of the WebAssembly module;
//! with this reader instead the module is 7 KB smaller (2.6 KB gzipped), at the same speed within
//! a few percent (docs/benchmarks.md). It gives the same values (numbers converted exactly as
//! serde_json converts them without its `float_roundtrip` feature, a repeated key keeping its first
//! place and its last value), accepts and refuses the same texts, and words its errors as
//! serde_json does, with the line and column: the tests below hold it to serde_json.

use serde_json::{Map, Number, Value};

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

    fn array(&mut self) -> Result<Value, SyntaxError> {
        self.enter()?;
        let mut items = Vec::new();
        if self.skip_whitespace() == Some(b']') {
            self.at += 1;
        } else {
            loop {
                items.push(self.value()?);
                match self.skip_whitespace() {
                    Some(b',') => {
                        self.at += 1;
                        if self.skip_whitespace() == Some(b']') {
                            return Err(self.error("trailing comma"));
                        }
                    }
                    Some(b']') => {
                        self.at += 1;
                        break;
                    }
                    Some(_) => return Err(self.error("expected `,` or `]`")),
                    None => return Err(self.error("EOF while parsing a list")),
                }
            }
        }
        self.depth -= 1;
        Ok(Value::Array(items))
    }

    fn object(&mut self) -> Result<Value, SyntaxError> {
        self.enter()?;
        let mut map = Map::new();
        if self.skip_whitespace() == Some(b'}') {
            self.at += 1;
        } else {
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
                // A repeated key keeps its first place and takes the last value, as in serde_json.
                map.insert(key, value);
                match self.skip_whitespace() {
                    Some(b',') => {
                        self.at += 1;
                        if self.skip_whitespace() == Some(b'}') {
                            return Err(self.error("trailing comma"));
                        }
                    }
                    Some(b'}') => {
                        self.at += 1;
                        break;
                    }
                    Some(_) => return Err(self.error("expected `,` or `}`")),
                    None => return Err(self.error("EOF while parsing an object")),
                }
            }
        }
        self.depth -= 1;
        Ok(Value::Object(map))
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

    /// A number. Integers without a fraction or an exponent that fit 64 bits stay integers; the
    /// rest become `f64`s as serde_json makes them: the first 19 or 20 significant digits (as many
    /// as fit a `u64`) times a power of ten, later digits dropped.
    fn number(&mut self) -> Result<Value, SyntaxError> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let mut significand: u64 = 0;
        let mut exponent: i32 = 0;
        let mut whole = true;
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                let mut full = false;
                while let Some(b @ b'0'..=b'9') = self.peek() {
                    self.at += 1;
                    if full {
                        // Integer digits beyond a u64 only scale the number.
                        exponent = exponent.saturating_add(1);
                    } else if let Some(next) = push_digit(significand, b) {
                        significand = next;
                    } else {
                        full = true;
                        whole = false;
                        exponent = 1;
                    }
                }
            }
            Some(_) => return Err(self.error("invalid number")),
            None => return Err(self.error("EOF while parsing a value")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            whole = false;
            let mut digits = 0;
            let mut full = false;
            while let Some(b @ b'0'..=b'9') = self.peek() {
                self.at += 1;
                digits += 1;
                if !full {
                    match push_digit(significand, b) {
                        Some(next) => {
                            significand = next;
                            exponent = exponent.saturating_sub(1);
                        }
                        None => full = true,
                    }
                }
            }
            if digits == 0 {
                return Err(match self.peek() {
                    Some(_) => self.error("invalid number"),
                    None => self.error("EOF while parsing a value"),
                });
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            whole = false;
            let positive = match self.peek() {
                Some(b'+') => {
                    self.at += 1;
                    true
                }
                Some(b'-') => {
                    self.at += 1;
                    false
                }
                _ => true,
            };
            let mut power: i32 = match self.peek() {
                Some(b @ b'0'..=b'9') => i32::from(b - b'0'),
                Some(_) => return Err(self.error("invalid number")),
                None => return Err(self.error("EOF while parsing a value")),
            };
            self.at += 1;
            while let Some(b @ b'0'..=b'9') = self.peek() {
                self.at += 1;
                match power
                    .checked_mul(10)
                    .and_then(|p| p.checked_add(i32::from(b - b'0')))
                {
                    Some(p) => power = p,
                    None => {
                        // An exponent beyond 32 bits: infinite (refused) unless it makes zero.
                        if significand != 0 && positive {
                            return Err(self.error("number out of range"));
                        }
                        while matches!(self.peek(), Some(b'0'..=b'9')) {
                            self.at += 1;
                        }
                        return Ok(float(if negative { -0.0 } else { 0.0 }));
                    }
                }
            }
            exponent = if positive {
                exponent.saturating_add(power)
            } else {
                exponent.saturating_sub(power)
            };
        }
        if whole {
            return Ok(Value::Number(if !negative {
                Number::from(significand)
            } else {
                match i64::try_from(significand) {
                    Ok(0) => return Ok(float(-0.0)),
                    Ok(n) => Number::from(-n),
                    Err(_) if significand == 1 << 63 => Number::from(i64::MIN),
                    Err(_) => return Ok(float(-(significand as f64))),
                }
            }));
        }
        let magnitude =
            scale(significand, exponent).ok_or_else(|| self.error("number out of range"))?;
        Ok(float(if negative { -magnitude } else { magnitude }))
    }
}

/// `significand * 10 + digit`, or `None` when it no longer fits a `u64`.
fn push_digit(significand: u64, digit: u8) -> Option<u64> {
    significand
        .checked_mul(10)?
        .checked_add(u64::from(digit - b'0'))
}

/// A finite float as a JSON number.
fn float(f: f64) -> Value {
    Number::from_f64(f).map_or(Value::Null, Value::Number)
}

/// `significand` times ten to `exponent`, by one multiplication or division by a power of ten
/// (several divisions below 1e-308), as serde_json computes it; `None` when it overflows.
fn scale(significand: u64, mut exponent: i32) -> Option<f64> {
    let mut f = significand as f64;
    loop {
        match POWERS_OF_TEN.get(exponent.unsigned_abs() as usize) {
            Some(&power) if exponent >= 0 => {
                f *= power;
                return f.is_finite().then_some(f);
            }
            Some(&power) => return Some(f / power),
            None if f == 0.0 => return Some(f),
            None if exponent >= 0 => return None,
            None => {
                f /= 1e308;
                exponent += 308;
            }
        }
    }
}

/// 1e0 to 1e308, each the `f64` nearest to it.
#[rustfmt::skip]
static POWERS_OF_TEN: [f64; 309] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
    1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29,
    1e30, 1e31, 1e32, 1e33, 1e34, 1e35, 1e36, 1e37, 1e38, 1e39,
    1e40, 1e41, 1e42, 1e43, 1e44, 1e45, 1e46, 1e47, 1e48, 1e49,
    1e50, 1e51, 1e52, 1e53, 1e54, 1e55, 1e56, 1e57, 1e58, 1e59,
    1e60, 1e61, 1e62, 1e63, 1e64, 1e65, 1e66, 1e67, 1e68, 1e69,
    1e70, 1e71, 1e72, 1e73, 1e74, 1e75, 1e76, 1e77, 1e78, 1e79,
    1e80, 1e81, 1e82, 1e83, 1e84, 1e85, 1e86, 1e87, 1e88, 1e89,
    1e90, 1e91, 1e92, 1e93, 1e94, 1e95, 1e96, 1e97, 1e98, 1e99,
    1e100, 1e101, 1e102, 1e103, 1e104, 1e105, 1e106, 1e107, 1e108, 1e109,
    1e110, 1e111, 1e112, 1e113, 1e114, 1e115, 1e116, 1e117, 1e118, 1e119,
    1e120, 1e121, 1e122, 1e123, 1e124, 1e125, 1e126, 1e127, 1e128, 1e129,
    1e130, 1e131, 1e132, 1e133, 1e134, 1e135, 1e136, 1e137, 1e138, 1e139,
    1e140, 1e141, 1e142, 1e143, 1e144, 1e145, 1e146, 1e147, 1e148, 1e149,
    1e150, 1e151, 1e152, 1e153, 1e154, 1e155, 1e156, 1e157, 1e158, 1e159,
    1e160, 1e161, 1e162, 1e163, 1e164, 1e165, 1e166, 1e167, 1e168, 1e169,
    1e170, 1e171, 1e172, 1e173, 1e174, 1e175, 1e176, 1e177, 1e178, 1e179,
    1e180, 1e181, 1e182, 1e183, 1e184, 1e185, 1e186, 1e187, 1e188, 1e189,
    1e190, 1e191, 1e192, 1e193, 1e194, 1e195, 1e196, 1e197, 1e198, 1e199,
    1e200, 1e201, 1e202, 1e203, 1e204, 1e205, 1e206, 1e207, 1e208, 1e209,
    1e210, 1e211, 1e212, 1e213, 1e214, 1e215, 1e216, 1e217, 1e218, 1e219,
    1e220, 1e221, 1e222, 1e223, 1e224, 1e225, 1e226, 1e227, 1e228, 1e229,
    1e230, 1e231, 1e232, 1e233, 1e234, 1e235, 1e236, 1e237, 1e238, 1e239,
    1e240, 1e241, 1e242, 1e243, 1e244, 1e245, 1e246, 1e247, 1e248, 1e249,
    1e250, 1e251, 1e252, 1e253, 1e254, 1e255, 1e256, 1e257, 1e258, 1e259,
    1e260, 1e261, 1e262, 1e263, 1e264, 1e265, 1e266, 1e267, 1e268, 1e269,
    1e270, 1e271, 1e272, 1e273, 1e274, 1e275, 1e276, 1e277, 1e278, 1e279,
    1e280, 1e281, 1e282, 1e283, 1e284, 1e285, 1e286, 1e287, 1e288, 1e289,
    1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299,
    1e300, 1e301, 1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308,
];

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

    #[test]
    fn the_powers_of_ten_are_the_nearest_floats() {
        for (n, power) in POWERS_OF_TEN.iter().enumerate() {
            assert_eq!(*power, format!("1e{n}").parse::<f64>().unwrap(), "1e{n}");
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
