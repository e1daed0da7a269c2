//! Per action, the rules a verdict has to look at, found by the actor's role and the status of
//! one fact (the pivot): rules of other roles, and rules whose condition that status already makes
//! false, are left out; rules it makes true match without evaluating anything. A verdict then reads
//! one slice of a table instead of testing every rule's roles and memberships one after another,
//! each test a branch the processor cannot predict when questions vary. The full decision, whose
//! trace names every rule passed over, still walks all of the action's rules.
//!
//! Leaving a rule out must not change anything a verdict reports: only conditions without a time
//! window are settled here, since evaluating a window also notes when it flips.

use super::program::{Cond, Program, Rule, Slot, Ty};

/// Entries a table may hold per action; past it the action is shortlisted by role alone.
const MAX_ENTRIES: usize = 1 << 16;

/// An entry's top bit: the rule's condition holds for this role and status.
const SETTLED: u32 = 1 << 31;

/// The rules to try, in document order, per role and pivot status.
#[derive(Debug, Clone, Default)]
pub(crate) struct Shortlist {
    /// The fact whose status picks the row; none when no rule of the action tests a status.
    pivot: Option<Slot>,
    /// Rows per role: one per status of the pivot, after one for an absent pivot.
    stride: usize,
    /// Where each row's entries start in `entries`, with the end of the last.
    starts: Vec<u32>,
    /// Rule indexes into `Program::rules`; [`SETTLED`] marks a rule that matches unchecked.
    entries: Vec<u32>,
}

/// One rule to try.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Candidate {
    /// The rule matches: its condition holds for every question with this role and status.
    Settled(u32),
    /// The rule matches if its condition holds.
    Check(u32),
}

impl Shortlist {
    /// The fact whose status the caller reads before [`Shortlist::candidates`].
    pub fn pivot(&self) -> Option<Slot> {
        self.pivot
    }

    /// Its parts, as a compiled policy writes them: pivot, stride, row starts, entries.
    pub fn parts(&self) -> (Option<Slot>, usize, &[u32], &[u32]) {
        (self.pivot, self.stride, &self.starts, &self.entries)
    }

    /// A shortlist from a compiled policy's parts, or `None` when its rows do not fit in its
    /// entries (each row's start at most its end, the last end at most the entries' count).
    pub fn from_parts(
        pivot: Option<Slot>,
        stride: usize,
        starts: Vec<u32>,
        entries: Vec<u32>,
    ) -> Option<Shortlist> {
        let ordered = starts.windows(2).all(|w| w[0] <= w[1]);
        let fits = starts
            .last()
            .is_none_or(|&end| end as usize <= entries.len());
        (ordered && fits).then_some(Shortlist {
            pivot,
            stride,
            starts,
            entries,
        })
    }

    /// Every rule index it holds, settled or not.
    pub fn rules(&self) -> impl Iterator<Item = u32> + '_ {
        self.entries.iter().map(|&e| e & !SETTLED)
    }

    /// The rules to try for `role` when the pivot holds `status` (`None`: absent, or no pivot).
    pub fn candidates(
        &self,
        role: u16,
        status: Option<u8>,
    ) -> impl Iterator<Item = Candidate> + '_ {
        let row = usize::from(role) * self.stride + status.map_or(0, |s| usize::from(s) + 1);
        let range = match (self.starts.get(row), self.starts.get(row + 1)) {
            (Some(&start), Some(&end)) => start as usize..end as usize,
            _ => 0..0,
        };
        self.entries[range].iter().map(|&e| {
            if e & SETTLED != 0 {
                Candidate::Settled(e & !SETTLED)
            } else {
                Candidate::Check(e)
            }
        })
    }
}

/// A rule of the action: its index, the rule, and the condition the pivot may settle.
type ActionRule<'p> = (u32, &'p Rule, Option<&'p Cond>);

