//! Which rule decides: the limit check, then the action's rules in document order (the first
//! whose roles include the actor's and whose condition holds), then the fallback. Shared by the
//! full decision (which records a trace) and the allocation-free verdict (which does not).

use super::condition::{Env, NextChange};
use super::values::{ValRef, Values};
use crate::api::Outcome;
use crate::api::{TraceResult, TraceStep};
use crate::compile::program::{Action, Alternative, Candidate, Otherwise, Program, Rule};

/// What decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Choice {
    /// The action's counter has reached its limit.
    LimitReached,
    /// This rule (an index into `Program::rules`) matched.
    Rule(u32),
    /// No rule matched.
    Fallback,
}

pub(crate) struct Chosen {
    pub choice: Choice,
    /// Chances left before this action, where a limit applies.
    pub remaining: Option<u32>,
    /// The earliest instant at which a consulted time window flips.
    pub next: NextChange,
}

impl Chosen {
    /// The message of the answer's reason: the limit's; a denying rule's (else the policy's
    /// fallback reason); a matched rule's own, if any; the action's (else the policy's) fallback.
    pub fn reason(&self, program: &Program, action: &Action) -> Option<u16> {
        match self.choice {
            Choice::LimitReached => Some(
                action
                    .limit
                    .as_ref()
                    .map_or(program.otherwise.reason, |l| l.reason),
            ),
            Choice::Rule(index) => rule_reason(program, &program.rules[index as usize]),
            Choice::Fallback => Some(fallback(program, action).reason),
        }
    }

    /// The alternatives the answer offers, before their conditions are checked: the deciding
    /// rule's, or the fallback's; none when a limit is reached.
    pub fn offered<'p>(&self, program: &'p Program, action: &'p Action) -> &'p [Alternative] {
        match self.choice {
            Choice::LimitReached => &[],
            Choice::Rule(index) => &program.rules[index as usize].alternatives,
            Choice::Fallback => &fallback(program, action).alternatives,
        }
    }
}

/// The reason of a matched rule: its own; for a denial without one, the policy's fallback reason.
pub(crate) fn rule_reason(program: &Program, rule: &Rule) -> Option<u16> {
    match rule.outcome {
        Outcome::Denied => Some(rule.reason.unwrap_or(program.otherwise.reason)),
        _ => rule.reason,
    }
}

/// The denial of an action no rule decides: its own `otherwise`, else the policy's.
pub(crate) fn fallback<'p>(program: &'p Program, action: &'p Action) -> &'p Otherwise {
    action.otherwise.as_ref().unwrap_or(&program.otherwise)
}

/// Chooses; with `trace`, records every step and why a condition was false.
pub(crate) fn choose<V: Values>(
    env: &Env<V>,
    action: &Action,
    trace: Option<&mut Vec<TraceStep>>,
) -> Chosen {
    let program = env.program;
    let used = action.limit.as_ref().map(|l| match env.fact(l.counter) {
        Some(ValRef::Int(n)) => n,
        _ => 0,
    });
    let remaining = action
        .limit
        .as_ref()
        .zip(used)
        .map(|(l, used)| u32::try_from((i64::from(l.max) - used).max(0)).unwrap_or(0));
    let mut next = NextChange::default();
    if let (Some(limit), Some(0)) = (&action.limit, remaining) {
        if let Some(t) = trace {
            let name = &program.facts[limit.counter as usize].name;
            let detail = format!("{name} is {} of {}", used.unwrap_or(0), limit.max);
            t.push(TraceStep {
                rule: None,
                result: TraceResult::LimitReached,
                detail: Some(detail),
            });
        }
        return Chosen {
            choice: Choice::LimitReached,
            remaining,
            next,
        };
    }
    let choice = match trace {
        Some(t) => walk(env, action, &mut next, t),
        None => first_match(env, action, &mut next),
    };
    Chosen {
        choice,
        remaining,
        next,
    }
}

/// The first rule that matches, among those the action's shortlist leaves for the actor's role
/// and the pivot's status.
fn first_match<V: Values>(env: &Env<V>, action: &Action, next: &mut NextChange) -> Choice {
    let shortlist = &action.shortlist;
    let status = match shortlist.pivot().and_then(|slot| env.fact(slot)) {
        Some(ValRef::Status(s)) => Some(s),
        _ => None,
    };
    for candidate in shortlist.candidates(env.role, status) {
        let index = match candidate {
            Candidate::Settled(index) => return Choice::Rule(index),
            Candidate::Check(index) => index,
        };
        let holds = match &env.program.rules[index as usize].when {
            Some(when) => env.eval(when, next),
            None => true,
        };
        if holds {
            return Choice::Rule(index);
        }
    }
    Choice::Fallback
}

/// Every rule of the action in document order, each step recorded, up to the first that matches.
fn walk<V: Values>(
    env: &Env<V>,
    action: &Action,
    next: &mut NextChange,
    trace: &mut Vec<TraceStep>,
) -> Choice {
    let program = env.program;
    let role_bit = 1u64 << env.role;
    for &index in &action.rules {
        let rule = &program.rules[index as usize];
        if rule.roles & role_bit == 0 {
            let role = &program.roles[env.role as usize].name;
            trace.push(TraceStep {
                rule: Some(rule.id.clone()),
                result: TraceResult::RoleMismatch,
                detail: Some(format!("role '{role}' is not among the rule's roles")),
            });
            continue;
        }
        if let Some(when) = &rule.when {
            if !env.eval(when, next) {
                trace.push(TraceStep {
                    rule: Some(rule.id.clone()),
                    result: TraceResult::ConditionFalse,
                    detail: Some(env.explain(when, "when")),
                });
                continue;
            }
        }
        trace.push(TraceStep {
            rule: Some(rule.id.clone()),
            result: TraceResult::Matched,
            detail: None,
        });
        return Choice::Rule(index);
    }
    trace.push(TraceStep {
        rule: None,
        result: TraceResult::NoRuleMatched,
        detail: Some("no rule of this action matched; the policy's fallback applies".to_owned()),
    });
    Choice::Fallback
}
