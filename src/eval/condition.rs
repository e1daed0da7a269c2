//! Evaluates compiled conditions. The fast path answers true or false and notes when time could
//! change the answer; `explain` says, for the trace, which part made a condition false.

use super::values::{ValRef, Values};
use crate::compile::program::{Action, Cond, Operand, Program, Ty};
use crate::policy::model::{CompareOp, Edge, WindowKind};
use crate::time::Timestamp;
use std::cmp::Ordering;

/// What a condition can read.
pub(crate) struct Env<'a, V> {
    pub program: &'a Program,
    /// The action asked about (its parameters are what `values` holds).
    pub action: &'a Action,
    /// The actor's role.
    pub role: u16,
    pub now: Timestamp,
    pub values: &'a V,
}

/// The earliest instant after `now` at which a consulted time window flips.
#[derive(Default)]
pub(crate) struct NextChange(pub Option<Timestamp>);

impl NextChange {
    fn note(&mut self, at: Timestamp) {
        self.0 = Some(self.0.map_or(at, |t| t.min(at)));
    }
}

impl<'a, V: Values> Env<'a, V> {
    /// The value an operand reads.
    pub fn operand<'b>(&'b self, op: &'b Operand) -> Option<ValRef<'b>> {
        match op {
            Operand::Fact(slot) => self.values.fact(*slot),
            Operand::Param(i) => self.values.param(*i),
            Operand::ActorId => self.values.actor_id(),
            Operand::ActorAttr(i) => self.values.attribute(*i),
            Operand::Const(v) => Some(v.as_ref()),
        }
    }

    pub fn fact(&self, slot: u16) -> Option<ValRef<'a>> {
        self.values.fact(slot)
    }

    /// The end of a window and whether the condition holds now; `flip` is the first instant at
    /// which it would not.
    fn window(
        &self,
        kind: WindowKind,
        slot: u16,
        duration: crate::time::Duration,
        edge: Edge,
    ) -> Option<(bool, Timestamp, Timestamp)> {
        let ValRef::Time(since) = self.fact(slot)? else {
            return None;
        };
        let end = self.program.calendar.add(since, duration);
        let now = self.now;
        Some(match (kind, edge) {
            (WindowKind::Within, Edge::Inclusive) => (now <= end, end, end.offset(1)),
            (WindowKind::Within, Edge::Exclusive) => (now < end, end, end),
            (WindowKind::Elapsed, Edge::Inclusive) => (now >= end, end, end),
            (WindowKind::Elapsed, Edge::Exclusive) => (now > end, end, end.offset(1)),
        })
    }

    /// Whether the condition holds. A reference to an absent fact, parameter or attribute makes
    /// the comparison that reads it false.
    pub fn eval(&self, cond: &Cond, next: &mut NextChange) -> bool {
        match cond {
            Cond::All(items) => items.iter().all(|c| self.eval(c, next)),
            Cond::Any(items) => items.iter().any(|c| self.eval(c, next)),
            Cond::Not(inner) => !self.eval(inner, next),
            Cond::In { slot, mask } => {
                matches!(self.fact(*slot), Some(ValRef::Status(s)) if has_bit(*mask, s))
            }
            Cond::Is(slot) => matches!(self.fact(*slot), Some(ValRef::Bool(true))),
            Cond::Present(slot) => self.fact(*slot).is_some(),
            Cond::Compare { op, left, right } => match (self.operand(left), self.operand(right)) {
                (Some(l), Some(r)) => compare(l, r).is_some_and(|o| holds(*op, o)),
                _ => false,
            },
            Cond::Window {
                kind,
                slot,
                duration,
                edge,
            } => match self.window(*kind, *slot, *duration, *edge) {
                Some((holds, _, flip)) => {
                    // Only a window that has not flipped yet can still change the answer.
                    if flip > self.now && ((*kind == WindowKind::Within) == holds) {
                        next.note(flip);
                    }
                    holds
                }
                None => false,
            },
        }
    }

    /// Whether an optional guard (of an effect or an alternative) lets it apply.
    pub fn admits(&self, guard: Option<&Cond>) -> bool {
        guard.is_none_or(|g| self.eval(g, &mut NextChange::default()))
    }

    /// Why a condition is false: the path of the deciding part and a sentence about it.
    pub fn explain(&self, cond: &Cond, path: &str) -> String {
        match cond {
            Cond::All(items) => {
                for (i, c) in items.iter().enumerate() {
                    if !self.eval(c, &mut NextChange::default()) {
                        return self.explain(c, &format!("{path}.all[{i}]"));
                    }
                }
                format!("{path}: holds")
            }
            Cond::Any(items) => {
                format!("{path}.any: none of the {} alternatives holds", items.len())
            }
            Cond::Not(_) => format!("{path}.not: the negated condition holds"),
            Cond::In { slot, mask } => {
                let fact = &self.program.facts[*slot as usize];
                let Ty::Domain(d) = fact.ty else {
                    return path.to_owned();
                };
                let domain = &self.program.domains[d as usize];
                let listed: Vec<&str> = (0..domain.ids().len())
                    .filter(|&b| has_bit(*mask, b as u8))
                    .map(|b| domain.ids()[b].as_str())
                    .collect();
                match self.fact(*slot) {
                    Some(ValRef::Status(s)) => format!(
                        "{path}.in: {} is '{}', not one of [{}]",
                        fact.name,
                        domain.ids()[s as usize],
                        listed.join(", ")
                    ),
                    _ => format!("{path}.in: {} is absent", fact.name),
                }
            }
            Cond::Is(slot) => format!(
                "{path}.is: {} is not true",
                self.program.facts[*slot as usize].name
            ),
            Cond::Present(slot) => format!(
                "{path}.present: {} is absent",
                self.program.facts[*slot as usize].name
            ),
            Cond::Compare { op, left, right } => {
                let show = |o: &Operand| match self.operand(o) {
                    Some(v) => show_val(v),
                    None => "absent".to_owned(),
                };
                let name = |o: &Operand| match o {
                    Operand::Fact(s) => self.program.facts[*s as usize].name.clone(),
                    Operand::Param(i) => match self.action.params.get(*i as usize) {
                        Some(p) => format!("param {}", p.name),
                        None => format!("param {i}"),
                    },
                    Operand::ActorId => "actor.id".to_owned(),
                    Operand::ActorAttr(i) => {
                        format!("actor.{}", self.program.attributes[*i as usize].name)
                    }
                    Operand::Const(_) => "value".to_owned(),
                };
                let sym = match op {
                    CompareOp::Eq => "==",
                    CompareOp::Ne => "!=",
                    CompareOp::Lt => "<",
                    CompareOp::Le => "<=",
                    CompareOp::Gt => ">",
                    CompareOp::Ge => ">=",
                };
                format!(
                    "{path}.{}: {} ({}) {sym} {} ({}) is false",
                    op.keyword(),
                    name(left),
                    show(left),
                    name(right),
                    show(right)
                )
            }
            Cond::Window {
                kind,
                slot,
                duration,
                edge,
            } => {
                let fact = &self.program.facts[*slot as usize].name;
                let calendar = &self.program.calendar;
                match self.window(*kind, *slot, *duration, *edge) {
                    Some((_, end, _)) => {
                        let end = calendar.format(end);
                        match kind {
                            WindowKind::Within => format!(
                                "{path}.{}: the window of {duration} after {fact} closed at {end}",
                                kind.keyword()
                            ),
                            WindowKind::Elapsed => format!(
                                "{path}.{}: {duration} after {fact} is not reached until {end}",
                                kind.keyword()
                            ),
                        }
                    }
                    None => format!("{path}: {fact} is absent"),
                }
            }
        }
    }
}

