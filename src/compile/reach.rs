//! Finds rules that can never be chosen: shadowed by an earlier rule that always matches the same
//! roles, or guarded by memberships that no status satisfies together.

use super::program::{Cond, Program, Rule};
use super::Compiler;
use crate::error::Code;
use crate::policy::reader::{index_path, key_path};

/// Reports the unreachable among `rules`, each the rule at `sources[i]` in the document (a rule
/// that failed to compile is not among them).
pub(super) fn check(c: &mut Compiler, rules: &[Rule], sources: &[usize], program: &Program) {
    let all_roles = if program.roles.len() >= 64 {
        u64::MAX
    } else {
        (1u64 << program.roles.len()) - 1
    };
    for (i, rule) in rules.iter().enumerate() {
        let path = index_path("$.rules", sources.get(i).copied().unwrap_or(i));
        let roles = rule.roles & all_roles;
        if let Some(earlier) = rules[..i].iter().find(|e| {
            e.action == rule.action && e.when.is_none() && (e.roles & all_roles) & roles == roles
        }) {
            c.r.report(
                Code::UnreachableRule,
                &path,
                format!("the earlier rule '{}' always matches this action for these roles, so this rule never fires; reorder or narrow them", earlier.id),
            );
        } else if rule.when.as_ref().is_some_and(never_true) {
            c.r.report(
                Code::UnreachableRule,
                key_path(&path, "when"),
                "no facts can satisfy this condition (its status memberships exclude each other)",
            );
        }
    }
}

/// A conservative test: true only when the condition is certainly false for every input.
fn never_true(cond: &Cond) -> bool {
    match cond {
        Cond::In { mask, .. } => *mask == 0,
        Cond::Any(items) => items.iter().all(never_true),
        Cond::All(items) => {
            // The statuses each fact may still take; an `all` has at most 64 children.
            let mut allowed: Vec<(u16, u128)> = Vec::new();
            for item in items {
                if never_true(item) {
                    return true;
                }
                if let Cond::In { slot, mask } = item {
                    let remaining = match allowed.iter_mut().find(|(s, _)| s == slot) {
                        Some((_, left)) => {
                            *left &= mask;
                            *left
                        }
                        None => {
                            allowed.push((*slot, *mask));
                            *mask
                        }
                    };
                    if remaining == 0 {
                        return true;
                    }
                }
            }
            false
        }
        _ => false,
    }
}
