//! The row path reads a question exactly as the JSON reader does: a row of arbitrary numbers is
//! refused where its JSON form would be refused, and otherwise gets the verdict of that JSON
//! form, for every built-in policy, the sample, the benchmark's policy and a policy with one action
//! per kind of condition (tests/policies/every-condition.json), where every condition must read a
//! row's values (defaults, absent values, attributes, parameters, instants) as it reads JSON's.
//! The verdict, which tries only the rules its action's shortlist leaves for the role and status,
//! must also choose as the full decision does, which walks every rule in order.

mod common;

use common::rows::request;
use ordergate::api::{Layout, SlotKind};
use ordergate::{Policy, Verdict};
use proptest::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;

/// Loaded once: cases pick one by index. The last is every-condition.json, which the test of
/// every kind of condition takes from there.
fn policies() -> &'static [Policy] {
    static ALL: OnceLock<Vec<Policy>> = OnceLock::new();
    ALL.get_or_init(common::every_policy)
}

/// Numbers around every edge the JSON reader draws: absent, whole and fractional, signed zero,
/// the ends of the status, counter, money, number and timestamp ranges, and beyond them.
fn number() -> impl Strategy<Value = f64> {
    let edges = [
        f64::NAN,
        0.0,
        -0.0,
        1.0,
        2.0,
        0.5,
        -1.0,
        1e15,
        f64::from_bits(1e15f64.to_bits() - 1),
        -1e15,
        9_007_199_254_740_991.0,
        9_007_199_254_740_992.0,
        -9_007_199_254_740_991.0,
        -62_135_596_800_000.0,
        -62_135_596_800_001.0,
        253_402_300_799_999.0,
        253_402_300_800_000.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1_772_420_400_000.0,
        1_772_420_400_000.5,
    ];
    prop_oneof![
        4 => Just(f64::NAN),
        4 => (0u8..12).prop_map(f64::from),
        3 => prop::sample::select(edges.to_vec()),
        2 => (0i64..(20 * 86_400_000)).prop_map(|d| (1_772_420_400_000 + d) as f64),
        1 => any::<f64>(),
    ]
}

