//! The verdict of a question row, emitted as JavaScript. A call into the WebAssembly module and
//! back costs more than a verdict itself, so the SDK decides rows in JavaScript with a function
//! generated here, from the same compiled program, the same row checks and the same order of
//! evaluation as [`super::numbers::check_row`] and [`super::verdict::verdict`]. The function
//! writes the six numbers [`crate::ffi::verdict_rows`] writes, bit for bit (a test in Node,
//! Chromium and Firefox holds it to the module on random rows of every policy the tests know).
//!
//! What JavaScript numbers cannot do exactly is left to the module: an action whose conditions
//! add calendar or business days (time zones, weekends, holidays) or compare with a whole number
//! beyond 2^53 answers 2: ask the module; so do the actions past [`MAX_SCRIPT_CHARS`] of script.

use super::choose::{fallback, rule_reason};
use super::condition::holds;
use super::numbers::{Check, RowChecks, NOW};
use super::verdict::any_param_read;
use crate::api::Outcome;
use crate::compile::program::{
    Action, Alternative, Cond, Operand, Otherwise, Program, Rule, Ty, Val, ROW_HEADER,
};
use crate::policy::model::{CompareOp, Edge, WindowKind};
use crate::time::{Duration, MAX_MILLIS, MIN_MILLIS};

/// The longest script: V8 never optimizes a function of more than 60 KB of bytecode, and run by
/// its interpreter the function would be slower than the module. Actions past this length of
/// JavaScript text are left to the module.
const MAX_SCRIPT_CHARS: usize = 40_000;

/// The largest whole number every JavaScript number holds exactly.
const MAX_EXACT: i64 = 9_007_199_254_740_991;

/// What a value is to a comparison, as in `condition::compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Bool,
    Int,
    Num,
    Money,
    Time,
    Str,
    Status,
}

fn kind_of(ty: &Ty) -> Kind {
    match ty {
        Ty::Boolean => Kind::Bool,
        Ty::Counter => Kind::Int,
        Ty::Number => Kind::Num,
        Ty::Money(_) => Kind::Money,
        Ty::Timestamp => Kind::Time,
        Ty::String => Kind::Str,
        Ty::Domain(_) => Kind::Status,
    }
}

/// Whether `compare` orders values of these kinds (otherwise a comparison is false).
fn comparable(l: Kind, r: Kind) -> bool {
    use Kind::*;
    matches!(
        (l, r),
        (Bool, Bool)
            | (Int, Int)
            | (Money, Money)
            | (Num, Num)
            | (Int, Num)
            | (Num, Int)
            | (Time, Time)
            | (Str, Str)
            | (Status, Status)
    )
}

/// An operand as the emitted code reads it.
enum Value<'p> {
    /// A JavaScript expression of a number, NaN when absent.
    Number(Kind, String),
    /// Text: a row never carries it, so it is a default or a constant, known here.
    Text(&'p str),
    /// Never present in a row (`actor.id`, text that has no default).
    Absent,
}

/// This action's verdict needs what only the module computes exactly.
struct Unsupported;

/// The JavaScript of the verdict function of `program`: a function body that returns
/// `verdictRow(row, at, out, o, checked)`, which reads the row at `row[at]` and writes its verdict
/// at `out[o]`, returning 1 (decided), 0 (only JSON can carry the row: marked -1, as the module
/// marks it) or 2 (only the module decides this action exactly: nothing written). With `checked`,
/// the row's values after its header are taken as accepted by an earlier call that returned 1 or
/// 2, and not checked again: a row decided again at another instant.
pub(crate) fn verdict_script(program: &Program, checks: &RowChecks) -> String {
    let mut js = Script {
        program,
        out: String::with_capacity(4096),
    };
    js.preamble(checks);
    let mut budget = MAX_SCRIPT_CHARS.saturating_sub(js.out.len());
    for (index, action) in program.actions.iter().enumerate() {
        js.push("case ");
        js.int(index as i64);
        js.push(": {\n");
        let mut body = Script {
            program,
            out: String::new(),
        };
        match body.action(action, &checks.params[index]) {
            Ok(()) if body.out.len() <= budget => {
                budget -= body.out.len();
                js.push(&body.out);
            }
            // Past the budget the function would be too large for V8 to optimize.
            _ => js.push("return 2;\n"),
        }
        js.push("}\n");
    }
    js.push("}\nreturn refuse(out, o);\n};\n");
    js.out
}

