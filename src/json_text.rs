//! Numbers in JSON text as ordergate writes them: floating-point numbers written by `ryu` (the
//! shortest digits that read back as the same number, ties to the even digit) and laid out
//! exactly as serde_json lays them out. serde_json's own float writer carries a 17 KB table that
//! the WebAssembly module would download; ryu's small tables weigh a few hundred bytes. Every
//! text the engine writes (answers and errors through `crate::api::json`, the canonical policy it
//! hashes) writes its floats here instead of through serde_json.

use serde_json::Value;

/// Appends `f` as serde_json writes it: plain decimals from 1e-5 up to below 1e16 (with `.0` when
/// whole), otherwise a mantissa and a signed exponent (`1e+16`, `1.5e-7`). Not finite: `null`.
pub(crate) fn write_f64(f: f64, out: &mut String) {
    let mut buffer = ryu::Buffer::new();
    for piece in f64_pieces(f, &mut buffer) {
        out.push_str(piece);
    }
}

/// Appends a JSON number as serde_json writes it: integers exactly, floats by [`write_f64`].
pub(crate) fn write_number(n: &serde_json::Number, out: &mut String) {
    match (n.as_u64(), n.as_i64(), n.as_f64()) {
        (Some(u), _, _) => out.push_str(itoa::Buffer::new().format(u)),
        (_, Some(i), _) => out.push_str(itoa::Buffer::new().format(i)),
        (_, _, Some(f)) => write_f64(f, out),
        _ => out.push_str("null"),
    }
}

/// The text of `f` as serde_json writes it, in up to three pieces held by `buffer` or static.
fn f64_pieces(f: f64, buffer: &mut ryu::Buffer) -> [&str; 3] {
    if !f.is_finite() {
        return ["null", "", ""];
    }
    // ryu lays numbers out as serde_json does, except that it writes no `+` in an exponent.
    let text = buffer.format_finite(f);
    match text.split_once('e') {
        Some((mantissa, exponent)) if !exponent.starts_with('-') => [mantissa, "e+", exponent],
        _ => [text, "", ""],
    }
}

/// A value as it appears in a message: its compact JSON text.
pub(crate) fn show(value: &Value) -> String {
    crate::api::json::to_json(value)
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
        // Keys out of order: an object is written in insertion order.
        let value = json!({
            "b": {"c": 18446744073709551615u64, "a": i64::MIN, "z": -0.0},
            "a": [1, -2, 2.5, 1e-7, 1e300, "é\"\n\u{1}", null, true, false, [], {}]
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
