//! Deciding one action: the limit check, then the action's rules in document order (the first
//! that matches wins), then the fallback denial.

use super::choose::{choose, Choice};
use super::condition::Env;
use super::input::{FactValues, Question};
use super::json::{label, message, val_to_json};
use super::values::{Asked, ValRef, Values};
use crate::api::{self, Decision, Outcome, PolicyStamp, TraceStep};
use crate::compile::program::{Action, Alternative, AlternativeKind, Effect, Program, Rule, Val};
use crate::error::{Code, Error};
use crate::policy::reader::key_path;

/// `Decide` asks for one action and needs its parameters; `Preview` (for `available`) lists the
/// parameters a rule requires instead of refusing when they are missing.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Decide,
    Preview,
}

pub(crate) struct Decider<'a> {
    pub program: &'a Program,
    pub stamp: &'a PolicyStamp,
    pub question: &'a Question,
}

impl Decider<'_> {
    fn lang(&self) -> &str {
        &self.program.languages[self.question.language]
    }

    pub fn decide(
        &self,
        action_index: u16,
        params: &[Option<Val>],
        mode: Mode,
    ) -> Result<Decision, Error> {
        let program = self.program;
        let q = self.question;
        let action = &program.actions[action_index as usize];
        let values = Asked {
            facts: &q.facts,
            actor: &q.actor,
            params,
        };
        let env = Env {
            program,
            action,
            role: q.actor.role,
            now: q.now,
            values: &values,
        };
        let mut trace = Vec::new();
        let chosen = choose(&env, action, Some(&mut trace));
        let reason = chosen.reason(program, action);
        let offered = chosen.offered(program, action);
        let mut d = match chosen.choice {
            Choice::Rule(index) => {
                let rule = &program.rules[index as usize];
                self.matched(action, rule, reason, &env, mode, trace)?
            }
            Choice::LimitReached | Choice::Fallback => {
                let reason = reason.unwrap_or(program.otherwise.reason);
                self.denial(action, reason, None, offered, &env, trace)
            }
        };
        // A reached limit is decided before any window is consulted: no instant then.
        d.valid_until = chosen.next.0.map(|t| program.calendar.format(t.offset(-1)));
        d.remaining_chances = chosen.remaining;
        Ok(d)
    }

    fn base(
        &self,
        action: &Action,
        outcome: Outcome,
        env: &Env<Asked>,
        trace: Vec<TraceStep>,
    ) -> Decision {
        let program = self.program;
        Decision {
            policy: self.stamp.clone(),
            action: action.name.clone(),
            label: label(&action.label, self.lang(), &action.name),
            role: program.roles[self.question.actor.role as usize]
                .name
                .clone(),
            outcome,
            approver: None,
            rule: None,
            reasons: Vec::new(),
            requires: Vec::new(),
            confirm: None,
            irreversible: action.irreversible,
            changes: Vec::new(),
            effects: Vec::new(),
            next_state: next_state(program, env.values.facts),
            alternatives: Vec::new(),
            valid_until: None,
            auto_decision: None,
            remaining_chances: None,
            at: program.calendar.format(self.question.now),
            language: self.lang().to_owned(),
            trace,
        }
    }

    fn reason(&self, code: u16, rule: Option<&Rule>) -> api::Reason {
        let (code, message) = message(self.program, code, self.lang());
        api::Reason {
            code,
            message,
            rule: rule.map(|r| r.id.clone()),
        }
    }

    fn denial(
        &self,
        action: &Action,
        reason: u16,
        rule: Option<&Rule>,
        alternatives: &[Alternative],
        env: &Env<Asked>,
        trace: Vec<TraceStep>,
    ) -> Decision {
        let mut d = self.base(action, Outcome::Denied, env, trace);
        d.reasons.push(self.reason(reason, rule));
        d.alternatives = self.alternatives(alternatives, env);
        d
    }

    fn alternatives(
        &self,
        alternatives: &[Alternative],
        env: &Env<Asked>,
    ) -> Vec<api::Alternative> {
        let lang = self.lang();
        alternatives
            .iter()
            .filter(|a| env.admits(a.when.as_ref()))
            .map(|a| {
                let (code, message) = message(self.program, a.message, lang);
                let mut out = api::Alternative {
                    kind: api::AlternativeKind::Action,
                    action: None,
                    contact: None,
                    wait_for: None,
                    code,
                    message,
                };
                match &a.kind {
                    AlternativeKind::Action(i) => {
                        out.action = Some(self.program.actions[*i as usize].name.clone())
                    }
                    AlternativeKind::Contact(party) => {
                        out.kind = api::AlternativeKind::Contact;
                        out.contact = Some(party.clone());
                    }
                    AlternativeKind::WaitFor(slot, status) => {
                        out.kind = api::AlternativeKind::Wait;
                        out.wait_for = Some(status_ref(self.program, *slot, *status, lang));
                    }
                }
                out
            })
            .collect()
    }

    fn matched(
        &self,
        action: &Action,
        rule: &Rule,
        reason: Option<u16>,
        env: &Env<Asked>,
        mode: Mode,
        trace: Vec<TraceStep>,
    ) -> Result<Decision, Error> {
        let program = self.program;
        if rule.outcome == Outcome::Denied {
            let reason = reason.unwrap_or(program.otherwise.reason);
            let mut d = self.denial(action, reason, Some(rule), &rule.alternatives, env, trace);
            d.rule = Some(rule.id.clone());
            d.auto_decision = self.auto_decision(rule, env);
            return Ok(d);
        }
        let mut d = self.base(action, rule.outcome, env, trace);
        d.rule = Some(rule.id.clone());
        d.approver = rule
            .approver
            .map(|r| program.roles[r as usize].name.clone());
        d.confirm = action.confirm.map(|m| self.reason(m, None));
        d.reasons = reason
            .map(|r| self.reason(r, Some(rule)))
            .into_iter()
            .collect();
        d.alternatives = self.alternatives(&rule.alternatives, env);
        d.auto_decision = self.auto_decision(rule, env);
        for &p in &rule.requires {
            let param = &action.params[p as usize];
            d.requires.push(param.name.clone());
            if mode == Mode::Decide && env.values.param(p).is_none() {
                return Err(Error::input(
                    Code::MissingParam,
                    key_path("$.params", &param.name),
                    format!(
                        "'{}' needs the parameter '{}' under rule '{}'",
                        action.name, param.name, rule.id
                    ),
                ));
            }
        }
        let mut facts = env.values.facts.clone();
        // Guards read the facts as they were before the decision.
        for (effect, when) in &rule.effects {
            if env.admits(when.as_ref()) {
                self.effect(effect, action, env, &mut facts, &mut d, mode)?;
            }
        }
        if let Some(limit) = &action.limit {
            self.effect(
                &Effect::Increment(limit.counter),
                action,
                env,
                &mut facts,
                &mut d,
                mode,
            )?;
        }
        d.next_state = next_state(program, &facts);
        Ok(d)
    }

    fn operand_value(
        &self,
        op: &crate::compile::program::Operand,
        action: &Action,
        env: &Env<Asked>,
        mode: Mode,
    ) -> Result<Option<Option<Val>>, Error> {
        use crate::compile::program::Operand;
        let value = env.operand(op).map(ValRef::to_val);
        if let (Operand::Param(i), None) = (op, &value) {
            if mode == Mode::Preview {
                return Ok(None);
            }
            let name = &action.params[*i as usize].name;
            return Err(Error::input(
                Code::MissingParam,
                key_path("$.params", name),
                format!("'{}' needs the parameter '{name}'", action.name),
            ));
        }
        Ok(Some(value))
    }

    fn effect(
        &self,
        effect: &Effect,
        action: &Action,
        env: &Env<Asked>,
        facts: &mut FactValues,
        d: &mut Decision,
        mode: Mode,
    ) -> Result<(), Error> {
        let program = self.program;
        let calendar = &program.calendar;
        let (slot, value) = match effect {
            Effect::Set(slot, op) => match self.operand_value(op, action, env, mode)? {
                Some(v) => (*slot, v),
                None => return Ok(()),
            },
            Effect::Stamp(slot) => (*slot, Some(Val::Time(env.now))),
            Effect::Clear(slot) => (*slot, None),
            Effect::Increment(slot) => {
                let n = match facts.0[*slot as usize] {
                    Some(Val::Int(n)) => n,
                    _ => 0,
                };
                (*slot, Some(Val::Int(n.saturating_add(1))))
            }
            Effect::Emit { kind, args } => {
                let decl = &program.effect_kinds[*kind as usize];
                let mut out = serde_json::Map::new();
                for (i, op) in args {
                    let arg = &decl.args[*i as usize];
                    let value = match self.operand_value(op, action, env, mode)? {
                        Some(v) => v,
                        None => continue,
                    };
                    out.insert(
                        arg.name.clone(),
                        val_to_json(program, &arg.ty, value.as_ref(), calendar),
                    );
                }
                d.effects.push(api::NamedEffect {
                    effect: decl.name.clone(),
                    label: label(&decl.label, self.lang(), &decl.name),
                    args: out,
                });
                return Ok(());
            }
        };
        let fact = &program.facts[slot as usize];
        if value.is_none() && !fact.optional {
            return Ok(());
        }
        let from = val_to_json(program, &fact.ty, facts.0[slot as usize].as_ref(), calendar);
        let to = val_to_json(program, &fact.ty, value.as_ref(), calendar);
        facts.0[slot as usize] = value;
        d.changes.push(api::Change {
            fact: fact.name.clone(),
            from,
            to,
        });
        Ok(())
    }

    fn auto_decision(&self, rule: &Rule, env: &Env<Asked>) -> Option<api::AutoDecision> {
        let auto = rule.auto_decide.as_ref()?;
        let from = match auto.from {
            None => env.now,
            Some(slot) => match env.fact(slot) {
                Some(ValRef::Time(t)) => t,
                _ => return None,
            },
        };
        let at = self.program.calendar.add(from, auto.after);
        Some(api::AutoDecision {
            at: self.program.calendar.format(at),
            outcome: auto.outcome,
        })
    }
}

fn next_state(program: &Program, facts: &FactValues) -> serde_json::Map<String, serde_json::Value> {
    let calendar = &program.calendar;
    program
        .facts
        .iter()
        .enumerate()
        .filter(|(_, f)| f.is_dimension)
        .map(|(i, f)| {
            (
                f.name.clone(),
                val_to_json(program, &f.ty, facts.0[i].as_ref(), calendar),
            )
        })
        .collect()
}

fn status_ref(program: &Program, slot: u16, status: u8, lang: &str) -> api::StatusRef {
    let fact = &program.facts[slot as usize];
    let (id, text) = match fact.ty {
        crate::compile::program::Ty::Domain(d) => {
            let domain = &program.domains[d as usize];
            let id = domain.ids()[status as usize].clone();
            let text = domain
                .labels
                .get(status as usize)
                .map_or_else(|| id.clone(), |t| label(t, lang, &id));
            (id, text)
        }
        _ => (String::new(), String::new()),
    };
    api::StatusRef {
        fact: fact.name.clone(),
        status: id,
        label: text,
    }
}
