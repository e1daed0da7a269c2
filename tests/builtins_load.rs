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
        for (code, _) in &policy.document().expect("a policy read from JSON").messages {
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

/// The hash is SHA-256 of the policy's canonical JSON (object keys sorted, no spaces), whichever
/// way the policy is given: its file's text, its compact text or a parsed value.
#[test]
fn a_policy_hash_is_sha256_of_its_sorted_compact_json_however_it_is_given() {
    use serde_json::Value;
    use sha2::{Digest, Sha256};
    fn sorted(value: &Value) -> Value {
        match value {
            Value::Object(map) => {
                let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                entries.sort_by(|a, b| a.0.cmp(b.0));
                Value::Object(
                    entries
                        .into_iter()
                        .map(|(k, v)| (k.clone(), sorted(v)))
                        .collect(),
                )
            }
            Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
            other => other.clone(),
        }
    }
    for name in ordergate::builtin_names() {
        let file = std::fs::read_to_string(format!("policies/{name}.json")).unwrap();
        let document: Value = serde_json::from_str(&file).unwrap();
        let canonical = serde_json::to_string(&sorted(&document)).unwrap();
        let expected = format!("sha256:{:x}", Sha256::digest(canonical.as_bytes()));
        let from_file = ordergate::Policy::from_json(&file).unwrap();
        let compact = ordergate::builtin(name).unwrap();
        let from_value = ordergate::Policy::from_value(&document).unwrap();
        assert_eq!(from_file.hash(), expected, "{name} from its file");
        assert_eq!(compact.hash(), expected, "{name} built in");
        assert_eq!(from_value.hash(), expected, "{name} from a value");
    }
}
