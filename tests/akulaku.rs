//! Akulaku (seed 002): courier change, wrong airway bill, refunds and returns, balance, the
//! 3-working-day deadline and dispute evidence. One test per rule of shared/seed-rules.md, named
//! after it, and the procedures walked end to end.

mod common;
use common::*;
use ordergate::{api::TraceResult, Outcome};
use serde_json::{json, Value};

fn seller() -> Value {
    role("seller")
}

fn shipped(changes: u32) -> Value {
    json!({"order": "shipped", "shipping_method": "self_logistics", "shipped_at": "2026-03-02T10:00:00+07:00", "courier_changes": changes})
}

fn new_courier() -> Value {
    json!({"courier": "J&T", "awb": "JT0001"})
}

fn pending_refund(requested_at: &str) -> Value {
    json!({"order": "delivered", "shipping_method": "self_logistics", "refund_request": "pending",
           "refund_requested_at": requested_at, "refund_amount": 150000, "seller_balance": 500000})
}

#[test]
fn courier_change_within_24_hours_after_shipment_inclusive() {
    let p = policy("akulaku");
    let at_24h = decide(
        &p,
        shipped(0),
        seller(),
        "change_courier",
        new_courier(),
        "2026-03-03T10:00:00+07:00",
    );
    assert_outcome(&at_24h, Outcome::Allowed);
    assert_eq!(
        at_24h.valid_until.as_deref(),
        Some("2026-03-03T10:00:00+07:00")
    );
    assert_eq!(at_24h.effects[0].args["awb"], "JT0001");
    assert_eq!(
        at_24h.confirm.as_ref().unwrap().code,
        "konfirmasi_perubahan"
    );
    let after = decide(
        &p,
        shipped(0),
        seller(),
        "change_courier",
        new_courier(),
        "2026-03-03T10:00:00.001+07:00",
    );
    assert_outcome(&after, Outcome::Denied);
    assert_eq!(reason_codes(&after), ["batas_24_jam_lewat"]);
    assert_eq!(
        after.alternatives[0].contact.as_deref(),
        Some("akulaku_team")
    );
}

#[test]
fn courier_change_only_once_with_remaining_chances() {
    let p = policy("akulaku");
    let first = decide(
        &p,
        shipped(0),
        seller(),
        "change_courier",
        new_courier(),
        "2026-03-02T18:00:00+07:00",
    );
    assert_eq!(first.remaining_chances, Some(1));
    let facts = p.apply(&shipped(0), &first).unwrap();
    assert_eq!(facts["courier_changes"], 1);
    assert_eq!(facts["awb"], "JT0001");
    let second = decide(
        &p,
        facts,
        seller(),
        "change_courier",
        json!({"courier": "JNE", "awb": "JNE9"}),
        "2026-03-02T19:00:00+07:00",
    );
    assert_outcome(&second, Outcome::Denied);
    assert_eq!(reason_codes(&second), ["satu_kesempatan"]);
    assert_eq!(second.remaining_chances, Some(0));
    assert_eq!(second.trace[0].result, TraceResult::LimitReached);
}

#[test]
fn courier_change_only_for_pengiriman_sendiri_perusahaan_logistik() {
    let p = policy("akulaku");
    for method in ["self_delivery", "via_akulaku"] {
        let mut facts = shipped(0);
        facts["shipping_method"] = json!(method);
        let d = decide(
            &p,
            facts,
            seller(),
            "change_courier",
            new_courier(),
            "2026-03-02T12:00:00+07:00",
        );
        assert_eq!(reason_codes(&d), ["hanya_perusahaan_logistik"], "{method}");
    }
}

