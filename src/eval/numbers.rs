//! Questions written as numbers: the layout a caller encodes with, and the reading of one row in
//! place. Every number is checked exactly as its JSON form would be; a row that cannot be read as
//! the JSON reader would read it is refused (`None`), and the caller asks through JSON instead,
//! which gives the same answer or the precise error. Conditions then read the row's numbers
//! directly ([`RowValues`]): nothing is copied into a question.

use super::values::{ValRef, Values};
use crate::api::{self, ActionLayout, AlternativeLayout, Layout, RuleLayout, SlotKind, SlotLayout};
use crate::compile::program::{
    Action, Alternative, AlternativeKind, Cond, Param, Program, Slot, Ty, Val, ROW_HEADER as HEADER,
};
use crate::eval::choose::fallback;
use crate::money::MAX_MINOR_UNITS;
use crate::time::{Timestamp, MAX_MILLIS, MIN_MILLIS};

/// Within ±1e15 a number is written back the same way in every runtime (as in JSON input).
const MAX_NUMBER: f64 = 1e15;

fn slot_kind(ty: &Ty) -> SlotKind {
    match ty {
        Ty::Boolean => SlotKind::Boolean,
        Ty::Counter => SlotKind::Counter,
        Ty::Number => SlotKind::Number,
        Ty::Money(_) => SlotKind::Money,
        Ty::Timestamp => SlotKind::Timestamp,
        Ty::String => SlotKind::String,
        Ty::Domain(_) => SlotKind::Status,
    }
}

fn slot(program: &Program, name: &str, ty: &Ty) -> SlotLayout {
    SlotLayout {
        name: name.to_owned(),
        kind: slot_kind(ty),
        values: match ty {
            Ty::Domain(d) => program.domains[*d as usize].ids().to_vec(),
            _ => Vec::new(),
        },
    }
}

fn params(program: &Program, declared: &[Param]) -> Vec<SlotLayout> {
    declared
        .iter()
        .map(|p| slot(program, &p.name, &p.ty))
        .collect()
}

fn alternatives(program: &Program, list: &[Alternative]) -> Vec<AlternativeLayout> {
    let code = |m: u16| {
        program
            .messages
            .get(m as usize)
            .map(|(c, _)| c.clone())
            .unwrap_or_default()
    };
    list.iter()
        .map(|a| match &a.kind {
            AlternativeKind::Action(i) => AlternativeLayout {
                kind: api::AlternativeKind::Action,
                target: program.actions[*i as usize].name.clone(),
                code: code(a.message),
            },
            AlternativeKind::Contact(party) => AlternativeLayout {
                kind: api::AlternativeKind::Contact,
                target: party.clone(),
                code: code(a.message),
            },
            AlternativeKind::WaitFor(slot, status) => {
                let target = match program.facts[*slot as usize].ty {
                    Ty::Domain(d) => program.domains[d as usize].ids()[*status as usize].clone(),
                    _ => String::new(),
                };
                AlternativeLayout {
                    kind: api::AlternativeKind::Wait,
                    target,
                    code: code(a.message),
                }
            }
        })
        .collect()
}

fn max_params(program: &Program) -> usize {
    program.row_length - HEADER - program.facts.len() - program.attributes.len()
}

/// Whether a window is read by the action's rules or by the alternatives they or its denial offer
/// (limits read counters, never the instant).
fn timed(program: &Program, action: &Action) -> bool {
    let windowed = |when: &Option<Cond>| when.as_ref().is_some_and(Cond::has_window);
    let offers_windowed = |list: &[Alternative]| list.iter().any(|a| windowed(&a.when));
    (action.rules.iter())
        .filter_map(|&i| program.rules.get(i as usize))
        .any(|r| windowed(&r.when) || offers_windowed(&r.alternatives))
        || offers_windowed(&fallback(program, action).alternatives)
}

