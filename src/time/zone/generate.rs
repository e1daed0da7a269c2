//! Writes `data.rs`:
//!
//! ```text
//! cargo test --lib regenerate_zone_data -- --ignored
//! ```
//!
//! The history of each zone comes from chrono-tz (the upstream build of the IANA database); its
//! recurring rule comes from the footer of the zone's compiled TZif file, in `/usr/share/zoneinfo`
//! or the directory `TZDIR` names, which must be of the same release (distributions may build
//! with `backzone`, which changes some histories but not the rules in force). Each zone keeps the
//! transitions from 1970 until its rule predicts every later one up to 2100, checked before the
//! table is written. Zones with identical tables share one entry.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::rule::{Change, Day, Dst, Rule};
use crate::leb128;
use crate::time::civil::{days_from_civil, SECONDS_PER_DAY};

/// Transitions before this instant (1970-01-01T00:00:00Z) are dropped.
const CUT: i64 = 0;
/// Histories and rules are compared up to this year.
const LAST_CHECKED_YEAR: i64 = 2100;

/// A zone as the database states it, from 1970 on.
struct Source {
    /// Transitions, all after 1970-01-01T00:00:00Z.
    times: Vec<i64>,
    offsets: Vec<i32>,
    /// Offset on 1970-01-01, before the first transition.
    first: i32,
    rule: Rule,
}

impl Source {
    fn offset_at(&self, utc: i64) -> i32 {
        match self.times.partition_point(|&t| t <= utc) {
            0 => self.first,
            n if n == self.times.len() => self.rule.offset_at(utc),
            n => self.offsets[n - 1],
        }
    }
}

/// A compact table as `data.rs` stores it.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Table {
    initial: i32,
    times: Vec<u32>,
    offsets: Vec<i32>,
    /// The rule as its record stores it (`write_rule`).
    rule: Vec<u8>,
}

/// The footer of a TZif file: the POSIX TZ rule in force after its last transition.
fn footer(bytes: &[u8]) -> Result<&str, String> {
    let text = bytes.strip_suffix(b"\n").ok_or("no footer")?;
    let start = text.iter().rposition(|&b| b == b'\n').ok_or("no footer")?;
    std::str::from_utf8(&text[start + 1..]).map_err(|e| e.to_string())
}

/// The first second in `(from, to]` whose offset differs from the offset at `from`.
pub(super) fn change_in(offset: impl Fn(i64) -> i32, mut from: i64, mut to: i64) -> i64 {
    let before = offset(from);
    while to - from > 1 {
        let mid = from + (to - from) / 2;
        if offset(mid) == before {
            from = mid;
        } else {
            to = mid;
        }
    }
    to
}

/// chrono-tz's offset of `zone` at a UTC second (the oracle of the generator and the tests).
pub(super) fn chrono_offset(zone: chrono_tz::Tz, utc: i64) -> i32 {
    use chrono::{DateTime, Offset, TimeZone};
    DateTime::from_timestamp(utc, 0)
        .map(|at| zone.offset_from_utc_datetime(&at.naive_utc()))
        .map_or(0, |o| o.fix().local_minus_utc())
}

/// A zone's history from chrono-tz, day by day from 1970 on, and its rule.
fn read_zone(zone: chrono_tz::Tz, rule: Rule) -> Source {
    let offset = |utc: i64| chrono_offset(zone, utc);
    let end = days_from_civil(LAST_CHECKED_YEAR + 1, 1, 1) * SECONDS_PER_DAY;
    let (mut times, mut offsets) = (Vec::new(), Vec::new());
    let mut day = CUT;
    while day < end {
        let next = day + SECONDS_PER_DAY;
        if offset(next) != offset(day) {
            let at = change_in(offset, day, next);
            times.push(at);
            offsets.push(offset(at));
        }
        day = next;
    }
    Source {
        times,
        offsets,
        first: offset(CUT),
        rule,
    }
}

