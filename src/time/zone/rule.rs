//! The recurring rule of a zone (a POSIX TZ rule, already parsed): the offsets in force after the
//! zone's last listed transition, with daylight saving time computed year by year.

use super::{signed, MAX_OFFSET};
use crate::leb128;
use crate::time::civil::{
    civil_from_days, days_from_civil, is_leap, month_length, SECONDS_PER_DAY,
};

/// Standard offset, and daylight saving time if the zone observes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rule {
    /// Seconds east of UTC outside daylight saving time.
    pub std: i32,
    pub dst: Option<Dst>,
}

/// Daylight saving time: its offset and the yearly changes into and out of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Dst {
    /// Seconds east of UTC during daylight saving time.
    pub offset: i32,
    /// When it starts, in local standard time.
    pub start: Change,
    /// When it ends, in local daylight saving time.
    pub end: Change,
}

/// A yearly change: a day and a time of day in seconds (which may be negative or pass 24 h).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Change {
    pub day: Day,
    pub time: i32,
}

/// The day of a yearly change, in the three forms POSIX allows. The current database only uses
/// `Mm.w.d`; the Julian forms are kept so that a future release regenerates without code changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Day {
    /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (1..=5, 5 = the last) of month `m`.
    Month { month: u8, week: u8, weekday: u8 },
    /// `Jn`: day 1..=365, February 29 never counted.
    JulianNoLeap(u16),
    /// `n`: day 0..=365, February 29 counted.
    Julian(u16),
}

impl Rule {
    /// Reads a rule as a zone's record stores it: the standard offset, then 0 (no daylight saving
    /// time) or 1 followed by its offset, start and end, each change a day then a time. Offsets
    /// and times are zigzag LEB128 numbers; a day is LEB128, its low two bits telling its form.
    pub(super) fn read(bytes: &mut std::slice::Iter<u8>) -> Option<Rule> {
        let std = signed(bytes)?;
        let dst = match bytes.next()? {
            0 => None,
            _ => Some(Dst {
                offset: signed(bytes)?,
                start: Change::read(bytes)?,
                end: Change::read(bytes)?,
            }),
        };
        Some(Rule { std, dst })
    }

    /// Whether every value is one POSIX allows: offsets within 26 hours, change times within
    /// 167 hours, days that exist. Only then is the year-by-year arithmetic free of surprises.
    pub(super) fn is_valid(&self) -> bool {
        let offset = |o: i32| o.abs() <= MAX_OFFSET;
        offset(self.std)
            && self
                .dst
                .is_none_or(|dst| offset(dst.offset) && dst.start.is_valid() && dst.end.is_valid())
    }

    /// The offset in force at `utc` (seconds since the epoch).
    pub fn offset_at(&self, utc: i64) -> i32 {
        let Some(dst) = &self.dst else {
            return self.std;
        };
        let (year, _, _) = civil_from_days((utc + i64::from(self.std)).div_euclid(SECONDS_PER_DAY));
        let start = dst.start.utc_in(year, self.std);
        let end = dst.end.utc_in(year, dst.offset);
        let in_dst = if start < end {
            start <= utc && utc < end
        } else {
            utc < end || start <= utc
        };
        if in_dst {
            dst.offset
        } else {
            self.std
        }
    }
}

impl Change {
    fn read(bytes: &mut std::slice::Iter<u8>) -> Option<Change> {
        let day = leb128::read(bytes)?;
        let n = u16::try_from(day >> 2).ok()?;
        let day = match day & 3 {
            0 => Day::Month {
                month: (n >> 6) as u8,
                week: (n >> 3 & 7) as u8,
                weekday: (n & 7) as u8,
            },
            1 => Day::JulianNoLeap(n),
            _ => Day::Julian(n),
        };
        Some(Change {
            day,
            time: signed(bytes)?,
        })
    }

    fn is_valid(&self) -> bool {
        let day = match self.day {
            Day::Month {
                month,
                week,
                weekday,
            } => (1..=12).contains(&month) && (1..=5).contains(&week) && weekday <= 6,
            Day::JulianNoLeap(n) => (1..=365).contains(&n),
            Day::Julian(n) => n <= 365,
        };
        day && self.time.abs() <= 167 * 3600
    }

    /// The UTC instant of this change in `year`, for a local time at `offset`.
    pub(super) fn utc_in(&self, year: i64, offset: i32) -> i64 {
        let day = self.day.in_year(year);
        day * SECONDS_PER_DAY + i64::from(self.time) - i64::from(offset)
    }
}

impl Day {
    /// Days since the epoch of this day in `year`.
    fn in_year(&self, year: i64) -> i64 {
        match *self {
            Day::Julian(n) => days_from_civil(year, 1, 1) + i64::from(n),
            Day::JulianNoLeap(n) => {
                let after_february = is_leap(year) && n >= 60;
                days_from_civil(year, 1, 1) + i64::from(n) - 1 + i64::from(after_february)
            }
            Day::Month {
                month,
                week,
                weekday,
            } => {
                let first = days_from_civil(year, month, 1);
                // 1970-01-01 was a Thursday (weekday 4).
                let first_weekday = (first + 4).rem_euclid(7);
                let mut day =
                    (i64::from(weekday) - first_weekday).rem_euclid(7) + 7 * (i64::from(week) - 1);
                let length = i64::from(month_length(year, month));
                while day >= length {
                    day -= 7;
                }
                first + day
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Europe/Paris since 1996: CET-1CEST,M3.5.0,M10.5.0/3.
    const PARIS: Rule = Rule {
        std: 3600,
        dst: Some(Dst {
            offset: 7200,
            start: Change {
                day: Day::Month {
                    month: 3,
                    week: 5,
                    weekday: 0,
                },
                time: 7200,
            },
            end: Change {
                day: Day::Month {
                    month: 10,
                    week: 5,
                    weekday: 0,
                },
                time: 10_800,
            },
        }),
    };

    #[test]
    fn last_sunday_rules_change_at_the_stated_local_time() {
        // 2026-03-29T01:00:00Z and 2026-10-25T01:00:00Z.
        let (start, end) = (1_774_746_000, 1_792_890_000);
        assert_eq!(PARIS.offset_at(start - 1), 3600);
        assert_eq!(PARIS.offset_at(start), 7200);
        assert_eq!(PARIS.offset_at(end - 1), 7200);
        assert_eq!(PARIS.offset_at(end), 3600);
    }

    #[test]
    fn julian_days_skip_or_count_february_29() {
        let leap = 2028;
        let march_1 = days_from_civil(leap, 3, 1);
        assert_eq!(Day::JulianNoLeap(60).in_year(leap), march_1);
        assert_eq!(Day::Julian(60).in_year(leap), march_1);
        assert_eq!(Day::Julian(59).in_year(leap), march_1 - 1);
    }
}
