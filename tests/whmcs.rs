//! WHMCS (seed 001): order management. One test per rule of shared/seed-rules.md, named after it,
//! and the fraud flow walked end to end.

mod common;
use common::*;
use ordergate::Outcome;
use serde_json::{json, Value};

const NOW: &str = "2026-03-02T10:00:00Z";

fn admin() -> Value {
    role("admin")
}

fn order(status: &str) -> Value {
    json!({"order": status, "services": "active", "invoice": "paid"})
}

fn run(facts: Value, action: &str, params: Value) -> ordergate::Decision {
    decide(&policy("whmcs"), facts, admin(), action, params, NOW)
}

#[test]
fn order_statuses_pending_active_fraud_cancelled_with_their_labels() {
    let p = policy("whmcs");
    let doc = p.document().expect("a policy read from JSON");
    let (_, order) = doc.dimensions.iter().find(|(n, _)| n == "order").unwrap();
    let labels: Vec<_> = order
        .statuses
        .iter()
        .map(|(id, l)| (id.as_str(), l[0].1.as_str()))
        .collect();
    for expected in [
        ("pending", "Tertunda"),
        ("active", "Aktif"),
        ("fraud", "Penipuan"),
        ("cancelled", "Dibatalkan"),
    ] {
        assert!(labels.contains(&expected), "{expected:?} in {labels:?}");
    }
}

#[test]
fn a_policy_may_add_custom_order_statuses() {
    let mut doc: Value = serde_json::from_str(ordergate::builtin_source("whmcs").unwrap()).unwrap();
    doc["dimensions"]["order"]["statuses"]["on_hold"] =
        json!({"label": {"id": "Ditahan", "en": "On hold"}});
    let p = ordergate::Policy::from_value(&doc).unwrap();
    let d = decide(&p, order("on_hold"), admin(), "cancel", json!({}), NOW);
    assert_outcome(&d, Outcome::Denied);
    let d = decide(&p, order("on_hold"), admin(), "delete", json!({}), NOW);
    assert_outcome(&d, Outcome::Allowed);
}

#[test]
fn a_new_order_stays_pending_until_an_admin_reviews_it() {
    let d = decide(
        &policy("whmcs"),
        json!({"order": "new", "fraud_score": 2.5, "fraud_threshold": 5.0}),
        role("system"),
        "place_order",
        json!({}),
        NOW,
    );
    assert_outcome(&d, Outcome::Allowed);
    assert_eq!(d.next_state["order"], "pending");
}

#[test]
fn decision_a_fraud_score_strictly_above_the_threshold_skips_pending_and_sets_fraud() {
    let p = policy("whmcs");
    let place = |score: f64| {
        decide(
            &p,
            json!({"order": "new", "fraud_score": score, "fraud_threshold": 5.0}),
            role("system"),
            "place_order",
            json!({}),
            NOW,
        )
    };
    assert_eq!(place(5.01).next_state["order"], "fraud");
    assert_eq!(
        place(5.0).next_state["order"],
        "pending",
        "equal to the threshold is not above it"
    );
    assert_eq!(place(4.99).next_state["order"], "pending");
}

#[test]
fn accept_moves_pending_to_active_and_may_run_module_create_welcome_mail_and_registrar() {
    let d = run(
        json!({"order": "pending"}),
        "accept",
        json!({"run_module_create": true, "send_welcome_email": true, "send_to_registrar": false}),
    );
    assert_outcome(&d, Outcome::Allowed);
    assert_eq!(d.next_state["order"], "active");
    assert_eq!(effect_names(&d), ["module_create", "welcome_email"]);
    let plain = run(json!({"order": "pending"}), "accept", json!({}));
    assert!(plain.effects.is_empty());
}