/// The verdict chooses as the full decision on the same request: the same outcome, deciding rule,
/// chances left and last valid instant; where the decision refuses the request, the verdict must
/// have said that it would (a missing parameter).
fn chooses_as_the_decision(
    policy: &Policy,
    request: &Value,
    verdict: &Verdict,
) -> Result<(), TestCaseError> {
    match policy.decide(request) {
        Ok(d) => {
            prop_assert_eq!(verdict.outcome, d.outcome, "{}", request);
            prop_assert_eq!(
                verdict.rule.and_then(|i| policy.rule_id(i)),
                d.rule.as_deref(),
                "{}",
                request
            );
            prop_assert_eq!(verdict.remaining_chances, d.remaining_chances);
            let zone = policy
                .document()
                .expect("a policy read from JSON")
                .calendar
                .zone;
            prop_assert_eq!(
                verdict.valid_until.map(|t| t.format_in(zone)),
                d.valid_until,
                "{}",
                request
            );
        }
        Err(e) => prop_assert!(
            verdict.missing_param,
            "decide refused ({e}) what the verdict answered: {request}"
        ),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6000, ..ProptestConfig::default() })]

    #[test]
    fn a_row_is_read_exactly_as_its_json(which in 0usize..64, numbers in prop::collection::vec((number(), prop::bool::weighted(0.8)), 40), action in 0u8..8, role in 0u8..8, other in -86_400_000i64..(40 * 86_400_000)) {
        let policies = policies();
        let policy = &policies[which % policies.len()];
        let layout = policy.layout();
        let mut row: Vec<f64> = numbers.iter().map(|(n, _)| *n).collect();
        row.resize(layout.row_length, f64::NAN);
        // Mostly valid headers, so that the values behind them are reached.
        row[0] = f64::from(action % layout.actions.len() as u8);
        row[1] = f64::from(role % layout.roles.len() as u8);
        if row[2].is_nan() {
            row[2] = 1_772_420_400_000.0;
        }
        // Most statuses, booleans and texts tamed (a valid index, 0 or 1, absent), so that rows
        // with several of them are still accepted often enough to compare verdicts.
        let action_params = &layout.actions[usize::from(action) % layout.actions.len()].params;
        let slots = layout.facts.iter().chain(&layout.attributes).chain(action_params);
        for ((n, slot), (_, tame)) in row[3..].iter_mut().zip(slots).zip(&numbers) {
            let k = if n.is_finite() { n.abs() as usize } else { 0 };
            match slot.kind {
                SlotKind::Status if *tame => *n = (k % slot.values.len().max(1)) as f64,
                SlotKind::Boolean if *tame => *n = (k % 2) as f64,
                SlotKind::String if *tame => *n = f64::NAN,
                _ => {}
            }
        }
        let from_row = policy.verdict_of_row(&row);
        match request(&layout, &row).map(|r| policy.prepare(&r)) {
            Some(Ok(prepared)) => {
                let verdict = policy.verdict(&prepared);
                prop_assert_eq!(from_row, Some(verdict));
                if let Some(request) = request(&layout, &row) {
                    chooses_as_the_decision(policy, &request, &verdict)?;
                }
                // An action that is not timed answers the same at any other instant.
                if !layout.actions[usize::from(action) % layout.actions.len()].timed {
                    row[2] = (1_772_420_400_000 + other) as f64;
                    prop_assert_eq!(policy.verdict_of_row(&row), Some(verdict));
                }
            }
            Some(Err(e)) => prop_assert!(from_row.is_none(), "JSON refused ({e}) what the row accepted: {row:?}"),
            None => prop_assert!(from_row.is_none(), "the row carried what JSON cannot: {row:?}"),
        }
    }

    #[test]
    fn a_short_or_garbled_row_is_refused_without_panicking(which in 0usize..64, action in 0u8..8, role in 0u8..8, numbers in prop::collection::vec(any::<f64>(), 0..40)) {
        let policies = policies();
        let policy = &policies[which % policies.len()];
        let layout = policy.layout();
        let action = usize::from(action) % layout.actions.len();
        let mut row = numbers;
        // A valid header where there is room for it, so that the length and the values decide.
        let header = [action as f64, f64::from(role % layout.roles.len() as u8), 1_772_420_400_000.0];
        for (n, h) in row.iter_mut().zip(header) {
            *n = h;
        }
        let needed = 3 + layout.facts.len() + layout.attributes.len() + layout.actions[action].params.len();
        if row.len() < needed {
            prop_assert_eq!(policy.verdict_of_row(&row), None);
        } else {
            let _ = policy.verdict_of_row(&row);
        }
    }

    /// Rows a policy accepts, every value valid for its slot and often absent, around the edges
    /// conditions draw (equal values, a window's end and 1 ms either side, working days), so that
    /// each action of the policy with one kind of condition per action decides on the row.
    #[test]
    fn every_kind_of_condition_answers_on_a_row_as_in_json(action in 0usize..64, values in prop::collection::vec((0u8..8, 0i64..40, -2i64..3), 24), now in (0i64..44, -2i64..3), other in (0i64..44, -2i64..3)) {
        let policy = policies().last().unwrap();
        let layout = policy.layout();
        const BASE: i64 = 1_772_420_400_000; // Monday 2026-03-02 10:00 in Jakarta
        let action = action % layout.actions.len();
        let slots = layout.facts.iter().chain(&layout.attributes).chain(&layout.actions[action].params);
        const HALF_DAY: i64 = 12 * 3_600_000;
        let mut row = vec![action as f64, 0.0, (BASE + now.0 * HALF_DAY + now.1) as f64];
        for (slot, &(pick, half_days, millis)) in slots.zip(&values) {
            row.push(match (pick, slot.kind) {
                (0 | 1, _) | (_, SlotKind::String) => f64::NAN,
                (_, SlotKind::Status) => f64::from(pick) % slot.values.len() as f64,
                (_, SlotKind::Boolean) => f64::from(pick % 2),
                (_, SlotKind::Number) => f64::from(pick) / 2.0 - 0.5,
                (_, SlotKind::Timestamp) => (BASE + half_days * HALF_DAY + millis) as f64,
                _ => f64::from(pick - 2),
            });
        }
        row.resize(layout.row_length, f64::NAN);
        let request = request(&layout, &row).unwrap();
        let from_json = policy.verdict(&policy.prepare(&request).unwrap());
        prop_assert_eq!(policy.verdict_of_row(&row), Some(from_json));
        chooses_as_the_decision(policy, &request, &from_json)?;
        if !layout.actions[action].timed {
            row[2] = (BASE + other.0 * HALF_DAY + other.1) as f64;
            prop_assert_eq!(policy.verdict_of_row(&row), Some(from_json), "{} is not timed", layout.actions[action].name);
        }
    }
}

/// The policy with one kind of condition per action has actions of both kinds, so that the test
/// above holds untimed actions to one verdict at every instant where windows are near.
#[test]
fn actions_reading_a_window_are_timed_and_only_they() {
    let layout = policies().last().unwrap().layout();
    let timed: Vec<&str> = (layout.actions.iter())
        .filter(|a| a.timed)
        .map(|a| a.name.as_str())
        .collect();
    assert!(
        !timed.is_empty() && timed.len() < layout.actions.len(),
        "{timed:?}"
    );
    let akulaku = ordergate::builtin("akulaku").unwrap().layout();
    let timed =
        |layout: &Layout, name: &str| layout.actions.iter().any(|a| a.name == name && a.timed);
    // Seed rules: a courier change within 24 h; a refund approved or rejected within three working
    // days, and approved by the system after them.
    for action in [
        "change_courier",
        "approve_refund",
        "reject_refund",
        "auto_approve_refund",
    ] {
        assert!(timed(&akulaku, action), "akulaku {action}");
    }
    for action in ["request_refund", "ship_order", "submit_evidence"] {
        assert!(!timed(&akulaku, action), "akulaku {action}");
    }
    let dropi = ordergate::builtin("dropi").unwrap().layout();
    assert!(
        dropi.actions.iter().all(|a| !a.timed),
        "dropi decides by status alone"
    );
}
