//! French marketplace back office (seed 003): cancelling an order from the "Liste des commandes".
//! One test per rule of shared/seed-rules.md, named after it.

mod common;
use common::*;
use ordergate::{api::AlternativeKind, Outcome};
use serde_json::json;

const NOW: &str = "2026-03-02T10:00:00+01:00";

fn agent() -> serde_json::Value {
    role("agent")
}

#[test]
fn cancellable_only_while_en_attente_d_impression() {
    let d = decide(
        &policy("fr-backoffice"),
        json!({"logistics": "en_attente_impression"}),
        agent(),
        "check_cancellable",
        json!({}),
        NOW,
    );
    assert_outcome(&d, Outcome::Allowed);
    assert_eq!(d.reasons[0].message, "Commande annulable");
    assert!(d.changes.is_empty(), "checking changes nothing");
    assert_eq!(d.alternatives[0].action.as_deref(), Some("cancel_order"));
}

#[test]
fn impression_en_cours_en_preparation_and_expediee_cannot_be_cancelled() {
    for state in ["impression_en_cours", "en_preparation", "expediee"] {
        let d = decide(
            &policy("fr-backoffice"),
            json!({"logistics": state}),
            agent(),
            "check_cancellable",
            json!({}),
            NOW,
        );
        assert_outcome(&d, Outcome::Denied);
        assert_eq!(
            d.reasons[0].message, "Impossible d’annuler la commande",
            "{state}"
        );
        // The agent leaves edit mode and answers the client with the ready reply.
        let replies: Vec<_> = d.alternatives.iter().map(|a| a.code.as_str()).collect();
        assert_eq!(replies, ["reponse_annulation_impossible", "quitter_mod"]);
    }
}

#[test]
fn decision_any_other_logistics_state_denies_cancellation_fail_closed() {
    for state in ["livree", "retournee"] {
        for action in ["check_cancellable", "cancel_order"] {
            let d = decide(
                &policy("fr-backoffice"),
                json!({"logistics": state}),
                agent(),
                action,
                json!({}),
                NOW,
            );
            assert_outcome(&d, Outcome::Denied);
        }
    }
    // A state the policy does not know is refused as input, never allowed.
    let err = policy("fr-backoffice")
        .decide(&json!({"facts": {"logistics": "perdue"}, "actor": {"role": "agent"}, "action": "check_cancellable", "now": NOW}))
        .unwrap_err();
    assert_eq!(err.code(), ordergate::Code::UnknownStatus);
}

#[test]
fn cancelling_is_a_checked_then_confirmed_step() {
    let p = policy("fr-backoffice");
    let facts = json!({"logistics": "en_attente_impression", "order_total": 4990});
    let check = decide(
        &p,
        facts.clone(),
        agent(),
        "check_cancellable",
        json!({}),
        NOW,
    );
    assert_eq!(check.reasons[0].message, "Commande annulable");
    assert!(check.alternatives[0]
        .message
        .contains("confirmez à nouveau"));
    // The cancellation itself asks the agent to confirm again before it is taken.
    let cancel = decide(
        &p,
        facts,
        agent(),
        "cancel_order",
        json!({"contact_channel": "email"}),
        NOW,
    );
    assert_outcome(&cancel, Outcome::Allowed);
    let confirm = cancel.confirm.as_ref().expect("a confirmation step");
    assert_eq!(confirm.code, "confirmer_annulation");
    assert!(confirm
        .message
        .contains("Confirmer l’annulation de la commande"));
    // A denial asks for no confirmation.
    let denied = decide(
        &p,
        json!({"logistics": "expediee"}),
        agent(),
        "cancel_order",
        json!({}),
        NOW,
    );
    assert!(denied.confirm.is_none());
}