#[test]
fn wrong_awb_failed_delivery_invalid_shipping_address_then_reshipment_then_call_the_logistics() {
    let p = policy("akulaku");
    let mut facts = shipped(0);
    facts["awb"] = json!("WRONG-1");
    let now = "2026-03-04T10:00:00+07:00";
    let failed = decide(
        &p,
        facts.clone(),
        seller(),
        "mark_delivery_failed",
        json!({"reason": "invalid_shipping_address"}),
        now,
    );
    assert_outcome(&failed, Outcome::Allowed);
    facts = p.apply(&facts, &failed).unwrap();
    assert_eq!(
        (facts["order"].as_str(), facts["delivery_failure"].as_str()),
        (Some("cancelled"), Some("invalid_shipping_address"))
    );
    // Calling the logistics before the re-shipment is prepared is refused.
    assert_outcome(
        &decide(
            &p,
            facts.clone(),
            seller(),
            "call_logistics",
            json!({"awb": "RIGHT-1"}),
            now,
        ),
        Outcome::Denied,
    );
    let reship = decide(
        &p,
        facts.clone(),
        seller(),
        "prepare_reshipment",
        json!({}),
        now,
    );
    facts = p.apply(&facts, &reship).unwrap();
    assert_eq!(facts["order"], "processing");
    let call = decide(
        &p,
        facts.clone(),
        seller(),
        "call_logistics",
        json!({"awb": "RIGHT-1"}),
        now,
    );
    assert_eq!(effect_names(&call), ["awb_corrected"]);
    facts = p.apply(&facts, &call).unwrap();
    assert_eq!(facts["awb"], "RIGHT-1");
}

#[test]
fn approving_a_refund_returns_the_money_at_once() {
    let mut facts = pending_refund("2026-03-02T10:00:00+07:00");
    facts["in_sale"] = json!(true);
    let d = decide(
        &policy("akulaku"),
        facts,
        seller(),
        "approve_refund",
        json!({}),
        "2026-03-03T10:00:00+07:00",
    );
    assert_outcome(&d, Outcome::Allowed);
    assert_eq!(d.next_state["refund_request"], "approved");
    assert_eq!(effect_names(&d), ["refund_to_buyer"]);
    assert_eq!(d.effects[0].args["amount"], 150000);
}

#[test]
fn in_sale_refunds_succeed_automatically_without_touching_the_balance() {
    let mut facts = pending_refund("2026-03-02T10:00:00+07:00");
    facts["in_sale"] = json!(true);
    facts["seller_balance"] = json!(0);
    let d = decide(
        &policy("akulaku"),
        facts,
        seller(),
        "approve_refund",
        json!({}),
        "2026-03-03T10:00:00+07:00",
    );
    assert_outcome(&d, Outcome::Allowed);
    assert!(!effect_names(&d).contains(&"balance_debited"));
}

#[test]
fn after_sale_refunds_are_deducted_from_the_seller_balance_and_an_equal_balance_is_enough() {
    let p = policy("akulaku");
    let mut facts = pending_refund("2026-03-02T10:00:00+07:00");
    facts["seller_balance"] = json!(150000);
    let d = decide(
        &p,
        facts.clone(),
        seller(),
        "approve_refund",
        json!({}),
        "2026-03-03T10:00:00+07:00",
    );
    assert_outcome(&d, Outcome::Allowed);
    assert_eq!(effect_names(&d), ["balance_debited", "refund_to_buyer"]);
    facts["seller_balance"] = json!(149999);
    let short = decide(
        &p,
        facts,
        seller(),
        "approve_refund",
        json!({}),
        "2026-03-03T10:00:00+07:00",
    );
    assert_outcome(&short, Outcome::Denied);
    assert_eq!(reason_codes(&short), ["saldo_tidak_mencukupi"]);
}

#[test]
fn decision_the_deadline_is_the_same_local_time_on_the_third_working_day() {
    let p = policy("akulaku");
    // Thursday 12 March 2026: Friday, Monday, Tuesday.
    let d = decide(
        &p,
        json!({"order": "delivered", "shipping_method": "via_akulaku"}),
        role("buyer"),
        "request_refund",
        json!({}),
        "2026-03-12T10:00:00+07:00",
    );
    assert_outcome(&d, Outcome::ApprovalRequired);
    assert_eq!(d.approver.as_deref(), Some("seller"));
    assert_eq!(
        d.auto_decision.as_ref().map(|a| (a.at.as_str(), a.outcome)),
        Some(("2026-03-17T10:00:00+07:00", Outcome::Allowed))
    );
    // Wednesday 18 March: 19-21 are holidays (Nyepi, Idul Fitri), 21-22 the weekend.
    let d = decide(
        &p,
        json!({"order": "delivered", "shipping_method": "via_akulaku"}),
        role("buyer"),
        "request_refund",
        json!({}),
        "2026-03-18T10:00:00+07:00",
    );
    assert_eq!(d.auto_decision.unwrap().at, "2026-03-25T10:00:00+07:00");
}

