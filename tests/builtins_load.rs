//! Every built-in policy loads; a problem is printed with its path.
#[test]
fn every_builtin_policy_loads() {
    for name in ordergate::builtin_names() {
        if let Err(e) = ordergate::builtin(name) {
            let problems: Vec<String> = e.issues().iter().map(ToString::to_string).collect();
            panic!("{name}:\n{}", problems.join("\n"));
        }
    }
}

#[test]
fn every_message_of_a_builtin_policy_is_used() {
    for name in ordergate::builtin_names() {
        let source = ordergate::builtin_source(name).unwrap();
        let policy = ordergate::builtin(name).unwrap();
        for (code, _) in &policy.document().messages {
            let quoted = format!("\"{code}\"");
            assert!(
                source.matches(&quoted).count() > 1,
                "{name}: message '{code}' is never used"
            );
        }
    }
}

#[test]
fn a_builtin_source_is_its_file_without_the_whitespace_between_tokens() {
    for name in ordergate::builtin_names() {
        let file = std::fs::read_to_string(format!("policies/{name}.json")).unwrap();
        let document: serde_json::Value = serde_json::from_str(&file).unwrap();
        let source = ordergate::builtin_source(name).unwrap();
        assert_eq!(source, serde_json::to_string(&document).unwrap(), "{name}");
    }
}
