//! Compilation: resolves every name of the model to an index, checks types, translations and
//! reachability, and builds the [`Program`] that decisions run on.

pub(crate) mod name_index;
pub(crate) mod program;
mod reach;
mod resolve;
mod shortlist;

use crate::error::{did_you_mean, Code};
use crate::policy::model::*;
use crate::policy::reader::{index_path, key_path, Reader};
use crate::time::Calendar;
use name_index::NameIndex;
use program::*;
pub(crate) use resolve::{literal_value, type_name as resolve_type_name};

/// Compiles a loaded document. Problems are added to `r`; the program is returned only when the
/// document had none (the caller checks `r.issues`).
pub(crate) fn compile(r: &mut Reader, doc: &Document) -> Program {
    let languages = doc.languages.clone();
    let mut c = Compiler {
        r,
        languages: &languages,
    };
    c.translations(&doc.name, "$.name");

    let mut domains = Vec::new();
    let mut facts = Vec::new();
    // Each dimension's domain is the domain at its position: they are the first domains made.
    let dimension_domain = NameIndex::new(doc.dimensions.iter().map(|(name, _)| name));
    for (name, dim) in &doc.dimensions {
        let path = key_path("$.dimensions", name);
        c.translations(&dim.label, &key_path(&path, "label"));
        let ids: Vec<String> = dim.statuses.iter().map(|(id, _)| id.clone()).collect();
        for (id, label) in &dim.statuses {
            c.translations(
                label,
                &key_path(&key_path(&key_path(&path, "statuses"), id), "label"),
            );
        }
        let domain = push_domain(
            &mut domains,
            name,
            ids,
            dim.statuses.iter().map(|(_, l)| l.clone()).collect(),
        );
        let default = dim.default.as_ref().and_then(|d| {
            let found = domains[domain as usize].status(d);
            if found.is_none() {
                c.unknown_status(&key_path(&path, "default"), d, &domains[domain as usize]);
            }
            found.map(Val::Status)
        });
        facts.push(FactSlot {
            name: name.clone(),
            ty: Ty::Domain(domain),
            optional: false,
            default,
            is_dimension: true,
        });
    }
    for (name, fact) in &doc.facts {
        let path = key_path("$.facts", name);
        if dimension_domain.get(name).is_some() {
            c.r.report(
                Code::DuplicateId,
                &path,
                format!(
                    "'{name}' is already a dimension, and every dimension is a fact; rename one"
                ),
            );
            continue;
        }
        c.translations(&fact.label, &key_path(&path, "label"));
        let ty = match &fact.ty {
            ValueType::Status(dim) => match dimension_domain.get(dim) {
                Some(d) => Ty::Domain(d),
                None => {
                    let hint = did_you_mean(dim, doc.dimensions.iter().map(|(n, _)| n.as_str()));
                    c.r.report(
                        Code::UnknownFact,
                        key_path(&path, "dimension"),
                        format!("no dimension '{dim}' is declared.{hint}"),
                    );
                    continue;
                }
            },
            other => plain_type(other, name, &mut domains),
        };
        let default = fact.default.as_ref().and_then(|v| {
            let p = key_path(&path, "default");
            let found = literal_value(&ty, v, &domains);
            if found.is_none() {
                c.r.report(
                    Code::WrongType,
                    &p,
                    format!("the default does not fit the type of '{name}'"),
                );
            }
            found
        });
        facts.push(FactSlot {
            name: name.clone(),
            ty,
            optional: fact.optional,
            default,
            is_dimension: false,
        });
    }
    let fact_index = NameIndex::new(facts.iter().map(|f| &f.name));

    let roles: Vec<Role> = doc
        .roles
        .iter()
        .map(|(name, label)| {
            c.translations(label, &key_path(&key_path("$.roles", name), "label"));
            Role { name: name.clone() }
        })
        .collect();
    let role_index = NameIndex::new(roles.iter().map(|r| &r.name));
    let attributes: Vec<Param> = doc
        .actor_attributes
        .iter()
        .filter_map(|(name, ty)| {
            if name == "id" || name == "role" {
                c.r.report(
                    Code::DuplicateId,
                    key_path("$.actorAttributes", name),
                    format!("'{name}' is built into every actor; do not declare it"),
                );
                return None;
            }
            Some(Param {
                name: name.clone(),
                ty: plain_type(ty, name, &mut domains),
            })
        })
        .collect();
    let attribute_index = NameIndex::new(attributes.iter().map(|a| &a.name));

    let messages: Vec<(String, Text)> = doc.messages.clone();
    for (code, text) in &messages {
        c.message_text(text, &key_path("$.messages", code));
    }
    let message_index = NameIndex::new(messages.iter().map(|(n, _)| n));
    let effect_kinds: Vec<EffectKind> = doc
        .effects
        .iter()
        .map(|(name, decl)| {
            c.translations(
                &decl.label,
                &key_path(&key_path("$.effects", name), "label"),
            );
            let args = decl
                .args
                .iter()
                .map(|(n, t)| Param {
                    name: n.clone(),
                    ty: plain_type(t, n, &mut domains),
                })
                .collect();
            EffectKind {
                name: name.clone(),
                label: decl.label.clone(),
                args,
            }
        })
        .collect();

    let action_params: Vec<Vec<Param>> = doc
        .actions
        .iter()
        .map(|(_, a)| {
            a.params
                .iter()
                .map(|(n, t)| Param {
                    name: n.clone(),
                    ty: plain_type(t, n, &mut domains),
                })
                .collect()
        })
        .collect();
    let calendar = Calendar::new(
        doc.calendar.zone,
        &doc.calendar.weekend,
        &doc.calendar.holidays,
    );
    let mut program = Program {
        languages: languages.clone(),
        calendar,
        domains,
        facts,
        fact_index,
        roles,
        role_index,
        attributes,
        attribute_index,
        actions: Vec::new(),
        action_index: NameIndex::new(doc.actions.iter().map(|(n, _)| n)),
        effect_kinds,
        messages,
        otherwise: Otherwise {
            reason: 0,
            alternatives: Vec::new(),
        },
        rules: Vec::new(),
        row_length: 0,
    };
    let effect_index = NameIndex::new(program.effect_kinds.iter().map(|k| &k.name));
    let names = resolve::Names {
        program: &program,
        messages: &message_index,
        effects: &effect_index,
    };
    let mut actions = Vec::new();
    for ((name, action), params) in doc.actions.iter().zip(action_params) {
        let path = key_path("$.actions", name);
        c.translations(&action.label, &key_path(&path, "label"));
        let limit = action.limit.as_ref().and_then(|l| {
            let lp = key_path(&path, "limit");
            let counter = names.fact_of_type(
                &mut c,
                &l.counter,
                &key_path(&lp, "counter"),
                |t| matches!(t, Ty::Counter),
                "a counter",
            );
            let reason = names.message(&mut c, &l.reason, &key_path(&lp, "reason"));
            Some(Limit {
                counter: counter?,
                max: l.max,
                reason: reason?,
            })
        });
        let scope = resolve::Scope { params: &params };
        let otherwise = action
            .otherwise
            .as_ref()
            .and_then(|o| names.otherwise(&mut c, o, &key_path(&path, "otherwise"), &scope));
        let confirm = action
            .confirm
            .as_ref()
            .and_then(|m| names.message(&mut c, m, &key_path(&path, "confirm")));
        actions.push(Action {
            name: name.clone(),
            label: action.label.clone(),
            params,
            limit,
            otherwise,
            confirm,
            irreversible: action.irreversible,
            rules: Vec::new(),
            shortlist: Shortlist::default(),
        });
    }
    let no_params = resolve::Scope::empty();
    let otherwise = doc
        .otherwise
        .as_ref()
        .and_then(|o| names.otherwise(&mut c, o, "$.otherwise", &no_params));

    let mut rules = Vec::new();
    // The position in `doc.rules` of each compiled rule (a rule that fails to compile is left out).
    let mut sources = Vec::new();
    // Each id found at the rule that first uses it.
    let rule_ids = NameIndex::new(doc.rules.iter().map(|r| &r.id));
    for (i, rule) in doc.rules.iter().enumerate() {
        let path = index_path("$.rules", i);
        match rule_ids.get(&rule.id).map(usize::from) {
            Some(first) if first != i => c.r.report(
                Code::DuplicateId,
                key_path(&path, "id"),
                format!(
                    "the rule id '{}' is already used by $.rules[{first}]",
                    rule.id
                ),
            ),
            _ => {}
        }
        let Some(action) = names.action(&mut c, &rule.action, &key_path(&path, "action")) else {
            continue;
        };
        let action_doc = &actions[action as usize];
        let scope = resolve::Scope {
            params: &action_doc.params,
        };
        if let Some(compiled) = names.rule(&mut c, rule, action, &scope, &path) {
            rules.push(compiled);
            sources.push(i);
        }
    }
    for (index, rule) in rules.iter().enumerate() {
        if let Some(action) = actions.get_mut(rule.action as usize) {
            action.rules.push(index as u32);
        }
    }
    reach::check(&mut c, &rules, &sources, &program);
    program.row_length = row_length(&program.facts, &program.attributes, &actions);
    program.actions = actions;
    program.otherwise = otherwise.unwrap_or(Otherwise {
        reason: 0,
        alternatives: Vec::new(),
    });
    program.rules = rules;
    let shortlists: Vec<Shortlist> = (program.actions.iter())
        .map(|a| shortlist::build(&program, &a.rules))
        .collect();
    for (action, shortlist) in program.actions.iter_mut().zip(shortlists) {
        action.shortlist = shortlist;
    }
    let nodes: usize = program
        .rules
        .iter()
        .map(|r| r.when.as_ref().map_or(0, count_nodes))
        .sum();
    if nodes > crate::policy::limits::MAX_CONDITION_NODES {
        c.r.report(
            Code::TooLarge,
            "$.rules",
            format!(
                "{nodes} condition nodes; the limit is {}",
                crate::policy::limits::MAX_CONDITION_NODES
            ),
        );
    }
    program
}

