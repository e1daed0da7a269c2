//! Generates seeded test vectors across every built-in policy and the sample policy, weighted to
//! the edges (window ends and one millisecond past them, daylight-saving changes, weekends and
//! holidays around working-day deadlines, equal balances, counters at their limit, unknown
//! values), with the SHA-256 of the native answer. The JS runners replay them through the npm
//! package in Node, Chromium and Firefox and compare digests.
//!
//! `cargo run --release --bin vectors -- [--count N] [--seed S] [--out FILE] [--show I]`
//! writes JSON lines `{"i", "policy", "method", "request", "sha256"}`; `--show I` prints case I
//! with its full answer instead.

use ordergate::policy::model::{Condition, Document, ValueType};
use ordergate::{ffi, Calendar, Duration, Policy, Timestamp};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::io::Write;

/// SplitMix64: small, seedable, the same sequence everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Instants worth being near: weekdays and weekends in March 2026 around Indonesian holidays,
/// Paris' daylight-saving changes, year ends.
const ANCHORS: &[&str] = &[
    "2026-03-02T10:00:00+07:00",
    "2026-03-06T16:59:59+07:00",
    "2026-03-07T23:59:59.999+07:00",
    "2026-03-18T10:00:00+07:00",
    "2026-03-19T00:00:00+07:00",
    "2026-03-29T01:00:00Z",
    "2026-03-29T00:59:59.999Z",
    "2026-10-25T01:00:00Z",
    "2026-10-25T00:30:00Z",
    "2026-12-31T23:59:59.999-05:00",
    "2026-08-14T17:00:00+07:00",
];

struct Source {
    name: &'static str,
    policy: Policy,
    calendar: Calendar,
    windows: Vec<(String, Duration)>,
}

