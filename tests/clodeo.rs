//! Clodeo (seed 000): "Cara Membatalkan Pickup Request". One test per rule of
//! shared/seed-rules.md, named after it, and the procedure walked end to end.

mod common;
use common::*;
use ordergate::{api::AlternativeKind, Outcome};
use serde_json::{json, Value};

const NOW: &str = "2026-03-02T10:00:00+07:00";

fn cod() -> Value {
    json!({"shipping": "siap_dikirim", "payment": "cod"})
}

fn paid() -> Value {
    json!({"shipping": "siap_dikirim", "payment": "lunas", "payment_record": "telah_digunakan"})
}

fn seller() -> Value {
    role("seller")
}

fn admin() -> Value {
    role("admin")
}

#[test]
fn siap_dikirim_the_seller_may_request_the_pickup_cancellation_for_cod_and_paid_orders() {
    let p = policy("clodeo");
    for (facts, params) in [
        (cod(), json!({"reason": "pembeli batal"})),
        (paid(), json!({})),
    ] {
        let d = decide(&p, facts, seller(), "cancel_pickup", params, NOW);
        assert_outcome(&d, Outcome::ApprovalRequired);
        assert_eq!(d.label, "Batalkan Pickup");
    }
}

#[test]
fn every_cancellation_needs_admin_approval_and_the_order_shows_it_is_waiting() {
    let d = decide(
        &policy("clodeo"),
        paid(),
        seller(),
        "cancel_pickup",
        json!({}),
        NOW,
    );
    assert_eq!(d.approver.as_deref(), Some("admin"));
    assert_eq!(d.next_state["shipping"], "menunggu_persetujuan");
    assert_eq!(d.next_state["cancel_request"], "menunggu");
    assert_eq!(
        d.reasons[0].message,
        "Proses pembatalan pickup membutuhkan persetujuan dari admin."
    );
}

#[test]
fn cod_the_seller_must_give_a_reason_and_is_sent_to_a_chat_with_cs() {
    let p = policy("clodeo");
    let d = decide(
        &p,
        cod(),
        seller(),
        "cancel_pickup",
        json!({"reason": "alamat salah"}),
        NOW,
    );
    assert_eq!(d.requires, ["reason"]);
    assert_eq!(d.effects[0].args["reason"], "alamat salah");
    let chat = &d.alternatives[0];
    assert_eq!(
        (chat.kind, chat.contact.as_deref()),
        (AlternativeKind::Contact, Some("customer_service"))
    );
    assert!(chat.message.contains("chat dengan CS"));
    let err = p
        .decide(&json!({"facts": cod(), "actor": seller(), "action": "cancel_pickup", "now": NOW}))
        .unwrap_err();
    assert_eq!(
        (err.code(), err.issues()[0].path.as_str()),
        (ordergate::Code::MissingParam, "$.params.reason")
    );
}

#[test]
fn decision_effects_on_invoice_and_payment_happen_at_approval_not_at_request() {
    let d = decide(
        &policy("clodeo"),
        paid(),
        seller(),
        "cancel_pickup",
        json!({}),
        NOW,
    );
    assert_eq!(d.next_state["invoice"], "aktif");
    assert_eq!(d.next_state["payment_record"], "telah_digunakan");
    assert!(!effect_names(&d).contains(&"invoice_cancelled"));
}

#[test]
fn on_approval_the_invoice_and_payment_are_cancelled_and_telah_digunakan_goes_back_to_belum_digunakan(
) {
    let p = policy("clodeo");
    let pending = p
        .apply(
            &paid(),
            &decide(&p, paid(), seller(), "cancel_pickup", json!({}), NOW),
        )
        .unwrap();
    let d = decide(
        &p,
        pending,
        admin(),
        "approve_pickup_cancel",
        json!({}),
        NOW,
    );
    assert_outcome(&d, Outcome::Allowed);
    assert_eq!(d.next_state["invoice"], "dibatalkan");
    assert_eq!(d.next_state["payment_record"], "belum_digunakan");
    assert_eq!(d.next_state["shipping"], "pickup_dibatalkan");
    assert_eq!(
        effect_names(&d),
        ["invoice_cancelled", "payment_cancelled", "notify_seller"]
    );
    assert_eq!(
        d.next_state["awb"], "aktif",
        "a paid order keeps its airway bill"
    );
}