pub(crate) fn layout(program: &Program) -> Layout {
    Layout {
        facts: program
            .facts
            .iter()
            .map(|f| slot(program, &f.name, &f.ty))
            .collect(),
        attributes: params(program, &program.attributes),
        roles: program.roles.iter().map(|r| r.name.clone()).collect(),
        actions: program
            .actions
            .iter()
            .map(|a| ActionLayout {
                name: a.name.clone(),
                params: params(program, &a.params),
                fallback_alternatives: alternatives(program, &fallback(program, a).alternatives),
                timed: timed(program, a),
            })
            .collect(),
        rules: program
            .rules
            .iter()
            .map(|r| RuleLayout {
                id: r.id.clone(),
                approver: r.approver.map(|a| program.roles[a as usize].name.clone()),
                alternatives: alternatives(program, &r.alternatives),
            })
            .collect(),
        messages: program.messages.iter().map(|(c, _)| c.clone()).collect(),
        max_params: max_params(program),
        row_length: program.row_length,
    }
}

/// Whether `n` has no fraction. `trunc` is one instruction in WebAssembly (measured: 124 against
/// 133 ns per row in the module) but a library call on baseline x86-64, where converting to an
/// integer and back is cheaper. Both are exact wherever a range check lets a number through.
#[inline(always)]
fn is_whole(n: f64) -> bool {
    if cfg!(target_arch = "wasm32") {
        n.trunc() == n
    } else {
        // Adding 2^52 rounds away any fraction of a smaller magnitude; from 2^52 on, every
        // number is whole.
        const TWO_52: f64 = 4_503_599_627_370_496.0;
        let a = n.abs();
        (a >= TWO_52) | ((a + TWO_52) - TWO_52 == a)
    }
}

/// A whole number within `0..len`.
#[inline(always)]
fn index(n: f64, len: usize) -> Option<usize> {
    (n >= 0.0 && n < len as f64 && is_whole(n)).then_some(n as usize)
}

/// How one number of a row is checked, exactly as the JSON reader checks the value it stands
/// for: a present number must lie within `lo..=hi` (and be whole where `whole`); an absent one
/// (NaN) is accepted only where `absent_ok`. Text, which a row cannot carry, has an empty range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Check {
    pub lo: f64,
    pub hi: f64,
    pub whole: bool,
    pub absent_ok: bool,
}

impl Check {
    fn of(program: &Program, ty: &Ty, absent_ok: bool) -> Check {
        // The largest number below MAX_NUMBER: `n <= below_max` is the JSON reader's `|n| < 1e15`.
        let below_max = f64::from_bits(MAX_NUMBER.to_bits() - 1);
        let units = MAX_MINOR_UNITS as f64;
        let (lo, hi, whole) = match ty {
            Ty::Boolean => (0.0, 1.0, true),
            Ty::Counter => (0.0, units, true),
            Ty::Number => (-below_max, below_max, false),
            Ty::Money(_) => (-units, units, true),
            Ty::Timestamp => return Check { absent_ok, ..NOW },
            Ty::Domain(d) => {
                let statuses = program.domains[*d as usize].ids().len();
                (0.0, statuses as f64 - 1.0, true)
            }
            Ty::String => (f64::INFINITY, f64::NEG_INFINITY, false),
        };
        Check {
            lo,
            hi,
            whole,
            absent_ok,
        }
    }

    /// Without branches: the row loop runs this for every number of every row, and whether a
    /// value is absent varies from row to row.
    #[inline(always)]
    fn accepts(self, n: f64) -> bool {
        // NaN fails every comparison, so only `absent_ok` can accept it.
        let whole = !self.whole | is_whole(n);
        let present = (n >= self.lo) & (n <= self.hi) & whole;
        present | (self.absent_ok & n.is_nan())
    }
}

/// `now`: a timestamp, required.
pub(crate) const NOW: Check = Check {
    lo: MIN_MILLIS as f64,
    hi: MAX_MILLIS as f64,
    whole: true,
    absent_ok: false,
};

/// The checks of a policy's rows, built once when it loads.
#[derive(Debug, Clone)]
pub(crate) struct RowChecks {
    /// The facts, then the attributes: the numbers after the header.
    pub declared: Vec<Check>,
    /// Per action, its parameters.
    pub params: Vec<Vec<Check>>,
}