#[test]
fn decision_a_request_on_a_non_working_day_counts_from_the_next_working_day_at_midnight() {
    let d = decide(
        &policy("akulaku"),
        json!({"order": "delivered", "shipping_method": "via_akulaku"}),
        role("buyer"),
        "request_refund",
        json!({}),
        "2026-03-07T15:00:00+07:00",
    );
    assert_eq!(d.auto_decision.unwrap().at, "2026-03-12T00:00:00+07:00");
}

#[test]
fn decision_at_or_after_the_deadline_the_request_is_auto_approved_and_the_seller_can_no_longer_reject(
) {
    let p = policy("akulaku");
    let facts = pending_refund("2026-03-12T10:00:00+07:00");
    let before = decide(
        &p,
        facts.clone(),
        seller(),
        "reject_refund",
        json!({}),
        "2026-03-17T09:59:59.999+07:00",
    );
    assert_outcome(&before, Outcome::Allowed);
    assert_eq!(
        before.valid_until.as_deref(),
        Some("2026-03-17T09:59:59.999+07:00")
    );
    for action in ["reject_refund", "approve_refund"] {
        let at = decide(
            &p,
            facts.clone(),
            seller(),
            action,
            json!({}),
            "2026-03-17T10:00:00+07:00",
        );
        assert_outcome(&at, Outcome::Denied);
        assert_eq!(reason_codes(&at), ["batas_waktu_lewat"]);
    }
    let early = decide(
        &p,
        facts.clone(),
        role("system"),
        "auto_approve_refund",
        json!({}),
        "2026-03-17T09:59:59.999+07:00",
    );
    assert_outcome(&early, Outcome::Denied);
    let system = decide(
        &p,
        facts,
        role("system"),
        "auto_approve_refund",
        json!({}),
        "2026-03-17T10:00:00+07:00",
    );
    assert_outcome(&system, Outcome::Allowed);
    assert_eq!(
        effect_names(&system),
        ["balance_debited", "refund_to_buyer"]
    );
}

