//! The engine compiled to wasm32, run by wasm-bindgen-test in Node and in headless Chromium:
//! the same decisions as natively, and no input traps the instance.
#![cfg(target_arch = "wasm32")]

mod common;

use ordergate::{ffi, Code, Outcome};
use serde_json::json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

const NOW: &str = "2026-03-02T10:00:00-05:00";

#[wasm_bindgen_test]
fn dropi_decides_as_natively() {
    let policy = ordergate::builtin("dropi").unwrap();
    let d = policy
        .decide(&json!({"facts": {"status": "por_recolectar"}, "actor": {"role": "dropshipper"}, "action": "cancel", "now": NOW}))
        .unwrap();
    assert_eq!(d.outcome, Outcome::Denied);
    assert_eq!(d.reasons[0].code, "solo_proveedor_cancela");
    assert_eq!(d.at, "2026-03-02T10:00:00-05:00");
}

#[wasm_bindgen_test]
fn time_zones_and_business_days_work_in_wasm() {
    let cal = ordergate::Calendar::new(
        ordergate::Zone::named("Asia/Jakarta").unwrap(),
        &[chrono::Weekday::Sat, chrono::Weekday::Sun],
        &[],
    );
    let friday = ordergate::Timestamp::parse("2026-03-06T10:00:00+07:00").unwrap();
    let due = cal.add(friday, ordergate::Duration::BusinessDays(3));
    assert_eq!(cal.format(due), "2026-03-11T10:00:00+07:00");
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_and_the_instance_keeps_working() {
    let policy = ordergate::builtin("fr-backoffice").unwrap();
    for bad in [
        "{",
        "[]",
        "{\"facts\": 1}",
        "{\"facts\": {}, \"actor\": {\"role\": \"agent\"}, \"action\": \"x\", \"now\": 0}",
    ] {
        let err = ffi::decide_json(&policy, bad).unwrap_err();
        assert!(!ffi::error_json(&err).is_empty());
    }
    let deep = "[".repeat(100_000);
    assert_eq!(
        ordergate::Policy::from_json(&deep).unwrap_err().code(),
        Code::TooDeep
    );
    let ok = ffi::decide_json(
        &policy,
        r#"{"facts": {"logistics": "en_attente_impression"}, "actor": {"role": "agent"}, "action": "check_cancellable", "now": "2026-03-02T10:00:00+01:00"}"#,
    )
    .unwrap();
    assert!(ok.contains("\"outcome\":\"allowed\""));
}

/// The JavaScript the SDK decides rows with (`ffi::verdict_script`) writes the module's very
/// numbers: on random rows of every policy the tests know (valid, absent, fractional and
/// out-of-range values, instants on either side of every window's end), the six numbers of each
/// verdict it gives are those `ffi::verdict_rows` writes, bit for bit, refusals included.
#[wasm_bindgen_test]
fn rows_decided_in_javascript_are_decided_as_the_module_decides_them() {
    const COUNT: usize = 3000;
    for policy in common::every_policy() {
        let layout = policy.layout();
        let width = layout.row_length;
        let rows = common::rows::Rows::new(0x5eed).rows(&layout, COUNT);
        let factory = js_sys::Function::new_no_args(&ffi::verdict_script(&policy));
        let decider: js_sys::Function = factory.call0(&JsValue::NULL).unwrap().unchecked_into();
        let row_array = js_sys::Float64Array::from(&rows[..]);
        let out = js_sys::Float64Array::new_with_length(ffi::VERDICT_WIDTH as u32);
        let mut expected = [0.0; ffi::VERDICT_WIDTH];
        let (mut decided, mut refused, mut left) = (0, 0, 0);
        let decide = |r: usize, checked: bool| {
            out.fill(7.0, 0, ffi::VERDICT_WIDTH as u32);
            let args = js_sys::Array::of5(
                &row_array,
                &JsValue::from_f64((r * width) as f64),
                &out,
                &JsValue::from_f64(0.0),
                &JsValue::from_bool(checked),
            );
            let answer = decider.apply(&JsValue::NULL, &args).unwrap().as_f64();
            let code = answer.filter(|c| [0.0, 1.0, 2.0].contains(c));
            (code.map(|c| c as u8), answer, out.to_vec())
        };
        for (r, row) in rows.chunks_exact(width).enumerate() {
            let (code, answer, written) = decide(r, false);
            ffi::verdict_rows(&policy, row, &mut expected);
            match code {
                Some(2) => left += 1,
                Some(1) => decided += 1,
                Some(0) => refused += 1,
                _ => panic!("{}: row {r} answered {answer:?}", policy.id()),
            }
            if code != Some(2) {
                let same = (written.iter().zip(&expected))
                    .all(|(a, b)| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()));
                assert!(
                    same,
                    "{}: row {r} {:?}: JavaScript wrote {written:?}, the module {expected:?}",
                    policy.id(),
                    row
                );
                assert_eq!(
                    code == Some(0),
                    expected[0] == -1.0,
                    "{}: row {r}",
                    policy.id()
                );
            }
            // A row accepted once is decided again without its checks, at its instant and at
            // the next row's (chosen near window edges too): the same answers as with them.
            if code != Some(0) {
                let now_at = (r * width + 2) as u32;
                for now in [row[2], rows[((r + 1) % COUNT) * width + 2]] {
                    row_array.set_index(now_at, now);
                    let (first, _, first_written) = decide(r, false);
                    let (again, _, rewritten) = decide(r, true);
                    assert_eq!(
                        again,
                        first,
                        "{}: row {r} decided again at {now}",
                        policy.id()
                    );
                    let same = (rewritten.iter().zip(&first_written))
                        .all(|(a, b)| a.to_bits() == b.to_bits());
                    assert!(
                        same,
                        "{}: row {r} at {now}: checked wrote {rewritten:?}, unchecked {first_written:?}",
                        policy.id()
                    );
                }
                row_array.set_index(now_at, row[2]);
            }
        }
        assert!(
            decided >= COUNT / 5 && refused >= COUNT / 20,
            "{}: {decided} decided, {refused} refused, {left} left to the module",
            policy.id()
        );
        if policy.id() == "bench-marketplace" {
            assert_eq!(
                left, 0,
                "a policy without calendar days is decided in JavaScript"
            );
        }
    }
}