fn count_nodes(cond: &Cond) -> usize {
    1 + match cond {
        Cond::All(c) | Cond::Any(c) => c.iter().map(count_nodes).sum(),
        Cond::Not(c) => count_nodes(c),
        _ => 0,
    }
}

fn push_domain(domains: &mut Vec<Domain>, name: &str, ids: Vec<String>, labels: Vec<Text>) -> u16 {
    domains.push(Domain {
        name: name.to_owned(),
        labels,
        index: NameIndex::of(ids),
    });
    (domains.len() - 1) as u16
}

/// The engine type of a non-status value type; an enum gets a domain of its own.
fn plain_type(ty: &ValueType, name: &str, domains: &mut Vec<Domain>) -> Ty {
    match ty {
        ValueType::Boolean => Ty::Boolean,
        ValueType::Counter => Ty::Counter,
        ValueType::Number => Ty::Number,
        ValueType::Money(c) => Ty::Money(*c),
        ValueType::Timestamp => Ty::Timestamp,
        ValueType::String | ValueType::Status(_) => Ty::String,
        ValueType::Enum(values) => {
            Ty::Domain(push_domain(domains, name, values.clone(), Vec::new()))
        }
    }
}

/// Shared state of one compilation.
pub(crate) struct Compiler<'a> {
    pub r: &'a mut Reader,
    pub languages: &'a [String],
}

