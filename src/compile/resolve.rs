//! Name resolution and type checking of rules, conditions, effects and alternatives.

use super::name_index::NameIndex;
use super::program::*;
use super::Compiler;
use crate::error::{did_you_mean, Code};
use crate::money::minor_units_from_json;
use crate::policy::model::{self, CompareOp, Condition, EffectDoc, Outcome, RuleDoc};
use crate::policy::reader::{index_path, key_path};
use crate::time::Timestamp;
use std::sync::Arc;

/// The parameters visible where a condition or effect is written (those of the rule's action).
pub(crate) struct Scope<'a> {
    pub params: &'a [Param],
}

impl Scope<'static> {
    pub fn empty() -> Self {
        Scope { params: &[] }
    }
}

/// Read-only lookups into the program being built.
pub(crate) struct Names<'p> {
    pub program: &'p Program,
    pub messages: &'p NameIndex,
    pub effects: &'p NameIndex,
}

/// Reads a JSON literal as a value of `ty`; `None` when it does not fit.
pub(crate) fn literal_value(ty: &Ty, value: &serde_json::Value, domains: &[Domain]) -> Option<Val> {
    use serde_json::Value as J;
    Some(match (ty, value) {
        (Ty::Boolean, J::Bool(b)) => Val::Bool(*b),
        (Ty::Counter, J::Number(n)) => Val::Int(
            i64::try_from(n.as_u64()?)
                .ok()
                .filter(|v| *v <= crate::money::MAX_MINOR_UNITS)?,
        ),
        (Ty::Number, J::Number(n)) => {
            Val::Num(
                n.as_f64()
                    .filter(|f| f.abs() < 1e15)
                    .map(|f| if f == 0.0 { 0.0 } else { f })?,
            )
        }
        (Ty::Money(_), v) => Val::Money(minor_units_from_json(v)?),
        (Ty::Timestamp, J::String(s)) => Val::Time(Timestamp::parse(s)?),
        (Ty::Timestamp, J::Number(n)) => Val::Time(Timestamp::from_json_number(n)?),
        (Ty::String, J::String(s)) if s.len() <= 1_000 => Val::Str(Arc::new(s.clone())),
        (Ty::Domain(d), J::String(s)) => Val::Status(domains.get(*d as usize)?.status(s)?),
        _ => return None,
    })
}

pub(crate) fn type_name(ty: &Ty, domains: &[Domain]) -> String {
    match ty {
        Ty::Boolean => "boolean".into(),
        Ty::Counter => "counter".into(),
        Ty::Number => "number".into(),
        Ty::Money(c) => format!("money in {c}"),
        Ty::Timestamp => "timestamp".into(),
        Ty::String => "string".into(),
        Ty::Domain(d) => format!(
            "value of '{}'",
            domains.get(*d as usize).map_or("?", |d| d.name.as_str())
        ),
    }
}