struct Script<'p> {
    program: &'p Program,
    out: String,
}

impl<'p> Script<'p> {
    #[inline(never)]
    fn push(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// `v` is present (not NaN).
    #[inline(never)]
    fn present(&mut self, v: &str) {
        self.push(v);
        self.push(" === ");
        self.push(v);
    }

    #[inline(never)]
    fn int(&mut self, n: i64) {
        self.push(itoa::Buffer::new().format(n));
    }

    #[inline(never)]
    fn float(&mut self, n: f64) {
        crate::json_text::write_f64(n, &mut self.out);
    }

    /// The helpers, the header's checks and the checks of the facts and attributes.
    #[inline(never)]
    fn preamble(&mut self, checks: &RowChecks) {
        let declared = &checks.declared;
        self.push("\"use strict\";\n");
        // The earliest instant at which a consulted window flips, NaN for none; reset per row.
        self.push("let next = NaN;\nconst MIN = ");
        self.int(MIN_MILLIS);
        self.push(", MAX = ");
        self.int(MAX_MILLIS);
        self.push(";\n");
        self.push(concat!(
            "function refuse(out, o) { out[o] = -1; out[o + 1] = -1; out[o + 2] = -1; out[o + 3] = 0; out[o + 4] = NaN; out[o + 5] = -1; return 0; }\n",
            "function write(out, o, outcome, rule, reason, mask, remaining) { out[o] = outcome; out[o + 1] = rule; out[o + 2] = reason; out[o + 3] = mask; out[o + 4] = next === next ? Math.max(next - 1, MIN) : NaN; out[o + 5] = remaining; return 1; }\n",
            // A window: `mode` 0 within inclusive, 1 within exclusive, 2 elapsed inclusive, 3 elapsed exclusive.
            "function win(since, now, length, mode, noting) {\n",
            "if (since !== since) return false;\n",
            "const end = Math.min(since + length, MAX), after = Math.min(end + 1, MAX);\n",
            "let holds, flip;\n",
            "switch (mode) { case 0: holds = now <= end; flip = after; break; case 1: holds = now < end; flip = end; break; case 2: holds = now >= end; flip = end; break; default: holds = now > end; flip = after; }\n",
            "if (noting && flip > now && (mode < 2) === holds && !(next <= flip)) next = flip;\n",
            "return holds;\n}\n",
            "return function verdictRow(row, at, out, o, checked) {\n",
            "const action = row[at], role = row[at + 1], now = row[at + 2];\n",
        ));
        self.push("if (!(");
        self.index_check("action", self.program.actions.len());
        self.push(" && ");
        self.index_check("role", self.program.roles.len());
        self.push(" && ");
        self.check("now", NOW);
        self.push(")) return refuse(out, o);\n");
        self.checked_values("n", ROW_HEADER, declared);
        // Facts with a default read it when absent.
        for (slot, fact) in self.program.facts.iter().enumerate() {
            if let Some(default) = fact.default.as_ref().and_then(number_of) {
                self.push("const d");
                self.int(slot as i64);
                self.push(" = n");
                self.int(slot as i64);
                self.push(" === n");
                self.int(slot as i64);
                self.push(" ? n");
                self.int(slot as i64);
                self.push(" : ");
                self.push(&default);
                self.push(";\n");
            }
        }
        self.push("next = NaN;\nswitch (action) {\n");
    }

    /// `name` is a whole number in `0..len`.
    #[inline(never)]
    fn index_check(&mut self, name: &str, len: usize) {
        self.push(name);
        self.push(" >= 0 && ");
        self.push(name);
        self.push(" < ");
        self.int(len as i64);
        self.push(" && Math.trunc(");
        self.push(name);
        self.push(") === ");
        self.push(name);
    }

    /// [`Check::accepts`] on the number `name`. With branches: written without them (`&` and
    /// `|` on comparisons), V8 made a row 2.6x slower.
    #[inline(never)]
    fn check(&mut self, name: &str, check: Check) {
        let absent = |s: &mut Self| {
            s.push(name);
            s.push(" !== ");
            s.push(name);
        };
        if check.lo > check.hi {
            if check.absent_ok {
                absent(self);
            } else {
                self.push("false");
            }
            return;
        }
        self.push("(");
        self.push(name);
        self.push(" >= ");
        self.float(check.lo);
        self.push(" && ");
        self.push(name);
        self.push(" <= ");
        self.float(check.hi);
        if check.whole {
            self.push(" && Math.trunc(");
            self.push(name);
            self.push(") === ");
            self.push(name);
        }
        if check.absent_ok {
            self.push(" || ");
            absent(self);
        }
        self.push(")");
    }

    /// Reads the numbers from `row[at + first]` on as `{prefix}0`, `{prefix}1`, ... and, unless
    /// the row was `checked` before, refuses it unless every check holds.
    #[inline(never)]
    fn checked_values(&mut self, prefix: &str, first: usize, checks: &[Check]) {
        if checks.is_empty() {
            return;
        }
        for i in 0..checks.len() {
            self.push("const ");
            self.push(prefix);
            self.int(i as i64);
            self.push(" = row[at + ");
            self.int((first + i) as i64);
            self.push("];\n");
        }
        self.push("if (!checked && !(");
        for (i, check) in checks.iter().enumerate() {
            if i > 0 {
                self.push(" && ");
            }
            self.check(&format!("{prefix}{i}"), *check);
        }
        self.push(")) return refuse(out, o);\n");
    }

    /// The body of one action's `case`: its parameters' checks, its limit, its rules by role,
    /// its fallback.
    #[inline(never)]
    fn action(&mut self, action: &'p Action, params: &[Check]) -> Result<(), Unsupported> {
        let params_at = ROW_HEADER + self.program.facts.len() + self.program.attributes.len();
        self.checked_values("p", params_at, params);
        let remaining = match &action.limit {
            Some(limit) => {
                let counter = self.program.facts.get(usize::from(limit.counter));
                self.push("const remaining = Math.max(");
                self.int(i64::from(limit.max));
                self.push(" - ");
                match counter {
                    Some(fact) if fact.ty == Ty::Counter => {
                        let used = self.fact(limit.counter)?;
                        self.push("(");
                        self.present(&used);
                        self.push(" ? ");
                        self.push(&used);
                        self.push(" : 0)");
                    }
                    _ => self.push("0"),
                }
                self.push(", 0);\n");
                self.push("if (remaining === 0) return write(out, o, 2, -1, ");
                self.int(i64::from(limit.reason));
                self.push(", 0, 0);\n");
                "remaining"
            }
            None => "-1",
        };
        self.push("switch (role) {\n");
        let rules: Vec<(u32, &Rule)> = (action.rules.iter())
            .filter_map(|&i| Some((i, self.program.rules.get(i as usize)?)))
            .collect();
        // Roles with the same rules share a case; a role past the 64th matches no rule (as in
        // the shortlist).
        let mut groups: Vec<(Vec<usize>, Vec<u32>)> = Vec::new();
        for role in 0..self.program.roles.len().min(64) {
            let mine: Vec<u32> = (rules.iter())
                .filter(|(_, rule)| rule.roles & (1u64 << role) != 0)
                .map(|&(i, _)| i)
                .collect();
            match groups.iter_mut().find(|(_, list)| *list == mine) {
                Some((roles, _)) => roles.push(role),
                None => groups.push((vec![role], mine)),
            }
        }
        for (roles, list) in &groups {
            if list.is_empty() {
                continue;
            }
            for role in roles {
                self.push("case ");
                self.int(*role as i64);
                self.push(":\n");
            }
            self.push("{\n");
            for &index in list {
                self.rule(action, index, remaining)?;
            }
            self.push("break;\n}\n");
        }
        self.push("}\n");
        self.matched(
            action,
            fallback_answer(fallback(self.program, action)),
            remaining,
        )
    }

    /// Tries rule `index`: when its condition holds, its verdict.
    #[inline(never)]
    fn rule(&mut self, action: &'p Action, index: u32, remaining: &str) -> Result<(), Unsupported> {
        let Some(rule) = self.program.rules.get(index as usize) else {
            return Ok(());
        };
        match &rule.when {
            Some(when) => {
                self.push("if (");
                self.cond(action, when, true)?;
                self.push(") {\n");
            }
            None => self.push("{\n"),
        }
        let answer = Answer {
            outcome: rule.outcome,
            rule: Some(index),
            reason: rule_reason(self.program, rule),
            alternatives: &rule.alternatives,
        };
        if rule.outcome != Outcome::Denied {
            let mut absent: Vec<u8> = Vec::new();
            any_param_read(rule, |i| {
                absent.push(i);
                false
            });
            if !absent.is_empty() {
                self.push("if (");
                for (n, &i) in absent.iter().enumerate() {
                    if n > 0 {
                        self.push(" || ");
                    }
                    if usize::from(i) < action.params.len() {
                        self.push("p");
                        self.int(i64::from(i));
                        self.push(" !== p");
                        self.int(i64::from(i));
                    } else {
                        self.push("true");
                    }
                }
                self.push(") return refuse(out, o);\n");
            }
        }
        self.matched(action, answer, remaining)?;
        self.push("}\n");
        Ok(())
    }

    /// Writes an answer and returns.
    #[inline(never)]
    fn matched(
        &mut self,
        action: &'p Action,
        answer: Answer<'p>,
        remaining: &str,
    ) -> Result<(), Unsupported> {
        self.push("return write(out, o, ");
        self.int(i64::from(crate::ffi::outcome_code(answer.outcome)));
        self.push(", ");
        self.int(answer.rule.map_or(-1, i64::from));
        self.push(", ");
        self.int(answer.reason.map_or(-1, i64::from));
        self.push(", ");
        let mut any = false;
        for (n, alternative) in answer.alternatives.iter().take(32).enumerate() {
            if any {
                self.push(" + ");
            }
            any = true;
            let bit = 1u64 << n;
            match &alternative.when {
                None => self.int(bit as i64),
                Some(when) => {
                    self.push("((");
                    self.cond(action, when, false)?;
                    self.push(") ? ");
                    self.int(bit as i64);
                    self.push(" : 0)");
                }
            }
        }
        if !any {
            self.push("0");
        }
        self.push(", ");
        self.push(remaining);
        self.push(");\n");
        Ok(())
    }

    /// The JavaScript of a condition; windows note when they flip where `noting`.
    #[inline(never)]
    fn cond(
        &mut self,
        action: &'p Action,
        cond: &'p Cond,
        noting: bool,
    ) -> Result<(), Unsupported> {
        match cond {
            Cond::All(items) | Cond::Any(items) => {
                let (join, empty) = match cond {
                    Cond::All(_) => (" && ", "true"),
                    _ => (" || ", "false"),
                };
                if items.is_empty() {
                    self.push(empty);
                    return Ok(());
                }
                self.push("(");
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        self.push(join);
                    }
                    self.cond(action, item, noting)?;
                }
                self.push(")");
            }
            Cond::Not(inner) => {
                self.push("!");
                self.cond(action, inner, noting)?;
            }
            Cond::In { slot, mask } => self.membership(*slot, *mask)?,
            Cond::Is(slot) => match self.program.facts.get(usize::from(*slot)) {
                Some(fact) if fact.ty == Ty::Boolean => {
                    let v = self.fact(*slot)?;
                    self.push("(");
                    self.push(&v);
                    self.push(" === 1)");
                }
                _ => self.push("false"),
            },
            Cond::Present(slot) => match self.program.facts.get(usize::from(*slot)) {
                Some(fact) if fact.default.is_some() => self.push("true"),
                Some(_) => {
                    let v = self.fact(*slot)?;
                    self.push("(");
                    self.present(&v);
                    self.push(")");
                }
                None => self.push("false"),
            },
            Cond::Compare { op, left, right } => {
                let l = self.operand(action, left)?;
                let r = self.operand(action, right)?;
                self.compare(*op, l, r);
            }
            Cond::Window {
                kind,
                slot,
                duration,
                edge,
            } => {
                let length = match duration {
                    Duration::Minutes(n) => i64::from(*n) * 60_000,
                    Duration::Hours(n) => i64::from(*n) * 3_600_000,
                    // Dates in the policy's time zone, weekends and holidays: the module's.
                    Duration::Days(_) | Duration::BusinessDays(_) => return Err(Unsupported),
                };
                let since = match self.program.facts.get(usize::from(*slot)) {
                    Some(fact) if fact.ty == Ty::Timestamp => self.fact(*slot)?,
                    _ => {
                        self.push("false");
                        return Ok(());
                    }
                };
                let mode = match (kind, edge) {
                    (WindowKind::Within, Edge::Inclusive) => "0",
                    (WindowKind::Within, Edge::Exclusive) => "1",
                    (WindowKind::Elapsed, Edge::Inclusive) => "2",
                    (WindowKind::Elapsed, Edge::Exclusive) => "3",
                };
                self.push("win(");
                self.push(&since);
                self.push(", now, ");
                self.int(length);
                self.push(", ");
                self.push(mode);
                self.push(if noting { ", true)" } else { ", false)" });
            }
        }
        Ok(())
    }

    /// A status fact within a set of statuses.
    #[inline(never)]
    fn membership(&mut self, slot: u16, mask: u128) -> Result<(), Unsupported> {
        let statuses = match self.program.facts.get(usize::from(slot)).map(|f| &f.ty) {
            Some(Ty::Domain(d)) => self
                .program
                .domains
                .get(usize::from(*d))
                .map_or(0, |d| d.ids().len()),
            _ => {
                self.push("false");
                return Ok(());
            }
        };
        let members: Vec<usize> = (0..statuses.min(128))
            .filter(|&s| (mask >> s) & 1 == 1)
            .collect();
        let v = self.fact(slot)?;
        if members.is_empty() {
            self.push("false");
        } else if members.len() == statuses {
            // Every status: present is enough (a checked status is always one of them).
            self.push("(");
            self.present(&v);
            self.push(")");
        } else if members.len() > 3 && statuses <= 31 {
            // NaN shifts as 0: test presence first.
            self.push("(");
            self.present(&v);
            self.push(" && ((");
            self.int(mask as u32 as i64);
            self.push(" >>> ");
            self.push(&v);
            self.push(") & 1) === 1)");
        } else {
            self.push("(");
            for (n, s) in members.iter().enumerate() {
                if n > 0 {
                    self.push(" || ");
                }
                self.push(&v);
                self.push(" === ");
                self.int(*s as i64);
            }
            self.push(")");
        }
        Ok(())
    }

    /// The expression of fact `slot`'s number, its default applied (a text default is read by
    /// [`Script::operand`]).
    #[inline(never)]
    fn fact(&self, slot: u16) -> Result<String, Unsupported> {
        let default = (self.program.facts.get(usize::from(slot))).and_then(|f| f.default.as_ref());
        match default {
            Some(Val::Str(_)) | None => Ok(format!("n{slot}")),
            Some(v) => number_of(v).map(|_| format!("d{slot}")).ok_or(Unsupported),
        }
    }

    #[inline(never)]
    fn operand(&self, action: &Action, op: &'p Operand) -> Result<Value<'p>, Unsupported> {
        let declared = |ty: &Ty, expr: String| match ty {
            Ty::String => Value::Absent,
            _ => Value::Number(kind_of(ty), expr),
        };
        Ok(match op {
            Operand::Fact(slot) => match self.program.facts.get(usize::from(*slot)) {
                Some(fact) => match (&fact.ty, &fact.default) {
                    (Ty::String, Some(Val::Str(text))) => Value::Text(text.as_str()),
                    (ty, _) => declared(ty, self.fact(*slot)?),
                },
                None => Value::Absent,
            },
            Operand::Param(i) => match action.params.get(usize::from(*i)) {
                Some(param) => declared(&param.ty, format!("p{i}")),
                None => Value::Absent,
            },
            Operand::ActorAttr(i) => match self.program.attributes.get(usize::from(*i)) {
                Some(attribute) => {
                    let n = self.program.facts.len() + usize::from(*i);
                    declared(&attribute.ty, format!("n{n}"))
                }
                None => Value::Absent,
            },
            Operand::ActorId => Value::Absent,
            Operand::Const(Val::Str(text)) => Value::Text(text.as_str()),
            Operand::Const(v) => match number_of(v) {
                Some(text) => Value::Number(value_kind(v), text),
                None => return Err(Unsupported),
            },
        })
    }

    #[inline(never)]
    fn compare(&mut self, op: CompareOp, l: Value<'p>, r: Value<'p>) {
        let (l, r) = match (l, r) {
            (Value::Text(a), Value::Text(b)) => {
                let holds = holds(op, a.cmp(b));
                self.push(if holds { "true" } else { "false" });
                return;
            }
            (Value::Number(lk, l), Value::Number(rk, r)) if comparable(lk, rk) => (l, r),
            _ => {
                self.push("false");
                return;
            }
        };
        let sym = match op {
            CompareOp::Eq => " === ",
            CompareOp::Ne => " !== ",
            CompareOp::Lt => " < ",
            CompareOp::Le => " <= ",
            CompareOp::Gt => " > ",
            CompareOp::Ge => " >= ",
        };
        self.push("(");
        if op == CompareOp::Ne {
            // NaN (absent) is unequal to everything: both must be present first.
            for side in [&l, &r] {
                self.present(side);
                self.push(" && ");
            }
        }
        self.push(&l);
        self.push(sym);
        self.push(&r);
        self.push(")");
    }
}

