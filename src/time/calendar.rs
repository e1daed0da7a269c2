//! A policy calendar: a time zone, weekend days and holidays, and the arithmetic of durations in
//! minutes, hours, calendar days and business days on it.

use super::zone::ZoneRules;
use super::{Timestamp, Zone};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use std::borrow::Cow;

/// A length of time in one unit. Calendar and business days follow the calendar's local time.
///
/// ```
/// use ordergate::{Calendar, Duration, Timestamp, Zone};
/// let jakarta = Zone::named("Asia/Jakarta").unwrap();
/// let cal = Calendar::new(jakarta, &[chrono::Weekday::Sat, chrono::Weekday::Sun], &[]);
/// let friday = Timestamp::parse("2026-03-06T10:00:00+07:00").unwrap();
/// let due = cal.add(friday, Duration::BusinessDays(3));
/// assert_eq!(cal.format(due), "2026-03-11T10:00:00+07:00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duration {
    /// Elapsed minutes.
    Minutes(u32),
    /// Elapsed hours.
    Hours(u32),
    /// Calendar days: the same local time of day, that many dates later.
    Days(u32),
    /// Business days: the same local time of day on the n-th working day after; an instant on a
    /// non-working day counts from 00:00 of the next working day.
    BusinessDays(u32),
}

impl std::fmt::Display for Duration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (n, unit) = match self {
            Duration::Minutes(n) => (n, "minute"),
            Duration::Hours(n) => (n, "hour"),
            Duration::Days(n) => (n, "day"),
            Duration::BusinessDays(n) => (n, "business day"),
        };
        write!(f, "{n} {unit}{}", if *n == 1 { "" } else { "s" })
    }
}

/// The largest count accepted in a duration, in any unit (about 27 years in days).
pub const MAX_DURATION_COUNT: u32 = 10_000;

/// The largest count of business days accepted (about four years).
pub const MAX_BUSINESS_DAYS: u32 = 1_000;

/// Time zone, weekend and holidays of a policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// The zone's IANA name.
    zone: Cow<'static, str>,
    /// The zone's table, read once here rather than at every conversion.
    rules: ZoneRules,
    weekend: [bool; 7],
    /// Sorted, without repeats: searched by halves.
    holidays: Vec<NaiveDate>,
}

impl Calendar {
    /// A calendar from its parts.
    pub fn new(zone: Zone, weekend: &[Weekday], holidays: &[NaiveDate]) -> Self {
        let mut days = [false; 7];
        for day in weekend {
            days[day.num_days_from_monday() as usize] = true;
        }
        let mut holidays = holidays.to_vec();
        crate::heapsort::sort(&mut holidays);
        holidays.dedup();
        Calendar {
            zone: Cow::Borrowed(zone.name()),
            rules: zone.rules(),
            weekend: days,
            holidays,
        }
    }

    /// A calendar from a compiled policy's parts, or `None` when they are not a calendar's:
    /// holidays out of order or repeated.
    pub(crate) fn from_parts(
        zone: String,
        rules: ZoneRules,
        weekend: [bool; 7],
        holidays: Vec<NaiveDate>,
    ) -> Option<Calendar> {
        holidays
            .windows(2)
            .all(|w| w[0] < w[1])
            .then_some(Calendar {
                zone: Cow::Owned(zone),
                rules,
                weekend,
                holidays,
            })
    }

    /// The IANA name of the calendar's time zone.
    ///
    /// ```
    /// let zone = ordergate::Zone::named("Asia/Jakarta").unwrap();
    /// assert_eq!(ordergate::Calendar::new(zone, &[], &[]).zone_name(), "Asia/Jakarta");
    /// ```
    pub fn zone_name(&self) -> &str {
        &self.zone
    }

    /// The zone's table, as a compiled policy writes it.
    pub(crate) fn zone_rules(&self) -> &ZoneRules {
        &self.rules
    }

    /// The weekend days, Monday first.
    pub(crate) fn weekend(&self) -> [bool; 7] {
        self.weekend
    }

    /// The holidays, sorted.
    pub(crate) fn holidays(&self) -> &[NaiveDate] {
        &self.holidays
    }

    /// The offset from UTC in force at an instant in the calendar's zone, in seconds east.
    pub fn offset_at(&self, t: Timestamp) -> i32 {
        self.rules.offset_at(t)
    }

    /// An instant as RFC 3339 text in the calendar's zone, with milliseconds only when they are
    /// not zero (see [`Timestamp::format_in`]).
    pub fn format(&self, t: Timestamp) -> String {
        super::text::format_instant(t.millis(), self.offset_at(t))
    }