impl Compiler<'_> {
    /// Every declared language has a text, and no text is in an undeclared language.
    pub fn translations(&mut self, text: &Text, path: &str) {
        self.texts(text, path, false);
    }

    /// Messages must exist; labels may be omitted (the id is shown instead).
    pub fn message_text(&mut self, text: &Text, path: &str) {
        self.texts(text, path, true);
    }

    fn texts(&mut self, text: &Text, path: &str, required: bool) {
        if text.is_empty() && !required {
            return;
        }
        for lang in self.languages {
            if !text.iter().any(|(l, _)| l == lang) {
                self.r.report(
                    Code::MissingTranslation,
                    path,
                    format!("add the text in '{lang}', a declared language of this policy"),
                );
            }
        }
        for (lang, _) in text {
            if !self.languages.contains(lang) {
                self.r.report(Code::MissingTranslation, key_path(path, lang), format!("'{lang}' is not among the policy's languages; add it to \"languages\" or remove this text"));
            }
        }
    }

    pub fn unknown_status(&mut self, path: &str, given: &str, domain: &Domain) {
        let hint = did_you_mean(given, domain.ids().iter().map(String::as_str));
        self.r.report(
            Code::UnknownStatus,
            path,
            format!(
                "'{given}' is not a value of '{}'; known: {}.{hint}",
                domain.name,
                domain.ids().join(", ")
            ),
        );
    }
}