#[test]
fn refund_request_across_a_weekend_and_a_holiday_is_auto_approved() {
    let p = policy("akulaku");
    let mut facts = json!({"order": "delivered", "shipping_method": "via_akulaku", "refund_amount": 75000, "seller_balance": 0, "in_sale": true});
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
    // Monday 23 March: still within the 3 working days.
    let waiting = decide(
        &p,
        facts.clone(),
        role("system"),
        "auto_approve_refund",
        json!({}),
        "2026-03-23T10:00:00+07:00",
    );
    assert_outcome(&waiting, Outcome::Denied);
    assert_eq!(
        waiting.valid_until.as_deref(),
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
fn refund_rejected_then_requested_again() {
    let p = policy("akulaku");
    let facts = pending_refund("2026-03-12T10:00:00+07:00");
    let rejected = decide(
        &p,
        facts.clone(),
        seller(),
        "reject_refund",
        json!({}),
        "2026-03-13T10:00:00+07:00",
    );
    let facts = p.apply(&facts, &rejected).unwrap();
    let again = decide(
        &p,
        facts,
        role("buyer"),
        "request_refund",
        json!({}),
        "2026-03-16T10:00:00+07:00",
    );
    assert_outcome(&again, Outcome::ApprovalRequired);
}

#[test]
fn approving_a_return_sends_the_buyer_the_return_address() {
    let p = policy("akulaku");
    let facts = json!({"order": "delivered", "shipping_method": "via_akulaku"});
    let request = decide(
        &p,
        facts.clone(),
        role("buyer"),
        "request_return",
        json!({}),
        "2026-03-02T10:00:00+07:00",
    );
    assert_outcome(&request, Outcome::ApprovalRequired);
    let facts = p.apply(&facts, &request).unwrap();
    let approve = decide(
        &p,
        facts.clone(),
        seller(),
        "approve_return",
        json!({}),
        "2026-03-02T11:00:00+07:00",
    );
    assert_eq!(effect_names(&approve), ["return_address_sent"]);
    let reject = decide(
        &p,
        facts,
        seller(),
        "reject_return",
        json!({}),
        "2026-03-02T11:00:00+07:00",
    );
    assert_eq!(reject.next_state["return_request"], "rejected");
}

#[test]
fn three_chances_to_submit_evidence_in_a_dispute_the_fourth_is_denied() {
    let p = policy("akulaku");
    let mut facts =
        json!({"order": "delivered", "shipping_method": "via_akulaku", "dispute": "open"});
    for n in 1..=3 {
        let d = decide(
            &p,
            facts.clone(),
            seller(),
            "submit_evidence",
            json!({"evidence": format!("bukti-{n}.pdf")}),
            "2026-03-02T10:00:00+07:00",
        );
        assert_outcome(&d, Outcome::Allowed);
        assert_eq!(d.remaining_chances, Some(4 - n));
        facts = p.apply(&facts, &d).unwrap();
    }
    let fourth = decide(
        &p,
        facts,
        seller(),
        "submit_evidence",
        json!({"evidence": "bukti-4.pdf"}),
        "2026-03-02T10:00:00+07:00",
    );
    assert_outcome(&fourth, Outcome::Denied);
    assert_eq!(reason_codes(&fourth), ["tiga_kesempatan_habis"]);
    assert_eq!(fourth.remaining_chances, Some(0));
}

#[test]
fn a_seller_accused_of_an_invalid_awb_may_file_a_penalty_complaint_with_evidence() {
    let p = policy("akulaku");
    let facts = json!({"order": "shipped", "shipping_method": "self_logistics", "invalid_awb_complaint": true});
    let d = decide(
        &p,
        facts,
        seller(),
        "file_penalty_complaint",
        json!({"evidence": "screenshot.png"}),
        "2026-03-02T10:00:00+07:00",
    );
    assert_outcome(&d, Outcome::Allowed);
    assert_eq!(d.effects[0].args["evidence"], "screenshot.png");
    let none = decide(
        &p,
        json!({"order": "shipped", "shipping_method": "self_logistics"}),
        seller(),
        "file_penalty_complaint",
        json!({"evidence": "x"}),
        "2026-03-02T10:00:00+07:00",
    );
    assert_outcome(&none, Outcome::Denied);
}

#[test]
fn otherwise_contact_the_akulaku_team() {
    let p = policy("akulaku");
    let facts = pending_refund("2026-03-12T10:00:00+07:00");
    let d = decide(
        &p,
        facts,
        seller(),
        "reject_refund",
        json!({}),
        "2026-03-13T10:00:00+07:00",
    );
    assert_eq!(d.alternatives[0].contact.as_deref(), Some("akulaku_team"));
    assert!(d.alternatives[0].message.starts_with("Hubungi Tim Akulaku"));
}

#[test]
fn seller_actions_are_the_seller_s() {
    let d = decide(
        &policy("akulaku"),
        shipped(0),
        role("buyer"),
        "change_courier",
        new_courier(),
        "2026-03-02T12:00:00+07:00",
    );
    assert_eq!(reason_codes(&d), ["khusus_penjual"]);
}

#[test]
fn the_24_hours_start_at_the_shipment_time_recorded_when_the_seller_enters_the_awb() {
    let p = policy("akulaku");
    let facts = json!({"order": "processing", "shipping_method": "self_logistics"});
    let ship = decide(
        &p,
        facts.clone(),
        seller(),
        "ship_order",
        json!({"awb": "JNE-7"}),
        "2026-03-02T16:30:00+07:00",
    );
    assert_outcome(&ship, Outcome::Allowed);
    let facts = p.apply(&facts, &ship).unwrap();
    assert_eq!(facts["shipped_at"], "2026-03-02T16:30:00+07:00");
    let change = decide(
        &p,
        facts,
        seller(),
        "change_courier",
        new_courier(),
        "2026-03-03T08:00:00+07:00",
    );
    assert_eq!(
        change.valid_until.as_deref(),
        Some("2026-03-03T16:30:00+07:00")
    );
}
