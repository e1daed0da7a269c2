//! The policy language end to end, on examples/policies/sample-marketplace.json: windows with stated edges,
//! business days on a calendar with holidays, limits with remaining chances, approval, money,
//! deadlines, the first-match rule and its trace.

mod common;
use common::*;
use ordergate::{api::TraceResult, Outcome, Policy};
use serde_json::{json, Value};

fn market() -> Policy {
    Policy::from_json(include_str!("../examples/policies/sample-marketplace.json")).unwrap()
}

fn shipped(at: &str, changes: u32) -> Value {
    json!({"logistics": "shipped", "payment": "paid", "shipped_at": at, "courier_changes": changes})
}

#[test]
fn a_24_hour_window_with_an_inclusive_edge_is_open_at_exactly_24_hours() {
    let p = market();
    let params = json!({"courier": "JNE", "awb": "JNE-1"});
    let d = decide(
        &p,
        shipped("2026-03-02T10:00:00+07:00", 0),
        role("seller"),
        "change_courier",
        params.clone(),
        "2026-03-03T10:00:00+07:00",
    );
    assert_outcome(&d, Outcome::Allowed);
    assert_eq!(d.valid_until.as_deref(), Some("2026-03-03T10:00:00+07:00"));
    let late = decide(
        &p,
        shipped("2026-03-02T10:00:00+07:00", 0),
        role("seller"),
        "change_courier",
        params,
        "2026-03-03T10:00:00.001+07:00",
    );
    assert_outcome(&late, Outcome::Denied);
    assert_eq!(reason_codes(&late), ["window_closed"]);
    assert!(late.valid_until.is_none(), "a closed window never reopens");
    let why = late.trace[0].detail.as_deref().unwrap();
    assert!(why.contains("closed at 2026-03-03T10:00:00+07:00"), "{why}");
}

#[test]
fn a_limited_action_reports_remaining_chances_and_uses_one() {
    let p = market();
    let params = json!({"courier": "SiCepat", "awb": "SC-9"});
    let first = decide(
        &p,
        shipped("2026-03-02T10:00:00+07:00", 0),
        role("seller"),
        "change_courier",
        params.clone(),
        "2026-03-02T12:00:00+07:00",
    );
    assert_outcome(&first, Outcome::Allowed);
    assert_eq!(first.remaining_chances, Some(1));
    let counter = first
        .changes
        .iter()
        .find(|c| c.fact == "courier_changes")
        .unwrap();
    assert_eq!(
        (counter.from.clone(), counter.to.clone()),
        (json!(0), json!(1))
    );
    assert_eq!(first.effects[0].args["awb"], "SC-9");

    let facts = p
        .apply(&shipped("2026-03-02T10:00:00+07:00", 0), &first)
        .unwrap();
    let second = decide(
        &p,
        facts,
        role("seller"),
        "change_courier",
        params,
        "2026-03-02T13:00:00+07:00",
    );
    assert_outcome(&second, Outcome::Denied);
    assert_eq!(reason_codes(&second), ["courier_change_used"]);
    assert_eq!(second.remaining_chances, Some(0));
    assert_eq!(second.trace[0].result, TraceResult::LimitReached);
}

#[test]
fn approval_by_a_named_role_with_a_required_reason() {
    let p = market();
    let facts = json!({"logistics": "ready_to_ship", "payment": "cod"});
    let d = decide(
        &p,
        facts.clone(),
        role("seller"),
        "cancel_pickup",
        json!({"reason": "buyer cancelled"}),
        "2026-03-02T10:00:00+07:00",
    );
    assert_outcome(&d, Outcome::ApprovalRequired);
    assert_eq!(d.approver.as_deref(), Some("admin"));
    assert_eq!(d.next_state["logistics"], "pickup_cancel_pending");
    assert_eq!(
        d.alternatives[0].contact.as_deref(),
        Some("customer_service")
    );
    let err = p.decide(&json!({"facts": facts, "actor": {"role": "seller"}, "action": "cancel_pickup", "now": "2026-03-02T10:00:00+07:00"})).unwrap_err();
    assert_eq!(err.code(), ordergate::Code::MissingParam);
    // Paid orders need no reason: the second rule matches.
    let paid = decide(
        &p,
        json!({"logistics": "ready_to_ship", "payment": "paid"}),
        role("seller"),
        "cancel_pickup",
        json!({}),
        "2026-03-02T10:00:00+07:00",
    );
    assert_eq!(
        paid.rule.as_deref(),
        Some("seller-requests-pickup-cancel-paid")
    );
    assert!(paid.requires.is_empty());
}