/// Reads a POSIX TZ rule such as `CET-1CEST,M3.5.0,M10.5.0/3` or `<+07>-7`.
fn parse_rule(text: &str) -> Option<Rule> {
    let mut rest = text;
    skip_name(&mut rest)?;
    let std = -duration(&mut rest)?;
    if rest.is_empty() {
        return Some(Rule { std, dst: None });
    }
    skip_name(&mut rest)?;
    let offset = if rest.starts_with(',') {
        std + 3600
    } else {
        -duration(&mut rest)?
    };
    rest = rest.strip_prefix(',')?;
    let start = change(&mut rest)?;
    rest = rest.strip_prefix(',')?;
    let end = change(&mut rest)?;
    rest.is_empty().then_some(Rule {
        std,
        dst: Some(Dst { offset, start, end }),
    })
}

fn skip_name(rest: &mut &str) -> Option<()> {
    let len = if let Some(quoted) = rest.strip_prefix('<') {
        quoted.find('>')? + 2
    } else {
        rest.find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len())
    };
    (len >= 3).then(|| *rest = &rest[len..])
}

/// `[+-]hh[:mm[:ss]]` in seconds.
fn duration(rest: &mut &str) -> Option<i32> {
    let sign = match rest.as_bytes().first()? {
        b'-' => -1,
        _ => 1,
    };
    *rest = rest.trim_start_matches(['+', '-']);
    let mut total = 0;
    for (i, unit) in [3600, 60, 1].into_iter().enumerate() {
        if i > 0 {
            match rest.strip_prefix(':') {
                Some(r) => *rest = r,
                None => break,
            }
        }
        total += unit * number(rest)?;
    }
    Some(sign * total)
}

fn number(rest: &mut &str) -> Option<i32> {
    let len = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let value = rest[..len].parse().ok()?;
    *rest = &rest[len..];
    Some(value)
}

fn change(rest: &mut &str) -> Option<Change> {
    let day = if let Some(r) = rest.strip_prefix('M') {
        *rest = r;
        let month = number(rest)?;
        *rest = rest.strip_prefix('.')?;
        let week = number(rest)?;
        *rest = rest.strip_prefix('.')?;
        let weekday = number(rest)?;
        Day::Month {
            month: u8::try_from(month).ok()?,
            week: u8::try_from(week).ok()?,
            weekday: u8::try_from(weekday).ok()?,
        }
    } else if let Some(r) = rest.strip_prefix('J') {
        *rest = r;
        Day::JulianNoLeap(u16::try_from(number(rest)?).ok()?)
    } else {
        Day::Julian(u16::try_from(number(rest)?).ok()?)
    };
    let time = match rest.strip_prefix('/') {
        Some(r) => {
            *rest = r;
            duration(rest)?
        }
        None => 7200,
    };
    Some(Change { day, time })
}

/// Writes `rule` as `Rule::read` reads it: the standard offset, then 0 or 1 for daylight saving
/// time, and if 1 its offset, start and end (each a day, then a time).
fn write_rule(rule: &Rule, out: &mut Vec<u8>) {
    let change = |c: &Change, out: &mut Vec<u8>| {
        let day = match c.day {
            Day::Month {
                month,
                week,
                weekday,
            } => (u64::from(month) << 6 | u64::from(week) << 3 | u64::from(weekday)) << 2,
            Day::JulianNoLeap(n) => u64::from(n) << 2 | 1,
            Day::Julian(n) => u64::from(n) << 2 | 2,
        };
        leb128::write(out, day);
        push_zigzag(out, c.time);
    };
    push_zigzag(out, rule.std);
    match &rule.dst {
        None => out.push(0),
        Some(d) => {
            out.push(1);
            push_zigzag(out, d.offset);
            change(&d.start, out);
            change(&d.end, out);
        }
    }
}