fn windows_of(doc: &Document) -> Vec<(String, Duration)> {
    fn walk(c: &Condition, out: &mut Vec<(String, Duration)>) {
        match c {
            Condition::All(items) | Condition::Any(items) => {
                items.iter().for_each(|i| walk(i, out))
            }
            Condition::Not(inner) => walk(inner, out),
            Condition::Window {
                since, duration, ..
            } => out.push((since.clone(), *duration)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for rule in &doc.rules {
        if let Some(c) = &rule.when {
            walk(c, &mut out);
        }
        if let Some(auto) = &rule.auto_decide {
            if let Some(from) = &auto.from {
                out.push((from.clone(), auto.after));
            }
        }
    }
    out
}

fn sources() -> Vec<Source> {
    let mut list: Vec<(&'static str, Policy)> = ordergate::builtin_names()
        .into_iter()
        .filter_map(|n| ordergate::builtin(n).ok().map(|p| (n, p)))
        .collect();
    if let Ok(sample) = Policy::from_json(include_str!(
        "../../examples/policies/sample-marketplace.json"
    )) {
        list.push(("sample-marketplace", sample));
    }
    list.into_iter()
        .map(|(name, policy)| {
            let doc = policy.document().expect("a policy read from JSON");
            let calendar = Calendar::new(
                doc.calendar.zone,
                &doc.calendar.weekend,
                &doc.calendar.holidays,
            );
            let windows = windows_of(doc);
            Source {
                name,
                policy,
                calendar,
                windows,
            }
        })
        .collect()
}

fn instant(rng: &mut Rng, t: Timestamp, zone: ordergate::Zone) -> Value {
    if rng.chance(25) {
        json!(t.millis())
    } else {
        json!(t.format_in(zone))
    }
}

fn value_of(rng: &mut Rng, ty: &ValueType, now: Timestamp) -> Value {
    match ty {
        ValueType::Boolean => json!(rng.chance(50)),
        ValueType::Counter => json!(*rng.pick(&[0, 0, 1, 1, 2, 3, 3, 4])),
        ValueType::Number => json!(*rng.pick(&[0.0, 2.5, 4.99, 5.0, 5.01, 7.5, 7.6, 9.0])),
        ValueType::Money(_) => json!(*rng.pick(&[0, 1, 120000, 149999, 150000, 150001, 500000])),
        ValueType::Timestamp => json!(now.offset(-(rng.below(5 * 86_400) as i64) * 1000).millis()),
        ValueType::String => {
            json!(*rng.pick(&["", "ds-1", "ds-2", "s-1", "store-1", "JNE123", "email"]))
        }
        ValueType::Enum(values) => json!(rng.pick(values)),
        ValueType::Status(_) => json!("unknown"),
    }
}

fn case(rng: &mut Rng, source: &Source) -> (String, Value) {
    let doc = source.policy.document().expect("a policy read from JSON");
    let zone = doc.calendar.zone;
    let anchor_text: &&str = rng.pick(ANCHORS);
    let anchor = Timestamp::parse(anchor_text).unwrap_or(Timestamp::from_millis(0));
    let mut now = anchor
        .offset((rng.below(6 * 86_400) as i64 - 3 * 86_400) * 1000 * i64::from(rng.chance(60)));
    let mut facts = Map::new();
    for (id, dim) in &doc.dimensions {
        if dim.default.is_some() && rng.chance(30) {
            continue;
        }
        let value = if rng.chance(1) {
            json!("no_such_status")
        } else {
            json!(rng.pick(&dim.statuses).0)
        };
        facts.insert(id.clone(), value);
    }
    for (id, fact) in &doc.facts {
        if (fact.optional || fact.default.is_some()) && rng.chance(25) {
            continue;
        }
        if fact.optional && rng.chance(10) {
            facts.insert(id.clone(), Value::Null);
            continue;
        }
        let v = value_of(rng, &fact.ty, now);
        let v = match (&fact.ty, v) {
            (ValueType::Timestamp, Value::Number(n)) => {
                instant(rng, Timestamp::from_millis(n.as_i64().unwrap_or(0)), zone)
            }
            (_, v) => v,
        };
        facts.insert(id.clone(), v);
    }
    // Put `now` exactly at (or one millisecond around) the end of one of the policy's windows.
    if !source.windows.is_empty() && rng.chance(50) {
        let (since_fact, duration) = rng.pick(&source.windows).clone();
        let since = anchor.offset((rng.below(86_400) as i64) * 1000);
        let end = source.calendar.add(since, duration);
        now = end.offset(*rng.pick(&[-1, 0, 0, 1, -3_600_000, 86_400_000]));
        facts.insert(since_fact, instant(rng, since, zone));
    }
    let mut actor = Map::new();
    if !rng.chance(1) {
        let role = if rng.chance(2) {
            "nobody".to_owned()
        } else {
            rng.pick(&doc.roles).0.clone()
        };
        actor.insert("role".into(), json!(role));
    }
    if rng.chance(50) {
        actor.insert("id".into(), json!(rng.pick(&["ds-1", "ds-2", "s-1"])));
    }
    if !doc.actor_attributes.is_empty() && rng.chance(50) {
        let attrs: Map<String, Value> = doc
            .actor_attributes
            .iter()
            .map(|(n, t)| (n.clone(), value_of(rng, t, now)))
            .collect();
        actor.insert("attributes".into(), Value::Object(attrs));
    }
    let mut request = json!({"facts": facts, "actor": actor, "now": instant(rng, now, zone)});
    if rng.chance(60) {
        let locale = match rng.below(4) {
            0 => json!(rng.pick(&doc.languages)),
            1 => json!("en-US"),
            2 => json!(["xx", rng.pick(&doc.languages)]),
            _ => json!("ja"),
        };
        request["locale"] = locale;
    }
    if rng.chance(20) {
        return ("available".into(), request);
    }
    let (action, params) = if rng.chance(3) {
        ("no_such_action".to_owned(), Map::new())
    } else {
        let (name, spec) = rng.pick(&doc.actions);
        let mut params = Map::new();
        for (n, t) in &spec.params {
            if !rng.chance(85) {
                continue;
            }
            let v = match (t, value_of(rng, t, now)) {
                (ValueType::Timestamp, Value::Number(ms)) => {
                    instant(rng, Timestamp::from_millis(ms.as_i64().unwrap_or(0)), zone)
                }
                (_, v) => v,
            };
            params.insert(n.clone(), v);
        }
        (name.clone(), params)
    };
    request["action"] = json!(action);
    if !params.is_empty() || rng.chance(30) {
        request["params"] = Value::Object(params);
    }
    ("decide".into(), request)
}

fn answer(policy: &Policy, method: &str, request: &Value) -> String {
    let text = request.to_string();
    let result = if method == "decide" {
        ffi::decide_json(policy, &text)
    } else {
        ffi::available_json(policy, &text)
    };
    result.unwrap_or_else(|e| ffi::error_json(&e))
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let count: usize = arg("--count")
        .and_then(|c| c.parse().ok())
        .unwrap_or(100_000);
    let seed: u64 = arg("--seed")
        .and_then(|c| c.parse().ok())
        .unwrap_or(20_260_302);
    let show: Option<usize> = arg("--show").and_then(|c| c.parse().ok());
    let out_path = arg("--out").unwrap_or_else(|| "target/vectors/cases.jsonl".into());
    let sources = sources();
    let mut rng = Rng(seed);
    let mut out: Box<dyn Write> = match show {
        Some(_) => Box::new(std::io::stdout()),
        None => {
            if let Some(dir) = std::path::Path::new(&out_path).parent() {
                std::fs::create_dir_all(dir)?;
            }
            Box::new(std::io::BufWriter::new(std::fs::File::create(&out_path)?))
        }
    };
    let mut outcomes = std::collections::BTreeMap::<String, usize>::new();
    for i in 0..count {
        let source = &sources[rng.below(sources.len())];
        let (method, request) = case(&mut rng, source);
        let text = answer(&source.policy, &method, &request);
        let kind = serde_json::from_str::<Value>(&text)
            .ok()
            .and_then(|v| {
                v.get("outcome")
                    .or_else(|| v.get("code"))
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            })
            .unwrap_or_else(|| method.clone());
        *outcomes.entry(kind).or_default() += 1;
        match show {
            Some(n) if n == i => {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(
                        &json!({"i": i, "policy": source.name, "method": method, "request": request})
                    )?
                )?;
                writeln!(out, "{text}")?;
                return Ok(());
            }
            Some(_) => {}
            None => {
                let digest = Sha256::digest(text.as_bytes())
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<String>();
                let line = json!({"i": i, "policy": source.name, "method": method, "request": request, "sha256": digest});
                writeln!(out, "{line}")?;
            }
        }
    }
    if show.is_none() {
        eprintln!("wrote {count} cases to {out_path} (seed {seed}); answers: {outcomes:?}");
    }
    Ok(())
}
