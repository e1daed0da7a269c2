//! IANA time zones in a compact form: for each zone, the offsets it took since 1970 and the
//! recurring rule it follows after its last listed change. The table (`data.rs`) is generated from
//! the IANA database and checked against chrono-tz on every zone in the tests; it weighs a few
//! kilobytes where the full history weighs most of a megabyte.

#[rustfmt::skip]
mod data;
#[cfg(test)]
mod generate;
mod rule;

use std::fmt;
use std::str::FromStr;

use super::civil::SECONDS_PER_DAY;
use super::Timestamp;
use data::{NAMES, UTC_NAME, ZONES};
use rule::Rule;

/// One zone's history since 1970 and its rule afterwards.
#[derive(Debug)]
pub(crate) struct ZoneData {
    /// Offset in force before the first listed transition.
    pub initial: i32,
    /// The last listed transition (seconds since 1970), from which `rule` governs.
    pub last: u32,
    /// The listed transitions, each one LEB128 number: the quarter hours since the previous one
    /// (the first: since 1970) times 8, plus the index in `offsets` of the offset it brings. A
    /// transition off the quarter hour is written with 0 quarter hours, then its seconds as a
    /// second number. Only instants before `last` read them. 35 KB for every zone, where a word
    /// per delta and a byte per offset index took 58 KB (1.6 KB more once gzipped).
    pub changes: &'static [u8],
    /// The distinct offsets of the listed transitions (at most 8), in seconds east of UTC.
    pub offsets: &'static [i32],
    pub rule: Rule,
}

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
        let index = NAMES.binary_search_by(|(n, _)| (*n).cmp(name)).ok()?;
        u16::try_from(index).ok().map(Zone)
    }

    /// The name this zone was read from.
    pub fn name(self) -> &'static str {
        NAMES[usize::from(self.0)].0
    }

    /// The offset from UTC in force at an instant, in seconds east of UTC.
    pub fn offset_at(self, t: Timestamp) -> i32 {
        self.offset_at_seconds(t.millis().div_euclid(1000))
    }

    /// The UTC instant (seconds) of a local wall-clock time (seconds since 1970-01-01T00:00 local).
    /// An ambiguous time (clocks turned back) takes the earlier instant; a time that does not
    /// exist (clocks turned forward) is read with the offset in force before the gap, so it lands
    /// as far past the gap as it was into it.
    pub(crate) fn utc_of_local(self, local: i64) -> i64 {
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

    pub(crate) fn offset_at_seconds(self, utc: i64) -> i32 {
        let zone = &ZONES[usize::from(NAMES[usize::from(self.0)].1)];
        if utc >= i64::from(zone.last) {
            return zone.rule.offset_at(utc);
        }
        let (mut at, mut offset) = (0, zone.initial);
        let mut bytes = zone.changes.iter();
        while let Some(change) = leb128(&mut bytes) {
            let step = match change >> 3 {
                0 => leb128(&mut bytes).unwrap_or(0),
                quarters => quarters * 900,
            };
            at += step as i64;
            if at > utc {
                break;
            }
            offset = zone
                .offsets
                .get((change & 7) as usize)
                .copied()
                .unwrap_or(offset);
        }
        offset
    }
}

/// The next LEB128 number of `bytes` (seven bits a byte, low first, the top bit set on all but
/// the last byte).
fn leb128(bytes: &mut std::slice::Iter<u8>) -> Option<u64> {
    let mut value = 0;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.next()?;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
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
    NAMES.iter().map(|(name, _)| *name)
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
        assert_eq!(Zone::DATABASE_VERSION, chrono_tz::IANA_TZDB_VERSION);
    }

    #[test]
    fn offsets_match_the_full_database_from_1970_to_2100() {
        for tz in chrono_tz::TZ_VARIANTS {
            let zone = Zone::named(tz.name()).expect("a known name");
            let ours = |t: i64| zone.offset_at_seconds(t);
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
            let ours = |t: i64| zone.offset_at_seconds(t);
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
                            zone.utc_of_local(local),
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
        assert_eq!(calcutta.offset_at_seconds(0), kolkata.offset_at_seconds(0));
        assert_eq!(
            "Nowhere/Atlantis".parse::<Zone>(),
            Err(UnknownZone("Nowhere/Atlantis".into()))
        );
    }
}
