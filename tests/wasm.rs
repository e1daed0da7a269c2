//! The engine compiled to wasm32, run by wasm-bindgen-test in Node and in headless Chromium:
//! the same decisions as natively, and no input traps the instance.
#![cfg(target_arch = "wasm32")]

use ordergate::{ffi, Code, Outcome};
use serde_json::json;
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
    assert_eq!(due.format_in(cal.zone()), "2026-03-11T10:00:00+07:00");
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