/// Whether bit `n` of `mask` is set. A shift of a `u128` by a variable amount is a library call in
/// WebAssembly (`__ashlti3`); shifting one 64-bit half is an instruction (measured: 113 against
/// 118 ns per row in the module).
#[inline]
fn has_bit(mask: u128, n: u8) -> bool {
    let half = match n {
        0..=63 => mask as u64,
        64..=127 => (mask >> 64) as u64,
        _ => return false,
    };
    (half >> (n & 63)) & 1 == 1
}

pub(crate) fn holds(op: CompareOp, o: Ordering) -> bool {
    match op {
        CompareOp::Eq => o == Ordering::Equal,
        CompareOp::Ne => o != Ordering::Equal,
        CompareOp::Lt => o == Ordering::Less,
        CompareOp::Le => o != Ordering::Greater,
        CompareOp::Gt => o == Ordering::Greater,
        CompareOp::Ge => o != Ordering::Less,
    }
}

/// Orders two values of compatible types; counters and numbers compare as numbers.
fn compare(l: ValRef, r: ValRef) -> Option<Ordering> {
    Some(match (l, r) {
        (ValRef::Bool(a), ValRef::Bool(b)) => a.cmp(&b),
        (ValRef::Int(a), ValRef::Int(b)) | (ValRef::Money(a), ValRef::Money(b)) => a.cmp(&b),
        (ValRef::Num(a), ValRef::Num(b)) => a.partial_cmp(&b)?,
        (ValRef::Int(a), ValRef::Num(b)) => (a as f64).partial_cmp(&b)?,
        (ValRef::Num(a), ValRef::Int(b)) => a.partial_cmp(&(b as f64))?,
        (ValRef::Time(a), ValRef::Time(b)) => a.cmp(&b),
        (ValRef::Str(a), ValRef::Str(b)) => a.cmp(b),
        (ValRef::Status(a), ValRef::Status(b)) => a.cmp(&b),
        _ => return None,
    })
}

/// A number as a person reads it: whole numbers without a fraction (`3`), others as JSON writes
/// them (`2.5`, `1.5e-7`). Not through `Display`, whose float printing would add 10 KB to the
/// WebAssembly module for this one message.
fn show_number(n: f64) -> String {
    // Below 2^53 a whole f64 converts to i64 exactly.
    if n.trunc() == n && n.abs() < 9_007_199_254_740_992.0 {
        (n as i64).to_string()
    } else {
        let mut text = String::new();
        crate::json_text::write_f64(n, &mut text);
        text
    }
}

fn show_val(v: ValRef) -> String {
    match v {
        ValRef::Bool(b) => b.to_string(),
        ValRef::Int(i) | ValRef::Money(i) => i.to_string(),
        ValRef::Num(n) => show_number(n),
        ValRef::Time(t) => t.millis().to_string(),
        ValRef::Str(s) => format!("'{s}'"),
        ValRef::Status(s) => format!("#{s}"),
    }
}

#[cfg(test)]
mod tests {
    use super::show_number;

    #[test]
    fn numbers_in_explanations_read_as_a_person_writes_them() {
        assert_eq!(show_number(3.0), "3");
        assert_eq!(show_number(-42.0), "-42");
        assert_eq!(show_number(-0.0), "0");
        assert_eq!(show_number(2.5), "2.5");
        assert_eq!(show_number(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(show_number(1.5e-7), "1.5e-7");
        assert_eq!(show_number(1e20), "1e+20");
        assert_eq!(show_number(9_007_199_254_740_993.0), "9007199254740992.0");
    }
}
