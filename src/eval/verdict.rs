//! The fast path: a question read once ([`Prepared`]), then answered as often as needed with a
//! [`Verdict`] that allocates nothing: the outcome, the deciding rule, the instant the answer
//! stops holding and the chances left. [`crate::Policy::decide`] gives the full decision.

use super::choose::{choose, Choice};
use super::condition::Env;
use super::input::Question;
use super::values::{Asked, Values};
use crate::api::Outcome;
use crate::compile::program::{Alternative, Effect, Operand, Program, Rule, Val};
use crate::time::Timestamp;
use std::sync::Arc;

/// A question read and checked against a policy, ready to be answered many times.
///
/// ```
/// use serde_json::json;
/// let policy = ordergate::builtin("akulaku").unwrap();
/// let mut question = policy.prepare(&json!({
///     "facts": {"order": "shipped", "shipped_at": "2026-03-02T10:00:00+07:00"},
///     "actor": {"role": "seller"},
///     "action": "change_courier",
///     "now": "2026-03-03T10:00:00+07:00"
/// })).unwrap();
/// assert_eq!(policy.verdict(&question).outcome, ordergate::Outcome::Allowed);
/// question.set_now(ordergate::Timestamp::parse("2026-03-03T10:00:00.001+07:00").unwrap());
/// assert_eq!(policy.verdict(&question).outcome, ordergate::Outcome::Denied);
/// ```
pub struct Prepared {
    /// The program of the policy that read it.
    pub(crate) program: Arc<Program>,
    pub(crate) question: Question,
    pub(crate) action: u16,
    pub(crate) params: Vec<Option<Val>>,
}

impl Prepared {
    /// Asks the same question at another moment.
    pub fn set_now(&mut self, now: Timestamp) {
        self.question.now = now;
    }

    /// The values conditions read.
    pub(crate) fn values(&self) -> Asked<'_> {
        Asked {
            facts: &self.question.facts,
            actor: &self.question.actor,
            params: &self.params,
        }
    }
}

/// The answer without its texts: what a hot loop or a batch needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    /// Allowed, allowed after approval, or denied.
    pub outcome: Outcome,
    /// The index of the deciding rule in the policy's rules, if a rule decided.
    pub rule: Option<u32>,
    /// The last instant at which the answer still holds, when a time window bounds it.
    pub valid_until: Option<Timestamp>,
    /// Chances left before this action, where a counter limits it.
    pub remaining_chances: Option<u32>,
    /// The index of the reason's message ([`crate::Layout::messages`] names it).
    pub reason: Option<u16>,
    /// Which alternatives apply: bit `n` is the `n`-th alternative of the deciding rule, or of the
    /// action's fallback denial when no rule matched (a list holds at most 32).
    pub alternatives: u32,
    /// `decide` would refuse this question: the deciding rule needs a parameter that was not given.
    pub missing_param: bool,
}

/// The verdict of a prepared question, by the program of the policy that prepared it.
pub(crate) fn of_prepared(prepared: &Prepared) -> Verdict {
    let q = &prepared.question;
    verdict(
        &prepared.program,
        prepared.action,
        q.actor.role,
        q.now,
        &prepared.values(),
    )
}

/// The verdict on `action` asked by `role` at `now`, reading the question's values from `values`.
pub(crate) fn verdict<V: Values>(
    program: &Program,
    action: u16,
    role: u16,
    now: Timestamp,
    values: &V,
) -> Verdict {
    let action = &program.actions[action as usize];
    let env = Env {
        program,
        action,
        role,
        now,
        values,
    };
    let chosen = choose(&env, action, None);
    let (outcome, rule) = match chosen.choice {
        Choice::Rule(index) => (program.rules[index as usize].outcome, Some(index)),
        Choice::LimitReached | Choice::Fallback => (Outcome::Denied, None),
    };
    let missing_param = match rule {
        Some(index) if outcome != Outcome::Denied => {
            needs_absent_param(&program.rules[index as usize], values)
        }
        _ => false,
    };
    Verdict {
        outcome,
        rule,
        // A reached limit is decided before any window is consulted: no instant then.
        valid_until: chosen.next.0.map(|t| t.offset(-1)),
        remaining_chances: chosen.remaining,
        reason: chosen.reason(program, action),
        alternatives: applying(&env, chosen.offered(program, action)),
        missing_param,
    }
}

/// Bit `n` set when the `n`-th alternative's condition holds (a list has at most 32).
fn applying<V: Values>(env: &Env<V>, alternatives: &[Alternative]) -> u32 {
    let mut mask = 0;
    for (n, a) in alternatives.iter().take(32).enumerate() {
        if env.admits(a.when.as_ref()) {
            mask |= 1 << n;
        }
    }
    mask
}

/// Whether the rule requires, or an effect reads, a parameter that is absent. Effects whose guard
/// is false would not read it; reporting them too only sends the caller to the full decision,
/// which tells the two apart.
fn needs_absent_param(rule: &Rule, values: &impl Values) -> bool {
    any_param_read(rule, |i| values.param(i).is_none())
}

/// Whether `test` holds for a parameter the rule requires or its effects read, in that order
/// (with repeats; a loop rather than an iterator chain, which made the module larger).
pub(crate) fn any_param_read(rule: &Rule, mut test: impl FnMut(u8) -> bool) -> bool {
    let mut read = |op: &Operand| matches!(op, Operand::Param(i) if test(*i));
    rule.requires.iter().any(|&p| read(&Operand::Param(p)))
        || rule.effects.iter().any(|(effect, _)| match effect {
            Effect::Set(_, op) => read(op),
            Effect::Emit { args, .. } => args.iter().any(|(_, op)| read(op)),
            _ => false,
        })
}
