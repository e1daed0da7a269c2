//! IANA time zones in a compact form: for each zone, the offsets it took since 1970 and the
//! recurring rule it follows after its last listed change. The table (`data.rs`) is generated from
//! the IANA database and checked against chrono-tz on every zone in the tests; it weighs a few
//! kilobytes where the full history weighs most of a megabyte.

#[rustfmt::skip]
mod data;
#[cfg(test)]
mod generate;
mod rule;

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use super::civil::SECONDS_PER_DAY;
use super::{Timestamp, MAX_MILLIS};
use crate::leb128;
use data::{NAMES, NAME_ZONES, UTC_NAME, ZONE_BYTES, ZONE_STARTS};
use rule::Rule;

// The table's layout. `NAMES` holds every name in sorted order, each ended by a line feed, and
// `NAME_ZONES` the record of each (links share their zone's). Record `i` is
// `ZONE_BYTES[ZONE_STARTS[i]..ZONE_STARTS[i + 1]]`:
// - the rule in force after the last listed transition (`Rule::read`);
// - that last transition, in seconds since 1970 (0 when none is listed: the rule governs);
// - the offset in force before the first listed transition;
// - the number of distinct offsets of the listed transitions (at most 8), then each;
// - the listed transitions, each one number: the quarter hours since the previous one (the
//   first: since 1970) times 8, plus the index among the distinct offsets of the offset it
//   brings. A transition off the quarter hour is written with 0 quarter hours, then its seconds
//   as a second number.
// Numbers are LEB128 (seven bits a byte, low first, the top bit set on all but the last byte),
// offsets zigzag-encoded. A record per zone in one array of bytes, and the names as one text,
// weigh about 3.5 KB less gzipped than structs holding pointers to each zone's slices.

/// An IANA time zone such as `Asia/Jakarta` or `Europe/Paris` (links such as `Asia/Calcutta` too).
///
/// Offsets are exact from 1970 on; an instant before 1970 takes the offset in force on
/// 1970-01-01. The database is IANA tzdata, version [`Zone::DATABASE_VERSION`].
///
/// ```
/// use ordergate::{Timestamp, Zone};
/// let paris: Zone = "Europe/Paris".parse().unwrap();
/// let summer = Timestamp::parse("2026-07-01T12:00:00Z").unwrap();
/// assert_eq!(paris.offset_at(summer), 7200);
/// assert_eq!(paris.name(), "Europe/Paris");
/// assert!("Mars/Olympus_Mons".parse::<Zone>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Zone(u16);

/// The error of reading a name that is not an IANA time zone.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not an IANA time zone")]
pub struct UnknownZone(pub String);

impl Zone {
    /// Coordinated Universal Time.
    pub const UTC: Zone = Zone(UTC_NAME);

    /// The IANA tzdata release the zone table was generated from.
    pub const DATABASE_VERSION: &'static str = data::VERSION;

    /// The zone of an IANA name (exact spelling), or `None`.
    ///
    /// ```
    /// assert!(ordergate::Zone::named("Asia/Makassar").is_some());
    /// assert!(ordergate::Zone::named("asia/makassar").is_none());
    /// ```
    pub fn named(name: &str) -> Option<Zone> {
        // A walk, not a search: only a policy's load asks, once per calendar.
        let index = zone_names().position(|n| n == name)?;
        u16::try_from(index).ok().map(Zone)
    }

    /// The name this zone was read from.
    pub fn name(self) -> &'static str {
        zone_names().nth(usize::from(self.0)).unwrap_or("UTC")
    }

    /// The offset from UTC in force at an instant, in seconds east of UTC.
    pub fn offset_at(self, t: Timestamp) -> i32 {
        self.rules().offset_at(t)
    }

    /// This zone's table, read from its record. A calendar reads it once, when it is made: a
    /// rule with daylight saving time takes about 15 ns to read.
    pub(crate) fn rules(self) -> ZoneRules {
        ZoneRules::read(Cow::Borrowed(self.record())).unwrap_or(ZoneRules::UTC)
    }

    /// This zone's record in the table (the layout above).
    pub(crate) fn record(self) -> &'static [u8] {
        let zone = NAME_ZONES
            .get(usize::from(self.0))
            .map_or(0, |&z| usize::from(z));
        let start = ZONE_STARTS.get(zone).map_or(0, |&s| usize::from(s));
        let end = ZONE_STARTS.get(zone + 1).map_or(0, |&e| usize::from(e));
        ZONE_BYTES.get(start..end).unwrap_or_default()
    }
}

