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