/// The instants to compare at: wherever either side may change, and just before.
fn checkpoints(source: &Source) -> Vec<i64> {
    let mut points = vec![CUT];
    let mut push = |t: i64| {
        if t >= CUT {
            points.extend([t - 1, t]);
        }
    };
    source.times.iter().copied().for_each(&mut push);
    if let Some(dst) = &source.rule.dst {
        for year in 1970..=LAST_CHECKED_YEAR {
            push(dst.start.utc_in(year, source.rule.std));
            push(dst.end.utc_in(year, dst.offset));
        }
    }
    points
}

/// The shortest table that agrees with the source from 1970 on.
fn compact(source: &Source) -> Result<Table, String> {
    let points = checkpoints(source);
    for end in 0..=source.times.len() {
        let listed = &source.times[..end];
        let model = |utc: i64| match listed.partition_point(|&t| t <= utc) {
            n if n == listed.len() => source.rule.offset_at(utc),
            0 => source.first,
            n => source.offsets[n - 1],
        };
        if points.iter().all(|&t| model(t) == source.offset_at(t)) {
            let times = listed
                .iter()
                .map(|&t| {
                    u32::try_from(t).map_err(|_| format!("transition {t} outside 1970..2106"))
                })
                .collect::<Result<_, _>>()?;
            let offsets = source.offsets[..end].to_vec();
            // With nothing listed the rule governs from 1970, and so before it.
            let initial = if listed.is_empty() {
                source.rule.offset_at(CUT)
            } else {
                source.first
            };
            let mut rule = Vec::new();
            write_rule(&source.rule, &mut rule);
            return Ok(Table {
                initial,
                times,
                offsets,
                rule,
            });
        }
    }
    Err("the rule never takes over".into())
}

/// A signed number as LEB128, zigzag-encoded.
fn push_zigzag(out: &mut Vec<u8>, value: i32) {
    leb128::write_signed(out, i64::from(value));
}

fn render(version: &str, names: &BTreeMap<String, Table>) -> Result<String, String> {
    let mut tables: Vec<&Table> = names.values().collect();
    tables.sort();
    tables.dedup();
    let index = |t: &Table| tables.binary_search(&t).unwrap_or(0);
    let utc = names.keys().position(|n| n == "UTC").ok_or("no UTC zone")?;
    let mut out = format!(
        "//! Generated from IANA tzdata {version} by `cargo test --lib regenerate_zone_data -- --ignored`\n\
         //! (see generate.rs); do not edit.\n\n\
         pub(super) const VERSION: &str = \"{version}\";\n\
         pub(super) const UTC_NAME: u16 = {utc};\n\n\
         pub(super) static NAMES: &str = \"\\\n"
    );
    for name in names.keys() {
        let _ = writeln!(out, "{name}\\n\\");
    }
    let _ = write!(
        out,
        "\";\n\npub(super) static NAME_ZONES: [u16; {}] = [\n",
        names.len()
    );
    for table in names.values() {
        let _ = writeln!(out, "    {},", index(table));
    }
    let records = tables
        .iter()
        .map(|t| record(t))
        .collect::<Result<Vec<_>, _>>()?;
    // Each record starts where the previous ends; the last entry is where the bytes end.
    let mut starts = vec![0u16];
    let mut end = 0;
    for record in &records {
        end += record.len();
        starts.push(u16::try_from(end).map_err(|_| "the records pass 64 KiB")?);
    }
    let _ = write!(
        out,
        "];\n\npub(super) static ZONE_STARTS: [u16; {}] = {starts:?};\n\n\
         pub(super) static ZONE_BYTES: [u8; {end}] = [\n",
        starts.len()
    );
    for record in &records {
        let numbers: Vec<String> = record.iter().map(u8::to_string).collect();
        let _ = writeln!(out, "    {},", numbers.join(", "));
    }
    out.push_str("];\n");
    Ok(out)
}

