//! [`Policy`]: a validated, compiled policy and the three questions it answers.

use crate::api::{Decision, Layout, PolicyStamp};
use crate::compile::program::{Program, Val};
use crate::error::{Code, Error, Issue};
use crate::eval::decide::{Decider, Mode};
use crate::eval::input::Question;
use crate::eval::verdict::{self, Prepared, Verdict};
use crate::eval::{apply, input, json, numbers};
use crate::json_parse;
use crate::policy::model::Document;
use serde_json::Value;
use std::sync::{Arc, OnceLock};

#[cfg(feature = "compiler")]
mod from_json;

/// A policy, validated and compiled, ready to decide.
///
/// ```
/// use ordergate::{Policy, Outcome};
/// use serde_json::json;
///
/// let policy = ordergate::builtin("fr-backoffice").unwrap();
/// let request = json!({
///     "facts": {"logistics": "en_attente_impression"},
///     "actor": {"role": "agent"},
///     "action": "check_cancellable",
///     "now": "2026-03-02T10:00:00+01:00"
/// });
/// let decision = policy.decide(&request).unwrap();
/// assert_eq!(decision.outcome, Outcome::Allowed);
/// assert_eq!(decision.reasons[0].message, "Commande annulable");
/// ```
#[derive(Debug, Clone)]
pub struct Policy {
    /// Shared with the questions it prepares, which are answered by the program that read them.
    program: Arc<Program>,
    /// How the numbers of a question row are checked.
    rows: numbers::RowChecks,
    id: String,
    version: String,
    origin: Origin,
    /// Known from the start for a compiled policy; hashed when first asked for one read from
    /// JSON: hashing is a tenth of a cold load in WebAssembly, and a verdict never needs it.
    stamp: OnceLock<PolicyStamp>,
}

/// Where a policy was read from, and what that leaves to know about it.
#[derive(Debug, Clone)]
enum Origin {
    /// A JSON document: the document, and what its hash is taken of.
    #[cfg(feature = "compiler")]
    Document {
        document: Box<Document>,
        hashed: from_json::HashSource,
    },
    /// A compiled policy: the summary its compiler wrote.
    Compiled { summary: String },
}

impl Policy {
    /// Reads a policy compiled by [`Policy::to_compiled`], without the JSON reader, validation
    /// and compiler [`Policy::from_json`] runs: it decides as the policy it was compiled from.
    /// Bytes of another format version, damaged or cut short are refused with
    /// [`Code::InvalidCompiled`], and a message that says to compile the policy again.
    ///
    /// ```
    /// let policy = ordergate::builtin("dropi").unwrap();
    /// let compiled = policy.to_compiled();
    /// let loaded = ordergate::Policy::from_compiled(&compiled).unwrap();
    /// assert_eq!(loaded.hash(), policy.hash());
    /// let error = ordergate::Policy::from_compiled(&compiled[..40]).unwrap_err();
    /// assert_eq!(error.issues()[0].code, ordergate::Code::InvalidCompiled);
    /// ```
    pub fn from_compiled(bytes: &[u8]) -> Result<Policy, Error> {
        let (about, program) = crate::compiled::read(bytes)?;
        Ok(Policy {
            rows: numbers::row_checks(&program),
            program: Arc::new(program),
            stamp: OnceLock::from(PolicyStamp {
                id: about.id.clone(),
                version: about.version.clone(),
                hash: about.hash,
            }),
            id: about.id,
            version: about.version,
            origin: Origin::Compiled {
                summary: about.summary,
            },
        })
    }

    /// The policy's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The version the policy declares.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// `sha256:` and the hash of the policy's canonical JSON (keys sorted, no spaces).
    ///
    /// ```
    /// let policy = ordergate::builtin("dropi").unwrap();
    /// assert!(policy.hash().starts_with("sha256:"));
    /// assert_eq!(policy.hash().len(), "sha256:".len() + 64);
    /// ```
    pub fn hash(&self) -> &str {
        &self.stamp().hash
    }