#[test]
fn on_approval_of_a_cod_order_the_old_awb_is_void() {
    let p = policy("clodeo");
    let pending = p
        .apply(
            &cod(),
            &decide(
                &p,
                cod(),
                seller(),
                "cancel_pickup",
                json!({"reason": "r"}),
                NOW,
            ),
        )
        .unwrap();
    let d = decide(
        &p,
        pending,
        admin(),
        "approve_pickup_cancel",
        json!({}),
        NOW,
    );
    assert_eq!(d.next_state["awb"], "hangus");
    assert!(effect_names(&d).contains(&"awb_voided"));
    assert_eq!(
        d.next_state["payment_record"], "tidak_ada",
        "a COD order had no payment to release"
    );
}

#[test]
fn on_rejection_the_order_goes_on_and_batalkan_pickup_can_be_used_again() {
    let p = policy("clodeo");
    let pending = p
        .apply(
            &paid(),
            &decide(&p, paid(), seller(), "cancel_pickup", json!({}), NOW),
        )
        .unwrap();
    let rejected = decide(
        &p,
        pending.clone(),
        admin(),
        "reject_pickup_cancel",
        json!({"reason": "paket sudah siap"}),
        NOW,
    );
    assert_outcome(&rejected, Outcome::Allowed);
    let after = p.apply(&pending, &rejected).unwrap();
    assert_eq!(after["shipping"], "siap_dikirim");
    assert_eq!(after["invoice"], "aktif");
    let again = decide(&p, after, seller(), "cancel_pickup", json!({}), NOW);
    assert_outcome(&again, Outcome::ApprovalRequired);
}

#[test]
fn decision_requests_may_be_repeated_after_a_rejection_without_limit() {
    let p = policy("clodeo");
    let mut facts = paid();
    for _ in 0..5 {
        let request = decide(&p, facts.clone(), seller(), "cancel_pickup", json!({}), NOW);
        assert_outcome(&request, Outcome::ApprovalRequired);
        assert_eq!(request.remaining_chances, None);
        facts = p.apply(&facts, &request).unwrap();
        let reject = decide(
            &p,
            facts.clone(),
            admin(),
            "reject_pickup_cancel",
            json!({"reason": "x"}),
            NOW,
        );
        facts = p.apply(&facts, &reject).unwrap();
    }
}

#[test]
fn decision_a_second_request_while_one_is_pending_is_denied() {
    let p = policy("clodeo");
    let pending = p
        .apply(
            &cod(),
            &decide(
                &p,
                cod(),
                seller(),
                "cancel_pickup",
                json!({"reason": "r"}),
                NOW,
            ),
        )
        .unwrap();
    let d = decide(
        &p,
        pending,
        seller(),
        "cancel_pickup",
        json!({"reason": "r"}),
        NOW,
    );
    assert_outcome(&d, Outcome::Denied);
    assert_eq!(reason_codes(&d), ["sudah_diajukan"]);
}