    /// Whether a local date is a working day (not a weekend day, not a holiday).
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        !self.weekend[date.weekday().num_days_from_monday() as usize]
            && self.holidays.binary_search(&date).is_err()
    }

    /// The instant `duration` after `from` on this calendar.
    pub fn add(&self, from: Timestamp, duration: Duration) -> Timestamp {
        match duration {
            Duration::Minutes(n) => from.offset(i64::from(n) * 60_000),
            Duration::Hours(n) => from.offset(i64::from(n) * 3_600_000),
            Duration::Days(n) => {
                let local = self.local(from);
                match local.date().checked_add_days(Days::new(u64::from(n))) {
                    Some(date) => self.instant(date.and_time(local.time())),
                    None => Timestamp::from_millis(i64::MAX),
                }
            }
            Duration::BusinessDays(n) => self.add_business_days(from, n),
        }
    }

    fn add_business_days(&self, from: Timestamp, n: u32) -> Timestamp {
        let local = self.local(from);
        let (mut date, time) = if self.is_working_day(local.date()) {
            (local.date(), local.time())
        } else {
            match self.next_working_day(local.date()) {
                Some(date) => (date, NaiveTime::MIN),
                None => return Timestamp::from_millis(i64::MAX),
            }
        };
        for _ in 0..n {
            match self.next_working_day(date) {
                Some(next) => date = next,
                None => return Timestamp::from_millis(i64::MAX),
            }
        }
        self.instant(date.and_time(time))
    }

    /// The first working day strictly after `date`. A calendar always has a working day within a
    /// week plus its holidays; the bound keeps a malformed calendar from looping.
    fn next_working_day(&self, date: NaiveDate) -> Option<NaiveDate> {
        let mut next = date;
        for _ in 0..(8 + self.holidays.len()) {
            next = next.succ_opt()?;
            if self.is_working_day(next) {
                return Some(next);
            }
        }
        None
    }

    fn local(&self, t: Timestamp) -> NaiveDateTime {
        let offset = i64::from(self.offset_at(t)) * 1000;
        Timestamp::from_millis(t.millis().saturating_add(offset))
            .to_utc()
            .naive_utc()
    }

    /// The instant of a local date-time, as [`ZoneRules::utc_of_local`] reads it.
    fn instant(&self, local: NaiveDateTime) -> Timestamp {
        let utc = local.and_utc();
        let seconds = self.rules.utc_of_local(utc.timestamp());
        Timestamp::from_millis(
            seconds
                .saturating_mul(1000)
                .saturating_add(i64::from(utc.timestamp_subsec_millis())),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday::{Sat, Sun};

    fn zone(name: &str) -> Zone {
        Zone::named(name).expect("a known zone")
    }

    fn jakarta(holidays: &[&str]) -> Calendar {
        let days: Vec<NaiveDate> = holidays.iter().map(|d| d.parse().unwrap()).collect();
        Calendar::new(zone("Asia/Jakarta"), &[Sat, Sun], &days)
    }

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    #[test]
    fn business_days_skip_weekend_and_holidays() {
        let cal = jakarta(&["2026-03-10"]);
        // Friday 10:00 -> Mon, (Tue holiday), Wed, Thu -> Thursday 10:00.
        let due = cal.add(at("2026-03-06T10:00:00+07:00"), Duration::BusinessDays(3));
        assert_eq!(due, at("2026-03-12T10:00:00+07:00"));
    }

    #[test]
    fn request_on_a_weekend_counts_from_next_working_day_midnight() {
        let cal = jakarta(&[]);
        let due = cal.add(at("2026-03-07T15:30:00+07:00"), Duration::BusinessDays(3));
        assert_eq!(due, at("2026-03-12T00:00:00+07:00"));
    }

    #[test]
    fn calendar_days_keep_local_time_across_daylight_saving() {
        let cal = Calendar::new(zone("Europe/Paris"), &[Sat, Sun], &[]);
        // Clocks go forward on 2026-03-29 in Paris.
        let due = cal.add(at("2026-03-28T12:00:00+01:00"), Duration::Days(1));
        assert_eq!(due, at("2026-03-29T12:00:00+02:00"));
        // 02:30 does not exist that day: it moves forward past the gap.
        let due = cal.add(at("2026-03-28T02:30:00+01:00"), Duration::Days(1));
        assert_eq!(due, at("2026-03-29T03:30:00+02:00"));
    }

    #[test]
    fn hours_are_elapsed_time() {
        let cal = jakarta(&[]);
        let due = cal.add(at("2026-03-07T15:30:00+07:00"), Duration::Hours(24));
        assert_eq!(due, at("2026-03-08T15:30:00+07:00"));
    }
}
