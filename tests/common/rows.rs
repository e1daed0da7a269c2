//! Random question rows for a policy's layout, weighted to the edges: valid values mostly, with
//! absent, fractional, negative and out-of-range numbers now and then, instants on either side of
//! whole hours, and small amounts that are often equal.

use ordergate::api::{SlotKind, SlotLayout};
use ordergate::Layout;
use serde_json::{json, Map, Value};

/// A seeded xorshift generator: the same rows on every run and in every runtime.
pub struct Rows {
    state: u64,
}

/// An instant all generated times are near (2026-03-02T03:00:00Z).
pub const NOW: f64 = 1_772_420_400_000.0;
const HOUR: f64 = 3_600_000.0;

impl Rows {
    pub fn new(seed: u64) -> Rows {
        Rows { state: seed | 1 }
    }

    fn next(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick(&mut self, list: &[f64]) -> f64 {
        list[self.below(list.len())]
    }

    /// An index in `0..len`, now and then one past it or a fraction.
    fn index(&mut self, len: usize) -> f64 {
        match self.below(40) {
            0 => len as f64,
            1 => 0.5,
            _ => self.below(len) as f64,
        }
    }

    /// An instant a whole number of hours (and maybe a millisecond) from [`NOW`].
    fn instant(&mut self) -> f64 {
        let hours = self.pick(&[
            0.0, 1.0, 1.5, 23.0, 24.0, 25.0, 47.0, 48.0, 49.0, 72.0, 168.0, 400.0, -5.0,
        ]);
        NOW - hours * HOUR + self.pick(&[0.0, 0.0, 1.0, -1.0])
    }

    fn value(&mut self, kind: SlotKind, statuses: usize) -> f64 {
        match self.below(40) {
            0 => return self.invalid(kind, statuses),
            1..=5 => return f64::NAN,
            _ => {}
        }
        match kind {
            SlotKind::Status => self.below(statuses) as f64,
            SlotKind::Boolean => self.pick(&[0.0, 1.0]),
            SlotKind::Counter => self.pick(&[0.0, 1.0, 2.0, 3.0, 0.0, 1.0]),
            SlotKind::Number | SlotKind::Money => {
                self.pick(&[0.0, 1.0, 5.0, 100.0, 100.0, 99.0, 101.0, -3.0, 2.5, -0.0])
            }
            SlotKind::Timestamp => self.instant(),
            SlotKind::String => f64::NAN,
        }
    }

    /// A number the row's checks refuse for a slot of this kind (or, for some kinds, a value at
    /// the edge of the range that they accept).
    fn invalid(&mut self, kind: SlotKind, statuses: usize) -> f64 {
        match kind {
            SlotKind::Status => self.pick(&[statuses as f64, 0.5, -1.0]),
            SlotKind::Boolean => self.pick(&[2.0, 0.5, -1.0]),
            SlotKind::Counter => {
                self.pick(&[-1.0, 1.5, 9_007_199_254_740_991.0, 9_007_199_254_740_992.0])
            }
            SlotKind::Number => self.pick(&[1e15, -1e15, 999_999_999_999_999.9, f64::INFINITY]),
            SlotKind::Money => {
                self.pick(&[0.25, 9_007_199_254_740_992.0, -9_007_199_254_740_991.0])
            }
            SlotKind::Timestamp => {
                self.pick(&[1e300, 0.5, -62_135_596_800_001.0, 253_402_300_799_999.0])
            }
            SlotKind::String => 0.0,
        }
    }

    /// `count` rows of `layout`, one after another.
    pub fn rows(&mut self, layout: &Layout, count: usize) -> Vec<f64> {
        let mut rows = Vec::with_capacity(count * layout.row_length);
        for _ in 0..count {
            let action = self.index(layout.actions.len());
            rows.push(action);
            rows.push(self.index(layout.roles.len()));
            rows.push(match self.below(50) {
                0 => 0.5,
                1 => f64::NAN,
                _ => NOW + self.pick(&[0.0, 0.0, 1.0, -1.0, 24.0 * HOUR]),
            });
            let declared = layout.facts.iter().chain(&layout.attributes);
            for slot in declared {
                let v = self.value(slot.kind, slot.values.len());
                rows.push(v);
            }
            let params = layout
                .actions
                .get(action as usize)
                .map(|a| a.params.as_slice());
            for i in 0..layout.max_params {
                match params.and_then(|p| p.get(i)) {
                    Some(slot) => {
                        let v = self.value(slot.kind, slot.values.len());
                        rows.push(v)
                    }
                    None => rows.push(f64::NAN),
                }
            }
        }
        rows
    }
}

/// A number as a JavaScript caller's JSON would carry it: whole numbers as integers.
pub fn json_number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_992.0 {
        json!(n as i64)
    } else {
        serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
    }
}

/// The JSON form of one present value of a slot; `None` when JSON cannot carry the number.
pub fn slot_json(kind: SlotKind, values: &[String], n: f64) -> Option<Value> {
    if !n.is_finite() {
        return None;
    }
    Some(match kind {
        SlotKind::Boolean if n == 0.0 || n == 1.0 => json!(n == 1.0),
        SlotKind::Status if n >= 0.0 && n.fract() == 0.0 && (n as usize) < values.len() => {
            json!(values[n as usize])
        }
        _ => json_number(n),
    })
}

/// The request a row stands for; `None` when JSON cannot say it (the row must then be refused).
pub fn request(layout: &Layout, row: &[f64]) -> Option<Value> {
    let whole_index = |n: f64, len: usize| {
        (n >= 0.0 && n.fract() == 0.0 && (n as usize) < len).then_some(n as usize)
    };
    let action = &layout.actions[whole_index(row[0], layout.actions.len())?];
    let role = &layout.roles[whole_index(row[1], layout.roles.len())?];
    let now = row[2];
    if !now.is_finite() {
        return None;
    }
    let mut at = 3;
    let mut named = |slots: &[SlotLayout]| -> Option<Map<String, Value>> {
        let mut map = Map::new();
        for slot in slots {
            let n = row[at];
            at += 1;
            if !n.is_nan() {
                map.insert(slot.name.clone(), slot_json(slot.kind, &slot.values, n)?);
            }
        }
        Some(map)
    };
    let facts = named(&layout.facts)?;
    let attributes = named(&layout.attributes)?;
    let params = named(&action.params)?;
    Some(json!({
        "facts": facts,
        "actor": {"role": role, "attributes": attributes},
        "action": action.name,
        "params": params,
        "now": json_number(now),
    }))
}
