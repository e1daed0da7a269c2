//! Writes a program and what is known about its policy as bytes (the layout in `mod.rs`).

use super::{seal, About};
use crate::api::Outcome;
use crate::compile::program::*;
use crate::leb128;
use crate::policy::model::{CompareOp, Edge, Text, WindowKind};
use crate::time::{Calendar, Duration};
use chrono::Datelike;

/// The compiled form of `program`.
pub(crate) fn write(about: &About, program: &Program) -> Vec<u8> {
    let mut body = Writer::default();
    for text in [&about.id, &about.version, &about.hash, &about.summary] {
        body.str(text);
    }
    body.program(program);
    seal(&body.0)
}

#[derive(Default)]
struct Writer(Vec<u8>);

impl Writer {
    fn uint(&mut self, n: u64) {
        leb128::write(&mut self.0, n);
    }

    fn int(&mut self, n: i64) {
        leb128::write_signed(&mut self.0, n);
    }

    fn len(&mut self, n: usize) {
        self.uint(n as u64);
    }

    fn bool(&mut self, b: bool) {
        self.0.push(u8::from(b));
    }

    fn str(&mut self, text: &str) {
        self.len(text.len());
        self.0.extend_from_slice(text.as_bytes());
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.len(items.len());
        for item in items {
            each(self, item);
        }
    }

    fn option<T>(&mut self, item: Option<&T>, each: impl FnOnce(&mut Self, &T)) {
        match item {
            None => self.0.push(0),
            Some(item) => {
                self.0.push(1);
                each(self, item);
            }
        }
    }

    fn text(&mut self, text: &Text) {
        self.list(text, |w, (language, words)| {
            w.str(language);
            w.str(words);
        });
    }

    fn program(&mut self, p: &Program) {
        self.list(&p.languages, |w, l| w.str(l));
        self.calendar(&p.calendar);
        self.list(&p.domains, |w, d| {
            w.str(&d.name);
            w.list(&d.labels, Writer::text);
            w.list(d.ids(), |w, id| w.str(id));
        });
        self.list(&p.facts, |w, f| {
            w.str(&f.name);
            w.ty(&f.ty);
            w.bool(f.optional);
            w.option(f.default.as_ref(), Writer::val);
            w.bool(f.is_dimension);
        });
        self.list(&p.roles, |w, r| w.str(&r.name));
        self.list(&p.attributes, Writer::param);
        self.list(&p.actions, Writer::action);
        self.list(&p.effect_kinds, |w, k| {
            w.str(&k.name);
            w.text(&k.label);
            w.list(&k.args, Writer::param);
        });
        self.list(&p.messages, |w, (code, text)| {
            w.str(code);
            w.text(text);
        });
        self.otherwise(&p.otherwise);
        self.list(&p.rules, Writer::rule);
    }

    fn calendar(&mut self, calendar: &Calendar) {
        self.str(calendar.zone_name());
        let record = calendar.zone_rules().record();
        self.len(record.len());
        self.0.extend_from_slice(record);
        let weekend = (calendar.weekend().iter().enumerate())
            .fold(0u8, |bits, (day, &off)| bits | u8::from(off) << day);
        self.0.push(weekend);
        self.list(calendar.holidays(), |w, date| {
            w.int(i64::from(date.num_days_from_ce()));
        });
    }

    fn ty(&mut self, ty: &Ty) {
        match ty {
            Ty::Boolean => self.0.push(0),
            Ty::Counter => self.0.push(1),
            Ty::Number => self.0.push(2),
            Ty::Money(currency) => {
                self.0.push(3);
                self.0.extend_from_slice(currency.as_str().as_bytes());
            }
            Ty::Timestamp => self.0.push(4),
            Ty::String => self.0.push(5),
            Ty::Domain(d) => {
                self.0.push(6);
                self.uint(u64::from(*d));
            }
        }
    }

    fn val(&mut self, val: &Val) {
        match val {
            Val::Bool(b) => {
                self.0.push(0);
                self.bool(*b);
            }
            Val::Int(n) => {
                self.0.push(1);
                self.int(*n);
            }
            Val::Num(x) => {
                self.0.push(2);
                self.0.extend_from_slice(&x.to_le_bytes());
            }
            Val::Money(n) => {
                self.0.push(3);
                self.int(*n);
            }
            Val::Time(t) => {
                self.0.push(4);
                self.int(t.millis());
            }
            Val::Str(s) => {
                self.0.push(5);
                self.str(s);
            }
            Val::Status(s) => {
                self.0.push(6);
                self.0.push(*s);
            }
        }
    }

    fn param(&mut self, param: &Param) {
        self.str(&param.name);
        self.ty(&param.ty);
    }

    fn action(&mut self, a: &Action) {
        self.str(&a.name);
        self.text(&a.label);
        self.list(&a.params, Writer::param);
        self.option(a.limit.as_ref(), |w, limit| {
            w.uint(u64::from(limit.counter));
            w.uint(u64::from(limit.max));
            w.uint(u64::from(limit.reason));
        });
        self.option(a.otherwise.as_ref(), Writer::otherwise);
        self.option(a.confirm.as_ref(), |w, m| w.uint(u64::from(*m)));
        self.bool(a.irreversible);
        self.list(&a.rules, |w, r| w.uint(u64::from(*r)));
        let (pivot, stride, starts, entries) = a.shortlist.parts();
        self.option(pivot.as_ref(), |w, slot| w.uint(u64::from(*slot)));
        self.len(stride);
        self.list(starts, |w, s| w.uint(u64::from(*s)));
        self.list(entries, |w, e| w.uint(u64::from(*e)));
    }