#[test]
fn cancel_terminates_active_products_and_cancels_the_invoice() {
    for from in ["pending", "active"] {
        let d = run(order(from), "cancel", json!({}));
        assert_outcome(&d, Outcome::Allowed);
        assert_eq!(
            (
                d.next_state["order"].as_str(),
                d.next_state["services"].as_str(),
                d.next_state["invoice"].as_str()
            ),
            (Some("cancelled"), Some("cancelled"), Some("cancelled"))
        );
        assert_eq!(effect_names(&d), ["module_terminate"]);
    }
    // Products that are not active need no module termination.
    let d = run(
        json!({"order": "pending", "services": "pending"}),
        "cancel",
        json!({}),
    );
    assert!(d.effects.is_empty());
}

#[test]
fn cancel_and_refund_refunds_through_the_gateway_when_it_supports_refunds() {
    let mut facts = order("active");
    facts["gateway_supports_refund"] = json!(true);
    let d = run(facts, "cancel_refund", json!({}));
    assert_eq!(effect_names(&d), ["module_terminate", "gateway_refund"]);
    assert_eq!(d.next_state["invoice"], "refunded");
}

#[test]
fn decision_cancel_and_refund_with_a_gateway_that_cannot_refund_is_allowed_and_says_to_refund_by_hand(
) {
    let d = run(order("active"), "cancel_refund", json!({}));
    assert_outcome(&d, Outcome::Allowed);
    assert_eq!(reason_codes(&d), ["refund_manual"]);
    assert!(effect_names(&d).contains(&"manual_refund"));
}

#[test]
fn set_as_fraud_terminates_active_products_cancels_the_invoice_and_sets_fraud() {
    let d = run(order("active"), "set_fraud", json!({}));
    assert_eq!(d.next_state["order"], "fraud");
    assert_eq!(d.next_state["services"], "terminated");
    assert_eq!(d.next_state["invoice"], "cancelled");
    assert_eq!(effect_names(&d), ["module_terminate"]);
}

#[test]
fn decision_cancel_and_set_as_fraud_are_allowed_from_pending_and_active_only() {
    for action in ["cancel", "cancel_refund", "set_fraud"] {
        for from in ["fraud", "cancelled"] {
            assert_outcome(&run(order(from), action, json!({})), Outcome::Denied);
        }
    }
}

#[test]
fn back_to_pending_from_fraud_puts_the_invoice_back_to_unpaid() {
    let d = run(
        json!({"order": "fraud", "services": "terminated", "invoice": "cancelled", "merchant_gateway": true}),
        "back_to_pending",
        json!({}),
    );
    assert_outcome(&d, Outcome::Allowed);
    assert_eq!(d.next_state["order"], "pending");
    assert_eq!(d.next_state["services"], "pending");
    assert_eq!(d.next_state["invoice"], "unpaid");
    assert_eq!(d.alternatives[0].action.as_deref(), Some("attempt_capture"));
}

#[test]
fn decision_back_to_pending_from_fraud_and_cancelled_only() {
    let d = run(
        json!({"order": "cancelled", "invoice": "cancelled"}),
        "back_to_pending",
        json!({}),
    );
    assert_eq!(d.next_state["order"], "pending");
    assert_eq!(
        d.next_state["invoice"], "cancelled",
        "only a fraud order reopens its invoice"
    );
    for from in ["pending", "active"] {
        assert_outcome(
            &run(order(from), "back_to_pending", json!({})),
            Outcome::Denied,
        );
    }
}

#[test]
fn decision_delete_is_allowed_from_any_status_and_flagged_irreversible() {
    for from in ["new", "pending", "active", "fraud", "cancelled"] {
        let d = run(order(from), "delete", json!({}));
        assert_outcome(&d, Outcome::Allowed);
        assert!(d.irreversible);
        assert!(d
            .confirm
            .as_ref()
            .unwrap()
            .message
            .contains("tidak dapat dibatalkan"));
        assert_eq!(effect_names(&d), ["delete_everything"]);
    }
    assert_outcome(&run(order("deleted"), "delete", json!({})), Outcome::Denied);
}