/// A verdict to write.
struct Answer<'p> {
    outcome: Outcome,
    rule: Option<u32>,
    reason: Option<u16>,
    alternatives: &'p [Alternative],
}

fn fallback_answer(otherwise: &Otherwise) -> Answer<'_> {
    Answer {
        outcome: Outcome::Denied,
        rule: None,
        reason: Some(otherwise.reason),
        alternatives: &otherwise.alternatives,
    }
}

fn value_kind(v: &Val) -> Kind {
    match v {
        Val::Bool(_) => Kind::Bool,
        Val::Int(_) => Kind::Int,
        Val::Num(_) => Kind::Num,
        Val::Money(_) => Kind::Money,
        Val::Time(_) => Kind::Time,
        Val::Str(_) => Kind::Str,
        Val::Status(_) => Kind::Status,
    }
}

/// A value as a JavaScript number literal; `None` for text and for whole numbers a JavaScript
/// number cannot hold exactly.
fn number_of(v: &Val) -> Option<String> {
    let whole = |n: i64| (n.unsigned_abs() <= MAX_EXACT as u64).then(|| n.to_string());
    match v {
        Val::Bool(b) => Some(if *b { "1" } else { "0" }.to_owned()),
        Val::Int(n) | Val::Money(n) => whole(*n),
        Val::Num(n) => {
            let mut text = String::new();
            crate::json_text::write_f64(*n, &mut text);
            Some(text)
        }
        Val::Time(t) => whole(t.millis()),
        Val::Status(s) => Some(s.to_string()),
        Val::Str(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::Policy;

    /// The actions whose verdict the script leaves to the module.
    fn left_to_the_module(policy: &Policy) -> Vec<String> {
        let script = crate::ffi::verdict_script(policy);
        (policy.layout().actions.iter().enumerate())
            .filter(|(i, _)| script.contains(&format!("case {i}: {{\nreturn 2;\n}}")))
            .map(|(_, a)| a.name.clone())
            .collect()
    }

    #[test]
    fn only_windows_of_calendar_or_business_days_are_left_to_the_module() {
        let every = include_str!("../../tests/policies/every-condition.json");
        let policy = Policy::from_json(every).unwrap();
        assert_eq!(
            left_to_the_module(&policy),
            [
                "within_exclusive_days",
                "elapsed_business_days",
                "within_default"
            ]
        );
        let bench = include_str!("../../bench/policies/ordergate.json");
        assert!(left_to_the_module(&Policy::from_json(bench).unwrap()).is_empty());
    }

    #[test]
    fn actions_past_the_length_v8_optimizes_are_left_to_the_module() {
        let bench = include_str!("../../bench/policies/ordergate.json");
        let mut document: serde_json::Value = serde_json::from_str(bench).unwrap();
        let statuses = ["pending", "to_confirm", "to_pack", "to_pickup", "shipped"];
        let rules = document["rules"].as_array_mut().unwrap();
        // Rules of `refund` first, in front of the others, each a distinct window.
        for hours in 1..400u32 {
            let status = statuses[hours as usize % statuses.len()];
            rules.insert(
                0,
                serde_json::json!({
                    "id": format!("refund-window-{hours}"),
                    "action": "refund",
                    "when": {"all": [
                        {"in": {"logistics_status": [status]}},
                        {"within": {"since": "shipped_at", "for": {"hours": hours}, "edge": "inclusive"}}
                    ]},
                    "outcome": "allowed"
                }),
            );
        }
        let policy = Policy::from_json(&document.to_string()).unwrap();
        let script = crate::ffi::verdict_script(&policy);
        assert!(
            script.len() <= super::MAX_SCRIPT_CHARS + 200,
            "{}",
            script.len()
        );
        assert_eq!(left_to_the_module(&policy), ["refund"]);
    }
}
