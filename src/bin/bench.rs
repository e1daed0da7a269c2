//! Native benchmark of deciding: the verdicts of question rows (what the SDK's batch and single
//! calls run in the module), the verdict of a prepared question and the full decision from JSON.
//! Prints the median of several runs per measure, in nanoseconds per decision.
//!
//! `cargo run --release --bin bench` measures a mixed Akulaku workload. With a file written by
//! `bench/run.mjs` (`[{"request": ..., "expected": "allowed"}, ...]`) it measures the common
//! workload of docs/benchmarks.md with bench/policies/ordergate.json, after checking every verdict
//! against the expected decision, and prints the figures as JSON.

use ordergate::{Layout, Outcome, Policy, Verdict};
use serde_json::{json, Value};
use std::hint::black_box;
use std::time::Instant;

/// Courier changes around the 24-hour edge, refunds against balances, several roles.
fn akulaku_questions() -> Vec<Value> {
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

/// The workload's decision code: the outcome, and the first alternative offered with it.
fn code(layout: &Layout, action: usize, verdict: &Verdict) -> String {
    let outcome = match verdict.outcome {
        Outcome::Allowed => "allowed",
        Outcome::ApprovalRequired => "approval_required",
        Outcome::Denied => "denied",
    };
    let offered = match verdict.rule {
        Some(rule) => &layout.rules[rule as usize].alternatives,
        None => &layout.actions[action].fallback_alternatives,
    };
    let first = (0..32).find(|n| verdict.alternatives & (1 << n) != 0);
    match first.and_then(|n| offered.get(n)) {
        Some(alternative) => format!("{outcome}:{}", alternative.target),
        None => outcome.to_owned(),
    }
}

fn measure(policy: &Policy, requests: &[Value]) -> (f64, f64) {
    let prepared: Vec<_> = requests
        .iter()
        .filter_map(|r| policy.prepare(r).ok())
        .collect();
    // Passes over the questions in order: an index taken modulo their count would add a
    // division (about 10 ns) to a verdict that takes a few tens.
    let n = prepared.len().max(1) as f64;
    let verdict = median_ns(9, 200, |_| {
        for question in &prepared {
            black_box(policy.verdict(black_box(question)));
        }
    }) / n;
    let decide = median_ns(5, 50_000, |i| {
        black_box(policy.decide(black_box(&requests[i % requests.len()])).ok());
    });
    (verdict, decide)
}

/// A request of the common workload as a question row (see [`Layout`]): what the SDK's row
/// writer produces from the same object.
fn row(layout: &Layout, request: &Value) -> Option<Vec<f64>> {
    fn position<'a>(mut names: impl Iterator<Item = &'a str>, name: &Value) -> Option<f64> {
        names.position(|n| name == n).map(|i| i as f64)
    }
    let mut row = vec![f64::NAN; layout.row_length];
    row[0] = position(
        layout.actions.iter().map(|a| a.name.as_str()),
        &request["action"],
    )?;
    row[1] = position(
        layout.roles.iter().map(String::as_str),
        &request["actor"]["role"],
    )?;
    row[2] = request["now"].as_f64()?;
    for (slot, out) in layout.facts.iter().zip(&mut row[3..]) {
        let value = &request["facts"][&slot.name];
        *out = match value {
            Value::Null => f64::NAN,
            Value::Bool(b) => f64::from(u8::from(*b)),
            Value::String(_) => position(slot.values.iter().map(String::as_str), value)?,
            _ => value.as_f64()?,
        };
    }
    Some(row)
}

fn common_workload(path: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let cases: Vec<Value> = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let source = include_str!("../../bench/policies/ordergate.json");
    let policy = Policy::from_json(source).map_err(|e| e.to_string())?;
    let layout = policy.layout();
    let requests: Vec<Value> = cases.iter().map(|c| c["request"].clone()).collect();
    for (case, request) in cases.iter().zip(&requests) {
        let prepared = policy.prepare(request).map_err(|e| e.to_string())?;
        let action = layout
            .actions
            .iter()
            .position(|a| request["action"] == a.name.as_str())
            .ok_or_else(|| format!("{request}: unknown action"))?;
        let got = code(&layout, action, &policy.verdict(&prepared));
        if got != case["expected"] {
            return Err(format!(
                "{request}: got {got}, expected {}",
                case["expected"]
            ));
        }
    }
    let (verdict, decide) = measure(&policy, &requests);
    let rows: Vec<f64> = requests
        .iter()
        .map(|r| row(&layout, r).ok_or_else(|| format!("{r}: not a row")))
        .collect::<Result<Vec<_>, _>>()?
        .concat();
    for (request, row) in requests.iter().zip(rows.chunks_exact(layout.row_length)) {
        let prepared = policy.prepare(request).map_err(|e| e.to_string())?;
        if policy.verdict_of_row(row) != Some(policy.verdict(&prepared)) {
            return Err(format!("{request}: the row's verdict differs"));
        }
    }
    let mut out = vec![0.0; requests.len() * ordergate::ffi::VERDICT_WIDTH];
    let row_ns = median_ns(5, 100, |_| {
        let decided = ordergate::ffi::verdict_rows(&policy, black_box(&rows), &mut out);
        black_box(decided);
    }) / requests.len() as f64;
    let load = median_ns(5, 200, |_| {
        black_box(Policy::from_json(black_box(source)).ok());
    });
    println!(
        "{}",
        json!({"rowNs": row_ns, "verdictNs": verdict, "decideNs": decide, "loadUs": load / 1000.0})
    );
    Ok(())
}

fn main() {
    if let Some(path) = std::env::args().nth(1) {
        if let Err(e) = common_workload(&path) {
            eprintln!("bench: {e}");
            std::process::exit(1);
        }
        return;
    }
    let Ok(policy) = ordergate::builtin("akulaku") else {
        return;
    };
    let requests = akulaku_questions();
    let texts: Vec<String> = requests.iter().map(Value::to_string).collect();
    let (verdict, decide) = measure(&policy, &requests);
    let json = median_ns(5, 50_000, |i| {
        black_box(ordergate::ffi::decide_json(&policy, black_box(&texts[i % texts.len()])).ok());
    });
    println!("verdict of a prepared question      {verdict:>9.1} ns");
    println!("decide (JSON value -> Decision)     {decide:>9.1} ns");
    println!("decide_json (text -> text)          {json:>9.1} ns");
}
