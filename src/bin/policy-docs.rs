//! Writes the reference page of every built-in policy to `docs/policies/<id>.md`.
//!
//! `cargo run --bin policy-docs` (from the repository root); `--check` only reports pages that
//! are out of date and exits with status 1 if any is.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/policies");
    let mut stale = 0;
    for name in ordergate::builtin_names() {
        let policy = match ordergate::builtin(name) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("{name}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let page = ordergate::reference::markdown(&policy);
        let path = dir.join(format!("{name}.md"));
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current == page {
            continue;
        }
        stale += 1;
        if check {
            eprintln!("{} is out of date", path.display());
        } else if let Err(e) =
            std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(&path, page))
        {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        } else {
            println!("wrote {}", path.display());
        }
    }
    if check && stale > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