/// A zone's table as read from its record: the offsets it took since 1970, and its rule after.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct ZoneRules {
    rule: Rule,
    /// The last listed transition (seconds since 1970), from which `rule` governs.
    last: i64,
    /// The offset in force before the first listed transition.
    initial: i32,
    /// The distinct offsets the listed transitions bring.
    offsets: [i32; 8],
    /// The record it was read from: the table's own, or a compiled policy's copy.
    record: Cow<'static, [u8]>,
    /// Where the listed transitions start in `record`.
    changes: usize,
}

/// Without the transitions' bytes, which a calendar's `Debug` would otherwise print.
impl fmt::Debug for ZoneRules {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ZoneRules")
            .field("rule", &self.rule)
            .field("last", &self.last)
            .finish_non_exhaustive()
    }
}

/// The largest offset from UTC accepted in a record: 26 hours either way.
const MAX_OFFSET: i32 = 26 * 3600;

/// The latest transition accepted in a record: the last instant of year 9999, in seconds.
const MAX_TRANSITION: u64 = (MAX_MILLIS / 1000) as u64;

impl ZoneRules {
    /// Coordinated Universal Time.
    const UTC: ZoneRules = ZoneRules {
        rule: Rule { std: 0, dst: None },
        last: 0,
        initial: 0,
        offsets: [0; 8],
        record: Cow::Borrowed(&[]),
        changes: 0,
    };

    /// Reads a record (the layout above), or `None` when it is cut short or holds a value no
    /// zone takes (an offset past 26 hours, a change past year 9999, a day that does not exist):
    /// a compiled policy carries its zone's record, and what it carries is checked here.
    pub(crate) fn read(record: Cow<'static, [u8]>) -> Option<ZoneRules> {
        let mut bytes = record.iter();
        let rule = Rule::read(&mut bytes).filter(Rule::is_valid)?;
        let last = leb128::read(&mut bytes).filter(|&t| t <= MAX_TRANSITION)? as i64;
        let initial = signed(&mut bytes).filter(|o| o.abs() <= MAX_OFFSET)?;
        let mut offsets = [initial; 8];
        let count = usize::from(*bytes.next()?);
        for slot in offsets.get_mut(..count)? {
            *slot = signed(&mut bytes).filter(|o| o.abs() <= MAX_OFFSET)?;
        }
        let changes = record.len() - bytes.as_slice().len();
        // Every transition is read again at each conversion, without checks: check them once.
        let mut at: u64 = 0;
        while !bytes.as_slice().is_empty() {
            let change = leb128::read(&mut bytes)?;
            let step = match change >> 3 {
                0 => leb128::read(&mut bytes)?,
                quarters => quarters.checked_mul(900)?,
            };
            at = at.checked_add(step).filter(|&t| t <= MAX_TRANSITION)?;
        }
        Some(ZoneRules {
            rule,
            last,
            initial,
            offsets,
            record,
            changes,
        })
    }

    /// The record this was read from.
    pub(crate) fn record(&self) -> &[u8] {
        &self.record
    }

    /// The UTC instant (seconds) of a local wall-clock time (seconds since 1970-01-01T00:00 local).
    /// An ambiguous time (clocks turned back) takes the earlier instant; a time that does not
    /// exist (clocks turned forward) is read with the offset in force before the gap, so it lands
    /// as far past the gap as it was into it.
    pub(crate) fn utc_of_local(&self, local: i64) -> i64 {
        // A day either side brackets any change, since no zone changes twice within two days.
        let before = self.offset_at_seconds(local - SECONDS_PER_DAY);
        let after = self.offset_at_seconds(local + SECONDS_PER_DAY);
        let (larger, smaller) = (before.max(after), before.min(after));
        let fits = |offset: i32| self.offset_at_seconds(local - i64::from(offset)) == offset;
        if fits(larger) {
            local - i64::from(larger)
        } else {
            // Either the only reading, or a gap, whose earlier offset is the smaller one.
            local - i64::from(smaller)
        }
    }

    /// The offset in force at an instant, in seconds east of UTC.
    pub(crate) fn offset_at(&self, t: Timestamp) -> i32 {
        self.offset_at_seconds(t.millis().div_euclid(1000))
    }

    /// The offset in force at `utc` (seconds since 1970), in seconds east of UTC.
    pub(crate) fn offset_at_seconds(&self, utc: i64) -> i32 {
        if utc >= self.last {
            return self.rule.offset_at(utc);
        }
        let (mut at, mut offset) = (0, self.initial);
        let mut bytes = self.record.get(self.changes..).unwrap_or_default().iter();
        while let Some(change) = leb128::read(&mut bytes) {
            let step = match change >> 3 {
                0 => leb128::read(&mut bytes).unwrap_or(0),
                quarters => quarters * 900,
            };
            at += step as i64;
            if at > utc {
                break;
            }
            offset = self.offsets[(change & 7) as usize];
        }
        offset
    }
}