/// One zone's record (see `ZONE_BYTES` in mod.rs): its rule, the last listed transition, the
/// offset before the first, the distinct offsets, then the transitions.
fn record(table: &Table) -> Result<Vec<u8>, String> {
    let mut distinct: Vec<i32> = table.offsets.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() > 8 {
        return Err(format!(
            "{} distinct offsets; a change holds at most 8",
            distinct.len()
        ));
    }
    let mut out = table.rule.clone();
    leb128::write(
        &mut out,
        u64::from(table.times.last().copied().unwrap_or(0)),
    );
    push_zigzag(&mut out, table.initial);
    out.push(distinct.len() as u8);
    for &offset in &distinct {
        push_zigzag(&mut out, offset);
    }
    let kinds = table
        .offsets
        .iter()
        .map(|o| distinct.binary_search(o).unwrap_or(0) as u64);
    let steps = table
        .times
        .iter()
        .scan(0, |previous, &t| Some(t - std::mem::replace(previous, t)));
    for (step, kind) in steps.zip(kinds) {
        if step % 900 == 0 && step > 0 {
            leb128::write(&mut out, u64::from(step / 900) << 3 | kind);
        } else {
            leb128::write(&mut out, kind);
            leb128::write(&mut out, u64::from(step));
        }
    }
    Ok(out)
}

#[test]
#[ignore = "rewrites data.rs from chrono-tz and the TZif files installed on this machine"]
fn regenerate_zone_data() {
    let dir = std::env::var("TZDIR").unwrap_or_else(|_| "/usr/share/zoneinfo".into());
    let zi = std::fs::read_to_string(format!("{dir}/tzdata.zi")).expect("tzdata.zi");
    assert_eq!(
        zi.lines().next(),
        Some(format!("# version {}", chrono_tz::IANA_TZDB_VERSION).as_str()),
        "the TZif files must be of chrono-tz's release"
    );
    let mut names = BTreeMap::new();
    for zone in chrono_tz::TZ_VARIANTS {
        let name = zone.name();
        let bytes = std::fs::read(format!("{dir}/{name}")).expect(name);
        let table = footer(&bytes)
            .and_then(|text| parse_rule(text).ok_or_else(|| format!("unreadable rule '{text}'")))
            .and_then(|rule| compact(&read_zone(zone, rule)))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        names.insert(name.to_owned(), table);
    }
    let text = render(chrono_tz::IANA_TZDB_VERSION, &names).expect("a table");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/time/zone/data.rs");
    std::fs::write(path, text).expect("data.rs written");
}

#[test]
fn reads_posix_rules() {
    let rule = parse_rule("<-02>2<-01>,M3.5.0/-1,M10.5.0/0").expect("Nuuk");
    assert_eq!(rule.std, -7200);
    let dst = rule.dst.expect("dst");
    assert_eq!(
        (dst.offset, dst.start.time, dst.end.time),
        (-3600, -3600, 0)
    );
    assert_eq!(
        parse_rule("WIB-7"),
        Some(Rule {
            std: 25_200,
            dst: None
        })
    );
    assert_eq!(parse_rule("<+0545>-5:45").map(|r| r.std), Some(20_700));
    let permanent = parse_rule("EST5EDT,0/0,J365/25").expect("permanent dst");
    assert_eq!(permanent.dst.map(|d| d.end.time), Some(25 * 3600));
    assert_eq!(parse_rule("CET-1CEST,M3.5.0"), None);
}

#[test]
fn rules_read_back_as_written() {
    let rules = [
        "CET-1CEST,M3.5.0,M10.5.0/3",
        "<-02>2<-01>,M3.5.0/-1,M10.5.0/0",
        "EST5EDT,0/0,J365/25",
        "<+0545>-5:45",
        "<-0330>3:30<-0230>,M3.2.0/167,M11.1.0/-49",
    ];
    for text in rules {
        let rule = parse_rule(text).expect(text);
        let mut bytes = Vec::new();
        write_rule(&rule, &mut bytes);
        let mut read = bytes.iter();
        assert_eq!(Rule::read(&mut read), Some(rule), "{text}");
        assert_eq!(read.next(), None, "{text}: every byte read");
    }
}