#[test]
fn cancelling_refunds_the_order_total_through_the_payment_link_and_records_the_contact_channel() {
    let p = policy("fr-backoffice");
    let facts = json!({"logistics": "en_attente_impression", "order_total": 4990});
    let d = decide(
        &p,
        facts.clone(),
        agent(),
        "cancel_order",
        json!({"contact_channel": "telephone"}),
        NOW,
    );
    assert_outcome(&d, Outcome::Allowed);
    assert_eq!(d.requires, ["contact_channel"]);
    assert_eq!(d.next_state["order"], "annulee");
    assert_eq!(d.next_state["refund"], "en_attente");
    let refund = &d.effects[0];
    assert_eq!(refund.effect, "refund_through_payment_link");
    assert_eq!(refund.args["amount"], 4990);
    assert_eq!(refund.args["contact_channel"], "telephone");
    assert!(refund.label.contains("Hipay"));
    // Without the contact channel the step cannot be taken.
    let err = p
        .decide(&json!({"facts": facts, "actor": agent(), "action": "cancel_order", "now": NOW}))
        .unwrap_err();
    assert_eq!(err.code(), ordergate::Code::MissingParam);
    assert_eq!(err.issues()[0].path, "$.params.contact_channel");
}

#[test]
fn remboursement_effectue_sends_the_automatic_confirmation_email() {
    let facts =
        json!({"logistics": "en_attente_impression", "order": "annulee", "refund": "en_attente"});
    let d = decide(
        &policy("fr-backoffice"),
        facts,
        agent(),
        "record_refund_done",
        json!({}),
        NOW,
    );
    assert_outcome(&d, Outcome::Allowed);
    assert_eq!(d.next_state["refund"], "effectue");
    assert_eq!(effect_names(&d), ["send_email"]);
    assert_eq!(d.effects[0].args["template"], "reponse_commande_annulee");
}

#[test]
fn remboursement_impossible_asks_for_an_alternative_payment_method_agreed_with_the_client() {
    let facts =
        json!({"logistics": "en_attente_impression", "order": "annulee", "refund": "en_attente"});
    let d = decide(
        &policy("fr-backoffice"),
        facts,
        agent(),
        "record_refund_failed",
        json!({"alternative_payment_method": "virement"}),
        NOW,
    );
    assert_outcome(&d, Outcome::Allowed);
    assert_eq!(d.next_state["refund"], "impossible");
    assert_eq!(d.effects[0].args["method"], "virement");
    assert!(d.reasons[0]
        .message
        .contains("moyen de paiement alternatif"));
}

#[test]
fn ready_replies_for_we_cannot_cancel_and_we_have_cancelled() {
    let p = policy("fr-backoffice");
    let cannot = decide(
        &p,
        json!({"logistics": "expediee"}),
        agent(),
        "check_cancellable",
        json!({}),
        NOW,
    );
    let reply = cannot
        .alternatives
        .iter()
        .find(|a| a.kind == AlternativeKind::Contact && a.contact.as_deref() == Some("client"))
        .unwrap();
    assert_eq!(reply.message, "Nous ne pouvons pas annuler votre commande.");
    let facts =
        json!({"logistics": "en_attente_impression", "order": "annulee", "refund": "en_attente"});
    let done = decide(&p, facts, agent(), "record_refund_done", json!({}), NOW);
    assert_eq!(
        done.alternatives[0].message,
        "Nous avons bien annulé votre commande."
    );
}

#[test]
fn a_refund_outcome_needs_a_refund_waiting_for_validation() {
    let d = decide(
        &policy("fr-backoffice"),
        json!({"logistics": "en_attente_impression"}),
        agent(),
        "record_refund_done",
        json!({}),
        NOW,
    );
    assert_outcome(&d, Outcome::Denied);
    assert_eq!(reason_codes(&d), ["aucun_remboursement_en_attente"]);
}

#[test]
fn the_whole_procedure_from_check_to_confirmation_email() {
    let p = policy("fr-backoffice");
    let mut facts = json!({"logistics": "en_attente_impression", "order_total": 12990});
    for (action, params) in [
        ("check_cancellable", json!({})),
        ("cancel_order", json!({"contact_channel": "email"})),
        ("record_refund_done", json!({})),
    ] {
        let d = decide(&p, facts.clone(), agent(), action, params, NOW);
        assert_outcome(&d, Outcome::Allowed);
        facts = p.apply(&facts, &d).unwrap();
    }
    assert_eq!(facts["order"], "annulee");
    assert_eq!(facts["refund"], "effectue");
    // Once cancelled, the check says the cancellation is already handled.
    let again = decide(&p, facts, agent(), "check_cancellable", json!({}), NOW);
    assert_eq!(reason_codes(&again), ["deja_traitee"]);
}
