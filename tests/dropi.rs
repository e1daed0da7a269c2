//! Dropi (seed 004): "¿Qué pasa si el cliente cancela o rechaza el pedido?". One test per rule of
//! shared/seed-rules.md, named after it.

mod common;
use common::*;
use ordergate::{api::AlternativeKind, Outcome};
use serde_json::json;

const NOW: &str = "2026-03-02T10:00:00-05:00";

fn cancel(status: &str, who: &str) -> ordergate::Decision {
    decide(
        &policy("dropi"),
        json!({"status": status}),
        role(who),
        "cancel",
        json!({}),
        NOW,
    )
}

#[test]
fn por_confirmar_and_pendiente_the_dropshipper_may_cancel() {
    for status in ["por_confirmar", "pendiente"] {
        let d = cancel(status, "dropshipper");
        assert_outcome(&d, Outcome::Allowed);
        assert_eq!(
            d.rule.as_deref(),
            Some("cancel-while-por-confirmar-or-pendiente")
        );
        assert_eq!(d.next_state["status"], "cancelado");
        assert_eq!(d.changes[0].from, status);
        assert!(
            d.reasons[0].message.contains("3 puntos"),
            "{}",
            d.reasons[0].message
        );
    }
}

#[test]
fn decision_the_supplier_may_also_cancel_por_confirmar_and_pendiente() {
    for status in ["por_confirmar", "pendiente"] {
        assert_outcome(&cancel(status, "supplier"), Outcome::Allowed);
    }
}

#[test]
fn por_alistar_and_por_recolectar_only_the_supplier_may_cancel() {
    for status in ["por_alistar", "por_recolectar"] {
        let d = cancel(status, "supplier");
        assert_outcome(&d, Outcome::Allowed);
        assert_eq!(d.next_state["status"], "cancelado");
    }
}

#[test]
fn por_alistar_and_por_recolectar_the_dropshipper_is_told_to_ask_the_supplier() {
    for status in ["por_alistar", "por_recolectar"] {
        let d = cancel(status, "dropshipper");
        assert_outcome(&d, Outcome::Denied);
        assert_eq!(reason_codes(&d), ["solo_proveedor_cancela"]);
        assert!(d.changes.is_empty());
        let alt = &d.alternatives[0];
        assert_eq!(alt.kind, AlternativeKind::Contact);
        assert_eq!(alt.contact.as_deref(), Some("supplier"));
        assert!(
            alt.message.contains("Detalle del proveedor"),
            "{}",
            alt.message
        );
    }
}

#[test]
fn en_transito_nobody_can_act_wait_until_con_novedad() {
    for who in ["dropshipper", "supplier"] {
        for action in ["cancel", "return_order", "change_address"] {
            let d = decide(
                &policy("dropi"),
                json!({"status": "en_transito", "same_metro_order": true}),
                role(who),
                action,
                json!({}),
                NOW,
            );
            assert_outcome(&d, Outcome::Denied);
            assert_eq!(
                reason_codes(&d),
                ["en_transito_no_gestionable"],
                "{who} {action}"
            );
            let wait = d
                .alternatives
                .iter()
                .find(|a| a.kind == AlternativeKind::Wait)
                .expect("a wait alternative");
            let status = wait.wait_for.as_ref().unwrap();
            assert_eq!(
                (
                    status.fact.as_str(),
                    status.status.as_str(),
                    status.label.as_str()
                ),
                ("status", "con_novedad", "Con novedad")
            );
        }
    }
}

#[test]
fn con_novedad_a_return_through_gestion_de_novedades() {
    let d = decide(
        &policy("dropi"),
        json!({"status": "con_novedad"}),
        role("dropshipper"),
        "return_order",
        json!({}),
        NOW,
    );
    assert_outcome(&d, Outcome::Allowed);
    assert_eq!(d.next_state["status"], "devolucion");
    assert_eq!(effect_names(&d), ["return_requested"]);
    assert!(d.effects[0].label.contains("Gestión de novedades"));
}

#[test]
fn con_novedad_an_address_change_to_another_customer_in_the_same_metropolitan_area() {
    let d = decide(
        &policy("dropi"),
        json!({"status": "con_novedad", "same_metro_order": true}),
        role("dropshipper"),
        "change_address",
        json!({"target_order": "DR-2291"}),
        NOW,
    );
    assert_outcome(&d, Outcome::Allowed);
    assert_eq!(d.requires, ["target_order"]);
    assert_eq!(d.effects[0].args["target_order"], "DR-2291");
    assert_eq!(d.next_state["status"], "en_transito");
}