impl Names<'_> {
    fn lookup(
        &self,
        c: &mut Compiler,
        index: &NameIndex,
        name: &str,
        path: &str,
        code: Code,
        what: &str,
    ) -> Option<u16> {
        let found = index.get(name);
        if found.is_none() {
            let hint = did_you_mean(name, index.names());
            c.r.report(
                code,
                path,
                format!("no {what} '{name}' is declared in this policy.{hint}"),
            );
        }
        found
    }

    pub fn action(&self, c: &mut Compiler, name: &str, path: &str) -> Option<u16> {
        self.lookup(
            c,
            &self.program.action_index,
            name,
            path,
            Code::UnknownAction,
            "action",
        )
    }

    pub fn message(&self, c: &mut Compiler, code: &str, path: &str) -> Option<u16> {
        self.lookup(
            c,
            self.messages,
            code,
            path,
            Code::UnknownMessage,
            "message",
        )
    }

    fn role(&self, c: &mut Compiler, name: &str, path: &str) -> Option<u16> {
        self.lookup(
            c,
            &self.program.role_index,
            name,
            path,
            Code::UnknownRole,
            "role",
        )
    }

    pub fn fact(&self, c: &mut Compiler, name: &str, path: &str) -> Option<Slot> {
        self.lookup(
            c,
            &self.program.fact_index,
            name,
            path,
            Code::UnknownFact,
            "fact",
        )
    }

    pub fn fact_of_type(
        &self,
        c: &mut Compiler,
        name: &str,
        path: &str,
        ok: impl Fn(&Ty) -> bool,
        what: &str,
    ) -> Option<Slot> {
        let slot = self.fact(c, name, path)?;
        let ty = &self.program.facts[slot as usize].ty;
        if ok(ty) {
            Some(slot)
        } else {
            let has = type_name(ty, &self.program.domains);
            c.r.report(
                Code::TypeMismatch,
                path,
                format!("'{name}' is a {has}; here it must be {what}"),
            );
            None
        }
    }

    /// A status or enum fact with its domain.
    fn domain_fact(&self, c: &mut Compiler, name: &str, path: &str) -> Option<(Slot, &Domain)> {
        let slot = self.fact_of_type(
            c,
            name,
            path,
            |t| matches!(t, Ty::Domain(_)),
            "a status or enum",
        )?;
        match self.program.facts[slot as usize].ty {
            Ty::Domain(d) => Some((slot, &self.program.domains[d as usize])),
            _ => None,
        }
    }

    pub fn otherwise(
        &self,
        c: &mut Compiler,
        doc: &model::OtherwiseDoc,
        path: &str,
        scope: &Scope,
    ) -> Option<Otherwise> {
        let reason = self.message(c, &doc.reason, &key_path(path, "reason"));
        let alternatives =
            self.alternatives(c, &doc.alternatives, &key_path(path, "alternatives"), scope);
        Some(Otherwise {
            reason: reason?,
            alternatives,
        })
    }

    pub fn rule(
        &self,
        c: &mut Compiler,
        doc: &RuleDoc,
        action: u16,
        scope: &Scope,
        path: &str,
    ) -> Option<Rule> {
        let mut roles = u64::MAX;
        if let Some(names) = &doc.roles {
            roles = 0;
            for (i, name) in names.iter().enumerate() {
                if let Some(role) = self.role(c, name, &index_path(&key_path(path, "roles"), i)) {
                    roles |= 1 << role;
                }
            }
        }
        let when = doc
            .when
            .as_ref()
            .and_then(|w| self.condition(c, w, &key_path(path, "when"), scope));
        let approver = match (doc.outcome, &doc.approver) {
            (Outcome::ApprovalRequired, Some(role)) => {
                self.role(c, role, &key_path(path, "approver"))
            }
            (Outcome::ApprovalRequired, None) => {
                c.r.report(
                    Code::MissingField,
                    key_path(path, "approver"),
                    "an approval_required rule names the approving role in \"approver\"",
                );
                None
            }
            (_, Some(_)) => {
                c.r.report(Code::InvalidValue, key_path(path, "approver"), "only approval_required rules have an approver; remove it or change the outcome");
                None
            }
            (_, None) => None,
        };
        if doc.outcome == Outcome::Denied && doc.reason.is_none() {
            c.r.report(
                Code::MissingField,
                key_path(path, "reason"),
                "a denial says why: add \"reason\" with a message code",
            );
        }
        if doc.outcome == Outcome::Denied && !doc.effects.is_empty() {
            c.r.report(
                Code::InvalidValue,
                key_path(path, "effects"),
                "a denied action changes nothing; remove the effects",
            );
        }
        let reason = doc
            .reason
            .as_ref()
            .and_then(|m| self.message(c, m, &key_path(path, "reason")));
        let requires = doc
            .requires
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                self.param(c, p, &index_path(&key_path(path, "requires"), i), scope)
                    .map(|(i, _)| i)
            })
            .collect();
        let effects = doc
            .effects
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let p = index_path(&key_path(path, "effects"), i);
                let effect = self.effect(c, &e.effect, &p, scope);
                let when = match &e.when {
                    Some(w) => Some(self.condition(c, w, &key_path(&p, "when"), scope)?),
                    None => None,
                };
                Some((effect?, when))
            })
            .collect();
        let alternatives =
            self.alternatives(c, &doc.alternatives, &key_path(path, "alternatives"), scope);
        let auto_decide = doc.auto_decide.as_ref().and_then(|a| {
            let ap = key_path(path, "autoDecide");
            let from = match &a.from {
                Some(f) => Some(self.fact_of_type(c, f, &key_path(&ap, "from"), |t| matches!(t, Ty::Timestamp), "a timestamp")?),
                None => None,
            };
            if doc.outcome != Outcome::ApprovalRequired && a.from.is_none() {
                c.r.report(Code::InvalidValue, &ap, "only a pending request is decided automatically from now; count from a timestamp fact with \"from\"");
            }
            Some(AutoDecide { from, after: a.after, outcome: a.outcome })
        });
        Some(Rule {
            id: doc.id.clone(),
            action,
            roles,
            when,
            outcome: doc.outcome,
            approver,
            reason,
            requires,
            effects,
            alternatives,
            auto_decide,
        })
    }

    fn param<'s>(
        &self,
        c: &mut Compiler,
        name: &str,
        path: &str,
        scope: &'s Scope,
    ) -> Option<(u8, &'s Param)> {
        let found = scope
            .params
            .iter()
            .enumerate()
            .find(|(_, p)| p.name == name);
        match found {
            Some((i, p)) => Some((i as u8, p)),
            None => {
                let hint = did_you_mean(name, scope.params.iter().map(|p| p.name.as_str()));
                c.r.report(
                    Code::UnknownParam,
                    path,
                    format!("the action declares no parameter '{name}'.{hint}"),
                );
                None
            }
        }
    }

    /// Resolves an operand; a literal has no type of its own (`None`) until compared.
    fn operand(
        &self,
        c: &mut Compiler,
        op: &model::Operand,
        path: &str,
        scope: &Scope,
    ) -> Option<(Operand, Option<Ty>)> {
        Some(match op {
            model::Operand::Fact(name) => {
                let slot = self.fact(c, name, &key_path(path, "fact"))?;
                (
                    Operand::Fact(slot),
                    Some(self.program.facts[slot as usize].ty.clone()),
                )
            }
            model::Operand::Param(name) => {
                let (i, p) = self.param(c, name, &key_path(path, "param"), scope)?;
                (Operand::Param(i), Some(p.ty.clone()))
            }
            model::Operand::Actor(name) if name == "id" => (Operand::ActorId, Some(Ty::String)),
            model::Operand::Actor(name) => {
                let i = self.lookup(
                    c,
                    &self.program.attribute_index,
                    name,
                    &key_path(path, "actor"),
                    Code::UnknownAttribute,
                    "actor attribute",
                )?;
                (
                    Operand::ActorAttr(i),
                    Some(self.program.attributes[i as usize].ty.clone()),
                )
            }
            model::Operand::Money(minor, currency) => (
                Operand::Const(Val::Money(*minor)),
                Some(Ty::Money(*currency)),
            ),
            model::Operand::Literal(_) => (Operand::Const(Val::Bool(false)), None),
        })
    }

    /// Gives a literal operand the type `ty`, reporting when it does not fit.
    fn typed_literal(
        &self,
        c: &mut Compiler,
        op: &model::Operand,
        ty: &Ty,
        path: &str,
    ) -> Option<Operand> {
        let model::Operand::Literal(value) = op else {
            return None;
        };
        match literal_value(ty, value, &self.program.domains) {
            Some(v) => Some(Operand::Const(v)),
            None => {
                if let (Ty::Domain(d), serde_json::Value::String(s)) = (ty, value) {
                    c.unknown_status(path, s, &self.program.domains[*d as usize]);
                } else {
                    let want = type_name(ty, &self.program.domains);
                    c.r.report(
                        Code::TypeMismatch,
                        path,
                        format!("{} is not a {want}", crate::json_text::show(value)),
                    );
                }
                None
            }
        }
    }

    fn compare(
        &self,
        c: &mut Compiler,
        op: CompareOp,
        left: &model::Operand,
        right: &model::Operand,
        path: &str,
        scope: &Scope,
    ) -> Option<Cond> {
        let lp = index_path(path, 0);
        let rp = index_path(path, 1);
        let l = self.operand(c, left, &lp, scope);
        let r = self.operand(c, right, &rp, scope);
        let ((lo, lt), (ro, rt)) = (l?, r?);
        let (lo, ro, ty) = match (lt, rt) {
            (None, None) => {
                c.r.report(Code::InvalidValue, path, "compare a fact, parameter or actor attribute with something; two literals are constant");
                return None;
            }
            (Some(t), None) => {
                let ro = self.typed_literal(c, right, &t, &rp)?;
                (lo, ro, t)
            }
            (None, Some(t)) => {
                let lo = self.typed_literal(c, left, &t, &lp)?;
                (lo, ro, t)
            }
            (Some(a), Some(b)) => {
                let numeric = |t: &Ty| matches!(t, Ty::Counter | Ty::Number);
                match (&a, &b) {
                    (Ty::Money(x), Ty::Money(y)) if x != y => {
                        c.r.report(
                            Code::CurrencyMismatch,
                            path,
                            format!("cannot compare money in {x} with money in {y}"),
                        );
                        return None;
                    }
                    _ if a == b || (numeric(&a) && numeric(&b)) => (lo, ro, a),
                    _ => {
                        let (x, y) = (
                            type_name(&a, &self.program.domains),
                            type_name(&b, &self.program.domains),
                        );
                        c.r.report(
                            Code::TypeMismatch,
                            path,
                            format!("cannot compare a {x} with a {y}"),
                        );
                        return None;
                    }
                }
            }
        };
        let ordered = matches!(ty, Ty::Counter | Ty::Number | Ty::Money(_) | Ty::Timestamp);
        if !ordered && !matches!(op, CompareOp::Eq | CompareOp::Ne) {
            let t = type_name(&ty, &self.program.domains);
            c.r.report(
                Code::TypeMismatch,
                path,
                format!("a {t} has no order; use eq, ne or in"),
            );
            return None;
        }
        Some(Cond::Compare {
            op,
            left: lo,
            right: ro,
        })
    }

    pub fn condition(
        &self,
        c: &mut Compiler,
        cond: &Condition,
        path: &str,
        scope: &Scope,
    ) -> Option<Cond> {
        let list = |c: &mut Compiler, items: &[Condition], key: &str| -> Vec<Cond> {
            let p = key_path(path, key);
            items
                .iter()
                .enumerate()
                .filter_map(|(i, x)| self.condition(c, x, &index_path(&p, i), scope))
                .collect()
        };
        Some(match cond {
            Condition::All(items) => Cond::All(list(c, items, "all")),
            Condition::Any(items) => Cond::Any(list(c, items, "any")),
            Condition::Not(inner) => Cond::Not(Box::new(self.condition(
                c,
                inner,
                &key_path(path, "not"),
                scope,
            )?)),
            Condition::Is(name) => Cond::Is(self.fact_of_type(
                c,
                name,
                &key_path(path, "is"),
                |t| matches!(t, Ty::Boolean),
                "a boolean",
            )?),
            Condition::Present(name) => {
                Cond::Present(self.fact(c, name, &key_path(path, "present"))?)
            }
            Condition::In { fact, values } => {
                let p = key_path(&key_path(path, "in"), fact);
                let (slot, domain) = self.domain_fact(c, fact, &p)?;
                let mut mask = 0u128;
                for (i, v) in values.iter().enumerate() {
                    match domain.status(v) {
                        Some(bit) => mask |= 1 << bit,
                        None => c.unknown_status(&index_path(&p, i), v, domain),
                    }
                }
                Cond::In { slot, mask }
            }
            Condition::Compare { op, left, right } => {
                let key = op.keyword();
                self.compare(c, *op, left, right, &key_path(path, key), scope)?
            }
            Condition::Window {
                kind,
                since,
                duration,
                edge,
            } => {
                let key = kind.keyword();
                let p = key_path(&key_path(path, key), "since");
                let slot =
                    self.fact_of_type(c, since, &p, |t| matches!(t, Ty::Timestamp), "a timestamp")?;
                Cond::Window {
                    kind: *kind,
                    slot,
                    duration: *duration,
                    edge: *edge,
                }
            }
        })
    }

    /// An operand assigned to something of type `ty` (a fact or an effect argument).
    fn assigned(
        &self,
        c: &mut Compiler,
        op: &model::Operand,
        ty: &Ty,
        path: &str,
        scope: &Scope,
    ) -> Option<Operand> {
        let (resolved, found) = self.operand(c, op, path, scope)?;
        match found {
            None => self.typed_literal(c, op, ty, path),
            Some(t) if &t == ty => Some(resolved),
            Some(t) => {
                let (x, y) = (
                    type_name(&t, &self.program.domains),
                    type_name(ty, &self.program.domains),
                );
                c.r.report(
                    Code::TypeMismatch,
                    path,
                    format!("a {x} cannot be assigned where a {y} is expected"),
                );
                None
            }
        }
    }

    fn effect(
        &self,
        c: &mut Compiler,
        effect: &EffectDoc,
        path: &str,
        scope: &Scope,
    ) -> Option<Effect> {
        Some(match effect {
            EffectDoc::Set(pairs) => {
                // One `set` may change several facts; each becomes its own effect below.
                let p = key_path(path, "set");
                let mut out = Vec::new();
                for (name, op) in pairs {
                    let fp = key_path(&p, name);
                    let Some(slot) = self.fact(c, name, &fp) else {
                        continue;
                    };
                    let ty = self.program.facts[slot as usize].ty.clone();
                    if let Some(o) = self.assigned(c, op, &ty, &fp, scope) {
                        out.push(Effect::Set(slot, o));
                    }
                }
                if pairs.len() != 1 {
                    c.r.report(
                        Code::InvalidValue,
                        p,
                        "write one fact per \"set\" so that the order of changes is explicit",
                    );
                    return None;
                }
                out.pop()?
            }
            EffectDoc::Stamp(name) => Effect::Stamp(self.fact_of_type(
                c,
                name,
                &key_path(path, "stamp"),
                |t| matches!(t, Ty::Timestamp),
                "a timestamp",
            )?),
            EffectDoc::Increment(name) => Effect::Increment(self.fact_of_type(
                c,
                name,
                &key_path(path, "increment"),
                |t| matches!(t, Ty::Counter),
                "a counter",
            )?),
            EffectDoc::Clear(name) => {
                let p = key_path(path, "clear");
                let slot = self.fact(c, name, &p)?;
                if !self.program.facts[slot as usize].optional {
                    c.r.report(Code::InvalidValue, p, format!("'{name}' is not optional, so it cannot be cleared; declare it \"optional\": true"));
                    return None;
                }
                Effect::Clear(slot)
            }
            EffectDoc::Emit { name, args } => {
                let kind = self.lookup(
                    c,
                    self.effects,
                    name,
                    &key_path(path, "emit"),
                    Code::UnknownEffect,
                    "effect",
                )?;
                let decl = &self.program.effect_kinds[kind as usize];
                let ap = key_path(path, "args");
                let mut out = Vec::new();
                for (arg, op) in args {
                    let p = key_path(&ap, arg);
                    match decl.args.iter().position(|a| &a.name == arg) {
                        Some(i) => {
                            if let Some(o) = self.assigned(c, op, &decl.args[i].ty, &p, scope) {
                                out.push((i as u8, o));
                            }
                        }
                        None => {
                            let hint = did_you_mean(arg, decl.args.iter().map(|a| a.name.as_str()));
                            c.r.report(
                                Code::UnknownParam,
                                p,
                                format!("the effect '{name}' has no argument '{arg}'.{hint}"),
                            );
                        }
                    }
                }
                for a in &decl.args {
                    if !args.iter().any(|(n, _)| n == &a.name) {
                        c.r.report(
                            Code::MissingField,
                            key_path(&ap, &a.name),
                            format!("the effect '{name}' needs the argument '{}'", a.name),
                        );
                    }
                }
                Effect::Emit { kind, args: out }
            }
        })
    }

    fn alternatives(
        &self,
        c: &mut Compiler,
        docs: &[model::AlternativeDoc],
        path: &str,
        scope: &Scope,
    ) -> Vec<Alternative> {
        docs.iter()
            .enumerate()
            .filter_map(|(i, a)| {
                let p = index_path(path, i);
                let kind = match &a.kind {
                    model::AlternativeKind::Action(name) => {
                        AlternativeKind::Action(self.action(c, name, &key_path(&p, "action"))?)
                    }
                    model::AlternativeKind::Contact(party) => {
                        AlternativeKind::Contact(party.clone())
                    }
                    model::AlternativeKind::WaitFor { fact, status } => {
                        let wp = key_path(&key_path(&p, "waitFor"), fact);
                        let (slot, domain) = self.domain_fact(c, fact, &wp)?;
                        match domain.status(status) {
                            Some(s) => AlternativeKind::WaitFor(slot, s),
                            None => {
                                c.unknown_status(&wp, status, domain);
                                return None;
                            }
                        }
                    }
                };
                let message = self.message(c, &a.message, &key_path(&p, "message"));
                let when = a
                    .when
                    .as_ref()
                    .and_then(|w| self.condition(c, w, &key_path(&p, "when"), scope));
                Some(Alternative {
                    kind,
                    message: message?,
                    when,
                })
            })
            .collect()
    }
}