    /// What every decision carries to name the policy.
    fn stamp(&self) -> &PolicyStamp {
        self.stamp.get_or_init(|| PolicyStamp {
            id: self.id.clone(),
            version: self.version.clone(),
            hash: match &self.origin {
                #[cfg(feature = "compiler")]
                Origin::Document { hashed, .. } => hashed.hash(),
                // A compiled policy's stamp is set when it is read.
                Origin::Compiled { .. } => String::new(),
            },
        })
    }

    /// The document as loaded (names, labels, rules), for tools such as documentation
    /// generators; `None` for a policy read from its compiled form, which does not carry it.
    pub fn document(&self) -> Option<&Document> {
        match &self.origin {
            #[cfg(feature = "compiler")]
            Origin::Document { document, .. } => Some(document),
            Origin::Compiled { .. } => None,
        }
    }

    /// The summary a compiled policy carries, as [`crate::ffi::describe_json`] wrote it.
    pub(crate) fn compiled_summary(&self) -> Option<&str> {
        match &self.origin {
            Origin::Compiled { summary } => Some(summary),
            #[cfg(feature = "compiler")]
            Origin::Document { .. } => None,
        }
    }

    /// Decides one action: `{"facts", "actor", "action", "params"?, "now", "locale"?}`.
    pub fn decide(&self, request: &Value) -> Result<Decision, Error> {
        let (question, action, params) = self.read(request)?;
        let decider = Decider {
            program: &self.program,
            stamp: self.stamp(),
            question: &question,
        };
        decider.decide(action, &params, Mode::Decide)
    }

    /// Reads and checks a decide request once, to answer it many times with [`Policy::verdict`].
    pub fn prepare(&self, request: &Value) -> Result<Prepared, Error> {
        let (question, action, params) = self.read(request)?;
        Ok(Prepared {
            program: Arc::clone(&self.program),
            question,
            action,
            params,
        })
    }

    /// A decide request's question, action and parameters, checked.
    fn read(&self, request: &Value) -> Result<(Question, u16, Vec<Option<Val>>), Error> {
        let question = input::question(&self.program, request, &["action", "params"])?;
        let action_value = request.get("action").ok_or_else(|| {
            Error::input(Code::MissingField, "$.action", "the request needs 'action'")
        })?;
        let action = input::action(&self.program, action_value, "$.action")?;
        let declared = &self.program.actions[action as usize].params;
        let params = match request.get("params") {
            None | Some(Value::Null) => vec![None; declared.len()],
            Some(p) => input::named_values(
                &self.program,
                declared,
                p,
                "$.params",
                Code::UnknownParam,
                "parameter",
            )?,
        };
        Ok((question, action, params))
    }

    /// How to write questions as numbers for [`Policy::verdict_of_row`], and how to name a verdict's
    /// indexes: what the TypeScript SDK's fast path reads once per policy.
    pub fn layout(&self) -> Layout {
        numbers::layout(&self.program)
    }

    /// Numbers per question row (see [`Policy::layout`]).
    pub fn layout_row_length(&self) -> usize {
        self.program.row_length
    }

    /// The JavaScript that decides this policy's rows as [`Policy::verdict_of_row`] does (see
    /// [`crate::ffi::verdict_script`]).
    pub(crate) fn verdict_script(&self) -> String {
        crate::eval::javascript::verdict_script(&self.program, &self.rows)
    }