/// The shortlist of the action whose rules (indexes into `program.rules`) are `rules`.
pub(super) fn build(program: &Program, rules: &[u32]) -> Shortlist {
    let roles = program.roles.len();
    // The action's rules, each with the condition the pivot may settle: none for a rule without
    // a condition (it always holds), nor for one with a window (evaluating it also bounds the
    // answer, so it is never settled early).
    let action_rules: Vec<ActionRule> = (rules.iter())
        .filter_map(|&index| {
            let rule = program.rules.get(index as usize)?;
            let settleable = rule.when.as_ref().filter(|w| !w.has_window());
            Some((index, rule, settleable))
        })
        .collect();
    let pivot = pivot(program, &action_rules).filter(|&(_, statuses)| {
        roles
            .saturating_mul(statuses + 1)
            .saturating_mul(rules.len())
            <= MAX_ENTRIES
    });
    let stride = pivot.map_or(1, |(_, statuses)| statuses + 1);
    let pivot = pivot.map(|(slot, _)| slot);
    let mut starts = Vec::with_capacity(roles * stride + 1);
    let mut entries = Vec::new();
    for role in 0..roles {
        for row in 0..stride {
            starts.push(entries.len() as u32);
            // Row 0 is an absent pivot; row n is status n - 1.
            let status = row.checked_sub(1).map(|s| s as u8);
            for &(index, rule, settleable) in &action_rules {
                if role >= 64 || rule.roles & (1u64 << role) == 0 {
                    continue;
                }
                let known = match (&rule.when, settleable, pivot) {
                    (None, _, _) => Some(true),
                    (Some(_), Some(when), Some(pivot)) => value(when, pivot, status),
                    _ => None,
                };
                match known {
                    Some(true) => {
                        entries.push(index | SETTLED);
                        // Nothing after a rule that always matches is ever reached.
                        break;
                    }
                    Some(false) => {}
                    None => entries.push(index),
                }
            }
        }
    }
    starts.push(entries.len() as u32);
    Shortlist {
        pivot,
        stride,
        starts,
        entries,
    }
}

/// The status fact the rules' settleable conditions test most often, with its number of
/// statuses.
fn pivot(program: &Program, action_rules: &[ActionRule<'_>]) -> Option<(Slot, usize)> {
    let mut counts: Vec<(Slot, usize)> = Vec::new();
    for &(_, _, when) in action_rules {
        if let Some(when) = when {
            count_tests(when, &mut counts);
        }
    }
    let (slot, _) = counts
        .iter()
        .copied()
        .max_by_key(|&(slot, n)| (n, std::cmp::Reverse(slot)))?;
    match program.facts.get(usize::from(slot))?.ty {
        Ty::Domain(d) => Some((slot, program.domains.get(usize::from(d))?.ids().len())),
        _ => None,
    }
}

/// Counts, per fact, the status memberships of a condition.
fn count_tests(cond: &Cond, counts: &mut Vec<(Slot, usize)>) {
    match cond {
        Cond::All(items) | Cond::Any(items) => items.iter().for_each(|c| count_tests(c, counts)),
        Cond::Not(inner) => count_tests(inner, counts),
        Cond::In { slot, .. } => match counts.iter_mut().find(|(s, _)| s == slot) {
            Some((_, n)) => *n += 1,
            None => counts.push((*slot, 1)),
        },
        _ => {}
    }
}

/// The value of a condition without windows when only the pivot's status is known (`None` when
/// the rest decides): such a condition has no effect but its value, so knowing it early changes
/// nothing else.
fn value(cond: &Cond, pivot: Slot, status: Option<u8>) -> Option<bool> {
    match cond {
        Cond::All(items) => combined(items, false, pivot, status),
        Cond::Any(items) => combined(items, true, pivot, status),
        Cond::Not(inner) => value(inner, pivot, status).map(|v| !v),
        Cond::In { slot, mask } if *slot == pivot => {
            Some(status.is_some_and(|s| s < 128 && (mask >> s) & 1 == 1))
        }
        Cond::Present(slot) if *slot == pivot => Some(status.is_some()),
        _ => None,
    }
}

/// All (`decisive` false) or any (`decisive` true) of `items`: one known `decisive` item decides;
/// otherwise every item must be known.
fn combined(items: &[Cond], decisive: bool, pivot: Slot, status: Option<u8>) -> Option<bool> {
    let mut known = Some(!decisive);
    for item in items {
        match value(item, pivot, status) {
            Some(v) if v == decisive => return Some(decisive),
            Some(_) => {}
            None => known = None,
        }
    }
    known
}
