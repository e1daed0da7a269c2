//! The reference pages in docs/policies/ are generated from the policies; this test fails when
//! one is out of date (regenerate with `cargo run --bin policy-docs`).

#[test]
fn reference_pages_are_up_to_date() {
    for name in ordergate::builtin_names() {
        let policy = ordergate::builtin(name).unwrap();
        let page = ordergate::reference::markdown(&policy);
        let path = format!("{}/docs/policies/{name}.md", env!("CARGO_MANIFEST_DIR"));
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == page,
            "{path} is out of date: run `cargo run --bin policy-docs` and commit it"
        );
    }
}

#[test]
fn a_page_shows_the_article_labels_the_matrix_and_the_rules_with_their_sources() {
    let page = ordergate::reference::markdown(&ordergate::builtin("akulaku").unwrap());
    assert!(page.contains("| `self_logistics` | Pengiriman Sendiri - Perusahaan Logistik |"));
    assert!(page.contains("within 24 hours after `shipped_at` (end included)"));
    assert!(page.contains("decided automatically (allowed) 3 business days after now"));
    assert!(page.contains("Anda hanya memiliki satu kesempatan"));
    let dropi = ordergate::reference::markdown(&ordergate::builtin("dropi").unwrap());
    assert!(
        dropi.contains("| `status` = `por_alistar` | ✘ `solo_proveedor_cancela` | ✔ |"),
        "{dropi}"
    );
}