    fn otherwise(&mut self, o: &Otherwise) {
        self.uint(u64::from(o.reason));
        self.list(&o.alternatives, Writer::alternative);
    }

    fn alternative(&mut self, a: &Alternative) {
        match &a.kind {
            AlternativeKind::Action(action) => {
                self.0.push(0);
                self.uint(u64::from(*action));
            }
            AlternativeKind::Contact(whom) => {
                self.0.push(1);
                self.str(whom);
            }
            AlternativeKind::WaitFor(slot, status) => {
                self.0.push(2);
                self.uint(u64::from(*slot));
                self.0.push(*status);
            }
        }
        self.uint(u64::from(a.message));
        self.option(a.when.as_ref(), Writer::cond);
    }

    fn rule(&mut self, r: &Rule) {
        self.str(&r.id);
        self.uint(u64::from(r.action));
        self.uint(r.roles);
        self.option(r.when.as_ref(), Writer::cond);
        self.outcome(r.outcome);
        self.option(r.approver.as_ref(), |w, role| w.uint(u64::from(*role)));
        self.option(r.reason.as_ref(), |w, m| w.uint(u64::from(*m)));
        self.list(&r.requires, |w, p| w.0.push(*p));
        self.list(&r.effects, |w, (effect, when)| {
            w.effect(effect);
            w.option(when.as_ref(), Writer::cond);
        });
        self.list(&r.alternatives, Writer::alternative);
        self.option(r.auto_decide.as_ref(), |w, auto| {
            w.option(auto.from.as_ref(), |w, slot| w.uint(u64::from(*slot)));
            w.duration(auto.after);
            w.outcome(auto.outcome);
        });
    }

    /// An outcome by its number in a verdict row.
    fn outcome(&mut self, outcome: Outcome) {
        self.0.push(crate::ffi::outcome_code(outcome));
    }

    fn duration(&mut self, d: Duration) {
        let (unit, n) = match d {
            Duration::Minutes(n) => (0, n),
            Duration::Hours(n) => (1, n),
            Duration::Days(n) => (2, n),
            Duration::BusinessDays(n) => (3, n),
        };
        self.0.push(unit);
        self.uint(u64::from(n));
    }

    fn effect(&mut self, effect: &Effect) {
        match effect {
            Effect::Set(slot, value) => {
                self.0.push(0);
                self.uint(u64::from(*slot));
                self.operand(value);
            }
            Effect::Stamp(slot) => {
                self.0.push(1);
                self.uint(u64::from(*slot));
            }
            Effect::Clear(slot) => {
                self.0.push(2);
                self.uint(u64::from(*slot));
            }
            Effect::Increment(slot) => {
                self.0.push(3);
                self.uint(u64::from(*slot));
            }
            Effect::Emit { kind, args } => {
                self.0.push(4);
                self.uint(u64::from(*kind));
                self.list(args, |w, (arg, value)| {
                    w.0.push(*arg);
                    w.operand(value);
                });
            }
        }
    }

    fn operand(&mut self, operand: &Operand) {
        match operand {
            Operand::Fact(slot) => {
                self.0.push(0);
                self.uint(u64::from(*slot));
            }
            Operand::Param(p) => {
                self.0.push(1);
                self.0.push(*p);
            }
            Operand::ActorId => self.0.push(2),
            Operand::ActorAttr(a) => {
                self.0.push(3);
                self.uint(u64::from(*a));
            }
            Operand::Const(val) => {
                self.0.push(4);
                self.val(val);
            }
        }
    }

    fn cond(&mut self, cond: &Cond) {
        match cond {
            Cond::All(items) => {
                self.0.push(0);
                self.list(items, Writer::cond);
            }
            Cond::Any(items) => {
                self.0.push(1);
                self.list(items, Writer::cond);
            }
            Cond::Not(inner) => {
                self.0.push(2);
                self.cond(inner);
            }
            Cond::In { slot, mask } => {
                self.0.push(3);
                self.uint(u64::from(*slot));
                self.uint(*mask as u64);
                self.uint((*mask >> 64) as u64);
            }
            Cond::Is(slot) => {
                self.0.push(4);
                self.uint(u64::from(*slot));
            }
            Cond::Present(slot) => {
                self.0.push(5);
                self.uint(u64::from(*slot));
            }
            Cond::Compare { op, left, right } => {
                self.0.push(6);
                self.0.push(match op {
                    CompareOp::Eq => 0,
                    CompareOp::Ne => 1,
                    CompareOp::Lt => 2,
                    CompareOp::Le => 3,
                    CompareOp::Gt => 4,
                    CompareOp::Ge => 5,
                });
                self.operand(left);
                self.operand(right);
            }
            Cond::Window {
                kind,
                slot,
                duration,
                edge,
            } => {
                self.0.push(7);
                self.bool(*kind == WindowKind::Elapsed);
                self.uint(u64::from(*slot));
                self.duration(*duration);
                self.bool(*edge == Edge::Exclusive);
            }
        }
    }
}
