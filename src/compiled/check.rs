//! Every index a compiled program holds, checked against what it points into, and every count
//! against the limits a policy's load sets: the engine indexes its program without checks, and a
//! program read from bytes has not been through the compiler that guarantees them.

use crate::compile::program::*;
use crate::policy::limits::*;

/// Whether `p` is a program the engine can run: every index in range, every count in its limit.
pub(super) fn program(p: &Program) -> bool {
    // The bounds `policy::load` sets on each section: a dimension is a fact slot too, and named
    // effects are bounded as actions are.
    let counts = p.domains.len() <= u16::MAX.into()
        && p.facts.len() <= MAX_DIMENSIONS + MAX_FACTS
        && p.roles.len() <= MAX_ROLES
        && p.attributes.len() <= MAX_FACTS
        && p.actions.len() <= MAX_ACTIONS
        && p.effect_kinds.len() <= MAX_ACTIONS
        && p.messages.len() <= MAX_MESSAGES
        && p.rules.len() <= MAX_RULES
        && (p.calendar.holidays().len()) <= MAX_HOLIDAYS;
    let domains = p
        .domains
        .iter()
        .all(|d| d.ids().len() <= MAX_STATUSES && d.labels.len() <= d.ids().len());
    counts
        && domains
        && p.facts
            .iter()
            .all(|f| ty(p, &f.ty) && f.default.as_ref().is_none_or(|v| value(p, &f.ty, v)))
        && p.attributes.iter().all(|a| ty(p, &a.ty))
        && p.effect_kinds.iter().all(|k| params(p, &k.args))
        && (p.actions.iter().enumerate()).all(|(i, a)| action(p, i, a))
        && otherwise(p, &p.otherwise, 0)
        && p.rules.iter().all(|r| rule(p, r))
}

fn ty(p: &Program, ty: &Ty) -> bool {
    match ty {
        Ty::Domain(d) => usize::from(*d) < p.domains.len(),
        _ => true,
    }
}

fn params(p: &Program, params: &[Param]) -> bool {
    params.len() <= MAX_PARAMS && params.iter().all(|param| ty(p, &param.ty))
}

/// Whether `v` is a value of type `ty`.
fn value(p: &Program, ty: &Ty, v: &Val) -> bool {
    match (ty, v) {
        (Ty::Boolean, Val::Bool(_))
        | (Ty::Counter, Val::Int(_))
        | (Ty::Number, Val::Num(_))
        | (Ty::Money(_), Val::Money(_))
        | (Ty::Timestamp, Val::Time(_))
        | (Ty::String, Val::Str(_)) => true,
        (Ty::Domain(d), Val::Status(s)) => {
            (p.domains.get(usize::from(*d))).is_some_and(|d| usize::from(*s) < d.ids().len())
        }
        _ => false,
    }
}

fn slot(p: &Program, slot: Slot) -> bool {
    usize::from(slot) < p.facts.len()
}

fn message(p: &Program, m: u16) -> bool {
    usize::from(m) < p.messages.len()
}

fn action(p: &Program, index: usize, a: &Action) -> bool {
    let own_rule =
        |r: u32| (p.rules.get(r as usize)).is_some_and(|rule| usize::from(rule.action) == index);
    params(p, &a.params)
        && a.limit.as_ref().is_none_or(|l| {
            (p.facts.get(usize::from(l.counter))).is_some_and(|f| f.ty == Ty::Counter)
                && message(p, l.reason)
        })
        && (a.otherwise.as_ref()).is_none_or(|o| otherwise(p, o, a.params.len()))
        && a.confirm.is_none_or(|m| message(p, m))
        && a.rules.iter().all(|&r| own_rule(r))
        && a.shortlist.pivot().is_none_or(|s| slot(p, s))
        && a.shortlist.rules().all(own_rule)
}

fn otherwise(p: &Program, o: &Otherwise, params: usize) -> bool {
    message(p, o.reason) && o.alternatives.iter().all(|a| alternative(p, a, params))
}

fn alternative(p: &Program, a: &Alternative, params: usize) -> bool {
    let kind = match &a.kind {
        AlternativeKind::Action(action) => usize::from(*action) < p.actions.len(),
        AlternativeKind::Contact(_) => true,
        AlternativeKind::WaitFor(s, status) => {
            (p.facts.get(usize::from(*s))).is_some_and(|f| value(p, &f.ty, &Val::Status(*status)))
        }
    };
    kind && message(p, a.message) && a.when.as_ref().is_none_or(|c| cond(p, c, params))
}

fn rule(p: &Program, r: &Rule) -> bool {
    let Some(action) = p.actions.get(usize::from(r.action)) else {
        return false;
    };
    let params = action.params.len();
    r.approver
        .is_none_or(|role| usize::from(role) < p.roles.len())
        && r.reason.is_none_or(|m| message(p, m))
        && r.requires.iter().all(|&i| usize::from(i) < params)
        && r.when.as_ref().is_none_or(|c| cond(p, c, params))
        && r.effects.iter().all(|(e, when)| {
            effect(p, e, params) && when.as_ref().is_none_or(|c| cond(p, c, params))
        })
        && r.alternatives.iter().all(|a| alternative(p, a, params))
        && (r.auto_decide.as_ref()).is_none_or(|auto| auto.from.is_none_or(|s| slot(p, s)))
}

fn effect(p: &Program, e: &Effect, params: usize) -> bool {
    match e {
        Effect::Set(s, Operand::Const(v)) => {
            (p.facts.get(usize::from(*s))).is_some_and(|f| value(p, &f.ty, v))
        }
        Effect::Set(s, value) => slot(p, *s) && operand(p, value, params),
        Effect::Stamp(s) | Effect::Clear(s) | Effect::Increment(s) => slot(p, *s),
        Effect::Emit { kind, args } => p.effect_kinds.get(usize::from(*kind)).is_some_and(|k| {
            (args.iter())
                .all(|(arg, value)| usize::from(*arg) < k.args.len() && operand(p, value, params))
        }),
    }
}

fn operand(p: &Program, o: &Operand, params: usize) -> bool {
    match o {
        Operand::Fact(s) => slot(p, *s),
        Operand::Param(i) => usize::from(*i) < params,
        Operand::ActorId => true,
        Operand::ActorAttr(i) => usize::from(*i) < p.attributes.len(),
        Operand::Const(_) => true,
    }
}

fn cond(p: &Program, c: &Cond, params: usize) -> bool {
    match c {
        Cond::All(items) | Cond::Any(items) => {
            items.len() <= MAX_CHILDREN && items.iter().all(|c| cond(p, c, params))
        }
        Cond::Not(inner) => cond(p, inner, params),
        Cond::In { slot: s, .. } | Cond::Is(s) | Cond::Present(s) => slot(p, *s),
        Cond::Compare { left, right, .. } => operand(p, left, params) && operand(p, right, params),
        Cond::Window { slot: s, .. } => slot(p, *s),
    }
}
