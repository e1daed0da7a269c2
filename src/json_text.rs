//! JSON text as ordergate writes it: serde_json's serializer, with floating-point numbers written
//! by the standard library's shortest round-trip formatting, laid out exactly as serde_json lays
//! them out. serde_json's own float writer carries a 17 KB table that the WebAssembly module would
//! download for numbers the standard library already knows how to print; every text the engine
//! writes (answers, errors, the canonical policy it hashes) goes through here instead of through
//! serde_json's `Display` or `to_string`.

use serde::Serialize;
use serde_json::ser::Formatter;
use serde_json::Value;
use std::fmt::Write as _;
use std::io;

/// Appends `f` as serde_json writes it: plain decimals from 1e-5 up to below 1e16 (with `.0` when
/// whole), otherwise a mantissa and a signed exponent (`1e+16`, `1.5e-7`). Not finite: `null`.
pub(crate) fn write_f64(f: f64, out: &mut String) {
    if !f.is_finite() {
        out.push_str("null");
        return;
    }
    // How many digits the shortest text that reads back as `f` has; then those digits rounded
    // from the exact value, whose ties go to the even digit as serde_json's (and JavaScript's)
    // do, where the shortest form alone rounds them up (973244638807248.25 is ...248.2).
    let mut sci = String::with_capacity(32);
    let _ = write!(sci, "{f:e}");
    let shortest = sci
        .bytes()
        .take_while(|b| *b != b'e')
        .filter(u8::is_ascii_digit)
        .count();
    sci.clear();
    let _ = write!(sci, "{f:.0$e}", shortest.saturating_sub(1));
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa),
    };
    let mut digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    out.push_str(sign);
    let count = digits.len() as i32;
    if (-5..=15).contains(&exponent) {
        if exponent >= count - 1 {
            // 1234e7 -> 12340000000.0
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', (exponent - count + 1) as usize));
            out.push_str(".0");
        } else if exponent >= 0 {
            // 1234e-2 -> 12.34
            let point = exponent as usize + 1;
            out.push_str(&digits[..point]);
            out.push('.');
            out.push_str(&digits[point..]);
        } else {
            // 1234e-6 -> 0.001234
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-exponent - 1) as usize));
            out.push_str(&digits);
        }
    } else {
        // 1234e30 -> 1.234e+33
        out.push_str(&digits[..1]);
        if count > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        if exponent >= 0 {
            out.push('+');
        }
        let _ = write!(out, "{exponent}");
    }
}

/// serde_json's compact layout, with `f64`s written by [`write_f64`]. (`f32`s keep serde_json's
/// writer: widened to `f64` they would print their binary expansion, 0.1 as 0.10000000149011612;
/// no type the engine writes holds one.)
struct Compact;

impl Formatter for Compact {
    fn write_f64<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: f64) -> io::Result<()> {
        let mut text = String::new();
        write_f64(value, &mut text);
        writer.write_all(text.as_bytes())
    }
}

/// `value` as compact JSON text.
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, serde_json::Error> {
    let mut bytes = Vec::with_capacity(256);
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut bytes, Compact,
    ))?;
    // The serializer writes only UTF-8 (strings are copied from `str`s, escapes are ASCII).
    Ok(String::from_utf8(bytes).unwrap_or_default())
}

/// A value as it appears in a message: its compact JSON text.
pub(crate) fn show(value: &Value) -> String {
    to_string(value).unwrap_or_else(|_| String::from("null"))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn written(f: f64) -> String {
        let mut out = String::new();
        write_f64(f, &mut out);
        out
    }

    #[test]
    fn floats_are_written_as_serde_json_writes_them_at_every_edge_of_the_layout() {
        for f in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            100.0,
            1e-5,
            1.5e-5,
            9.99e-6,
            1e-6,
            1.5e-7,
            1e15,
            1e16,
            9.999999999999998e15,
            123456789012345.6,
            1e21,
            1.5e300,
            -2.5e-300,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            12345678901234567.0,
            0.30000000000000004,
        ] {
            assert_eq!(written(f), serde_json::to_string(&f).unwrap(), "{f:?}");
        }
        assert_eq!(written(f64::NAN), "null");
    }

    #[test]
    fn values_are_written_as_serde_json_writes_them() {
        let value = json!({
            "a": [1, -2, 2.5, 1e-7, 1e300, "é\"\n", null, true],
            "b": {"c": 18446744073709551615u64}
        });
        assert_eq!(show(&value), serde_json::to_string(&value).unwrap());
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

        #[test]
        fn every_finite_float_is_written_as_serde_json_writes_it(bits in any::<u64>()) {
            let f = f64::from_bits(bits);
            prop_assume!(f.is_finite());
            prop_assert_eq!(written(f), serde_json::to_string(&f).unwrap());
        }

        #[test]
        fn ties_between_two_shortest_texts_go_to_the_even_digit(
            whole in (1i64 << 40)..(1i64 << 53),
            quarter in 0u8..4,
            negative in any::<bool>(),
        ) {
            let f = (whole as f64 + f64::from(quarter) * 0.25) * if negative { -1.0 } else { 1.0 };
            prop_assert_eq!(written(f), serde_json::to_string(&f).unwrap());
        }

        #[test]
        fn decimal_floats_are_written_as_serde_json_writes_them(
            n in any::<i64>(),
            scale in 0u32..20,
        ) {
            let f = n as f64 / 10f64.powi(scale as i32);
            prop_assert_eq!(written(f), serde_json::to_string(&f).unwrap());
        }
    }
}