pub(crate) fn row_checks(program: &Program) -> RowChecks {
    let facts = program
        .facts
        .iter()
        .map(|f| Check::of(program, &f.ty, f.optional || f.default.is_some()));
    let attributes = program
        .attributes
        .iter()
        .map(|a| Check::of(program, &a.ty, true));
    RowChecks {
        declared: facts.chain(attributes).collect(),
        params: program
            .actions
            .iter()
            .map(|a| {
                a.params
                    .iter()
                    .map(|p| Check::of(program, &p.ty, true))
                    .collect()
            })
            .collect(),
    }
}

/// A checked number as the value it stands for; NaN is absent. Text never reaches here.
#[inline(always)]
fn checked_value(ty: &Ty, n: f64) -> Option<ValRef<'static>> {
    if n.is_nan() {
        return None;
    }
    Some(match ty {
        Ty::Boolean => ValRef::Bool(n == 1.0),
        Ty::Counter => ValRef::Int(n as i64),
        Ty::Number => ValRef::Num(if n == 0.0 { 0.0 } else { n }),
        Ty::Money(_) => ValRef::Money(n as i64),
        Ty::Timestamp => ValRef::Time(Timestamp::from_millis(n as i64)),
        Ty::Domain(_) => ValRef::Status(n as u8),
        Ty::String => return None,
    })
}

/// A checked row, read in place: a value is made only when a condition asks for it.
pub(crate) struct RowValues<'a> {
    program: &'a Program,
    action: &'a Action,
    facts: &'a [f64],
    attributes: &'a [f64],
    params: &'a [f64],
}

impl Values for RowValues<'_> {
    #[inline]
    fn fact(&self, slot: Slot) -> Option<ValRef<'_>> {
        let fact = self.program.facts.get(slot as usize)?;
        let n = *self.facts.get(slot as usize)?;
        if n.is_nan() {
            fact.default.as_ref().map(Val::as_ref)
        } else {
            checked_value(&fact.ty, n)
        }
    }

    #[inline]
    fn param(&self, index: u8) -> Option<ValRef<'_>> {
        let param = self.action.params.get(index as usize)?;
        checked_value(&param.ty, *self.params.get(index as usize)?)
    }

    #[inline]
    fn attribute(&self, index: u16) -> Option<ValRef<'_>> {
        let attribute = self.program.attributes.get(index as usize)?;
        checked_value(&attribute.ty, *self.attributes.get(index as usize)?)
    }

    fn actor_id(&self) -> Option<ValRef<'_>> {
        None
    }
}

/// The header of a checked row, and its values.
pub(crate) struct Row<'a> {
    pub action: u16,
    pub role: u16,
    pub now: Timestamp,
    pub values: RowValues<'a>,
}

/// Checks one row; `None` when it is not what the layout describes, or holds what only JSON can
/// carry (a missing required fact, a value the JSON reader would refuse).
pub(crate) fn check_row<'a>(
    program: &'a Program,
    checks: &RowChecks,
    row: &'a [f64],
) -> Option<Row<'a>> {
    let declared = HEADER + checks.declared.len();
    let (header, rest) = row.split_at_checked(HEADER)?;
    let action = index(header[0], program.actions.len())?;
    let role = index(header[1], program.roles.len())?;
    let now = header[2];
    if !NOW.accepts(now) || row.len() < declared {
        return None;
    }
    let mut ok = true;
    for (check, &n) in checks.declared.iter().zip(rest) {
        ok &= check.accepts(n);
    }
    let params = &row[declared..];
    let param_checks = &checks.params[action];
    ok &= params.len() >= param_checks.len();
    for (check, &n) in param_checks.iter().zip(params) {
        ok &= check.accepts(n);
    }
    if !ok {
        return None;
    }
    let facts = program.facts.len();
    Some(Row {
        action: action as u16,
        role: role as u16,
        now: Timestamp::from_millis(now as i64),
        values: RowValues {
            program,
            action: &program.actions[action],
            facts: &rest[..facts],
            attributes: &rest[facts..declared - HEADER],
            params,
        },
    })
}