    /// The verdict of a row of numbers written as [`Policy::layout`] describes, read in place:
    /// the verdict [`Policy::prepare`] then [`Policy::verdict`] give for the same request in JSON.
    /// `None` when the row holds what only JSON can carry or what JSON input would refuse (a
    /// missing required fact, an out-of-range value): ask [`Policy::decide`], which answers or
    /// says why.
    ///
    /// ```
    /// let policy = ordergate::builtin("dropi").unwrap();
    /// let layout = policy.layout();
    /// let mut row = vec![f64::NAN; layout.row_length];
    /// row[0] = layout.actions.iter().position(|a| a.name == "cancel").unwrap() as f64;
    /// row[1] = layout.roles.iter().position(|r| r == "dropshipper").unwrap() as f64;
    /// row[2] = 1_772_463_600_000.0;
    /// row[3] = layout.facts[0].values.iter().position(|v| v == "pendiente").unwrap() as f64;
    /// let verdict = policy.verdict_of_row(&row).unwrap();
    /// assert_eq!(verdict.outcome, ordergate::Outcome::Allowed);
    /// row[3] = 99.0; // no such status
    /// assert_eq!(policy.verdict_of_row(&row), None);
    /// ```
    pub fn verdict_of_row(&self, row: &[f64]) -> Option<Verdict> {
        let checked = numbers::check_row(&self.program, &self.rows, row)?;
        Some(verdict::verdict(
            &self.program,
            checked.action,
            checked.role,
            checked.now,
            &checked.values,
        ))
    }

    /// The outcome, deciding rule, validity and chances of a prepared question, without texts,
    /// trace or allocation: the same choice [`Policy::decide`] makes.
    ///
    /// A question is answered by the policy that prepared it: its facts, action and parameters
    /// are held as that policy's indexes, which mean nothing to another one.
    ///
    /// ```
    /// use serde_json::json;
    /// let akulaku = ordergate::builtin("akulaku").unwrap();
    /// let dropi = ordergate::builtin("dropi").unwrap();
    /// let question = akulaku.prepare(&json!({
    ///     "facts": {"order": "shipped", "shipped_at": "2026-03-02T10:00:00+07:00"},
    ///     "actor": {"role": "seller"},
    ///     "action": "change_courier",
    ///     "now": "2026-03-03T10:00:00+07:00"
    /// })).unwrap();
    /// assert_eq!(dropi.verdict(&question), akulaku.verdict(&question));
    /// ```
    pub fn verdict(&self, prepared: &Prepared) -> Verdict {
        verdict::of_prepared(prepared)
    }

    /// The id of a rule by its index (as a [`Verdict`] gives it).
    pub fn rule_id(&self, index: u32) -> Option<&str> {
        self.program
            .rules
            .get(index as usize)
            .map(|r| r.id.as_str())
    }

    /// Every action of the policy with its outcome for this actor now, in declaration order:
    /// `{"facts", "actor", "now", "locale"?}`. Parameters are not given; `requires` lists them.
    pub fn available(&self, request: &Value) -> Result<Vec<Decision>, Error> {
        let question = input::question(&self.program, request, &[])?;
        let decider = Decider {
            program: &self.program,
            stamp: self.stamp(),
            question: &question,
        };
        (0..self.program.actions.len())
            .map(|a| {
                let params = vec![None; self.program.actions[a].params.len()];
                decider.decide(a as u16, &params, Mode::Preview)
            })
            .collect()
    }

    /// The facts after a decision taken on them: every declared fact, in declaration order.
    pub fn apply(&self, facts: &Value, decision: &Decision) -> Result<Value, Error> {
        self.apply_changes(facts, &decision.policy, &decision.changes)
    }

    /// [`Policy::apply`] given only what it reads of a decision: the policy that took it and its
    /// changes.
    pub(crate) fn apply_changes(
        &self,
        facts: &Value,
        taken_by: &crate::api::PolicyStamp,
        changes: &[crate::api::Change],
    ) -> Result<Value, Error> {
        let mut values = input::facts(&self.program, facts, "$.facts")?;
        apply::apply(&self.program, self.stamp(), &mut values, taken_by, changes)?;
        Ok(json::facts_to_json(&self.program, &values))
    }
}

/// A JSON syntax error as an issue, with its line and column.
pub(crate) fn json_error(e: &json_parse::SyntaxError) -> Issue {
    if e.too_deep {
        Issue::new(Code::TooDeep, "$", "the JSON nests too deeply")
    } else {
        Issue::new(Code::NotJson, "$", format!("not valid JSON: {}", e.message))
    }
}