#[test]
fn decision_the_address_change_needs_another_order_in_the_same_area_without_it_return_only() {
    let d = decide(
        &policy("dropi"),
        json!({"status": "con_novedad"}),
        role("dropshipper"),
        "change_address",
        json!({}),
        NOW,
    );
    assert_outcome(&d, Outcome::Denied);
    assert_eq!(reason_codes(&d), ["sin_pedido_misma_zona"]);
    assert_eq!(d.alternatives.len(), 1);
    assert_eq!(d.alternatives[0].action.as_deref(), Some("return_order"));
}

#[test]
fn decision_cancellation_is_not_offered_in_con_novedad_the_answer_points_to_return_or_address_change(
) {
    let d = decide(
        &policy("dropi"),
        json!({"status": "con_novedad", "same_metro_order": true}),
        role("dropshipper"),
        "cancel",
        json!({}),
        NOW,
    );
    assert_outcome(&d, Outcome::Denied);
    let actions: Vec<_> = d
        .alternatives
        .iter()
        .filter_map(|a| a.action.as_deref())
        .collect();
    assert_eq!(actions, ["return_order", "change_address"]);
    // Without another order in the area, only the return is offered.
    let d = cancel("con_novedad", "dropshipper");
    let actions: Vec<_> = d
        .alternatives
        .iter()
        .filter_map(|a| a.action.as_deref())
        .collect();
    assert_eq!(actions, ["return_order"]);
}

#[test]
fn the_dropshipper_of_the_order_is_the_one_who_may_cancel_it() {
    let p = policy("dropi");
    let facts = json!({"status": "pendiente", "dropshipper_id": "ds-7"});
    let own = decide(
        &p,
        facts.clone(),
        json!({"role": "dropshipper", "id": "ds-7"}),
        "cancel",
        json!({}),
        NOW,
    );
    assert_outcome(&own, Outcome::Allowed);
    let other = decide(
        &p,
        facts.clone(),
        json!({"role": "dropshipper", "id": "ds-8"}),
        "cancel",
        json!({}),
        NOW,
    );
    assert_outcome(&other, Outcome::Denied);
    assert_eq!(reason_codes(&other), ["no_es_tu_pedido"]);
    let anonymous = decide(&p, facts, role("dropshipper"), "cancel", json!({}), NOW);
    assert_outcome(&anonymous, Outcome::Denied);
}

#[test]
fn a_cancelled_order_cannot_be_cancelled_again() {
    let d = cancel("cancelado", "supplier");
    assert_outcome(&d, Outcome::Denied);
    assert_eq!(reason_codes(&d), ["pedido_cerrado"]);
}

#[test]
fn messages_are_in_spanish_by_default_and_in_english_on_request() {
    let p = policy("dropi");
    let es = cancel("por_alistar", "dropshipper");
    assert_eq!(es.language, "es");
    assert!(es.reasons[0].message.starts_with("En este estado"));
    let en = p
        .decide(&json!({"facts": {"status": "por_alistar"}, "actor": {"role": "dropshipper"}, "action": "cancel", "now": NOW, "locale": ["en-US", "es"]}))
        .unwrap();
    assert_eq!(en.language, "en");
    assert!(en.reasons[0].message.contains("only the supplier"));
    assert_eq!(en.label, "Cancel");
}

#[test]
fn available_lists_every_action_for_a_dashboard() {
    let p = policy("dropi");
    let list = p
        .available(&json!({"facts": {"status": "con_novedad", "same_metro_order": true}, "actor": {"role": "dropshipper"}, "now": NOW}))
        .unwrap();
    let summary: Vec<_> = list
        .iter()
        .map(|d| (d.action.as_str(), d.outcome))
        .collect();
    assert_eq!(
        summary,
        [
            ("cancel", Outcome::Denied),
            ("return_order", Outcome::Allowed),
            ("change_address", Outcome::Allowed)
        ]
    );
    assert_eq!(list[2].requires, ["target_order"]);
}

#[test]
fn apply_walks_the_procedure_con_novedad_to_return() {
    let p = policy("dropi");
    let facts = json!({"status": "con_novedad"});
    let d = decide(
        &p,
        facts.clone(),
        role("dropshipper"),
        "return_order",
        json!({}),
        NOW,
    );
    let next = p.apply(&facts, &d).unwrap();
    assert_eq!(next["status"], "devolucion");
    assert_eq!(next["same_metro_order"], false);
    assert_eq!(next["dropshipper_id"], serde_json::Value::Null);
    // Applying the same decision again is refused: the order moved on.
    let err = p.apply(&next, &d).unwrap_err();
    assert_eq!(err.code(), ordergate::Code::InvalidDecision);
}
