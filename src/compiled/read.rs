//! Reads the bytes [`super::write`] writes, checking every length against what is left and
//! every index against what it points into (`check.rs`).

use super::{check, checksum, About, FORMAT, MAGIC};
use crate::api::Outcome;
use crate::compile::name_index::NameIndex;
use crate::compile::program::*;
use crate::error::{Code, Error, Issue};
use crate::leb128;
use crate::money::Currency;
use crate::policy::limits::{MAX_CONDITION_NODES, MAX_DEPTH};
use crate::policy::model::{CompareOp, Edge, Text, WindowKind};
use crate::time::{Calendar, Duration, Timestamp, ZoneRules, MAX_MILLIS, MIN_MILLIS};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::sync::Arc;

/// The program and what is known about the policy, read from `bytes`.
pub(crate) fn read(bytes: &[u8]) -> Result<(About, Program), Error> {
    let refused = |message: String| {
        Error::InvalidPolicy(vec![Issue::new(Code::InvalidCompiled, "$", message)])
    };
    let rest = bytes.strip_prefix(MAGIC).ok_or_else(|| {
        refused("not a compiled ordergate policy (it does not start with OGPC): give the bytes ordergate's compiler wrote".to_owned())
    })?;
    let mut header = Reader::new(rest);
    let format = header.uint().unwrap_or(0);
    if format != FORMAT {
        return Err(refused(format!(
            "compiled in format {format}, and this version of ordergate reads format {FORMAT}: compile the policy again with this version"
        )));
    }
    let (sum, body) = header.rest().split_at_checked(8).unwrap_or_default();
    if sum != checksum(body).to_le_bytes() {
        return Err(refused(
            "the compiled policy is damaged or cut short (its checksum does not match): compile it again".to_owned(),
        ));
    }
    let mut reader = Reader::new(body);
    let read = reader
        .about()
        .and_then(|about| Some((about, reader.program()?)));
    match read {
        Some((about, program)) if reader.rest().is_empty() && check::program(&program) => {
            Ok((about, program))
        }
        _ => Err(refused(format!(
            "the compiled policy is malformed near byte {} although its checksum matches: compile it again with this version of ordergate",
            bytes.len() - body.len() + reader.at
        ))),
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// Condition nodes read so far, against the bound a policy's load sets.
    conditions: usize,
}

// The readers are kept out of line (`#[inline(never)]`): inlined, each was copied into the list
// readers instantiated for every item type, and the engine module was 1.1 KB larger gzipped. A
// policy is read once; the calls cost nothing a load would notice.
impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            at: 0,
            conditions: 0,
        }
    }

    fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.at..).unwrap_or_default()
    }

    fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let taken = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(taken)
    }

    /// A number read by `read` from the bytes left.
    fn number<T>(&mut self, read: fn(&mut std::slice::Iter<'a, u8>) -> Option<T>) -> Option<T> {
        let mut left = self.rest().iter();
        let n = read(&mut left);
        self.at = self.bytes.len() - left.as_slice().len();
        n
    }

    #[inline(never)]
    fn uint(&mut self) -> Option<u64> {
        self.number(leb128::read)
    }

    #[inline(never)]
    fn int(&mut self) -> Option<i64> {
        self.number(leb128::read_signed)
    }

    fn small<T: TryFrom<u64>>(&mut self) -> Option<T> {
        T::try_from(self.uint()?).ok()
    }

    /// A length: never more than the bytes left, since every item takes at least one.
    #[inline(never)]
    fn len(&mut self) -> Option<usize> {
        self.small::<usize>()
            .filter(|&n| n <= self.bytes.len() - self.at)
    }

    #[inline(never)]
    fn bool(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    #[inline(never)]
    fn str(&mut self) -> Option<String> {
        let n = self.len()?;
        let bytes = self.take(n)?;
        std::str::from_utf8(bytes).ok().map(str::to_owned)
    }

    fn list<T>(&mut self, mut each: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.len()?;
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(each(self)?);
        }
        Some(items)
    }

    fn option<T>(&mut self, each: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.byte()? {
            0 => Some(None),
            1 => each(self).map(Some),
            _ => None,
        }
    }

    #[inline(never)]
    fn text(&mut self) -> Option<Text> {
        self.list(|r| Some((r.str()?, r.str()?)))
    }

    #[inline(never)]
    fn about(&mut self) -> Option<About> {
        Some(About {
            id: self.str()?,
            version: self.str()?,
            hash: self.str()?,
            summary: self.str()?,
        })
    }

    #[inline(never)]
    fn program(&mut self) -> Option<Program> {
        let languages = self.list(Reader::str)?;
        let calendar = self.calendar()?;
        let domains = self.list(|r| {
            let name = r.str()?;
            let labels = r.list(Reader::text)?;
            let ids = r.list(Reader::str)?;
            Some(Domain {
                name,
                labels,
                index: NameIndex::of(ids),
            })
        })?;
        let facts = self.list(|r| {
            Some(FactSlot {
                name: r.str()?,
                ty: r.ty()?,
                optional: r.bool()?,
                default: r.option(Reader::val)?,
                is_dimension: r.bool()?,
            })
        })?;
        let roles = self.list(|r| Some(Role { name: r.str()? }))?;
        let attributes = self.list(Reader::param)?;
        let actions = self.list(Reader::action)?;
        let effect_kinds = self.list(|r| {
            Some(EffectKind {
                name: r.str()?,
                label: r.text()?,
                args: r.list(Reader::param)?,
            })
        })?;
        let messages = self.list(|r| Some((r.str()?, r.text()?)))?;
        let otherwise = self.otherwise()?;
        let rules = self.list(Reader::rule)?;
        Some(Program {
            languages,
            calendar,
            domains,
            fact_index: NameIndex::new(facts.iter().map(|f| &f.name)),
            row_length: row_length(&facts, &attributes, &actions),
            facts,
            role_index: NameIndex::new(roles.iter().map(|r| &r.name)),
            roles,
            attribute_index: NameIndex::new(attributes.iter().map(|a| &a.name)),
            attributes,
            action_index: NameIndex::new(actions.iter().map(|a| &a.name)),
            actions,
            effect_kinds,
            messages,
            otherwise,
            rules,
        })
    }

    #[inline(never)]
    fn calendar(&mut self) -> Option<Calendar> {
        let zone = self.str()?;
        let n = self.len()?;
        let record = self.take(n)?.to_vec();
        let rules = ZoneRules::read(Cow::Owned(record))?;
        let bits = self.byte()?;
        let weekend = std::array::from_fn(|day| bits >> day & 1 == 1);
        let holidays =
            self.list(|r| NaiveDate::from_num_days_from_ce_opt(i32::try_from(r.int()?).ok()?))?;
        Calendar::from_parts(zone, rules, weekend, holidays)
    }

    #[inline(never)]
    fn ty(&mut self) -> Option<Ty> {
        Some(match self.byte()? {
            0 => Ty::Boolean,
            1 => Ty::Counter,
            2 => Ty::Number,
            3 => Ty::Money(Currency::parse(std::str::from_utf8(self.take(3)?).ok()?)?),
            4 => Ty::Timestamp,
            5 => Ty::String,
            6 => Ty::Domain(self.small()?),
            _ => return None,
        })
    }

    #[inline(never)]
    fn val(&mut self) -> Option<Val> {
        Some(match self.byte()? {
            0 => Val::Bool(self.bool()?),
            1 => Val::Int(self.int()?),
            2 => Val::Num(f64::from_le_bytes(self.take(8)?.try_into().ok()?)),
            3 => Val::Money(self.int()?),
            4 => Val::Time(Timestamp::from_millis(
                self.int()
                    .filter(|t| (MIN_MILLIS..=MAX_MILLIS).contains(t))?,
            )),
            5 => Val::Str(Arc::new(self.str()?)),
            6 => Val::Status(self.byte()?),
            _ => return None,
        })
    }

    #[inline(never)]
    fn param(&mut self) -> Option<Param> {
        Some(Param {
            name: self.str()?,
            ty: self.ty()?,
        })
    }

    #[inline(never)]
    fn action(&mut self) -> Option<Action> {
        let name = self.str()?;
        let label = self.text()?;
        let params = self.list(Reader::param)?;
        let limit = self.option(|r| {
            Some(Limit {
                counter: r.small()?,
                max: r.small()?,
                reason: r.small()?,
            })
        })?;
        let otherwise = self.option(Reader::otherwise)?;
        let confirm = self.option(Reader::small)?;
        let irreversible = self.bool()?;
        let rules = self.list(Reader::small)?;
        let pivot = self.option(Reader::small)?;
        let stride = self.small()?;
        let starts = self.list(Reader::small)?;
        let entries = self.list(Reader::small)?;
        Some(Action {
            name,
            label,
            params,
            limit,
            otherwise,
            confirm,
            irreversible,
            rules,
            shortlist: Shortlist::from_parts(pivot, stride, starts, entries)?,
        })
    }

    #[inline(never)]
    fn otherwise(&mut self) -> Option<Otherwise> {
        Some(Otherwise {
            reason: self.small()?,
            alternatives: self.list(Reader::alternative)?,
        })
    }

    #[inline(never)]
    fn alternative(&mut self) -> Option<Alternative> {
        let kind = match self.byte()? {
            0 => AlternativeKind::Action(self.small()?),
            1 => AlternativeKind::Contact(self.str()?),
            2 => AlternativeKind::WaitFor(self.small()?, self.byte()?),
            _ => return None,
        };
        Some(Alternative {
            kind,
            message: self.small()?,
            when: self.option(|r| r.cond(1))?,
        })
    }

    #[inline(never)]
    fn rule(&mut self) -> Option<Rule> {
        Some(Rule {
            id: self.str()?,
            action: self.small()?,
            roles: self.uint()?,
            when: self.option(|r| r.cond(1))?,
            outcome: self.outcome()?,
            approver: self.option(Reader::small)?,
            reason: self.option(Reader::small)?,
            requires: self.list(Reader::byte)?,
            effects: self.list(|r| Some((r.effect()?, r.option(|r| r.cond(1))?)))?,
            alternatives: self.list(Reader::alternative)?,
            auto_decide: self.option(|r| {
                Some(AutoDecide {
                    from: r.option(Reader::small)?,
                    after: r.duration()?,
                    outcome: r.outcome()?,
                })
            })?,
        })
    }

    #[inline(never)]
    fn outcome(&mut self) -> Option<Outcome> {
        Some(match self.byte()? {
            0 => Outcome::Allowed,
            1 => Outcome::ApprovalRequired,
            2 => Outcome::Denied,
            _ => return None,
        })
    }

    #[inline(never)]
    fn duration(&mut self) -> Option<Duration> {
        let unit = self.byte()?;
        let n = self.small()?;
        Some(match unit {
            0 => Duration::Minutes(n),
            1 => Duration::Hours(n),
            2 => Duration::Days(n),
            3 => Duration::BusinessDays(n),
            _ => return None,
        })
    }

    #[inline(never)]
    fn effect(&mut self) -> Option<Effect> {
        Some(match self.byte()? {
            0 => Effect::Set(self.small()?, self.operand()?),
            1 => Effect::Stamp(self.small()?),
            2 => Effect::Clear(self.small()?),
            3 => Effect::Increment(self.small()?),
            4 => Effect::Emit {
                kind: self.small()?,
                args: self.list(|r| Some((r.byte()?, r.operand()?)))?,
            },
            _ => return None,
        })
    }

    #[inline(never)]
    fn operand(&mut self) -> Option<Operand> {
        Some(match self.byte()? {
            0 => Operand::Fact(self.small()?),
            1 => Operand::Param(self.byte()?),
            2 => Operand::ActorId,
            3 => Operand::ActorAttr(self.small()?),
            4 => Operand::Const(self.val()?),
            _ => return None,
        })
    }

    /// A condition at nesting `depth` (1 at the top, as `policy::load` counts), within the limits a
    /// policy's load sets.
    #[inline(never)]
    fn cond(&mut self, depth: usize) -> Option<Cond> {
        self.conditions += 1;
        if depth > MAX_DEPTH || self.conditions > MAX_CONDITION_NODES {
            return None;
        }
        Some(match self.byte()? {
            0 => Cond::All(self.list(|r| r.cond(depth + 1))?),
            1 => Cond::Any(self.list(|r| r.cond(depth + 1))?),
            2 => Cond::Not(Box::new(self.cond(depth + 1)?)),
            3 => {
                let slot = self.small()?;
                let low = self.uint()?;
                let high = self.uint()?;
                Cond::In {
                    slot,
                    mask: u128::from(high) << 64 | u128::from(low),
                }
            }
            4 => Cond::Is(self.small()?),
            5 => Cond::Present(self.small()?),
            6 => {
                let op = match self.byte()? {
                    0 => CompareOp::Eq,
                    1 => CompareOp::Ne,
                    2 => CompareOp::Lt,
                    3 => CompareOp::Le,
                    4 => CompareOp::Gt,
                    5 => CompareOp::Ge,
                    _ => return None,
                };
                Cond::Compare {
                    op,
                    left: self.operand()?,
                    right: self.operand()?,
                }
            }
            7 => Cond::Window {
                kind: if self.bool()? {
                    WindowKind::Elapsed
                } else {
                    WindowKind::Within
                },
                slot: self.small()?,
                duration: self.duration()?,
                edge: if self.bool()? {
                    Edge::Exclusive
                } else {
                    Edge::Inclusive
                },
            },
            _ => return None,
        })
    }
}