#[test]
fn the_first_matching_rule_wins_and_the_trace_shows_every_rule_consulted() {
    let p = market();
    let paid = decide(
        &p,
        json!({"logistics": "ready_to_ship", "payment": "paid"}),
        role("seller"),
        "cancel_pickup",
        json!({}),
        "2026-03-02T10:00:00+07:00",
    );
    let steps: Vec<_> = paid
        .trace
        .iter()
        .map(|s| (s.rule.as_deref().unwrap_or("-"), s.result))
        .collect();
    assert_eq!(
        steps,
        [
            (
                "seller-requests-pickup-cancel-cod",
                TraceResult::ConditionFalse
            ),
            ("seller-requests-pickup-cancel-paid", TraceResult::Matched)
        ]
    );
    assert_eq!(
        paid.trace[0].detail.as_deref(),
        Some("when.all[1].in: payment is 'paid', not one of [cod]")
    );
    let buyer = decide(
        &p,
        json!({"logistics": "ready_to_ship", "payment": "paid"}),
        role("buyer"),
        "cancel_pickup",
        json!({}),
        "2026-03-02T10:00:00+07:00",
    );
    assert_outcome(&buyer, Outcome::Denied);
    assert_eq!(
        buyer.trace.last().unwrap().result,
        TraceResult::NoRuleMatched
    );
    assert_eq!(buyer.trace[0].result, TraceResult::RoleMismatch);
}

#[test]
fn three_working_days_skip_the_weekend_and_the_holidays() {
    let p = market();
    // Wednesday 18 March 2026; 19 and 20 March are holidays, 21-22 the weekend.
    let d = decide(
        &p,
        json!({"logistics": "delivered", "payment": "paid"}),
        role("buyer"),
        "request_refund",
        json!({}),
        "2026-03-18T10:00:00+07:00",
    );
    assert_outcome(&d, Outcome::ApprovalRequired);
    assert_eq!(d.approver.as_deref(), Some("seller"));
    let auto = d.auto_decision.as_ref().unwrap();
    assert_eq!(
        (auto.at.as_str(), auto.outcome),
        ("2026-03-25T10:00:00+07:00", Outcome::Allowed)
    );
    let stamp = d
        .changes
        .iter()
        .find(|c| c.fact == "refund_requested_at")
        .unwrap();
    assert_eq!(stamp.to, "2026-03-18T10:00:00+07:00");
}

#[test]
fn a_request_on_a_weekend_counts_from_the_next_working_day_at_midnight() {
    let p = market();
    let d = decide(
        &p,
        json!({"logistics": "delivered", "payment": "paid"}),
        role("buyer"),
        "request_refund",
        json!({}),
        "2026-03-07T15:00:00+07:00",
    );
    assert_eq!(d.auto_decision.unwrap().at, "2026-03-12T00:00:00+07:00");
}

#[test]
fn the_seller_may_reject_until_the_deadline_and_not_at_it() {
    let p = market();
    let facts = json!({"logistics": "delivered", "payment": "paid", "refund_request": "pending", "refund_requested_at": "2026-03-12T10:00:00+07:00"});
    let before = decide(
        &p,
        facts.clone(),
        role("seller"),
        "reject_refund",
        json!({}),
        "2026-03-17T09:59:59.999+07:00",
    );
    assert_outcome(&before, Outcome::Allowed);
    assert_eq!(
        before.valid_until.as_deref(),
        Some("2026-03-17T09:59:59.999+07:00")
    );
    assert_eq!(
        before.auto_decision.as_ref().unwrap().at,
        "2026-03-17T10:00:00+07:00"
    );
    let at = decide(
        &p,
        facts.clone(),
        role("seller"),
        "reject_refund",
        json!({}),
        "2026-03-17T10:00:00+07:00",
    );
    assert_outcome(&at, Outcome::Denied);
    assert_eq!(reason_codes(&at), ["deadline_passed"]);
    let system = decide(
        &p,
        facts,
        role("system"),
        "auto_approve_refund",
        json!({}),
        "2026-03-17T10:00:00+07:00",
    );
    assert_outcome(&system, Outcome::Allowed);
}

#[test]
fn an_after_sale_refund_debits_the_balance_and_an_equal_balance_is_enough() {
    let p = market();
    let facts = |balance: i64| json!({"logistics": "delivered", "payment": "paid", "refund_request": "pending", "refund_amount": 150000, "seller_balance": balance});
    let equal = decide(
        &p,
        facts(150_000),
        role("seller"),
        "approve_refund",
        json!({}),
        "2026-03-02T10:00:00+07:00",
    );
    assert_outcome(&equal, Outcome::Allowed);
    assert_eq!(effect_names(&equal), ["balance_debited"]);
    assert_eq!(equal.effects[0].args["amount"], 150000);
    let short = decide(
        &p,
        facts(149_999),
        role("seller"),
        "approve_refund",
        json!({}),
        "2026-03-02T10:00:00+07:00",
    );
    assert_outcome(&short, Outcome::Denied);
    assert_eq!(reason_codes(&short), ["balance_short"]);
}

