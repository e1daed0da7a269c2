//! Applying a decision to the facts it was taken on, to get the next facts.

use super::input::{self, FactValues};
use super::json::val_to_json;
use crate::api::{Change, PolicyStamp};
use crate::compile::program::Program;
use crate::error::{Code, Error};
use crate::json_text::show;
use crate::policy::reader::Place;

/// Applies a decision's `changes` in order. Refuses a decision of another policy (`taken_by`),
/// and one whose `from` values no longer match the facts (the order moved on since it was decided).
pub(crate) fn apply(
    program: &Program,
    stamp: &PolicyStamp,
    facts: &mut FactValues,
    taken_by: &PolicyStamp,
    changes: &[Change],
) -> Result<(), Error> {
    if taken_by.hash != stamp.hash {
        return Err(Error::input(
            Code::InvalidDecision,
            "$.decision.policy.hash",
            format!("this decision was taken by policy '{}' {} ({}), not by this one; decide again with this policy", taken_by.id, taken_by.version, taken_by.hash),
        ));
    }
    let calendar = &program.calendar;
    for (i, change) in changes.iter().enumerate() {
        let path = format!("$.decision.changes[{i}]");
        let Some(slot) = program.fact_index.get(&change.fact) else {
            return Err(Error::input(
                Code::InvalidDecision,
                format!("{path}.fact"),
                format!("the policy declares no fact '{}'", change.fact),
            ));
        };
        let fact = &program.facts[slot as usize];
        let current = val_to_json(program, &fact.ty, facts.0[slot as usize].as_ref(), calendar);
        if current != change.from {
            return Err(Error::input(
                Code::InvalidDecision,
                format!("{path}.from"),
                format!("'{}' is {} in these facts, but the decision expected {}; decide again on the current facts", change.fact, show(&current), show(&change.from)),
            ));
        }
        facts.0[slot as usize] = if change.to.is_null() {
            if !fact.optional {
                return Err(Error::input(
                    Code::InvalidDecision,
                    format!("{path}.to"),
                    format!("'{}' cannot be null", change.fact),
                ));
            }
            None
        } else {
            Some(input::value(
                program,
                &fact.ty,
                &change.to,
                Place {
                    parent: &path,
                    key: "to",
                },
            )?)
        };
    }
    Ok(())
}
