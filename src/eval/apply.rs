//! Applying a decision to the facts it was taken on, to get the next facts.

use super::input::{self, FactValues};
use super::json::val_to_json;
use crate::api::{Decision, PolicyStamp};
use crate::compile::program::Program;
use crate::error::{Code, Error};

/// Applies `decision.changes` in order. Refuses a decision of another policy, and one whose
/// `from` values no longer match the facts (the order moved on since it was decided).
pub(crate) fn apply(
    program: &Program,
    stamp: &PolicyStamp,
    facts: &mut FactValues,
    decision: &Decision,
) -> Result<(), Error> {
    if decision.policy.hash != stamp.hash {
        return Err(Error::input(
            Code::InvalidDecision,
            "$.decision.policy.hash",
            format!("this decision was taken by policy '{}' {} ({}), not by this one; decide again with this policy", decision.policy.id, decision.policy.version, decision.policy.hash),
        ));
    }
    let zone = program.calendar.zone();
    for (i, change) in decision.changes.iter().enumerate() {
        let path = format!("$.decision.changes[{i}]");
        let Some(&slot) = program.fact_index.get(&change.fact) else {
            return Err(Error::input(
                Code::InvalidDecision,
                format!("{path}.fact"),
                format!("the policy declares no fact '{}'", change.fact),
            ));
        };
        let fact = &program.facts[slot as usize];
        let current = val_to_json(program, &fact.ty, facts.0[slot as usize].as_ref(), zone);
        if current != change.from {
            return Err(Error::input(
                Code::InvalidDecision,
                format!("{path}.from"),
                format!("'{}' is {current} in these facts, but the decision expected {}; decide again on the current facts", change.fact, change.from),
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
                &format!("{path}.to"),
            )?)
        };
    }
    Ok(())
}