#[test]
fn an_in_sale_refund_succeeds_without_touching_the_balance() {
    let p = market();
    let facts = json!({"logistics": "shipped", "payment": "paid", "refund_request": "pending", "refund_amount": 150000, "seller_balance": 0, "in_sale": true});
    let d = decide(
        &p,
        facts,
        role("seller"),
        "approve_refund",
        json!({}),
        "2026-03-02T10:00:00+07:00",
    );
    assert_outcome(&d, Outcome::Allowed);
    assert!(d.effects.is_empty());
}

#[test]
fn money_keeps_its_currency() {
    let p = market();
    let err = p
        .decide(&json!({"facts": {"logistics": "shipped", "payment": "paid", "refund_amount": {"amount": 5, "currency": "EUR"}}, "actor": {"role": "seller"}, "action": "approve_refund", "now": 0}))
        .unwrap_err();
    assert_eq!(err.code(), ordergate::Code::CurrencyMismatch);
    let err = p
        .decide(&json!({"facts": {"logistics": "shipped", "payment": "paid", "refund_amount": 5.5}, "actor": {"role": "seller"}, "action": "approve_refund", "now": 0}))
        .unwrap_err();
    assert_eq!(err.code(), ordergate::Code::InvalidValue);
}

#[test]
fn a_refund_flow_request_then_auto_approval_across_a_weekend_and_holidays() {
    let p = market();
    let mut facts = json!({"logistics": "delivered", "payment": "paid", "refund_amount": 50000});
    let request = decide(
        &p,
        facts.clone(),
        role("buyer"),
        "request_refund",
        json!({}),
        "2026-03-18T10:00:00+07:00",
    );
    facts = p.apply(&facts, &request).unwrap();
    assert_eq!(facts["refund_request"], "pending");
    let early = decide(
        &p,
        facts.clone(),
        role("system"),
        "auto_approve_refund",
        json!({}),
        "2026-03-24T10:00:00+07:00",
    );
    assert_outcome(&early, Outcome::Denied);
    assert_eq!(
        early.valid_until.as_deref(),
        Some("2026-03-25T09:59:59.999+07:00")
    );
    let due = decide(
        &p,
        facts.clone(),
        role("system"),
        "auto_approve_refund",
        json!({}),
        "2026-03-25T10:00:00+07:00",
    );
    facts = p.apply(&facts, &due).unwrap();
    assert_eq!(facts["refund_request"], "approved");
}

#[test]
fn available_gives_a_dashboard_the_time_left_and_the_chances_left() {
    let p = market();
    let list = p
        .available(&json!({"facts": shipped("2026-03-02T10:00:00+07:00", 0), "actor": {"role": "seller"}, "now": "2026-03-02T20:00:00+07:00", "locale": "id"}))
        .unwrap();
    let change = list.iter().find(|d| d.action == "change_courier").unwrap();
    assert_outcome(change, Outcome::Allowed);
    assert_eq!(change.label, "Ubah Pengiriman");
    assert_eq!(change.requires, ["courier", "awb"]);
    assert_eq!(change.remaining_chances, Some(1));
    assert_eq!(
        change.valid_until.as_deref(),
        Some("2026-03-03T10:00:00+07:00")
    );
}

#[test]
fn decisions_are_deterministic_and_the_policy_hash_ignores_formatting() {
    let p = market();
    let request = json!({"facts": shipped("2026-03-02T10:00:00+07:00", 0), "actor": {"role": "seller"}, "now": "2026-03-02T20:00:00+07:00"});
    let a = serde_json::to_string(&p.available(&request).unwrap()).unwrap();
    let b = serde_json::to_string(&p.available(&request).unwrap()).unwrap();
    assert_eq!(a, b);
    let compact: Value =
        serde_json::from_str(include_str!("../examples/policies/sample-marketplace.json")).unwrap();
    let again = Policy::from_json(&serde_json::to_string(&compact).unwrap()).unwrap();
    assert_eq!(again.hash(), p.hash());
}

#[test]
fn actor_attributes_are_compared_with_facts() {
    let p = market();
    let facts = json!({"logistics": "delivered", "payment": "paid", "refund_request": "pending", "seller_id": "store-1", "in_sale": true});
    let own = decide(
        &p,
        facts.clone(),
        json!({"role": "seller", "attributes": {"store_id": "store-1"}}),
        "approve_refund",
        json!({}),
        "2026-03-02T10:00:00+07:00",
    );
    assert_outcome(&own, Outcome::Allowed);
    let other = decide(
        &p,
        facts.clone(),
        json!({"role": "seller", "attributes": {"store_id": "store-2"}}),
        "approve_refund",
        json!({}),
        "2026-03-02T10:00:00+07:00",
    );
    assert_eq!(reason_codes(&other), ["not_your_store"]);
    let err = p
        .decide(&json!({"facts": facts, "actor": {"role": "seller", "attributes": {"shop": "x"}}, "action": "approve_refund", "now": 0}))
        .unwrap_err();
    assert_eq!(
        (err.code(), err.issues()[0].path.as_str()),
        (ordergate::Code::UnknownAttribute, "$.actor.attributes.shop")
    );
}