#[test]
fn after_approval_atur_pengiriman_issues_a_new_awb_and_books_cod_again() {
    let p = policy("clodeo");
    let facts = json!({"shipping": "pickup_dibatalkan", "payment": "cod", "awb": "hangus", "invoice": "dibatalkan", "cancel_request": "disetujui"});
    let d = decide(
        &p,
        facts,
        seller(),
        "arrange_shipping",
        json!({"pickup_time": "2026-03-03T09:00:00+07:00"}),
        NOW,
    );
    assert_outcome(&d, Outcome::Allowed);
    assert_eq!(d.next_state["awb"], "aktif");
    assert_eq!(d.next_state["shipping"], "siap_dikirim");
    assert_eq!(effect_names(&d), ["new_awb_issued", "cod_booked"]);
    assert_eq!(
        d.effects[0].args["pickup_time"],
        "2026-03-03T09:00:00+07:00"
    );
    assert!(d.reasons[0].message.contains("nomor resi yang baru"));
    // A paid order gets a new airway bill but no COD booking.
    let paid = json!({"shipping": "pickup_dibatalkan", "payment": "lunas"});
    let d = decide(
        &p,
        paid,
        seller(),
        "arrange_shipping",
        json!({"pickup_time": "2026-03-03T09:00:00+07:00"}),
        NOW,
    );
    assert_eq!(effect_names(&d), ["new_awb_issued"]);
}

#[test]
fn decision_re_arranging_shipping_while_approval_is_pending_is_denied() {
    let p = policy("clodeo");
    let facts =
        json!({"shipping": "menunggu_persetujuan", "payment": "cod", "cancel_request": "menunggu"});
    let d = decide(&p, facts, seller(), "arrange_shipping", json!({}), NOW);
    assert_outcome(&d, Outcome::Denied);
    assert_eq!(reason_codes(&d), ["tunggu_persetujuan"]);
}

#[test]
fn decision_statuses_after_pickup_deny_the_cancellation_with_chat_with_cs() {
    for shipping in ["dijemput", "dalam_pengiriman", "terkirim"] {
        let d = decide(
            &policy("clodeo"),
            json!({"shipping": shipping, "payment": "cod"}),
            seller(),
            "cancel_pickup",
            json!({}),
            NOW,
        );
        assert_outcome(&d, Outcome::Denied);
        assert_eq!(
            d.alternatives[0].contact.as_deref(),
            Some("customer_service"),
            "{shipping}"
        );
    }
}

#[test]
fn only_orders_siap_dikirim_have_a_pickup_request_to_cancel() {
    let d = decide(
        &policy("clodeo"),
        json!({"shipping": "diproses", "payment": "lunas"}),
        seller(),
        "cancel_pickup",
        json!({}),
        NOW,
    );
    assert_eq!(reason_codes(&d), ["belum_siap_dikirim"]);
}

#[test]
fn only_the_admin_approves_or_rejects() {
    let p = policy("clodeo");
    let pending =
        json!({"shipping": "menunggu_persetujuan", "payment": "cod", "cancel_request": "menunggu"});
    for action in ["approve_pickup_cancel", "reject_pickup_cancel"] {
        let d = decide(&p, pending.clone(), seller(), action, json!({}), NOW);
        assert_eq!(reason_codes(&d), ["khusus_admin"]);
    }
}

#[test]
fn the_whole_procedure_request_approve_rearrange_in_english() {
    let p = policy("clodeo");
    let mut facts = cod();
    for (who, action, params) in [
        (
            seller(),
            "cancel_pickup",
            json!({"reason": "buyer changed their mind"}),
        ),
        (admin(), "approve_pickup_cancel", json!({})),
        (
            seller(),
            "arrange_shipping",
            json!({"pickup_time": "2026-03-04T09:00:00+07:00"}),
        ),
    ] {
        let d = p
            .decide(&json!({"facts": facts, "actor": who, "action": action, "params": params, "now": NOW, "locale": "en"}))
            .unwrap();
        assert_ne!(d.outcome, Outcome::Denied, "{action}");
        assert!(
            d.reasons.iter().all(|r| r.message.is_ascii()),
            "English messages: {:?}",
            d.reasons
        );
        facts = p.apply(&facts, &d).unwrap();
    }
    assert_eq!(facts["shipping"], "siap_dikirim");
    assert_eq!(facts["awb"], "aktif");
    assert_eq!(facts["invoice"], "dibatalkan");
}
