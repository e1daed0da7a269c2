//! Native benchmark of deciding: the allocation-free verdict of a prepared question, the full
//! decision from JSON, and the JSON-text boundary the WASM layer uses. Prints the median of five
//! runs per measure, in nanoseconds per decision.
//!
//! `cargo run --release --bin bench`

use serde_json::{json, Value};
use std::hint::black_box;
use std::time::Instant;

/// The common workload's questions, over the Akulaku policy: courier changes around the
/// 24-hour edge, refunds against balances, several roles.
fn questions() -> Vec<Value> {
    let base = 1_772_420_400_000i64;
    (0..64)
        .map(|i: i64| {
            let facts = json!({"order": "shipped", "shipping_method": "self_logistics", "shipped_at": base,
                "courier_changes": i % 2, "refund_request": if i % 3 == 0 { "none" } else { "pending" },
                "refund_requested_at": base, "refund_amount": 150_000, "seller_balance": 150_000 - (i % 2), "in_sale": i % 5 == 0});
            let (action, params) = if i % 2 == 0 {
                ("change_courier", json!({"courier": "JNE", "awb": "X1"}))
            } else {
                ("approve_refund", json!({}))
            };
            let role = if i % 7 == 0 { "buyer" } else { "seller" };
            json!({"facts": facts, "actor": {"role": role}, "action": action, "params": params, "now": base + 86_400_000 + (i % 3 - 1)})
        })
        .collect()
}

fn median_ns(runs: usize, per_run: usize, mut f: impl FnMut(usize)) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            for i in 0..per_run {
                f(i);
            }
            start.elapsed().as_nanos() as f64 / per_run as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    let Ok(policy) = ordergate::builtin("akulaku") else {
        return;
    };
    let requests = questions();
    let texts: Vec<String> = requests.iter().map(Value::to_string).collect();
    let prepared: Vec<_> = requests
        .iter()
        .filter_map(|r| policy.prepare(r).ok())
        .collect();
    let n = requests.len();
    let verdict = median_ns(5, 2_000_000, |i| {
        black_box(policy.verdict(black_box(&prepared[i % n])));
    });
    let decide = median_ns(5, 50_000, |i| {
        black_box(policy.decide(black_box(&requests[i % n])).ok());
    });
    let json = median_ns(5, 50_000, |i| {
        black_box(ordergate::ffi::decide_json(&policy, black_box(&texts[i % n])).ok());
    });
    println!("verdict of a prepared question      {verdict:>9.1} ns");
    println!("decide (JSON value -> Decision)     {decide:>9.1} ns");
    println!("decide_json (text -> text)          {json:>9.1} ns");
}