/// The next zigzag LEB128 number of `bytes`, as an offset or a time of day in seconds.
fn signed(bytes: &mut std::slice::Iter<u8>) -> Option<i32> {
    i32::try_from(leb128::read_signed(bytes)?).ok()
}

impl FromStr for Zone {
    type Err = UnknownZone;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Zone::named(name).ok_or_else(|| UnknownZone(name.to_owned()))
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Zone({})", self.name())
    }
}

/// Every zone name the table knows, in sorted order.
///
/// ```
/// assert!(ordergate::zone_names().any(|name| name == "America/Bogota"));
/// ```
pub fn zone_names() -> impl Iterator<Item = &'static str> {
    NAMES.split_terminator('\n')
}

#[cfg(test)]
mod tests {
    use super::generate::{change_in, chrono_offset};
    use super::*;
    use chrono::{DateTime, NaiveDateTime, TimeZone};

    const YEAR_2100: i64 = 4_102_444_800;
    const WEEK: i64 = 7 * SECONDS_PER_DAY;

    #[test]
    fn every_name_of_the_database_is_known_and_nothing_else() {
        let ours: Vec<&str> = zone_names().collect();
        let theirs: Vec<&str> = chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()).collect();
        assert_eq!(ours, theirs);
        for name in theirs {
            assert_eq!(Zone::named(name).map(Zone::name), Some(name));
        }
        assert_eq!(Zone::DATABASE_VERSION, chrono_tz::IANA_TZDB_VERSION);
    }

    #[test]
    fn offsets_match_the_full_database_from_1970_to_2100() {
        for tz in chrono_tz::TZ_VARIANTS {
            let zone = Zone::named(tz.name()).expect("a known name");
            let rules = zone.rules();
            let ours = |t: i64| rules.offset_at_seconds(t);
            let theirs = |t: i64| chrono_offset(tz, t);
            let mut t = 0;
            while t < YEAR_2100 {
                let next = t + WEEK;
                assert_eq!(ours(t), theirs(t), "{} at {t}", tz.name());
                if ours(next) != ours(t) || theirs(next) != theirs(t) {
                    let (a, b) = (change_in(ours, t, next), change_in(theirs, t, next));
                    assert_eq!(a, b, "{}: change near {t}", tz.name());
                    assert_eq!(ours(a), theirs(a), "{} after the change at {a}", tz.name());
                }
                t = next;
            }
        }
    }

    #[test]
    fn local_times_resolve_like_chrono_around_every_change() {
        for tz in chrono_tz::TZ_VARIANTS {
            let zone = Zone::named(tz.name()).expect("a known name");
            let rules = zone.rules();
            let ours = |t: i64| rules.offset_at_seconds(t);
            let mut t = 0;
            while t < YEAR_2100 {
                let next = t + WEEK;
                if ours(next) != ours(t) {
                    let change = change_in(ours, t, next);
                    let before = ours(change - 1);
                    for delta in [-3601, -1, 0, 1, 1800, 3599, 3600, 7200] {
                        let local = change + i64::from(before) + delta;
                        let naive = DateTime::from_timestamp(local, 0)
                            .expect("in range")
                            .naive_utc();
                        let expected = match tz.from_local_datetime(&naive).earliest() {
                            Some(at) => at.timestamp(),
                            None => local - i64::from(before),
                        };
                        assert_eq!(
                            rules.utc_of_local(local),
                            expected,
                            "{} local {}",
                            tz.name(),
                            NaiveDateTime::to_string(&naive)
                        );
                    }
                }
                t = next;
            }
        }
    }

    #[test]
    fn links_keep_their_own_name() {
        let calcutta = Zone::named("Asia/Calcutta").expect("a link");
        assert_eq!(calcutta.name(), "Asia/Calcutta");
        assert_eq!(calcutta.to_string(), "Asia/Calcutta");
        let kolkata = Zone::named("Asia/Kolkata").expect("a zone");
        assert_ne!(calcutta, kolkata);
        assert_eq!(
            calcutta.offset_at(Timestamp::from_millis(0)),
            kolkata.offset_at(Timestamp::from_millis(0))
        );
        assert_eq!(
            "Nowhere/Atlantis".parse::<Zone>(),
            Err(UnknownZone("Nowhere/Atlantis".into()))
        );
    }
}