#[test]
fn bulk_actions_change_statuses_only_and_never_run_module_commands() {
    for (action, from, to) in [
        ("bulk_accept", "pending", "active"),
        ("bulk_cancel", "active", "cancelled"),
    ] {
        let d = run(order(from), action, json!({}));
        assert_outcome(&d, Outcome::Allowed);
        assert_eq!(d.next_state["order"], to);
        assert_eq!(
            d.next_state["services"], "active",
            "{action} leaves services alone"
        );
        assert!(d.effects.is_empty(), "{action} runs no module command");
        assert_eq!(reason_codes(&d), ["massal_hanya_status"]);
    }
}

#[test]
fn renewals_create_no_order_only_a_recurring_invoice() {
    let d = decide(
        &policy("whmcs"),
        order("active"),
        role("system"),
        "renew",
        json!({}),
        NOW,
    );
    assert_outcome(&d, Outcome::Allowed);
    assert!(d.changes.is_empty());
    assert_eq!(effect_names(&d), ["recurring_invoice"]);
}

#[test]
fn decision_clients_cannot_use_these_actions() {
    let p = policy("whmcs");
    for action in [
        "accept",
        "cancel",
        "cancel_refund",
        "set_fraud",
        "back_to_pending",
        "delete",
        "bulk_cancel",
    ] {
        let d = decide(&p, order("pending"), role("client"), action, json!({}), NOW);
        assert_outcome(&d, Outcome::Denied);
    }
}

#[test]
fn fraud_flow_fraud_then_back_to_pending_then_accept() {
    let p = policy("whmcs");
    let mut facts =
        json!({"order": "new", "fraud_score": 9.0, "fraud_threshold": 5.0, "invoice": "unpaid"});
    let placed = decide(
        &p,
        facts.clone(),
        role("system"),
        "place_order",
        json!({}),
        NOW,
    );
    facts = p.apply(&facts, &placed).unwrap();
    assert_eq!(facts["order"], "fraud");
    let reopened = decide(
        &p,
        facts.clone(),
        admin(),
        "back_to_pending",
        json!({}),
        NOW,
    );
    facts = p.apply(&facts, &reopened).unwrap();
    assert_eq!(
        (facts["order"].as_str(), facts["invoice"].as_str()),
        (Some("pending"), Some("unpaid"))
    );
    let accepted = decide(
        &p,
        facts.clone(),
        admin(),
        "accept",
        json!({"run_module_create": true}),
        NOW,
    );
    facts = p.apply(&facts, &accepted).unwrap();
    assert_eq!(facts["order"], "active");
}

#[test]
fn items_are_activated_on_payment_while_the_order_stays_pending() {
    let facts = json!({"order": "pending", "services": "pending", "invoice": "unpaid", "auto_setup_on_payment": true});
    let d = decide(
        &policy("whmcs"),
        facts,
        role("system"),
        "payment_received",
        json!({}),
        NOW,
    );
    assert_outcome(&d, Outcome::Allowed);
    assert_eq!(d.next_state["order"], "pending");
    assert_eq!(d.next_state["services"], "active");
    assert_eq!(d.next_state["invoice"], "paid");
    let manual = json!({"order": "pending", "services": "pending", "invoice": "unpaid"});
    let d = decide(
        &policy("whmcs"),
        manual,
        role("client"),
        "payment_received",
        json!({}),
        NOW,
    );
    assert_eq!(d.next_state["services"], "pending");
}

#[test]
fn staff_add_an_order_with_the_order_settings_and_a_promotion_always_applied() {
    let d = run(
        json!({"order": "new"}),
        "add_order",
        json!({"promo_code": "HEMAT10", "send_confirmation": true, "generate_invoice": true}),
    );
    assert_eq!(d.next_state["order"], "pending");
    assert_eq!(
        effect_names(&d),
        [
            "promotion_applied",
            "order_confirmation_email",
            "invoice_generated"
        ]
    );
    assert_eq!(d.effects[0].args["promo_code"], "HEMAT10");
}
